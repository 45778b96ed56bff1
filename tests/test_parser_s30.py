"""Whole pages saved from websites, out of date order (set 30)."""

from store.ingest.parser import parse_text


def test_dated_news_right_after_a_speechs_closing_place_and_date_is_its_own_item() -> None:
    text = (
        "Lavrov, Kazakh top diplomat discuss preparations for SCO summit\n"
        "MOSCOW, March 7, 2024. /TASS/. Lavrov met the Kazakh minister.\n"
        "The sides also exchanged views on cooperation within the CSTO.\n"
        "\n"
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
        "\n"
        "SCO Secretary-General receives Ambassador of Kazakhstan to China\n"
        "18.01.2024\n"
        "SCO Secretary-General Zhang Ming received the Ambassador of Kazakhstan.\n"
        "The sides discussed the preparations for the summit.\n"
    )
    items = parse_text(text, "test")
    assert [(i.kind, i.date) for i in items[1:3]] == [
        ("speech", "2023-11-22"), ("news", "2023-11-23")
    ]
    assert items[1].body[-1] == "Minsk, 22 November 2023"
    assert [p.name for p in items[2].participants] == ["Alexander Lukashenko"]


def test_the_weekday_a_wire_lead_names_picks_the_year_among_the_neighbours() -> None:
    text = (
        "Belarus, CSTO discuss agenda of upcoming summit in Minsk\n"
        "14.11.2023 12:00\n"
        "MINSK, 14 November (BelTA) – The foreign minister met the Secretary General.\n"
        "\n"
        "Lavrov, Kazakh top diplomat discuss preparations for SCO summit in Astana\n"
        "7 March, 11:05\n"
        "MOSCOW, March 7. /TASS/. Russian Foreign Minister Sergey Lavrov held a telephone"
        " conversation with Kazakh Foreign Minister Murat Nurtleu on Thursday.\n"
        "\n"
        "SCO Secretary-General receives Ambassador of Kazakhstan to China\n"
        "18.01.2024\n"
        "SCO Secretary-General Zhang Ming received the Ambassador of Kazakhstan.\n"
    )
    items = parse_text(text, "test")
    assert items[1].date == "2024-03-07"  # a Thursday; 7 March 2023 was a Tuesday


def test_a_dated_source_credit_closes_the_interview_above_not_the_next_title() -> None:
    text = (
        "Print\n"
        "Interview of the Minister of Foreign Affairs of the Republic of Tajikistan Sirojiddin"
        " Muhriddin to the newspaper \"Rossiyskaya Gazeta\"\n"
        "Question: Mr. Minister, how would you assess the relations between our countries?\n"
        "Answer: Our relations are at a high level of strategic partnership and alliance.\n"
        "Question: How does Dushanbe assess the situation in Afghanistan?\n"
        "Answer: The situation remains complex.\n"
        "Source: rg.ru, 16 April 2024\n"
        "Address by CSTO Secretary General Imangali Tasmagambetov to the participants of the"
        " conference\n"
        "Dear participants of the conference!\n"
        "I wish you fruitful work!\n"
        "I. Tasmagambetov\n"
        "Moscow, 25 October 2024\n"
    )
    items = parse_text(text, "test")
    assert [(i.kind, i.date) for i in items] == [
        ("interview", "2024-04-16"), ("speech", "2024-10-25")
    ]
    assert items[0].body[-1] == "Source: rg.ru, 16 April 2024"


def test_in_a_dump_in_date_order_the_neighbours_year_stands_over_a_leads_weekday() -> None:
    text = (
        "Statement by CSTO Secretary General at the meeting of the Council of Foreign Ministers\n"
        "19.06.2026\n"
        "Dear colleagues! Thank you for your attention.\n"
        "\n"
        "Lavrov: CSTO to hold joint exercises in Belarus in September\n"
        "19 June, 16:05\n"
        "MOSCOW, June 19. /TASS/. The CSTO will hold joint exercises in Belarus, Sergey Lavrov"
        " told reporters after the meeting of the Council of Foreign Ministers on Thursday.\n"
        "\n"
        "Kazakh FM meets SCO Secretary-General\n"
        "10.06.2026\n"
        "The Kazakh Foreign Minister met the SCO Secretary-General.\n"
    )
    items = parse_text(text, "test")
    assert items[1].date == "2026-06-19"  # a Friday; the meeting the day before was Thursday


def test_a_speakers_paragraph_years_before_the_speechs_date_is_history_not_news() -> None:
    text = (
        "Speech by SCO Secretary-General Zhang Ming at the international forum\n"
        "Dear participants of the forum,\n"
        "I am glad to welcome you in Beijing.\n"
        "On 15 June 2001, in Shanghai, the heads of six states signed the Declaration on the"
        " establishment of the Shanghai Cooperation Organisation.\n"
        "The SCO is not a closed bloc.\n"
        "I wish the forum every success.\n"
        "Beijing, 15 May 2024\n"
        "On 16 May 2024, SCO Secretary-General Zhang Ming met with the Director of RATS.\n"
    )
    items = parse_text(text, "test")
    assert [(i.kind, i.date) for i in items] == [("speech", "2024-05-15"), ("news", "2024-05-16")]
    assert any(p.startswith("On 15 June 2001") for p in items[0].body)
