"""Finding the people a press paragraph names, with their role and organisation as written.

Rules and small word lists (see `store.text.lexicon`), no statistical model: press items name
people in a few fixed shapes. A name ends a run of capitalised words that began with a
role ("the CSTO Secretary General Imangali Tasmagambetov"), or is followed by one
("Khasan Sultonov, Permanent Representative of ..."), or starts with a known first name,
or carries initials ("K.M.Sadykov", "И.Тасмагамбетов").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import accumulate

from store.model import Participant
from store.text import lexicon
from store.text.names import same_first_name
from store.text.russian import is_first_name, is_governed_word, plural_role_singular

_TOKEN = re.compile(
    r"(?P<initials>(?<![\w.])(?:[A-ZА-ЯЁ][a-zа-яё]?\.-?\s?){1,3}[A-ZА-ЯЁ][\w'’\-]*[\w])"
    # "Хренин В.Г.": initials after a surname; a single one only before a list's comma or
    # a lowercase word, since "Ван И." ends a sentence with a one-letter given name
    r"|(?P<postinitials>(?<=[а-яё] )(?:[А-ЯЁ]\.\s?){2}(?=[\s,;:)]|$)"
    # "Mukanov T.K. – Deputy Secretary General": in English only in such a list, before
    # the dash, since "Washington D.C." is a place
    r"|(?<=[a-z] )(?:[A-Z]\.){2}(?=\s[-–—]\s)"
    r"|(?<=[а-яё] )[А-ЯЁ]\.(?=[,;:)]|\s+[а-яё]))"
    r"|(?P<word>[^\W\d_][\w'’\-]*[^\W_]|[^\W\d_])"
    r"|(?P<punct>[,;:()\[\].!?])"
    r"|(?P<quote>[\"“”«»„])"
    r"|(?P<dash>\s[-–—]\s)"
)
_COUNTRY_INITIALS = re.compile(r"(?:U\.S\.|U\.K\.|U\.N\.|E\.U\.)\s?")
"""A country or union written with full stops, which a name's initials look like."""
_WORD_AS_INITIAL = re.compile(r"^([^\W\d_]{2})\.\s?")
_SHORT_WORDS = frozenset(
    "да нет но не ни на по из от до за со во ко ну же ли то ок "
    "so no ok by to on in at of or is it us we he my up as an am be do go if me".split()
)
"""Two-letter words that may end a sentence before a capitalised word, and so read as an
initial and a surname."""
_HONORIFIC_INITIALS = re.compile(r"^(?:Mr|Ms|Dr|St|Mrs|Jr|Sr|H\.E|Hon|Prof|No)\.", re.I)


@dataclass(frozen=True)
class _Token:
    text: str
    kind: str
    start: int
    end: int

    @property
    def key(self) -> str:
        return self.text.casefold()

    @property
    def cyrillic(self) -> bool:
        first = self.text[:1]
        return "А" <= first <= "я" or first in "Ёё"

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()


