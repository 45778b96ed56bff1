"""A case file: bookmarks and their clippings exported for a report (Markdown, DOCX, JSON),
and the plain list of bookmarks that `Bookmarks.export` prints.

Per item: its title, date, kind, participants, source and the user's note, then its
clippings as quotations, each followed (as a numbered footnote in Markdown, as a line in
DOCX) by its citation; a bibliography of every quoted item ends the file. JSON holds
everything, and `read_json` + `Bookmarks.import_records` bring it back exactly.

    marks = Bookmarks.open(path)
    text = markdown(gather(marks, archive, tag="report-kz"), style="chicago")
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from store.bookmarks.bookmark import Bookmark, record_problem
from store.bookmarks.citation import citation, is_url
from store.bookmarks.clippings import Clipping, clipping_problem, has_tag
from store.errors import InputError, UnknownItem
from store.model import Item, Participant
from store.text.filing import filed, role_with_organisation
from store.text.printable import printable, printable_json

if TYPE_CHECKING:
    from store.bookmarks.store import Bookmarks

FORMATS = ("md", "docx", "json")
"""Formats of the case file."""
LIST_FORMATS = ("md", "json")
"""Formats of the plain list (`bookmark_list`)."""
JSON_KIND = "pressroom-bookmarks"
"""The `format` field of a JSON export, so `bookmarks import` knows what it was given."""
JSON_VERSION = 1


class ItemSource(Protocol):
    """What an export needs from an archive: an item by id, or UnknownItem."""

    def get(self, item_id: str) -> Item: ...


@dataclass(frozen=True)
class Section:
    """One item of the case file: its bookmark (None: clipped only) and its clippings."""

    item_id: str
    item: Item | None
    """None when the archive does not have the item (bookmarked from another archive)."""
    bookmark: Bookmark | None
    clippings: tuple[Clipping, ...]
    """In reading order."""


def arrange(marks: Iterable[Bookmark], clippings: Iterable[Clipping],
            tag: str = "") -> list[tuple[str, Bookmark | None, list[Clipping]]]:
    """Bookmarks in their order, each with its clippings in reading order, then items that
    are only clipped (newest clipping first). With `tag`: what has the tag, and the items
    of tagged clippings. The Bookmarks screen lists the same arrangement."""
    by_item: dict[str, list[Clipping]] = {}
    for clipping in clippings:
        if not tag or clipping.has_tag(tag):
            by_item.setdefault(clipping.item_id, []).append(clipping)
    out: list[tuple[str, Bookmark | None, list[Clipping]]] = []
    for mark in marks:
        if not tag or has_tag(mark.tags, tag) or mark.item_id in by_item:
            kept = sorted(by_item.pop(mark.item_id, []), key=lambda c: c.paragraphs)
            out.append((mark.item_id, mark, kept))
    for item_id, kept in by_item.items():
        out.append((item_id, None, sorted(kept, key=lambda c: c.paragraphs)))
    return out


def gather(marks: Bookmarks, archive: ItemSource | None, tag: str = "") -> list[Section]:
    """The case file's sections: what `marks` holds (only `tag`, when given)."""
    sections = []
    for item_id, mark, kept in arrange(marks.list(), marks.clippings(), tag):
        sections.append(Section(item_id, _lookup(archive, item_id), mark, tuple(kept)))
    return sections


# -- the plain list ------------------------------------------------------------------------


def bookmark_list(marks: Bookmarks, fmt: str, archive: ItemSource | None = None) -> str:
    """The bookmarks, newest first, as Markdown for a report or as a JSON list.

    With an archive, each bookmark carries its item's title, date, kind and
    participants; ids the archive does not have are marked "(not in this archive)".
    """
    if fmt not in LIST_FORMATS:
        raise ValueError(f"export format must be one of {', '.join(LIST_FORMATS)}")
    rows = [(mark, _lookup(archive, mark.item_id)) for mark in marks.list()]
    if fmt == "json":
        return printable_json([_list_record(m, item, archive) for m, item in rows],
                              indent=2) + "\n"
    return _list_markdown(rows, archive)


def _list_record(
    mark: Bookmark, item: Item | None, archive: ItemSource | None
) -> dict[str, Any]:
    record = mark.to_dict()
    if item is not None:
        record.update(title=item.title, date=item.date, kind=item.kind,
                      participants=[p.to_dict() for p in item.participants])
    elif archive is not None:
        record["missing"] = True
    return record


