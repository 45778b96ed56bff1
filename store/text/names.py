"""What a person's name says about who they are: surname, first name, initial, patronymic.

Press text writes one person as "Fyodor Voitolovsky", "F. Voytolovskiy", "Ф.Войтоловский",
"Фёдор Войтоловский", "Voitolovsky" or, in a Russian address, "Фёдор Геннадьевич". Two
names whose first names differ (after folding the spellings transliteration systems
disagree on: Yuri/Yury/Юрий, Fyodor/Fedor, Aleksandr/Alexander) are two people; an
initial or a bare surname says less, and only the archive can tell whom it means.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

from store.text.fold import fold_word

_NAME_WORD = re.compile(r"[^\W\d_]+")
"""Letters only, so "K.M.Sadykov" gives K, M, Sadykov and "И.Тасмагамбетов" И, Тасмагамбетов."""

_INITIAL = re.compile(r"(?<![^\W\d_])([^\W\d_]{1,2})\.")
"""An initial as written: "A.", "Yu.", "И." (a one- or two-letter word before a full stop)."""

_PATRONYMIC = re.compile(
    r"(ovich|evich|ovitch|evitch|ovna|evna|ichna|ович|евич|овна|евна|ична)$",
    re.IGNORECASE,
)

# Spellings of the same first name that the general folds (store.text.fold) leave apart:
# "io" after a consonant (Fiodor, Semion, Piotr, Artiom are Fyodor, Semyon, Pyotr, Artyom,
# and "Фёдор" transliterates to fedor) and the English forms the press prefers.
_FIRST_FOLDS = (
    (re.compile(r"(?<=[^aeiou])io"), "e"),
    (re.compile(r"(?<=[aeiou])ie"), "e"),
    (re.compile(r"ander$"), "andr"),
)
_ENGLISH_FORMS = {
    "aleksei": "aleksei", "aleksi": "aleksei", "aleks": "aleksandr", "mihael": "mihail",
    "mikhail": "mihail", "michael": "mihail", "mihal": "mihail", "george": "georgi",
    "paul": "pavel", "peter": "petr", "pete": "petr", "jakob": "iakov", "iacob": "iakov",
    "nicolai": "nikolai", "nicholas": "nikolai", "eugene": "evgeni", "evgeni": "evgeni",
    "gregori": "grigori", "grigori": "grigori", "vasili": "vasili", "basil": "vasili",
}  # fmt: skip

_MASCULINE_IN_A = frozenset(
    "nikita ilya ilia foma kuzma luka savva danila musa isa mustafa hamza yahya taha usama "
    "zakariya никита илья фома кузьма лука савва данила муса иса мустафа хамза".split()
)
_FEMININE_SURNAME = re.compile(r"(ova|eva|yova|ina|yna|aya|kaya|skaya)$")
_MASCULINE_SURNAME = re.compile(r"(ov|ev|yov|in|yn|sky|skiy|skii|ski|skyi)$")


def name_words(name: str) -> list[str]:
    return _NAME_WORD.findall(name)


@lru_cache(maxsize=50_000)  # a few thousand first names, folded again for every mention
def fold_first_name(word: str) -> str:
    """The key of a first name: Yuri, Yury, Iurii and Юрий give one; Yuri and Yulia two."""
    folded = fold_word(word)
    for pattern, replacement in _FIRST_FOLDS:
        folded = pattern.sub(replacement, folded)
    return _ENGLISH_FORMS.get(folded, folded)


def is_patronymic(word: str) -> bool:
    return len(word) >= 5 and _PATRONYMIC.search(word) is not None


@dataclass(frozen=True)
class NameParts:
    """A name taken apart, every part folded; what is not written is ""."""

    surname: str
    first: str
    """The whole first name (`fold_first_name`); "" when only an initial is written."""
    initial: str
    """The initial as written, folded ("f" for F., "iu" for Ю. or Yu.); a whole first name's
    first letter."""
    patronymic: str
    gender: str
    """"f" or "m" when the name tells (the first name, or a Latin surname ending), else ""."""

    @cached_property  # parse_name shares one NameParts per name: an import asks again and again
    def kind(self) -> str:
        """"full", "initial" (A. Petrov), "surname" (Petrov) or "address" (Yuri Georgievich)."""
        if not self.surname:
            return "address" if self.first else ""
        if self.first:
            return "full"
        return "initial" if self.initial else "surname"

    @cached_property
    def key(self) -> str:
        """The archive's key for this name as written (see `store.index.people`)."""
        kind = self.kind
        if kind == "full":
            return f"{self.surname} {self.first}"
        if kind == "initial":
            return f"{self.surname} {self.initial}."
        if kind == "address":
            return f"~{self.first} {self.patronymic}"
        return self.surname

    def fits(self, full: NameParts) -> bool:
        """Could this (less complete) name be the person `full` names?"""
        if self.gender and full.gender and self.gender != full.gender:
            return False
        kind = self.kind
        if kind == "address":
            return self.first == full.first and self.patronymic == full.patronymic
        # a woman's full name is keyed apart ("zaharov f"); "М.В.Захарова" may be hers (or
        # a Захаров's genitive: the gender, where the name tells it, decides)
        if self.surname != full.surname.removesuffix(FEMININE_MARK):
            return False
        if kind == "initial":
            return full.first.startswith(self.initial)
        return kind == "surname"

    def fits_initialled(self, initialled: NameParts) -> bool:
        """Could this bare surname be the person an initialled name ("A. Petrov") names?"""
        if self.gender and initialled.gender and self.gender != initialled.gender:
            return False
        return self.kind == "surname" and self.surname == initialled.surname


