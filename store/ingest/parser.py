"""Raw press text to items: splitting a dump into items, then dating, titling and kinding each."""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import itertools
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field, replace

from store.ingest.participants import find_participants, is_named_in, resolve_addresses
from store.model import SENTENCE_BREAK, Item, derive_title, make_id
from store.text import lexicon
from store.text.dates import (
    DateLine,
    DateMatch,
    digest_date,
    document_number_date,
    event_date,
    find_dates,
    held_date,
    is_document_number,
    lead_sentence_date,
    month_number,
    names_a_digest,
    opening_date,
    parse_date_line,
    url_date,
)
from store.text.printable import printable
from store.text.wire import WireLead, wire_lead

_TITLE_MAX_CHARS = 300
_TITLE_MAX_WORDS = 45
_SENTENCE_END = tuple(".,;:?!…")

_BRIEFING_TITLE = re.compile(
    r"^(?:from (?:the )?)?(?:(?:daily|weekly|regular|special) )?(?:press |news |media )?"
    r"briefing\b|^(?:еженедельный |очередной )?брифинг\b"
    r"|^из (?:еженедельного |очередного )?брифинга\b",
    re.IGNORECASE,
)
"""A spokesperson's briefing ("Briefing by Foreign Ministry Spokesperson ...", "Брифинг
официального представителя МИД России ...") or a part of one ("Из брифинга ..."): one voice
going through topics, each under a heading of its own ("On ...", "О ..."), and answering
questions."""
_KIND_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    # a title opening with the document's genre says what it is, whatever it goes on to
    # name ("Комментарий ... в связи с докладом БДИПЧ", "DECLARATION OF THE ... COUNCIL")
    ("statement", re.compile(
        r"^(?:joint |совместн\w+ )?(?:declaration|декларация|заявление|комментари[йи])\b"
        # a UN document's letter or note verbale: the sender's position, whatever it annexes
        r"|^(?:identical )?letters? dated\b|^note verbale\b|^вербальная нота\b"
        # "Foreign Ministry spokesperson comments on ... remarks": the office's comment
        r"|\bspokes(?:person|woman|man)\b[\w\s'’-]{0,40}?\bcomments on\b"
        r"|^(?:идентичные )?письм[оа] (?:постоянного представителя|постоянного представительства"
        r"|от \d)",
        re.I)),
    # "Answer by the Spokesperson to a media question": questions and answers
    ("interview", re.compile(
        r"\binterview|\bинтервью|^(?:answers? (?:by|of|to)|ответы? )"
        # "Spokeswoman Maria Zakharova's answer to a media question" (not "Minister's remarks
        # and answers to media questions", a speech)
        r"|(?:'s|’s) answers? to (?:a )?(?:media|press) questions?\b", re.I)),
    ("speech", re.compile(
        r"\b(?:speech|address|remarks|theses|abstracts of the speech|keynote|lecture)\b"
        r"|выступлени|обращени|тезисы|доклад|речь"
        # a message or greeting opening the title is the sender's address, not news of it
        r"|^(?:(?:congratulatory|video|welcome|new year) )?(?:message|greetings?|congratulations)\b"
        # someone's message ("Secretary-General's message on the Day of Peace"), theirs
        r"|(?:'s|s'|’s|s’) (?:(?:congratulatory|video|new year) )?(?:message|greetings)\b"
        r"|^(?:(?:новогоднее|праздничное) )?(?:поздравлени|послани|приветстви)"
        r"|^поздравительн\w* (?:телеграмм|послани|адрес|письм)"
        # "Приветственное слово ...", the MFA's "Вступительное слово С.В.Лаврова ..."
        r"|^(?:приветственное|вступительное|заключительное) слово\b", re.I)),
    # a joint communiqué, and a spokesperson's comment, speak for the office
    ("statement", re.compile(
        r"\bstatement\b|\bзаявлени|\bcommuniq|\bкоммюнике|^comments? (?:by|of)\b"
        r"|^комментари[йи] "
        # an office's comment ("CSTO Secretariat comment on media reports")
        # a UN press release of the Secretary-General's words ("Secretary-General Welcomes
        # Signing of Border Treaty ...")
        r"|^(?:UN |United Nations )?Secretary-General (?:strongly )?(?:welcomes|condemns"
        r"|deplores|urges|calls for)\b"
        r"|^[\w\s'’-]{0,40}?\b(?:secretariat|ministry|mfa|department|office|service)"
        r"(?:'s|’s)? comment on\b", re.I)),
    # a spokesperson's briefing: remarks on the topics of the day, then answers
    ("speech", _BRIEFING_TITLE),
)


def kind_of(title: str) -> str:
    """The item's kind, from the words of its title: speech, statement, interview or news."""
    for kind, pattern in _KIND_RULES:
        if pattern.search(title):
            return kind
    return "news"


_FOLLOWING_TEXT = re.compile(
    r"(?:the )?following (?:is|are) (?:the )?(?:text of )?.{0,120}?"
    r"\b(?:remarks|speech|address|statement|message|interview)\b",
    re.IGNORECASE,
)
"""A UN release's first line saying what follows ("Following are UN Secretary-General
António Guterres' remarks to the Security Council ..."): the kind its headline does not say."""


_TURN = re.compile(r"([«\"]?[^\W\d][\w.’' -]{0,40}?[»\"]?)\s?:\s+\S")
"""A speaker's turn in a transcript: "UN News: What ...?", "Lidia Morozan: We can ...", a
paper's quoted name asking ("«СБ»: ...?")."""
_INTERVIEW_TURNS = 2


def _questions_and_answers(body: list[str]) -> bool:
    """Whether the text is an interview: questions under one label ("UN News: ...?"), each
    answered under another label in the next paragraph, or questions and answers each
    opening with a dash, at least twice."""
    asked = 0
    for question, answer in itertools.pairwise(body):
        q, a = _TURN.match(question), _TURN.match(answer)
        if q and a and question.rstrip().endswith("?") and q.group(1) != a.group(1):
            asked += 1
        elif _dashed_turn(question) and _dashed_turn(answer) and question.endswith("?"):
            asked += not answer.endswith("?")
    return asked >= _INTERVIEW_TURNS


def _dashed_turn(paragraph: str) -> bool:
    """A turn of an interview printed as a dialogue ("– Mr Tasmagambetov, what ...?",
    "— Наши отношения ..."): a dash opens it, and no name."""
    return paragraph.startswith(("– ", "— ", "- "))


_SPEAKER = re.compile(
    r"(?:[A-ZА-ЯЁ]\.\s?)*[A-ZА-ЯЁ][\w’'\-]+(?:\s[A-ZА-ЯЁ][\w’'\-]+){0,2}"
    r"(?:\s\([^()]{1,30}\))?:\s+\S"
)
"""A named speaker's turn in a transcript: "Vladimir Putin: ...", "В.Путин: ...",
"Adylbek Sultanaliev (retranslated): ..."."""
_TRANSCRIPT_SPEAKERS = 2


def _is_transcript(body: list[str]) -> bool:
    """Whether the text is the transcript of a meeting's opening remarks: turns of at
    least two people named in full or by initial and surname, none of them a question."""
    speakers = set()
    for paragraph in body:
        turn = _SPEAKER.match(paragraph)
        if turn is None:
            continue
        label = turn.group().rsplit(":", 1)[0]
        if " " not in label.split("(")[0].strip() and "." not in label:
            return False  # "Kazinform: ...", "Q.: ...": an interviewer's label
        if paragraph.rstrip().endswith("?"):
            return False
        speakers.add(label.split("(")[0].strip())
    return len(speakers) >= _TRANSCRIPT_SPEAKERS


_SOURCE_NOTE_MAX_WORDS = 40


def _source_note(body: list[str]) -> str:
    """The note in brackets an excerpt ends with, saying where it is from ("(From the
    opening speech of the Chairman ..., 3 February 2026)"), or ""."""
    last = body[-1] if body else ""
    if last.startswith("(") and last.endswith(")") and len(last.split()) <= _SOURCE_NOTE_MAX_WORDS:
        return last
    return ""


def _kind(title: str, body: list[str]) -> str:
    """The kind the title says, else the one the first paragraph announces, else an
    interview where the text is questions and answers."""
    kind = kind_of(title)
    announced = _FOLLOWING_TEXT.match(body[0]) if kind == "news" and body else None
    if announced is not None:
        return kind_of(announced.group())
    note = _source_note(body)
    if kind == "news" and note and kind_of(note) != "news":
        return kind_of(note)  # "(From the opening speech of ...)"
    if kind == "news" and len(body) >= 2 * _INTERVIEW_TURNS and _questions_and_answers(body):
        return "interview"
    if kind == "news" and _is_transcript(body):
        return "speech"
    if kind == "news" and body and _DELIVERED.match(body[0]):
        return "statement"  # an OSCE delegation's "As delivered by Chargé d'Affaires ..."
    return kind


_DELIVERED = re.compile(r"(?:as )?delivered by\b|(?:зачитано|оглашено)\b", re.IGNORECASE)


_AUTHORED_TITLE = re.compile(r"\barticles? (?:by|of)\b|\bop-ed\b|^статья\s+(?!\d)", re.I)
"""A title presenting someone's own piece ("Article by the Secretary General ...",
"Статья Генерального секретаря ... для газеты"), not an article of a treaty."""


def _reports_news(title: str) -> bool:
    """Whether a titled item reports events, so that a dated paragraph under it may start
    the next item; a speech, statement, interview or authored article is one voice, whose
    dated paragraphs tell of the past unless they read as a news lead (`_news_after_speech`)."""
    return kind_of(title) == "news" and _AUTHORED_TITLE.search(title) is None


def normalise_text(text: str) -> str:
    """One newline style, no BOM, NBSP and other odd spaces as plain spaces, no controls.

    Escape sequences go whole (`store.text.printable`), so an OSC title leaves no payload in
    the text.
    """
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = printable(text, keep_newlines=True)
    out = []
    for ch in text:
        if ch in "\n\t":
            out.append(ch if ch == "\n" else " ")
        elif unicodedata.category(ch) in ("Zs",):
            out.append(" ")
        elif unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn"):
            continue
        else:
            out.append(ch)
    return "".join(out)


def is_cyrillic_text(text: str) -> bool:
    """Mostly Cyrillic letters: the item is Russian."""
    letters = [c for c in text[:5000] if c.isalpha()]
    if not letters:
        return False
    cyrillic = sum(1 for c in letters if "\u0400" <= c <= "\u04ff")
    return cyrillic * 2 > len(letters)


# -- recognising lines -----------------------------------------------------------------


_OPENING_QUOTES = "\"«“„'"


_CLOSING_QUOTES = "\"»”'’"


def _without_pictographs(line: str) -> str:
    """The line without the emoji a channel post opens it with ("📢 ...", "🔥 ...")."""
    start = 0
    while start < len(line) and (
        line[start].isspace() or unicodedata.category(line[start]) in ("So", "Sk", "Mn", "Cf")
    ):
        start += 1
    return line[start:]


_FOOTNOTE_MARK = re.compile(r"(?<=[.!?…»\"”)])(?:[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\*{1,3}|†)$")
"""A footnote's mark after a sentence's end ("… the power plant.¹"): the sentence ends there."""


_GENRE_TITLE = re.compile(
    r"(?:speech|remarks|address|statement|interview|greetings?|message|toast"
    r"|выступление|обращение|заявление|тост) (?:by|of|to|на|в|по)\b"
    r"|(?:выступление|обращение|заявление|интервью|приветствие|поздравление|послание|тост)"
    r" (?:[А-ЯЁ]|[а-яё]+ [А-ЯЁ])",
    re.IGNORECASE,
)
"""A title that opens by naming the speech it heads ("Speech by CSTO Acting Secretary General
V. Semerikov at the meeting on ..., held at ... under the chairmanship of ..."): a ministry
may give such a title its whole occasion, longer than any headline."""
_GENRE_TITLE_MAX_CHARS = 600
_GENRE_TITLE_MAX_WORDS = 90


_POST_SENTENCE_WORDS = 15
"""A post's sentence may end with emoji instead of a full stop ("... с официальным визитом
🇷🇺🇹🇯"); a line of so many words ending so is a sentence, not a headline."""


def _ends_with_pictographs(line: str) -> bool:
    stripped = line.rstrip()
    return bool(stripped) and unicodedata.category(stripped[-1]) in ("So", "Sk")


def _is_title_like(line: str) -> bool:
    line = _FOOTNOTE_MARK.sub("", _without_pictographs(line))
    if _ends_with_pictographs(line) and len(line.split()) >= _POST_SENTENCE_WORDS:
        return False
    long_title = _GENRE_TITLE.match(line) is not None
    if (
        not line
        or len(line) > (_GENRE_TITLE_MAX_CHARS if long_title else _TITLE_MAX_CHARS)
        or len(line.split()) > (_GENRE_TITLE_MAX_WORDS if long_title else _TITLE_MAX_WORDS)
    ):
        return False
    first = line.lstrip(_OPENING_QUOTES)[:1]  # '"Our task is ...": interview of ...'
    if line.endswith(_SENTENCE_END) or (not first.isupper() and not first.isdigit()):
        return False
    if line.rstrip(_CLOSING_QUOTES).endswith((".", ",")):
        return False  # a quotation's sentence: '"... at its heart," said X. "Our ... that."'
    if line.startswith(("—", "–", "-", "•", "*", "Q:", "A:")) or _is_byline(line):
        return False
    if _CAPTION_CREDIT.search(line):
        return False  # "Heads of state before the session. Photo: Akorda press service"
    low = line.casefold()
    if low.startswith(
        lexicon.SALUTATION_STARTS + lexicon.CAPTION_STARTS + lexicon.BYLINE_STARTS
        + lexicon.CREDIT_STARTS
    ):
        return False
    return parse_date_line(line) is None


_CAPTION_CREDIT = re.compile(r"[.!?]\s+(?:photo|фото)\s*:\s*[^.!?]{2,60}$", re.IGNORECASE)
"""A photo's caption with its credit after it: text under a picture, never a title."""
_SEPARATOR = re.compile(r"[*#=~_•·+/\-–—\u2500-\u257f\s]{3,200}|[–—~*#/\-]{1,2}")  # "───", "///"


_AUTHOR_WITH_POST = re.compile(r"By [A-Z][\w'’.\-]*(?: [A-Z][\w'’.\-]*){1,3}, \S")
"""An author credited with a post ("By Ambassador Rustam Khamidov, Permanent Representative
of ..."): an op-ed's by-line."""


def _is_byline(line: str) -> bool:
    """A by-line ("By our correspondent", "Беседовала ..."): it may stand between a title
    and its date line."""
    return (
        line.casefold().startswith(lexicon.BYLINE_STARTS)
        or _AUTHOR_WITH_POST.match(line) is not None
    )


def _has_text(draft: _Draft) -> bool:
    """Whether the item has text of its own yet, a by-line under its title aside."""
    return len(draft.body) > 1 or (bool(draft.body) and not _is_byline(draft.body[0]))


def _is_separator(line: str) -> bool:
    """A line of marks only ("###", "* * *", "-----"): a press release's end mark or a break
    between items, not text; or a banner of marks around a dump's own heading ("=== Telegram:
    Kazakhstan MFA, exported 15.12.2023 ===", "#### INTAKE 2019-2026 ####")."""
    return (
        _SEPARATOR.fullmatch(line) is not None and len(set(line) - {" "}) <= 2
    ) or _BANNER.fullmatch(line) is not None or _MAIL_BREAK.fullmatch(line) is not None or (
        _NOTES_HEADING.fullmatch(line) is not None or _DASH_BANNER.fullmatch(line) is not None
    )


_DASH_BANNER = re.compile(
    r"(?:[—–]{1,3}|-{2,3})\s+[^—–!?:;«»\"]{1,80}?\s+(?:[—–]{1,3}|-{2,3})"
)
"""The keeper's mark between dashes ("—— Unsorted / undated materials ——", "— end of
export —"): a break in the dump, not the last line of the item above."""


_NOTES_HEADING = re.compile(r"#{2,6}\s+\S.{0,150}")
"""A heading of the keeper's own notes, marked the Markdown way ("## Telegram, MFA Armenia
channel (export, times are Yerevan)"): a break in the dump, no item."""


def _dated_banners(normal: str) -> list[tuple[int, str]]:
    """The dump's banners that hold a full date ("=== Telegram: Kazakhstan MFA, exported
    15.12.2023, newest first ==="), each with its line number: a bound of the items near it.
    `normal` is the text as `normalise_text` gives it, numbered as `_lines` numbers it."""
    found = []
    for number, raw in enumerate(normal.split("\n"), 1):
        if raw[:1] not in _BANNER_MARKS:
            continue
        line = " ".join(raw.split())
        if _BANNER.fullmatch(line) is None:
            continue
        dated = [d.iso() for d in find_dates(line) if d.year is not None]
        if dated and dated[0] is not None:
            found.append((number, dated[0]))
    return found


_MAIL_BREAK = re.compile(
    r"-{2,}\s*(?:original message|forwarded message|пересылаемое сообщение|исходное сообщение"
    r"|переслан\w* сообщение)\s*-{2,}|[<\[(]?(?:\.\.\.|…)[>\])]?",
    re.IGNORECASE,
)
"""An e-mail's break before the message it quotes ("-----Original Message-----"), or a cut in
a transcript ("<...>"): no text."""


def _between_separators(lines: list[str], at: int) -> bool:
    """A short line between two lines of marks ("==========", "mfa.gov.by - Press service -
    2015 archive", "=========="): the dump's heading of the part below, not text."""
    return (
        0 < at < len(lines) - 1 and _is_separator(lines[at - 1]) and _is_separator(lines[at + 1])
        and len(lines[at].split()) <= _BANNER_WORDS and not lines[at].endswith(_SENTENCE_END)
        and opening_date(lines[at]) is None  # "* * *", "3 декабря ... встреча.", "* * *"
    )


_BANNER_WORDS = 12
_BANNER_MARKS = frozenset("=#*~_-═─━")
_BANNER = re.compile(r"([=#*~_/+\-\u2500-\u257f])\1{2,}\s.{1,120}?\s\1{3,}(?:\s*\([^()]{1,120}\))?")


