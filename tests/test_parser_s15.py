"""Behaviour of the parser on UN/OSCE documents and press digests (set 15)."""

from __future__ import annotations

from store.ingest.parser import parse_text


def test_a_footnote_under_a_document_is_not_an_item() -> None:
    text = (
        "Ministry calls on IAEA to assess the shelling near the plant\n\n"
        "14 March 2025\n\n"
        "The Ministry notes once again the shelling of the area around the plant, "
        "as the IAEA has noted.¹ It calls this reckless.\n\n"
        "We call on the Agency to give an objective assessment of these actions.\n\n"
        "_______________\n"
        "¹ See also S/2024/77.\n\n\n"
        "CSTO Secretary General meets Armenian Ambassador\n\n"
        "20 March 2025\n\n"
        "The sides discussed the preparations for the session of the Collective Security "
        "Council in Minsk.\n"
    )
    items = parse_text(text, "test")
    assert [i.title for i in items] == [
        "Ministry calls on IAEA to assess the shelling near the plant",
        "CSTO Secretary General meets Armenian Ambassador",
    ]
