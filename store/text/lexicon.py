"""Small curated word lists the participant rules lean on: roles, ranks, honorifics,
organisation and place words, first names, in Latin and Cyrillic.

English entries are compared casefolded and whole; Russian entries are stems, compared as
prefixes of the casefolded word, because Russian inflects every noun ("председатель",
"председателем", "председателя").
"""

from __future__ import annotations

import re
from functools import lru_cache


def _words(text: str) -> frozenset[str]:
    return frozenset(w.casefold() for w in text.split())


ROLE_WORDS = _words(
    """
    secretary general secretary-general under-secretary-general director director-general
    deputy minister president vice-president chairman chairwoman chairperson chair head chief
    ambassador representative envoy commissioner spokesman spokeswoman spokesperson speaker
    editor editor-in-chief correspondent coordinator co-ordinator commander commander-in-chief
    adviser advisor counsellor counselor councillor councilor consul attache attaché officer
    expert rector professor governor mayor senator member leader premier king queen prince
    emir
    prime first executive permanent plenipotentiary extraordinary special acting assistant
    foreign defense defence affairs state press public chancellor vice
    manager founder administrator inspector prosecutor judge delegate observer official high
    federal
    ministers secretaries representatives heads chiefs deputies directors presidents
    ambassadors members officials leaders chairmen envoys commissioners delegates experts
    coordinators co-ordinators
    """
)
"""Words a role phrase is made of ("First Deputy Minister", "Permanent Representative")."""

ROLE_HEADS = _words(
    """
    secretary secretary-general under-secretary-general director director-general deputy
    minister president vice-president chairman chairwoman chairperson chair head chief
    ambassador representative envoy commissioner spokesman spokeswoman spokesperson speaker
    editor editor-in-chief correspondent coordinator co-ordinator commander commander-in-chief
    adviser advisor counsellor counselor councillor councilor consul officer expert rector
    professor governor mayor senator leader premier chancellor manager founder delegate judge
    prosecutor
    """
)
"""The nouns that make a phrase a role (an adjective like "Permanent" alone does not)."""

RANKS = _words(
    """
    general colonel lieutenant major captain admiral marshal sergeant brigadier
    colonel-general lieutenant-general major-general army vice-admiral rear-admiral
    police justice
    """
)
"""Military and service ranks that sit between a role and a name; not part of the role."""

HONORIFICS = _words(
    """
    mr mr. mrs mrs. ms ms. dr dr. prof prof. sir madam h.e. he excellency his her
    hon. honourable honorable mister lord lady sheikh
    """
)
"""Forms of address that are dropped in front of a name ("H.E. Mr. Tokayev")."""

ORG_WORDS = _words(
    """
    organization organisation council institute academy assembly ministry committee
    secretariat staff forces force center centre service agency office department university
    federation republic union parliament duma house senate nations csto sco osce cis nato un
    eu brics unodc unrcca unama ats rats icrc oic asean treaty security cooperation
    co-operation collective conference forum summit session meeting commission bureau bank
    fund group board directorate administration government cabinet mission embassy
    consulate delegation alliance community commonwealth court tribunal police army navy
    headquarters declaration charter strategy programme program plan concept protocol
    convention agreement memorandum initiative platform process format dialogue network
    association society party movement foundation magazine newspaper journal agency
    television radio channel news times post tass ria novosti sputnik belta interfax
    kazinform xinhua reuters company corporation hotel park palace hall school college
    museum library church mosque cathedral hospital award prize order medal ship frigate
    cruiser destroyer corvette vessel operation exercise exercises day year week
    international national regional global joint central eurasian eurasia world economy
    relations sciences science economic military political humanitarian foreign affairs
    defense defence interior internal justice health education culture emergency
    situations border troops guard general staff armed combined martial arts task
    working peacekeeping anti-terrorist structure counter-terrorism rapid reaction deployment
    crisis
    response disengagement observer supreme state federal executive statutory permanent
    affairs
    """
)
"""Words that make a capitalised run an organisation, a document or an event, not a person."""