_FURNITURE = re.compile(
    # each action with its count taken whole (an atomic group): "views views ... !" must
    # fail in one pass, not try every split of its spaces
    r"(?>(?:share(?: this(?: page| article)?)?|поделиться|views|просмотр(?:ов|ы)"
    r"|print(?: version)?|версия для печати|печать|распечатать|text version|текстовая версия)"
    r"\s*:?\s*[\d\s.,]*)+"
    # a note of whoever kept the file, in square brackets ("[FILE 2, continued]", "[my weekly
    # digest for the desk]")
    r"|\[[^\[\]]{1,120}\]|(?:\[[^\[\]]{1,30}\]\s*){2,}"  # also "[Print] [Close] [Large]"
    # a link to a document's file ("[PDF] unrcca.unmissions.org/.../statement.pdf")
    r"|\[(?:pdf|docx?|doc|rtf|xlsx?)\]\s*\S.{0,150}"
    r"|(?:tags|теги|тэги|метки|ключевые слова)\s*:.*"
    # a list page's link to the whole story and its pager ("More...", "< Prev 1 2 3 ... 12
    # Next >"), the way back with the print button beside it
    r"|(?:more|подробнее|далее)\s?(?:\.{3}|…|»|>)"
    r"|[<‹«]\s*(?:prev|previous|назад)\s+[\d\s.…]+\s*(?:next|вперед|вперёд)\s*[>›»]"
    r"|[«‹←<]+\s*back to (?:the )?list(?:\s+print)?"
    r"|(?:photo|image|slide|фото|снимок|слайд)\s*\d+\s*(?:of|из|/)\s*\d+"
    r"|(?:photo ?gallery|gallery|фотогалерея|галерея)\s*(?:\(\d+\)|\d*)"
    r"|(?:check against delivery|as prepared for delivery|as delivered|\[as delivered\])\W{0,3}"
    r"|\(?(?:сверять|сверяйте) с (?:фактически )?произнес[её]нным\W{0,3}"
    r"|for information media\W+not an official record\W*"
    r"|\(?(?:additional )?(?:reporting|writing|editing) by [^()]*\)?"
    r"|our standards\s*:.*"
    # a link to other pages, the way back to the list, the site's footer
    r"|related\s*:.*|(?:[←«<‹]+\s*)?(?:back|return) to (?:the )?(?:news|list|all news"
    r"|news list|top|archive|main page)"
    r"|(?:[←«<‹]+\s*)?(?:вернуться|назад) к (?:списку новостей|новостям|списку"
    r"|архиву|началу)|(?:[←«<‹]+\s*)?(?:back|назад|вернуться назад|all news|все новости)"
    # a page's pager ("« Previous Next »", "‹ Предыдущая | Следующая ›")
    r"|(?:previous|next|предыдущая|следующая) (?:news|article|story|item|новость|статья)"
    r"\s*:.{0,150}"
    r"|[«‹←<]*\s*(?:previous|prev|предыдущая)(?: (?:news|item|новость))?\s*\|?\s*"
    r"(?:next|следующая)(?: (?:news|item|новость))?\s*[»›→>]*"
    # an agency's terms of reprint under each story
    r"|(?:при (?:использовании|перепечатке|цитировании|полном или частичном использовании)"
    r" материалов|when using (?:the )?materials).{0,80}(?:обязательна|обязательно|required)\.?"
    r"|print(?: this page)?|печать|распечатать|share on \w+|share on\s*:"
    r"|send to a friend|e-?mail (?:this|to a friend)|отправить (?:другу|ссылку|на почту)"
    # a story's author under it ("Автор: Айгерим Сейтказина"), not a participant; its editor
    r"|(?:автор|author|editor|редактор)\s*:\s*[^.!?]{1,60}"
    # where the press may ask ("For media enquiries, please contact the OSCE Press Office.")
    r"|for (?:media|press) (?:enquiries|inquiries|queries)\b[^!?]{0,100}"
    r"|по вопросам сми обращаться\b[^!?]{0,100}"
    # an e-mail newsletter's links around its issue and the link to each story's page
    r"|view (?:this|it|the) (?:e-?mail|newsletter|message) (?:in|on) (?:your|a|the) (?:browser|web)"
    r"|(?:если|в случае если) письмо (?:отображается|показывается) некорректно\W.{0,60}"
    r"|(?:you are receiving|you received|you have received) this (?:e-?mail|message|newsletter"
    r"|bulletin|digest)\b.*"
    r"|(?:вы получили|вы получаете) (?:это|данное) (?:письмо|сообщение)\b.*"
    r"|(?:read more|continue reading|full story|подробнее(?: на сайте)?|читать (?:далее|полностью))"
    r"\s*[»→>…]+"
    r"|subscribe to (?:our )?(?:news|newsletter|updates)|подписаться на"
    r" (?:рассылку|новости)|(?:©|\(c\)|copyright)\s*(?:\d{4}[\s\-–]*)*\D{1,80}(?:\d{4})?"
    r"|версия для слабовидящих.{0,20}|version for the visually impaired.{0,20}"
    r"|(?:сверять|проверять|сверить) (?:с|при) (?:произнесением|произнесении|произнесенным)"
    # a list page's relative date above the next title: the item's own date is in its text
    r"|(?:вчера|сегодня|позавчера|yesterday|today)(?:,?\s*(?:в\s*)?[0-2]?\d:[0-5]\d)?"
    r"|(?:\d{1,3}|an?|one)\s+(?:minutes?|hours?|days?|weeks?|минут[уы]?|час(?:а|ов)?|день|дня"
    r"|дней|недел[юиь])\s+(?:ago|назад)"
    # a channel post's place line under its title ("📍 Санкт-Петербург, Таврический дворец")
    r"|📍[^.!?]{0,80}"
    # a card's call to pass it on ("Save and share 👇", "Сохраняйте и делитесь 👇")
    r"|(?:save and share|share and save|сохраняйте и делитесь|сохраняй и делись)\W{0,6}"
    # a post forwarded from another channel: the channel it came from
    r"|(?:forwarded from|переслано (?:из|от)|репост из)\s+[^.!?]{1,60}"  # also _FORWARDED
    # a post's hashtags, a feed entry's link, the page's invitation to its channel or comments
    r"|(?:#[^\W\d_][\w\-]*\s*)+|(?:link|ссылка|url)\s*:\s*\S+"
    r"|(?:follow|subscribe to|читайте|подписывайтесь на)\b[^.!?]{0,60}"
    r"\b(?:telegram|telegram-канал\w*|канал\w*|channel)\b[^!?]{0,20}[.!]?"
    r"|подписаться на\s+[^.!?]{1,40}[.!]?"  # "Подписаться на Sputnik Армения"
    r"|(?:comments?|комментари[иейя]в?)\s*\(\d+\)|(?:add|leave|post) (?:a )?comment"
    r"|(?:добавить|оставить|написать) комментарий|(?:read more|читать (?:далее|полностью))\s*[→>»]?"
    r"|[^!?]{0,40}\ball rights reserved\b[^!?]{0,20}|все права защищены[^!?]{0,40}"
    # a page's note of its last update ("Last updated: 03.04.2019"; _date_by_update_mark)
    r"|(?:last updated|last modified|последнее обновление)\s*:.{6,40}"
    # an agency's update stamp under its date line ("Обновлено 28 января 2026, 14:32")
    r"|(?:updated|обновлено|изменено)\s*:?\s*\d[^.!?]{4,30}?[0-2]?\d:[0-5]\d"
    # the Russian MFA's number of a published document ("2621-23-12-2021"); under a title
    # it dates the item (_date_by_document_number)
    r"|\d{1,5}-\d{2}-\d{2}-\d{4}"
    r"|стенограмма|transcript"
    # the UN's masthead over each press release ("UNITED NATIONS", "Meetings Coverage and
    # Press Releases"): the page's name, above the release's symbol, date and title
    r"|(?-i:UNITED NATIONS|ОРГАНИЗАЦИЯ ОБЪЕДИНЕННЫХ НАЦИЙ)|meetings coverage and press releases"
    r"|освещение заседаний и пресс-релизы"
    # UN News's masthead and motto ("Новости ООН", "Global perspective Human stories")
    r"|un news|новости оон|global perspective,? human stories"
    r"|глобальный взгляд,? человеческие судьбы"
    # a post's hashtags
    r"|#\w+(?:\s+#\w+)*"
    # a wire's rights line and a page's update mark ("Interfax ... All rights reserved.")
    r"|[^.!?]{0,60}(?:©\s*\d{4})?[.,]?\s*(?:all rights reserved|все права защищены)\b"
    r"[^.!?]{0,40}\.?"
    r"|\((?:updated|обновлено)\s*:?\s*[^()]{0,30}\)"
    # the Kremlin's publication status block under a transcript; its date is the item's
    r"|publication status|статус материала|(?:published in sections|опубликован в разделах"
    r"|direct link|прямая ссылка|ссылка на материал|link to (?:the )?material|topics|persons"
    r"|темы|лица|персоны)\s*:.*"
    # a list page's pager under its entries ("« 1 2 3 4 5 … 112 »", "1 2 3 … 245 Следующая ›")
    r"|(?:[«‹←]\s*|(?:previous|prev|предыдущая)\s+)?\d{1,4}(?:\s+(?:\d{1,4}|…|\.\.\.)){2,}"
    r"(?:\s*[»›→]|\s+(?:next|следующая|далее)(?:\s*[»›→])?)?"
    # an e-mail bulletin's footer: the signature mark, why it was sent, how to stop it
    r"|--|unsubscribe|отписаться(?: от рассылки)?"
    r"|(?:you are receiving|you received) this (?:message|e-?mail|newsletter)\b.{0,120}"
    r"|вы получили это (?:письмо|сообщение)\b.{0,120}"
    # the sending delegation, a label over an OSCE statement ("Delegation of Kazakhstan")
    r"|(?:delegation of(?: the)?|делегация)(?-i:(?: [A-ZА-ЯЁ][\w\-]*){1,4})"
    # a mission as the sender of an OSCE statement ("United States Mission to the OSCE")
    r"|(?:(?-i:[A-Z][\w.\-]*) ){1,3}mission to the osce"
    r"|(?:постоянное )?представительство (?-i:[А-ЯЁ][\w\-]*)(?: [\w\-]+){0,4} при обсе"
    # who compiled a digest or bulletin, with the office's contacts, under its last entry
    r"|(?:(?:prepared|compiled) by|подготовил[аио]?|составил[аио]?|составитель)\s*:.*"
    # a UN or OSCE document's language of issue and of the original ("ENGLISH only",
    # "Original: RUSSIAN") and its distribution ("Security Council  Distr.: General")
    r"|(?:original\s*:\s*)?(?:english|russian|french|spanish|chinese|arabic|german)"
    r"(?:\s+only)?|(?:[^\W\d][\w ]{0,60}\s)?distr\.\s*:\s*(?:general|limited|restricted)"
    # the close of a press digest ("— End of digest —", "(конец обзора)"), not the last entry's
    r"|[(\s—–-]*(?:end of (?:the )?(?:digest|review|bulletin|newsletter)"
    r"|конец (?:обзора|дайджеста|выпуска|рассылки))[\s.)—–-]*",
    re.IGNORECASE,
)
_SITE_ADDRESS = re.compile(
    r"(?:https?://)?(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:[a-z]{2,6}|рф)(?:/\S*)?"
)
"""A site's address alone on a line under the text it was copied from ("akorda.kz",
"mfa.am", "https://www.osce.org/..."): the source, not a sentence. Lowercase, so a signature
of initials ("M.V.Ryzhenkov") is no address."""
_SITE_WITH_NAME = re.compile(
    rf"{_SITE_ADDRESS.pattern}\s+[|–—-]\s+[^.!?]{{1,100}}"
)
"""A site's address and its owner's name over a copied page ("mfa.gov.by | Permanent Mission
of the Republic of Belarus to the OSCE", "mfa.gov.by - Press service - 2015 archive")."""
_FOOTER = re.compile(
    r"(?:share|поделиться|print|версия для печати|views|просмотр|tags|теги|follow|subscribe"
    r"|читайте|подписывайтесь|comments?\b|комментари|read more|читать|👁|©|\(c\)|copyright"
    r"|стенограмма|transcript|prepared by\s*:|compiled by\s*:|подготовил[аио]?\s*:"
    r"|составил[аио]?\s*:|составитель\s*:|(?:←\s*|◄\s*)?(?:back|return|назад|вернуться)\b)"
    r"|.{0,40}(?:all rights reserved|все права защищены)"
    r"|[(\s—–-]*(?:end of (?:the )?(?:digest|review|bulletin|newsletter)"
    r"|конец (?:обзора|дайджеста|выпуска|рассылки))[\s.)—–-]*$",
    re.IGNORECASE,
)
"""How the furniture under an item's text begins: its share and print buttons, view counter,
tags, the invitation to a channel, the comments, the copyright, the way back to the list.
What follows it is the next item, titled or not."""
_PRESS_SERVICE_CREDIT = re.compile(
    r"(?i:пресс-служба|press (?:service|office) of(?: the)?)"
    r"(?:\s+(?:[A-ZА-ЯЁ][\w\-]*|of|the|and|и))+"
)
"""A line crediting the press service that published the item ("Пресс-служба Президента
Республики Казахстан"): capitalised words only, no sentence."""
_MASTHEAD_WORDS = frozenset({"rss", "лента", "feed", "news", "новости"})
_MASTHEAD_MAX_WORDS = 5


def _is_masthead(line: str) -> bool:
    """Whether the line only names a news outlet ("Kazinform", "📰 Sputnik Kyrgyzstan",
    "RSS · AKIpress", "BelTA – Belarusian Telegraph Agency", "Источник: АКИpress"): the
    site's masthead above an item or its credit under it."""
    if len(line.split()) > 2 * _MASTHEAD_MAX_WORDS or any(c.isdigit() for c in line):
        return False
    words = re.findall(r"[^\W_][\w.\-]*", _without_pictographs(line))
    if not 0 < len(words) <= _MASTHEAD_MAX_WORDS:
        return False
    folded = [w.casefold().rstrip(".") for w in words]
    if not any(w in lexicon.NEWS_OUTLETS for w in folded) or _is_credit(line):
        return False
    return not _is_byline(line) and all(
        w[:1].isupper() or f in _MASTHEAD_WORDS for w, f in zip(words, folded, strict=True)
    )
_DOCUMENT_SYMBOL = re.compile(
    r"(?:[A-Z]{1,10}(?:\.[A-Z]{1,10})*/)+[A-Z]*\d[\w.\-]*(?:/[\w.\-]+)*"
)
"""A UN document symbol on a line of its own ("SG/SM/22541", "SC/16012", "GA/EF/3590"):
the release's number, printed between its title and date line."""
_UN_MASTHEAD = re.compile(rf"[^\W\d][^\W\d ]*(?: [^\W\d]+){{0,5}}\s+{_DOCUMENT_SYMBOL.pattern}")
"""The head of a UN document: its organ's name beside its symbol ("United Nations  S/2025/162",
"Организация Объединенных Наций  S/2025/801")."""
_UN_AGENDA_ITEM = re.compile(
    r"(?:[\w-]*(?:th|st|nd|rd)|[\w-]+(?:ая|ья)) (?:session|сессия)"
    r"|(?:agenda )?item \d{1,3}(?: ?\([a-z]\))? of the (?:preliminary|provisional)"
    r" (?:list|agenda)\*?"
    r"|пункт \d{1,3}(?: ?\([а-я]\))?"
    r" (?:предварительного перечня|(?:предварительной )?повестки дня)\*?",
    re.I,
)
"""A UN document's session and agenda item under its head ("Eightieth session", "Item 96 of
the preliminary list*", "Пункт 96 предварительного перечня"); the agenda item's name follows."""
_SOCIAL = frozenset({
    "facebook", "twitter", "x", "telegram", "vk", "вконтакте", "одноклассники", "ok",
    "whatsapp", "viber", "instagram", "youtube", "linkedin", "email", "e-mail", "|", "·",
})
_LIST_HEADING = re.compile(
    r"(?:(?:latest|all) )?news (?:of|from) (?:the )?\w+(?: \w+)?|новости \w+(?: \w+)?",
    re.IGNORECASE,
)
"""The heading of a site's list of news ("News of the Secretariat", "Новости Секретариата
ОДКБ"): no item's title."""
_HOME = frozenset({"home", "main", "main page", "homepage", "главная", "главная страница"})
_SECTIONS = frozenset({
    "news", "latest news", "all news", "press releases", "statements", "speeches", "events",
    "transcripts", "новости", "все новости", "пресс-релизы", "заявления", "выступления",
    "события", "стенограммы", "newsroom", "press room", "press centre", "press center",
    "лента новостей", "news feed", "latest news feed",
    "пресс-центр", "медиацентр",
    # a rubric above one title
    "interview", "interviews", "интервью", "q&a", "вопрос – ответ", "вопрос-ответ",
    "вопрос — ответ", "вопросы и ответы",
})
"""The sections of a site's press pages, where a breadcrumb trail ends."""
_HOME = frozenset({"home", "home page", "main", "главная", "главная страница", "на главную"})
"""The first step of a site's breadcrumb trail."""
_BREADCRUMB_SPLIT = re.compile(r"\s+[/>»›|→]\s+")
_LABEL_LINE = re.compile(
    r"(?:press[ -]release|news release|media advisory|пресс-релиз|for immediate release"
    r"|сообщение для (?:сми|печати|прессы))"
    r"(?:\s*(?:no\.?|№|#|number)?\s*[\w/.\-]*\d[\w/.\-]*)?",
    re.IGNORECASE,
)
"""A label above a title, with the release's number if any ("Press release No. 47/2025")."""


_PHOTO_CREDIT = re.compile(
    r"(?:(?:photos? by|photo credit|автор фото|фото предоставлено)\s*:?|(?:photos?|фото)\s*[:©]"
    r"|(?:photos?|фото)\s+(?=(?-i:[A-ZА-ЯЁ]{2,})\b)|un photo\s*/)"
    r"\s*(?P<credit>\S.*)",
    re.IGNORECASE,
)
_PHOTO_CREDIT_MAX_WORDS = 14
"""The longest credit ("Photo: press service of the General Staff of the Armed Forces of the
Kyrgyz Republic")."""
"""A photo credit under an item ("Photo: SCO Secretariat press service", "Photo by Ivan
Kozlov, Ministry of Defence", "Фото: пресс-служба ...", "Фото ООН", "UN Photo/Eskinder
Debebe") names one source in so many words at
most; a caption naming who is in the picture ("Photo: ... (right) and ...") is text."""
_BRACKETED = re.compile(r"^[\[(](.*)[\])]$")
_CAPTION_MARKS = re.compile(r"\(|\band\b|\bи\b|\.$|!$|\?$", re.IGNORECASE)


_AUTHOR_LINE = re.compile(r"By [A-Z][\w'’.\-]*(?:(?: |, | and )[A-Z][\w'’.\-]*){1,7}")
"""A wire story's credit to its reporters ("By Olga Dzyubenko", "By A and B") under the
title: who wrote it, not who is in it."""


_SHARE_LABEL = re.compile(
    r"(?:share(?: this(?: page| article| news)?)?|поделиться)\s*:|(?:share on|поделиться в)\s", re.I
)


_BARE_VIEWS = re.compile(
    r"(?:\d{1,3}(?:[ ,.]\d{3})+|\d+(?:[.,]\d+)?)\s?(?:[KkMmКкМм]\s*)?"
    r"(?:views|просмотр(?:ов|а)?)\s*|"
    r"(?:\d{1,3}(?:[ ,.]\d{3})+|\d+(?:[.,]\d+)?)\s?[KkMmКкМм]\s+(?:(?:edited|изменено)\s+)?"
    r"[0-2]?\d:[0-5]\d"
    r"|[0-2]?\d:[0-5]\d\s+(?:\d{1,3}(?:[ ,.]\d{3})+|\d+(?:[.,]\d+)?)\s?[KkMmКкМм]"
)
"""A view counter copied without its eye: "1 540 views", "15.2K edited 18:47", "16:20 3.4K"."""


def _is_view_counter(line: str) -> bool:
    """A post's view counter without a full date ("👁 4.8K edited 19:41", "👁 740", "👁 3,1K
    20 февраля в 15:40": its day dates the post, `_footer_day`); one with a full date closes
    and dates its post (`_closes_item`). Copied without the eye, "1 540 views"."""
    if _BARE_VIEWS.fullmatch(line):
        return True
    if not line.startswith("👁") or len(line.split()) > _VIEW_COUNTER_WORDS:
        return False
    date_line = parse_date_line(line)
    return date_line is None or date_line.date.year is None


_VIEW_COUNTER_WORDS = 7
_VIEWS_AND_EDIT = re.compile(
    r"👁\s*(?:\d{1,3}(?:[ ,.]\d{3})+(?!\d)|\d+(?:[.,]\d+)?\s?[KkMmКкМм]?)\s*"
    r"(?:edited|изменено|ред\.)?\s*",
    re.IGNORECASE,
)


def _footer_day(line: str) -> DateLine | None:
    """The day a post's view counter gives it ("👁 2.4K  edited  18 Feb 16:42"), or None."""
    views = _VIEWS_AND_EDIT.match(line)
    return parse_date_line(line[views.end() :], bare=True) if views else None


def _date_by_footer(current: _Draft | None, line: str) -> None:
    """Date a post by its view counter's day when nothing else dates it: no date line, and
    no day in its lead (a post tells of "17 February" in its words before its stamp)."""
    if current is None or current.date_line is not None or not _has_text(current):
        return
    day = _footer_day(line)
    if day is not None and _lead_date(current) is None:
        current.date_line = day
        current.date_text = line


_LAST_UPDATED = re.compile(
    r"(?:last updated|last modified|updated|последнее обновление|обновлено|изменено)\s*:\s*"
    r"(?P<date>.{6,40})",
    re.IGNORECASE,
)
"""A page's note of its last update under its text ("Last updated: 03.04.2019"): the page's
footer, never the date line of what follows."""


def _date_by_update_mark(current: _Draft | None, line: str) -> None:
    """Date an undated item with text by its page's "Last updated: 03.04.2019" under it."""
    mark = _LAST_UPDATED.fullmatch(line)
    if mark is None or current is None or current.date_line is not None:
        return
    updated = parse_date_line(mark["date"])
    if updated is not None and updated.date.year is not None and _has_text(current):
        current.date_line = updated
        current.date_text = line


def _date_by_document_number(current: _Draft | None, line: str) -> None:
    """Date an item by the MFA's document number under its title ("1285-12-07-2016"), the
    day it was published, when no date line has dated it and its text has not begun: the
    number elsewhere (between two items) belongs to no item for sure."""
    if current is None or not current.title or current.date_line is not None:
        return
    published = document_number_date(line)
    if published is not None and not _has_text(current):
        current.date_line = published
        current.date_text = line


_SHARE_EXTRA = re.compile(r"комментари\w*|comments?|\(\d+\)|\d+|[^\w\s]+")
"""Beside the share buttons: the comments and their count ("Поделиться: Комментарии (18)"),
a link's pictograph ("Поделиться: 🔗")."""
_PAGE_ACTIONS = frozenset({"print", "email", "e-mail", "pdf", "печать", "распечатать"})


_TAG_ROW_SPLIT = re.compile(r"\s+[·•|]\s+")
_TAG_WORDS_MAX = 3


def _is_tag_row(line: str) -> bool:
    """ "Security · Tajikistan · Afghan border": a story's rubric and tags in a row, words
    with no figures and no sentence."""
    parts = _TAG_ROW_SPLIT.split(line.strip())
    return (
        len(parts) >= 3 and not any(ch.isdigit() for ch in line)
        and all(
            0 < len(p.split()) <= _TAG_WORDS_MAX and p[:1].isupper()
            and not p.endswith(_SENTENCE_END) for p in parts
        )
    )


_ROW_GAP = re.compile(r"\s{2,}|\s*[|·\U0001F300-\U0001FAFF\u2600-\u27BF]\ufe0f?\s*")
"""What parts a row of page actions: wide gaps, bars, the pictographs before each action."""


def _is_action_row(line: str) -> bool:
    """ "👁 3 418    🖨 Print    ✉ Send to a friend": a page's row of a counter and its
    actions, each of which alone is furniture."""
    parts = [p for p in _ROW_GAP.split(line.strip()) if p]
    return len(parts) >= 2 and all(
        _without_pictographs(p).replace(" ", "").isdigit() or _is_furniture(p) for p in parts
    )


def _is_share_row(line: str) -> bool:
    """ "Share this article: Facebook | X | Telegram": the page's share buttons; or its row of
    actions ("Print | Email")."""
    label = _SHARE_LABEL.match(line)
    words = line[label.end() :].casefold().replace(",", " ").split() if label else []
    if bool(words) and all(w in _SOCIAL or _SHARE_EXTRA.fullmatch(w) for w in words):
        return True
    actions = line.casefold().replace("|", " ").split()
    return len(actions) >= 2 and all(w in _PAGE_ACTIONS or w in _SOCIAL for w in actions)


_CREDIT_MAX_WORDS = 8


def _is_credit(line: str) -> bool:
    """A short line crediting the item's source ("Source: AKIpress", "Источник: пресс-служба
    ОДКБ"): kept as the item's last line."""
    return (
        line.casefold().startswith(lexicon.CREDIT_STARTS)
        and len(line.split()) <= _CREDIT_MAX_WORDS
    )


def _caption_over_post(line: str, next_line: str | None) -> bool:
    """A photo's caption as a story's last line ("На фото: церемония проводов ... Фото:
    ...") right over a channel post ("🇰🇬🇹🇯 Садыр Жапаров ..."): the story ends there."""
    return (
        line.casefold().startswith(lexicon.CAPTION_STARTS) and next_line is not None
        and _opens_with_pictograph(next_line)
    )


def _signs_item(current: _Draft | None, line: str, next_is_date: bool) -> bool:
    """Whether the line signs the item above: a name alone, or a name with its post over the
    date line under it."""
    return current is not None and bool(current.body) and (
        _is_bare_name(line) or (next_is_date and _is_name_with_post(line))
        or _posts_the_signed(current.body[-1], line)
        or (
            next_is_date and _is_post_and_name(line)
            and (_is_speech_closing(current.body[-1]) or kind_of(current.title) == "speech")
        )
    )


def _is_post_and_name(line: str) -> bool:
    """A line that is a post and a name and nothing else ("Заместитель Генерального
    секретаря ОДКБ В.Семенов"): under a speech's last words, its signature."""
    if len(line.split()) > _SIGNATURE_WORDS or line.endswith(_SENTENCE_END):
        return False
    people = find_participants([line])
    if len(people) != 1 or not people[0].role or not line.endswith(people[0].name):
        return False
    return line.casefold().startswith(people[0].role.split()[0].casefold())  # the post first


_POST_WORDS = 8


def _posts_the_signed(above: str, line: str) -> bool:
    """A short post under a UN letter's "(Signed) V. Nebenzia" or a signer's "V. Semerikov,"
    ("Permanent Representative", "Acting Secretary General of the CSTO"): the signature's
    second line, not a headline."""
    signed = _SIGNED.fullmatch(above) is not None or (
        above.endswith(",") and _is_bare_name(above[:-1])
    )
    return (
        signed and len(line.split()) <= _POST_WORDS
        and _is_title_like(line) and _ANNEX.match(line) is None
    )


_LIST_NUMBER = re.compile(r"\d{1,3}[.)]\s+")


def _undated_text(draft: _Draft | None) -> bool:
    """Whether the item has text and no date yet: a dated source line under it ("Source:
    rg.ru, 16 April 2024") is its credit and date, not the header of the next report."""
    return draft is not None and _has_text(draft) and draft.date_line is None and (
        _lead_date(draft) is None
    )


def _source_header(line: str, below: list[str], current: _Draft | None) -> DateLine | None:
    """The date of a digest's header above the report it collects ("Source: Kazinform, 29
    April 2025", "2. Источник: БЕЛТА, 12 марта 2025 г."), straight above the report's title
    and text; None for any other line. A credit under an item's text has no title and text
    glued under it, and a numbered one is a list's entry, never an item's last line. Under
    an undated item (`current`) an unnumbered one is that item's credit and date."""
    numbered = _LIST_NUMBER.match(line)
    credit = line[numbered.end() :] if numbered else line
    if not _is_credit(credit) or len(below) < 2:
        return None
    date_line = parse_date_line(credit)
    if date_line is None or date_line.date.year is None:
        return None
    if numbered:
        return date_line
    title, text = below
    heads = (
        _is_title_like(title) and parse_date_line(title) is None and _is_paragraph(text)
        and not _is_title_like(text)
    )
    return date_line if heads and not _undated_text(current) else None


def _is_feed_source(line: str, current: _Draft | None) -> bool:
    """A feed entry's "Source:" field above its text (a credit under the text is kept)."""
    return _is_credit(line) and (current is None or not _has_text(current))


def _feed_source_dates(line: str, current: _Draft | None) -> bool:
    """`_is_feed_source`, and the full date such a field gives ("Source: Xinhua| 2018-11-29
    21:05:11|Editor: Li Xia") dates the item it heads when nothing above has: the wire lead
    below says only "Nov. 29"."""
    if not _is_feed_source(line, current):
        return False
    if current is not None and current.date_line is None:
        full = next((d for d in find_dates(line) if d.year is not None), None)
        if full is not None:
            current.date_line, current.date_text = DateLine(full), line
    return True


