"""Russian names and roles back in the nominative: "Сейраном Оганяном" -> "Сейран Оганян".

Russian press text names people in every grammatical case ("с Министром обороны Армении
Сейраном Оганяном", "визит Николая Бордюжи", "с Ю.Хачатуровым"); People and dossiers show
and key them in the nominative. pymorphy3 knows first names (`Name`), surnames (`Surn`),
patronymics (`Patr`), their genders and cases, and guesses unknown words by their endings.
The first name decides the case and the gender, so Бордюжи (after Николая) becomes Бордюжа
and Петровой after Ирины becomes Петрова, not Петров.

The analyser costs ~0.6 s to load and is loaded on the first Cyrillic name only, so an
English import or the app's start never pays for it; every word's analyses are cached.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from store.text.lexicon import FEMALE_FIRST_NAMES_CYR

_CYRILLIC = re.compile(r"[А-Яа-яЁё]")
_PART = re.compile(r"[А-Яа-яЁёA-Za-z][А-Яа-яЁёA-Za-z'’\-]*\.?")


@lru_cache(maxsize=1)
def _analyser() -> Any:
    import pymorphy3  # loaded on the first Cyrillic name: ~0.6 s and ~15 MB

    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=200_000)  # a few thousand distinct words in names and roles
def _parses(word: str) -> tuple[Any, ...]:
    return tuple(_analyser().parse(word))


def _singular(parse: Any) -> bool:
    return "sing" in parse.tag or "Fixd" in parse.tag


def _restyle(word: str, like: str) -> str:
    """`word` (lower case) capitalised as `like` was: "сейран" -> "Сейран"."""
    if like.isupper() and len(like) > 1:
        return word.upper()
    parts = word.split("-")
    shown = like.split("-")
    return "-".join(
        p[:1].upper() + p[1:] if i >= len(shown) or shown[i][:1].isupper() else p
        for i, p in enumerate(parts)
    )


def _given_name(word: str) -> Any | None:
    """The best analysis of `word` as a first name (or patronymic), if it is one."""
    for parse in _parses(word):
        if ("Name" in parse.tag or "Patr" in parse.tag) and _singular(parse):
            return parse
    return None


_GOVERNED_CASES = frozenset({"gent", "datv", "ablt", "loct"})


@lru_cache(maxsize=50_000)
def is_governed_word(word: str) -> bool:
    """Whether a lowercase Russian word reads best as a noun or adjective in an oblique case
    ("отдела", "военного", "вызовам"): what a role's head governs in "начальник отдела по
    противодействию вызовам и угрозам"; a verb or a nominative is not."""
    if not _CYRILLIC.match(word):
        return False
    parses = _parses(word)
    return bool(parses) and parses[0].tag.POS in ("NOUN", "ADJF", "PRTF") and (
        parses[0].tag.case in _GOVERNED_CASES
    )


@lru_cache(maxsize=50_000)
def is_first_name(word: str) -> bool:
    """Whether the analyser's best reading of a Cyrillic word is a first name in some case
    ("Халедом", "Сейраном"): names the parser's own list does not hold."""
    if not _CYRILLIC.match(word) or len(word) < 3:
        return False
    parses = _parses(word)
    return bool(parses) and "Name" in parses[0].tag and "Abbr" not in parses[0].tag


def _cases_as_word(surname: str) -> set[str]:
    """The cases a surname the analyser knows only as another word reads in ("Бордюжу", a
    place's accusative): its ending tells the accusative, not the genitive the first name
    "Николая" also reads as. Empty when that says nothing: a surname in -ов/-ин or -ич
    declines by its own rules (`_ENDINGS`), whatever word it also is."""
    folded = surname.casefold()
    if _SURNAME.search(folded) or _DECLINED_ICH.search(folded):
        return set()
    return {
        p.tag.case for p in _parses(surname)
        if _singular(p) and p.tag.case and p.tag.POS == "NOUN" and _from_dictionary(p)
        and p.normal_form.endswith(("а", "я"))
    }