FEMININE_MARK = " f"
"""Added to a woman's folded surname when her full name is written, so Zhyldyz Abdyldayeva
and a Zhyldyz Abdyldayev are keyed apart (folding makes -ova meet -ov)."""


@lru_cache(maxsize=100_000)  # an import parses the same few thousand names again and again
def parse_name(name: str) -> NameParts:
    words = name_words(name)
    if not words:
        return NameParts("", "", "", "", "")
    initials = {m.group(1) for m in _INITIAL.finditer(name)}
    first = patronymic = ""
    if len(words) == 1:
        surname = words[0]
    elif len(words) == 2 and is_patronymic(words[1]) and words[0] not in initials:
        first, patronymic, surname = words[0], words[1], ""  # "Юрий Георгиевич"
    elif len(words) == 3 and is_patronymic(words[2]) and not initials:
        surname, first, patronymic = words  # "Бордюжа Николай Николаевич"
    else:
        first, surname = words[0], words[-1]
        if len(words) >= 3 and is_patronymic(words[1]):
            patronymic = words[1]
    initial_only = first in initials or len(first) == 1
    folded_first = "" if initial_only else fold_first_name(first)
    initial = fold_word(first) if initial_only else folded_first[:1]
    folded_surname = _IO.sub("e", fold_word(surname)) if surname else ""
    if folded_first and _FEMININE_FORM.search(surname.casefold()):
        folded_surname += FEMININE_MARK  # Zhyldyz Abdyldayeva and Zhyldyz Abdyldayev: two
    return NameParts(
        surname=folded_surname,
        first=folded_first,
        initial=initial,
        patronymic=fold_word(patronymic) if patronymic else "",
        gender=_gender(first, surname, initial_only),
    )


_IO = re.compile(r"(?<=[^aeiou])io")
"""Kovaliov is Kovalyov and Ковалёв (fedor, from Фёдор, shows "io" is "ё")."""
_FEMININE_FORM = re.compile(r"(ova|eva|ina|yna|aya|aia|aja|ова|ева|ёва|ина|ына|ая|яя)$")


def _gender(first: str, surname: str, initial_only: bool) -> str:
    """"f", "m" or "" (cannot tell), so Irina Petrova and Ivan Petrov stay two people.

    Folding makes Petrova meet Петровой, and so Petrov too; the first name decides (in
    Russian and its transliterations women's names end in -a/-ya), else a Latin surname
    ending (-ova, -eva, -ina, -skaya against -ov, -sky). A Cyrillic surname alone cannot
    tell: "Петрова" is also a case form of Петров.
    """
    lowered = first.casefold()
    if not initial_only and len(lowered) >= 3 and lowered.isalpha():
        feminine = lowered.endswith(("a", "я", "а")) and lowered not in _MASCULINE_IN_A
        if feminine or _FEMININE_FORM.search(surname.casefold()):
            return "f"
        return "m"
    if surname and surname.isascii():
        lowered = surname.casefold()
        if _FEMININE_SURNAME.search(lowered):
            return "f"
        return "m" if _MASCULINE_SURNAME.search(lowered) else ""  # Kneissl: cannot tell
    return ""


def same_first_name(a: str, b: str) -> bool | None:
    """True/False when both names write a whole first name; None when either does not."""
    first_a, first_b = parse_name(a).first, parse_name(b).first
    if not first_a or not first_b:
        return None
    return first_a == first_b