def _is_footer(line: str) -> bool:
    """Whether a furniture line is of the kind under an item's text (`_FOOTER`), a credit
    to the outlet or press service included: the item has ended."""
    bare = _without_pictographs(line)
    return (
        _FOOTER.match(line) is not None or _FOOTER.match(bare) is not None
        # "By Reuters" under a headline is its by-line, not the page's masthead
        or (_is_masthead(line) and not line.startswith("By "))
        or _PRESS_SERVICE_CREDIT.fullmatch(line) is not None
    )


_RELATED_INLINE_WORDS = 25


def _is_related_inline(line: str) -> bool:
    """ "Read also: Prime Minister Pashinyan to host CSTO summit tomorrow": another page's
    headline after the label on the same line, under the item's text."""
    label, colon, rest = line.partition(":")
    return (
        bool(colon) and bool(rest.strip()) and _RELATED.fullmatch(label.strip()) is not None
        and len(line.split()) <= _RELATED_INLINE_WORDS
    )


_FORWARDED = re.compile(r"(?:forwarded from|переслано (?:из|от)|репост из)\s", re.IGNORECASE)
"""The line over a post forwarded from another channel ("Forwarded from Sputnik Kazakhstan",
"Переслано из МИД России"): furniture that starts the next post."""


def _has_text_or_none(current: _Draft | None) -> bool:
    """Whether no item is open or the open one has text: a footer ("Views: 2 341") under a
    headline with no text yet ends nothing, the story's lead follows it."""
    return current is None or _has_text(current)


def _ends_item(line: str, current: _Draft | None) -> bool:
    """Whether a furniture line ends the item it follows: a footer under its text, or the
    forwarded-from line over the next post."""
    return current is not None and _has_text(current) and (
        _is_footer(line) or _FORWARDED.match(line) is not None
    )


_SITE_NAME_WORDS = 10


_FOOTNOTE = re.compile(
    rf"[¹²³⁴⁵⁶⁷⁸⁹⁰]+\s?\S.*|\*{{1,3}}\s?(?:{_DOCUMENT_SYMBOL.pattern}|see |см\. ).*"
)
"""A note at the foot of a document, keyed by a superscript numeral ("¹ See also S/2025/48.")
or by asterisks to a document ("* A/80/50.")."""


@functools.lru_cache(maxsize=4096)
def _is_furniture(line: str) -> bool:
    """A line of the web page around an item, copied in with it: "Share:", "Views: 214",
    a row of social networks, breadcrumbs ("Home / Press center / News"), a "PRESS
    RELEASE" label or a document symbol ("SG/SM/22541") above the title, a photo counter
    ("Photo 1 of 12"), "Tags: ..." or a delivery note ("Check against delivery"). None of it
    is the item's text or its title."""
    if (
        _FURNITURE.fullmatch(line) or _FURNITURE.fullmatch(_without_pictographs(line))
        or _LABEL_LINE.fullmatch(line.strip(" .:"))
        or _DOCUMENT_SYMBOL.fullmatch(line) or _AUTHOR_LINE.fullmatch(line)
        or _UN_MASTHEAD.fullmatch(line)
        or (_SITE_ADDRESS.fullmatch(line) and url_date(line) is None)  # a dated one dates
        or _SITE_WITH_NAME.fullmatch(line)
        or _is_masthead(line) or _PRESS_SERVICE_CREDIT.fullmatch(line)
        or _is_view_counter(line) or _is_share_row(line) or _is_action_row(line)
        or _is_tag_row(line)
        or line.startswith("🔗")  # a post's link to the full text elsewhere
        or _is_related_inline(line)
        # a footnote keyed to the text above it: it is never the title of a next item
        or _FOOTNOTE.fullmatch(line)
    ):
        return True
    credit = _PHOTO_CREDIT.fullmatch(_BRACKETED.sub(r"\1", line))  # "[Фото: пресс-служба]"
    if (
        credit is not None and len(credit["credit"].split()) <= _PHOTO_CREDIT_MAX_WORDS
        and _CAPTION_MARKS.search(credit["credit"]) is None
    ):
        return True
    if line.casefold().strip(" :.") in lexicon.NEWS_RUBRICS:
        return True  # UN News's topic under the date ("Мир и безопасность")
    if line.casefold().strip(" :") in _SECTIONS or _LIST_HEADING.fullmatch(line.strip(" :")):
        return True  # "Latest news": the heading of the list the items are on
    words = line.casefold().replace(",", " ").split()
    if words and all(w in _SOCIAL for w in words):
        return True
    parts = _BREADCRUMB_SPLIT.split(line)
    if len(parts) >= 2 and parts[0].casefold() in _HOME and all(
        0 < len(p.split()) <= _SECTION_NAME_WORDS and not p.endswith(_SENTENCE_END)
        for p in parts
    ):
        return True  # "Home / Press Center / News / Archive 2019": from the home page down
    if len(parts) >= 2 and parts[0].casefold() in _SECTIONS and all(
        0 < len(p.split()) <= _SECTION_NAME_WORDS and not p.endswith(_SENTENCE_END)
        and not find_dates(p) for p in parts  # "Новости | 17 ноября" dates the next item
    ):
        return True  # "News / Meetings": from the list of news down to its rubric
    if (
        len(parts) >= 2 and parts[-1].casefold() in _SECTIONS
        and all(0 < len(p.split()) <= 3 for p in parts[1:])
        and len(parts[0].split()) <= _SITE_NAME_WORDS
        and not any(p.endswith(_SENTENCE_END) for p in parts)
        # "21.02.2025 | Statements", "18 March 2019 / News": the item's date line, with the
        # section it is filed under
        and parse_date_line(parts[0]) is None
    ):
        # "Press Center / News", "Ministry of Foreign Affairs of ... | Press releases |
        # Speeches": the trail to the list the item is on, from the site's name
        return True
    if parts[0].casefold() not in _HOME and not re.search(r"\s[>»›]\s", line):
        return False  # "ОДКБ / ШОС / СНГ: ..." is a headline; a trail starts at home
    return len(parts) >= 2 and all(
        0 < len(p.split()) <= 4 and not p.endswith(_SENTENCE_END)
        and not any(c.isdigit() for c in p)
        for p in parts
    )


_CONTACTS = re.compile(
    r"(?:media |press )?contacts?(?: for (?:the )?media)?|for (?:further|more) information"
    r"(?:,? (?:please )?contact)?|контакты(?: для (?:сми|прессы))?|контактная информация",
    re.IGNORECASE,
)
_CONTACT_DETAIL = re.compile(
    r"@|https?://|www\.|\+?\d[\d\s()\-]{6,}|^(?:tel|phone|fax|mob|e-?mail|тел|факс|эл\.)",
    re.IGNORECASE,
)
_RELATED = re.compile(
    r"related(?: (?:stories|news|articles|content|coverage|materials))?|see also|read (?:also"
    r"|more)|more news|more|more on (?:this|the) (?:topic|subject)|по теме|ещё по теме|еще по теме"
    r"|связанные материалы"
    r"|also read|most read|most popular|читайте также|читать также|самое читаемое"
    r"|похожие (?:новости|материалы)|другие новости|см\. также",
    re.IGNORECASE,
)


_CONTENTS = re.compile(
    r"in this issue|in today's issue|contents|table of contents|в этом (?:выпуске|номере)"
    r"|в номере|в выпуске|содержание(?: (?:выпуска|номера))?",
    re.IGNORECASE,
)
"""The heading of a newsletter's list of the stories in it, each of which follows in full."""
_TAG_HEADING = re.compile(
    r"tags|topics|persons|people|regions|themes|теги|темы|персоны|регионы|сюжеты|рубрики",
    re.IGNORECASE,
)
"""The heading of a page's list of tags under its text (TASS's "Tags", the Kremlin's "Topics"
and "Persons"), a tag a line under it."""
_TAG_LINE_WORDS = 3


def _is_tag_line(line: str) -> bool:
    """A tag under a tag heading: a few words, no sentence, no date ("Foreign policy",
    "Putin Vladimir")."""
    return (
        len(line.split()) <= _TAG_LINE_WORDS and not line.endswith(_SENTENCE_END)
        and parse_date_line(line, bare=True) is None
    )


_CONTACT_HEADER_LINES = 4
"""How many short lines (office, section, street) a contact block may hold above its first
phone number or e-mail address."""


def _short_line(line: str) -> bool:
    return len(line.split()) <= 8 and not line.endswith(_SENTENCE_END)


def _contact_line(line: str, following: list[str]) -> bool:
    """A line of a press release's contact block: a phone or an address, or one of a few
    short lines naming the office or person to call right above one (a short line above
    prose or a date line is the next item's title)."""
    if _CONTACT_DETAIL.search(line) is not None:
        return parse_date_line(line, bare=True) is None
    if not _short_line(line):
        return False
    for k, below in enumerate(following[:_CONTACT_HEADER_LINES]):
        if parse_date_line(below, bare=True) is not None:
            # the line right above a date line is the next item's title, unless a title
            # stands under the date ("2 December, 14:30", then "Comment by ...")
            under = following[k + 1] if k + 1 < len(following) else ""
            return k > 0 or _heads_dated_title(following[k + 1 : k + 3]) or (
                bool(under) and _is_title_like(under) and len(under.split()) > len(line.split())
            )
        if _CONTACT_DETAIL.search(below) is not None:
            return True
        if not _short_line(below):
            # the next item's title over its date line: the person, post and office above
            # it are the contact ("Алия Сейтказина", "Национальный сотрудник ...")
            after = following[k + 1] if k + 1 < len(following) else None
            return _is_title_like(below) and after is not None and (
                parse_date_line(after, bare=True) is not None
            )
    return False


_TAGS_HEADING = re.compile(r"tags|теги|метки|ключевые слова", re.IGNORECASE)
_TAG_MAX_WORDS = 2


def _is_listed_tag(line: str) -> bool:
    """One of the tags a page lists a line each under its "Tags" heading ("Шойгу")."""
    return (
        len(line.split()) <= _TAG_MAX_WORDS and not any(c.isdigit() for c in line)
        and not line.endswith(_SENTENCE_END)
    )


_BRACKETED_DATE = re.compile(r"\((?:\d{1,2}[./]){2}\d{4}\)$")
"""A linked headline's date in brackets ("... in energy (05.02.2025)"): another page's."""


def _page_furniture(
    line: str, following: list[str], skipping: str, current: _Draft | None, told_later: bool
) -> tuple[bool, str]:
    """Whether to leave `line` out as page furniture, and what is being left out after it:
    "contacts" after a "Contacts:" line (the office, phone and address lines under it),
    "related" after "Related Stories" (other pages' headlines, with no text under them),
    "contents" after a newsletter's "In this issue" (the headlines of its stories, each
    `told_later` in the text: the first line that is not ends the list), "tags" after a
    page's "Tags", "Topics" or "Persons" (a word or a name a line). `following` holds the
    lines after it."""
    if skipping == "contents" and told_later:
        return True, skipping
    next_line = following[0] if following else None
    next_is_date = next_line is not None and parse_date_line(next_line, bare=True) is not None
    if skipping == "tags" and _is_tag_line(line) and not next_is_date:
        return True, skipping  # a short title over its date line is the next item's
    if _CONTENTS.fullmatch(line.strip(" :")):
        return True, "contents"
    if _UN_AGENDA_ITEM.fullmatch(line):
        return True, "agenda"
    if skipping == "agenda" and _is_title_like(line) and next_line is not None and (
        _is_title_like(next_line)
    ):
        return True, ""  # "General and complete disarmament", over the document's title
    if _TAG_HEADING.fullmatch(line.strip(" :")):
        return True, "tags"
    if skipping == "contacts" and _contact_line(line, following):
        return True, skipping
    if skipping == "related" and _is_title_like(_LIST_BULLET.sub("", line)) and (
        _title_date(line) is None or _BRACKETED_DATE.search(line) is not None
    ) and (
        # a title ending with its place and date is the next item's ("Брифинг ..., Москва,
        # 3 июня 2026 года"), whatever line follows it
        next_line is None or _is_separator(next_line)
        or (_is_title_like(_LIST_BULLET.sub("", next_line)) and not next_is_date)
        # the last headline, then the next item's date line over its title
        or (next_is_date and _heads_dated_title(following[1:]))
    ):
        return True, skipping
    if skipping == "tags" and _RELATED.fullmatch(line.strip(" :")):
        return True, "related"  # "Теги", the tags, then "Читайте также" and headlines
    if skipping == "tags" and _is_listed_tag(line):
        return True, skipping
    if _is_furniture(line):
        return True, "tags" if _TAGS_HEADING.fullmatch(line.strip(" :")) else ""
    if _CONTACTS.fullmatch(line.strip(" :")) and (
        # under a release's text, or opening a block of its own under it
        line.endswith(":") or current is None or bool(current.body)
    ):
        return True, "contacts"  # after a release's end mark too ("###", then "Contacts:")
    if (
        (current is not None and current.body) or line.rstrip().endswith(":")
    ) and _RELATED.fullmatch(line.strip(" :")):
        return True, "related"  # also "Read also:" opening a block under a story's footer
    return False, ""


def _heads_dated_title(lines: list[str]) -> bool:
    """Whether `lines` open with a title line and text under it: an item whose date line
    stands above its title."""
    return (
        len(lines) > 1 and _is_title_like(lines[0]) and parse_date_line(lines[0]) is None
        and _TOPIC_HEADING.match(lines[0]) is None  # a briefing's first topic, under its date
        and not _is_place_name(lines[0])  # a transcript's "Yerevan" under its date and time
        and _is_paragraph(lines[1])
    )


_LIST_BULLET = re.compile(r"^[-–—•·*▪►»›→▸◦]\s+")
"""A list's bullet before a headline of "Related news:" ("- SCO Secretary-General receives
...", "» CSTO foreign ministers adopt statement ..."): the headline is still another
page's."""
_SIGNED = re.compile(r"\((?:signed|подписано|подпись)\)\s+\S.{0,60}", re.I)
"""A UN document's signature line: "(Signed) V. Nebenzia", "(Подпись) В. Рыбаков"."""


def _is_bare_name(line: str) -> bool:
    """A line that is only a person's name ("Kaha Imnadze", "Антониу Гутерриш"): the
    signature under a statement or message, never a headline."""
    if _SIGNED.fullmatch(line):
        return True
    if len(line.split()) > 4 or any(ch.isdigit() for ch in line):
        return False
    people = find_participants([line])
    return len(people) == 1 and people[0].name == line.strip()


_SIGNATURE_WORDS = 12


def _is_name_with_post(line: str) -> bool:
    """A line that is a person's name, a comma and their post ("Стефан Дюжаррик,
    Пресс-секретарь Генерального секретаря"): the signature under a statement when a
    closing place and date follow it, never a headline."""
    if len(line.split()) > _SIGNATURE_WORDS or line.endswith(_SENTENCE_END):
        return False
    people = find_participants([line])
    return (
        len(people) == 1 and line.startswith(people[0].name + ",")
        and bool(people[0].role)
    )


def _is_paragraph(line: str) -> bool:
    return not _is_title_like(line) and parse_date_line(line) is None


@dataclass
class _Draft:
    title: str = ""
    date_line: DateLine | None = None
    body: list[str] = field(default_factory=list)
    line: int = 0
    """The line of the text the item starts on, for errors about it."""
    date_text: str = ""
    """The date line as written, for a date line that turns out to close the item before."""
    dated_above: bool = False
    """Whether the date line stands above the title (a document's issue date over it)."""


def _is_fragment(block: list[str]) -> bool:
    """A block that cannot be an item by itself: a lone title or date line, which a blank
    line parts from its own text."""
    if len(block) != 1 or _is_furniture(block[0]):
        return False
    return _is_title_like(block[0]) or parse_date_line(block[0], bare=True) is not None


_PLACE_LINE_WORDS = 3


_HEAD_LINES_MAX = 5
"""The most lines a head block holds: a title, a date line, a place and page furniture."""


def _is_head(block: list[str]) -> bool:
    """A block that is a title, its date line and perhaps its place ("Speech by ...",
    "28 November 2024", "Minsk"), or a date line over a title: the head of the text the
    next block holds. Page furniture among them (an update stamp) does not count."""
    if len(block) > _HEAD_LINES_MAX:
        return False  # a block of text, not a head (no furniture to read past)
    block = [line for line in block if not _is_furniture(line)] or block
    if (
        len(block) == 2 and parse_date_line(block[0], bare=True) is not None
        and _is_title_like(block[1]) and parse_date_line(block[1], bare=True) is None
    ):
        return True  # "13 January 2022, 14:05" over its title
    if len(block) not in (2, 3) or not _is_title_like(block[0]):
        return False
    if parse_date_line(block[1], bare=True) is None:
        return False
    place = block[2].split() if len(block) == 3 else ["X"]
    return len(place) <= _PLACE_LINE_WORDS and all(
        w[:1].isupper() and w.replace("-", "").isalpha() for w in place
    )


def _goes_on_from_above(block: list[str]) -> bool:
    """Whether a block goes on with the item above it: a page that puts a blank line
    between its paragraphs ("The ministers discussed ...", "#Zakharova") parts its own text,
    not two items. Such a paragraph stands alone, with page furniture or the next item's
    head under it; an item of its own opens with a title, a date line, a wire lead or a
    dated lead ("On 5 March, ..."), or with paragraphs that follow line by line, or with
    the emoji a channel post opens with ("🔥 Коллеги, сегодня ...")."""
    line = block[0]
    if len(block) > 1 and _is_paragraph(block[1]) and not _is_furniture(block[1]):
        return False
    if _without_pictographs(line) != line:
        return False
    return (
        _is_paragraph(line) and not _is_furniture(line) and not _is_separator(line)
        and wire_lead(line) is None and opening_date(line) is None
    )


_RECALL_LOOKAHEAD = 8
"""How many blocks below a dated paragraph to look for the date the speech was given at."""
_HISTORY_YEARS = 2


def _speaker_recalls(block: list[str], above: list[str], below: list[list[str]]) -> bool:
    """Whether a dated paragraph standing alone is the speaker recalling a date ("On 12
    February 2015, the Package of Measures ... was signed"), with the speech (or statement)
    going on under it in the speaker's voice, or years before the date the text goes on to
    ("On 15 June 2001, in Shanghai, the heads of six states signed ...", then "Beijing, 15
    May 2024"): the speech's, not a news item of its own."""
    day = opening_date(block[0]) if len(block) == 1 else None
    if day is None or not below:
        return False
    title = above[0]
    if not (
        _is_title_like(title) and kind_of(title) in ("speech", "statement")
        and not _reports_news(title) and len(above) > 1
    ):
        return False
    return not _news_after_speech(block[0], above[1:], below[0][0]) or _years_before(
        day, below[:_RECALL_LOOKAHEAD]
    )


_HISTORY_LINES = 30
"""How many lines below a speech's dated paragraph to look for the date it was given at."""


def _years_before_below(paragraph: str, below: list[str]) -> bool:
    """Whether a paragraph opens with a day years before the first full date line below it
    ("On 15 June 2001, ... signed the Declaration", then "Beijing, 15 May 2024"): the
    speaker's history, not news."""
    day = opening_date(paragraph)
    return day is not None and _years_before(day, [below])


def _years_before(day: DateMatch, below: list[list[str]]) -> bool:
    """Whether a day lies years before the first full date line below it: history."""
    for lines in below:
        for line in lines:
            found = parse_date_line(line)
            if found is not None and found.date.year is not None:
                return day.year is not None and found.date.year - day.year >= _HISTORY_YEARS
    return False


def _next_titles_apart(
    blocks: list[list[str]], numbers: list[list[int]]
) -> tuple[list[list[str]], list[list[int]]]:
    """The blocks, with a title that ends a block under the last page's furniture ("Print",
    then "Interview of Minister ... to BelTA", a blank line, the story) made a block of its
    own: the next page's title, which a blank line parts from its text, not the block's end."""
    split_blocks: list[list[str]] = []
    split_numbers: list[list[int]] = []
    for at, (block, block_numbers) in enumerate(zip(blocks, numbers, strict=True)):
        below = blocks[at + 1] if at + 1 < len(blocks) else None
        if (
            len(block) >= 2 and below is not None and _is_furniture(block[-2])
            and _is_title_like(block[-1]) and not _is_furniture(block[-1])
            and not _is_fragment(below) and not _is_title_like(below[0])
        ):
            split_blocks += [block[:-1], block[-1:]]
            split_numbers += [block_numbers[:-1], block_numbers[-1:]]
            continue
        split_blocks.append(block)
        split_numbers.append(block_numbers)
    return split_blocks, split_numbers


def _briefing_topic(block: list[str], above: list[str]) -> bool:
    """Whether a lone line is a topic's heading ("On the situation in Syria") inside the
    briefing the lines above belong to: the briefing's, with the text under it."""
    return (
        # alone, or over the questions and answers on it ("Question: ...")
        (len(block) == 1 or _TURN.match(block[1]) is not None)
        and _TOPIC_HEADING.match(block[0]) is not None
        and _is_title_like(block[0]) and any(_BRIEFING_TITLE.search(line) for line in above[:3])
    )


def _joined_fragments(
    blocks: list[list[str]], numbers: list[list[int]]
) -> list[tuple[list[str], list[int]]]:
    """The blocks, each lone title or date line joined to the block after it: a blank line
    after a title ("Title", blank, "Date\nText") parts it from its own item, not from the
    item before; and each block that goes on with the text above joined to the block before
    it."""
    blocks, numbers = _next_titles_apart(blocks, numbers)
    joined: list[tuple[list[str], list[int]]] = []
    pending: tuple[list[str], list[int]] = ([], [])
    annexing = False  # under a UN letter's "Annex": its heading and text are the letter's
    topic_open = False  # under a briefing's topic heading: its text, dated or not, goes on
    for at, (block, block_numbers) in enumerate(zip(blocks, numbers, strict=True)):
        topic = bool(joined) and not pending[0] and _briefing_topic(block, joined[-1][0])
        if joined and not pending[0] and (
            _goes_on_from_above(block) or _ANNEX.match(block[0]) is not None
            or (annexing and _is_fragment(block))
            or _speaker_recalls(block, joined[-1][0], blocks[at + 1 : at + 1 + _RECALL_LOOKAHEAD])
            or topic or (topic_open and not _is_fragment(block) and not _is_head(block))
        ):
            annexing = _is_fragment(block) and not topic
            topic_open = topic
            joined[-1] = (joined[-1][0] + block, joined[-1][1] + block_numbers)
            continue
        annexing = topic_open = False
        lines, lines_numbers = pending[0] + block, pending[1] + block_numbers
        if _is_fragment(block) or _is_head(block) or (
            # a picture's caption and credit under a head still waiting for its text
            pending[0] and len(block) == 2 and _is_captioned_picture(block[0], block[1])
        ) or _is_digest_head(block):
            pending = (lines, lines_numbers)
            continue
        joined.append((lines, lines_numbers))
        pending = ([], [])
    if pending[0]:
        joined.append(pending)
    return joined


_PAGED_HEAD = re.compile(
    r"\d{1,3}\s*\|\s*[^\W\d][^|!?]{3,80}|[^\W\d][^|!?]{3,80}\s*\|\s*\d{1,3}"
)
"""A PDF's page number beside its running head ("2 | Foreign Policy Bulletin No. 9, 2015"),
left inside the text by a copy: no line of it."""
_PAGE_NUMBER = re.compile(
    r"(?:[-–—]\s*)?\d{1,3}(?:\s*[-–—])?|(?:page|стр\.|страница)\s*\d{1,3}", re.I
)
"""A page number left by a copy from a PDF ("2", "- 2 -", "Page 2")."""
_RUNNING_HEAD = re.compile(
    r"(?:(?P<head>[^!?]{3,80})\s)?(?:page|стр\.|страница)\s*\d{1,3}(?:\s*(?:of|из)\s*\d{1,3})?",
    re.I,
)
"""A PDF page's running head or foot: the publication's name and the page number ("Information
Bulletin No. 2 (2025) page 4"), or the counter alone ("Page 2 of 2", "Стр. 2 из 2")."""
_BROKEN_WORD = re.compile(r"[^\W\d_]-$")
_CLAUSE_END = tuple(".!?;:…")