ORG_NOUNS_LOWER = _words("magazine newspaper journal agency channel television radio portal")
"""Lowercase nouns that may sit inside an organisation name ("the magazine “National Defense”")."""

PLACE_WORDS = _words(
    """
    russia russian belarus belarusian byelorussian kazakhstan kazakh kazakhstani kyrgyzstan
    kyrgyz kyrgyzstani tajikistan tajik armenia armenian uzbekistan uzbek turkmenistan
    turkmen azerbaijan azerbaijani georgia georgian ukraine ukrainian moldova moldovan
    afghanistan afghan china chinese india indian pakistan pakistani iran iranian
    mongolia mongolian turkey turkish türkiye austria austrian italy italian germany german
    spain spanish france french britain british england english america american usa us
    israel israeli serbia serbian syria syrian iraq iraqi egypt egyptian japan japanese
    korea korean vietnam vietnamese laos cambodia thailand indonesia malaysia qatar saudi
    arabia emirates uae switzerland swiss finland finnish sweden swedish norway norwegian
    poland polish hungary hungarian czech slovakia slovak cuba cuban brazil brazilian
    africa african europe european asia asian kyrgyz caucasus balkans pacific atlantic arctic
    caribbean sahel
    moscow minsk astana almaty bishkek dushanbe yerevan tashkent ashgabat baku tbilisi kyiv
    kiev beijing shanghai qingdao geneva vienna new york washington brussels paris london
    rome berlin dublin yekaterinburg petersburg st. saint sochi kazan novosibirsk delhi
    islamabad tehran kabul ankara istanbul tokyo seoul hanoi osh khujand samarkand
    region district oblast province city village golan heights
    north south east west northern southern eastern western middle near far greater
    republic federation kingdom emirate islamic people's peoples
    """
)
"""Countries, their adjectives, capitals and place words: places are not people."""

STOP_CAPITALS = _words(
    """
    the a an on in at of for to from by with and or but as during following after before
    since until today yesterday tomorrow this these that those it its he she they we i you
    our his her their my your also however therefore thus then there here when where while
    which who what why how all each every both some many most other another such no not
    one two three first second third last next new dear ladies gentlemen distinguished
    colleagues friends thank thanks let please welcome good congratulations according
    despite within under over between among about against into through upon without
    besides moreover meanwhile furthermore additionally finally earlier later recently
    mr mrs ms dr
    has have had met meets meet held holds hold says said say will was were is are be been
    visited visits visit took takes take calls called discussed discusses discuss receives
    received attends attended opens opened signs signed urges urged praises praised
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday
    """
)
"""Capitalised words that start sentences or salutations but never start a name."""

FIRST_NAMES = _words(
    """
    aleksandr alexander alexandr aleksander alexey aleksei alexei andrei andrey anatoly
    anatoliy anton arkady artem artyom boris bakhtiyor bakhtiyar dmitry dmitri dmitriy
    denis eduard evgeny evgeniy yevgeny fyodor fedor gennady gennadiy georgy george grigory
    igor ilya ivan kirill konstantin leonid maxim maksim mikhail nikolai nikolay oleg pavel
    pyotr petr roman ruslan sergey sergei semyon stanislav stepan timur vadim valery
    valeriy vasily vasiliy viktor victor vitaly vladimir vladislav vyacheslav yury yuri
    yuriy zakhar nikita lev valentin arkadiy gleb matvey mark egor yegor
    anna elena yelena irina maria mariya marina natalia natalya olga svetlana tatiana
    tatyana valentina ekaterina yekaterina lyudmila galina nadezhda vera lyubov zhanna
    imangali taalatbek kassym-jomart kassym nursultan sultan marat murat yerlan erlan yerzhan
    kairat askar bakhyt daniyar nurlan talgat mukhtar samat serik bolat azamat almaz
    sadyr sooronbay sooronbai almazbek kamchybek zheenbek emomali sirojiddin khasan hasan
    shavkat abdulaziz bakhodir rashid serdar gurbanguly kurbanguly nikol ararat armen
    suren zohrab edmon gurgen ilham jeyhun hikmet aman aibek aybek nurlan erines kubanychbek
    mukhammadali rustam sherali zarif sohib imomali
    zhang xi li wang liu chen yang wu hu ma zhao
    narendra shehbaz muhammad mohammad mohammed ahmed ahmad ali hassan hossein ebrahim
    ibrahim abdullah omar khalid hamid faisal javad abbas masoud recep mevlut ahmet mehmet
    hakan
    antonio ban kofi boutros javier kurt lamberto thomas helga feridun marc jean pierre
    francois emmanuel angela olaf frank-walter john james william david michael robert
    richard charles joseph paul peter george mark mary elizabeth elisabeth karin gernot
    angelino ildefonso talya ingibjorg harlem miroslav kaha natalia petko levent lynn
    jens josep federica ursula kaja annalena rosemary martin miguel
    carlos luis jose juan sebastian rafael
    roza rosa kassym-zhomart
    """
)
"""Common first names of the region's officials and of international figures (Latin)."""