def _list_markdown(rows: list[tuple[Bookmark, Item | None]], archive: ItemSource | None) -> str:
    lines = ["# Bookmarks", ""]
    if not rows:
        lines += ["No bookmarks yet.", ""]
    for mark, item in rows:
        if item is None:
            missing = " (not in this archive)" if archive is not None else ""
            lines += [f"## {_md_line(mark.item_id)}{missing}", ""]
        else:
            lines += [f"## {_md_line(item.title)}", ""]
            facts = [item.date or "undated", item.kind, f"`{mark.item_id}`"]
            lines += [_md_line(" · ".join(facts)), ""]
            if item.participants:
                people = "; ".join(map(_person, item.participants))
                lines += [f"Participants: {_md_line(people)}", ""]
        if mark.note:
            note = printable(mark.note, keep_newlines=True)
            lines += ["> " + line if line else ">" for line in note.splitlines()]
            lines.append("")
        if mark.tags:
            lines += [_md_line("Tags: " + ", ".join(mark.tags)), ""]
    return "\n".join(lines)


# -- Markdown ------------------------------------------------------------------------------


def markdown(sections: list[Section], style: str = "plain", tag: str = "") -> str:
    """The case file as Markdown: footnotes hold the citations, a bibliography ends it."""
    heading = f"Bookmarks tagged #{tag}" if tag else "Bookmarks"
    lines = [f"# {_md(heading)}", ""]
    if not sections:
        lines += ["Nothing bookmarked or clipped" + (" with this tag." if tag else " yet."), ""]
    footnote = 0
    for section in sections:
        lines += _md_header(section)
        notes: list[str] = []
        for clipping in section.clippings:
            footnote += 1
            paragraphs = clipping.text.split("\n\n")
            for index, paragraph in enumerate(paragraphs):
                text = _md(paragraph)
                if index == len(paragraphs) - 1:
                    text += f"[^{footnote}]"
                lines.append(f"> {text}")
                lines.append(">" if index < len(paragraphs) - 1 else "")
            about = _about(clipping)
            if about:
                lines += [about, ""]
            notes.append(f"[^{footnote}]: {_md(_bare(_cite(section, style, clipping)))}")
        if notes:
            lines += [*notes, ""]
    cited = bibliography(sections, style)
    if cited:
        lines += ["## Bibliography", ""]
        lines += [f"- {_md(entry)}" for entry in cited]
        lines.append("")
    return "\n".join(lines)


def _md_header(section: Section) -> list[str]:
    item, mark = section.item, section.bookmark
    if item is None:
        lines = [f"## {_md(section.item_id)} (not in this archive)", ""]
    else:
        lines = [f"## {_md(item.title)}", ""]
        lines += [f"{item.date or 'undated'} · {item.kind} · `{section.item_id}`", ""]
        if item.participants:
            people = "; ".join(map(_person, item.participants))
            lines += [f"Participants: {_md(people)}", ""]
        if is_url(item.source):
            lines += [f"Source: <{printable(item.source).replace('>', '%3E')}>", ""]
        elif item.source:
            lines += [f"Source: {_md(item.source)}", ""]
    if mark is not None and mark.note:
        lines += [f"Note: {_md(mark.note)}", ""]
    if mark is not None and mark.tags:
        lines += [_md("Tags: " + " ".join(f"#{t}" for t in mark.tags)), ""]
    return lines


def _about(clipping: Clipping) -> str:
    """The clipping's own note and tags, one line under its quote."""
    parts = []
    if clipping.note:
        parts.append(f"Note: {_md(clipping.note)}")
    if clipping.tags:
        parts.append(_md("Tags: " + " ".join(f"#{t}" for t in clipping.tags)))
    return " · ".join(parts)


def bibliography(sections: list[Section], style: str = "plain") -> list[str]:
    """One entry per quoted item (without paragraph numbers), sorted as a reader looks."""
    entries = {_bare(_cite(section, style)) for section in sections if section.clippings}
    return sorted(entries, key=lambda entry: entry.lstrip("“").casefold())


def _bare(cited: str) -> str:
    """A citation without the plain style's leading dash, where it stands alone (a
    footnote, a bibliography entry) rather than under a quote."""
    return cited.removeprefix("— ")


def _cite(section: Section, style: str, clipping: Clipping | None = None) -> str:
    if section.item is None:
        return f"{section.item_id} (not in this archive)"
    paragraphs = clipping.paragraphs if clipping is not None else None
    if paragraphs is not None and paragraphs[1] >= len(section.item.body):
        paragraphs = None  # the item changed since it was clipped: cite it whole
    return printable(citation(section.item, style, paragraphs))


def _md(text: str) -> str:
    return _md_line(printable(text)).replace("[^", "[\\^")


def _md_line(text: str) -> str:
    """One line of Markdown: printable, no newlines, no leading character that starts a
    block."""
    line = " ".join(printable(text).split())
    return "\\" + line if line[:1] in "#>-+*=|" and line else line


def _person(person: Participant) -> str:
    """"Сейран Оганян (Министр обороны Армении)": as People files the person."""
    shown = filed(person)
    detail = role_with_organisation(shown.role, shown.organisation)
    return f"{shown.name} ({detail})" if detail else shown.name


