"""A deterministic synthetic press archive in the CSTO style, with the ground truth of who is where.

    python -m tests.bench.synth --items N --out FILE.jsonl [--truth FILE.truth.json] [--seed 1]

Items follow the JSONL model of DESIGN.md (`store.model.Item.to_dict()`), each with an explicit
`id` (`syn-000000123`) so the truth file can name the items every person appears in. People
come from a roster written first in Cyrillic and transliterated by several real-world schemes,
so one person shows up as Voitolovsky, Voytolovskiy and Voitolovskii; Russian items name them
in grammatical case forms ("с Ф.Войтоловским"). Same seed and size give a byte-identical file.
"""

from __future__ import annotations

import argparse
import bisect
import json
import random
import sys
import time
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from pathlib import Path

from rapidfuzz.distance import Levenshtein

ROSTER_SIZE = 3_000
NAMESAKES = 0.08
"""The share of people who get a namesake: same surname, another first name, same initial."""
VERSION = 2
"""Bumped whenever the same seed and size give other items; cached archives name it."""
FIRST_YEAR, LAST_DAY = 2002, date(2026, 10, 31)
"""The archive's span; fixed rather than "today" so the output never depends on the clock."""

# --------------------------------------------------------------------------------------------
# Transliteration: real archives mix schemes, which is exactly what search must see through.
# --------------------------------------------------------------------------------------------

_VOWELS = set("аеёиоуыэюя")
_LETTERS = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ж": "zh", "з": "z", "и": "i",
    "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e",
}  # fmt: skip


@dataclass(frozen=True)
class Scheme:
    """One way of writing Russian in Latin letters (press, passport, "popular", loose)."""

    yo: str
    short_i: str
    """й inside a word (Voitolovsky / Voytolovskiy)."""
    final_short_i: str
    """й ending a word after a vowel (Sergey / Sergei)."""
    final_iy: str
    """ий / ый ending a word (-y / -iy / -ii / -i)."""
    kh: str
    ts: str
    yu: str
    ya: str
    ye: bool
    """е as "ye" at the start of a word and after a vowel (Yevgeny, Sergeyev)."""
    ks: str


PRESS = Scheme("yo", "i", "y", "y", "kh", "ts", "yu", "ya", True, "ks")
PASSPORT = Scheme("e", "i", "i", "ii", "kh", "ts", "iu", "ia", False, "ks")
POPULAR = Scheme("e", "y", "y", "iy", "kh", "ts", "yu", "ya", True, "ks")
LOOSE = Scheme("io", "y", "i", "i", "h", "tz", "iu", "ia", False, "x")
SCHEMES: tuple[Scheme, ...] = (PRESS, PASSPORT, POPULAR, LOOSE)
"""PRESS gives the canonical spelling; the others give the alternatives."""

_ENGLISH_FIRST = {"Александр": "Alexander"}
"""Names the English press writes in their English form rather than transliterated."""


def transliterate(text: str, scheme: Scheme = PRESS) -> str:
    """Cyrillic name → Latin in one scheme; words and hyphenated parts are capitalised."""
    return " ".join(
        "-".join(_translit_word(part, scheme) for part in word.split("-")) for word in text.split()
    )


def _translit_word(word: str, s: Scheme) -> str:
    low = word.lower()
    out: list[str] = []
    i, n = 0, len(low)
    while i < n:
        c = low[i]
        prev = low[i - 1] if i else ""
        nxt = low[i + 1] if i + 1 < n else ""
        if c in "иы" and nxt == "й" and i + 2 == n:
            out.append(s.final_iy)
            i += 2
            continue
        if c == "к" and nxt == "с":
            out.append(s.ks)
            i += 2
            continue
        after_vowel = not prev or prev in _VOWELS or prev in "ьъ"
        if c == "й":
            out.append(s.final_short_i if i + 1 == n else s.short_i)
        elif c == "ё":
            out.append(s.yo)
        elif c == "е":
            out.append("ye" if s.ye and after_vowel else "e")
        elif c == "х":
            out.append(s.kh)
        elif c == "ц":
            out.append(s.ts)
        elif c == "ю":
            out.append(s.yu)
        elif c == "я":
            out.append(s.ya)
        else:
            out.append(_LETTERS.get(c, c))
        i += 1
    latin = "".join(out)
    return latin[:1].upper() + latin[1:]


# --------------------------------------------------------------------------------------------
# Russian case forms of surnames: "встретился с Войтоловским", "В.Хрениным".
# --------------------------------------------------------------------------------------------

CASES = ("nom", "gen", "dat", "ins", "pre")


def surname_case(surname: str, gender: str, case: str) -> str:
    """The surname in a grammatical case; indeclinable ones (-енко, -ян for women) stay put."""
    if case == "nom":
        return surname
    s = surname
    if gender == "f":
        if s.endswith(("ова", "ева", "ёва", "ина", "ына")):
            return s[:-1] + "ой"
        if s.endswith("ая"):
            return s[:-2] + "ой"
        return s
    if s.endswith(("ский", "цкий")):
        return s[:-2] + {"gen": "ого", "dat": "ому", "ins": "им", "pre": "ом"}[case]
    if s.endswith(("ов", "ев", "ёв", "ин", "ын")):
        return s + {"gen": "а", "dat": "у", "ins": "ым", "pre": "е"}[case]
    if s.endswith(("о", "а", "я", "и", "е", "у", "ы", "ых")):
        return s  # -енко, -зода, Кызы...: not declined
    if s.endswith(("ч", "ш", "щ", "ж", "ц")):
        return s + {"gen": "а", "dat": "у", "ins": "ем", "pre": "е"}[case]
    return s + {"gen": "а", "dat": "у", "ins": "ом", "pre": "е"}[case]


def feminine(surname: str) -> str:
    """The feminine form of a masculine surname (Петров → Петрова, Шпаковский → Шпаковская)."""
    if surname.endswith(("ов", "ев", "ёв", "ин", "ын")):
        return surname + "а"
    if surname.endswith(("ский", "цкий")):
        return surname[:-2] + "ая"
    return surname


# --------------------------------------------------------------------------------------------
# The roster.
# --------------------------------------------------------------------------------------------


def _words(text: str) -> list[str]:
    return text.split()


_FIRST_NAMES = {
    ("ru", "m"): _words(
        "Александр Алексей Андрей Анатолий Аркадий Валерий Василий Виктор Виталий Владимир"
        " Вячеслав Геннадий Георгий Григорий Дмитрий Евгений Юрий Илья Игорь Кирилл Константин"
        " Максим Михаил Николай Олег Павел Пётр Сергей Станислав Фёдор Ярослав Артём Семён"
        " Матвей Тимофей Алексей Леонид Эдуард Денис Вадим Ефим Захар Яков Арсений Аксён"
    ),
    ("ru", "f"): _words(
        "Анна Елена Екатерина Мария Наталья Ольга Ирина Светлана Татьяна Юлия Ксения Людмила"
        " Валентина Дарья Алёна Евгения Марина Надежда Софья Полина Таисия Зоя Любовь Майя"
    ),
    ("kz", "m"): _words(
        "Нурлан Ерлан Асхат Марат Болат Жандос Канат Айбек Азамат Ержан Серик Бауыржан Ерболат"
        " Нуржан Жанибек Дархан Ерген Кайрат Арман Талгат Мухтар Ермек Алихан Бахытжан Еркин"
        " Тимур Рустем Даурен Ельдос Аян"
    ),
    ("kz", "f"): _words("Айгерим Гульнара Динара Жанар Асель Мадина Айжан Сауле Гульмира Жанель"),
    ("kg", "m"): _words(
        "Улан Талант Эрмек Алмаз Азамат Бакыт Нурбек Эрлан Чингиз Жылдыз Адилет Мирлан Эмиль"
        " Кубанычбек Жоомарт Темир Улугбек Эркин Бектур Нурлан"
    ),
    ("kg", "f"): _words("Айгуль Жылдыз Чолпон Айпери Гулзат Элмира Бурул Нургуль"),
    ("tj", "m"): _words(
        "Шерали Фаррух Зафар Джамшед Хуршед Рахмон Сухроб Бахтиёр Рустам Фирдавс Шамсиддин"
        " Абдулло Джамолиддин Исмоил Мехрубон Хайём Зохир Далер Комрон Сиёвуш Юсуф"
    ),
    ("tj", "f"): _words("Нигора Шахноза Мехриниссо Тахмина Дилором Зарина Фарзона Мадина"),
    ("am", "m"): _words(
        "Ашот Армен Тигран Гурген Арам Давид Вазген Левон Карен Самвел Рубен Артур Ваган Грант"
        " Эдгар Саркис Нерсес Геворг Арсен Ованес"
    ),
    ("am", "f"): _words("Гаяне Анаит Лилит Ануш Карина Асмик Седа Мариам Сюзанна Эмма"),
    ("by", "m"): _words(
        "Александр Андрей Виктор Владимир Дмитрий Евгений Игорь Олег Павел Сергей Юрий Кирилл"
        " Вадим Леонид Виталий Алексей Геннадий Валерий Станислав Фёдор"
    ),
    ("by", "f"): _words("Анна Елена Ольга Ирина Наталья Татьяна Юлия Алёна Людмила Марина"),
    ("uz", "m"): _words(
        "Улугбек Шухрат Бахтиёр Рустам Джахонгир Ильхом Азиз Ойбек Санжар Фаррух Отабек Шерзод"
        " Алишер Тимур Равшан Жасур"
    ),
    ("uz", "f"): _words("Нилуфар Дилноза Гульноза Феруза Шахло Мохира"),
}

