"""The search syntax: words, "phrases", -exclusions and field filters, parsed once."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from store.errors import InputError
from store.model import KINDS
from store.text.dates import date_bound

MAX_WORDS = 24
"""A pasted paragraph must not cost a second: later words are ignored."""

FIELDS = ("person", "kind", "after", "before", "in", "tag")

_TOKEN = re.compile(
    r"""(?P<neg>-)?(?:(?P<field>[A-Za-z]+):(?:"(?P<fquoted>[^"]*)"?|(?P<fvalue>\S*))"""
    r"""|"(?P<phrase>[^"]*)"?|(?P<word>\S+))"""
)
_WORD = re.compile(r"\w+")
_QUERY_WORD = re.compile(r"\w+(?:-\w+)*")
"""A query word keeps its hyphens: "Ter-Minasyan" is one word, matched whole."""


@dataclass(frozen=True)
class Query:
    """A parsed query. Words are ANDed; the last word is a prefix while it is being typed."""

    text: str
    words: tuple[str, ...] = ()
    phrases: tuple[tuple[str, ...], ...] = ()
    excluded: tuple[str, ...] = ()
    people: tuple[tuple[str, ...], ...] = ()
    """Each `person:` value as its words, matched only against participant names."""
    kind: str | None = None
    after: str | None = None
    before: str | None = None
    in_bookmarks: bool = False
    tags: tuple[str, ...] = ()
    """`tag:NAME` values: only items whose bookmark or clipping has every one (implies
    in:bookmarks, since only bookmarks and clippings have tags)."""
    last_is_prefix: bool = True

    @property
    def has_text(self) -> bool:
        """True when results are ranked by match; False when only filters apply (date order)."""
        return bool(self.words or self.phrases or self.people)

    def filters(self) -> list[str]:
        """The active filters as the user would write them (for a status line)."""
        out = [f"person:{' '.join(p)}" for p in self.people]
        if self.kind:
            out.append(f"kind:{self.kind}")
        if self.after:
            out.append(f"after:{self.after}")
        if self.before:
            out.append(f"before:{self.before}")
        if self.in_bookmarks:
            out.append("in:bookmarks")
        out.extend(f"tag:{tag}" for tag in self.tags)
        return out


def parse_query(text: str) -> Query:
    """Parse `text`; raises InputError (one line) for an unknown field or a bad value.

    Incomplete input while typing is not an error: `kind:` with no value is ignored and
    `kind:sp` is the unique kind it starts.
    """
    terms = _Terms()
    for match in _TOKEN.finditer(text):
        negative = bool(match.group("neg"))
        if match.group("field") is not None:
            terms.add_filter(*_filter(match))
        elif match.group("phrase") is not None:
            terms.add_phrase(match.group("phrase"), negative=negative)
        else:
            parts = _QUERY_WORD.findall(match.group("word"))
            (terms.excluded if negative else terms.words).extend(parts)
    return terms.query(text)


@dataclass
class _Terms:
    """What a query has said so far, token by token, before the limits on each part."""

    words: list[str] = field(default_factory=list)
    phrases: list[tuple[str, ...]] = field(default_factory=list)
    excluded: list[str] = field(default_factory=list)
    people: list[tuple[str, ...]] = field(default_factory=list)
    kind: str | None = None
    after: str | None = None
    before: str | None = None
    in_bookmarks: bool = False
    tags: list[str] = field(default_factory=list)

    def add_filter(self, name: str, value: str) -> None:
        """A later filter of the same field replaces `kind:`, `after:` and `before:`, and
        adds to `person:` and `tag:`."""
        if not value:
            return
        if name == "person":
            self.people.append(tuple(_WORD.findall(value)))
        elif name == "kind":
            self.kind = _kind(value)
        elif name == "after":
            self.after = _date(value, upper=False)
        elif name == "before":
            self.before = _date(value, upper=True)
        elif name == "in":
            if not "bookmarks".startswith(value.casefold()):
                raise InputError(f"unknown in:{value} (only in:bookmarks)")
            self.in_bookmarks = True
        elif name == "tag":
            self.tags.append(value.lstrip("#"))
            self.in_bookmarks = True

    def add_phrase(self, phrase_text: str, *, negative: bool) -> None:
        """A one-word phrase is that word; an excluded phrase excludes each of its words."""
        phrase = tuple(_WORD.findall(phrase_text))
        if negative:
            self.excluded.extend(phrase)
        elif len(phrase) == 1:
            self.words.append(phrase[0])
        elif phrase:
            self.phrases.append(phrase)

    def query(self, text: str) -> Query:
        """The parsed `text`, each part cut to its limit."""
        last_is_prefix = bool(text) and not text[-1].isspace() and not text.endswith('"')
        if self.people and not self.words and not self.phrases:
            last_is_prefix = last_is_prefix and not text.rstrip().endswith('"')
        return Query(
            text=text,
            words=tuple(self.words[:MAX_WORDS]),
            phrases=tuple(self.phrases[:4]),
            excluded=tuple(self.excluded[:MAX_WORDS]),
            people=tuple(self.people[:4]),
            kind=self.kind,
            after=self.after,
            before=self.before,
            in_bookmarks=self.in_bookmarks,
            tags=tuple(self.tags[:4]),
            last_is_prefix=last_is_prefix,
        )


def _filter(match: re.Match[str]) -> tuple[str, str]:
    """A `field:value` token's field and trimmed value; an unknown field is an error even
    before its value is typed."""
    name = match.group("field").casefold()
    value = match.group("fquoted")
    if value is None:
        value = match.group("fvalue") or ""
    if name not in FIELDS:
        raise InputError(
            f"unknown filter {name + ':'!r} "
            "(use person:, kind:, after:, before:, in:, tag:)"
        )
    return name, value.strip()


def _kind(value: str) -> str | None:
    """The kind `value` names or uniquely starts; None while it is still ambiguous.

    "kind:s" is half-typed (speech or statement): no filter yet, rather than an error
    flashing up on every keystroke.
    """
    value = value.casefold()
    options = [k for k in KINDS if k.startswith(value)]
    if not options:
        raise InputError(f"unknown kind:{value} (one of {', '.join(KINDS)})")
    return options[0] if len(options) == 1 else None


def _date(value: str, *, upper: bool) -> str:
    try:
        return date_bound(value, upper=upper)
    except ValueError as error:
        raise InputError(str(error)) from None