def _starts_lowercase(line: str) -> bool:
    return line[:1].isalpha() and line[:1].islower()


_JOINING_WORDS = frozenset({
    "of", "on", "for", "to", "in", "and", "by", "with", "at", "о", "об", "по", "в", "во",
    "на", "и", "для", "при", "с", "со",
})


def _goes_on_in_capitals(above: str, line: str) -> bool:
    """Whether a line in capitals goes on with the capitals above it: a document's title set
    over two lines ("DECLARATION" / "OF THE COLLECTIVE SECURITY COUNCIL ...") opens its second
    line with a word that joins it to the first."""
    first = line.split(maxsplit=1)[0].casefold()
    return (
        first in _JOINING_WORDS and line.isupper() and above.isupper()
        and not above.endswith(_CLAUSE_END)
    )


def _without_page_counter(line: str) -> str | None:
    """A date line that a page's counter stands beside, without the counter; else None."""
    running = _RUNNING_HEAD.fullmatch(line)
    head = running["head"] if running is not None else None
    return head if head and parse_date_line(head) is not None else None


def _is_page_break(lines: list[str], at: int) -> bool:
    """Whether the line is a PDF page's running head or foot, or the rule drawn under it: the
    page turns there, the item goes on after it. A date line the counter stands beside
    ("Minsk, 10 October 2025   Page 1 of 2") is the item's (`_without_page_counter`)."""
    if _RUNNING_HEAD.fullmatch(lines[at]):
        return _without_page_counter(lines[at]) is None
    above = lines[at - 1] if at > 0 else ""
    return _is_separator(lines[at]) and _RUNNING_HEAD.fullmatch(above) is not None


def _title_goes_on(above: str, line: str) -> bool:
    """Whether a speech's or statement's title broken after a comma goes on in the line
    ("Statement by Mr. Petko Draganov, Special Representative ...,", then "Head of the United
    Nations Regional Centre ...,"): one title, not a title over its item's first line."""
    if _LONE_GENRE.fullmatch(above) and is_cyrillic_text(line) == is_cyrillic_text(above):
        # "ВЫСТУПЛЕНИЕ", then "Генерального секретаря ОДКБ ... на заседании ...": its genitive
        return (
            _GENITIVE_GOES_ON.match(line) is not None and not line.endswith(_CLAUSE_END)
            and not _SALUTATION_LINE.match(line)
        )
    return (
        above.endswith(",") and _GENRE_TITLE.match(above) is not None
        and len(above.split()) >= _HEADLINE_MIN_WORDS and not line.endswith(_CLAUSE_END)
        and len(line.split()) >= _HEADLINE_MIN_WORDS // 2
        and not _SALUTATION_LINE.match(line)
    )


_LONE_GENRE = re.compile(
    r"ВЫСТУПЛЕНИЕ|ЗАЯВЛЕНИЕ|ОБРАЩЕНИЕ|ПОСЛАНИЕ|ПРИВЕТСТВИЕ|КОММЕНТАРИЙ|STATEMENT|SPEECH"
    r"|ADDRESS|REMARKS|MESSAGE"
)
"""A document's kind in capitals on a line of its own; whose it is, on the next line."""
_GENITIVE_GOES_ON = re.compile(
    r"(?:[А-ЯЁ][а-яё]+(?:ого|его|ой|ей|ых|их|ства|ения|ии|ы|а)\s|by\s|of\s|of the\s)"
)
"""How the line after a lone kind goes on with it: a Russian genitive ("Генерального
секретаря ...", "Пограничной службы ..."), "by ..." or "of ..."."""


_SALUTATION_LINE = re.compile(
    r"(?:mr|madam|ms|dear|excellenc|ladies|colleagues|уважаем|господин|дамы|коллеги)", re.I
)


def _unbroken(lines: list[str], numbers: list[int]) -> tuple[list[str], list[int]]:
    """The lines of a text copied from a PDF put back together: a word hyphenated at the
    line's end joined ("Bela-" / "rus"), a line that breaks off mid-sentence joined to the
    lowercase line that goes on with it, page numbers and the running head under them
    dropped. A paragraph never starts in lowercase, so such a line is the one before it
    going on."""
    kept: list[str] = []
    kept_numbers: list[int] = []
    for i, line in enumerate(lines):
        if _PAGE_NUMBER.fullmatch(line) or _is_page_break(lines, i) or _PAGED_HEAD.fullmatch(line):
            continue
        line = _without_page_counter(line) or line
        after_page = i > 0 and _PAGE_NUMBER.fullmatch(lines[i - 1]) is not None
        if (
            after_page and not _starts_lowercase(line)
            and i + 1 < len(lines) and _starts_lowercase(lines[i + 1])
        ):
            continue  # the page's running head ("Joint Communiqué – Yerevan, 20 November")
        if kept and not _is_separator(kept[-1]) and (
            _goes_on_in_capitals(kept[-1], line) or _title_goes_on(kept[-1], line)
            or (
                _starts_lowercase(line) and not kept[-1].endswith(_CLAUSE_END)
                and parse_date_line(line) is None  # "г. Ереван, 20 ноября 2025 г."
            )
        ):
            if _BROKEN_WORD.search(kept[-1]):
                kept[-1] = kept[-1][:-1] + line
            else:
                kept[-1] = f"{kept[-1]} {line}"
            continue
        kept.append(line)
        kept_numbers.append(numbers[i])
    return kept, kept_numbers


def _opens_post_footer(block: list[str]) -> bool:
    """Whether a block opens with a channel post's footer: its hashtags or view counter."""
    first = block[0]
    return (first.startswith("#") and _is_furniture(first)) or first.startswith("👁")


def _post_text(line: str) -> bool:
    return not _is_furniture(line) and not _is_separator(line) and parse_date_line(line) is None


def _post_head_above(block: list[str]) -> bool:
    """Whether a block ends with the head of the post below it, glued to the item before:
    the post's title, or its first paragraph under a channel's day header, which gives no
    year ("15 мая")."""
    last = block[-1]
    if not _post_text(last):
        return False
    day = parse_date_line(block[-2], bare=True) if len(block) >= 2 else None
    return _is_title_like(last) or (day is not None and day.date.year is None)


def _posts_joined(
    blocks: list[list[str]], numbers: list[list[int]]
) -> tuple[list[list[str]], list[list[int]]]:
    """The blocks, each channel post's paragraphs joined into one with its footer.

    A post copied from a channel puts a blank line after each paragraph and ends with its
    hashtags and view counter; its paragraphs are one item, whose title (or first paragraph
    under its day header) may close the block above, glued to the item before it."""
    joined: list[tuple[list[str], list[int]]] = []
    for block, block_numbers in zip(blocks, numbers, strict=True):
        if _opens_post_footer(block):
            pulled = 0
            while joined and len(joined[-1][0]) == 1 and _post_text(joined[-1][0][0]):
                above, above_numbers = joined.pop()
                block, block_numbers = above + block, above_numbers + block_numbers
                pulled += 1
            if pulled and joined and _post_head_above(joined[-1][0]):
                above, above_numbers = joined.pop()
                block, block_numbers = above + block, above_numbers + block_numbers
        joined.append((block, block_numbers))
    return [b for b, _ in joined], [n for _, n in joined]


_END_MARK = re.compile(r"(?<=[.!?\"”»])\s*(?:Enditem|ENDITEM)$")
"""Xinhua's mark after a story's last sentence ("... started its work in 2004. Enditem")."""


def _lines(text: str) -> tuple[list[list[str]], list[list[int]], bool]:
    """The text's blocks of lines, each line's number, and whether blank lines separate
    items.

    When a text breaks paragraphs with single newlines and also has blank lines, the
    blank lines are item boundaries. When every break is a blank line, or none is, the
    blank lines carry no such meaning; nor do they when the pages copied in with a blank
    line after every paragraph outnumber those with blank lines between items: as many
    lone titles, date lines and lone paragraphs as there are blocks of several lines (one
    such page inside a dump whose items follow line by line makes all its blocks lone
    lines, the dump's few blocks of several lines).
    """
    blocks: list[list[str]] = []
    numbers: list[list[int]] = []
    block: list[str] = []
    block_numbers: list[int] = []
    for number, raw in enumerate(text.split("\n"), 1):
        line = _END_MARK.sub("", " ".join(raw.split()))
        if line:
            block.append(line)
            block_numbers.append(number)
        elif block:
            blocks.append(block)
            numbers.append(block_numbers)
            block, block_numbers = [], []
    if block:
        blocks.append(block)
        numbers.append(block_numbers)
    for k, (lines, line_numbers) in enumerate(zip(blocks, numbers, strict=True)):
        blocks[k], numbers[k] = _unbroken(lines, line_numbers)
    blocks = [b for b in blocks if b]
    numbers = [n for n in numbers if n]
    blocks, numbers = _posts_joined(blocks, numbers)
    multi_line = sum(1 for b in blocks if len(b) > 1)
    if len(blocks) <= 1 or multi_line == 0:
        return blocks, numbers, False
    fragments = sum(1 for b in blocks if _is_fragment(b))
    single_paragraphs = sum(
        1 for b in blocks if len(b) == 1 and not _is_fragment(b) and not _is_furniture(b[0])
    )
    return blocks, numbers, fragments + single_paragraphs < multi_line


def _holds_several_items(block: list[str]) -> bool:
    """Whether a block between blank lines is a run of items copied line by line: two or
    more titles in it stand right above or below date lines. A page whose list is pasted in
    one piece after a few blank-separated items keeps its own items' boundaries, which a
    blank line does not mark."""
    heads = 0
    i = 0
    while i + 1 < len(block):
        line, below = block[i], block[i + 1]
        title_above = _is_title_like(line) and parse_date_line(below, bare=True) is not None
        if title_above or (parse_date_line(line) is not None and _is_title_like(below)):
            heads += 1
            if heads >= 2:
                return True
            i += 2  # a title and its date line are one head
            continue
        i += 1
    return False


def _is_speech_closing(paragraph: str) -> bool:
    """ "Thank you for your attention.", "Благодарю за внимание.": a speech's last words."""
    return len(paragraph.split()) <= 8 and paragraph.casefold().startswith(
        lexicon.SPEECH_CLOSINGS
    )


_QUOTED = re.compile(r"«[^»]*»|“[^”]*”|\"[^\"]*\"")


def _in_speakers_voice(paragraph: str) -> bool:
    """Whether a paragraph speaks in the first person outside quotations ("I would like to
    thank ...", "Отдельно хотел бы поблагодарить ..."); a quoted "we" is someone else's."""
    text = _QUOTED.sub(" ", paragraph)
    words = re.findall(r"[^\W\d_]+", text.casefold())
    return any(word in lexicon.FIRST_PERSON for word in words) or bool(
        lexicon.SPEAKER_VERBS.search(text)
    )


def _under_a_topic(draft: _Draft) -> bool:
    """Whether the item is a briefing whose last line is a topic's heading ("On the upcoming
    talks ...", "О предстоящих переговорах ..."): the paragraph under it is that topic's,
    dated or not."""
    return _is_briefing(draft) and bool(draft.body) and (
        _TOPIC_HEADING.match(draft.body[-1]) is not None and _is_title_like(draft.body[-1])
    )


def _news_after_speech(paragraph: str, speech: list[str], following: str | None = None) -> bool:
    """Whether a dated paragraph under a speech is a news item of its own.

    A speaker also tells of dated events ("On 15 November 2024, the heads of our states
    adopted ...", "On 25 January this year, I had the honour ..."), but in the first person;
    a news item reports in the third person, either after the speech's closing words or
    with a news lead's verb ("... the CSTO Secretary General met with ..."). A paragraph
    the speaker goes on from (`following`, the next line, in the first person or the
    speech's closing words) is the speaker's own, whatever its verb: "On 7 October 2002
    ... signed the Charter" followed by "I would like to thank ...".
    """
    words = re.findall(r"[^\W\d_]+", paragraph.casefold())
    if any(word in lexicon.FIRST_PERSON for word in words):
        return False
    if len(speech) >= 2 and _is_speech_closing(speech[-1]):
        return True
    if following is not None and _speech_goes_on(following):
        return False
    return lexicon.NEWS_LEAD_VERBS.search(_first_sentence(paragraph)) is not None


def _speech_goes_on(line: str) -> bool:
    """Whether a line continues a speech: a paragraph (not a title, date line, wire lead or
    dated lead of its own) in the speaker's voice, or the speech's closing words."""
    if wire_lead(line) is not None or parse_date_line(line) is not None:
        return False
    if opening_date(line) is not None or _is_title_like(line):
        return _is_speech_closing(line)
    return _is_speech_closing(line) or _in_speakers_voice(line)


def _first_sentence(paragraph: str) -> str:
    """The paragraph's first sentence, after a dateline written as one ("Moscow, 25 March
    2025. CSTO Deputy Secretary General ... took part ...")."""
    sentences = SENTENCE_BREAK.split(paragraph, maxsplit=2)
    if len(sentences) > 1 and parse_date_line(sentences[0]) is not None:
        return sentences[1]
    return sentences[0]


_BULLET = re.compile(r"^(?:[•▪►▸◦·*]|[-–—](?=\s)|\d{1,2}[.)](?=\s))\s*")


def _is_digest_head(block: list[str]) -> bool:
    """A digest's title and the period line under it ("СОЮЗНОЕ ГОСУДАРСТВО: ГЛАВНОЕ ЗА
    НЕДЕЛЮ", "1–7 ноября 2021 года | выпуск от 8 ноября"), its entries in the block below."""
    return (
        len(block) <= _DIGEST_HEAD_LINES and names_a_digest(block[0])
        and _is_title_like(block[0]) and not any(_BULLET.match(line) for line in block)
    )


_DIGEST_HEAD_LINES = 2


def _heads_a_digest(lines: list[str], at: int) -> bool:
    """Whether the line is a digest's title over its entries, perhaps with a period line
    between ("СОЮЗНОЕ ГОСУДАРСТВО: ГЛАВНОЕ ЗА НЕДЕЛЮ", "1–7 ноября 2021 года | ...", "▪ 4
    ноября ...")."""
    below = lines[at + 1 : at + 1 + _DIGEST_HEAD_LINES]
    return names_a_digest(lines[at]) and any(_BULLET.match(line) for line in below)


def _digests_period(current: _Draft | None, lines: list[str], at: int) -> bool:
    """Whether the line is the period line under a digest's title, over its first entry."""
    return (
        current is not None and names_a_digest(current.title) and not current.body
        and at + 1 < len(lines) and _BULLET.match(lines[at + 1]) is not None
    )


_DAY_ENTRY = re.compile(
    r"\d{1,2}(?:\s?[-–]\s?\d{1,2})?\s+(?P<month>[^\W\d_]+)\.?\s*(?:[-–—.:]\s+)?\S"
)


def _is_day_entry(line: str) -> bool:
    """A digest's entry that opens with its day ("8 November - ...", "22-23 November - ...",
    "6 December. ...", "16 мая. ...", "8 декабря Министр ...")."""
    entry = _DAY_ENTRY.match(line)
    return entry is not None and month_number(entry["month"]) is not None


def _next_in_a_list(current: _Draft | None, line: str) -> bool:
    """Whether a bulleted line follows a bulleted line of the item: the next entry of a
    digest's list ("• On 3 February, ...", then "• On 4 February, ..."), not a new item."""
    if current is not None and names_a_digest(current.title) and _is_day_entry(line):
        return True  # "8 November - The Secretary-General met ...", "16 мая. В Москве ..."
    if current is None or _BULLET.match(line) is None:
        return False
    if current.body and _BULLET.match(current.body[-1]) is not None:
        return True
    # the first entry under a digest's title and the period line under it ("1–7 ноября
    # 2021 года | выпуск от 8 ноября", "Week of 5-11 June 2017")
    return names_a_digest(current.title) and len(current.body) <= 1


def _opens_news_about_someone_new(paragraph: str, item: _Draft) -> bool:
    """Whether an undated paragraph is a news lead of its own: it opens with a person's
    role and full name and what they did ("Генеральный секретарь ОДКБ Имангали
    Тасмагамбетов принял участие ..."), the item so far never named that person, and
    nothing in it goes on with the item's event ("also", "the meeting", "в ходе")."""
    sentence = _first_sentence(paragraph)
    verb = lexicon.NEWS_LEAD_VERBS.search(sentence)
    if verb is None or lexicon.CONTINUATION.search(sentence):
        return False
    people = find_participants([sentence])
    if not people:
        return False
    lead = people[0]
    at = sentence.find(lead.name)
    if not lead.role or len(lead.name.split()) < 2 or not 0 <= at <= 80 or verb.start() < at:
        return False
    return not is_named_in(lead.name, find_participants([item.title, *item.body]))




def _dateline_lead(paragraph: str | None) -> bool:
    """Whether a paragraph opens with a place and full date or an agency's mark ("БИШКЕК,
    8 июля 2020 г. – ..."): a story's lead, whose headline above it is no briefing's topic."""
    if paragraph is None:
        return False
    day = opening_date(paragraph)
    return wire_lead(paragraph) is not None or (
        day is not None and day.year is not None
        and _PLACE_BEFORE_DATE.fullmatch(paragraph[: day.start]) is not None
    )


_PLACE_BEFORE_DATE = re.compile(r"[A-ZА-ЯЁ][\w\-]+(?: [A-ZА-ЯЁ][\w\-]+)?,\s+")


_TALKS_HEADLINE = re.compile(
    r"\b(?:discuss|discussed|hold talks|holds talks)\b|(?<![а-яё])обсудил[аи]?(?![а-яё])",
    re.IGNORECASE,
)
"""A headline's verb of talks ("Jeenbek Kulubaev and Sergey Lavrov discuss preparations ..."):
a report of its own, not a briefing's topic."""


def _headline_in_body(draft: _Draft) -> str:
    """The headline of an untitled draft, standing as its first paragraph: a dated draft's
    headline stays in its body until the draft is done ("" when it has none)."""
    if draft.title or not draft.body or not _is_title_like(draft.body[0]):
        return ""
    return draft.body[0]


def _is_briefing(draft: _Draft | None, heading: str = "") -> bool:
    """Whether the item is a briefing, whose topics a title-like `heading` heads; a title
    that names a speech or statement ("Statement by the Special Representative ...") is
    the next item's, not a topic."""
    if draft is None:
        return False
    title = draft.title or _headline_in_body(draft)
    return (
        _BRIEFING_TITLE.search(title) is not None
        and _GENRE_TITLE.match(heading) is None
        # 'Имангали Тасмагамбетов: «Дверь ОДКБ ...»': an interview's headline, not a topic
        and _SPEAKER_QUOTED.match(heading) is None
        # "Deputy Foreign Minister ... received ...": a report's headline, not a topic
        and (
            _TOPIC_HEADING.match(heading) is not None  # "On the meeting held by ..."
            or (
                lexicon.NEWS_LEAD_VERBS.search(heading) is None
                and _TALKS_HEADLINE.search(heading) is None
            )
        )
    )


_STOPPED_TITLE_MAX_WORDS = 16
_GOES_ON = re.compile(
    r"(?:the )?(?:sides|parties|participants|interlocutors|ministers|they|he|she|it)\b"
    r"|(?:стороны|собеседники|участники|министры|они|он|она)(?![а-яё])",
    re.IGNORECASE,
)


def _is_stopped_title(line: str, lines: list[str], at: int) -> bool:
    """A headline some sites end with a full stop ("Главы делегаций ... обсудили вопросы
    сотрудничества."): one short sentence, right above a date line that has a paragraph
    (not a title) under it."""
    if (
        not line.endswith(".") or line.endswith("..")
        or len(line.split()) > _STOPPED_TITLE_MAX_WORDS
        or not _is_title_like(line[:-1]) or re.search(r"[.!?]\s", line)
        or _is_speech_closing(line) or lexicon.CONTINUATION.search(line)
        or _GOES_ON.match(line) or _in_speakers_voice(line)  # "Желаю всем ... работы."
        or _opening_full_date(line)  # "14 марта 2023 года ... состоялась беседа ...": a lead
    ):
        return False  # an item's last sentence ("The sides discussed ...", "Стороны ...")
    after = [k for k in range(at + 1, min(at + 5, len(lines))) if not _is_furniture(lines[k])]
    return (
        len(after) >= 2 and parse_date_line(lines[after[0]], bare=True) is not None
        # "14.11.2025 | 16:20 | Views: 2 311": the footer under the sentence, not a date line
        and _VIEWS_FOOTER.search(lines[after[0]]) is None
        and _is_paragraph(lines[after[1]]) and wire_lead(lines[after[1]]) is None
        # a channel post ("🇺🇿🇺🇳 Foreign Minister ...") is headed by its own first line
        and not _opens_with_pictograph(lines[after[1]])
    )


def _stamps_the_story(current: _Draft | None, line: str | None) -> bool:
    """Whether a date line is the stamp of the story above, on the day its dateline gave
    ("YEREVAN, OCTOBER 14, ARMENPRESS. ...", its last sentence, "20:41, 14 October, 2016"):
    the sentence over it is the story's, not a stopped headline's."""
    known = (current.date_line.date if current.date_line else _lead_date(current)) if (
        current is not None and current.body
    ) else None
    stamp = parse_date_line(line, bare=True) if line is not None else None
    return (
        known is not None and stamp is not None
        and (known.day, known.month) == (stamp.date.day, stamp.date.month)
    )


def _opening_full_date(line: str) -> bool:
    day = opening_date(line)
    return day is not None and day.year is not None


_BYLINES_ABOVE_DATE = 2


def _restates_the_day(draft: _Draft | None, date_line: DateLine) -> bool:
    """Whether a second date line under an item's title and date, before its text, gives
    the same day again (the page's stamp, then the agency's dateline): layout, not the date
    line of another item."""
    if draft is None or draft.date_line is None or not draft.title or draft.body:
        return False
    known, again = draft.date_line.date, date_line.date
    return (known.day, known.month) == (again.day, again.month) and again.year in (
        None, known.year
    )


def _head_over_date(draft: _Draft) -> bool:
    """Whether an undated item holds only its head so far: a headline, its subtitle and the
    author's name ("«Вопрос о генсеке ...»", "Врио генерального секретаря ... - о ...",
    "Алексей Кругов"), the date line under them being its own."""
    body = draft.body
    return (
        bool(draft.title) and 0 < len(body) <= _BYLINES_ABOVE_DATE + 1
        and (_is_byline(body[-1]) or _looks_like_a_name(body[-1]))
        and all(_is_title_like(b) or _is_byline(b) for b in body)
    )


def _dated_below(lines: list[str], at: int) -> bool:
    """Whether a date line follows the line at `at`, perhaps under a by-line or two (or the
    author's bare name right over the date: "Алексей Кругов", then "22 июля 2019, 00:01")."""
    k = at + 1
    while k < len(lines) and k <= at + _BYLINES_ABOVE_DATE and (
        _is_byline(lines[k]) or (
            _looks_like_a_name(lines[k]) and k + 1 < len(lines)
            and parse_date_line(lines[k + 1], bare=True) is not None
        )
    ):
        k += 1
    return k < len(lines) and parse_date_line(lines[k], bare=True) is not None