_SURNAMES = {
    "ru": _words(
        "Петров Иванов Смирнов Кузнецов Попов Васильев Соколов Михайлов Новиков Фёдоров Морозов"
        " Волков Алексеев Лебедев Семёнов Егоров Павлов Козлов Степанов Николаев Орлов Андреев"
        " Макаров Никитин Захаров Зайцев Соловьёв Борисов Яковлев Григорьев Романов Воробьёв"
        " Сергеев Кузьмин Фролов Александров Дмитриев Королёв Гусев Киселёв Ильин Максимов Поляков"
        " Сорокин Виноградов Ковалёв Белов Антонов Тарасов Жуков Баранов Филиппов Комаров"
        " Давыдов Беляев Герасимов Богданов Осипов Сидоров Матвеев Титов Марков Миронов Крылов"
        " Куликов Карпов Власов Мельников Денисов Гаврилов Тихонов Казаков Афанасьев Данилов"
        " Савельев Тимофеев Фомин Чернов Абрамов Мартынов Ефимов Федотов Щербаков Назаров"
        " Калинин Исаев Чернышёв Быков Маслов Родионов Коновалов Лазарев Воронин Климов Филатов"
        " Пономарёв Голубев Кудрявцев Прохоров Наумов Потапов Журавлёв Овчинников Трофимов"
        " Леонов Соболев Ермаков Колесников Гончаров Емельянов Никифоров Грачёв Котов Гришин"
        " Ефремов Архипов Громов Кириллов Малышев Панов Моисеев Румянцев Акимов Кондратьев"
        " Бирюков Горбунов Анисимов Галкин Лукьянов Михеев Скворцов Юдин Белоусов Нестеров"
        " Симонов Прокофьев Харитонов Князев Цветков Левин Митрофанов Воронов Аксёнов Мальцев"
        " Логинов Горшков Савин Краснов Майоров Демидов Елисеев Рыбаков Сафонов Плотников"
        " Хохлов Хренин Ширяев Рожков Третьяков Мухин Шубин Шестаков Хабаров Кочетков Хромов"
        " Войтоловский Вишневский Завадский Ольшанский Яровский Покровский Островский"
        " Соколовский Добровольский Каменский Вознесенский Успенский Преображенский Богуславский"
        " Полянский Грушевский Жаворонков Ерёмин Щукин Зуев Ющенков Цыганов Юрьев Евсеев"
        " Хлебников Чайковский Ясинский Ельцов Юшков Яценко Тюрин Цыпкин Хвостов Ёлкин"
    ),
    "by": _words(
        "Шпаковский Коротченко Коваленко Бондаренко Кравченко Ткаченко Марченко Романенко"
        " Руденко Савченко Денисенко Левченко Гончаренко Мартыненко Петренко Карпенко Яковенко"
        " Котович Лешкевич Богданович Жданович Василевич Якубович Станкевич Радкевич Шиманович"
        " Войтович Павлович Новицкий Ясюкевич Хурсевич Цвирко Юрченко Хоменко Ковальчук Климович"
        " Гайдукевич Мясникович Кочанович Сенько Лукьянчик Янушкевич Горбачевский Жуковский"
    ),
    "kz": _words(
        "Тасмагамбетов Ахметов Сулейменов Жумабаев Нурланов Есенов Каримов Абдрахманов Исмаилов"
        " Омаров Бекмуратов Сарсенбаев Калиев Мукашев Турсунбаев Ермеков Жаксылыков Кенжебаев"
        " Оспанов Байжанов Тулегенов Абенов Жанибеков Мусин Шарипов Садыков Утемисов Ибраев"
        " Кусаинов Серикбаев Алимбеков Нургалиев Смагулов Толеубаев Джаксыбеков Султанов"
        " Байменов Ескендиров Жолдасбаев Иманбаев Касымов Мамышев Нуртазин Рысбеков Сейтказиев"
        " Тажибаев Уразалиев Шайхутдинов Ергалиев Куанышев"
    ),
    "kg": _words(
        "Асанов Токтогулов Мамбетов Джумабеков Сыдыков Осмонов Орозбаев Шаршенов Абдылдаев"
        " Курманалиев Молдоев Бообеков Суеркулов Турдуев Эсенгулов Акматов Исаков Айдаров"
        " Жолдошев Кожошев Сагынбаев Токтосунов Урмамбетов Чотонов Эшимбеков Алымкулов"
    ),
    "tj": _words(
        "Рахимзода Саидов Хамидов Мирзоев Давлатов Холиков Умаров Курбонов Сафаров Раджабов"
        " Ашуров Джураев Иброгимов Каримзода Назарзода Мирзозода Шарифзода Хакимов Сангинов"
        " Юсуфзода Файзуллоев Хайдаров Шоев Бобоев Наимов Ёров Эмомов Зиёев Амиров"
    ),
    "am": _words(
        "Петросян Григорян Аветисян Акопян Мкртчян Карапетян Оганесян Арутюнян Манукян Варданян"
        " Погосян Хачатрян Симонян Геворгян Мартиросян Давтян Бабаян Галстян Казарян Алексанян"
        " Нерсисян Меликян Сафарян Асатрян Егиазарян Енгоян Ованнисян Хачикян Тер-Минасян"
        " Айвазян Бадалян Гаспарян"
    ),
    "uz": _words(
        "Юлдашев Абдуллаев Рахманов Исмоилов Турсунов Хасанов Эргашев Норматов Каримбердиев"
        " Юсупов Аминов Хайитов Ташпулатов Шукуров Ёкубов Хамраев Усманов Рузиев"
    ),
}

_NATION_WEIGHTS = {"ru": 40, "kz": 14, "by": 12, "am": 10, "kg": 9, "tj": 8, "uz": 7}

# Countries as the text needs them: English long form, short form, Russian genitive.
_COUNTRIES = {
    "am": ("the Republic of Armenia", "Armenia", "Республики Армения"),
    "by": ("the Republic of Belarus", "Belarus", "Республики Беларусь"),
    "kz": ("the Republic of Kazakhstan", "Kazakhstan", "Республики Казахстан"),
    "kg": ("the Kyrgyz Republic", "Kyrgyzstan", "Кыргызской Республики"),
    "ru": ("the Russian Federation", "Russia", "Российской Федерации"),
    "tj": ("the Republic of Tajikistan", "Tajikistan", "Республики Таджикистан"),
    "uz": ("the Republic of Uzbekistan", "Uzbekistan", "Республики Узбекистан"),
    "rs": ("the Republic of Serbia", "Serbia", "Республики Сербия"),
    "cn": ("the People's Republic of China", "China", "Китайской Народной Республики"),
    "in": ("the Republic of India", "India", "Республики Индия"),
    "mn": ("Mongolia", "Mongolia", "Монголии"),
    "ir": ("the Islamic Republic of Iran", "Iran", "Исламской Республики Иран"),
}

_INSTITUTES = [
    ("Institute of World Economy and International Relations of the Russian Academy of Sciences",
     "Института мировой экономики и международных отношений РАН"),
    ("Russian Institute for Strategic Studies",
     "Российского института стратегических исследований"),
    ("Institute of Europe of the Russian Academy of Sciences", "Института Европы РАН"),
    ("Institute of Oriental Studies of the Russian Academy of Sciences",
     "Института востоковедения РАН"),
    ("Kazakhstan Institute for Strategic Studies under the President of the Republic of Kazakhstan",
     "Казахстанского института стратегических исследований при Президенте Республики Казахстан"),
    ("Belarusian Institute of Strategic Research",
     "Белорусского института стратегических исследований"),
    ("National Institute for Strategic Studies of the Kyrgyz Republic",
     "Национального института стратегических исследований Кыргызской Республики"),
    ("Center for Strategic Research under the President of the Republic of Tajikistan",
     "Центра стратегических исследований при Президенте Республики Таджикистан"),
    ("Noravank Foundation", "Фонда «Нораванк»"),
    ("Moscow State Institute of International Relations",
     "Московского государственного института международных отношений"),
    ("Belarusian State University", "Белорусского государственного университета"),
    ("L.N. Gumilyov Eurasian National University",
     "Евразийского национального университета имени Л.Н. Гумилева"),
    ("Kyrgyz-Russian Slavic University", "Кыргызско-Российского Славянского университета"),
    ("Yerevan State University", "Ереванского государственного университета"),
    ("Center for Military-Political Studies", "Центра военно-политических исследований"),
]  # fmt: skip

