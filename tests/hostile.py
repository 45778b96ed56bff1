"""Hostile text for the tests: what an attacker puts in an item, a name, a note or a query.

Terminal escape sequences (CSI; OSC including OSC 0/2 titles, OSC 52 clipboard writes and
OSC 8 links; DCS, SOS, PM, APC; their 8-bit forms), lone ESC, C0 and C1 controls, the bidi
embeddings, overrides and isolates, Rich/Textual markup, all mixed with ordinary Latin and
Cyrillic words, as a real attack would hide among real text.

`control_in(text)` names the first character a terminal would obey; the tests assert it
finds none in anything drawn or printed.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from hypothesis import strategies as st

FORBIDDEN = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
"""Anything a terminal obeys or reorders by: C0 but the newline (tab too: data has none
left), DEL, C1, the bidi controls, and lone surrogates (which cannot be UTF-8)."""
FORBIDDEN_BYTES = re.compile(
    rb"[\x00-\x09\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]"
)
"""`FORBIDDEN` as UTF-8 bytes, for what a subprocess or a terminal really received."""

TITLE = "\x1b]0;PWNED\x07"
"""OSC 0: the sequence that retitled a reader's terminal (issue 10)."""
CLIPBOARD = "\x1b]52;c;cm0gLXJmIH4K\x07"
"""OSC 52: writes "rm -rf ~" into the user's clipboard."""
LINK = "\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\"
"""OSC 8: a hyperlink whose text hides where it goes."""
RLO = "\u202e"
"""RIGHT-TO-LEFT OVERRIDE: the rest of the line reads backwards."""
NASTY = f"Minsk {TITLE}talks{CLIPBOARD} {LINK} \x9b2J\x1b[31mred\x1b[0m {RLO}gnp.exe [bold]b[/bold]"
"""One string with a bit of everything, for the tests that need a fixed example."""


def control_in(text: str) -> str | None:
    """The first character of `text` a terminal would obey, as a repr; None if none."""
    found = FORBIDDEN.search(text)
    return None if found is None else repr(found.group())


_params = st.text(alphabet="0123456789;:?<=>", max_size=6)
_payload = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12
)
_terminator = st.sampled_from(["\x07", "\x1b\\", "\x9c", ""])  # "" : left unterminated

csi = st.builds(
    lambda p, i, f, eight: ("\x9b" if eight else "\x1b[") + p + i + f,
    _params, st.text(alphabet=" !\"#$%&'()*+,-./", max_size=2),
    st.sampled_from("@ABCDHJKmhlnrstu~"), st.booleans(),
)
"""CSI: cursor moves, colours, screen clears, mode switches (7- and 8-bit introducers)."""
osc = st.builds(
    lambda number, body, end: f"\x1b]{number};{body}{end}",
    st.sampled_from(["0", "1", "2", "4;1", "8;", "10", "52;c", "52;p", "777;notify"]),
    _payload, _terminator,
)
"""OSC: window titles, palette changes, links, the clipboard, desktop notifications."""
string_sequence = st.builds(
    lambda intro, body, end: intro + body + end,
    st.sampled_from(["\x1bP", "\x1bX", "\x1b^", "\x1b_", "\x90", "\x98", "\x9d", "\x9e", "\x9f"]),
    _payload, _terminator,
)
"""DCS, SOS, PM and APC, and the 8-bit forms of those and of OSC."""
escape = st.builds(lambda c: "\x1b" + c, st.sampled_from("c78=>()#NOZ\\ "))
"""Two-byte escapes (RIS resets the terminal) and a lone ESC before ordinary text."""
control = st.characters(codec="utf-8", categories=("Cc",))
"""Any single C0 or C1 control, DEL, lone ESC, newline and tab among them."""
bidi = st.sampled_from([chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))])
words = st.sampled_from([
    "Minsk", "summit", "Voitolovsky", "Войтоловский", "ОДКБ", "Tasmagambetov", "café",
    "naïve", "Zürich", "東京", "🙂", "[bold]", "[/]", "[link=https://evil.example]",
    "[@click=app.quit]", "%s", "{0}", " ", "  ", "\n",
])
"""Ordinary text, and text a markup parser would take for tags."""

piece = st.one_of(csi, osc, string_sequence, escape, control, bidi, words, words)
hostile_text = st.lists(piece, min_size=1, max_size=8).map("".join)
"""A string of hostile pieces among ordinary ones (possibly nothing printable at all)."""
hostile_line = hostile_text.map(lambda text: "Summit " + text)
"""Hostile text that keeps something to show: a title, a name, a query."""


def hostile_item(draw: st.DrawFn, number: int = 0) -> dict:
    """A JSONL object whose every text field is hostile (`number` keeps ids apart)."""
    return {
        "id": f"item-{number}",  # an id with controls is refused (store.limits), not cleaned
        "date": f"2024-0{number % 9 + 1}-1{number % 10}",
        "kind": draw(st.sampled_from(["news", "speech", "statement", "interview"])),
        "title": draw(hostile_line),
        "body": draw(st.one_of(
            st.lists(hostile_line, min_size=1, max_size=3),
            st.lists(hostile_line, min_size=1, max_size=3).map("\n\n".join),
        )),
        "participants": [
            {"name": draw(hostile_line), "role": draw(hostile_text),
             "organisation": draw(hostile_text)},
            draw(hostile_line),
        ],
        "places": draw(st.lists(hostile_line, max_size=2)),
        "language": draw(st.sampled_from(["en", "ru", "en" + RLO])),
        "source": "press" + draw(hostile_text) + ".jsonl",
    }


hostile_items = st.composite(
    lambda draw: [hostile_item(draw, n) for n in range(draw(st.integers(1, 3)))]
)()


def make_legacy(path: Path, text: str = NASTY) -> None:
    """Write `text` into every text of an archive, as a version that stored text as it came
    would have: titles, list names, participants, body, places, people and spellings.

    The archive must hold items already (imported as usual); SQLite is edited directly,
    as the file on a server would have been written before imports cleaned text.
    """
    conn = sqlite3.connect(path)
    with conn:
        conn.execute(
            "UPDATE items SET title = title || ' ' || :t, people = people || :t,"
            " body = body || :t || char(30) || :t, places = json_array(:t),"
            " source = source || :t,"
            " participants = json_insert(participants, '$[#]',"
            "   json_object('name', :t, 'role', :t, 'organisation', :t))",
            {"t": text},
        )
        conn.execute("UPDATE people SET name = name || :t, role = role || :t", {"t": text})
        conn.execute("UPDATE spellings SET spelling = spelling || :t", {"t": text})
    conn.close()