def _tokens(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup or "word"
        value = m.group()
        if kind == "initials" and _HONORIFIC_INITIALS.match(value):
            # "Mr. Norov", "H.E. Tokayev": split the honorific off and keep the name.
            head = _HONORIFIC_INITIALS.match(value)
            assert head is not None
            tokens.append(_Token(head.group(), "word", m.start(), m.start() + head.end()))
            rest = value[head.end() :].lstrip()
            if rest:
                offset = m.end() - len(rest)
                tokens.extend(_tokens_shifted(rest, offset))
            continue
        country = _COUNTRY_INITIALS.match(value) if kind == "initials" else None
        if country is not None:
            # "U.S. Representative": the country, not a person's initials
            tokens.append(_Token(country.group().strip(), "word", m.start(), m.start() + 4))
            tokens.extend(_tokens_shifted(value[country.end() :], m.start() + country.end()))
            continue
        word = _WORD_AS_INITIAL.match(value) if kind == "initials" else None
        if word is not None and word.group(1).casefold() in _SHORT_WORDS:
            # "Официальный представитель: Да. Центр проведет ...": a word ending a
            # sentence, not a two-letter initial ("Дж. Байден")
            tokens.append(_Token(word.group(1), "word", m.start(), m.start() + 2))
            tokens.append(_Token(".", "punct", m.start() + 2, m.start() + 3))
            tokens.extend(_tokens_shifted(value[word.end() :], m.start() + word.end()))
            continue
        if kind == "word" and value[-2:] in ("'s", "’s"):
            # "Ban Ki-moon's message": the name without the possessive
            tokens.append(_Token(value[:-2], kind, m.start(), m.end() - 2))
            continue
        tokens.append(_Token(value.strip(), kind, m.start(), m.end()))
    return tokens


def _tokens_shifted(text: str, offset: int) -> list[_Token]:
    return [_Token(t.text, t.kind, t.start + offset, t.end + offset) for t in _tokens(text)]


# -- what a token is --------------------------------------------------------------------


_NOT_ROLES_CYR = (
    "секретариат", "председательств", "руководств", "представительств", "посольств", "главе",
    "командировк",
)
"""Words sharing a role's stem that name a body or an act, not a post: "под
председательством Министра" (chaired by), "при руководстве", "представительство", "во
главе с" (headed by)."""


_PLURAL_ROLES = frozenset(
    "ministers secretaries representatives heads chiefs deputies directors presidents "
    "ambassadors chairmen envoys commissioners delegates advisers advisors".split()
)
"""Roles in the plural, heading a list of the people who hold them ("Deputy Foreign
Ministers A (Russia), B (Kazakhstan)")."""


def _is_role(token: _Token) -> bool:
    if token.key.startswith(_NOT_ROLES_CYR):
        return False
    if token.cyrillic:
        return lexicon.has_stem(token.text, lexicon.ROLE_STEMS)
    return token.key in lexicon.ROLE_WORDS or all(
        part in lexicon.ROLE_WORDS for part in token.key.split("-") if part
    )


def _is_role_adjective(token: _Token) -> bool:
    """A Russian role's adjective ("Постоянный", "Генерального"): a role's word, not its head."""
    return token.cyrillic and lexicon.has_stem(token.text, lexicon.ROLE_ADJECTIVE_STEMS)


def _is_role_head(token: _Token) -> bool:
    if token.key.startswith(_NOT_ROLES_CYR):
        return False
    if token.cyrillic:
        return lexicon.has_stem(token.text, lexicon.ROLE_STEMS) and not _is_role_adjective(token)
    return token.key in lexicon.ROLE_HEADS or token.key in _PLURAL_ROLES or any(
        part in lexicon.ROLE_HEADS for part in token.key.split("-")
    )


def _is_rank(token: _Token) -> bool:
    return token.key in lexicon.RANKS or all(p in lexicon.RANKS for p in token.key.split("-"))


def _is_honorific(token: _Token) -> bool:
    return token.key in lexicon.HONORIFICS or token.key.rstrip(".") in lexicon.HONORIFICS


def _is_place(token: _Token) -> bool:
    """A country or place word ("Kazakhstan", "Армения")."""
    if token.cyrillic:
        return lexicon.has_stem(token.text, lexicon.PLACE_STEMS)
    return token.key in lexicon.PLACE_WORDS


def _is_first_name(token: _Token) -> bool:
    if token.kind != "word":
        return False
    if token.cyrillic:
        return lexicon.is_listed_first_name_cyr(token.key) or (
            token.capitalised and is_first_name(token.text)
        )
    return token.key in lexicon.FIRST_NAMES or token.key.split("-")[0] in lexicon.FIRST_NAMES


def _is_nameish(token: _Token) -> bool:
    """Could this token be part of a person's name (not a role, place, org or stopword)?"""
    if token.kind in ("initials", "postinitials"):
        return True
    if token.kind != "word" or not token.capitalised:
        return False
    letters = [c for c in token.text if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return False  # an acronym: CSTO, UNAMA, ОДКБ
    if token.cyrillic:
        if token.key in lexicon.FIRST_NAMES_CYR_SET:
            return True
        return not lexicon.has_stem(token.text, lexicon.NAMED_THING_STEMS) and token.key not in (
            "в", "на", "с"
        )
    if _is_first_name(token):
        return True
    key = token.key
    parts = [p for p in re.split(r"[-'’]", key) if p]
    for words in (
        lexicon.ROLE_WORDS, lexicon.RANKS, lexicon.HONORIFICS, lexicon.ORG_WORDS,
        lexicon.PLACE_WORDS, lexicon.STOP_CAPITALS,
    ):
        if key in words or key.rstrip(".") in words:
            return False
        if words is lexicon.ORG_WORDS and key.endswith("s") and key[:-1] in words:
            return False  # "Departments", "Operations": an organisation's word in the plural
        if len(parts) > 1 and all(p in words for p in parts):
            return False
    return not key.endswith("'s")


def _is_phrase_part(token: _Token) -> bool:
    """May this token sit inside a run of role, organisation and name words?"""
    if token.kind in ("initials", "postinitials", "quote", "dash"):
        return True
    if token.kind != "word":
        return False
    if token.capitalised or token.key in _FATHERS_NAME_PARTICLES:
        return True
    if token.cyrillic:
        return token.key in lexicon.CONNECTORS_CYR or _is_portfolio(token) or _is_rank_cyr(
            token
        ) or lexicon.has_stem(token.text, lexicon.NAMED_THING_STEMS)
    return (
        token.key in lexicon.CONNECTORS
        or token.key in lexicon.ROLE_WORDS
        or token.key in lexicon.ORG_NOUNS_LOWER
    )


# -- finding people ------------------------------------------------------------------------


@dataclass(frozen=True)
class _Mention:
    name: str
    role: str
    organisation: str
    start: int
    single: bool
    """Only a surname ("Minister Kneissl"): merged into a fuller mention when one exists."""


def _lowercase_head(token: _Token) -> bool:
    """A Russian role written in lowercase ("начальник", "заместителем"), whose phrase runs
    on in lowercase words ("начальник отдела по противодействию вызовам и угрозам")."""
    return (
        token.cyrillic and not token.capitalised and _is_role_head(token)
        and not _is_rank_cyr(token)
    )


def _keeps_chain(token: _Token) -> bool:
    """Whether a Russian role's phrase goes on through this word: a word it governs, an
    organisation's or place's word, "по" or "и"; not a name, a rank or another preposition
    ("в ходе встречи" is prose)."""
    if token.kind != "word" or not token.cyrillic or _is_rank_cyr(token):
        return False
    if token.key in lexicon.CONNECTORS_CYR:
        return token.key in ("по", "и")
    if token.capitalised:
        return not _is_nameish(token)
    return True


def _stretches(tokens: list[_Token]) -> list[tuple[int, int]]:
    """Index ranges of maximal runs of phrase tokens, split at punctuation and prose.

    After a Russian role, the lowercase words it governs ("начальник отдела по вопросам
    военного сотрудничества", "директор Института стран СНГ") stay in its run, whatever
    the word lists say, until a name, a rank or prose.
    """
    spans: list[tuple[int, int]] = []
    start: int | None = None
    chain = False
    for i, token in enumerate(tokens):
        governed = (
            chain and token.kind == "word" and not token.capitalised
            and is_governed_word(token.key)
        )
        if governed or _is_phrase_part(token):
            if start is None:
                start = i
            chain = (
                token.kind == "word" and token.cyrillic and _is_role_head(token)
                and not _is_rank_cyr(token)
            ) or (chain and _keeps_chain(token))
        elif start is not None:
            spans.append((start, i))
            start = None
            chain = False
    if start is not None:
        spans.append((start, len(tokens)))
    return spans


def _name_runs(tokens: list[_Token], lo: int, hi: int) -> list[tuple[int, int]]:
    """Runs of name words; a lowercase particle between a first name and a surname
    ("Pierre von Hoffmann", "Ursula von der Leyen") stays inside its name."""
    runs: list[tuple[int, int]] = []
    i = lo
    while i < hi:
        if _is_nameish(tokens[i]):
            j = i
            while j < hi:
                if _is_nameish(tokens[j]):
                    j += 1
                    continue
                k = j
                while k < hi and tokens[k].key in lexicon.NAME_PARTICLES:
                    k += 1
                if k == j or k >= hi or not _is_nameish(tokens[k]) or not tokens[k].capitalised:
                    break
                if not any(_is_first_name(t) for t in tokens[i:j]):
                    break  # "Office de ...": only a known first name opens such a name
                j = k
            runs.append((i, j))
            i = j
        else:
            i += 1
    return runs


def _strip_edges(tokens: list[_Token]) -> list[_Token]:
    """Drop connectors, quotes left unpaired and dashes from both ends of a phrase."""
    edge = {"the", "and", "of", "a", "an", "with", "by", "to", "at", "in", "for", "on"}
    edge |= lexicon.CONNECTORS_CYR
    while tokens and (tokens[0].key in edge or tokens[0].kind == "dash"):
        tokens = tokens[1:]
    while tokens and (tokens[-1].key in edge or tokens[-1].kind == "dash"):
        tokens = tokens[:-1]
    return tokens


_TIME_WORDS = frozenset(
    "today yesterday tomorrow earlier later meanwhile on monday tuesday wednesday thursday"
    " friday saturday sunday сегодня вчера завтра".split()
)
"""Words of time a sentence may open with before a post ("Today the Chief of the CSTO Joint
Staff, Colonel General Andrey Serdyukov, held ...")."""


def _after_time_words(tokens: list[_Token]) -> list[_Token]:
    """A phrase without the words of time (and a comma after them) it opens with."""
    k = 0
    while k < len(tokens) and (tokens[k].key in _TIME_WORDS or (k and tokens[k].text == ",")):
        k += 1
    return tokens[k:] if k < len(tokens) else tokens


def _span_text(text: str, tokens: list[_Token]) -> str:
    if not tokens:
        return ""
    return " ".join(text[tokens[0].start : tokens[-1].end].split()).strip(" ,;:")


def _is_portfolio(token: _Token) -> bool:
    if token.cyrillic:
        return token.key in ("дел", "сил") or lexicon.has_stem(
            token.text, lexicon.PORTFOLIO_STEMS
        )
    return token.key in lexicon.PORTFOLIO_WORDS


def _portfolio_end(phrase: list[_Token], at: int) -> int:
    """The last index of a portfolio that starts at `at` ("of [the] Foreign Affairs", "for
    Peace Operations", "of the Secretary-General", "иностранных дел"), or `at - 1` when
    none does. An English portfolio runs to the next "of"/"for" and is all portfolio or
    role words; "of the Russian Federation" is an organisation, and a region ("for the
    Middle East, Asia and the Pacific") may run on past the phrase, so neither is taken."""
    if at >= len(phrase):
        return at - 1
    if phrase[at].cyrillic:
        end = at - 1
        while end + 1 < len(phrase) and (
            _is_portfolio(phrase[end + 1])
            or (
                # "по чрезвычайным ситуациям", "Министр экономики и финансов"
                phrase[end + 1].key in ("по", "и") and end + 2 < len(phrase)
                and _is_portfolio(phrase[end + 2])
            )
        ):
            end += 1
        return end
    link = phrase[at].key
    if link == "in" and [t.key for t in phrase[at + 1 : at + 3]] == ["charge", "of"]:
        at, link = at + 2, "of"  # "Minister in charge of Transport and Infrastructure"
    if link == "on":
        return _topic_end(phrase, at)
    if link not in ("of", "for"):
        return at - 1
    j = at + 1
    if j < len(phrase) and phrase[j].key == "the":
        j += 1
    k = j
    while k < len(phrase) and phrase[k].kind == "word" and phrase[k].key not in ("of", "for"):
        if phrase[k].key == "and" and _second_post_of_a_body(phrase, k + 1):
            break  # "of the Secretary-General and Head of the UN Regional Centre"
        k += 1
    words = phrase[j:k]
    if not words or not all(_is_portfolio(t) or _is_role(t) or t.key == "and" for t in words):
        return at - 1
    if all(_is_role(t) and not _is_portfolio(t) for t in words) and not any(
        _is_role_head(t) for t in words
    ):
        return at - 1  # "of the Permanent ...": adjectives only, no portfolio
    return k - 1


def _before_a_role(phrase: list[_Token], at: int) -> bool:
    """Whether the role adjective at `at` goes with a role's noun after it ("Чрезвычайный и
    Полномочный Посол") or with the portfolio the role governs ("Генерального штаба"), not
    with a body's ("Постоянной комиссии")."""
    k = at
    while k < len(phrase) and (_is_role_adjective(phrase[k]) or phrase[k].key == "и"):
        k += 1
    return k < len(phrase) and (_is_role_head(phrase[k]) or _is_portfolio(phrase[k]))


_CALENDAR = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "may june july august september october november december".split()
)


def _topic_end(phrase: list[_Token], at: int) -> int:
    """The last index of the topic an envoy's post is "on" ("Representative on Freedom of
    the Media", "High Commissioner on National Minorities"): capitalised words, with "of
    the" and "and" between them, up to an organisation's acronym; `at - 1` when none (nor
    a day: "the Minister on Tuesday")."""
    k = at + 1
    while k < len(phrase) and phrase[k].kind == "word" and not _is_acronym(phrase[k]) and (
        phrase[k].capitalised or phrase[k].key in ("of", "the", "and")
    ):
        k += 1
    while k > at + 1 and phrase[k - 1].key in ("of", "the", "and"):
        k -= 1
    words = phrase[at + 1 : k]
    if not words or words[0].key in _CALENDAR or not words[0].capitalised:
        return at - 1
    return k - 1


def _second_post_of_a_body(phrase: list[_Token], at: int) -> bool:
    """Whether the role word at `at`, after "and", heads a second post with a body of its
    own ("Special Representative of the Secretary-General and Head of the UN Regional
    Centre ..."), not a portfolio ("... and Minister of Foreign Affairs") nor a role's
    second adjective ("Extraordinary and Plenipotentiary")."""
    if at >= len(phrase) or phrase[at].cyrillic or not _is_role_head(phrase[at]):
        return False
    return (
        at + 1 < len(phrase) and phrase[at + 1].key == "of"
        and _portfolio_end(phrase, at + 1) <= at
    )


def _role_end(phrase: list[_Token], first: int) -> int:
    """The last index of the role that starts its head at `first`: its role words, the
    portfolio they govern ("Minister of Foreign Affairs", "Министр иностранных дел"), and
    a second role joined by a dash ("Deputy Prime Minister – Minister of Foreign Affairs",
    "начальник Генерального штаба ... – первый заместитель Министра обороны")."""
    end = first
    while end + 1 < len(phrase):
        nxt = phrase[end + 1]
        # "Ambassador Extraordinary and Plenipotentiary", "Чрезвычайный и Полномочный Посол"
        joined = nxt.key in ("and", "и") and end + 2 < len(phrase) and _is_role(phrase[end + 2])
        if _is_role_adjective(nxt) and not _before_a_role(phrase, end + 1):
            break  # "Председателем Постоянной комиссии": the adjective is the body's
        if joined and _second_post_of_a_body(phrase, end + 2):
            break
        if joined or (_is_role(nxt) and not (nxt.cyrillic and _is_rank_cyr(nxt))):
            end += 1
        elif _portfolio_end(phrase, end + 1) > end:
            end = _portfolio_end(phrase, end + 1)
        elif (
            nxt.kind == "dash" and end + 2 < len(phrase)
            and any(_is_role_head(t) for t in phrase[end + 2 : end + 5])
            and all(_is_role(t) for t in phrase[end + 2 : end + 3])
        ):
            end += 1
        else:
            break
    return end


_RANK_CYR = re.compile(
    r"(?:генерал(?:-(?:майор|лейтенант|полковник))?|полковник|подполковник|майор|лейтенант"
    r"|капитан|адмирал|вице-адмирал|контр-адмирал|маршал)(?:а|у|ом|е)?|армии"
)
"""Russian military ranks in any case form ("генерал-майор", "генерала армии")."""


def _is_rank_cyr(token: _Token) -> bool:
    return not token.capitalised and _RANK_CYR.fullmatch(token.key) is not None


_GENRE_WORDS = frozenset(
    "interview speech address statement message remarks article greetings congratulations "
    "answer answers comment lecture".split()
)
"""A headline's first word naming the kind of piece ("Interview of ..."): not part of the
organisation that follows it."""


def _second_role(after: list[_Token]) -> tuple[int, int] | None:
    """In what follows a role, a second role after a dash ("Executive Committee – Executive
    Secretary of the CIS", "Исполнительного комитета – Исполнительный секретарь СНГ"): the
    dash's index and the second role's last, or None."""
    dash = next((i for i, t in enumerate(after) if t.kind == "dash"), None)
    if dash is None or dash == 0:
        return None
    tail = after[dash + 1 :]
    head = next((i for i, t in enumerate(tail[:3]) if _is_role_head(t) and not _is_rank(t)), None)
    if head is None or not all(t.kind == "word" and t.capitalised for t in tail[:head]):
        return None
    return dash, dash + 1 + _role_end(tail, head)


_ACCREDITED = re.compile(
    r"\b(?:ambassador|representative|envoy|посол|посл(?:а|у|ом|е)|постпред\w*)\b"
    r"|представител",
    re.IGNORECASE,
)
_ACCREDITED_TO = re.compile(r"\s(?:to(?: the)?|в|во|при)\s")
"""An envoy's organisation is the state that sends them: "Ambassador of the Republic of
Tajikistan to the Russian Federation", "Посла Республики Беларусь в Российской Федерации",
"представителя Дании при ООН"; where they are accredited is not their organisation."""


_TITLE_FORMS = re.compile(r"посол|посл(?:а|у|ом|е)|ambassador")


def _sending_state(role: str, organisation: str) -> str:
    """An envoy's organisation without where they are accredited."""
    if _ACCREDITED.search(role):
        return _ACCREDITED_TO.split(organisation, maxsplit=1)[0]
    return organisation


def _after_role(phrase: list[_Token], end: int) -> list[_Token]:
    """What follows the role ending at `end`: its organisation, or a second post's ("and
    Head of the UN Regional Centre ...") body."""
    after = _strip_edges(phrase[end + 1 :])
    if end + 2 < len(phrase) and phrase[end + 1].key == "and" and _second_post_of_a_body(
        phrase, end + 2
    ):
        after = _strip_edges(after[1:])
    return after


def _is_trailing_title(phrase: list[_Token]) -> bool:
    """Whether the phrase ends with a diplomat's title after another post and its body
    ("глава Офиса программ ОБСЕ в Астане Посол"): the title is the holder's rank, not a word
    of the body's name."""
    last = phrase[-1]
    return (
        len(phrase) > 2 and _TITLE_FORMS.fullmatch(last.key) is not None
        and not _is_role(phrase[-2])
        and any(_is_role_head(t) for t in phrase[:-2])
    )


_STANDING_WORDS = frozenset({"acting", "interim"})
"""How a post is held, written before the organisation that precedes the post ("Acting CSTO
Secretary General"): the role's word ("Acting Secretary General"), not the organisation's."""


def _split_role(text: str, phrase: list[_Token]) -> tuple[str, str]:
    """Split "CSTO Secretary General" / "Director of the Institute of ..." into role and org."""
    phrase = _strip_edges(phrase)
    while phrase and (
        _is_rank(phrase[-1]) or _is_honorific(phrase[-1]) or _is_rank_cyr(phrase[-1])
        or _is_trailing_title(phrase)
    ):
        if (
            phrase[-1].key == "general" and len(phrase) > 1
            and _is_role_head(phrase[-2]) and not _is_rank(phrase[-2])
        ):
            break  # "Secretary General" is a role, not a rank
        phrase = phrase[:-1]
    phrase = _strip_edges(phrase)
    heads = [i for i, t in enumerate(phrase) if _is_role_head(t) and not _is_rank(t)]
    if not heads:
        return "", ""
    first = heads[0]
    end = _role_end(phrase, first)
    unit: list[_Token] = []
    if _lowercase_head(phrase[first]) and not (
        first > 0 and _is_role_adjective(phrase[first - 1]) and phrase[first - 1].capitalised
    ):  # "Специальный представитель Генерального секретаря": a capitalised title
        # "начальник отдела по вопросам военного сотрудничества Секретариата ОДКБ": the
        # lowercase words are the role's, the capitalised ones after them its organisation
        chained = end
        while (
            chained + 1 < len(phrase) and phrase[chained + 1].kind == "word"
            and not phrase[chained + 1].capitalised and not _is_rank_cyr(phrase[chained + 1])
        ):
            chained += 1
        while chained > end and phrase[chained].key in lexicon.CONNECTORS_CYR:
            chained -= 1  # "... по Центральной Азии": the preposition goes with what it governs
        unit = _strip_edges(phrase[end + 1 : chained + 1])
        end = chained
    start = first
    while start > 0 and (
        _is_role(phrase[start - 1])
        or (phrase[start - 1].key in ("and", "и") and start > 1 and _is_role(phrase[start - 2]))
        or (phrase[start - 1].key.startswith("государственн") and _is_role_head(phrase[start]))
    ):
        start -= 1  # "Государственным секретарем": the adjective is the role's
    role_tokens = phrase[start : end + 1]
    before = _strip_edges(phrase[:start])
    cut = [
        i for i, t in enumerate(before)
        if t.kind == "dash" or t.key.startswith(_NOT_ROLES_CYR)
    ]
    if cut and _strip_edges(before[cut[-1] + 1 :]):
        # "DUSHANBE, 3 December 2026 – OSCE Secretary General ...": a dateline ends at its
        # dash; "с делегацией ... во главе с заместителем Министра": so does what it heads
        before = _strip_edges(before[cut[-1] + 1 :])
    elif cut and before[cut[-1]].kind != "dash":
        before = []
    if len(before) > 2 and before[0].key in _GENRE_WORDS and before[1].key in ("of", "with"):
        before = _strip_edges(before[2:])  # "Interview of SCO Secretary-General ...": SCO
    standing = ""
    if len(before) > 1 and before[0].key in _STANDING_WORDS:
        standing, before = before[0].text + " ", before[1:]
    after = _after_role(phrase, end)
    second = _second_role(after)
    role_text = standing + _span_text(text, role_tokens)
    if second is not None:
        # "Chairman of the CIS Executive Committee – CIS Executive Secretary": one person's
        # two posts; the body between them is the organisation unless one follows. A state
        # between them ("... Armed Forces of the Russian Federation – First Deputy Minister
        # of Defence") is the organisation of both, and not part of the role.
        dash, last = second
        between = _strip_edges(after[:dash])
        if all(_is_place(t) or t.key in ("of", "the") for t in between):
            role_text += " – " + _span_text(text, after[dash + 1 : last + 1])
        else:
            role_text = _span_text(text, phrase[start : phrase.index(after[last]) + 1])
        after = _strip_edges(after[last + 1 :]) or between
    if phrase[0].cyrillic:
        # Russian puts the organisation after the role in the genitive: "секретарь ОДКБ";
        # with none, the unit a lowercase role names is it ("отдела по ... угрозам").
        organisation = (
            _span_text(text, after) or _span_text(text, unit) or _span_text(text, before)
        )
    else:
        organisation = _span_text(text, after) if after else _span_text(text, before)
    return role_text, _sending_state(role_text, organisation)


def _membership(phrase: list[_Token]) -> bool:
    """Whether the phrase after a name's comma says what body the person is a member of
    ("Mazhit Esenbaev, member of the Committee on ..."): their post there."""
    return len(phrase) > 2 and phrase[0].key == "member" and phrase[1].key == "of"


def _role_after(
    text: str, tokens: list[_Token], index: int, *, listed: bool = False
) -> tuple[str, str]:
    """The role in ", <role>" right after a name, unless that phrase ends in another name;
    for a `listed` name (initials after the surname) also in " – <role>" ("Мукашев Б.Т. –
    заместитель Председателя ...")."""
    if index >= len(tokens) or not (
        tokens[index].text == "," or (listed and tokens[index].kind == "dash")
    ):
        return "", ""
    j = index + 1
    while j < len(tokens) and _is_phrase_part(tokens[j]):
        j += 1
    chunk = tokens[index + 1 : j]
    if chunk and chunk[0].key in ("and", "и", "or"):
        return "", ""  # "X, and the Secretary General Y": the role is Y's
    stripped = _strip_edges(chunk)
    if stripped and not any(_is_role_head(t) for t in stripped[:5]) and _membership(stripped):
        return stripped[0].text, _span_text(text, _strip_edges(stripped[2:]))
    if not stripped or not any(_is_role_head(t) for t in stripped[:5]):
        return "", ""
    if stripped and _is_nameish(stripped[-1]) and len(_name_runs(stripped, 0, len(stripped))) > 0:
        last_run = _name_runs(stripped, 0, len(stripped))[-1]
        if last_run[1] == len(stripped) and last_run[1] - last_run[0] >= 2:
            return "", ""  # "..., Kyrgyzstani Foreign Minister Erlan Abdyldayev": not ours
    return _split_role(text, chunk)


def _is_acronym(token: _Token) -> bool:
    """An organisation's acronym: CSTO, OSCE, ОДКБ."""
    letters = [c for c in token.text if c.isalpha()]
    return token.kind == "word" and len(letters) > 1 and all(c.isupper() for c in letters)


_TITLES = frozenset({"ambassador", "посол"})
"""A diplomat's title, written before the name beside or instead of the post."""


def _is_title_only(role: str) -> bool:
    return role.casefold() in _TITLES


def _opens_a_post(chunk: list[_Token]) -> bool:
    """Whether a chunk before a comma is someone's post: it opens with a role word, and its
    head is not plural ("at the level of foreign ministers in 2026, Russian ...")."""
    if not chunk or (not _is_role_head(chunk[0]) and not (len(chunk) > 1 and _is_role(chunk[0]))):
        return False
    heads = [t for t in chunk if _is_role_head(t)]
    return not heads or heads[-1].key not in _PLURAL_ROLES  # "deputy ministers": plural


_ROLE_REACH = 40
"""How many tokens before a name its post may take ("Special Representative of the UN
Secretary-General for West Africa and the Sahel (UNOWAS)" is 15). Without the bound each name
of a long unpunctuated line read the whole line before it, which made the line quadratic."""

_ROLES_BACK = 4
"""How many ", "-joined posts before a name are its holder's ("Chairman of ..., President
of ..., Supreme Commander-in-Chief ... <Name>"). Real titles stop at three or four; the
bound keeps a hostile line of thousands of "Head of Y, " from costing each name a walk
over all of them (that made such a line quadratic: 20 KB took minutes)."""


def _roles_before(text: str, tokens: list[_Token], lo: int, run_start: int) -> tuple[str, str]:
    """Role and organisation written before a name, including earlier ", "-joined roles."""
    roles: list[tuple[str, str]] = []
    phrase = tokens[lo:run_start]
    role, org = _split_role(text, phrase)
    if role:
        roles.append((role, org))
    elif all(
        _is_rank(t) or _is_honorific(t) or _is_rank_cyr(t) or t.kind != "word"
        or t.key in ("of", "the")
        for t in phrase
    ):
        role = "rank only"  # "..., Army General Valery Gerasimov": the roles come earlier
    # "Chairman of ..., President of ... <Name>": walk back over commas while the
    # chunk before each is itself a role, at most _ROLES_BACK of them.
    k = lo - 1
    while role and k > 0 and tokens[k].text == "," and len(roles) <= _ROLES_BACK:
        j = k - 1
        while j >= 0 and _is_phrase_part(tokens[j]):
            j -= 1
        chunk = tokens[j + 1 : k]
        named = [b for a, b in _name_runs(chunk, 0, len(chunk)) if b - a >= 2]
        if named:
            # "... Kaha Imnadze and the Head of the OSCE Centre in Ashgabat, Ambassador John
            # MacGregor": the role after the other person's name is this one's
            chunk = chunk[named[-1] :]
            if not chunk or chunk[0].key not in ("and", "и"):
                break
        dashes = [i for i, t in enumerate(chunk) if t.kind == "dash"]
        if dashes and not any(_is_role_head(t) for t in chunk[: dashes[-1]]):
            chunk = chunk[dashes[-1] + 1 :]  # "TASHKENT, 6 February 2025 – The OSCE ..."
        stripped = _strip_edges(_after_time_words(chunk))
        if not named and len(stripped) > 1 and (
            (_is_acronym(stripped[0]) and _is_role_head(stripped[-1]))
            # "Действующий председатель ОБСЕ, Министр иностранных дел Финляндии ...": in
            # Russian the organisation follows its post
            or (stripped[0].cyrillic and _is_role(stripped[0]) and _is_acronym(stripped[-1]))
        ):
            # "The OSCE Chairperson-in-Office, Swiss Federal Councillor for Foreign Affairs
            # Ignazio Cassis": the organisation's post, the national one its apposition
            post = _split_role(text, chunk)
            if post[0] and post[1]:
                roles = [post]
            break
        if not _opens_a_post(stripped):
            break
        earlier = _split_role(text, chunk)
        if not earlier[0]:
            break
        roles.insert(0, earlier)
        if named:
            break
        k = j
    if not roles:
        return "", ""
    if len(roles) > 1 and _is_title_only(roles[-1][0]) and not roles[-1][1]:
        # "Permanent Representative of Kazakhstan to the OSCE, Ambassador Askar
        # Zhumagaliyev": the title is the holder's rank, the post before it the role
        roles.pop()
    role_text = ", ".join(dict.fromkeys(r for r, _ in roles if r))
    org_text = "; ".join(dict.fromkeys(o for _, o in roles if o))
    return role_text, org_text


_ROLE_COMMAS = 2
"""How many commas a role before a name may hold itself ("Assistant Secretary-General for
the Middle East, Asia and the Pacific in the Departments of ..., Khaled Khiari")."""


def _role_before_comma(text: str, tokens: list[_Token], lo: int) -> tuple[str, str]:
    """The role of ", <role> [(ACRONYM)], <Name>": the phrase before the comma at `lo - 1`,
    reaching back over commas inside the role while its head word is still to come."""
    k = lo - 1
    if k < 1 or tokens[k].text != ",":
        return "", ""
    k -= 1
    if tokens[k].text == ")":  # an acronym in brackets between the role and the comma
        while k > 0 and tokens[k].text != "(":
            k -= 1
        k -= 1
    end = k + 1
    for _ in range(_ROLE_COMMAS + 1):
        chunk_end = k + 1
        while k >= 0 and _is_phrase_part(tokens[k]):
            k -= 1
        stripped = _strip_edges(tokens[k + 1 : chunk_end])
        if not stripped:
            return "", ""
        runs = _name_runs(stripped, 0, len(stripped))
        if runs and runs[-1][1] == len(stripped) and runs[-1][1] - runs[-1][0] >= 2:
            return "", ""  # the phrase ends in a name of its own: "X, Minister Y, Z"
        if any(_is_role_head(t) for t in stripped):
            return _split_role(text, tokens[k + 1 : end])
        if k < 1 or tokens[k].text != ",":
            return "", ""
        k -= 1
    return "", ""


_PORTFOLIO_LIST_PARTS = 4
"""How many fields a minister's portfolio may list with commas before its "and"."""


def _portfolio_list_role(text: str, tokens: list[_Token], lo: int, a: int) -> tuple[str, str]:
    """The role of a minister whose portfolio lists its fields with commas: "the Minister of
    Labour, Social Security and Migration of the Kyrgyz Republic Gulnara Asanbekova",
    "министра высшего образования, науки и инноваций Республики Узбекистан ...". The phrase
    before the name (from `lo` to `a`) holds the list's last fields, closed by "and", then
    the state; before the commas stands the role with the list's first field."""
    phrase = tokens[lo:a]
    start = lo  # a Russian list's lowercase fields stand before the capitalised state
    while start > 0 and tokens[start - 1].kind == "word" and tokens[start - 1].cyrillic and (
        not tokens[start - 1].capitalised
    ):
        start -= 1
    of = next((i for i, t in enumerate(phrase) if t.key == "of"), len(phrase))
    tail = tokens[start:lo] + (phrase[:of] if start == lo else [])
    org = _strip_edges(phrase[of + 1 :] if start == lo else phrase)
    if (
        len(tail) < 3 or not any(t.key in ("and", "и") for t in tail[1:-1])
        or any(_is_role(t) for t in tail)
        or start < 2 or tokens[start - 1].text != ","
    ):
        return "", ""
    k = start - 1
    for _ in range(_PORTFOLIO_LIST_PARTS):
        j = k - 1
        while j >= 0 and tokens[j].kind == "word" and tokens[j].key not in ("of", "the"):
            j -= 1
        if j >= 0 and tokens[j].text == "," and k - j <= 3:
            k = j  # one more field of the list
            continue
        break
    first = next(((x, y) for x, y in _stretches(tokens[:k]) if y == k), None)
    chunk = _strip_edges(tokens[first[0] : k]) if first is not None else []
    if not chunk or not any(_is_role_head(t) for t in chunk):
        return "", ""
    role, _ = _split_role(text, chunk)
    if not role or not _span_text(text, chunk).endswith(role):
        return "", ""
    fields = " ".join(text[tokens[k].start : tail[-1].end].split())
    return role + fields, _span_text(text, org)


def _role_across_commas(
    text: str, tokens: list[_Token], lo: int, run: tuple[int, int], *, alone: bool
) -> tuple[str, str, int]:
    """The role of a name whose own phrase gives none, written before a comma: "...,
    Special Representative for West Africa (UNOWAS), Leonardo Santos Simão." (the name
    `alone` after the comma), or a portfolio listing its fields with commas; and where the
    name starts, since a portfolio's last capitalised fields read as a name too ("Sport and
    Youth Policy Mairamkul Tilenbaeva")."""
    a, b = run
    if alone and a == lo:
        role, org = _role_before_comma(text, tokens, lo)
        if role:
            return role, org, a
    start = a
    while start < b - 2 and _is_portfolio(tokens[start]):
        start += 1
    role, org = _portfolio_list_role(text, tokens, lo, start)
    return role, org, start if role else a


def _listed_country(text: str, tokens: list[_Token], lo: int, a: int, b: int) -> str:
    """The country a list of delegations gives a person: "Azerbaijan – Jeyhun Bayramov,
    Minister ...;", "– the Republic of Belarus: Minister of Defence ... Viktor Khrenin;",
    "Виктор Хренин (Беларусь)". Only a place phrase opening the line (or the list item)
    and closed by a dash or a colon counts; else ""."""
    if b + 2 < len(tokens) and tokens[b].text == "(" and tokens[b + 2].text == ")":
        return tokens[b + 1].text if _is_place(tokens[b + 1]) else ""
    if a > lo and tokens[a - 1].kind == "dash":
        end = a - 1
    elif lo > 0 and tokens[lo - 1].text == ":":
        end = lo - 1
    else:
        return ""
    start = end
    while start > 0 and tokens[start - 1].kind == "word":
        start -= 1
    opener = tokens[start - 1] if start > 0 else None
    if opener is not None and opener.kind != "dash" and opener.text not in (";", "."):
        return ""  # the place must open the line or the list item
    place = _strip_edges(tokens[start:end])
    if not place or not any(_is_place(t) for t in place) or len(place) > 6:
        return ""
    if not all(_is_place(t) or t.key in ("of", "the") or t.capitalised for t in place):
        return ""
    return _span_text(text, place)


def _sentence_subject_body(text: str, tokens: list[_Token], at: int) -> str:
    """The body a sentence opens with, which "its" before a role refers to: "The CIS
    Executive Committee was represented by its Chairman Sergey Lebedev". "" when the
    sentence does not open with an organisation's name."""
    start = at
    while start > 0 and tokens[start - 1].text not in (".", "!", "?", ";"):
        start -= 1
    end = start
    while end < at and _is_phrase_part(tokens[end]):
        end += 1
    phrase = _strip_edges(tokens[start:end])
    if not phrase or not any(
        t.key in lexicon.ORG_WORDS or (len(t.text) > 1 and t.text.isupper()) for t in phrase
    ):
        return ""
    if any(_is_nameish(t) and _is_first_name(t) for t in phrase):
        return ""
    return _span_text(text, phrase)


def _organisation_elsewhere(
    text: str, tokens: list[_Token], spans: tuple[int, int, int, int], role: str
) -> str:
    """The organisation of a person whose phrase names none, from around it: the country a
    list line opens with, or the body "its" before the role refers to. `spans` holds the
    phrase's start, the segment's start and the name's start and end."""
    lo, segment_start, a, b = spans
    org = _listed_country(text, tokens, segment_start, a, b)
    if not org and role and segment_start == lo and lo > 0 and tokens[lo - 1].key == "its":
        org = _sentence_subject_body(text, tokens, lo - 1)
    return org


def _singular_role(role: str) -> str:
    """A plural role made singular ("Deputy Foreign Ministers" -> "Deputy Foreign Minister",
    "заместители министров иностранных дел" -> "заместитель министра иностранных дел"), or
    "" when the role is not plural."""
    if re.search(r"[А-Яа-яЁё]", role):
        return plural_role_singular(role)
    words = role.split()
    plural = [i for i, w in enumerate(words) if w.casefold() in _PLURAL_ROLES]
    if not plural:
        return ""
    for i in plural:
        word = words[i]
        if word.casefold().endswith("men"):
            words[i] = word[:-3] + word[-3:].replace("men", "man")
        elif word.casefold().endswith("ies"):
            words[i] = word[:-3] + "y"
        else:
            words[i] = word[:-1]
    return " ".join(words)


def _heading_role(text: str, tokens: list[_Token], colon: int) -> tuple[str, str]:
    """The role written before a list's colon ("министры обороны:", "Главы делегаций –
    заместители министров иностранных дел:"): the last of its dash-joined parts."""
    k = colon
    while k > 0 and _is_phrase_part(tokens[k - 1]):
        k -= 1
    parts = [[]]  # type: list[list[_Token]]
    for token in tokens[k:colon]:
        if token.kind == "dash":
            parts.append([])
        else:
            parts[-1].append(token)
    for part in reversed(parts):
        role, org = _split_role(text, part)
        if role:
            return role, org
    return "", ""


def _listed_role(
    text: str, tokens: list[_Token], starts: tuple[int, int], found: tuple[str, str],
    list_role: str,
) -> tuple[str, str, str]:
    """Role and organisation of a person in a list with countries in brackets, and the role
    the list goes on giving: "министры обороны: Виктор Хренин (Беларусь), ...", "Deputy
    Foreign Ministers Andrei Rudakov (Russia), Yerzhan Kusainov (Kazakhstan) and ...": a
    plural role heads the list and each person in it holds it, in the singular. `starts`
    holds the phrase's and the segment's start, `found` the role and organisation so far."""
    lo, segment_start = starts
    role, org = found
    if not role and segment_start == lo and lo > 1 and tokens[lo - 1].text == ":":
        role, org = _heading_role(text, tokens, lo - 1)
    one = _singular_role(role) if role else ""
    if one:
        return one, org, one
    return role or list_role, org, list_role


_NAME_PARTICLES = frozenset({
    "de", "van", "von", "der", "den", "da", "del", "di", "du", "dos", "das", "ter", "bin", "ibn",
})
"""Lower-case particles inside a surname ("de Groot", "van der Berg", "bin Salman")."""


_FATHERS_NAME_PARTICLES = frozenset({"uulu", "kyzy", "ogly", "уулу", "кызы", "оглы"})
"""The lower-case word after a Kyrgyz or Azerbaijani surname ("Nurlanbek Turgunbek uulu", "son
of"): the last word of the name."""


def _through_particles(tokens: list[_Token], a: int, b: int, hi: int) -> int:
    """The end of a name run taken on through its surname's particles ("Pieter de Groot",
    "Ludwig van der Berg") and the word for "son of" after it ("Turgunbek uulu")."""
    if b < hi and b - a >= 2 and tokens[b].key in _FATHERS_NAME_PARTICLES:
        return b + 1
    while (
        b + 1 < hi and b - a <= 2
        and tokens[b].key in _NAME_PARTICLES and not tokens[b].capitalised
    ):
        k = b + 1
        while k < hi and tokens[k].key in _NAME_PARTICLES and not tokens[k].capitalised:
            k += 1
        if k >= hi or not _is_nameish(tokens[k]):
            break
        b = k + 1
    return b


_PLURAL_NOUN = re.compile(r"[a-z]*(?:[^aeiousy]s|ies)")
"""An English noun in the plural ("Markets", "Minorities", "Affairs"); given names ending in
"s" end in a vowel and "s" ("Carlos", "Thomas", "Klaus")."""
_NAME_WORDS_AFTER_PORTFOLIO = 3


def _ends_a_portfolio(tokens: list[_Token], lo: int, a: int, b: int) -> bool:
    """Whether a run of three or more name-like words opens with the plural noun that ends
    the post before it ("Minister in charge of Internal Markets Varos Simonyan", "High
    Commissioner on National Minorities Christophe Kamp"): the capitalised word in front of
    it is neither a post nor a place, so the noun is the post's and the name follows it."""
    if b - a < _NAME_WORDS_AFTER_PORTFOLIO or a == lo or tokens[a].cyrillic:
        return False
    before = tokens[a - 1]
    return (
        _PLURAL_NOUN.fullmatch(tokens[a].key) is not None and before.kind == "word"
        and before.capitalised and not _is_role(before) and not _is_place(before)
    )


def _name_start(tokens: list[_Token], lo: int, a: int, b: int) -> int:
    """Where the name in a run of name-like words starts. "High Commissioner on National
    Minorities Lamberto Zannier": an unknown capitalised word in front of a known first name
    belongs to the organisation, and so does the plural noun ending a post before a name of
    unknown first name (`_ends_a_portfolio`)."""
    firsts = [k for k in range(a, b) if _is_first_name(tokens[k])]
    if firsts and firsts[0] > a and b - firsts[0] >= 2:
        return firsts[0]
    if not firsts and _ends_a_portfolio(tokens, lo, a, b):
        return a + 1
    return a


def _mentions(text: str) -> list[_Mention]:
    tokens = _tokens(text)
    found: list[_Mention] = []
    list_role = ""
    quotes_before = list(accumulate((t.kind == "quote" for t in tokens), initial=0))
    for lo, hi in _stretches(tokens):
        segment_start = lo
        for a, b in _name_runs(tokens, lo, hi):
            a = _name_start(tokens, lo, a, b)
            b = _through_particles(tokens, a, b, hi)
            run = tokens[a:b]
            if run[0].kind == "postinitials":
                continue  # initials with no surname before them
            follower = tokens[b] if b < hi else None
            # A name closes its phrase: what follows is punctuation, "and", "at", a dash,
            # never "of" ("World Economy of ..." is an organisation).
            closes = follower is None or follower.kind == "dash" or (
                follower.key in lexicon.CONNECTORS | lexicon.CONNECTORS_CYR
                and follower.key != "of"
            ) or (
                # "по приглашению Секретаря ... Марата Иманкулова заместитель Генерального
                # секретаря ... Валерий Семериков": the next person's role begins
                follower.cyrillic and not follower.capitalised and _is_role(follower)
                and not _is_rank_cyr(follower)
            )
            # "Tomas Lindqvist of Sweden, ...": a person's country after the name, the
            # phrase ending with it (not "World Economy of ...", an organisation).
            of_country = (
                follower is not None and follower.key == "of" and b + 2 == hi
                and tokens[b + 1].key in lexicon.PLACE_WORDS
            )
            # 'Imangali Tasmagambetov "Collective Security: ..."': a quotation opening after
            # a name (not closing one the name stands in) is the title of a work of theirs.
            opens_quote = (
                follower is not None and follower.kind == "quote"
                and quotes_before[b] % 2 == 0
            )
            # "Gizat Nurdauletov (Kazakhstan), ...": a list of people, each with their
            # country in brackets.
            country_in_brackets = (
                b == hi and b + 2 < len(tokens) and tokens[b].text == "("
                and tokens[b + 2].text == ")" and _is_place(tokens[b + 1])
            )
            closes = closes or of_country or opens_quote
            before = tokens[a - 1] if a > lo else None
            after_connector = before is not None and (
                before.key in lexicon.CONNECTORS or before.key in lexicon.CONNECTORS_CYR
            ) and not (before.key == "to" and b == hi and _role_after(text, tokens, b)[0])
            # ("UN News spoke to Lidia Morozan, Special Representative ...": a verb's "to",
            # the post after the name saying who she is)
            last_word = next(
                (t for t in reversed(tokens[max(segment_start, a - _ROLE_REACH) : a])
                 if t.kind == "word"),
                None,
            )
            role_right_before = last_word is not None and (
                _is_role(last_word) or _is_rank(last_word) or _is_honorific(last_word)
            )
            # "Хренин В.Г.": the initials after the surname, as Russian lists write them
            initials_after = len(run) == 2 and run[1].kind == "postinitials"
            initials = initials_after or run[0].kind == "initials" or (
                len(run) >= 2 and re.fullmatch(r"[A-ZА-ЯЁ][a-zа-яё]?\.", run[0].text) is not None
            )
            known_first = _is_first_name(run[0])
            role, org = ("", "")
            if closes and len(run) <= 4 and (role_right_before or not of_country):
                # A headline's capitals ("Secretary-General Appoints Elena Marchetti of
                # Italy") put a role before a name that is not its holder's.
                role, org = _roles_before(
                    text, tokens, max(segment_start, a - _ROLE_REACH), a
                )
            after_role, after_org = (
                _role_after(text, tokens, b, listed=initials_after)
                if b == hi or initials_after else ("", "")
            )
            single = len(run) == 1 and run[0].kind == "word"
            if not role and not after_role and len(run) >= 2 and segment_start == lo:
                role, org, start = _role_across_commas(text, tokens, lo, (a, b), alone=b == hi)
                after_connector = after_connector and start == a  # "and Youth Policy" went
                a, run = start, tokens[start:b]
            if len(run) > 5 or not closes:
                accepted = False
            elif single:
                accepted = last_word is not None and role_right_before and bool(
                    role or _is_honorific(last_word)
                )
            elif known_first or initials:
                accepted = True
            elif country_in_brackets:
                accepted = len(run) in (2, 3)
            else:
                accepted = not after_connector and (
                    bool(role or after_role) or (of_country and len(run) in (2, 3))
                )
            # "Yevgeniy Kolesnikov (Evgeny Kolesnikov)": the same person spelt another way
            other_spelling = (
                bool(found) and a >= 2 and tokens[a - 1].text == "(" and b < len(tokens)
                and tokens[b].text == ")" and tokens[a - 2].end == found[-1].start
                + len(found[-1].name)
            )
            if not accepted or other_spelling:
                continue
            if after_role and (not role or (_is_title_only(role) and not org)):
                # "Ambassador Markus Kessler, Head of the OSCE Programme Office": the post
                # after the name says more than the title before it
                role, org = after_role, after_org
            if country_in_brackets:
                role, org, list_role = _listed_role(
                    text, tokens, (lo, segment_start), (role, org), list_role
                )
            else:
                list_role = ""
            org = org or _organisation_elsewhere(text, tokens, (lo, segment_start, a, b), role)
            name = " ".join(_span_text(text, run).split())
            if initials_after:
                # written the usual way round, so the surname ends the name as everywhere else
                name = run[1].text.replace(" ", "") + run[0].text
            found.append(_Mention(name, role, org, run[0].start, single))
            segment_start = b
    return found


def _surname_key(name: str) -> str:
    last = re.split(r"[\s.]+", name.strip(". "))[-1]
    return last.casefold()


def _same_surname(a: str, b: str) -> bool:
    """Whether two surnames are one, allowing Russian case endings ("Зась", "Засем"), in
    each part of a double surname ("Искакову-Мертенс", "Искакова-Мертенс")."""
    if a == b:
        return True
    parts_a, parts_b = a.split("-"), b.split("-")
    if len(parts_a) == len(parts_b) > 1:
        return all(_same_surname(x, y) for x, y in zip(parts_a, parts_b, strict=True))
    common = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        common += 1
    shorter = min(len(a), len(b))
    return common >= max(3, shorter - 2) and abs(len(a) - len(b)) <= 3


def _first_initial(name: str) -> str:
    parts = name.split()
    return parts[0][:1].casefold() if len(parts) > 1 or "." in name else ""


def _first_names_agree(a: str, b: str) -> bool:
    """Whether two names could share a first name (yes when either gives only an initial).

    Russian case forms ("Сергеем" beside "Сергей") agree as surnames in case forms do.
    """
    same = same_first_name(a, b)
    if same is not False:
        return True
    first_a, first_b = a.split()[0].casefold(), b.split()[0].casefold()
    cyrillic = bool(re.match(r"[а-яё]", first_a)) and bool(re.match(r"[а-яё]", first_b))
    return cyrillic and _same_surname(first_a, first_b)


def merge_mentions(mentions: Iterable[_Mention]) -> list[Participant]:
    """One participant per person: a surname-only or initialled mention joins a fuller one."""
    people: list[_Mention] = []
    for mention in sorted(mentions, key=lambda m: (m.single, m.start)):
        key = _surname_key(mention.name)
        for index, known in enumerate(people):
            if not _same_surname(key, _surname_key(known.name)):
                continue
            a, b = _first_initial(mention.name), _first_initial(known.name)
            if a and b and a != b:
                continue
            if not _first_names_agree(mention.name, known.name):
                continue  # Andrei and Aleksei Voitolovski are two people
            if _patronymic_last(mention.name) != _patronymic_last(known.name):
                continue  # "Сироджиддин Мухриддинович" addresses "Мухриддин", not his case form
            fuller = known
            longer = len(mention.name) > len(known.name)
            if longer and not mention.single and "." not in mention.name:
                fuller = _Mention(mention.name, known.role, known.organisation, known.start, False)
            role = fuller.role or mention.role
            org = fuller.organisation or mention.organisation
            people[index] = _Mention(fuller.name, role, org, fuller.start, fuller.single)
            break
        else:
            people.append(mention)
    people.sort(key=lambda m: m.start)
    return [Participant(m.name, m.role, m.organisation) for m in people]


def _patronymic_last(name: str) -> bool:
    """Whether a name ends with a patronymic ("Сироджиддин Мухриддинович"), which only looks
    like a case form of the surname it is made from ("Мухриддин")."""
    return _ADDRESS_PATRONYMIC.search(name.split()[-1]) is not None if name.split() else False


def _initials_of(name: str) -> str:
    """The initials a name writes before its surname ("С.В.Лавров" -> "св"), casefolded."""
    head = re.match(r"^((?:[^\W\d_]\.\s?)+)", name)
    return "".join(c for c in head.group(1) if c.isalpha()).casefold() if head else ""


_ADDRESS_PATRONYMIC = re.compile(
    r"(?:ovich|evich|ovna|evna|ichna|ович|евич|овн|евн|ичн)(?:а|у|ем|е|ой|ы|у)?$", re.I
)
"""A patronymic in any case form ("Викторович", "Сергея Викторовича", "Андреевной")."""


def _drop_addresses(people: list[Participant]) -> list[Participant]:
    """Drop an address by first name and patronymic ("Максим Владимирович", "Andrey
    Nikolaevich") that is one of the other people named: the one whose initials are its
    own ("М.В.Рыженков") or whose first name it shares ("Андрей Сердюков"). It stays when it
    names no one else, or could be more than one of them."""
    kept: list[Participant] = []
    for person in people:
        words = person.name.split()
        if (
            len(words) == 2 and _ADDRESS_PATRONYMIC.search(words[1]) and words[0][:1].isupper()
            and not person.role  # "Secretary ... Alexander Volkovich": a surname, not an address
        ):
            own = (words[0][:1] + words[1][:1]).casefold()
            holders = [
                other for other in people
                if other is not person and not (
                    len(other.name.split()) == 2
                    and _ADDRESS_PATRONYMIC.search(other.name.split()[1])
                )
                and (
                    _initials_of(other.name) in (own, own[:1])
                    if _initials_of(other.name)
                    else _first_names_agree(person.name, other.name)
                    and other.name.split()[0][:1] == words[0][:1]
                    and len(other.name.split()) >= 2
                )
            ]
            if len(holders) == 1:
                continue
        kept.append(person)
    return kept


def _is_address(person: Participant) -> bool:
    """A person named by first name and patronymic only ("Imangali Nurgalievich")."""
    words = person.name.split()
    return (
        len(words) == 2 and _ADDRESS_PATRONYMIC.search(words[1]) is not None
        and words[0][:1].isupper() and "." not in person.name and not person.role
    )


def _full_first_name_agrees(address: str, name: str) -> bool:
    """Whether a full name (not initialled) has the address's first name, in any case form."""
    first, other = address.split()[0], name.split()[0]
    if "." in other or len(name.split()) < 2:
        return False
    return first.casefold() == other.casefold() or (
        first[:1] == other[:1] and _first_names_agree(address, name)
    )


_RECURRING_ITEMS = 2


def resolve_addresses(groups: list[tuple[Participant, ...]]) -> list[tuple[Participant, ...]]:
    """Each group of people (one item's) with an address by first name and patronymic
    ("Dear Imangali Nurgalievich!") put as the full name it stands for, where the dump
    names one person only with that first name among those it names in several items
    ("Imangali Tasmagambetov"): a figure the dump keeps returning to, not someone met once
    who merely shares a common first name. An address whose person the item names already
    goes; any other stays as written."""
    items_naming: dict[str, int] = {}
    for group in groups:
        for name in {p.name for p in group if not _is_address(p)}:
            items_naming[name] = items_naming.get(name, 0) + 1
    named = [name for name, count in items_naming.items() if count >= _RECURRING_ITEMS]
    resolved: list[tuple[Participant, ...]] = []
    for group in groups:
        people: list[Participant] = []
        for person in group:
            full = (
                _full_name_of(person, named, list(items_naming))
                or _named_after_father(person, list(items_naming))
                if _is_address(person) else None
            )
            if full is not None and is_named_in(full, group):
                continue
            people.append(person if full is None else Participant(full, "", ""))
        resolved.append(tuple(people))
    return resolved


_CASE_ENDINGS = frozenset({"", "а", "у", "ом", "е", "a"})
"""What a case form adds to a surname that is a bare first name ("Мухриддина", "Мухриддином");
"Иванов" is not "Иван" in another case."""
_PATRONYMIC_SUFFIX = re.compile(r"(?:ovich|evich|ович|евич)(?:а|у|ем|е)?$", re.IGNORECASE)


def _named_after_father(address: Participant, named: list[str]) -> str | None:
    """The full name an address stands for where the surname is the father's name
    ("Сироджиддин Мухриддинович" for the minister the dump names "С.Мухриддин"): the one
    person named with the address's first initial and the surname its patronymic is made
    from. A Slavic surname is never the bare stem of a patronymic ("Иванов", "Иванович")."""
    first, patronymic = address.name.split()
    stem = _PATRONYMIC_SUFFIX.sub("", patronymic)
    if stem == patronymic:
        return None
    surnames = ((name, name.split(".")[-1].split()[-1]) for name in named)
    holders = {
        surname for name, surname in surnames
        if name[:1] == first[:1] and surname.startswith(stem)
        and surname[len(stem) :] in _CASE_ENDINGS
    }
    if len(holders) != 1:
        return None
    return f"{first} {stem}"


def _full_name_of(address: Participant, named: list[str], everyone: list[str]) -> str | None:
    """The one full name among `named` (the dump's recurring figures) an address can stand
    for, or None; None too when anyone else the dump names has that first name ("Уважаемый
    Сергей Викторович!" in a dump naming Сергей Шойгу often and Сергей Лавров once: the
    address is either, or neither)."""
    holders = [n for n in named if _full_first_name_agrees(address.name, n)]
    if len({_surname_key(n) for n in holders}) != 1:
        return None
    others = [n for n in everyone if _full_first_name_agrees(address.name, n)]
    if len({_surname_key(n) for n in others}) != 1:
        return None
    first = address.name.split()[0]
    return next((n for n in holders if n.split()[0] == first), holders[0])


def is_named_in(name: str, people: Iterable[Participant]) -> bool:
    """Whether one of `people` has the surname of `name` (in any Russian case form)."""
    key = _surname_key(name)
    return any(_same_surname(key, _surname_key(p.name)) for p in people)


_SIGNATURE_WORDS = 12
"""The longest role line under a signature ("Minister of Foreign Affairs of the Republic of
Armenia")."""


def _signature_role(name_line: str, mention: _Mention, role_line: str) -> tuple[str, str]:
    """The role on the line under a signature that is only a name ("Imangali Tasmagambetov,"
    then "CSTO Secretary General"), or ("", "")."""
    if mention.role or name_line.strip(" ,") != mention.name:
        return "", ""
    if len(role_line.split()) > _SIGNATURE_WORDS or role_line.endswith(tuple(".;:!?")):
        return "", ""
    tokens = _tokens(role_line)
    if not tokens or not all(_is_phrase_part(t) for t in tokens):
        return "", ""
    return _split_role(role_line, tokens)


_SIGNATURE_NAME_WORDS = range(2, 4)


def _unlisted_signature(name_line: str, role_line: str) -> _Mention | None:
    """A signature whose name no list knows ("Hovik Sargsyan"), known by the role line
    under it ("Minister of Foreign Affairs of the Republic of Armenia"): two or three
    capitalised words that are no role, place or organisation, then a role."""
    name = name_line.strip(" ,")
    tokens = _tokens(name)
    if len(tokens) not in _SIGNATURE_NAME_WORDS or not all(
        t.kind == "word" and _is_nameish(t) for t in tokens
    ):
        return None
    if len(role_line.split()) > _SIGNATURE_WORDS or role_line.endswith(tuple(".;:!?")):
        return None
    role_tokens = _tokens(role_line)
    if not role_tokens or not (_is_role(role_tokens[0]) or _is_role_adjective(role_tokens[0])):
        return None
    if not all(_is_phrase_part(t) for t in role_tokens):
        return None
    role, org = _split_role(role_line, role_tokens)
    return _Mention(name, role, org, 0, False) if role else None


_SIGNED_FOR_STATE = re.compile(
    r"(?:for|on behalf of|за|от)\s+(?:the\s+)?(?P<state>[A-ZА-ЯЁ][^;]*)", re.IGNORECASE
)


def _signed_for(paragraph: str, mention: _Mention) -> _Mention:
    """A signer in a document's signature table ("For the Republic of Belarus A. Lukashenko;
    For the ...") signs for the state named before the name: that is their organisation."""
    if mention.role or mention.organisation:
        return mention
    # rfind, not a split of everything before: a line of thousands of names stays linear
    piece = paragraph[paragraph.rfind(";", 0, mention.start) + 1 : mention.start].strip()
    signed = _SIGNED_FOR_STATE.fullmatch(piece)
    if signed is None:
        return mention
    return _Mention(mention.name, "", signed["state"], mention.start, mention.single)


def find_participants(paragraphs: Iterable[str]) -> list[Participant]:
    """Every person named in the paragraphs (title first), once each, in order of mention."""
    mentions: list[_Mention] = []
    offset = 0
    lines = list(paragraphs)
    for index, paragraph in enumerate(lines):
        found = [_signed_for(paragraph, m) for m in _mentions(paragraph)]
        signature = (
            _unlisted_signature(paragraph, lines[index + 1])
            if not found and index + 1 < len(lines) and len(paragraph) <= 60 else None
        )
        if signature is not None:
            found = [signature]
        if len(found) == 1 and index + 1 < len(lines) and len(paragraph) <= 60:
            role, org = _signature_role(paragraph, found[0], lines[index + 1])
            if role:
                found = [_Mention(found[0].name, role, org, found[0].start, found[0].single)]
        for m in found:
            mentions.append(_Mention(m.name, m.role, m.organisation, m.start + offset, m.single))
        offset += len(paragraph) + 2
    return _drop_addresses(merge_mentions(mentions))