FIRST_NAMES_CYR = (
    "александр алексей андрей анатолий антон аркадий артем артём борис бахтиер бахтиёр "
    "владимир владислав вячеслав валерий василий виктор виталий вадим геннадий георгий "
    "григорий глеб денис дмитрий евгений егор эдуард иван игорь илья кирилл константин "
    "леонид лев максим михаил николай никита олег павел петр пётр роман руслан сергей "
    "семен семён станислав степан тимур юрий захар матвей марк "
    "анна елена ирина мария марина наталья наталия ольга светлана татьяна валентина "
    "екатерина людмила галина надежда вера любовь жанна роза "
    "имангали таалатбек касым-жомарт касым нурсултан марат мурат ерлан ержан кайрат "
    "аскар бахыт данияр нурлан талгат мухтар самат серик болат азамат алмаз садыр "
    "сооронбай алмазбек камчыбек жээнбек эмомали сироджиддин хасан шавкат абдулазиз "
    "рашид сердар гурбангулы никол арарат армен сурен зограб гурген ильхам джейхун аман "
    "айбек рустам шерали зариф си ли ван чжан нарендра антониу антонио"
).split()
"""Cyrillic first names in the nominative; a name in another case starts with one of these."""

FIRST_NAMES_CYR_SET = frozenset(FIRST_NAMES_CYR)


@lru_cache(maxsize=65_536)
def is_listed_first_name_cyr(key: str) -> bool:
    """Whether a casefolded Cyrillic word is one of the first names above, in any case form
    ("Сергеем", "Ивану")."""
    return key in FIRST_NAMES_CYR_SET or any(
        len(name) > 2 and key.startswith(name) and len(key) - len(name) <= 3
        for name in FIRST_NAMES_CYR
    )

FEMALE_FIRST_NAMES_CYR = frozenset(
    (
        "евгения валерия виктория юлия мария наталия лидия алия "
        "феруза нигора фарзона зарина дилноза гульноза шахноза мохира малика камила севара "
        "дилфуза муниса мафтуна лола наргиза умида зульфия гульчехра тахмина мадина динара "
        "гульнара асель айгерим жанар гульмира айжан жанель сауле айгуль нургуль жылдыз "
        "чолпон айпери гулзат элмира бурул нилуфар шахло дилором мехриниссо гаяне анаит "
        "лилит ануш асмик седа мариам"
    ).split()
)
"""Women's first names in the nominative that the analyser reads as a man's name in
another case ("Феруза" as the genitive of Феруз, "Евгения" of Евгений, "Сауле" as the
locative of Саул): with a surname that may be a woman's nominative, the name is kept as
written. Names of the region's officials the analyser does not know as women's."""