# Media: English, Russian genitive, Russian dative ("интервью агентству ТАСС").
_MEDIA = [
    ("the magazine “National Defense”", "журнала «Национальная оборона»",
     "журналу «Национальная оборона»"),
    ("TASS news agency", "агентства ТАСС", "агентству ТАСС"),
    ("RIA Novosti", "агентства РИА Новости", "агентству РИА Новости"),
    ("the newspaper Izvestia", "газеты «Известия»", "газете «Известия»"),
    ("Rossiyskaya Gazeta", "«Российской газеты»", "«Российской газете»"),
    ("Kazinform news agency", "агентства «Казинформ»", "агентству «Казинформ»"),
    ("BelTA news agency", "агентства БелТА", "агентству БелТА"),
    ("Armenpress news agency", "агентства «Арменпресс»", "агентству «Арменпресс»"),
    ("Kabar news agency", "агентства «Кабар»", "агентству «Кабар»"),
    ("Khovar news agency", "агентства «Ховар»", "агентству «Ховар»"),
    ("the Mir TV and radio company", "телерадиокомпании «Мир»", "телерадиокомпании «Мир»"),
    ("the Zvezda TV channel", "телеканала «Звезда»", "телеканалу «Звезда»"),
    ("Interfax", "агентства «Интерфакс»", "агентству «Интерфакс»"),
    ("Sputnik", "агентства «Спутник»", "агентству «Спутник»"),
    ("the newspaper Krasnaya Zvezda", "газеты «Красная звезда»", "газете «Красная звезда»"),
    ("the journal International Affairs", "журнала «Международная жизнь»",
     "журналу «Международная жизнь»"),
]  # fmt: skip

_DEPARTMENTS = [
    ("Political Cooperation Department", "Отдела политического сотрудничества"),
    (
        "Department for Countering Challenges and Threats",
        "Отдела по противодействию вызовам и угрозам",
    ),
    ("Military Cooperation Department", "Отдела военного сотрудничества"),
    ("Information and Analytical Department", "Информационно-аналитического отдела"),
    ("Legal Department", "Правового отдела"),
    ("Crisis Response Center", "Кризисного центра"),
]

# (role, organisation, how the text introduces them) in English, then the same in Russian.
# {c}/{cg}: country in English / Russian genitive; {i}/{ig}: institute; {m}/{mg}: media;
# {d}/{dg}: department of the CSTO Secretariat.
_ROLES = [
    ("Minister of Foreign Affairs", "Ministry of Foreign Affairs of {c}",
     "Minister of Foreign Affairs of {c}",
     "Министр иностранных дел", "Министерство иностранных дел {cg}",
     "Министр иностранных дел {cg}"),
    ("Deputy Minister of Foreign Affairs", "Ministry of Foreign Affairs of {c}",
     "Deputy Minister of Foreign Affairs of {c}", "Заместитель министра иностранных дел",
     "Министерство иностранных дел {cg}", "Заместитель министра иностранных дел {cg}"),
    ("Minister of Defence", "Ministry of Defence of {c}", "Minister of Defence of {c}",
     "Министр обороны", "Министерство обороны {cg}", "Министр обороны {cg}"),
    ("Deputy Minister of Defence", "Ministry of Defence of {c}",
     "Deputy Minister of Defence of {c}",
     "Заместитель министра обороны", "Министерство обороны {cg}",
     "Заместитель министра обороны {cg}"),
    ("Chief of the General Staff", "Armed Forces of {c}",
     "Chief of the General Staff of the Armed Forces of {c}", "Начальник Генерального штаба",
     "Вооруженные силы {cg}", "Начальник Генерального штаба Вооруженных сил {cg}"),
    ("Secretary of the Security Council", "Security Council of {c}",
     "Secretary of the Security Council of {c}", "Секретарь Совета безопасности",
     "Совет безопасности {cg}", "Секретарь Совета безопасности {cg}"),
    ("Ambassador", "Embassy of {c}",
     "Ambassador Extraordinary and Plenipotentiary of {c} to the Russian Federation",
     "Посол", "Посольство {cg}", "Чрезвычайный и Полномочный Посол {cg} в Российской Федерации"),
    ("Permanent Representative", "Permanent Mission of {c} to the CSTO",
     "Permanent Representative of {c} to the CSTO", "Постоянный представитель",
     "Постоянное представительство {cg} при ОДКБ", "Постоянный представитель {cg} при ОДКБ"),
    ("Member of Parliament", "Parliament of {c}", "Member of Parliament of {c}",
     "Депутат", "Парламент {cg}", "Депутат парламента {cg}"),
    ("Chairman of the Committee on Defence and Security", "Parliament of {c}",
     "Chairman of the Committee on Defence and Security of the Parliament of {c}",
     "Председатель комитета по обороне и безопасности", "Парламент {cg}",
     "Председатель комитета по обороне и безопасности парламента {cg}"),
    ("Head of the Border Service", "Border Service of {c}", "Head of the Border Service of {c}",
     "Руководитель пограничной службы", "Пограничная служба {cg}",
     "Руководитель пограничной службы {cg}"),
    ("Head of the Migration Service", "Migration Service of {c}",
     "Head of the Migration Service of {c}", "Руководитель миграционной службы",
     "Миграционная служба {cg}", "Руководитель миграционной службы {cg}"),
    ("Director", "{i}", "Director of the {i}", "Директор", "{ig}", "Директор {ig}"),
    ("Deputy Director", "{i}", "Deputy Director of the {i}", "Заместитель директора", "{ig}",
     "Заместитель директора {ig}"),
    ("Leading Researcher", "{i}", "Leading Researcher of the {i}", "Ведущий научный сотрудник",
     "{ig}", "Ведущий научный сотрудник {ig}"),
    ("Rector", "{i}", "Rector of the {i}", "Ректор", "{ig}", "Ректор {ig}"),
    ("Editor-in-Chief", "{m}", "Editor-in-Chief of {m}", "Главный редактор", "{mg}",
     "Главный редактор {mg}"),
    ("Correspondent", "{m}", "Correspondent of {m}", "Корреспондент", "{mg}",
     "Корреспондент {mg}"),
    ("Deputy Secretary General", "Collective Security Treaty Organization",
     "CSTO Deputy Secretary General", "Заместитель Генерального секретаря",
     "Организация Договора о коллективной безопасности",
     "Заместитель Генерального секретаря ОДКБ"),
    ("Head of Department", "CSTO Secretariat", "Head of the {d} of the CSTO Secretariat",
     "Начальник отдела", "Секретариат ОДКБ", "Начальник {dg} Секретариата ОДКБ"),
    ("Adviser", "CSTO Secretariat", "Adviser of the {d} of the CSTO Secretariat", "Советник",
     "Секретариат ОДКБ", "Советник {dg} Секретариата ОДКБ"),
    ("Deputy Chief of the Joint Staff", "CSTO Joint Staff", "Deputy Chief of the CSTO Joint Staff",
     "Заместитель начальника Объединенного штаба", "Объединенный штаб ОДКБ",
     "Заместитель начальника Объединенного штаба ОДКБ"),
]  # fmt: skip


@dataclass(frozen=True)
class PersonTruth:
    """A person of the synthetic world, with every way the archive will write their name."""

    key: str
    name: str
    """The canonical Latin spelling (the English press's)."""
    spellings: tuple[str, ...]
    """The canonical spelling first, then 1–3 other transliterations."""
    cyrillic: str
    """Nominative full name in Cyrillic."""
    typos: tuple[str, ...]
    """Misspellings of the canonical name for queries, 1-edit ones first, then 2-edit ones."""
    role: str
    organisation: str
    descriptor: str
    """How English text introduces them ("Minister of Defence of the Republic of Armenia")."""
    role_ru: str
    organisation_ru: str
    descriptor_ru: str
    first_ru: str
    surname_ru: str
    gender: str
    neighbours: tuple[str, ...] = ()
    """Keys of *different* people with near-identical names (Sultanov / Sultonov)."""

    def ru_form(self, case: str, style: str) -> str:
        """The name in Russian text: `initial` (Ф.Войтоловским), `surname`, or `full` (nom.)."""
        if style == "full":
            return self.cyrillic
        surname = surname_case(self.surname_ru, self.gender, case)
        return surname if style == "surname" else f"{self.first_ru[0]}.{surname}"

    def truth(self, item_ids: Sequence[str]) -> dict:
        return {
            "key": self.key,
            "name": self.name,
            "spellings": list(self.spellings),
            "cyrillic": self.cyrillic,
            "typos": list(self.typos),
            "role": self.role,
            "organisation": self.organisation,
            "neighbours": list(self.neighbours),
            "item_ids": list(item_ids),
        }


_SEED_PEOPLE = [
    # cyrillic, spellings (canonical first), role index, context: the real people of the seed.
    ("Имангали Тасмагамбетов", ("Imangali Tasmagambetov", "Imangaly Tasmagambetov"),
     ("Secretary General", "Collective Security Treaty Organization", "CSTO Secretary General",
      "Генеральный секретарь", "Организация Договора о коллективной безопасности",
      "Генеральный секретарь ОДКБ")),
    ("Фёдор Войтоловский", None,
     ("Director", _INSTITUTES[0][0], f"Director of the {_INSTITUTES[0][0]}", "Директор",
      _INSTITUTES[0][1], f"Директор {_INSTITUTES[0][1]}")),
    ("Александр Шпаковский", None,
     ("Deputy", "House of Representatives of the National Assembly of the Republic of Belarus",
      "Deputy of the House of Representatives of the National Assembly of the Republic of Belarus",
      "Депутат", "Палата представителей Национального собрания Республики Беларусь",
      "Депутат Палаты представителей Национального собрания Республики Беларусь")),
    ("Игорь Коротченко", ("Igor Korotchenko", "Igor' Korotchenko"),
     ("Editor-in-Chief", _MEDIA[0][0], f"Editor-in-Chief of {_MEDIA[0][0]}", "Главный редактор",
      _MEDIA[0][1], f"Главный редактор {_MEDIA[0][1]}")),
]  # fmt: skip