# -- DOCX ----------------------------------------------------------------------------------


def write_docx(sections: list[Section], path: str | Path, style: str = "plain",
               tag: str = "") -> None:
    """The case file as a Word document: Heading styles for items, Quote for clippings,
    the citation after each quote, a bibliography at the end."""
    from docx import Document  # python-docx, loaded only for this export

    document = Document()
    document.add_heading(f"Bookmarks tagged #{tag}" if tag else "Bookmarks", level=0)
    for section in sections:
        item, mark = section.item, section.bookmark
        if item is None:
            document.add_heading(f"{section.item_id} (not in this archive)", level=1)
        else:
            document.add_heading(_docx(item.title), level=1)
            document.add_paragraph(f"{item.date or 'undated'} · {item.kind} · {item.id}")
            if item.participants:
                people = "; ".join(map(_person, item.participants))
                document.add_paragraph(f"Participants: {_docx(people)}")
            if item.source:
                document.add_paragraph(f"Source: {_docx(item.source)}")
        if mark is not None and mark.note:
            document.add_paragraph(f"Note: {_docx(mark.note)}")
        if mark is not None and mark.tags:
            document.add_paragraph("Tags: " + _docx(" ".join(f"#{t}" for t in mark.tags)))
        for clipping in section.clippings:
            for paragraph in clipping.text.split("\n\n"):
                document.add_paragraph(_docx(paragraph), style="Quote")
            cited = document.add_paragraph()
            cited.add_run(_docx(_cite(section, style, clipping))).italic = True
            about = _about(clipping)
            if about:
                document.add_paragraph(_docx(about))
    cited_all = bibliography(sections, style)
    if cited_all:
        document.add_heading("Bibliography", level=1)
        for entry in cited_all:
            document.add_paragraph(_docx(entry), style="List Bullet")
    document.save(str(path))


def _docx(text: str) -> str:
    """Text Word's XML can hold: printable, and no characters XML 1.0 forbids."""
    return "".join(c for c in printable(text) if c in "\t\n" or c >= " ")


# -- JSON ----------------------------------------------------------------------------------


def to_json(sections: list[Section]) -> str:
    """Everything, for scripts: bookmarks (with their item's title, date, kind,
    participants and source) and clippings; `read_json` reads it back."""
    bookmarks = []
    for section in sections:
        if section.bookmark is None:
            continue
        record: dict[str, Any] = section.bookmark.to_dict()
        if section.item is not None:
            item = section.item
            record["item"] = {"title": item.title, "date": item.date, "kind": item.kind,
                              "participants": [p.to_dict() for p in item.participants],
                              "source": item.source}
        bookmarks.append(record)
    clippings = [c.to_dict() for section in sections for c in section.clippings]
    data = {"format": JSON_KIND, "version": JSON_VERSION, "bookmarks": bookmarks,
            "clippings": clippings}
    return printable_json(data, indent=2) + "\n"  # lossless, and no control reaches a terminal


def read_json(path: str | Path) -> tuple[list[dict[str, Any]], list[Clipping]]:
    """Bookmark records and clippings of an exported file; InputError (one line, naming
    the file and the record) when it is not one, so nothing is imported from it."""
    name = str(path)
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as error:
        raise InputError(f"cannot read it ({(error.strerror or str(error)).lower()})",
                         name) from None
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as error:
        raise InputError(f"not a JSON export of bookmarks ({type(error).__name__})",
                         name) from None
    if not isinstance(data, dict) or data.get("format") != JSON_KIND:
        raise InputError("not a pressroom bookmarks export (no \"format\": "
                         f"\"{JSON_KIND}\")", name)
    if not isinstance(data.get("version"), int) or data["version"] > JSON_VERSION:
        raise InputError(f"written by a newer pressroom (version {data.get('version')!r})",
                         name)
    raw_marks, raw_clips = data.get("bookmarks", []), data.get("clippings", [])
    if not isinstance(raw_marks, list) or not isinstance(raw_clips, list):
        raise InputError("'bookmarks' and 'clippings' must be lists", name)
    marks = []
    for number, raw in enumerate(raw_marks, start=1):
        record = {k: v for k, v in raw.items() if k != "item"} if isinstance(raw, dict) else {}
        problem = record_problem(record) if record else "is not an object"
        if problem:
            raise InputError(f"bookmark {number} {problem}", name)
        marks.append(record)
    clips = []
    for number, raw in enumerate(raw_clips, start=1):
        problem = clipping_problem(raw)
        if problem:
            raise InputError(f"clipping {number} {problem}", name)
        clips.append(Clipping.from_record(raw))
    return marks, clips


def _lookup(archive: ItemSource | None, item_id: str) -> Item | None:
    if archive is None:
        return None
    try:
        return archive.get(item_id)
    except UnknownItem:
        return None