ROLE_STEMS_CYR = (
    "генеральн генсек секретар председател заместител министр президент премьер директор "
    "глав начальник руководител посл посол постоянн полномочн представител пресс-секретар "
    "спикер командующ депутат советник помощник уполномоченн исполняющ и.о. врио "
    "первый первого первым вице- чрезвычайн специальн спецпредставител генерал "
    "полковник майор адмирал маршал лейтенант официальн командир ректор проректор офицер "
    "старш атташе инспектор исполнительн действующ ответственн"
).split()
"""Stems of Russian role and rank words, matched as prefixes of the casefolded word."""

ROLE_ADJECTIVE_STEMS_CYR = (
    "генеральн постоянн полномочн чрезвычайн специальн официальн исполнительн первый "
    "первого первым старш действующ ответственн"
).split()
"""The adjectives among them ("Постоянный представитель", "Исполнительный директор"): part
of a role only before its noun; "Председатель Постоянной комиссии" chairs a body."""

ORG_STEMS_CYR = (
    "одкб шос снг оон обсе нато ес брикс организаци совет комитет ассамбле парламент "
    "секретариат министерств ведомств штаб сил войск центр служб агентств управлени "
    "департамент университет федераци республик союз дум палат сенат договор "
    "безопасност сотрудничеств коллективн содружеств независим государств "
    "координационн командующ пограничн объединенн объединённ антитеррористическ "
    "парламентск государственн международн национальн региональн евразийск "
    "иностранн дел обороны обороне правительств кабинет посольств делегаци миссии "
    "конференци форум саммит сесси заседани декларац устав стратег программ "
    "структур отдел военн экономическ комисси коллеги институт академи банк всемирн "
    "мид рф белта тасс риа новости спутник"
).split()
"""Stems of Russian organisation words."""

PLACE_STEMS_CYR = (
    "росси российск беларус белорусск казахстан казахстанск кыргызстан кыргызск киргиз "
    "таджикистан таджикск армени армянск узбекистан узбекск туркменистан туркменск "
    "азербайджан грузи украин молдав афганистан афганск кита китайск инди индийск "
    "пакистан иран монголи турци австри итали германи испани франци сша америк "
    "москв минск астан алмат бишкек душанбе ереван ташкент ашхабад баку тбилиси пекин "
    "женев вен нью-йорк брюссел париж лондон рим берлин екатеринбург петербург сочи "
    "евраз азии азия европ кавказ област район регион "
    "финлянд дан швеци швейцар норвеги нидерланд бельги канад япони вьетнам венгри "
    "болгари румыни словаки эстони израил египт эмират"
).split()
"""Stems of Russian place names and adjectives."""

PORTFOLIO_WORDS = _words(
    """
    foreign affairs defence defense health justice internal interior emergency situations
    economy economic finance finances education culture labour labor agriculture energy
    transport trade industry sport sports youth science digital development staff general
    armed forces peace operations political peacebuilding humanitarian disarmament
    infrastructure integration macroeconomics customs competition antitrust regulation
    technical markets information communications technologies agro-industrial complex
    policy
    """
)
"""Words of a minister's or officer's portfolio: "Minister of Foreign Affairs", "Chief of
the General Staff of the Armed Forces", "Under-Secretary-General for Peace Operations".
They belong to the role; the state or body after them is the organisation."""

PORTFOLIO_STEMS_CYR = (
    "иностранных дел обороны здравоохранени внутренних юстици финансов экономик "
    "образовани культуры труда сельского хозяйства энергетик транспорт промышленност "
    "торговл спорт аппарат штаба вооруженных вооружённых сил чрезвычайным ситуациям"
).split()
"""The same in Russian, in the genitive a role governs ("Министр иностранных дел",
"начальник Генерального штаба Вооруженных Сил", "руководитель аппарата")."""

CONNECTORS = _words(
    "of the and for on to in at de del da di von van der bin al el la le du charge"
)
"""Lowercase words that may sit inside an organisation or role phrase ("Minister in charge
of ...")."""

NAME_PARTICLES = _words("von van der den de da di du dos das del della bin ibn")
"""Lowercase words inside a person's name ("Pierre von Hoffmann", "Ursula von der Leyen")."""