SECRETARY_GENERAL = "p0000"
"""The key of the CSTO Secretary General, who appears in a large share of the news."""


def spellings_of(cyrillic: str) -> tuple[str, ...]:
    """Canonical spelling first, then the distinct ones the other schemes give (at most 3)."""
    first, _, surname = cyrillic.partition(" ")
    out: list[str] = []
    for scheme in SCHEMES:
        given = transliterate(first, scheme)
        if scheme is PRESS:
            given = _ENGLISH_FIRST.get(first, given)
        spelling = f"{given} {transliterate(surname, scheme)}"
        if spelling not in out:
            out.append(spelling)
    return tuple(out[:4])


def _vowel_twin(surname: str, rng: random.Random) -> str | None:
    """A surname one vowel away (Султанов → Султонов): a different person, a search trap."""
    swaps = {"а": "о", "о": "а", "е": "и", "и": "е", "у": "ы"}
    spots = [i for i, c in enumerate(surname[1:-3], 1) if c in swaps]
    if not spots:
        return None
    i = rng.choice(spots)
    return surname[:i] + swaps[surname[i]] + surname[i + 1 :]


@lru_cache(maxsize=8)
def _roster(seed: int, size: int) -> tuple[PersonTruth, ...]:
    rng = random.Random(seed)
    people: list[PersonTruth] = []
    taken_spellings: set[str] = set()
    taken_initials: set[tuple[str, str]] = set()
    """(surname, first initial) in Cyrillic: "И.Петров" must name one person only."""

    def add(
        cyrillic: str,
        gender: str,
        role: tuple[str, ...],
        spellings: tuple[str, ...] | None = None,
        namesake: bool = False,
    ) -> PersonTruth | None:
        first, _, surname = cyrillic.partition(" ")
        spellings = spellings or spellings_of(cyrillic)
        folded = {s.casefold() for s in spellings}
        if len(spellings) < 2 or folded & taken_spellings:
            return None
        if (surname, first[0]) in taken_initials and not namesake:
            return None
        taken_spellings.update(folded)
        taken_initials.add((surname, first[0]))
        person = PersonTruth(
            key=f"p{len(people):04d}",
            name=spellings[0],
            spellings=spellings,
            cyrillic=cyrillic,
            typos=(),
            role=role[0],
            organisation=role[1],
            descriptor=role[2],
            role_ru=role[3],
            organisation_ru=role[4],
            descriptor_ru=role[5],
            first_ru=first,
            surname_ru=surname,
            gender=gender,
        )
        people.append(person)
        return person

    for cyrillic, spellings, role in _SEED_PEOPLE:
        add(cyrillic, "m", role, spellings)

    nations = list(_NATION_WEIGHTS)
    nation_weights = list(_NATION_WEIGHTS.values())
    while len(people) < size:
        nation = rng.choices(nations, nation_weights)[0]
        gender = "f" if rng.random() < 0.22 else "m"
        surname = rng.choice(_SURNAMES[nation])
        if gender == "f":
            surname = feminine(surname)
        first = rng.choice(_FIRST_NAMES[(nation, gender)])
        role = _draw_role(rng, nation)
        person = add(f"{first} {surname}", gender, role)
        if person is None or len(people) >= size:
            continue
        if rng.random() < NAMESAKES:
            # A namesake: same surname, a first name with the same initial (Andrei and
            # Aleksei Voitolovsky), as real rosters have; "A. Voitolovsky" names neither.
            same_initial = [
                n for n in _FIRST_NAMES[(nation, gender)] if n[0] == first[0] and n != first
            ]
            if same_initial:
                add(f"{rng.choice(same_initial)} {surname}", gender, role, namesake=True)
            continue
        if len(people) >= size or rng.random() > 0.07:
            continue
        # A near neighbour: a different person whom a careless search would merge.
        if gender == "m" and rng.random() < 0.4 and feminine(surname) != surname:
            twin_first = rng.choice(_FIRST_NAMES[(nation, "f")])
            twin = add(f"{twin_first} {feminine(surname)}", "f", _draw_role(rng, nation))
        else:
            changed = _vowel_twin(surname, rng)
            twin = changed and add(f"{first} {changed}", gender, _draw_role(rng, nation))
        if twin:
            people[-1] = replace(twin, neighbours=(person.key,))
            people[-2] = replace(person, neighbours=(twin.key,))
    return tuple(_with_typos(people, random.Random(seed + 104_729)))


def _draw_role(rng: random.Random, nation: str) -> tuple[str, ...]:
    country = nation if rng.random() < 0.85 else rng.choice(list(_COUNTRIES))
    c, _, cg = _COUNTRIES[country]
    i, ig = rng.choice(_INSTITUTES)
    m, mg, _ = rng.choice(_MEDIA)
    d, dg = rng.choice(_DEPARTMENTS)
    template = rng.choice(_ROLES)
    context = {"c": c, "cg": cg, "i": i, "ig": ig, "m": m, "mg": mg, "d": d, "dg": dg}
    return tuple(part.format(**context) for part in template)


_TYPO_LETTERS = "aeioustnrlkmvdy"


def _misspell(word: str, edits: int, rng: random.Random) -> str:
    """`word` with `edits` random substitutions, deletions or insertions, never the first letter."""
    for _ in range(edits):
        i = rng.randrange(1, len(word))
        op = rng.random()
        if op < 0.45:
            letters = _TYPO_LETTERS.replace(word[i].lower(), "")
            word = word[:i] + rng.choice(letters) + word[i + 1 :]
        elif op < 0.75:
            word = word[:i] + word[i + 1 :]
        else:
            word = word[:i] + rng.choice(_TYPO_LETTERS) + word[i:]
    return word


def _with_typos(people: list[PersonTruth], rng: random.Random) -> list[PersonTruth]:
    """Give each person query misspellings that still point at them and nobody else.

    Edits go into the surname only, within the typo budget of DESIGN.md (1 edit from 5
    letters, 2 from 9). A misspelling is dropped when it is another person's surname, or is at
    least as close to someone with the same first name as to its own person.
    """
    surnames = {p.casefold().split()[-1] for person in people for p in person.spellings}
    by_first: dict[str, list[tuple[str, str]]] = {}
    for person in people:
        for spelling in person.spellings:
            first = spelling.casefold().split()[0]
            by_first.setdefault(first, []).append((person.key, spelling.casefold()))
    out = []
    for person in people:
        first, surname = person.name.rsplit(" ", 1)
        wanted = [1, 1] if len(surname) >= 5 else []
        wanted += [2, 2] if len(surname) >= 9 else []
        typos: list[str] = []
        for edits in wanted:
            for _attempt in range(8):
                typo_surname = _misspell(surname, edits, rng)
                typo = f"{first} {typo_surname}"
                folded = typo.casefold()
                own = min(Levenshtein.distance(folded, s.casefold()) for s in person.spellings)
                if own != edits or typo_surname.casefold() in surnames or typo in typos:
                    continue
                rivals = by_first.get(first.casefold(), [])
                if any(
                    key != person.key and Levenshtein.distance(folded, s, score_cutoff=own) <= own
                    for key, s in rivals
                ):
                    continue
                typos.append(typo)
                break
        out.append(replace(person, typos=tuple(typos)))
    return out


def roster(seed: int = 1, size: int = ROSTER_SIZE) -> list[PersonTruth]:
    """The people of the synthetic world for `seed` (the same list for every archive size)."""
    return list(_roster(seed, size))


# --------------------------------------------------------------------------------------------
# Vocabulary and sentences: templates × word lists, so bodies use a few thousand words.
# --------------------------------------------------------------------------------------------