_SPEAKER_QUOTED = re.compile(r"[^\W\d_]+(?:[ .\-]+[^\W\d_]+){0,3}:\s+[«\"“]")
"""A headline quoting its speaker ("Армен Григорян: «Мы не ведем ...»")."""


def _heads_a_subtitle(lines: list[str], at: int) -> bool:
    """Whether the line is a quoted headline (perhaps after its speaker's name and a colon)
    over a subtitle line and its date line ('"Security cannot be bought on credit"', then
    "General ... on the CSTO", "Interviewed by ...", the date): an interview's head, which
    starts an item."""
    line = lines[at]
    quote_opens = line[:1] in _OPENING_QUOTES or _SPEAKER_QUOTED.match(line) is not None
    if not _is_title_like(line) or at + 1 >= len(lines) or not _is_title_like(lines[at + 1]):
        return False
    quoted = quote_opens and line[-1:] in _CLOSING_QUOTES
    # or a headline over what the piece is ("Интервью Министра ... МИА «Казинформ»")
    genre = kind_of(lines[at + 1]) in ("interview", "speech") and ":" in line
    # dated below, or over the interview's first question ("— Имангали Нургалиевич, ...?")
    asked = at + 2 < len(lines) and _dashed_question(lines[at + 2]) and quoted
    return (quoted or genre) and (_dated_below(lines, at + 1) or asked)


def _heads_a_standfirst(lines: list[str], at: int, current: _Draft | None) -> bool:
    """Whether the line is a headline under its date line, over a standfirst and the wire
    lead ("13 JAN, 11:42", "CSTO peacekeepers to complete withdrawal ...", "The Secretary
    General said that ...", "NUR-SULTAN, January 13. /TASS/. ...")."""
    return (
        current is not None and current.date_line is not None
        # untitled, or under a rubric in capitals ("MILITARY & DEFENSE", then its date line)
        and (not current.title or _in_capitals(current.title))
        and not current.body and at + 2 < len(lines) and _is_title_like(lines[at])
        and _is_title_like(lines[at + 1]) and wire_lead(lines[at + 2]) is not None
        and not _is_bare_name(lines[at])  # a speech's "12 November 2025", "I. Tasmagambetov"
    )


def _is_standfirst(current: _Draft | None, lines: list[str], at: int) -> bool:
    """Whether the line is the standfirst right under a dated headline, over the story's
    wire lead or an interview's first question ("– Станислав Васильевич, ...?"): the
    story's first paragraph, not a title of its own."""
    asked = at + 1 < len(lines) and _dashed_question(lines[at + 1])
    return (
        current is not None and (current.date_line is not None or asked) and at > 0
        and (
            (current.title == lines[at - 1] and not current.body)
            or (len(current.body) == 1 and _headline_in_body(current) == lines[at - 1])
        )
        and at + 1 < len(lines)
        and (wire_lead(lines[at + 1]) is not None or _dashed_question(lines[at + 1]))
    )


def _go_on_with(current: _Draft, lines: list[str], at: int) -> None:
    """Add a title-like line that goes on with the item (a topic or section heading: "On the
    Minister's visit"; a standfirst) to its text; a standfirst's headline, still standing in
    the dated draft's body, becomes the title."""
    if (
        len(current.body) == 1 and _headline_in_body(current) == lines[at - 1]
        and _is_standfirst(current, lines, at)
    ):
        current.title = current.body.pop()
    current.body.append(lines[at])


def _dashed_question(line: str) -> bool:
    """An interview's question printed as a dialogue's turn ("– Когда учения возобновятся?")."""
    return _dashed_turn(line) and "?" in line


def _is_post_in_a_list(draft: _Draft | None) -> bool:
    """Whether the next line is the post under a name in the item's list of participants
    ("В заседании приняли участие:", then name and post lines): the list's, not a title."""
    if draft is None or len(draft.body) < 2 or not _is_bare_name(draft.body[-1]):
        return False
    return draft.body[-2].endswith(":") or (
        len(draft.body) >= 3 and _looks_like_a_name(draft.body[-3])
    )


_NAME_WORDS = range(2, 5)


def _looks_like_a_name(line: str) -> bool:
    """A line of two to four capitalised words and nothing else, as a name in a list."""
    words = line.split()
    return len(words) in _NAME_WORDS and all(
        w[:1].isupper() and w.replace("-", "").replace(".", "").isalpha() for w in words
    )


_NUMBERED_HEADING = re.compile(r"(?:\d{1,2}|[IVXLC]{1,6})\.\s+\S.*")
"""A section heading numbered in figures or Roman numerals ("1. Introduction", "II. О
СОТРУДНИЧЕСТВЕ")."""


def _is_section_heading(line: str, draft: _Draft | None) -> bool:
    """Whether a title-like line is a numbered section heading inside one voice's item (a
    speech, a statement, an article) that already has its title and date or text: the
    sections are that item's, not items of their own."""
    if (
        draft is None or not draft.title or _reports_news(draft.title)
        or (draft.date_line is None and not draft.body)
    ):
        return False
    return (
        _NUMBERED_HEADING.fullmatch(line) is not None
        # a UN letter's "Annex to the letter dated ..." and the annexed text's own heading
        or (bool(draft.body) and _ANNEX.match(line) is not None)
        or (bool(draft.body) and _ANNEX.match(draft.body[-1]) is not None)
    )


_ANNEX = re.compile(
    r"(?:annex|enclosure|приложение)(?:\s+(?:[IVX]{1,4}|\d{1,2}))?\s*$"
    r"|(?:annex|enclosure|приложение)(?:\s+(?:[IVX]{1,4}|\d{1,2}))?\s+(?:to|к)\s",
    re.I,
)


def _under_title(draft: _Draft | None) -> bool:
    """Whether the next line stands where a date line does: right under a title."""
    return draft is not None and bool(draft.title) and not draft.body and draft.date_line is None


_PUBLISHED = re.compile(
    r"(?:published|posted|publication date|опубликовано|дата публикации)\b", re.I
)


def _is_publication_footer(current: _Draft | None, line: str) -> bool:
    """Whether a date line is the page's note of when it was published ("Publication date:
    April 8, 2025, 16:30") under an item that has its date and text: the page's, not the
    date line of another item."""
    return (
        current is not None and current.date_line is not None and _has_text(current)
        and _PUBLICATION_DATE_LABEL.match(line) is not None
    )


_PUBLICATION_DATE_LABEL = re.compile(
    r"(?:publication date|date of publication|дата публикации)\s*:", re.I
)
"""The label of a page's publication date ("Publication date: ..."); "Published on ..."
may head the next item instead."""


_VIEWS_FOOTER = re.compile(r"👁|views\b|просмотр", re.I)
"""A channel post's footer: its view count, then when it was posted ("👁 3,4K 27.11.2025
17:05")."""


def _completes_date(known: DateMatch | None, date_line: DateLine) -> bool:
    """Whether a full date line gives the year of the same day and month the item's
    dateline or lead gave without one ("YEREVAN, DECEMBER 4, ..." then "04.12.2025")."""
    if known is None or known.year is not None or date_line.date.year is None:
        return False
    return (known.day, known.month) == (date_line.date.day, date_line.date.month)


def _signs_off_with_place(current: _Draft, line: str, date_line: DateLine) -> bool:
    """Whether a full place-and-date line after an undated statement's or speech's text is
    where and when it was made ("Statement by ...", its text, "Moscow, 7 October 2020"): it
    ends the item, and a paragraph under it is another's (a news story pasted after)."""
    place = date_line.place
    return (
        bool(current.body) and current.date_line is None and bool(current.title)
        and date_line.date.year is not None and bool(place)
        and 0 <= line.find(place) < date_line.date.start
        and kind_of(current.title) in ("statement", "speech")
        and _title_date(current.title) is None
    )


def _closes_item(
    current: _Draft | None, line: str, date_line: DateLine, next_line: str | None,
    below: list[str] | None = None,
) -> bool:
    """Whether a date line after an undated item's text is that item's closing place and
    date ("Bishkek, 2 June 2025", "Published: 27 December 2025", a post's "👁 3,4K
    27.11.2025 17:05", an interview's by-line with its date), not the date line of the next
    item.

    A statement ends with where and when it was signed, a site's page with when it was
    published; a dump's date line above a title is a date alone, and the item before it
    has its own. The line after must not be the item's text going on.
    """
    if current is None or not current.body or current.date_line is not None:
        return False
    place = date_line.place
    # "Bishkek, 2 June 2025", or a credit with its date ("Source: rg.ru, 16 April 2024")
    place_first = (bool(place) and 0 <= line.find(place) < date_line.date.start) or (
        _is_credit(line)
        # "Пресс-служба Объединенного штаба ОДКБ, 2 июля 2019 г.": who released it, and when
        or _PRESS_SERVICE_CREDIT.match(line) is not None
    )
    if _title_date(current.title) is not None or (
        # "Dushanbe, 16 April" under a signature: the year is the neighbours'
        date_line.date.year is None and not (place_first and _is_bare_name(current.body[-1]))
    ):
        return False
    if _signed(current) and next_line is not None and _opens_new_item(next_line, date_line):
        return True  # "T. Masadykov", "15 May 2026", then "On 14 May 2026, a round table ..."
    lead = None if current.title else _lead_date(current)
    if lead is not None and (lead.day, lead.month) != (date_line.date.day, date_line.date.month):
        return False  # "14 мая ... встретился ...", then "Ереван, 22 ноября 2022 года": another's

    if (
        next_line is not None and _is_paragraph(next_line) and not _is_title_like(next_line)
        and not (_is_time_stamp(line, date_line) and _leads_with_another_day(next_line, date_line))
        and not (place_first and _opens_new_item(next_line, date_line))
    ):
        return False
    if (
        next_line is not None and _is_title_like(next_line) and _dated_otherwise(current, date_line)
        and not _PUBLISHED.match(line)  # "Posted: 11 Jan 2021 13:27" says whose it is
    ):
        return False  # "03.10.2019 08:00" over a title, under a lead of 25 September 2019
    if below and _next_item_dated(below):
        return True  # "10 January 2022", then "Military & Defense", a title and its own date
    return (
        place_first or bool(_PUBLISHED.match(line) or _VIEWS_FOOTER.match(line))
        or _is_time_stamp(line, date_line)
        or _is_byline(line)  # "Interviewed by Ksenia Sokolova. 29 January 2026"
    )


_NEXT_HEAD_LINES = 2


def _next_item_dated(below: list[str]) -> bool:
    """Whether the lines below a date line (page furniture left out) are the next item's
    head with a date line of its own: a rubric and a title, or a title, then its date.
    The date line above them is then the end of the item before."""
    for index, line in enumerate(below[: _NEXT_HEAD_LINES + 1]):
        if parse_date_line(line) is not None:
            return index > 0
        if not _is_title_like(line):
            return False
    return False


def _before_the_lead(draft: _Draft, date_line: DateLine) -> bool:
    """Whether a date line is earlier in its year than the day the item's lead reports ("17
    December 2021" under "On 21 December, UNRCCA convened ..."): a page is not published nor
    a statement signed before the event it tells of, so the date is another item's."""
    lead = _lead_date(draft)
    day = date_line.date
    return lead is not None and day.year is not None and (
        lead.year in (None, day.year) and (lead.month, lead.day) > (day.month, day.day)
    )


def _dated_otherwise(draft: _Draft, date_line: DateLine) -> bool:
    """Whether the item's lead gives it a full date other than the date line's: the date line
    then heads the next item, whose title follows it."""
    lead = _lead_date(draft)
    period = digest_date(draft.title)  # "Главное за 11 января", then "19.01.2022 17:02"
    if period is not None and (period.date.month, period.date.day) != (
        date_line.date.month, date_line.date.day
    ):
        return True
    return lead is not None and lead.year is not None and (
        (lead.year, lead.month, lead.day)
        != (date_line.date.year, date_line.date.month, date_line.date.day)
    )


def _signed(draft: _Draft | None) -> bool:
    """Whether the item's text ends with a signature, under which a place and date ("Dushanbe,
    16 April") close it."""
    return draft is not None and bool(draft.body) and _is_bare_name(draft.body[-1])


def _opens_new_item(paragraph: str, date_line: DateLine) -> bool:
    """Whether a paragraph opens an item by itself: with a date that has its year ("On 15
    April 2024, ...") or another day than the date line's ("ЕРЕВАН, 15 ЯНВАРЯ, АРМЕНПРЕСС."
    under "Москва, 20 января 2021 года"), or with a wire's lead. Such a lead needs no date
    line above it, so a place and date over it end the item above."""
    day = opening_date(paragraph)
    return (
        (day is not None and day.year is not None) or _leads_with_another_day(paragraph, date_line)
        or wire_lead(paragraph) is not None
    )


def _leads_with_another_day(paragraph: str, date_line: DateLine) -> bool:
    """Whether a paragraph opens with a date other than the date line's ("YEREVAN, JANUARY
    15, ARMENPRESS. ..." under "28.08.2025 11:03"): a new item's lead, which the stamp above
    it does not date; the stamp is the item's before."""
    day = opening_date(paragraph)
    return day is not None and (day.day, day.month) != (date_line.date.day, date_line.date.month)


def _is_time_stamp(line: str, date_line: DateLine) -> bool:
    """A date with the time of day and nothing else ("28.08.2025 11:03"): the stamp a page
    puts under its text; a date line that heads the next item stands above that item's
    title, and the item above it then has its own."""
    rest = line[: date_line.date.start] + line[date_line.date.end :]
    return _LAYOUT_TIME.fullmatch(rest.strip(" ,.-–—")) is not None


_LAYOUT_TIME = re.compile(r"[0-2]?\d:[0-5]\d")
_PLACE_WORDS = 5


def _is_layout_line(line: str) -> bool:
    """A transcript page's time or place under its date line ("16:20", "The Kremlin,
    Moscow", "Novo-Ogaryovo, Moscow Region"): capitalised words around a comma."""
    if _LAYOUT_TIME.fullmatch(line):
        return True
    words = line.replace(",", " ").split()
    return (
        "," in line and len(words) <= _PLACE_WORDS and not line.endswith(_SENTENCE_END)
        and all(w[:1].isupper() or w.lower() in ("the", "of") for w in words)
    )


_PLACE_NAME_WORDS = 2


def _is_place_under_date(current: _Draft | None, line: str, next_line: str | None) -> bool:
    """Whether the line is the place of a transcript under its title and date ("The
    Kremlin, Moscow", "Ташкент"), above the text: where the event was, not a headline."""
    if current is None or not current.title or current.date_line is None or current.body:
        return False
    if next_line is None or not _is_paragraph(next_line):
        return False
    return _is_layout_line(line) or _is_place_name(line)


def _is_place_name(line: str) -> bool:
    """A place's name alone on a line ("Ташкент", "Novo-Ogaryovo"): a word or two, each
    capitalised."""
    words = line.split()
    return (
        len(words) <= _PLACE_NAME_WORDS and _is_title_like(line)
        and all(w[:1].isupper() and w.replace("-", "").isalpha() for w in words)
    )


def _dates_the_lead_above(current: _Draft | None, line: str, next_line: str | None) -> bool:
    """Whether a date line is the date of the item above, whose lead it follows: a
    transcript page gives the title, the lead, then the date with the time under it; a wire
    page without a title gives the lead, then its stamp with the time ("AKIpress | Mar 3,
    2026 15:40"), then the rest of the text, whatever date the lead's words gave."""
    if current is None or len(current.body) != 1 or next_line is None:
        return False
    if current.title:
        return current.date_line is None and (
            _LAYOUT_TIME.fullmatch(next_line) is not None
            # "April 22, 2025, 14:30" then "The Kremlin, Moscow": the time on the date's line
            or (_LAYOUT_TIME.search(line) is not None and _is_layout_line(next_line))
        )
    date_line = parse_date_line(line)
    return (
        # a post dated by its own header line ("МПА СНГ, [21.11.2022 12:30]") takes no
        # other; a lead's date is no header's
        not current.date_text
        and _LAYOUT_TIME.search(line) is not None and _is_paragraph(next_line)
        # a stamp earlier than the day the lead reports is the next post's ("МИД России,
        # [02.03.2023 19:47]" under a lead of 14 March 2023)
        and not (date_line is not None and _before_the_lead(current, date_line))
    )


_HEADER_LINES = range(2, 6)
_HEADER_LINE_MAX_WORDS = 8


def _header_block_end(lines: list[str], at: int) -> int | None:
    """Where the date line is of a title with a header block under it, or None.

    A mission's or ministry's page gives, between the title and the date, the speaker, the
    role, the office and the place ("Ambassador Dorothy K. Whitfield", "U.S. Mission to
    the United Nations", "New York, New York"): short lines, none a sentence, then the date
    and the text (perhaps after a mark such as "AS DELIVERED")."""
    for k in _HEADER_LINES:
        end = at + 1 + k
        if end + 1 >= len(lines) or parse_date_line(lines[end]) is None:
            continue
        header = lines[at + 1 : end]
        if any(
            parse_date_line(h) is not None or h.endswith(_SENTENCE_END) or _is_bare_name(h)
            or len(h.split()) > _HEADER_LINE_MAX_WORDS
            or _is_furniture(h)  # "Home / Press service / News": a site's name above it
            for h in header
        ):
            return None
        text = lines[end + 1 : end + 3]
        return end if any(_is_paragraph(t) and not _is_title_like(t) for t in text) else None
    return None


def _wire_item(
    current: _Draft | None, wire: WireLead, number: int, hard_block: bool, drafts: list[_Draft]
) -> _Draft:
    """The item a wire lead ("/ТАСС/ ...") goes to: its own (added to `drafts`), unless it
    is the first paragraph under a title; the date its lead gives dates the item."""
    standfirst = (
        current is not None and bool(current.title) and len(current.body) == 1
        and _is_title_like(current.body[0])  # "The Secretary General said that ..." over it
    )
    if current is None or (current.body and not (hard_block and current.title) and not standfirst):
        current = _Draft(line=number)
        drafts.append(current)
    if current.date_line is not None and _not_the_storys_line(wire, current.date_line):
        _close_above(drafts, current, wire)
    current.date_line = current.date_line or wire.date_line
    current.body.append(wire.text)
    return current


def _days_before_the_line(wire: WireLead, date_line: DateLine) -> int | None:
    """How many days before the full date line over its title a wire lead's day lies
    (negative: after it), in the line's year; None when either has no full day.

    The lead's day is its dateline's ("МИНСК, 13 ноября (БЕЛТА) –"), or the day its first
    sentence reports an event on; not any date the sentence names ("/ТАСС/. Российская
    Федерация с 1 января 2025 года приступит ..." under "25 декабря 2024, 10:30")."""
    # a line without its year ("Душанбе, 16 сентября") is compared within one leap year
    year = date_line.date.year if date_line.date.year is not None else _ANY_LEAP_YEAR
    line_day = date_line.date.iso(default_year=year)
    day = wire.date_line.date if wire.date_line is not None else None
    if wire.date_line is not None and not wire.date_line.place:
        day = event_date(wire.text)
    reported = day.iso(default_year=year) if day is not None else None
    if line_day is None or reported is None:
        return None
    days = (dt.date.fromisoformat(line_day) - dt.date.fromisoformat(reported)).days
    if date_line.date.year is None and days < -_HALF_YEAR_DAYS:
        days += _LEAP_YEAR_DAYS  # "2 января" over "МОСКВА, 31 декабря": across New Year
    return days


_ANY_LEAP_YEAR = 2000
_LEAP_YEAR_DAYS = 366
_HALF_YEAR_DAYS = 183


_PUBLISHED_WITHIN_DAYS = 3
"""How long after the day a wire story reports its page may be dated: a site publishes the
story that day or the next few; a date line far later is not its."""


def _not_the_storys_line(wire: WireLead, date_line: DateLine) -> bool:
    """Whether the full date line over a wire story's title is not the story's: the lead
    reports a later day ("12.11.2025", then "МИНСК, 13 ноября (БЕЛТА) – ...": an item is not
    published before the day it reports), or one long before ("24 октября 2020 года", then
    "МИНСК, 15 октября (БЕЛТА) – ..."). The line closes the undated item above."""
    days = _days_before_the_line(wire, date_line)
    return days is not None and (days < 0 or days > _PUBLISHED_WITHIN_DAYS)


def _close_above(drafts: list[_Draft], current: _Draft, wire: WireLead) -> None:
    """Give `current`'s date line to the undated item with text above it, whose closing date
    it is (a speech ending "Благодарю за внимание!", then "12.11.2025"); `current` takes the
    day its own lead gives, in the line's year (the next item of the dump)."""
    above = drafts[-2] if len(drafts) > 1 and drafts[-1] is current else None
    line = current.date_line
    if (
        above is None or not above.body or above.date_line is not None
        or not current.date_text or line is None or wire.date_line is None
    ):
        return
    above.body.append(current.date_text)
    above.date_line, current.date_text = line, ""
    reported = wire.date_line.date
    year = reported.year if reported.year is not None else _year_nearest_to(reported, line.date)
    current.date_line = replace(wire.date_line, date=replace(reported, year=year))


def _year_nearest_to(day: DateMatch, near: DateMatch) -> int | None:
    """The year that puts a yearless day nearest a full date: "30 ноября" under an item
    closed on 5 January 2018 is 30 November 2017, five weeks before, not 2018 eleven months
    after (a dump newest first); "13 ноября" under 12 November 2025 is 2025."""
    anchor = near.iso()
    if anchor is None or near.year is None:
        return near.year
    target = dt.date.fromisoformat(anchor)
    candidates = [
        (abs((dt.date.fromisoformat(value) - target).days), year)
        for year in (near.year - 1, near.year, near.year + 1)
        if (value := day.iso(default_year=year)) is not None
    ]
    return min(candidates)[1] if candidates else near.year


def _is_note_over_title(line: str, next_line: str | None) -> bool:
    """A line wholly in brackets over the next title ("(?? year - copied from my old notes,
    no source)"): whoever kept the file noting the item below, neither item's text."""
    return (
        line.startswith(("(", "[")) and line.endswith((")", "]"))
        and next_line is not None and _is_title_like(next_line)
        and not _is_bare_name(line.strip("()[]"))
    )


def _is_caption_over_lead(current: _Draft | None, line: str, next_line: str | None) -> bool:
    """A picture's caption and credit ("... at the command post. Photo: CSTO Joint Staff
    press service") where no item is open, over the dated lead of the story it illustrates
    ("Karaganda region, 20 August. ..."): not the story's opening."""
    return (
        current is None and _CAPTION_CREDIT.search(line) is not None
        and next_line is not None and opening_date(next_line) is not None
    )


_CREDIT_UNDER_CAPTION = re.compile(r"(?:©|\(c\)|photo\s*(?::|by)|фото\s*:)\s*\S", re.IGNORECASE)
"""A picture's credit on a line of its own ("© Sputnik / Mikhail Klimentyev", "Photo: ...")."""


def _is_captioned_picture(line: str, below: str) -> bool:
    """Whether a title-like line is a picture's caption, its credit on the line below."""
    return _CREDIT_UNDER_CAPTION.match(below) is not None and _is_title_like(line)


def _is_caption_under_head(current: _Draft | None, line: str, below: list[str]) -> bool:
    """A picture's caption between a story's headline and date and its lead, the credit on
    the line under it and the lead under that ("Presidents of the CSTO member states before
    the meeting", "© Sputnik / Mikhail Klimentyev", "MOSCOW, 21 December – Sputnik. ..."):
    no title of its own, nor the story's text."""
    return (
        current is not None and bool(current.title) and current.date_line is not None
        and not current.body and bool(below) and _is_captioned_picture(line, below[0])
        # the lead under the credit, or a blank line (the block ends with the credit)
        and (
            len(below) == 1 or wire_lead(below[1]) is not None
            or opening_date(below[1]) is not None
        )
    )