def _case_and_gender(words: list[str], oblique: bool = False) -> tuple[str, str]:
    """The grammatical case and gender a name is written in, as its words agree on.

    The first name tells both, when the surname agrees: "Евгения Моисеева" reads as the
    genitive of Евгений Моисеев and as the nominative of Евгения Моисеева, and a name
    that may be written in the nominative is kept as written (two people are never made
    one; a name kept in another case is at worst a second entry). A first name the
    analyser takes for a case form of another ("Сауле" for Саул, "Ильхом" for Ильх) is
    checked against what the surname allows. An indeclinable first name ("Айгуль") tells
    the gender only, and the surname the case. An `oblique` name (its post is written in
    an oblique case, and a name agrees with its post: "пресс-секретаря Президента Дмитрия
    Пескова") is read in the case its words agree on other than the nominative.
    """
    surname = words[-1] if words else ""
    surnames = [
        p for p in _parses(surname)
        if _singular(p) and ("Surn" in p.tag or p.tag.POS == "ADJF")
    ]
    # What the surname allows, as a surname (an adjective reading such as "Бордюжей" as
    # a comparative says nothing); the analyser's own entries before its guesses.
    as_surname = [p for p in surnames if "Surn" in p.tag]
    known = [p for p in as_surname if _from_dictionary(p)] or as_surname

    any_case = _cases_as_word(surname)

    def agrees(case: str, gender: str) -> bool:
        by_analyser = any(
            p.tag.case == case and (not gender or gender in p.tag or "ms-f" in p.tag)
            for p in known
        ) if known else (not any_case or case in any_case)
        return by_analyser and _ending_allows(surname, case, gender)

    def may_be_nominative(gender: str) -> bool:
        if oblique or _DECLINED_ICH.search(surname.casefold()):
            return False
        return _ending_allows(surname, "nomn", gender) and (
            _SURNAME.search(surname.casefold()) is not None
            or not surnames  # a surname the analyser cannot read ("Рахимзода")
            or any(p.tag.case == "nomn" for p in surnames)
        )

    gender = ""
    if len(words) > 1:
        first = words[0].casefold()
        if first in FEMALE_FIRST_NAMES_CYR and may_be_nominative("femn"):
            return "nomn", "femn"
        readings = [p for p in _given_names(words[0]) if "Init" not in p.tag]
        if oblique:
            readings = [p for p in readings if p.tag.case != "nomn" or "Fixd" in p.tag]
        for parse in readings:
            if "Fixd" in parse.tag:  # "Айгуль" is every case: the surname tells
                break
            if parse.tag.case == "nomn" and may_be_nominative(_gender(parse)):
                return "nomn", _gender(parse)
        for parse in readings:
            if "Fixd" in parse.tag:
                gender = _gender(parse)
                break
            if not _from_dictionary(parse) and may_be_nominative(_gender(parse)):
                return "nomn", _gender(parse)  # a guessed case form ("Ильхом" as Ильх)
            if agrees(parse.tag.case or "", _gender(parse)):
                return parse.tag.case or "", _gender(parse)
        else:
            if readings and may_be_nominative(""):
                return "nomn", ""  # no reading of the first name fits the surname
    return _case_by_surname(surnames, gender, oblique)


def _case_by_surname(surnames: list[Any], gender: str, oblique: bool) -> tuple[str, str]:
    """The case and gender the surname's own readings tell, of `gender` if known."""
    parses = [p for p in surnames if not gender or gender in p.tag or "ms-f" in p.tag]
    if oblique:
        parses = [p for p in parses if p.tag.case != "nomn"]
    if not parses or any(p.tag.case == "nomn" for p in parses):
        return "nomn", gender  # "Петрова" alone may be a woman's nominative: kept as written
    best = parses[0]
    return best.tag.case or "", gender or _gender(best)