_MASS = _words(
    "security stability cooperation terrorism extremism migration trafficking peacekeeping"
    " integration interaction partnership sovereignty diplomacy disarmament deterrence"
    " intelligence logistics preparedness resilience transparency accountability governance"
    " infrastructure connectivity energy trade investment industry agriculture education"
    " healthcare research innovation digitalization cybersecurity surveillance reconnaissance"
    " training planning coordination consultation monitoring forecasting prevention"
    " verification compliance interoperability modernization mobilization demining"
    " humanitarian-aid reconstruction recovery development assistance expertise leadership"
    " continuity neutrality multilateralism unilateralism protectionism radicalization"
    " recruitment propaganda disinformation misinformation smuggling poaching corruption"
    " money-laundering financing sanctions pressure confrontation escalation de-escalation"
    " mediation reconciliation dialogue trust confidence solidarity responsibility"
    " sustainability security-building peacebuilding cyberspace airspace outer-space"
)
_COUNT = _words(
    "threat challenge initiative exercise mechanism agreement treaty protocol memorandum"
    " declaration resolution decision programme plan strategy concept doctrine approach"
    " priority objective task goal principle standard norm rule procedure framework"
    " platform format dialogue consultation meeting summit session conference seminar"
    " workshop forum roundtable briefing report assessment analysis review survey study"
    " project partnership alliance coalition contingent unit battalion brigade detachment"
    " force formation command headquarters staff centre facility base range site"
    " laboratory network system database registry channel route corridor border frontier"
    " checkpoint crossing outpost region province district area zone sector territory"
    " neighbourhood community state nation country capital city settlement population"
    " refugee migrant citizen specialist expert officer cadet instructor observer"
    " delegation representative envoy mission embassy ministry agency service department"
    " authority body institution organization university academy institute school"
    " budget contribution fund grant loan tariff shipment cargo consignment weapon"
    " munition drone aircraft helicopter vehicle vessel satellite sensor radar missile"
    " launcher warhead arsenal stockpile incident attack crisis conflict dispute clash"
    " tension provocation violation breach crime offence network cell group camp"
    " recommendation proposal amendment draft provision clause article chapter annex"
    " milestone outcome result achievement success setback lesson experience scenario"
    " vulnerability risk factor trend tendency indicator benchmark capability capacity"
    " potential resource asset tool instrument measure step action response reaction"
    " operation campaign stage phase round cycle period decade anniversary jubilee"
)  # fmt: skip
_ADJ = _words(
    "collective regional international strategic military political economic humanitarian"
    " joint common mutual bilateral multilateral comprehensive practical effective reliable"
    " sustainable lasting durable equal indivisible universal global continental Eurasian"
    " Central-Asian Caucasian Caspian Afghan transboundary cross-border national federal"
    " interstate intergovernmental parliamentary diplomatic defensive peaceful preventive"
    " operational tactical technical scientific analytical informational digital cyber"
    " biological chemical nuclear radiological environmental industrial financial legal"
    " institutional organizational structural systemic coordinated consistent constructive"
    " pragmatic balanced responsible predictable transparent open inclusive fair just"
    " multipolar modern advanced innovative traditional historic unprecedented urgent"
    " pressing acute serious growing emerging new additional further key main principal"
    " fundamental essential vital crucial significant considerable substantial broad wide"
    " deep close active dynamic steady rapid gradual phased long-term short-term medium-term"
    " annual quarterly regular extraordinary final preliminary intermediate comprehensive"
    " specialized professional competent relevant appropriate adequate proper sufficient"
    " reliable robust resilient flexible mobile rapid-reaction peacekeeping anti-terrorist"
    " anti-drug migration border frontier maritime aerial ground naval territorial"
)  # fmt: skip
_VERBS = _words(
    "strengthen develop discuss consider review examine address note welcome support"
    " endorse approve outline stress emphasize highlight underline reaffirm confirm"
    " express share exchange coordinate harmonize align enhance improve expand extend"
    " deepen broaden intensify accelerate promote foster facilitate ensure guarantee"
    " maintain preserve protect defend secure safeguard counter combat prevent suppress"
    " detect identify investigate monitor assess evaluate analyse forecast anticipate"
    " plan prepare organize conduct implement execute complete launch initiate establish"
    " create form build modernize upgrade equip train educate inform brief report"
    " present submit adopt sign ratify amend update revise clarify define specify"
    " encourage invite urge call recommend propose suggest offer request demand"
    " condemn denounce reject oppose resist challenge question doubt acknowledge recognize"
    " appreciate value praise commend thank congratulate honour commemorate celebrate"
    " mark attend host chair open close summarize conclude continue resume pursue"
)  # fmt: skip
_IRREGULAR_PAST = {"build": "built", "hold": "held", "take": "took", "make": "made"}
_ADVERBS = _words(
    "consistently steadily actively closely jointly regularly systematically effectively"
    " successfully fully substantially significantly considerably increasingly gradually"
    " rapidly promptly timely constructively pragmatically comprehensively thoroughly"
    " carefully constantly continuously firmly resolutely decisively openly transparently"
    " responsibly collectively mutually practically primarily particularly especially"
)
_PLACES = _words(
    "Moscow Minsk Astana Almaty Bishkek Dushanbe Yerevan Saint-Petersburg Kazan Novosibirsk"
    " Sochi Vladivostok Yekaterinburg Samara Brest Grodno Gomel Vitebsk Mogilev Karaganda"
    " Shymkent Aktau Aktobe Pavlodar Semey Osh Jalal-Abad Karakol Cholpon-Ata Batken"
    " Khujand Kulob Bokhtar Khorog Gyumri Vanadzor Dilijan Tashkent Samarkand Bukhara"
    " Termez Vienna Geneva New-York Beijing Shanghai New-Delhi Belgrade Ulaanbaatar Tehran"
    " Baku Ashgabat Kabul Islamabad Ankara Riyadh Cairo Brasilia Pretoria Hanoi Jakarta"
    " Kaliningrad Orenburg Omsk Chelyabinsk Tyumen Krasnoyarsk Irkutsk Khabarovsk Murmansk"
    " Arkhangelsk Pskov Smolensk Bryansk Kursk Belgorod Rostov-on-Don Krasnodar Volgograd"
    " Astrakhan Makhachkala Grozny Nalchik Vladikavkaz Ufa Perm Izhevsk Kirov Tver Tula"
)  # fmt: skip
_REGIONS = [
    "Central Asia", "the South Caucasus", "Eastern Europe", "the Caspian region", "Eurasia",
    "the Middle East", "South Asia", "the Asia-Pacific region", "the Arctic", "Afghanistan",
    "the Tajik-Afghan border area", "the Fergana Valley", "the Collective Security region",
    "the post-Soviet space", "the Black Sea region", "the Baltic region", "Greater Eurasia",
]  # fmt: skip
_ORGS = [
    "the United Nations", "the Shanghai Cooperation Organization",
    "the Commonwealth of Independent States", "the OSCE", "the Eurasian Economic Union",
    "the Anti-Terrorism Center of the CIS", "the UN Office on Drugs and Crime", "INTERPOL",
    "the International Committee of the Red Cross", "the UN Counter-Terrorism Committee",
    "the CSTO Parliamentary Assembly", "the Union State", "the BRICS countries",
    "the Association of Southeast Asian Nations", "the African Union", "the European Union",
]  # fmt: skip
_ACTORS = [
    "The CSTO member states", "The Organization", "The Secretariat", "The parties",
    "The participants", "The allies", "The delegations", "The competent authorities",
    "The experts", "The Joint Staff", "The working group", "Our countries", "The sides",
]  # fmt: skip
_COUNCILS = [
    ("Council of Foreign Ministers of the CSTO", "Совета министров иностранных дел ОДКБ"),
    ("Council of Defence Ministers of the CSTO", "Совета министров обороны ОДКБ"),
    ("Committee of Secretaries of the Security Councils of the CSTO",
     "Комитета секретарей советов безопасности ОДКБ"),
    ("Permanent Council of the CSTO", "Постоянного совета ОДКБ"),
    ("Coordination Council of the Heads of Competent Authorities for Countering Illegal"
     " Migration of the CSTO Member States",
     "Координационного совета руководителей компетентных органов по противодействию"
     " незаконной миграции государств – членов ОДКБ"),
    ("Coordination Council of the Heads of Competent Authorities for Countering Illicit Drug"
     " Trafficking of the CSTO Member States",
     "Координационного совета руководителей компетентных органов по противодействию"
     " незаконному обороту наркотиков государств – членов ОДКБ"),
    ("Coordination Council on Emergency Situations of the CSTO Member States",
     "Координационного совета по чрезвычайным ситуациям государств – членов ОДКБ"),
    ("Working Group on Afghanistan under the CSTO Council of Foreign Ministers",
     "Рабочей группы по Афганистану при СМИД ОДКБ"),
    ("Working Group on Information Policy and Information Security",
     "Рабочей группы по информационной политике и информационной безопасности"),
    ("Council of the CSTO Parliamentary Assembly", "Совета Парламентской ассамблеи ОДКБ"),
    ("Collective Security Council of the CSTO", "Совета коллективной безопасности ОДКБ"),
]  # fmt: skip
_CODENAMES = [
    ("Interaction", "Взаимодействие"), ("Search", "Поиск"), ("Echelon", "Эшелон"),
    ("Cobalt", "Кобальт"), ("Indestructible Brotherhood", "Нерушимое братство"),
    ("Frontier", "Рубеж"), ("Thunder", "Гром"), ("Barrier", "Барьер"),
]  # fmt: skip
_OPERATIONS = [
    ("Channel", "Канал"),
    ("Illegal", "Нелегал"),
    ("Proxy", "PROXY"),
    ("Mercenary", "Наемник"),
]
_AUDIENCES = [
    "participants of the Conference", "colleagues", "friends", "members of the Council",
    "participants of the meeting", "ladies and gentlemen", "participants of the forum",
    "guests", "members of the Parliamentary Assembly", "students and teachers",
]  # fmt: skip
_MONTHS = _words(
    "January February March April May June July August September October November December"
)
_MONTHS_RU = _words(
    "января февраля марта апреля мая июня июля августа сентября октября ноября декабря"
)