def _after_separator(current: _Draft | None) -> _Draft | None:
    """The item a separator ("###", "* * *") leaves open: none, unless the item is one voice
    (a speech, an article, an interview) whose sections the marks divide."""
    if current is not None and (not current.title or _reports_news(current.title)):
        return None
    return current


def _is_masthead_over(above: str, line: str) -> bool:
    """Whether `above`, a title-like line over a date line, is the name of the site or
    channel ("MFA Russia 🇷🇺", "Interfax", "Information message") and `line`, under the date,
    the headline: a name of a few words, or a site owner's name ("Ministry of Foreign
    Affairs of the Republic of Uzbekistan"), shorter than the headline it heads. A place
    under a transcript's date ("The Kremlin, Moscow") is layout, not a headline."""
    words = len(_without_pictographs(above).split())
    return (
        (
            words <= _MASTHEAD_NAME_WORDS or _SITE_OWNER.match(above) is not None
            # a heading in capitals over a headline in sentence case ("АРХИВ НОВОСТЕЙ САЙТА
            # ОДКБ (выгрузка, от новых к старым)", the date, "В Астане завершилась ...")
            or (_in_capitals(above) and not _in_capitals(line))
        )
        and (words < len(line.split()) or _in_capitals(above))
        and not _is_layout_line(line)
        and _title_date(above) is None
        and not names_a_digest(above)  # "СОЮЗНОЕ ГОСУДАРСТВО: ГЛАВНОЕ ЗА НЕДЕЛЮ" is the title
    )


def _in_capitals(line: str) -> bool:
    """Whether a line's words are in capitals, bracketed asides apart."""
    letters = [c for c in re.sub(r"\([^()]*\)", "", line) if c.isalpha()]
    return len(letters) >= _CAPITALS_MIN_LETTERS and all(c.isupper() for c in letters)


_CAPITALS_MIN_LETTERS = 8


_MASTHEAD_NAME_WORDS = 3


_HEADLINE_MIN_WORDS = 5
_SECTION_NAME_WORDS = 4
_SITE_OWNER = re.compile(
    r"(?:the )?(?:ministry|embassy|permanent mission|mission|press service|government|mfa"
    r"|министерство|посольство|постоянное представительство|пресс-служба|правительство|мид)\b",
    re.IGNORECASE,
)
"""How the name of a site's owner begins ("Ministry of Foreign Affairs of ..."): a masthead,
not a headline."""


def _is_section_line(line: str) -> bool:
    """A site's name or section above a headline ("TASS", "Russian Politics & Diplomacy",
    "ТАСС / Интервью"): page furniture, or a short line that is neither text nor a name."""
    return _is_furniture(line) or (
        _is_title_like(line) and len(line.split()) <= _SECTION_NAME_WORDS
        and not _is_bare_name(line)
    )


def _headline_over_standfirst(current: _Draft | None, above: list[str], dated: bool) -> str:
    """The headline over a dated title that is its standfirst, taken off the item before,
    or "".

    An agency prints its name and section, the headline, a standfirst ('"Such contacts are
    not on the schedule," Peskov said', "Посол России рассказал ТАСС о ..."), then the
    date; with no paragraph under it, the headline went to the item before as its last
    line. It is a headline when a section line stands above it, and it is no post, name or
    site owner's name."""
    if not dated or current is None or not current.body or len(above) != 2:
        return ""
    section, headline = above
    if current.body[-1] != headline or not _is_section_line(section):
        return ""
    first = headline.split()[0].casefold()
    if (
        not _is_title_like(headline) or len(headline.split()) < _HEADLINE_MIN_WORDS
        or _SITE_OWNER.match(headline) or _is_layout_line(headline)
        or first in lexicon.ROLE_WORDS or lexicon.has_stem(first, lexicon.ROLE_STEMS)
    ):
        return ""
    return current.body.pop()


_TOPIC_HEADING = re.compile(r"(?:on|regarding|concerning|об?|по поводу|относительно)\s", re.I)
"""How the topic of a statement begins when it stands on its own line under the title."""


_RUBRIC_WORDS = 4


def _names_an_outlet(line: str) -> bool:
    """Whether a line names a news agency ("AKIpress news agency", "Sputnik Таджикистан")."""
    words = _without_pictographs(line).split()
    return any(w.strip("«»\"'.,:").casefold() in lexicon.NEWS_OUTLETS for w in words)


_QUOTED_NAME = re.compile(r"[«\"“][^«»\"“”]{2,40}[»\"”]")
"""A newspaper's name in quotes on a line of its own ("«Красная звезда»") over a headline."""


def _titled(
    current: _Draft | None, head: list[str], number: int, next_is_date: bool,
    drafts: list[_Draft],
) -> _Draft:
    """The item a title line (the last of `head`, under the two lines before it) goes to:
    the current one, or a new one it starts (added to `drafts`)."""
    line = head[-1]
    if (
        current is not None and current.title and not current.body
        and current.date_line is None and next_is_date
    ):
        # A headline and its subtitle above one date line ('"We measure success
        # ..."', then "Interview of the ... to the newspaper ..."); an agency's name over
        # the headline ("AKIpress news agency", "Азия-Плюс") is its masthead
        masthead = (
            _names_an_outlet(current.title) or _QUOTED_NAME.fullmatch(current.title) is not None
        ) and len(current.title.split()) <= _MASTHEAD_NAME_WORDS
        current.title = line if masthead else f"{current.title} {line}"
        return current
    if (
        current is not None and current.date_line is not None
        and not current.title and not current.body and not next_is_date
    ):
        current.title = line  # a date line above its title ("28.11.2026", then the title)
        current.dated_above = True
        return current
    if (
        current is not None and current.title and current.date_line is not None
        and not current.body and not next_is_date and _is_masthead_over(current.title, line)
    ):
        current.title = _without_pictographs(line)  # "MFA Russia", the date, then the post
        current.dated_above = True
        return current
    if (
        current is not None and current.title and current.date_line is not None
        and not current.body and not next_is_date and kind_of(line) != "news"
    ):
        # a headline, its date line, then what the piece is ("Interview of the Secretary
        # ... to Armenpress"): one head
        current.title = f"{current.title} {line}"
        return current
    if (
        current is not None and current.title and current.date_line is not None
        and not current.body and not next_is_date and len(line.split()) <= _RUBRIC_WORDS
        and not current.dated_above and _is_masthead_over(line, current.title)
    ):
        return current  # the site's rubric under the date ("Мир и безопасность"), not a title
    if (
        current is not None and current.title
        and (current.date_line is not None or _title_date(current.title) is not None)
        and not current.body and not next_is_date and not _reports_news(current.title)
        and _TOPIC_HEADING.match(line)
    ):
        # a statement's title and date, then the topic it is on ("On the OSCE field
        # presence in Central Asia"): its first line, not a new item
        current.body.append(line)
        return current
    headline = _headline_over_standfirst(current, head[:-1], next_is_date)
    title = _without_pictographs(line)
    drafts.append(_Draft(title=f"{headline} {title}" if headline else title, line=number))
    return drafts[-1]


@dataclass
class _Layout:
    """What a page's layout has said about the lines to come."""

    closed: _Draft | None = None
    """The item a closing place and date ended: its page's section lines follow."""
    headed: _Draft | None = None
    """The transcript whose date line came last: its time and place lines follow."""
    header_from: int = -1
    header_date: int = -1
    """A title's header block (speaker, office, place) and the date line under it."""
    ended_by_place: bool = False
    """Whether the last date line read was a statement's or speech's closing place and
    date, which ends it."""

    def skips(
        self, at: int, line: str, current: _Draft | None, next_line: str | None,
        next_is_date: bool,
    ) -> bool:
        """Whether the line is layout, not text: a header line taken with its title, a
        transcript's time or place, a section line between a closed item and the next
        title."""
        if self.header_from < at < self.header_date:
            return True
        if current is not None and current is self.headed and (
            _is_layout_line(line)
            or (_is_place_name(line) and next_line is not None and _is_paragraph(next_line))
        ):
            return True  # "16:20", "The Kremlin, Moscow", "Dushanbe"
        self.headed = None
        return (
            current is not None and current is self.closed and not _is_paragraph(line)
            and not next_is_date and not (next_line is not None and _is_paragraph(next_line))
            and parse_date_line(line, bare=True) is None  # "19 марта" over the next post
            # a section's name, not a headline ('Stanislav Zas: "The CSTO has ..."' over
            # its rubric "EXCLUSIVE")
            and len(line.split()) < _HEADLINE_MIN_WORDS * 2
        )

    def dates(
        self, at: int, line: str, date_line: DateLine | None, current: _Draft | None,
        next_line: str | None, below: list[str] | None = None,
    ) -> bool:
        """Whether the date line dates the current item although it has text: under a
        title's header block, under a transcript's lead, or closing the item."""
        if current is None or date_line is None:
            return False
        known = current.date_line.date if current.date_line else _lead_date(current)
        if current.body and (
            _completes_date(known, date_line)
            # "... the January 10 election ...", then "Posted: 11 Jan 2021 13:27": the page's
            # own date, in full, for a story its lead dated without a year
            or (
                known is not None and known.year is None and date_line.date.year is not None
                and _PUBLISHED.match(line) is not None
            )
        ):
            # a wire story's "April 3" dateline, then its stamp "APR 3, 2025, 18:47" under it
            current.date_line = date_line
            self.closed = current
            return True
        lead = _dates_the_lead_above(current, line, next_line)
        self.ended_by_place = not lead and _signs_off_with_place(current, line, date_line)
        closing = self.ended_by_place or (
            not lead and _closes_item(current, line, date_line, next_line, below)
        )
        if at != self.header_date and not lead and not closing:
            return False
        current.date_line = date_line
        current.date_text = line
        if closing:
            if not (
                _is_time_stamp(line, date_line) or _NUMERIC_STAMP.fullmatch(line)
                or _VIEWS_FOOTER.search(line)  # "Published: 14.03.2025 | Views: 388"
            ):
                current.body.append(line)  # "Bishkek, 2 June 2025": the statement's last line
            self.closed = current
        self.headed = current if lead else None
        return True

    def headed_title(self, lines: list[str], at: int, number: int) -> _Draft | None:
        """A new item for a title with a header block above its date line, or None."""
        end = _header_block_end(lines, at) if _is_title_like(lines[at]) else None
        if end is None:
            return None
        self.header_from, self.header_date = at, end
        return _Draft(title=lines[at], body=lines[at + 1 : end], line=number)


_HEADER_FIELD = re.compile(
    r"(?:from|to|cc|bcc|subject|date|sent|reply-to|от|кому|копия|тема|дата|отправлено):\s", re.I
)
_SENDER = re.compile(r"(?:from|от):\s.*@", re.I)


def _envelope_lines(lines: list[str]) -> set[int]:
    """The lines of an e-mail's header ("From: Press Service <press@...>", "Subject: News
    Bulletin No. 42", "Date: Fri, 16 Oct 2020 ..."): a run of header fields with a sender's
    address. They say who sent the bulletin and when, not what its items are; the "Date:"
    is the day it was sent, not an item's date line."""
    envelope: set[int] = set()
    i = 0
    while i < len(lines):
        end = i
        while end < len(lines) and _HEADER_FIELD.match(lines[end]):
            end += 1
        if end - i >= 2 and any(_SENDER.match(lines[k]) for k in range(i, end)):
            envelope.update(range(i, end))
        i = max(end, i + 1)
    return envelope


def _without_envelope(lines: list[str], numbers: list[int]) -> tuple[list[str], list[int]]:
    """The block's lines and their numbers without an e-mail's header (`_envelope_lines`)."""
    envelope = _envelope_lines(lines)
    kept = [k for k in range(len(lines)) if k not in envelope]
    return [lines[k] for k in kept], [numbers[k] for k in kept]


def _numbers_the_release(current: _Draft | None, line: str) -> bool:
    """Whether the line is a release's number under its title ("2237-26-11-2025", as a
    ministry numbers its pages): the item's label, neither its text nor a new item."""
    return (
        current is not None and bool(current.title) and not current.body
        and _RELEASE_NUMBER.fullmatch(line) is not None and parse_date_line(line) is None
    )


_HEADLINE_WORD_CHARS = 4
_HEADLINE_STEM = 5


def _headline_words(text: str) -> set[str]:
    """The stems of a text's longer words ("принял", "министра" -> "приня", "минис")."""
    return {
        w.casefold()[:_HEADLINE_STEM] for w in re.findall(r"[^\W\d_]+", text)
        if len(w) >= _HEADLINE_WORD_CHARS
    }


def _restated_below(title: str, paragraph: str) -> bool:
    """Whether a paragraph's first sentence restates a headline: most of its words (by
    stem, so "России" is "Российской") come back in the lead."""
    words = _headline_words(title)
    shared = words & _headline_words(_first_sentence(paragraph))
    return len(shared) >= 2 and 2 * len(shared) >= len(words)


def _heads_glued_item(line: str, next_line: str, current: _Draft | None) -> bool:
    """Whether a title-like line inside a block of one item's lines starts another item
    glued to it without a blank line: after the item's text, a headline above a wire
    dateline or a dated lead, a document's title ("Заявление министров ...", "Statement by
    ...") or a headline its lead restates ("Президент ... принял Министра ...", then
    "Шавкат Мирзиёев 14 февраля принял Министра ...")."""
    if current is None or not _has_text(current) or not _is_paragraph(next_line):
        return False
    if wire_lead(next_line) is None and opening_date(next_line) is None and not (
        kind_of(line) != "news" or _restated_below(line, next_line)
    ):
        return False
    return not _is_briefing(current, line) and not _is_section_heading(line, current)


def _split_block(
    lines: list[str], numbers: list[int], hard_block: bool, *, unspaced: bool = False
) -> list[_Draft]:
    """The items of a block of lines (a whole dump when blank lines part no items).

    `unspaced`: the dump has no blank lines at all, one paragraph a line, so a paragraph
    pasted under a titled story may be an item of its own; where blank lines part the
    paragraphs, a story's next paragraph on someone new is still the story's."""
    drafts: list[_Draft] = []
    current: _Draft | None = None
    skipping = ""
    layout = _Layout()
    lines, numbers = _without_envelope(lines, numbers)
    furniture = [_is_furniture(line) for line in lines]
    later = Counter(lines)
    closed: _Draft | None = None  # the item a footer line ended
    for i, line in enumerate(lines):
        later[line] -= 1
        skip, skipping = _page_furniture(
            line, lines[i + 1 : i + 1 + _CONTACT_HEADER_LINES], skipping, current,
            told_later=later[line] > 0,
        )
        if skip:
            closed = current if _ends_item(line, current) else closed
            _date_by_footer(current, line)
            _date_by_document_number(current, line)
            _date_by_update_mark(current, line)
            continue
        current = None if current is closed else current  # the page under a footer
        # the next line of text: a document symbol or a label between a title and its date
        # line does not part them; a footer (a post's view counter) ends the item there
        next_line = next(
            (
                lines[k] for k in range(i + 1, min(i + 4, len(lines)))
                if not furniture[k] or (_is_footer(lines[k]) and _has_text_or_none(current))
            ),
            None,
        )
        next_is_date = next_line is not None and parse_date_line(next_line, bare=True) is not None
        # a digest's "Source: Kazinform, 29 April 2025" over a report: that report's date line
        source_header = _source_header(line, lines[i + 1 : i + 3], current)
        if source_header is None and (
            # (a quoted headline over its subtitle and date is the next item's head)
            (layout.skips(i, line, current, next_line, next_is_date)
             and not _heads_a_subtitle(lines, i))
            or _is_place_under_date(current, line, next_line)
            or _numbers_the_release(current, line)
            or _feed_source_dates(line, current)
            or _is_caption_over_lead(current, line, next_line)
            or _is_caption_under_head(current, line, lines[i + 1 : i + 3])
            or _is_note_over_title(line, next_line)
        ):
            continue
        if _is_separator(line) or _between_separators(lines, i):
            current = _after_separator(current)
            continue
        if _signs_item(current, line, next_is_date):
            assert current is not None
            current.body.append(line)
            continue
        wire = wire_lead(line)
        if wire is not None:
            current = _wire_item(current, wire, numbers[i], hard_block, drafts)
            continue
        date_line = source_header or parse_date_line(
            line,
            bare=current is None or _under_title(current) or _signed(current)
            # "7 июля" over the next title or post, under the item above
            or (_has_text(current) and next_line is not None and not next_is_date),
        )
        # "PC.DEL/1772/21", then "17 December 2021": the date of the document that begins
        after_symbol = i > 0 and _DOCUMENT_SYMBOL.fullmatch(lines[i - 1]) is not None
        if (
            source_header is None and not after_symbol
            and layout.dates(
                i, line, date_line, current, next_line,
                [lines[k] for k in range(i + 1, min(i + 6, len(lines))) if not furniture[k]],
            )
        ):
            # a statement's "Moscow, 7 October 2020" ends it: what follows is another's
            closed = current if layout.ended_by_place else closed
            continue
        if date_line is not None:
            if (source_header is None and _is_publication_footer(current, line)) or (
                # "09.10.2025 [16:40]", then the agency's "Душанбе, 9 октября, АЗЕРТАДЖ"
                _restates_the_day(current, date_line)
            ):
                continue
            if (
                current is not None and current.date_line is None and source_header is None
                and (not _has_text(current) or _head_over_date(current))
            ):
                current.date_line = date_line
                current.date_text = line
            else:
                current = _Draft(date_line=date_line, line=numbers[i], date_text=line)
                drafts.append(current)
            continue
        bare_date_above = (
            current is not None and current.date_line is not None
            and not current.title and not current.body
        )
        starts_titled = (
            (
                _is_title_like(line) or (
                    next_is_date and _is_stopped_title(line, lines, i)
                    and not _stamps_the_story(current, next_line)
                )
            )
            and next_line is not None
            and (
                next_is_date
                or (not hard_block and _is_paragraph(next_line))
                or (hard_block and (current is None or bare_date_above))
                # a title ending with its place and date, above a topic heading
                or (not hard_block and _title_date(line) is not None and _is_title_like(next_line))
                or _heads_a_subtitle(lines, i)
                or _heads_a_digest(lines, i)
                or _heads_a_standfirst(lines, i, current)
                or (hard_block and _heads_glued_item(line, next_line, current))
            )
        )
        headed = None if starts_titled else layout.headed_title(lines, i, numbers[i])
        if headed is not None:
            current = headed
            drafts.append(current)
            continue
        if starts_titled and not next_is_date and (
            (
                _is_briefing(current, line) and _GENRE_TITLE.match(line) is None
                and (_TOPIC_HEADING.match(line) is not None or not _dateline_lead(next_line))
            )
            or _is_section_heading(line, current)
            or _is_post_in_a_list(current)
            or _is_standfirst(current, lines, i)
            or _digests_period(current, lines, i)
        ):
            assert current is not None
            _go_on_with(current, lines, i)  # a topic or section heading, a standfirst
            continue
        if starts_titled:
            current = _titled(
                current, lines[max(i - 2, 0) : i + 1], numbers[i],
                next_is_date or _dated_below(lines, i), drafts,
            )
            continue
        # a list's next entry ("• On 4 February, ...") under its first goes on with the list
        opens_with_date = opening_date(line) is not None and not _next_in_a_list(current, line)
        starts_untitled = current is None or (
            opens_with_date
            and _has_text(current)
            and (
                not current.title
                or _reports_news(current.title)
                or (
                    _news_after_speech(line, current.body, next_line)
                    and not _under_a_topic(current)
                    and not _years_before_below(line, lines[i + 1 : i + 1 + _HISTORY_LINES])
                )
                or current is layout.closed  # "Москва, 20 января 2021 года" ended it
            )
            # a block is one item, unless its closing place and date, or a speech's closing
            # words ("Благодарю за внимание."), ended that item
            and not (
                hard_block and current.title and current is not layout.closed
                and not _is_speech_closing(current.body[-1])
            )
        ) or (
            not hard_block
            and _has_text(current)
            and (not current.title or (unspaced and _reports_news(current.title)))
            and _opens_news_about_someone_new(line, current)
            and not _next_in_a_list(current, line)
        )
        if starts_untitled:
            current = _Draft(line=numbers[i])
            drafts.append(current)
        assert current is not None
        current.body.append(line)
        closed = current if (
            (_is_credit(line) or _caption_over_post(line, next_line)) and _has_text(current)
        ) else closed
    return drafts


_NUMERIC_STAMP = re.compile(r"\d{1,4}[./-]\d{1,2}[./-]\d{2,4}")
"""A date in figures alone under an item's text ("25.12.2015"): the page's stamp of when it
was published, which dates the item; a date written out ("2 декабря 2026 года") or with
its place is where and when the document was signed, its last line."""


def _closing_date_lines(drafts: list[_Draft]) -> list[_Draft]:
    """Give a date line that closes an undated item back to it.

    A statement or comment may end with its place and date ("Ashgabat, 25 November 2026",
    "2 декабря 2026 года"), perhaps under a signature's role line; read as lines, they look
    like the date line (and title) of an item with no text. Such a bodiless draft after an
    item with text and no date line is that item's end: its lines stay the item's last
    paragraphs (a page's stamp in figures aside) and its date dates it.
    """
    merged: list[_Draft] = []
    for draft in drafts:
        before = merged[-1] if merged else None
        if (
            before is not None and before.body and before.date_line is None
            and _signed_only(draft) and draft.date_line is not None and draft.date_text
            and not _before_the_lead(before, draft.date_line)
        ):
            stamp = not draft.title and _NUMERIC_STAMP.fullmatch(draft.date_text) is not None
            closing = [*([draft.title] if draft.title else []), draft.date_text][stamp:]
            before.body.extend([*closing, *draft.body])
            before.date_line = draft.date_line
            continue
        merged.append(draft)
    return merged



def _signed_only(draft: _Draft) -> bool:
    """Whether a dated draft holds no text but perhaps the signature under its date line: a
    speech may close with its date over the speaker's name ("12 November 2025", "Imangali
    Tasmagambetov"), which read as lines look like an item with no title."""
    if not draft.body:
        return True
    return not draft.title and _is_signature(draft.body) and all(
        _looks_like_a_name(line) for line in draft.body
    )


def _repeated_closing_lines(drafts: list[_Draft]) -> list[_Draft]:
    """Give back to the item above a date line over a title that repeats that item's date
    when the lead under the title reports a later full date: a statement dated "18.11.2025"
    that closes "Bishkek, 18 November 2025", then "... met ... on November 19, 2025". An
    item is not published before the day it reports, so the line closes the item above."""
    for above, draft in itertools.pairwise(drafts):
        line, own = draft.date_line, above.date_line
        if line is None or own is None or not draft.body or not draft.date_text:
            continue
        day = line.date.iso()
        lead = lead_sentence_date(draft.body[0])
        reported = lead.iso() if lead is not None else None
        if day is not None and day == own.date.iso() and reported is not None and reported > day:
            above.body.append(draft.date_text)
            draft.date_line, draft.date_text = None, ""
    return drafts


def _posts_under_their_day(drafts: list[_Draft]) -> None:
    """Date each untitled, undated post under an untitled post dated by a day alone: a
    channel's export heads each day's posts with the day ("July 2"), and the second post of
    the day has no line of its own to say so."""
    for above, draft in itertools.pairwise(drafts):
        if (
            draft.date_line is None and not draft.title and draft.body
            and not find_dates(draft.body[0])  # "On 12 June, ...": a day of its own
            and above.date_line is not None and not above.title
            and above.date_line.date.year is None
            and parse_date_line(above.date_text, bare=True) is not None
            and len(above.date_text.split()) <= _DAY_HEADER_WORDS
        ):
            draft.date_line, draft.date_text = above.date_line, above.date_text


_DAY_HEADER_WORDS = 3
"""A day's header in a channel's export: "July 2", "2 июля", "Tuesday, 2 July"."""