_DECLINED_ICH = re.compile(r"[^\W\d_]ич(а|у|ем|е)$")
"""A surname in -ич with a case ending ("Вольфовича", "Вучичем"): a man's in a case other
than the nominative, for a woman's in -ич does not decline. "Александра Вольфовича" is
Александр Вольфович in the genitive, not a woman named Александра."""
_SURNAME = re.compile(r"(?:ов|ев|ёв|ин|ын)(а|у|ым|е|ой|ою)?$")
"""The Russian surnames that decline as -ов/-ин do, with their case ending if any."""
_ENDINGS = {
    ("nomn", "masc"): "", ("gent", "masc"): "а", ("datv", "masc"): "у",
    ("accs", "masc"): "а", ("ablt", "masc"): "ым", ("loct", "masc"): "е",
    ("nomn", "femn"): "а", ("gent", "femn"): "ой", ("datv", "femn"): "ой",
    ("accs", "femn"): "у", ("ablt", "femn"): "ой", ("loct", "femn"): "ой",
}
"""Case endings of those surnames (Петров, Петрова, Петрову, Петровым, Петрове; Петрова,
Петровой, Петрову): what the analyser, guessing at a surname it does not know, may miss."""


def _ending_allows(surname: str, case: str, gender: str) -> bool:
    """Whether an -ов/-ин surname's ending fits `case` and `gender` (True for others)."""
    match = _SURNAME.search(surname.casefold())
    if match is None:
        return True
    ending = match.group(1) or ""
    genders = (gender,) if gender else ("masc", "femn")
    return any(
        _ENDINGS.get((case, g)) == ending or (ending == "ою" and _ENDINGS.get((case, g)) == "ой")
        for g in genders
    )


def _gender(parse: Any) -> str:
    return "femn" if "femn" in parse.tag else "masc" if "masc" in parse.tag else ""


def _from_dictionary(parse: Any) -> bool:
    """Whether the analyser knows the word, rather than guessing from its ending."""
    return type(parse.methods_stack[0][0]).__name__ == "DictionaryAnalyzer"


def _given_names(word: str) -> list[Any]:
    """Every analysis of `word` as a singular first name or patronymic, best first."""
    return [
        p for p in _parses(word) if ("Name" in p.tag or "Patr" in p.tag) and _singular(p)
    ]


def _word_nominative(word: str, case: str, gender: str, given: bool) -> str:
    """One word of a name in the nominative, agreeing with `case` and `gender`."""
    parses = [p for p in _parses(word) if _singular(p) and p.tag.case == case]
    if given:
        parses = [p for p in parses if "Name" in p.tag or "Patr" in p.tag] or parses
    if gender:
        parses = [p for p in parses if gender in p.tag or "ms-f" in p.tag] or parses
    if not parses:
        return word if given else _surname_by_ending(word, case, gender)
    parses.sort(key=lambda p: ("Surn" not in p.tag and "Name" not in p.tag, p.tag.POS != "NOUN"))
    parse = parses[0]
    if "Fixd" in parse.tag:
        return word
    wanted = {"nomn", "sing"} | ({gender} if gender and parse.tag.POS == "ADJF" else set())
    if "Surn" in parse.tag and gender:
        wanted.add(gender)
    form = parse.inflect(wanted)
    nominative = form.word if form is not None else parse.normal_form
    if not given and parse.tag.POS == "ADJF" and "Surn" not in parse.tag:
        nominative = _possessive_surname(nominative)
    return _restyle(nominative, word)