def _plural(noun: str) -> str:
    if noun.endswith(("s", "x", "ch", "sh")):
        return noun + "es"
    if noun.endswith("y") and noun[-2] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"


def _verb_forms(verb: str) -> tuple[str, str, str]:
    """Third person, past tense and gerund of a regular English verb."""
    if verb.endswith("e"):
        return verb + "s", _IRREGULAR_PAST.get(verb, verb + "d"), verb[:-1] + "ing"
    if verb.endswith("y") and verb[-2] not in "aeiou":
        return verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"
    third = verb + "es" if verb.endswith(("s", "x", "ch", "sh")) else verb + "s"
    return third, _IRREGULAR_PAST.get(verb, verb + "ed"), verb + "ing"


class _Phrases:
    """Noun phrases and filled sentence templates, drawn from one random stream."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.verbs = [(v, *_verb_forms(v)) for v in _VERBS]

    def topic(self) -> str:
        r = self.rng
        pick = r.random()
        if pick < 0.3:
            return f"{r.choice(_ADJ)} {r.choice(_MASS).replace('-', ' ')}"
        if pick < 0.55:
            return f"{_plural(r.choice(_COUNT))} of {r.choice(_ADJ)} {r.choice(_MASS)}"
        if pick < 0.8:
            return f"the {r.choice(_ADJ)} {r.choice(_COUNT)} on {r.choice(_MASS)}"
        return f"{r.choice(_ADJ)} {_plural(r.choice(_COUNT))} in {r.choice(_REGIONS)}"

    def sentence(self) -> str:
        r = self.rng
        base, third, past, ing = r.choice(self.verbs)
        t = self.topic
        template = r.randrange(24)
        if template == 0:
            s = f"{r.choice(_ACTORS)} {past} {t()} and {t()}."
        elif template == 1:
            s = f"Particular attention was paid to {t()} in {r.choice(_REGIONS)}."
        elif template == 2:
            s = f"The meeting participants exchanged views on {t()} and agreed to {base} {t()}."
        elif template == 3:
            s = f"It was emphasized that {t()} remains a priority for {r.choice(_ORGS)}."
        elif template == 4:
            s = f"The Organization {third} {t()} {r.choice(_ADVERBS)}."
        elif template == 5:
            s = (
                f"According to available statistics, more than {r.randrange(20, 5000)}"
                f" {_plural(r.choice(_COUNT))} were recorded in {r.choice(_REGIONS)}"
                f" in {r.randrange(FIRST_YEAR, 2026)}."
            )
        elif template == 6:
            s = f"The sides stressed the need to {base} {t()} on the basis of {t()}."
        elif template == 7:
            s = f"We are convinced that {t()} will help to {base} {t()}."
        elif template == 8:
            s = f"Our Organization will continue {ing} {t()} together with {r.choice(_ORGS)}."
        elif template == 9:
            s = f"Without {t()}, it is impossible to {base} {t()}."
        elif template == 10:
            s = (
                f"In {r.randrange(FIRST_YEAR, 2026)}, {r.choice(_ACTORS).lower()} {past}"
                f" {t()} in {r.choice(_PLACES).replace('-', ' ')}."
            )
        elif template == 11:
            s = f"We highly appreciate the contribution of {r.choice(_ORGS)} to {t()}."
        elif template == 12:
            s = (
                f"The next meeting will be held in {r.choice(_PLACES).replace('-', ' ')}"
                f" in {r.choice(_MONTHS)} {r.randrange(FIRST_YEAR, 2027)}."
            )
        elif template == 13:
            s = f"Representatives of {r.choice(_ORGS)} also took part in the event."
        elif template == 14:
            op = r.choice(_OPERATIONS)[0]
            s = (
                f"During the operation “{op}”, more than {r.randrange(50, 90_000)}"
                f" {_plural(r.choice(_COUNT))} were identified and {r.randrange(2, 900)}"
                f" criminal cases were opened."
            )
        elif template == 15:
            s = f"{r.choice(_ACTORS)} {r.choice(_ADVERBS)} {past} {t()}, {ing} {t()} and {t()}."
        elif template == 16:
            s = f"Today, {t()} is more {r.choice(_ADJ)} than ever for {r.choice(_REGIONS)}."
        elif template == 17:
            s = (
                f"The {r.choice(_ADJ)} {r.choice(_COUNT)} of {t()} requires a"
                f" {r.choice(_ADJ)} {r.choice(_COUNT)} from {r.choice(_ORGS)}."
            )
        elif template == 18:
            s = f"The participants {past} the draft {r.choice(_COUNT)} on {t()}."
        elif template == 19:
            s = f"I would like to {base} {t()} {r.choice(_ADVERBS)}."
        elif template == 20:
            s = (
                f"A {r.choice(_ADJ)} {r.choice(_COUNT)} was signed between the CSTO Secretariat"
                f" and {r.choice(_ORGS)} on {t()}."
            )
        elif template == 21:
            s = f"The experts {past} {t()}, {t()} and {t()}."
        elif template == 22:
            s = (
                f"Over the past {r.randrange(2, 25)} years, {t()} has become"
                f" {r.choice(_ADVERBS)} {r.choice(_ADJ)}."
            )
        else:
            s = f"The {r.choice(_COUNCILS)[0]} {past} {t()} and {t()}."
        return s[0].upper() + s[1:]


# Russian: genitive noun phrases with agreement, and verb phrases that take them.
_RU_ADJ_F = _words(
    "коллективной региональной международной информационной военной политической"
    " экономической биологической пограничной евразийской глобальной стратегической"
    " миротворческой оборонной национальной гуманитарной антитеррористической совместной"
    " общей взаимной энергетической транспортной технической правовой кадровой"
    " продовольственной экологической миграционной"
)
_RU_NOUN_F = _words(
    "безопасности стабильности миграции деятельности политики обстановки системы архитектуры"
    " повестки ситуации интеграции готовности подготовки угрозы защиты поддержки помощи"
    " инфраструктуры преступности"
)
_RU_NOUN_M = _words(
    "сотрудничества взаимодействия развития терроризма экстремизма реагирования партнерства"
    " диалога потенциала контроля мониторинга планирования прогнозирования обеспечения"
    " урегулирования строительства оборота обмена"
)
_RU_ACTORS = (
    "Стороны|Участники встречи|Государства – члены ОДКБ|Делегации|Эксперты|Союзники"
    "|Участники заседания|Представители сторон|Члены Совета"
).split("|")
_RU_VERB_PHRASES = (
    "подчеркнули важность|отметили необходимость укрепления|обсудили вопросы"
    "|рассмотрели перспективы|обменялись мнениями по вопросам|выразили заинтересованность"
    " в развитии|договорились продолжить работу по линии|высоко оценили уровень"
    "|уделили особое внимание проблемам|обсудили текущее состояние|рассмотрели ход"
    "|подтвердили приверженность принципам|отметили положительную динамику"
).split("|")
_RU_REGIONS_P = (
    "Центральной Азии|Восточной Европе|Закавказье|Евразии|регионе коллективной безопасности"
    "|Афганистане|Каспийском регионе|Арктике|на постсоветском пространстве"
).split("|")
_RU_CITIES_P = (
    "Москве|Минске|Астане|Бишкеке|Душанбе|Ереване|Алматы|Санкт-Петербурге|Самарканде|Казани"
    "|Сочи|Бресте|Оше|Худжанде|Гюмри|Караганде"
).split("|")
_RU_CITIES = (
    "Москва|Минск|Астана|Бишкек|Душанбе|Ереван|Алматы|Санкт-Петербург|Самарканд|Казань"
    "|Сочи|Брест|Ош|Худжанд|Гюмри|Караганда"
).split("|")
"""The same cities in the nominative, for an item's `places`."""


class _RussianPhrases:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def topic(self) -> str:
        """A genitive noun phrase ("коллективной безопасности", "военного сотрудничества")."""
        r = self.rng
        adj = r.choice(_RU_ADJ_F)
        if r.random() < 0.5:
            return f"{adj} {r.choice(_RU_NOUN_F)}"
        masc = adj[:-2] + ("его" if adj.endswith("ей") else "ого")
        return f"{masc} {r.choice(_RU_NOUN_M)}"

    def sentence(self) -> str:
        r = self.rng
        t = self.topic
        template = r.randrange(9)
        if template == 0:
            return f"{r.choice(_RU_ACTORS)} {r.choice(_RU_VERB_PHRASES)} {t()}."
        if template == 1:
            return f"{r.choice(_RU_ACTORS)} {r.choice(_RU_VERB_PHRASES)} {t()} и {t()}."
        if template == 2:
            return f"Особое внимание было уделено вопросам {t()} в {r.choice(_RU_REGIONS_P)}."
        if template == 3:
            return f"Было отмечено, что укрепление {t()} остается приоритетом Организации."
        if template == 4:
            op = r.choice(_OPERATIONS)[1]
            return (
                f"В ходе операции «{op}» выявлено более {r.randrange(50, 90_000)} преступлений"
                f" и возбуждено {r.randrange(2, 900)} уголовных дел."
            )
        if template == 5:
            return f"Следующее заседание состоится в {r.choice(_RU_CITIES_P)}."
        if template == 6:
            return (
                f"В рамках встречи состоялся обмен мнениями о развитии {t()}"
                f" в {r.choice(_RU_REGIONS_P)}."
            )
        if template == 7:
            return f"Стороны согласовали план мероприятий в области {t()} и {t()}."
        return f"Участники подписали протокол о развитии {t()}."


