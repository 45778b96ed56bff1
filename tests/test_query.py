"""The query syntax: words, phrases, exclusions and filters, as a user types them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from store.errors import InputError, PressroomError
from store.index.query import MAX_WORDS, parse_query


def test_words_are_anded_and_the_last_one_is_a_prefix_while_typing() -> None:
    query = parse_query("security summ")
    assert query.words == ("security", "summ")
    assert query.last_is_prefix


def test_a_trailing_space_ends_the_prefix() -> None:
    assert not parse_query("security summit ").last_is_prefix


def test_quotes_make_a_phrase() -> None:
    query = parse_query('"collective security" treaty')
    assert query.phrases == (("collective", "security"),)
    assert query.words == ("treaty",)


def test_an_unclosed_quote_is_a_phrase_being_typed() -> None:
    assert parse_query('"collective secu').phrases == (("collective", "secu"),)


def test_a_minus_excludes_a_word() -> None:
    query = parse_query("summit -moscow")
    assert query.words == ("summit",)
    assert query.excluded == ("moscow",)


def test_filters_are_read_and_leave_the_words() -> None:
    query = parse_query("kind:speech person:Tasmagambetov after:2024-10 before:2024-12-31 treaty")
    assert query.kind == "speech"
    assert query.people == (("Tasmagambetov",),)
    assert query.after == "2024-10-01"
    assert query.before == "2024-12-31"
    assert query.words == ("treaty",)


@pytest.mark.parametrize(
    ("text", "after", "before"),
    [
        ("after:2024 before:2024", "2024-01-01", "2024-12-31"),
        ("after:2024-02 before:2024-02", "2024-02-01", "2024-02-29"),
        ("after:2024-02-10 before:2024-02-11", "2024-02-10", "2024-02-11"),
    ],
)
def test_dates_take_a_year_a_month_or_a_day(text: str, after: str, before: str) -> None:
    query = parse_query(text)
    assert (query.after, query.before) == (after, before)


def test_a_quoted_person_keeps_both_names() -> None:
    assert parse_query('person:"Pavel Arkhipov"').people == (("Pavel", "Arkhipov"),)


def test_in_bookmarks_is_a_filter() -> None:
    assert parse_query("in:bookmarks summit").in_bookmarks
    tagged = parse_query("tag:#report-2024 summit")
    assert tagged.tags == ("report-2024",) and tagged.in_bookmarks
    assert tagged.filters() == ["in:bookmarks", "tag:report-2024"]


def test_a_kind_may_be_abbreviated_while_typing() -> None:
    assert parse_query("kind:spe").kind == "speech"


@pytest.mark.parametrize(
    "text", ["colour:red", "kind:poem", "after:yesterday", "before:2024-13", "in:trash"]
)
def test_an_unknown_field_or_value_is_one_clear_error(text: str) -> None:
    with pytest.raises(InputError) as raised:
        parse_query(text)
    assert "\n" not in str(raised.value)


@pytest.mark.parametrize("text", ["", "   ", "!!! ... ???", "— «» ,"])
def test_empty_whitespace_and_punctuation_queries_have_no_text(text: str) -> None:
    query = parse_query(text)
    assert not query.has_text
    assert query.filters() == []


def test_a_thousand_character_query_keeps_a_bounded_number_of_words() -> None:
    query = parse_query("word " * 200)
    assert len(query.words) == MAX_WORDS


def test_filters_without_words_are_listed_for_the_status_line() -> None:
    query = parse_query("kind:speech after:2024")
    assert not query.has_text
    assert query.filters() == ["kind:speech", "after:2024-01-01"]


@given(st.text(max_size=200))
def test_any_text_parses_or_fails_with_a_pressroom_error(text: str) -> None:
    try:
        query = parse_query(text)
    except PressroomError:
        return
    assert len(query.words) <= MAX_WORDS


def test_a_half_typed_kind_that_could_be_two_kinds_filters_nothing_yet() -> None:
    from store.index.query import parse_query

    assert parse_query("kind:s").kind is None
    assert parse_query("kind:sp").kind == "speech"
    assert parse_query("kind:st").kind == "statement"