def _surname_by_ending(word: str, case: str, gender: str) -> str:
    """An -ов/-ин surname in the nominative by its ending alone ("Хренина" in the genitive
    -> "Хренин"): for a surname the analyser knows only as a common word ("хренина")."""
    declined = _DECLINED_ICH.search(word.casefold())
    if declined is not None and gender != "femn" and case != "nomn":
        return word[: len(word) - len(declined.group(1))]  # "Вучича" -> "Вучич"
    match = _SURNAME.search(word.casefold())
    ending = (match.group(1) or "") if match else None
    if ending is None or not gender:
        return word
    if _ENDINGS.get((case, gender)) not in (ending, "ой" if ending == "ою" else None):
        return word
    stem = word[: len(word) - len(ending)]
    return stem + _restyle(_ENDINGS[("nomn", gender)], word[-1:])


_POSSESSIVE_AS_ADJECTIVE = re.compile(r"(?<=ов|ев|ёв|ин|ын)(ый|ая)$")
""""семериковый", "семериковая": the analyser, not knowing a surname in -ов/-ин, reads
its case forms ("Семериковым", "Семериковой") as an adjective's; the surname's own
nominative is "Семериков", "Семерикова". Adjective surnames ("Войтоловский", "Толстая")
end otherwise."""


def _possessive_surname(word: str) -> str:
    return _POSSESSIVE_AS_ADJECTIVE.sub(lambda m: "" if m.group(1) == "ый" else "а", word)


def _oblique_patronymic(words: list[str]) -> bool:
    """Whether a name's patronymic is in an oblique case ("Романа Александровича
    Головченко"): a patronymic's nominative is never its genitive, so the whole name is
    oblique, however its first name and surname also read."""
    for word in words[1:]:
        patronymics = [p for p in _parses(word) if "Patr" in p.tag and _singular(p)]
        if patronymics and all(p.tag.case != "nomn" for p in patronymics):
            return True
    return False


@lru_cache(maxsize=100_000)  # an import meets the same few thousand names again and again
def nominative_name(name: str, oblique: bool = False) -> str:
    """A Russian name in the nominative ("Ю.Хачатуровым" -> "Ю. Хачатуров"); other names
    as they are. A name that reads as a nominative too ("Дмитрия Пескова" may be a woman's,
    "С.В.Лаврова" too) is kept as written unless it is `oblique`: written with a post in an
    oblique case (`oblique_role`), which it agrees with."""
    if not _CYRILLIC.search(name):
        return name
    parts = _PART.findall(name)
    if not parts or len(parts) > 5:
        return name
    initials = [p.endswith(".") and len(p) <= 3 for p in parts]
    words = [p.rstrip(".") for p, initial in zip(parts, initials, strict=True) if not initial]
    if not words or not all(_CYRILLIC.match(w) for w in words):
        return name
    case, gender = _case_and_gender(words, oblique or _oblique_patronymic(words))
    if case == "nomn":
        return name
    out = []
    for part, initial in zip(parts, initials, strict=True):
        if initial:
            out.append(part)
            continue
        given = _given_name(part) is not None and part is not parts[-1]
        out.append(_word_nominative(part.rstrip("."), case, gender, given))
    return " ".join(out)


@lru_cache(maxsize=50_000)
@lru_cache(maxsize=10_000)
def oblique_role(role: str) -> bool:
    """Whether a Russian post is written in an oblique case only ("пресс-секретаря
    Президента", "Министром обороны"; not "Министр", not "главы", which may be a plural's
    nominative): the name written with it is in that case too."""
    first = role.split(" ", 1)[0].casefold()
    if not _CYRILLIC.match(first):
        return False
    cases = {p.tag.case for p in _parses(first) if p.tag.POS in ("NOUN", "ADJF")}
    return bool(cases) and "nomn" not in cases


def nominative_role(role: str) -> str:
    """A Russian role in the nominative: its leading adjectives and head noun ("Министром
    обороны" -> "Министр обороны", "Генеральным секретарем ОДКБ" -> "Генеральный секретарь
    ОДКБ", "Чрезвычайного и Полномочного Посла" -> "Чрезвычайный и Полномочный Посол");
    what depends on the head (in the genitive) stays as written."""
    if not _CYRILLIC.search(role):
        return role
    words = role.split(" ")
    first = _parses(words[0].casefold()) if words[0] else ()
    cases = [p.tag.case for p in first if p.tag.POS in ("NOUN", "ADJF") and _singular(p)]
    if not cases or cases[0] == "nomn":
        return role
    for case in dict.fromkeys(cases):
        chain = _head_chain(words, case)
        if chain and chain[-1] is not None and chain[-1].tag.POS == "NOUN":
            return " ".join(_to_nominative(words, chain))
    return role


