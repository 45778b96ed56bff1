"""Folding items in batches gives each item the postings its own text, title and people give it."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from store.index.phrases import sequence, terms_of, tokens_of
from store.index.postings import Postings, TermNumbers, _meta
from store.model import Item, Participant

WORDS = ["CSTO", "csto's", "(Voitolovsky)", "Войтоловский", "Ter-Minasyan", "the", "of",
         "security,", "¡", "—", "2024", "Fyodor", "F.", "Tasmagambetov", "в", "-", "Minsk."]
"""Words, function words, punctuation that folds to nothing, hyphens, Cyrillic."""

text = st.lists(st.sampled_from(WORDS), max_size=8).map(" ".join)
person = st.builds(Participant, text, text, text)
item = st.builds(
    lambda title, body, people: Item(
        id="x", date=None, kind="news", title=title or "¡", body=tuple(body),
        participants=tuple(people),
    ),
    text, st.lists(text, max_size=3), st.lists(person, max_size=3),
)


def _names(numbers: TermNumbers, data: bytes) -> list[str]:
    return [numbers.names[n - numbers.base] for n in np.frombuffer(data, dtype=np.uint32)]


@settings(max_examples=150, deadline=None)
@given(st.lists(item, min_size=1, max_size=6), st.sampled_from([0, 1 << 31]))
def test_each_item_of_a_batch_gets_the_terms_of_its_own_words(
    items: list[Item], base: int
) -> None:
    numbers = TermNumbers(base)
    Postings.of_items(items[:1], numbers)  # some tokens and people known, some new
    for one, postings in zip(items, Postings.of_items(items, numbers), strict=True):
        body = terms_of(set(tokens_of(one.body)))
        masks = _meta(one)
        assert set(_names(numbers, postings.body)) == body
        assert len(postings.body) // 4 == len(body)
        assert dict(zip(_names(numbers, postings.meta), postings.masks, strict=True)) == masks
        assert set(_names(numbers, postings.both)) == body & set(masks)
        names = [p.name for p in one.participants]
        words = sequence([one.title, *names, *one.body] if one.body else [one.title, *names, ""])
        assert _names(numbers, postings.sequence) == words