CONNECTORS_CYR = frozenset("и по при в во на для с о об".split())
"""Russian short words that may sit inside an organisation or role phrase."""

SALUTATION_STARTS = (
    "dear", "ladies", "distinguished", "your excellency", "excellencies", "colleagues",
    "friends", "уважаем", "дамы", "дорогие", "коллеги", "господин", "госпожа",
)
"""How a speech's address lines begin; such a line is never an item title."""

CAPTION_STARTS = (
    "photo:", "photos:", "photo by", "photo credit", "pictured:", "picture:", "in the photo",
    "фото:", "фото -", "фото –", "на снимке", "на фото", "снимок:",
)
"""How a photo's caption line begins: part of its item (it may name people), never a title."""

BYLINE_STARTS = (
    "interviewed by", "interview by", "written by", "text by", "author:",
    "by our ", "by a staff ", "by staff ", "by special correspondent", "from our correspondent",
    "as delivered by ", "delivered by ",
    "беседовал", "беседовала", "беседовали", "записал", "записала", "подготовил ",
    "подготовила ", "автор:", "текст:", "от нашего корреспондента", "наш корреспондент",
)
"""How a by-line begins ("Interviewed by ...", "Беседовала ..."): part of the piece, never the
title of the next one."""

CREDIT_STARTS = ("source:", "sources:", "источник:", "источники:", "по материалам ")
"""How the line crediting the item's source begins ("Source: BelTA", "Источник: пресс-служба
..."): the item's last line, never the title of the next one."""


NEWS_OUTLETS = _words(
    """
    tass тасс ria риа interfax интерфакс belta белта kazinform казинформ armenpress арменпресс
    akipress акиpress акипресс sputnik спутник uza уза khovar ховар kabar кабар trend azertac
    азертадж apa xinhua синьхуа reuters afp ap kyodo anadolu asia-plus азия-плюс tengrinews
    kun.uz 24.kz azattyq азаттык
    """
)
"""News agencies of the region whose name a page prints on a line of its own:
the site's masthead above an item ("Kazinform", "📰 Sputnik Kyrgyzstan", "RSS · AKIpress")
or its credit under it ("УзА"), never a title or the item's text."""


NEWS_RUBRICS = frozenset(
    {
        "peace and security", "climate and environment", "climate change", "health",
        "human rights", "humanitarian aid", "economic development", "women",
        "migrants and refugees", "law and crime prevention", "culture and education",
        "un affairs", "sdgs", "sustainable development goals",
        "мир и безопасность", "климат и окружающая среда", "изменение климата",
        "здравоохранение", "права человека", "гуманитарная помощь",
        "экономическое развитие", "женщины", "мигранты и беженцы",
        "право и предотвращение преступности", "культура и образование", "дела оон", "цур",
        "цели устойчивого развития",
    }
)
"""The topics UN News files each story under, printed beside or under its date ("23 марта
2020", "Мир и безопасность"): the site's rubric, never a title or the story's text."""


SPEECH_CLOSINGS = (
    "thank you", "i thank you", "thanks for your attention", "благодарю за внимание",
    "спасибо за внимание", "спасибо", "благодарю вас",
)
"""How a speech's last paragraph begins: what follows it is no longer the speech."""

FIRST_PERSON = _words(
    """
    i me my mine we us our ours myself ourselves
    я меня мне мной мы нас нам нами наш наша наше наши нашего нашей нашим наших нашему
    нашу мой моя моё мое мои моего моей моим моих
    """
)
"""A speaker's own voice; a news item reports in the third person."""

SPEAKER_VERBS = re.compile(
    r"\b(?:let me|allow me)\b"
    r"|(?<![а-яё])(?:хотел(?:а|ось)? бы|хочу|позвольте|разрешите|считаю|благодарю|приветствую"
    r"|призываю|предлагаю|отмечу|подчеркну|желаю|поздравляю|рассчитываю|надеюсь"
    r"|признателен|признательна)(?![а-яё])",
    re.IGNORECASE,
)
"""A speaker's own voice without a pronoun: Russian puts the first person in the verb
("Отдельно хотел бы поблагодарить ..."), English in "let me", "allow me"."""

