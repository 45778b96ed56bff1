"""Folding words to one key across scripts and spellings, so names meet however typed.

Войтоловский, Voitolovsky, Voytolovskiy and Voitolovskii all fold to "voitolovski";
Тасмагамбетову (a Russian case form) folds to the same key as Tasmagambetov.
The same function folds the index and the query, so any over-folding is symmetric.
"""

from __future__ import annotations

import re
from functools import lru_cache

from anyascii import anyascii

_WORD = re.compile(r"\w+")
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

# Russian case endings of surnames, longest first: the stem keeps the nominative's shape.
_RU_ADJECTIVE_SURNAME = re.compile(r"(ск|цк)(ого|ому|им|ом|ой)$")
_RU_POSSESSIVE_SURNAME = re.compile(r"(ов|ев|ёв|ин|ын)(а|у|ым|е|ой|ым)$")
_RU_SOFT_NAME = re.compile(r"(ий)$")

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
        (r"^ye|^je", "e"),
        (r"yu|iu", "u"),
        (r"ya|ia", "a"),
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
    for pattern, replacement in _FOLDS:
        text = pattern.sub(replacement, text)
    return text


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


def fold_words(text: str) -> list[str]:
    """Folded tokens of `text`, without spans (the indexing hot path)."""
    return [f for f in map(fold_word, _WORD.findall(text)) if f]
