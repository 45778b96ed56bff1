"""Folding: spellings, scripts and Russian case forms of one word share one key."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from store.text.fold import compounds, fold_set, fold_word, fold_words, tokens


@pytest.mark.parametrize(
    "spellings",
    [
        ("Войтоловский", "Voitolovsky", "Voytolovskiy", "Voitolovskii", "Voitolovski"),
        ("Тасмагамбетов", "Tasmagambetov", "TASMAGAMBETOV"),
        ("Хренин", "Khrenin", "Hrenin"),
        ("Сергей", "Sergey", "Sergei"),
        ("Юрий", "Yuri", "Yury", "Iurii", "Yuriy"),
        ("Фёдор", "Fyodor", "Fedor", "Федор"),
        ("Евгений", "Yevgeny", "Evgeny", "Yevgeniy", "Evgenii"),
        ("Мария", "Maria", "Mariya"),
        ("Сергеев", "Sergeyev", "Sergeev"),
        ("Назарбаев", "Nazarbayev", "Nazarbaev"),
        ("Цой", "Tsoi", "Tsoy", "Tzoy"),
        ("Щукин", "Shchukin", "Schukin"),
        ("Александр", "Aleksandr", "Alexandr"),
    ],
)
def test_spellings_of_one_name_share_a_key(spellings: tuple[str, ...]) -> None:
    assert {fold_word(s) for s in spellings} == {fold_word(spellings[0])}


@pytest.mark.parametrize(
    "forms",
    [
        ("Хренин", "Хрениным", "Хренина", "Хренину", "Хренине"),
        ("Войтоловский", "Войтоловским", "Войтоловского", "Войтоловскому", "Войтоловском"),
        ("Тасмагамбетов", "Тасмагамбетову", "Тасмагамбетовым", "Тасмагамбетова"),
        ("Петрова", "Петровой", "Petrova"),
        ("Ильина", "Ильиной", "Ilyina"),
        ("Шпаковская", "Шпаковской", "Shpakovskaya"),
    ],
)
def test_russian_case_forms_of_a_surname_share_a_key(forms: tuple[str, ...]) -> None:
    assert {fold_word(f) for f in forms} == {fold_word(forms[0])}


@pytest.mark.parametrize(
    ("one", "other"),
    [("Sultanov", "Sultonov"), ("Войтоловский", "Войтовский"), ("Petrov", "Pietrov")],
)
def test_different_names_keep_different_keys(one: str, other: str) -> None:
    assert fold_word(one) != fold_word(other)


def test_tokens_give_spans_in_the_original_text() -> None:
    text = "Генеральный секретарь ОДКБ И.Тасмагамбетов встретился с В.Хрениным"
    found = tokens(text)
    assert [text[start:end] for _, start, end in found][-2:] == ["В", "Хрениным"]
    assert ("tasmagambetov", 29, 42) in found
    assert found[-1][0] == fold_word("Khrenin")


def test_punctuation_and_soft_signs_fold_away() -> None:
    assert fold_word("...") == ""
    assert fold_words("— !? «»") == []
    assert fold_word("Ильич") == fold_word("Ил'ич")


def test_numbers_are_kept_as_they_are() -> None:
    assert fold_words("31.10.2024") == ["31", "10", "2024"]


@given(st.text(max_size=60))
def test_folding_any_text_gives_plain_lowercase_keys(text: str) -> None:
    for key, start, end in tokens(text):
        assert key and key.isascii() and key == key.lower()
        assert 0 <= start < end <= len(text)


@given(st.text(alphabet=st.characters(categories=["L"]), min_size=1, max_size=20))
def test_a_key_folds_to_itself(word: str) -> None:
    key = fold_word(word)
    assert fold_word(key) == key or not key


_PIECES = st.sampled_from(
    ["Ter-Minasyan", "ab", "-", "--", " ", "\n", "\x1e", ",", ".", "Войтоловским", "Ё",
     "_", "1", "’", "–", "a-b-c", "\t"]
)


@given(st.lists(_PIECES | st.characters(), max_size=40).map("".join))
@example("Ter-Minasyan, a-b-c--d -e- x_y")
def test_indexed_words_are_exactly_the_words_and_compounds_a_search_highlights(
    text: str,
) -> None:
    """The indexing shortcut (cutting on whitespace, remembering tokens) finds the same
    terms as the highlighter's regex passes, whatever the punctuation and spacing."""
    expected = {t for t, _, _ in tokens(text)} | {t for t, _, _ in compounds(text)}
    assert fold_set(text) == expected
    assert fold_set(text) == expected  # and again, from the remembered tokens