NEWS_LEAD_VERBS = re.compile(
    r"\b(?:met|meets|received|held|hosted|chaired|visited|took part|participated|attended"
    r"|was held|were held|took place|signed|opened)\b"
    r"|(?<![а-яё])(?:состоял(?:ась|ось|ся|ись)|провел|провёл|провела|принял|приняла"
    r"|встретил(?:ся|ась)|посетил|прошл[аои]|прош[её]л|подписал|открыл)(?![а-яё])",
    re.IGNORECASE,
)
"""What a news lead reports: a meeting held, a visitor received, a visit paid."""

CONTINUATION = re.compile(
    r"\b(?:also|too|as well|in addition|the (?:meeting|talks|visit|event|sides|parties)"
    r"|the relevant|the respective|the said|this decision|the decision"
    r"|the (?:session|summit|conference|forum|ceremony|exercises?)(?! of\b))\b"
    r"|(?<![а-яё])(?:также|тоже|кроме того|во встрече|в ходе|в переговорах|в мероприятии"
    r"|соответствующ\w*|данн(?:ое|ый|ую|ого) решени\w*)"
    r"(?![а-яё])",
    re.IGNORECASE,
)
"""Words by which a paragraph goes on with the event its item already told of ("... took
part in the session.", not "... in the session of the OSCE Permanent Council")."""


class Stems:
    """Russian stems, one or more of the lists above, matched as prefixes of a casefolded
    word: one regular expression for all of them, and each word's answer remembered (the
    parser asks about every capitalised word of every paragraph)."""

    def __init__(self, *lists: list[str]) -> None:
        stems = {stem for words in lists for stem in words}
        longest_first = sorted(stems, key=len, reverse=True)
        # A short stem ("сил", "дел", "вен") names a word only when little follows it, so
        # that surnames such as "Силуанов" or "Делягин" are not taken for organisations.
        long = [re.escape(s) for s in longest_first if len(s) > 3]
        short = [rf"{re.escape(s)}.{{0,2}}$" for s in longest_first if len(s) <= 3]
        self._pattern = re.compile("|".join(long + short))
        self.match = lru_cache(maxsize=65_536)(self._match)

    def _match(self, key: str) -> bool:
        return self._pattern.match(key) is not None


ROLE_STEMS = Stems(ROLE_STEMS_CYR)
ROLE_ADJECTIVE_STEMS = Stems(ROLE_ADJECTIVE_STEMS_CYR)
ORG_STEMS = Stems(ORG_STEMS_CYR)
PLACE_STEMS = Stems(PLACE_STEMS_CYR)
PORTFOLIO_STEMS = Stems(PORTFOLIO_STEMS_CYR)
NAMED_THING_STEMS = Stems(ROLE_STEMS_CYR, ORG_STEMS_CYR, PLACE_STEMS_CYR)
"""A role's, an organisation's or a place's stem: a word that is not a person's name."""


def has_stem(word: str, stems: Stems) -> bool:
    """Whether a (Russian) word starts with one of the stems, ignoring case."""
    return stems.match(word.casefold())

FUNCTION_WORDS = _words(
    """
    a an the and or but nor so yet if then than that this these those there here
    of to in on at by for from with without within into onto upon about above below
    over under after before between among through during against across along around
    as is are was were be been being am do does did done has have had having
    will would shall should can could may might must not no yes
    i me my we us our you your he him his she her it its they them their
    who whom whose which what when where why how all any both each few more most
    other some such only own same very also just too again further once
    и в во на с со к ко о об от до по за из у не но а что как это этот эта эти
    то та те для при без над под про же ли бы был была были быть его её ее их он она
    они мы вы я также который которая которые
    """
)
"""Words nobody means by a first letter or two: they still match when typed whole, but
search never offers them as completions ("t" -> "the", "to", "than" would list every item
of the archive first, and cost a million postings to rank at 1M items)."""