def _section_dates(drafts: list[_Draft]) -> list[_Draft]:
    """Give a site's section-and-day line ("Новости | 17 ноября") to the undated titled item
    under it. Read as lines after an item's closing date ("Астана, 14 ноября 2025 года"), it
    is the text of that stray date line, which goes back to the item above as its end."""
    kept: list[_Draft] = []
    for draft, below in itertools.zip_longest(drafts, drafts[1:]):
        section = (
            parse_date_line(draft.body[0], bare=True)
            if len(draft.body) == 1 and not draft.title and draft.date_text else None
        )
        if section is None or below is None or not below.title or below.date_line is not None:
            kept.append(draft)
            continue
        below.date_line, below.date_text = section, draft.body[0]
        if kept and kept[-1].body:
            kept[-1].body.append(draft.date_text)
    return kept


def _is_page_line(line: str) -> bool:
    """A line under an item's last paragraph that is no sentence of it: a tag ("Armenia"),
    a related headline, the next page's masthead or section ("Kazinform", "Politics"). A
    release's number ("1102-06-06-2025") is the item's own, and so is a post's last line
    ending with an emoji ("Подробнее — в следующих постах 👇")."""
    return (
        _is_title_like(line) and _RELEASE_NUMBER.fullmatch(line) is None
        and unicodedata.category(line[-1]) != "So"
    )


_RELEASE_NUMBER = re.compile(r"\d+(?:[-/.]\d+)+")


_TAG_WORDS = 2


def _is_tag(line: str, names: set[str]) -> bool:
    """A tag under a page's text ("Armenia", "ЕАЭС", "CIS"): a word or two that name no
    person (of `names`) and no post."""
    words = line.split()
    return len(words) <= _TAG_WORDS and line not in names and not any(
        w.casefold() in lexicon.ROLE_HEADS or lexicon.has_stem(w, lexicon.ROLE_STEMS)
        for w in words
    )


def _is_signature(run: list[str]) -> bool:
    """Whether lines under an item's text are its own: signatures or a list of who took part
    ("Kaha Imnadze", "Министр ... О.Саргсян", a name over a post), none of them a tag."""
    names = {person.name for person in find_participants(run)}
    return bool(names) and not any(_is_tag(line, names) for line in run)


def _drop_trailing_page_lines(draft: _Draft) -> None:
    """Take off the lines after the item's last paragraph that are the page's, not the
    item's: tags ("Armenia", "Дмитрий Песков"), "Read also" headlines, the next site's
    name. Signatures and lists of participants stay."""
    end = len(draft.body)
    while end > 1 and _is_page_line(draft.body[end - 1]):
        end -= 1
    if end == len(draft.body) or _is_page_line(draft.body[end - 1]):
        return
    if _is_signature(draft.body[end:]):
        return
    del draft.body[end:]


_NEWSLETTER = re.compile(
    r"\b(?:issue|digest|newsletter|bulletin|рассылка|дайджест|выпуск|бюллетень)\b", re.I
)
"""A word naming a newsletter or its issue in the masthead of an e-mail ("EAEU WEEKLY DIGEST |
Issue 46 | 14 November 2025", "Рассылка Секретариата ...")."""


def _is_newsletter_masthead(draft: _Draft) -> bool:
    """Whether a draft is only a newsletter's masthead: a title naming the newsletter, perhaps
    with the issue's date, and no text."""
    return not draft.body and _NEWSLETTER.search(draft.title) is not None


def _masthead_date(draft: _Draft) -> DateLine | None:
    """The issue's date in a newsletter's masthead that opens the text of an undated item
    ("ДАЙДЖЕСТ ПА ОДКБ · Выпуск от 19.11.2025" under a page's "Самое читаемое"): the
    issue's day is its news's."""
    if not draft.body or _NEWSLETTER.search(draft.body[0]) is None:
        return None
    return _title_date(draft.body[0])


def _newsletter_stories(drafts: list[_Draft]) -> list[_Draft]:
    """The drafts without the mastheads of e-mail newsletters and the publisher's line under
    one (a title with no text), each undated story of an issue dated by the issue's date:
    a digest's interview is the issue's news. The issue ends at the first item with a date
    line of its own."""
    kept: list[_Draft] = []
    issue: DateLine | None = None
    after_masthead = False
    for draft in drafts:
        if _is_newsletter_masthead(draft):
            issue = _title_date(draft.title) or draft.date_line
            after_masthead = True
            continue
        if after_masthead and not draft.body and draft.date_line is None:
            continue  # "Eurasian Economic Commission – Department of Information"
        after_masthead = False
        if draft.date_line is not None and draft.date_line.date.year is not None:
            issue = None
        elif draft.date_line is None and issue is not None:
            draft.date_line = issue
        kept.append(draft)
    return kept


_SIGNED_FOR = re.compile(
    r"(?:for|on behalf of|за|от)\s+\S.*\s(?:[A-ZА-ЯЁ]\.\s?){1,2}[A-ZА-ЯЁ][\w\-]+", re.IGNORECASE
)
"""A line of a signature table under a treaty or declaration ("For the Republic of Belarus
A. Lukashenko", "За Республику Казахстан К.Токаев")."""


def _join_signature_table(draft: _Draft) -> None:
    """Make the signature table that ends a document one paragraph: its lines are one block
    of signatures, not paragraphs of the text."""
    start = len(draft.body)
    while start > 0 and _SIGNED_FOR.fullmatch(draft.body[start - 1]):
        start -= 1
    if len(draft.body) - start >= 2:
        draft.body[start:] = ["; ".join(draft.body[start:])]


_CHANNEL_NAME_WORDS = 6


def _opens_with_pictograph(paragraph: str) -> bool:
    return _without_pictographs(paragraph) != paragraph.lstrip()


def _untitle_channel_post(draft: _Draft) -> None:
    """Take the channel's name ("Russia at the UN 🇷🇺") off a post that has it as its title:
    a short line over the post's date line, the post opening with its mark ("📌 Remarks by
    ..."). The post's first line is its headline. A line under the date line is the post's
    own headline ("23 января", "🗓 Главное за неделю (19–23 января)", "🔹 ...")."""
    if (
        draft.title and draft.date_line is not None and draft.body and not draft.dated_above
        and len(draft.title.split()) <= _CHANNEL_NAME_WORDS
        and not _opens_with_pictograph(draft.title) and _opens_with_pictograph(draft.body[0])
    ):
        draft.title = ""


_MASTHEAD_LINES = 3


def _without_mastheads(drafts: list[_Draft]) -> list[_Draft]:
    """The drafts without those that are only a site's name and section; a headline among
    them ("Makei, Lebedev discuss preparations for CIS events in Minsk", a separator above
    it and the dated lead below) is the title of the untitled item under it."""
    kept: list[_Draft] = []
    for at, draft in enumerate(drafts):
        if not _is_masthead_only(draft):
            kept.append(draft)
            continue
        below = drafts[at + 1] if at + 1 < len(drafts) else None
        headline = draft.body[-1] if not draft.title and len(draft.body) == 1 else ""
        if (
            below is not None and not below.title and below.body and headline
            and len(headline.split()) >= _HEADLINE_MIN_WORDS
            and not _SITE_OWNER.match(headline) and not _is_section_line(headline)
        ):
            below.title = headline
            below.line = draft.line
    return kept


def _is_masthead_only(draft: _Draft) -> bool:
    """Whether a draft is only a site's name and section ("OSCE", "ТАСС / Интервью",
    "Ministry of Foreign Affairs of ...", "Press service") above the next item's title: no
    title, date or sentence of its own."""
    lines = ([draft.title] if draft.title else []) + draft.body
    return (
        draft.date_line is None and bool(draft.body) and len(lines) <= _MASTHEAD_LINES
        and all(
            _is_title_like(line) and len(line.split()) <= _MASTHEAD_MAX_WORDS
            and opening_date(line) is None  # "On 5 December 2024, ... met ... Minsk"
            for line in lines
        )
    )


_MASTHEAD_MAX_WORDS = 14
"""A masthead's line is a name ("Ministry of Foreign Affairs of the Republic of Uzbekistan
| Press service"); a longer line is a story's."""


def _opening_title_date(title: str) -> DateLine | None:
    """The full date a title opens with when the title is the story's unstopped lead ("20–21
    апреля 2017 года в Астане состоялось заседание ..."): the day it reports."""
    day = opening_date(title)
    return DateLine(day) if day is not None and day.year is not None else None


def _title_date(title: str) -> DateLine | None:
    """The date a title ends with, serving as the date line of an item that has none
    ("... remarks and answers to media questions, Moscow, June 4, 2025"); only a full date
    at the very end, never one inside the title's words."""
    dates = find_dates(title)
    rest = _EXCERPT_NOTE.sub("", title[dates[-1].end :]) if dates else ""
    if not dates or dates[-1].year is None or rest.strip(" .,;:)»\""):
        return None
    return DateLine(dates[-1])


_EXCERPT_NOTE = re.compile(
    r"\s*\((?:excerpts?|extracts?|abridged|summary|выдержк[аи]|фрагмент|сокращ[её]нно)\)\s*$",
    re.IGNORECASE,
)
"""A note after a title's date that the text is a part ("..., November 8, 2018 (excerpt)")."""


_TITLE_PLACE = re.compile(r"[,(]\s*(?P<place>[A-ZА-ЯЁ][\w\-]+(?: [A-ZА-ЯЁ][\w\-]+)?),\s*$")


def _place_and_day_in_title(title: str) -> DateLine | None:
    """The place and day without a year a title ends with ("Из брифинга ... М.В.Захаровой
    (Москва, 16 апреля)", "..., Moscow, April 16"): the item's date line, its year the
    neighbours'."""
    dates = find_dates(title)
    if not dates or dates[-1].year is not None or title[dates[-1].end :].strip(" .)"):
        return None
    place = _TITLE_PLACE.search(title[: dates[-1].start])
    return DateLine(dates[-1], place["place"]) if place else None


_DATED = re.compile(r"of|dated|от", re.I)


def _document_date(title: str) -> DateLine | None:
    """The date a title gives its document ("Statement of 12 May 2025 by ...", "Заявление
    МИД ... от 2 июня 2025 года"), or the one it ends with (`_title_date`): a full date
    right after the document and its issuer ("of" / "от" / "dated" after capitalised words
    only) is the day the document was issued."""
    for found in find_dates(title):
        head = title[: found.start].split()
        if (
            found.year is not None and head and _DATED.fullmatch(head[-1])
            and all(word[:1].isupper() for word in head[:-1])
        ):
            return DateLine(found)  # not "... on the anniversary of the Treaty of 15 May 1992"
    return _title_date(title)


_SLASHED_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
_AMERICAN = re.compile(r"\bU\.S\.|\bUnited States\b")
_HEAD_LINES = 4


def _american_date(draft: _Draft) -> DateLine | None:
    """The date line read month first ("05/12/2025" is 12 May) on a page of the United
    States government, which its head names ("U.S. Mission to the United Nations"); None
    where the day-first reading stands."""
    slashed = _SLASHED_DATE.fullmatch(draft.date_text.strip())
    head = " ".join([draft.title, *draft.body[:_HEAD_LINES]])
    if slashed is None or draft.date_line is None or not _AMERICAN.search(head):
        return None
    month, day, year = (int(g) for g in slashed.groups())
    try:
        dt.date(year, month, day)
    except ValueError:
        return None
    found = draft.date_line.date
    return DateLine(DateMatch(found.start, found.end, day, month, year), draft.date_line.place)


def _yearless_date(draft: _Draft) -> DateMatch | None:
    """The date the item gives without a year ("7 March, 11:05", "28 февраля с.г." with no
    date line), when its own words give no year for it; else None.

    A date line comes first: the dump lists the item by it ("24 ноября" above "23 ноября в
    Ереване ..."), so it is the day the neighbours bound."""
    if _item_date(draft) is not None:
        return None
    if draft.date_line is not None and draft.date_line.date.year is None:
        return draft.date_line.date
    opening = _lead_date(draft)
    if opening is None and draft.date_line is None:
        opening = _held_date(draft)
    if opening is not None and opening.year is None:
        return opening
    return None


_STATED_YEAR = re.compile(
    r"(?<![\d./])(?<!\d[-–])((?:19|20)\d\d)(?:\s?[-–—/]\s?(?P<end>(?:19|20)?\d\d))?"
    r"(?![\d./]\d|[-–]\d)"
)
"""A year the text states by itself ("the priorities of the 2017 chairmanship", "the
December (2016) session", "the chairmanship for 2025–2026": a span counts by its first; the
exercises "Interaction-2021"), not a part of a document's number ("1987-09-10-2025"), nor a
programme's decade ("the Decade for Action 2018-2028")."""
_SPAN_YEARS = 2


_LEAD_WEEKDAY = re.compile(
    r"\bon (monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
    r"|(?<![а-яё])во? (понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)(?![а-яё])",
    re.IGNORECASE,
)
_WEEKDAYS = (
    "monday tuesday wednesday thursday friday saturday sunday".split(),
    "понедельник вторник среду четверг пятницу субботу воскресенье".split(),
)


def _on_its_weekday(
    draft: _Draft, day: DateMatch, year: int | None, neighbours: set[int], in_order: bool
) -> int | None:
    """In a dump out of date order, the year, among the one inferred and those beside it (or
    the years of the dated items around it), in which the day falls on the weekday the lead
    names ("... held a telephone conversation ... on Thursday" under "7 March, 11:05": 2024);
    the inferred year when none or several do. In a dump in date order the neighbours' year
    stands: a lead's weekday may be the day before its dateline ("... told reporters after
    the meeting on Thursday" under "MOSCOW, June 19")."""
    lined = _line_weekday(draft, day)
    if lined is not None:
        # the date line's own weekday ("Monday, 3 June") is the day's: its year, of those
        # near, is the one it falls on
        candidates = [year, year - 1, year + 1] if year is not None else sorted(neighbours)
        fits = [y for y in candidates if _falls_on(day, y, lined)]
        if len(fits) == 1:
            return fits[0]
    if in_order and year is not None:
        return year
    candidates = [year, year - 1, year + 1] if year is not None else sorted(neighbours)
    if not candidates or not draft.body:
        return year
    named = _LEAD_WEEKDAY.search(_first_sentence(draft.body[0]))
    if named is None:
        return year
    word = (named.group(1) or named.group(2)).casefold()
    weekday = next(days.index(word) for days in _WEEKDAYS if word in days)
    fits = [
        y for y in candidates
        if (value := day.iso(default_year=y)) is not None
        and dt.date.fromisoformat(value).weekday() == weekday
    ]
    return fits[0] if len(fits) == 1 else year


_LINE_WEEKDAYS = (
    "monday tuesday wednesday thursday friday saturday sunday".split(),
    "mon tue wed thu fri sat sun".split(),
    "понедельник вторник среда четверг пятница суббота воскресенье".split(),
    "пн вт ср чт пт сб вс".split(),
)


def _line_weekday(draft: _Draft, day: DateMatch) -> int | None:
    """The weekday the item's own date line names beside its yearless day ("Monday, 3
    June", "Чт, 22 января"), 0 for Monday; None when it names none."""
    if draft.date_line is None or draft.date_line.date != day or not draft.date_text:
        return None
    words = re.findall(r"[^\W\d_]+", draft.date_text.casefold())
    for days in _LINE_WEEKDAYS:
        for word in words:
            if word in days:
                return days.index(word)
    return None


def _falls_on(day: DateMatch, year: int | None, weekday: int) -> bool:
    value = day.iso(default_year=year) if year is not None else None
    return value is not None and dt.date.fromisoformat(value).weekday() == weekday


_MONTH_BEFORE = re.compile(r"([^\W\d_]+)\.?\s*\(?\s*$")
_LOOKING_BACK = re.compile(
    r"\b(?:decisions?|results?|outcomes?|following|implementation)\b|(?<![а-яё])(?:решени"
    r"|итог|реализаци|выполнени)",
    re.IGNORECASE,
)
"""Words by which an item looks back at an event ("the decisions of the December (2016)
session"): an event later in its year than the item's day was the year before the item."""


_TARGET_YEAR = re.compile(
    r"\b(?:until|up to|till|through|by|since|(?:scheduled|planned|set) for)\s+"
    r"(?:the (?:year|end of)\s+)?$"
    r"|(?<![а-яё])(?:до|по|к|с|со|(?:запланирован|намечен)\w* на)\s+(?:конца\s+)?$",
    re.IGNORECASE,
)
"""Words before a year a plan runs to ("the Collective Security Strategy until 2025",
"Стратегии ... на период до 2035 года"), or a tenure runs from ("who has headed the
organization since 2003", "с 2003 года"): a year the item looks to or back at, not its own."""


_AHEAD = re.compile(
    r"\b(?:due|scheduled|planned|upcoming|forthcoming|to be held|will be held|will take place)\b"
    r"|(?<![а-яё])(?:намечен|запланирован|предстоящ|планируем|пройд[её]т\b|состоится)",
    re.IGNORECASE,
)
"""Words by which an item looks ahead to an event ("the session ... due in Yerevan in October
2016"): an event later in its year than the item's day is in the item's year."""


_NEXT_CHAIR = re.compile(
    r"\b(?:will|to|shall)\s+(?:chair|preside over|take over the chairmanship)\b"
    r"|(?:chairmanship|председательств\w*)\b.{0,60}\b(?:passes|will pass|goes to|is handed"
    r"|перейд[её]т|переходит|передается|будет передано)"
    r"|(?:passes|will pass|перейд[её]т|переходит|передается)\b.{0,40}\b(?:chairmanship"
    r"|председательств\w*)|будет председательствовать|примет председательство",
    re.IGNORECASE,
)
"""Words by which an item tells who chairs next year ("agreed that Russia will chair the
Commonwealth in 2024", "в 2019 году председательство в ОДКБ перейдет к Кыргызской
Республике"): the year named is the one after the item's."""
_CHAIR_CONTEXT = 60


def _stated_year(draft: _Draft, day: DateMatch) -> int | None:
    """The one year an item's words state apart from any full date, for a day written
    without one that nothing else dates; None when they state none, or several. A year
    stated with a later month of an event the item looks back at ("On 5 April, ... the
    decisions of the December (2016) session") is the year before the item's; of several,
    the one year of an event later in the year the item looks ahead to ("On 3 March, ...
    the session due in October 2016 and the chairmanship in 2017") is the item's."""
    years: set[int] = set()
    ahead: set[int] = set()
    later = False
    for text in (draft.title, *draft.body):
        spans = [(d.start, d.end) for d in find_dates(text) if d.year is not None]
        for found in _STATED_YEAR.finditer(text):
            if any(a <= found.start() < b for a, b in spans) or _TARGET_YEAR.search(
                text[max(0, found.start() - 20) : found.start()]
            ):
                continue
            end = found.group("end")
            if end is not None and int(end[-2:]) - int(found.group(1)[-2:]) > _SPAN_YEARS:
                continue
            before = text[max(0, found.start() - 60) : found.start()]
            sentence = text[max(0, found.start() - _CHAIR_CONTEXT) : found.end() + _CHAIR_CONTEXT]
            # the chair of the year after the item's, told of that year
            years.add(int(found.group(1)) - (1 if _NEXT_CHAIR.search(sentence) else 0))
            month = _MONTH_BEFORE.search(before)
            number = month_number(month.group(1)) if month else None
            later_month = number is not None and day.month is not None and number > day.month
            later = later or (later_month and _LOOKING_BACK.search(before) is not None)
            if later_month and _AHEAD.search(before):
                ahead.add(int(found.group(1)))
    if len(years) != 1:
        return ahead.pop() if len(ahead) == 1 else None
    return years.pop() + (1 if later else 0)


_PERIOD_TO_DATE = re.compile(
    r"\b(?P<first>[^\W\d_]+)\s?[-–—]\s?(?P<last>[^\W\d_]+)\s+(?P<year>(?:19|20)\d\d)\b"
)
"""A period of months of a year ("January-November 2015", "январь–ноябрь 2015 года")."""


def _period_to_date_year(draft: _Draft, day: DateMatch) -> int | None:
    """The year of a period of months that runs up to the item's yearless day ("DUSHANBE,
    November 27 ... seized in January-November 2015, a third more than in 2014"): the
    figures so far this year; None when the item gives no such period, or several years."""
    years = set()
    for text in (draft.title, *draft.body[:2]):
        for found in _PERIOD_TO_DATE.finditer(text):
            first, last = month_number(found["first"]), month_number(found["last"])
            if (
                first is not None and last is not None and day.month is not None
                and first < last and last in (day.month, day.month - 1)
            ):
                years.add(int(found["year"]))
    return years.pop() if len(years) == 1 else None


_STARTS_ON = re.compile(
    r"(?:\b(?:from|as of|starting|effective|beginning)|(?<![а-яё])(?:с|со))\s+$", re.IGNORECASE
)
"""Words before the full date something starts on ("назначен с 1 января 2018 года", "will
take office as of 1 January 2020"): a day after the item's."""
_STARTS_ON_CHARS = 12


def _year_before_start(draft: _Draft, day: DateMatch) -> int | None:
    """The year that puts a yearless day within the year before a full date the item says
    something starts on ("30 ноября ... назначен с 1 января 2018 года": 2017); None when it
    names no such date, or several."""
    starts = {
        found.iso()
        for text in (draft.title, *draft.body[:2])
        for found in find_dates(text)
        if found.year is not None
        and _STARTS_ON.search(text[max(0, found.start - _STARTS_ON_CHARS) : found.start])
    }
    if len(starts) != 1:
        return None
    start = starts.pop()
    if start is None:
        return None
    for year in (int(start[:4]), int(start[:4]) - 1):
        value = day.iso(default_year=year)
        if value is not None and 0 < (
            dt.date.fromisoformat(start) - dt.date.fromisoformat(value)
        ).days <= _HISTORY_DAYS:
            return year
    return None


_ANNIVERSARY = re.compile(r"anniversar|годовщин|\w+летие|\w+летия|\w+летию", re.IGNORECASE)
"""Words of an anniversary: the same day written in full with another year is the day it
marks ("15 May", the Treaty "signed on 15 May 1992"), not the item's."""


def _year_from_text(draft: _Draft, day: DateMatch) -> int | None:
    """The year of the same day and month written in full elsewhere in the item (unless
    the item marks an anniversary of that day)."""
    if any(_ANNIVERSARY.search(text) for text in (draft.title, *draft.body[:3])):
        return None
    for paragraph in draft.body:
        for found in find_dates(paragraph):
            if found.year is not None and (found.month, found.day) == (day.month, day.day):
                return found.year
    return None


_NAMED_EVENT_YEAR = re.compile(r"(?<=[^\W\d_])[-–]((?:19|20)\d\d)\b")
"""The year in an event's name ("Interaction-2024", "Боевое братство-2021", "Army-2022")."""


def _named_event_year(draft: _Draft) -> int | None:
    """The one year the events an item names carry in their names ("Joint exercises
    Interaction-2024, Search-2024 and Echelon-2024 have started"): the year they are held,
    so the item's; None when it names none, or events of several years."""
    years = {
        int(found.group(1))
        for text in (draft.title, *draft.body[:2])
        for found in _NAMED_EVENT_YEAR.finditer(text)
    }
    return years.pop() if len(years) == 1 else None


def _year_between(
    day: DateMatch, newer: str, older: str, stated: int | None = None
) -> int | None:
    """The year that puts `day` between the dates of the items around it, or None.

    In a dump in date order an item's neighbours bound its date: the year is one of
    theirs, or the one before the newer (after the older) across New Year. Of several such
    years, the one its events are named with (`stated`: "exercises Interaction-2024 have
    started" between items of September 2023 and November 2024); else neighbours far enough
    apart to leave it several years bound it only within a month of one of them ("16
    January" between items of 2018 and 2025 has no year from them).
    """
    fits = [
        year for year in range(int(older[:4]), int(newer[:4]) + 1)
        if (value := day.iso(default_year=year)) is not None and older <= value <= newer
    ]
    if len(fits) > 1 and stated in fits:
        return stated
    if len(fits) > 1:
        # neighbours years apart leave several years: only one within a month of either
        return _year_nearest(day, older, newer, within=(older, newer))
    return fits[0] if fits else None