# --------------------------------------------------------------------------------------------
# Items.
# --------------------------------------------------------------------------------------------

_KINDS = ("news", "speech", "statement", "interview")
_KIND_WEIGHTS = (75, 10, 10, 5)
_POOL_EN, _POOL_RU = 20_000, 6_000
"""Distinct sentences drawn once per seed; paragraphs are picks from these pools."""


@dataclass(frozen=True)
class _Mention:
    person: PersonTruth
    spelling: str


class _World:
    """Everything drawn once per seed: people, their popularity, the sentence pools, dates."""

    def __init__(self, seed: int) -> None:
        self.people = roster(seed)
        self.by_name = {n: p for p in self.people for n in (*p.spellings, p.cyrillic)}
        pool_rng = random.Random(seed * 7_919 + 3)
        en, ru = _Phrases(pool_rng), _RussianPhrases(pool_rng)
        self.pool_en = [en.sentence() for _ in range(_POOL_EN)]
        self.pool_ru = [ru.sentence() for _ in range(_POOL_RU)]
        self.phrases_en, self.phrases_ru = en, ru
        # Zipf-like popularity in a shuffled order; the Secretary General first and the
        # seed's other real people high, so their searches have long result lists.
        order = list(range(4, len(self.people)))
        pool_rng.shuffle(order)
        for rank, index in ((0, 0), (4, 1), (12, 2), (30, 3)):
            order.insert(rank, index)
        weights = [1.0 / (rank + 1) for rank in range(len(order))]
        self.by_rank = [self.people[i] for i in order]
        total, cumulative = 0.0, []
        for w in weights:
            total += w
            cumulative.append(total)
        self.cumulative = cumulative
        # More items in recent years, as real archives have.
        years = list(range(FIRST_YEAR, LAST_DAY.year + 1))
        self.year_starts = [date(y, 1, 1).toordinal() for y in years]
        self.year_lengths = [
            (min(date(y, 12, 31), LAST_DAY).toordinal() - date(y, 1, 1).toordinal() + 1)
            for y in years
        ]
        year_weights = [
            1.12 ** (y - FIRST_YEAR) * n / 365
            for y, n in zip(years, self.year_lengths, strict=True)
        ]
        acc, self.year_cumulative = 0.0, []
        for w in year_weights:
            acc += w
            self.year_cumulative.append(acc)


def generate(n: int, seed: int = 1) -> Iterator[dict]:
    """`n` synthetic items as dicts in the JSONL model, streamed (nothing held but the roster)."""
    for item, _keys in _generate(n, seed):
        yield item


def _generate(n: int, seed: int) -> Iterator[tuple[dict, list[str]]]:
    """Items with the keys of the people they name, for the truth file."""
    world = _World(seed)
    rng = random.Random(seed * 1_000_003 + 17)
    for index in range(n):
        yield _item(world, rng, index)


def _draw_people(world: _World, rng: random.Random, k: int) -> list[PersonTruth]:
    chosen: list[PersonTruth] = []
    keys: set[str] = set()
    total = world.cumulative[-1]
    while len(chosen) < k:
        person = world.by_rank[bisect.bisect_left(world.cumulative, rng.random() * total)]
        if person.key not in keys:
            keys.add(person.key)
            chosen.append(person)
    return chosen


def _draw_date(world: _World, rng: random.Random) -> date | None:
    if rng.random() < 0.01:
        return None
    y = bisect.bisect_left(world.year_cumulative, rng.random() * world.year_cumulative[-1])
    return date.fromordinal(world.year_starts[y] + rng.randrange(world.year_lengths[y]))


def _mention(person: PersonTruth, rng: random.Random) -> _Mention:
    spellings = person.spellings
    spelling = spellings[0] if rng.random() < 0.5 else rng.choice(spellings[1:])
    return _Mention(person, spelling)


def _join(names: list[str], conjunction: str = "and") -> str:
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + f" {conjunction} " + names[-1]


def _paragraphs(pool: list[str], rng: random.Random, count: int, low: int, high: int) -> list[str]:
    return [" ".join(rng.choices(pool, k=rng.randint(low, high))) for _ in range(count)]


def _item(world: _World, rng: random.Random, index: int) -> tuple[dict, list[str]]:
    kind = rng.choices(_KINDS, _KIND_WEIGHTS)[0]
    day = _draw_date(world, rng)
    k = rng.choices((1, 2, 3, 4, 5), (35, 30, 20, 10, 5))[0]
    people = _draw_people(world, rng, k)
    russian = rng.random() < 0.1
    build = _russian_item if russian else _english_item
    title, body, people, places = build(world, rng, kind, day, people)
    item = {
        "id": f"syn-{index + 1:09d}",
        "date": day.isoformat() if day else None,
        "kind": kind,
        "title": title,
        "body": body,
        "participants": [
            {"name": name, "role": role, "organisation": organisation}
            for name, role, organisation in people
        ],
        "places": places,
        "language": "ru" if russian else "en",
        "source": f"synthetic://csto/{'ru' if russian else 'en'}/{index + 1}",
    }
    return item, [world.by_name[name].key for name, _, _ in people]


