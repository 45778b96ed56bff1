"""store.text.printable: what survives (every script, emoji, ordinary text) and what never does."""

from __future__ import annotations

import doctest
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import store.text.printable
from store.model import Item, Participant
from store.text.printable import is_printable, printable, printable_json
from tests.hostile import CLIPBOARD, LINK, NASTY, RLO, TITLE, control_in, hostile_text

FUZZ = settings(max_examples=150, deadline=None)


def test_the_module_examples_hold() -> None:
    assert doctest.testmod(store.text.printable).failed == 0


@pytest.mark.parametrize(("dirty", "clean"), [
    ("Minsk\x1b]0;owned\x07 talks", "Minsk talks"),  # OSC 0 retitles the window
    ("a\x1b]2;owned\x1b\\b", "ab"),  # ... ended by ST instead of BEL
    (f"copy{CLIPBOARD}me", "copyme"),  # OSC 52 writes the clipboard
    (f"see {LINK}", "see click"),  # OSC 8: the link goes, its text stays
    ("\x1b[31mred\x1b[0m \x1b[2J\x1b[H", "red "),  # colours, clear screen, home
    ("a\x9b31mb", "ab"),  # 8-bit CSI
    ("a\x9d0;owned\x9cb", "ab"),  # 8-bit OSC up to 8-bit ST
    ("a\x1bPq#0;2;0;0;0\x1b\\b", "ab"),  # DCS (sixel)
    ("a\x1b_apc\x1b\\b\x1b^pm\x1b\\c\x1bXsos\x1b\\d", "abcd"),  # APC, PM, SOS
    ("reset\x1bc", "reset"),  # RIS
    ("lone\x1b", "lone"),
    ("bell\x07 back\x08space\x7f", "bell backspace"),
    ("c1\x85nel\x84ind", "c1 nelind"),  # NEL separates words; IND just goes
    (f"{RLO}txt.exe", "txt.exe"),
    ("\u202a\u202b\u202c\u202d\u2066\u2067\u2068\u2069x", "x"),
    ("over\rwrite", "overwrite"),  # CR would let "write" cover "over"
    ("tab\there", "tab here"),
    ("one\x1etwo\x0bthree\x0cfour", "one two three four"),
    ("line\u2028break\u2029para", "line break para"),
    ("lone \ud800 surrogate", "lone \ufffd surrogate"),
])
def test_sequences_and_controls_go_and_the_text_around_them_stays(dirty: str, clean: str) -> None:
    assert printable(dirty) == clean


def test_an_unterminated_sequence_loses_its_introducer_and_the_rest_is_text() -> None:
    assert printable("a\x1b]0;title without end") == "a0;title without end"
    assert printable("a\x1b[31") == "a31"


def test_newlines_stay_only_when_asked_for() -> None:
    assert printable("one\ntwo") == "one two"
    assert printable("one\r\ntwo\x1b[2K", keep_newlines=True) == "one\ntwo"


@pytest.mark.parametrize("text", [
    "Войтоловский встретился с Тасмагамбетовым",
    "Ça va, naïve café, Zürich, Łódź, Ελλάδα",
    "東京 · 🙂 · 👩‍💻 · ﷺ",  # CJK, emoji with a zero-width joiner, Arabic ligature
    "[bold]markup is text[/bold] and so is [link=https://x]",
    "مرحبا بالعالم",  # right-to-left script without any override
    "",
])
def test_ordinary_text_in_any_script_is_unchanged(text: str) -> None:
    assert printable(text) is text or printable(text) == text
    assert is_printable(text)


def test_long_runs_of_introducers_are_cleaned_whole() -> None:
    """A 16 MB JSONL line may be all introducers. When a payload could run over them the
    scan was quadratic (20,000 U+009D took 10 s; these would take hours): cleaning them
    finishing at all, control-free, is the check."""
    for attack in ("\x9d" * 200_000, "\x1b]" + "\x9d" * 200_000, "\x1b[" + "0" * 200_000,
                   "\x90" * 100_000 + "\x1b" * 100_000, "\x1b]0;" * 100_000):
        assert control_in(printable(attack)) is None


@FUZZ
@given(st.text() | hostile_text, st.booleans())
def test_the_result_never_holds_a_control(text: str, keep_newlines: bool) -> None:
    clean = printable(text, keep_newlines=keep_newlines)
    assert control_in(clean) is None
    assert keep_newlines or "\n" not in clean


@FUZZ
@given(st.text() | hostile_text, st.booleans())
def test_cleaning_twice_changes_nothing(text: str, keep_newlines: bool) -> None:
    once = printable(text, keep_newlines=keep_newlines)
    assert printable(once, keep_newlines=keep_newlines) == once
    assert is_printable(once, keep_newlines=keep_newlines)


@FUZZ
@given(st.text(alphabet=st.characters(
    codec="utf-8", exclude_categories=("Cc", "Cs", "Zl", "Zp"),
    exclude_characters="\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069",
)))
def test_text_without_controls_is_unchanged(text: str) -> None:
    """Letters of every script, marks, emoji, spaces, format characters such as the
    zero-width joiner: only controls and bidi overrides are taken out."""
    assert printable(text) == text


@FUZZ
@given(st.recursive(
    st.none() | st.booleans() | st.integers() | st.text() | hostile_text,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
    max_leaves=8,
), st.sampled_from([None, 2]))
def test_json_output_is_lossless_and_holds_no_control(value: object, indent: int | None) -> None:
    encoded = printable_json(value, indent=indent)
    assert control_in(encoded.replace("\n", "")) is None
    assert json.loads(encoded) == value


def test_json_keeps_other_scripts_readable() -> None:
    encoded = printable_json({"name": "Войтоловский 🙂", "title": NASTY})
    assert "Войтоловский 🙂" in encoded
    assert json.loads(encoded)["title"] == NASTY
    assert "\\u001b]0;PWNED\\u0007" in encoded and TITLE not in encoded


_field = st.one_of(
    hostile_text,
    st.text(alphabet=st.sampled_from(["a", "Я", " ", "\u00a0", "\t", "\n", "\x1b"])),
    st.text(max_size=6),
)


@FUZZ
@given(_field, _field, st.lists(_field, max_size=3), st.lists(_field, max_size=2),
       st.lists(st.tuples(_field, _field, _field), max_size=2))
def test_an_item_taken_as_printable_is_one_that_cleaning_leaves_as_it_is(
    title: str, source: str, body: list[str], places: list[str],
    people: list[tuple[str, str, str]],
) -> None:
    """`Item.printable` returns an item untouched, without rebuilding it, only when
    rebuilding it would change nothing."""
    item = Item(
        id="item-1", date=None, kind="news", title=title, body=tuple(body),
        participants=tuple(Participant(*p) for p in people), places=tuple(places),
        source=source,
    )
    if item._is_printable():
        assert item._cleaned() == item
    assert item.printable() == (item if item._cleaned() == item else item._cleaned())
