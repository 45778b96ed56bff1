"""Whole pages saved from websites, out of date order (set 30)."""

from store.ingest.parser import parse_text


def test_dated_news_right_after_a_speechs_closing_place_and_date_is_its_own_item() -> None:
    text = (
        "Speech by CSTO Secretary General Imangali Tasmagambetov at the meeting of the Council"
        " of Foreign Ministers\n"
        "Dear colleagues!\n"
        "The Secretariat has prepared 29 draft documents for consideration by the Council.\n"
        "Thank you for your attention.\n"
        "Minsk, 22 November 2023\n"
        "On 23 November 2023, a session of the CSTO Collective Security Council was held in Minsk"
        " under the chairmanship of the President of the Republic of Belarus, Alexander"
        " Lukashenko.\n"
        "Views: 1 208\n"
    )
    items = parse_text(text, "test")
    assert [(i.kind, i.date) for i in items] == [("speech", "2023-11-22"), ("news", "2023-11-23")]
    assert items[0].body[-1] == "Minsk, 22 November 2023"
    assert [p.name for p in items[1].participants] == ["Alexander Lukashenko"]