def _english_date(day: date | None, rng: random.Random) -> str:
    if day is None:
        return ""
    if rng.random() < 0.6:
        return f"On {_MONTHS[day.month - 1]} {day.day}, {day.year}, "
    return f"On {day.day} {_MONTHS[day.month - 1]} {day.year}, "


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _english_item(
    world: _World, rng: random.Random, kind: str, day: date | None, people: list[PersonTruth]
) -> tuple[str, list[str], list[tuple[str, str, str]], list[str]]:
    mentions = [_mention(p, rng) for p in people]
    intro = [f"{m.person.descriptor} {m.spelling}" for m in mentions]
    pool = world.pool_en
    when = _english_date(day, rng)
    city = rng.choice(_PLACES).replace("-", " ")
    places = [city]
    lead, guests = mentions[0], mentions[1:]
    if kind == "news":
        style = rng.randrange(5)
        if style == 0 and any(p.key != SECRETARY_GENERAL for p in people):
            sg = _mention(world.people[0], rng)
            guests = [m for m in mentions if m.person.key != SECRETARY_GENERAL][:4]
            shown = guests[:2]
            title = f"CSTO Secretary General {sg.spelling} met with " + (
                f"{shown[0].person.descriptor} {shown[0].spelling}"
                if len(guests) == 1
                else _join([m.spelling for m in shown]) + (" and others" if len(guests) > 2 else "")
            )
            first = (
                f"{when}at the CSTO Secretariat, the CSTO Secretary General {sg.spelling} met with"
                f" the {_join([f'{m.person.descriptor} {m.spelling}' for m in guests])}."
            )
            mentions = [sg, *guests]
            places = ["Moscow"]
        elif style == 1:
            council = rng.choice(_COUNCILS)[0]
            ordinal = _ordinal(rng.randrange(1, 60))
            title = f"The {ordinal} meeting of the {council} was held in {city}"
            first = (
                f"{when}the {ordinal} meeting of the {council} was held in {city}. The meeting"
                f" was chaired by the {intro[0]}."
            )
            if guests:
                first += f" It was attended by {_join(intro[1:])}."
        elif style == 2:
            event = _event(rng)
            title = f"{lead.spelling} took part in {event}"
            first = f"{when}the {intro[0]} took part in {event} in {city}."
            if guests:
                first += f" The event was also attended by {_join(intro[1:])}."
        elif style == 3 and guests:
            title = f"{lead.spelling} held talks with {_join([m.spelling for m in guests])}"
            first = (
                f"{when}talks were held in {city} between the {intro[0]} and"
                f" {_join(intro[1:])}. The parties discussed {world.phrases_en.topic()}."
            )
        else:
            op, _ = rng.choice(_OPERATIONS)
            year = day.year if day else 2020
            title = f"Results of the operation “{op}-{year}” were summed up in {city}"
            first = (
                f"{when}the results of the operation “{op}-{year}” were summed up in {city}."
                f" The results were presented by the {_join(intro)}."
            )
        body = [_capital(first) + " " + " ".join(rng.choices(pool, k=rng.randint(1, 3)))]
        body += _paragraphs(pool, rng, rng.randint(0, 2), 2, 5)
    elif kind == "statement":
        topic = world.phrases_en.topic()
        if rng.random() < 0.5:
            title = f"Statement by the CSTO Secretariat on {topic}"
        else:
            title = f"Statement by the {lead.person.descriptor} {lead.spelling} on {topic}"
        body = _paragraphs(pool, rng, rng.randint(2, 5), 2, 5)
        if when:
            body.insert(0, f"{when}the CSTO Secretariat issued a statement on {topic}.")
        body.append(f"The statement was made by the {_join(intro)}.")
    elif kind == "interview":
        media = rng.choice(_MEDIA)[0]
        title = f"Interview of the {lead.person.descriptor} {lead.spelling} to {media}"
        body = [
            f"{when}the {intro[0]} gave an interview to {media}."
            if when
            else f"The {intro[0]} gave an interview to {media}."
        ]
        for _ in range(rng.randint(3, 8)):
            body.append(f"— {_question(world, rng)}")
            body.append("— " + " ".join(rng.choices(pool, k=rng.randint(2, 6))))
        if guests:
            body.append(f"— I would also like to mention the work of {_join(intro[1:])}.")
    else:  # speech
        event = _event(rng)
        title = f"Speech by the {lead.person.descriptor} {lead.spelling} at {event}"
        audience = rng.choice(_AUDIENCES)
        body = [f"Dear {audience},"]
        paragraphs = _paragraphs(pool, rng, rng.randint(10, 40), 2, 6)
        for at in range(len(paragraphs) // 3, len(paragraphs), 7):
            paragraphs.insert(at, rng.choice(("Ladies and gentlemen,", f"Dear {audience},")))
        if guests:
            thanks = f"I would like to thank the {_join(intro[1:])} for their contribution."
            paragraphs.insert(1, thanks)
        body += paragraphs
        body.append("Thank you for your attention.")
    people_out = [(m.spelling, m.person.role, m.person.organisation) for m in mentions]
    return title, body, people_out, places


def _ordinal(number: int) -> str:
    if 10 <= number % 100 <= 20:
        return f"{number}th"
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def _roman(number: int) -> str:
    return ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")[number - 1]


def _event(rng: random.Random) -> str:
    pick = rng.randrange(6)
    if pick == 0:
        return f"the {_ordinal(rng.randrange(1, 60))} meeting of the {rng.choice(_COUNCILS)[0]}"
    if pick == 1:
        return f"the {_roman(rng.randrange(1, 13))} Minsk Conference on Eurasian Security"
    if pick == 2:
        topic = _capital(_Phrases(rng).topic())
        return f"the International Scientific and Practical Conference “{topic}”"
    if pick == 3:
        code = rng.choice(_CODENAMES)[0]
        return f"the final stage of the joint exercise “{code}-{rng.randrange(2003, 2027)}”"
    if pick == 4:
        return f"the {_roman(rng.randrange(1, 13))} Moscow Conference on International Security"
    return f"the round table on {_Phrases(rng).topic()}"


def _question(world: _World, rng: random.Random) -> str:
    topic = world.phrases_en.topic()
    return rng.choice(
        (
            f"How do you assess {topic}?",
            f"What are the priorities of the Organization regarding {topic}?",
            f"What role does {rng.choice(_ORGS)} play in {topic}?",
            f"How will {topic} develop in {rng.choice(_REGIONS)}?",
            f"Is there a risk of escalation of {topic}?",
        )
    )


def _russian_item(
    world: _World, rng: random.Random, kind: str, day: date | None, people: list[PersonTruth]
) -> tuple[str, list[str], list[tuple[str, str, str]], list[str]]:
    pool = world.pool_ru
    when = f"{day.day} {_MONTHS_RU[day.month - 1]} {day.year} года " if day else ""
    style = rng.choice(("initial", "initial", "initial", "surname"))
    lead, guests = people[0], people[1:]

    def names(ps: list[PersonTruth], case: str) -> str:
        return _join([p.ru_form(case, style) for p in ps], "и")

    def described(ps: list[PersonTruth]) -> str:
        return ", ".join(f"{p.descriptor_ru} {p.cyrillic}" for p in ps)

    def ended(p: PersonTruth, masc: str, fem: str) -> str:
        return fem if p.gender == "f" else masc

    topic = world.phrases_ru.topic()
    places = [rng.choice(_RU_CITIES)]
    if kind == "news":
        guests = [p for p in people if p.key != SECRETARY_GENERAL][:4]
        if rng.random() < 0.5 and guests:
            sg = world.people[0]
            title = f"Генеральный секретарь ОДКБ {sg.ru_form('nom', 'initial')} встретился с " + (
                names(guests, "ins")
            )
            first = (
                f"{when}в Секретариате ОДКБ Генеральный секретарь ОДКБ {sg.cyrillic} провел"
                f" встречу с {names(guests, 'ins')}. В ходе встречи обсуждались вопросы {topic}."
                f" Во встрече участвовали: {described(guests)}."
            )
            people = [sg, *guests]
            places = ["Москва"]
        else:
            guests = people[1:]
            verb = ended(lead, "провел", "провела")
            title = f"{lead.ru_form('nom', style)} {verb} рабочую встречу по вопросам {topic}"
            first = (
                f"{when}{lead.descriptor_ru} {lead.cyrillic} {verb} рабочую встречу"
                f" по вопросам {topic}."
            )
            if guests:
                first += f" В ней приняли участие {names(guests, 'nom')} ({described(guests)})."
        body = [_capital(first) + " " + " ".join(rng.choices(pool, k=rng.randint(1, 3)))]
        body += _paragraphs(pool, rng, rng.randint(0, 2), 2, 5)
    elif kind == "statement":
        title = f"Заявление {lead.ru_form('gen', style)} по вопросам {topic}"
        body = _paragraphs(pool, rng, rng.randint(2, 5), 2, 5)
        body.append(f"С заявлением {ended(lead, 'выступил', 'выступила')} {described(people)}.")
        if when:
            body.insert(0, _capital(f"{when}опубликовано заявление по вопросам {topic}."))
    elif kind == "interview":
        media = rng.choice(_MEDIA)
        title = f"Интервью {lead.ru_form('gen', style)} {media[2]}"
        body = [
            _capital(
                f"{when}{lead.descriptor_ru} {lead.cyrillic} "
                f"{ended(lead, 'дал', 'дала')} интервью {media[2]}."
            )
        ]
        for _ in range(rng.randint(3, 8)):
            body.append(f"— Как вы оцениваете состояние {world.phrases_ru.topic()}?")
            body.append("— " + " ".join(rng.choices(pool, k=rng.randint(2, 6))))
        if guests:
            body.append(f"— Хочу отметить работу, которую ведут {names(guests, 'nom')}.")
    else:
        council = rng.choice(_COUNCILS)[1]
        title = f"Выступление {lead.ru_form('gen', style)} на заседании {council}"
        body = [rng.choice(("Уважаемые коллеги!", "Уважаемые участники заседания!"))]
        body += _paragraphs(pool, rng, rng.randint(10, 40), 2, 6)
        if guests:
            body.insert(2, f"Благодарю {names(guests, 'gen')} за большой вклад в нашу работу.")
        body.append("Благодарю за внимание.")
    people_out = [(p.cyrillic, p.role_ru, p.organisation_ru) for p in people]
    return title, body, people_out, places


# --------------------------------------------------------------------------------------------
# Writing files.
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Written:
    """What `write_archive` produced."""

    items: int
    bytes: int
    seconds: float


def write_archive(n: int, out: Path, truth: Path | None = None, seed: int = 1) -> Written:
    """Stream `n` items to `out` as JSON Lines and, optionally, the truth file beside it.

    Files are written under a temporary name and renamed at the end, so an interrupted run
    never leaves a truncated archive that a benchmark would mistake for a finished one.
    """
    start = time.perf_counter()
    people = roster(seed)
    index_of = {p.key: i for i, p in enumerate(people)}
    appearances = [array("I") for _ in people]
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".partial")
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": ")).encode
    with partial.open("w", encoding="utf-8", newline="\n") as f:
        lines: list[str] = []
        for number, (item, keys) in enumerate(_generate(n, seed)):
            lines.append(dumps(item))
            for key in keys:
                appearances[index_of[key]].append(number + 1)
            if len(lines) >= 1_000:
                f.write("\n".join(lines) + "\n")
                lines = []
        if lines:
            f.write("\n".join(lines) + "\n")
    if truth is not None:
        truth_partial = truth.with_name(truth.name + ".partial")
        with truth_partial.open("w", encoding="utf-8", newline="\n") as f:
            f.write("[\n")
            for i, person in enumerate(people):
                ids = [f"syn-{number:09d}" for number in appearances[i]]
                f.write(json.dumps(person.truth(ids), ensure_ascii=False))
                f.write(",\n" if i + 1 < len(people) else "\n")
            f.write("]\n")
        truth_partial.replace(truth)
    partial.replace(out)
    return Written(n, out.stat().st_size, time.perf_counter() - start)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tests.bench.synth", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--items", type=int, required=True, help="how many items")
    parser.add_argument("--out", type=Path, required=True, help="the JSONL file to write")
    parser.add_argument("--truth", type=Path, help="also write the people ground truth (JSON)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    if args.items < 0:
        parser.error("--items must be 0 or more")
    written = write_archive(args.items, args.out, args.truth, args.seed)
    print(
        f"{written.items:,} items, {written.bytes / 1e6:.1f} MB in {written.seconds:.1f} s"
        f" ({written.items / max(written.seconds, 1e-9):,.0f} items/s) -> {args.out}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