_NEAR_DAYS = 31
"""How close a yearless day must fall to the date of the item above (or below) to take its
year: a channel's posts a few days apart ("Sep 30, 2025", then "October 3") in a dump of
mixed pages, or a story filed among the same month's news ("On 18 November" above a piece
of 27 November 2020, in a file whose blocks of weeks are out of order). Further apart, a
dump out of date order tells no year."""


def _year_near(day: DateMatch, above: str | None) -> int | None:
    """The year that puts `day` within a month of the date of the item above; None when that
    item is further away."""
    if above is None:
        return None
    near = dt.date.fromisoformat(above)
    for year in (near.year, near.year - 1, near.year + 1):
        value = day.iso(default_year=year)
        if value is not None and abs((dt.date.fromisoformat(value) - near).days) <= _NEAR_DAYS:
            return year
    return None


def _year_nearest(
    day: DateMatch, above: str | None, below: str | None,
    within: tuple[str, str] | None = None,
) -> int | None:
    """Of the items above and below within a month of `day`, the year of the nearer ("2
    декабря" between items of 18 December 2014 and 30 November 2022 is 2022's): the item
    above when both are as near. `within`: the first and last day the date may take."""
    low, high = within or ("0000", "9999")
    found = [
        (abs((dt.date.fromisoformat(value) - dt.date.fromisoformat(near)).days), year)
        for near in (above, below) if near is not None
        if (year := _year_near(day, near)) is not None
        and (value := day.iso(default_year=year)) is not None and low <= value <= high
    ]
    return min(found, key=lambda f: f[0])[1] if found else None


_IN_ORDER_SHARE = 0.8
"""The share of neighbouring dated items that must follow one direction for the dump to
count as listed in date order."""


def _dump_order(dated: list[str]) -> tuple[bool, bool]:
    """Whether a dump's dated items run newest first, and whether they run in date order
    at all.

    An item dated only by its event may sit out of place, so most neighbours, not all, must
    agree; each inferred year is still checked against both of its own neighbours
    (`_year_between`). One dated item tells no order: a page of two stories, "4 июня" over
    one of 12 June 2024, is not a year apart because newest-first would put it so.
    """
    pairs = list(itertools.pairwise(dated))
    if not pairs:
        return True, False
    down = sum(1 for a, b in pairs if a >= b)
    up = sum(1 for a, b in pairs if a <= b)
    newest_first = down >= _IN_ORDER_SHARE * len(pairs)
    return newest_first, newest_first or up >= _IN_ORDER_SHARE * len(pairs)


def _listed_date(draft: _Draft) -> str | None:
    """The date a dump lists an item under: its date line's when that is written in full
    (a site lists by publication, "30.05.2025" above "From 28 to 30 May ..."), else the
    item's own date."""
    if draft.date_line is not None:
        published = draft.date_line.date.iso()
        if published is not None:
            return published
    return _item_date(draft)


_EVENT_OF_TITLE = re.compile(
    r"\b(?:at|during) the ((?:meeting|session|summit|conference|round table|forum|plenary)\b.*)"
    r"|\b(?:на|в ходе) ((?:заседани|совещани|саммит|конференци|встреч|сесси|форум|круглом столе)"
    r".*)",
    re.IGNORECASE,
)
"""The event a speech's title names ("... at the meeting of the CSTO Council of Foreign
Ministers", "... на заседании Совета министров иностранных дел ОДКБ")."""
_EVENT_FORMAT = re.compile(
    r"\s+(?:in (?:the )?(?:narrow|restricted|extended|expanded|enlarged) format"
    r"|в (?:узком|расширенном|ограниченном) составе|в (?:узком|расширенном) формате)\b",
    re.IGNORECASE,
)
"""Which part of a meeting the speech was given at ("in narrow format"): the report of the
meeting names the meeting, not its parts."""
_EVENT_STOP_WORDS = frozenset("of the and in on for at to a an по и в на с о".split())
_EVENT_WORDS_MIN = 3
_EVENT_WORDS_SHARE = 0.75
_EVENT_NEIGHBOURS = 3
_STEM = 5


def _event_words(text: str) -> set[str]:
    """The words of a phrase that tell its event, each cut to its stem's length (Russian
    names an event in any case: "заседании", "заседание")."""
    return {
        w[:_STEM] for w in re.findall(r"[^\W\d_]+", text.casefold())
        if w not in _EVENT_STOP_WORDS
    }


def _event_dates(items: list[tuple[int, Item]]) -> list[tuple[int, Item]]:
    """Date an undated speech or statement by the item next to it in the dump that reports
    its event: the speeches given "at the meeting of the CSTO Council of Foreign Ministers"
    are filed beside the news of that meeting, which has its date. The nearest such item
    within a few places either side; none, and the date stays unknown."""
    dated = []
    for index, (line, item) in enumerate(items):
        event = _EVENT_OF_TITLE.search(item.title) if item.date is None else None
        words = (
            _event_words(_EVENT_FORMAT.sub("", event.group(event.lastindex or 0))) if event
            else set()
        )
        if item.kind not in ("speech", "statement") or len(words) < _EVENT_WORDS_MIN:
            dated.append((line, item))
            continue
        near = sorted(
            (k for k in range(index - _EVENT_NEIGHBOURS, index + _EVENT_NEIGHBOURS + 1)
             if 0 <= k < len(items) and k != index),
            key=lambda k: abs(k - index),
        )
        date = next(
            (
                items[k][1].date for k in near
                if items[k][1].date is not None and len(
                    words & _event_words(" ".join((items[k][1].title, *items[k][1].body[:1])))
                ) >= _EVENT_WORDS_SHARE * len(words)
            ),
            None,
        )
        dated.append((line, item if date is None else replace(
            item, date=date, id=make_id(date, item.title, item.body)
        )))
    return dated


_COPY_NEIGHBOURS = 2
"""How far from an agency's copy the item it copies may stand in a dump."""
_COPY_SHARED_PEOPLE = 2
_WEEK_DAYS = 6


def _weekday_dates(items: list[tuple[int, Item]]) -> list[tuple[int, Item]]:
    """Date an undated agency copy whose lead puts its event on a weekday ("BISHKEK
    (AKIpress) - ... met on Tuesday with ...") by the dated item beside it that reports the
    same meeting: the same two people or more. The copy's day is that weekday within a week
    of the other's date, nearest to it; no such neighbour, and the date stays unknown."""
    dated = []
    for index, (line, item) in enumerate(items):
        named = (
            _LEAD_WEEKDAY.search(_first_sentence(item.body[0]))
            if item.date is None and item.body else None
        )
        date = None
        if named is not None and len(item.participants) >= _COPY_SHARED_PEOPLE:
            weekday = _weekday_of(named)
            near = sorted(
                (k for k in range(index - _COPY_NEIGHBOURS, index + _COPY_NEIGHBOURS + 1)
                 if 0 <= k < len(items) and k != index),
                key=lambda k: abs(k - index),
            )
            other = next(
                (
                    items[k][1] for k in near
                    if items[k][1].date is not None and sum(
                        is_named_in(p.name, items[k][1].participants) for p in item.participants
                    ) >= _COPY_SHARED_PEOPLE
                ),
                None,
            )
            if other is not None and other.date is not None:
                reported = dt.date.fromisoformat(other.date)
                days = [reported + dt.timedelta(days=d) for d in range(-_WEEK_DAYS, _WEEK_DAYS + 1)]
                fits = [d for d in days if d.weekday() == weekday]
                date = min(fits, key=lambda d: abs((d - reported).days)).isoformat()
        if named is not None and date is None:
            date = _weekday_between(items, index, named)
        dated.append((line, item if date is None else replace(
            item, date=date, id=make_id(date, item.title, item.body)
        )))
    return dated


_DATED_REACH = 10
"""How many places either side an undated copy looks for the dated items around it."""


def _weekday_of(named: re.Match[str]) -> int:
    """The weekday (Monday 0) a lead's "on Wednesday" / "в среду" names."""
    word = (named.group(1) or named.group(2)).casefold()
    return next(days.index(word) for days in _WEEKDAYS if word in days)


def _weekday_between(items: list[tuple[int, Item]], index: int, named: re.Match[str]) -> str | None:
    """The one day of the weekday a lead names ("arrived in Minsk on Wednesday evening")
    between the dates of the items right above and below it, when those lie within a week
    of each other (a dump of those days' news); else None."""
    weekday = _weekday_of(named)
    # the nearest dated items within a few places: a dump of thousands of undated posts
    # must not make each look through all the others
    above = next(
        (items[k][1].date for k in range(index - 1, max(index - _DATED_REACH, 0) - 1, -1)
         if items[k][1].date),
        None,
    )
    below = next(
        (items[k][1].date for k in range(index + 1, min(index + _DATED_REACH + 1, len(items)))
         if items[k][1].date),
        None,
    )
    if above is None or below is None:
        return None
    low, high = sorted((dt.date.fromisoformat(above), dt.date.fromisoformat(below)))
    if (high - low).days > _WEEK_DAYS:
        return None
    fits = [
        low + dt.timedelta(days=d) for d in range((high - low).days + 1)
        if (low + dt.timedelta(days=d)).weekday() == weekday
    ]
    return fits[0].isoformat() if len(fits) == 1 else None


def _default_years(
    drafts: list[_Draft], banners: list[tuple[int, str]] | None = None
) -> list[int | None]:
    """For each draft, the year its yearless date takes: from its own text, else from the
    nearest items that have a full date (or a dated banner of the dump's between them, "===
    exported 15.12.2023, newest first ==="): the year that puts it between them when the
    dump lists its items in date order, else the year of a neighbour within a month, else
    the one year its words state, else the year both neighbours share; None when nothing
    tells (never the import's year). A day its neighbours date dates the yearless days after
    it in turn (a channel's posts a few weeks apart each)."""
    own = [_listed_date(d) for d in drafts]
    newest_first, in_order = _dump_order([d for d in own if d is not None])
    # the dated lines in line order: items' own dates and banners', filled in as inferred
    seen: list[tuple[int, int, str | None]] = sorted(
        [(d.line, k, own[k]) for k, d in enumerate(drafts)]
        + [(line, -1, date) for line, date in banners or []]
    )
    place = {k: at for at, (_, k, _) in enumerate(seen) if k >= 0}
    # where in `seen` a date stands, kept sorted: the nearest dated line either side is a
    # bisection, so a dump of thousands of yearless posts is not quadratic
    dated = [at for at, (_, _, d) in enumerate(seen) if d is not None]
    years: list[int | None] = []
    for index, draft in enumerate(drafts):
        day = _yearless_date(draft)
        if day is None:
            years.append(None)
            continue
        year = _year_from_text(draft, day)
        chained = False
        here = place[index]
        at = bisect.bisect_left(dated, here)
        before = seen[dated[at - 1]][2] if at > 0 else None
        at = bisect.bisect_right(dated, here)
        after = seen[dated[at]][2] if at < len(dated) else None
        if year is None:
            if in_order and before is not None and after is not None:
                # bounded on both sides; one neighbour alone (the dump's first or last
                # dated item) bounds no year: the days after it run on for years
                newer, older = (before, after) if newest_first else (after, before)
                year = _year_between(day, newer, older, _named_event_year(draft))
            if year is None:
                # within a month of the item above, else of the one below (a dump's first
                # posts have nothing above them), across New Year too ("15 января" among
                # items of December 2020 is 2021)
                year = _year_nearest(day, before, after)
            # a year from the neighbours dates the next yearless day in turn
            chained = year is not None
            if year is None:
                # the year the item's own words state ("завершит председательство
                # Таджикистана в 2015 году"), before a guess from neighbours out of order
                year = (
                    _period_to_date_year(draft, day) or _stated_year(draft, day)
                    or _year_before_start(draft, day)
                )
                if (
                    year is not None and in_order and before is not None and after is not None
                    and (before >= after) == newest_first  # the two in the dump's order
                ):
                    # in a dump in date order the item lies near its neighbours: a year its
                    # words state years away from them is history it tells ("over 2008
                    # events" between items of 2017 and 2019)
                    low, high = sorted((int(before[:4]), int(after[:4])))
                    year = year if low - 1 <= year <= high + 1 else None
            if year is None and before is not None and after is not None:
                # out of date order, between two items of one year: that year
                year = int(before[:4]) if before[:4] == after[:4] else None
        around = {int(d[:4]) for d in (before, after) if d is not None}
        year = _on_its_weekday(draft, day, year, around, in_order)
        years.append(year)
        if chained and year is not None:
            seen[here] = (draft.line, index, day.iso(default_year=year))
            at = bisect.bisect_left(dated, here)
            if seen[here][2] is not None and (at == len(dated) or dated[at] != here):
                dated.insert(at, here)
    return years


_REPORTED_ON = re.compile(r"\bon\s+$", re.IGNORECASE)
"""The "on" that puts an event on a day in an English lead ("... said this on October 21")."""
_LEAD_VERB_AFTER = 20
"""How near after a date a Russian lead's verb stands ("... 14 февраля с.г. принял ...")."""


def _lead_date(draft: _Draft) -> DateMatch | None:
    """The day the item's lead reports: its opening date or weekday date (`event_date`,
    after the emoji a post opens with); for an item without a date line, also the day its
    first sentence puts the event on ("... arrived in Dushanbe on March 10", "Шавкат
    Мирзиёев 14 февраля с.г. принял ...")."""
    if not draft.body:
        return None
    return _lead_day(draft.body[0], draft.date_line is not None)


@functools.lru_cache(maxsize=1024)
def _lead_day(paragraph: str, dated: bool) -> DateMatch | None:
    """`_lead_date` of a lead paragraph, for an item with a date line (`dated`) or without;
    an item's date is asked for more than once, so the answer is kept."""
    lead = _without_pictographs(paragraph)
    found = event_date(lead)
    if found is not None or dated:
        return found
    sentence = _first_sentence(lead)
    for day in find_dates(sentence):
        after = sentence[day.end : day.end + _LEAD_VERB_AFTER]
        if _REPORTED_ON.search(sentence[: day.start]) or (
            re.match(r"\s*[а-яё]", after) and lexicon.NEWS_LEAD_VERBS.search(after)
        ):
            return day
    return None


def _ahead_of_its_closing(draft: _Draft, value: str) -> bool:
    """Whether the day a statement's lead opens with comes after the place and date it
    closes with ("15 мая 2022 года исполняется 30 лет ...", signed "г. Санкт-Петербург, 13
    мая 2022 года"): the lead looks ahead, and the statement is of its closing day."""
    closing = draft.date_line.date.iso() if draft.date_line is not None else None
    if closing is None or not draft.body or value <= closing:
        return False
    last = parse_date_line(draft.body[-1])
    return last is not None and last.date.iso() == closing


def _item_date(draft: _Draft, default_year: int | None = None) -> str | None:
    """Opening date of the first paragraph, or the day its first sentence names with a
    weekday (`event_date`; its year from the date line when the text says "this year" or
    omits it); else the date line; else the day the text says the event was held on
    (`_held_date`), or the full date the lead's first sentence gives; else None, never a
    guess.

    `default_year` is the year for a date written without one when the item itself
    gives none (`_default_years`)."""
    line_year = None
    if draft.date_line is not None:
        line_year = draft.date_line.date.year
    year = line_year if line_year is not None else default_year
    if draft.date_line is not None and names_a_digest(draft.title):
        # a digest's own date line, not the day its first entry opens with
        return draft.date_line.date.iso(default_year=default_year)
    if draft.body:
        opening = _lead_date(draft)
        if opening is not None:
            value = opening.iso(default_year=year) or _nearest_to_lead(opening, draft.body[0])
            if value is not None and not _long_before(value, draft.date_line) and not (
                _interview_under_date_line(draft, value)
            ) and not _ahead_of_its_closing(draft, value):
                return value
    if draft.date_line is not None:
        return draft.date_line.date.iso(default_year=default_year)
    held = _held_date(draft)
    if held is not None:
        return held.iso(default_year=default_year)
    noted = _title_date(_source_note(draft.body))  # "(From the speech of ..., 3 February 2026)"
    if noted is not None:
        return noted.date.iso()
    lead = lead_sentence_date(draft.body[0]) if draft.body else None
    return lead.iso(default_year=default_year) if lead is not None else None


def _interview_under_date_line(draft: _Draft, opening: str) -> bool:
    """Whether an interview's full date line, not the day its introduction opens with, dates
    it: "16 January 2020", then "On 1 January, Stanislav Zas took office ... In his first
    interview ...": the day the interview was given or published, the opening its background."""
    published = draft.date_line.date.iso() if draft.date_line is not None else None
    return (
        published is not None and published != opening
        and _kind(draft.title, draft.body) == "interview"
    )


def _nearest_to_lead(day: DateMatch, lead: str) -> str | None:
    """A yearless opening day ("On 5 April, ...") in the year that puts it nearest the full
    date its lead names ("... to be held in Astana on 3-4 July 2024"): the item states the
    year itself."""
    full = lead_sentence_date(lead)
    if full is None or full.year is None or full.iso() is None:
        return None
    named = dt.date.fromisoformat(str(full.iso()))
    values = [day.iso(default_year=y) for y in (full.year, full.year - 1, full.year + 1)]
    dates = [dt.date.fromisoformat(v) for v in values if v is not None]
    return min(dates, key=lambda d: abs((d - named).days)).isoformat() if dates else None


_HISTORY_DAYS = 366
"""How much older than its full date line an item's opening date may be and still be the
day of its event; an older one is history the item recalls."""


def _long_before(value: str, date_line: DateLine | None) -> bool:
    """Whether an opening date lies more than a year before the item's full date line: a
    statement on an anniversary opening "On 15 May 1992, the Treaty was signed" under
    "15.05.2026" is dated by its date line."""
    published = date_line.date.iso() if date_line is not None else None
    if published is None:
        return False
    return (dt.date.fromisoformat(published) - dt.date.fromisoformat(value)).days > _HISTORY_DAYS


def _held_date(draft: _Draft) -> DateMatch | None:
    """For an item with neither a date line nor a dated lead, the day its text says the
    event was held ("В заседании приняли участие ...", then "Заседание прошло 24 ноября
    в Москве"): the first paragraph that says so."""
    for paragraph in draft.body[:3]:
        held = held_date(paragraph)
        if held is not None:
            return held
    return None


def _to_item(draft: _Draft, source: str, default_year: int | None) -> Item | None:
    return press_item(draft.title, draft.body, source, draft.date_line, default_year=default_year)


_CAPITALS_SPEAKER = re.compile(r"(?P<name>[^\W\d_]+(?:[ -][^\W\d_]+){1,2}):\s")
"""The speaker a headline in capitals quotes ("ИМАНГАЛИ ТАСМАГАМБЕТОВ: «...»")."""
_QUOTE_HEAD_CHARS = 20


def _speaker_cased(title: str) -> str:
    """A headline in capitals with the speaker it quotes written as a name ("Имангали
    Тасмагамбетов: «ОДКБ НЕ ...»"), so that the name is found; any other title as it is."""
    speaker = _CAPITALS_SPEAKER.match(title)
    if speaker is None or not speaker["name"].isupper():
        return title
    if any(c.islower() for c in title[speaker.end() : speaker.end() + _QUOTE_HEAD_CHARS]):
        return title  # "NATO: Allies agree ...": an acronym over a headline in lowercase
    return speaker["name"].title() + title[speaker.end("name") :]


def press_item(
    title: str,
    body: list[str],
    source: str,
    date_line: DateLine | None = None,
    item_id: str | None = None,
    default_year: int | None = None,
) -> Item | None:
    """One item from its parts, by the rules of raw press text: date, kind, people, language.

    Raw text finds the parts by splitting a dump; a web page (`store.ingest.web.pages`) by
    extraction, with the page's own date as the date line. None when there is no title and
    no text to make one from. `item_id` replaces the date-and-title id (a web page is
    identified by its canonical URL). `default_year` is the year for a date written
    without one ("7 March, 11:05") when the item gives none: the neighbouring items' year.
    """
    draft = _Draft(title=title, date_line=date_line, body=body)
    body = [p for p in draft.body if p]
    title = draft.title or (derive_title(body[0]) if body else "")
    if not title:
        return None
    date = _item_date(draft, default_year)
    text_for_people = ([_speaker_cased(draft.title)] if draft.title else []) + body
    participants = tuple(find_participants(text_for_people))
    places = (draft.date_line.place,) if draft.date_line and draft.date_line.place else ()
    language = "ru" if is_cyrillic_text(title + " " + " ".join(body[:3])) else "en"
    return Item(
        id=item_id or make_id(date, title, body),
        date=date,
        kind=_kind(title, body),
        title=" ".join(title.split()),
        body=tuple(body),
        participants=participants,
        places=places,
        language=language,
        source=source,
    )


def parse_text(text: str, source: str) -> list[Item]:
    """Split raw press text into items.

    A one-paragraph item opening with its date is an item on its own; a short line without
    a final period, followed by a date line or by paragraphs, starts a titled item that
    runs until the next item starts.
    """
    return [item for _, item in parse_text_by_line(text, source)]


def parse_text_by_line(text: str, source: str) -> list[tuple[int, Item]]:
    """`parse_text`, each item with the line it starts on (errors about an item name it)."""
    source = printable(source)  # a file name is data too
    normal = normalise_text(text)
    blocks, numbers, blank_lines_separate = _lines(normal)
    drafts: list[_Draft] = []
    if blank_lines_separate:
        for block, block_numbers in _joined_fragments(blocks, numbers):
            hard = not _holds_several_items(block)
            drafts.extend(_split_block(block, block_numbers, hard_block=hard))
    else:
        drafts = _split_block(
            [line for block in blocks for line in block],
            [number for block in numbers for number in block],
            hard_block=False,
            unspaced=len(blocks) == 1,
        )
    drafts = [
        d for d in _section_dates(_repeated_closing_lines(_closing_date_lines(drafts)))
        if d.body or d.title or d.date_line is None  # a stray date line with nothing under it
    ]
    for draft in drafts:
        _drop_trailing_page_lines(draft)
        _untitle_channel_post(draft)
        _join_signature_table(draft)
    drafts = _newsletter_stories(_without_mastheads(drafts))
    for draft in drafts:
        if draft.title and (draft.date_line is None or is_document_number(draft.date_text)):
            # "Remarks ..., Minsk, 14 May 2026" over "1987-09-10-2026": the day delivered
            draft.date_line = (
                _document_date(draft.title) or _masthead_date(draft)
                or _place_and_day_in_title(draft.title) or draft.date_line
                or _opening_title_date(draft.title) or digest_date(draft.title)
            )
        elif draft.dated_above:
            # "19 November 2021" over "Statement ... at the 1346th meeting of the Permanent
            # Council, 18 November 2021": the document's issue, then the day it was delivered
            draft.date_line = _title_date(draft.title) or draft.date_line
        draft.date_line = _american_date(draft) or draft.date_line
    _posts_under_their_day(drafts)
    items = []
    banners = _dated_banners(normal)
    for draft, default_year in zip(drafts, _default_years(drafts, banners), strict=True):
        item = _to_item(draft, source, default_year)
        if item is not None:
            items.append((draft.line, item))
    items = _weekday_dates(_event_dates(items))
    people = resolve_addresses([item.participants for _, item in items])
    return [
        (line, item if found == item.participants else replace(item, participants=found))
        for (line, item), found in zip(items, people, strict=True)
    ]