def _in_case(word: str, case: str) -> list[Any]:
    return [
        p for p in _parses(word.casefold())
        if p.tag.case == case and _singular(p) and p.tag.POS in ("NOUN", "ADJF")
    ]


def _head_chain(words: list[str], case: str) -> list[Any]:
    """The parses of a role's leading adjectives (None for an "и" between them) and its head
    noun, all in `case`. A word that reads as both ("первого") is an adjective while a word
    in the same case follows it."""
    chain: list[Any] = []
    for index, word in enumerate(words):
        if word.casefold() == "и" and chain:
            chain.append(None)
            continue
        parses = _in_case(word, case)
        if not parses:
            break
        adjectives = [p for p in parses if p.tag.POS == "ADJF"]
        nouns = [p for p in parses if p.tag.POS == "NOUN"]
        following = words[index + 1] if index + 1 < len(words) else ""
        if adjectives and (not nouns or following.casefold() == "и" or _in_case(following, case)):
            chain.append(adjectives[0])
            continue
        if nouns:
            chain.append(nouns[0])
        break
    return chain


def _to_nominative(words: list[str], chain: list[Any]) -> list[str]:
    """`words` with the parses of `chain` put in the nominative singular; adjectives take the
    head noun's gender ("Постоянного представителя" is masculine although "постоянного" alone
    also reads as neuter)."""
    head = chain[-1]
    gender = head.tag.gender
    out = list(words)
    for index, parse in enumerate(chain):
        if parse is None:
            continue
        wanted = {"nomn", "sing"}
        if parse.tag.POS == "ADJF" and gender:
            case = parse.tag.case
            parse = next(
                (p for p in _parses(words[index].casefold())
                 if p.tag.POS == "ADJF" and p.tag.case == case and p.tag.gender == gender),
                parse,
            )
            wanted.add(gender)
        form = parse.inflect(wanted)
        if form is None:
            return list(words)
        out[index] = _restyle(form.word, words[index])
    return out


@lru_cache(maxsize=10_000)
def plural_role_singular(role: str) -> str:
    """A Russian role written in the plural, in the singular ("министры обороны" ->
    "министр обороны", "заместители министров иностранных дел" -> "заместитель министра
    иностранных дел"): each plural noun of a post in its own case; "" when the role's head
    is not plural. What the posts govern ("иностранных дел") stays as written."""
    words = role.split(" ")
    if not words or not words[0]:
        return ""
    head = [p for p in _parses(words[0].casefold()) if p.tag.POS == "NOUN"]
    if not head or "plur" not in head[0].tag:
        return ""
    out = list(words)
    for index, word in enumerate(words):
        parses = [p for p in _parses(word.casefold()) if p.tag.POS == "NOUN"]
        if not parses or "plur" not in parses[0].tag or not _is_post(parses[0].normal_form):
            continue
        form = parses[0].inflect({"sing", parses[0].tag.case or "nomn"})
        if form is not None:
            out[index] = _restyle(form.word, word)
    return " ".join(out)


_POSTS = (
    "министр", "заместител", "глав", "руководител", "председател", "секретар", "посл",
    "представител", "директор", "начальник", "советник", "командующ", "помощник",
)


def _is_post(lemma: str) -> bool:
    return lemma.startswith(_POSTS)


def has_cyrillic(text: str) -> bool:
    """Whether `text` has a Russian letter: what the analyser is asked about."""
    return _CYRILLIC.search(text) is not None
