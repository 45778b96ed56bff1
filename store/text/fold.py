"""Folding words to one key across scripts and spellings, so names meet however typed.

Войтоловский, Voitolovsky, Voytolovskiy and Voitolovskii all fold to "voitolovski";
Тасмагамбетову (a Russian case form) folds to the same key as Tasmagambetov.
The same function folds the index and the query, so any over-folding is symmetric.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import chain

from anyascii import anyascii

_WORD = re.compile(r"\w+")
_WORD_OR_COMPOUND = re.compile(r"\w++(?:-\w++)*")
_COMPOUND = re.compile(r"\b\w++(?:-\w++)+")  # possessive: no backtracking on long text
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def _build_table() -> dict[int, str]:
    """Transliterate every letter of the scripts press archives use, for str.translate.

    anyascii is pure Python and per character; a table built once makes folding a body
    of text run at C speed.
    """
    table: dict[int, str] = {}
    ranges = [(0x00C0, 0x024F), (0x0370, 0x03FF), (0x0400, 0x052F), (0x1E00, 0x1EFF)]
    for start, end in ranges:
        for code in range(start, end + 1):
            char = chr(code)
            if char.isalpha():
                table[code] = anyascii(char).casefold()
    return table


_TABLE = _build_table()

# Russian case endings of surnames: the stem keeps the masculine nominative's shape, so
# Войтоловским and Войтоловская meet Войтоловский, and Хрениным and Хренину meet Хренин.
_RU_ADJECTIVE_SURNAME = re.compile(r"(ск|цк)(ого|ому|ая|ую|им|ом|ой)$")
_RU_POSSESSIVE_SURNAME = re.compile(r"(ов|ев|ёв|ин|ын)(а|у|ым|е|ой)$")
# The same feminine forms written in Latin letters (Petrova, Ilyina, Shpakovskaya): Russian
# text cannot tell Петрова the woman from Петрова the genitive of Петров, so neither does
# the key, and Latin and Cyrillic spellings of a woman's name meet.
_LATIN_FEMININE = re.compile(r"(?<=..)(ov|ev|in)a$|(?<=.)(sk|ck)ai?a$")

# Spelling folds on the Latin form, applied in order. Transliteration systems disagree
# on exactly these letters; folding them makes the systems meet.
_FOLDS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"dzh|dj", "j"),
        (r"shch|sch", "sh"),
        (r"kh", "h"),
        (r"tz|ts", "c"),
        (r"x", "ks"),
        (r"yo|(?<=[aeiou])io|^io|jo", "e"),
        (r"ye|je", "e"),
        (r"y", "i"),
        (r"j", "i"),
        (r"w", "v"),
        (r"(.)\1+", r"\1"),
    )
)


@lru_cache(maxsize=200_000)
def fold_word(word: str) -> str:
    """The search key of one word: transliterated, casefolded, spelling-folded."""
    lowered = word.casefold()
    if _CYRILLIC.search(lowered):
        lowered = _stem_russian(lowered)
    text = lowered.translate(_TABLE)
    if not text.isascii():
        text = anyascii(text).casefold()
    text = "".join(ch for ch in text if ch.isalnum())
    if not text or text.isdigit():
        return text
    # To a fixed point: one pass can leave a new match ("yio" -> "iio" -> "io", which
    # folds on to "e"), and a key must fold to itself, or a query typed as a stored key
    # would miss it.
    for _ in range(4):
        before = text
        for pattern, replacement in _FOLDS:
            text = pattern.sub(replacement, text)
        if text == before:
            break
    return _LATIN_FEMININE.sub(_masculine, text)


def allowed_edits(word: str) -> int:
    """Typo tolerance by word length (Meilisearch's rule): 1 edit from 5 letters, 2 from 9."""
    return 2 if len(word) >= 9 else 1 if len(word) >= 5 else 0


def folds_to_nothing(word: str, folded: str) -> bool:
    """A word of four or more typed letters that folds to one letter ("zzzzzzzz" -> "z").

    Such a word shares one letter with whatever it would match as a prefix or with a typo:
    it matches nothing rather than half the archive. No real word folds that far.
    """
    return len(folded) < 2 and sum(ch.isalpha() for ch in word) >= 4


def typo_budget(word: str, folded: str) -> int:
    """Edits allowed for `word` as typed, but never so many that a typo reading would share
    fewer than two folded letters with it ("kkkkq" folds to "kq": no typo readings)."""
    return min(allowed_edits(word), max(0, len(folded) - 2))


def _masculine(match: re.Match[str]) -> str:
    return match.group(1) or f"{match.group(2)}i"


def _stem_russian(word: str) -> str:
    """Bring a Russian surname in another case back to its nominative shape.

    "Хрениным" -> "хренин", "Тасмагамбетову" -> "тасмагамбетов", "Войтоловским" ->
    "войтоловский". Only surname-shaped endings are touched, so common words change little.
    """
    if len(word) < 5:
        return word
    stemmed = _RU_ADJECTIVE_SURNAME.sub(r"\1ий", word)
    if stemmed != word:
        return stemmed
    return _RU_POSSESSIVE_SURNAME.sub(r"\1", word)


def tokens(text: str) -> list[tuple[str, int, int]]:
    """Folded tokens of `text` with their character span in the original."""
    out = []
    for match in _WORD.finditer(text):
        folded = fold_word(match.group())
        if folded:
            out.append((folded, match.start(), match.end()))
    return out


def compounds(text: str) -> list[tuple[str, int, int]]:
    """Hyphenated words joined into one key ("Ter-Minasyan" -> "terminasian"), with spans.

    Indexed beside their parts, so a typo anywhere in "Ter-Minasyan" is one edit of one
    long word rather than a miss on a three-letter part.
    """
    if "-" not in text:
        return []
    out = []
    for match in _COMPOUND.finditer(text):
        folded = fold_word(match.group())
        if folded:
            out.append((folded, match.start(), match.end()))
    return out


def fold_words(text: str) -> list[str]:
    """Folded tokens of `text`, in order, without spans."""
    return [f for f in map(fold_word, _WORD.findall(text)) if f]


_TOKENS: dict[str, tuple[str, ...]] = {}
"""Folded terms of each whitespace-separated token seen, punctuation and all."""


def _fold_token(token: str) -> tuple[str, ...]:
    out: set[str] = set()
    for word in _WORD_OR_COMPOUND.findall(token):
        out.add(fold_word(word))
        if "-" in word:
            out.update(map(fold_word, word.split("-")))
    out.discard("")
    return tuple(out)


def fold_set(text: str) -> set[str]:
    """The distinct folded tokens of `text`, hyphenated words also whole: the indexing hot path.

    Words and hyphenated compounds are found together ("Ter-Minasyan" gives "ter",
    "minasian" and "terminasian", as `tokens` plus `compounds` would). A word never spans
    whitespace, so the text is cut by `str.split` (C speed, half the cost of a regex pass
    over a speech) and each distinct token is folded once and remembered: a long speech
    costs set operations on tokens seen before.
    """
    seen = _TOKENS
    pieces = set(text.split())
    for token in pieces.difference(seen):  # C fast path: set minus dict
        seen[token] = _fold_token(token)
    out = set(chain.from_iterable(map(seen.__getitem__, pieces)))
    if len(seen) > 2_000_000:  # a pathological input must not grow memory without end
        seen.clear()
    return out
