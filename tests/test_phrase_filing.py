"""Filing word positions at import: the usual slice's fast way files what the general way does."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import store.index.phrases
from store.index.phrases import Filed, _slice_rows

Slice = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]


def _slice(data: st.DataObject) -> Slice:
    """A slice of items: their sequences as term numbers (some function words, some never
    filed, as BREAK), their rowids and lengths, the numbers' term ids and function marks."""
    count = data.draw(st.integers(2, 40))
    ids = np.arange(1, count + 1, dtype=np.uint32)
    ids[0] = 0  # BREAK's number: never filed
    function = np.zeros(count, dtype=bool)
    function[data.draw(st.lists(st.integers(1, count - 1), max_size=5))] = True
    lengths = data.draw(st.lists(st.integers(0, 30), min_size=1, max_size=12))
    terms = data.draw(st.lists(st.integers(0, count - 1), min_size=sum(lengths),
                               max_size=sum(lengths)))
    first = data.draw(st.integers(1, 1000))
    gaps = data.draw(st.lists(st.integers(1, 3), min_size=len(lengths), max_size=len(lengths)))
    rowids = first + np.cumsum(gaps) - gaps[0]
    return (np.array(terms, dtype=np.uint32), rowids.astype(np.uint32),
            np.array(lengths, dtype=np.uint32), ids, function)


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_the_usual_slice_files_every_occurrence_as_the_general_filing_does(
    data: st.DataObject,
) -> None:
    """One sort of (word or pair, key) per slice gives the rows, and the keys in each, that
    sorting positions and gathering them does; only the order of the rows may differ. The
    context of long rows (a row of three keys is long here) is the same both ways too."""
    terms, rowids, lengths, ids, function = _slice(data)
    with pytest.MonkeyPatch.context() as patched:
        patched.setattr(store.index.phrases, "CONTEXT_KEYS", 3)
        fast: Filed = _slice_rows(terms, rowids, lengths, ids, function)
        patched.setattr(store.index.phrases, "_pair_codes", lambda *args: None)
        general: Filed = _slice_rows(terms, rowids, lengths, ids, function)
    assert sorted(fast.rows) == sorted(general.rows)
    assert sorted(fast.context) == sorted(general.context)
    assert fast.codes == general.codes
    for _, _, _, keys, _ in fast.rows:
        values = np.frombuffer(keys, dtype=np.uint32)
        assert (values[1:] > values[:-1]).all()
