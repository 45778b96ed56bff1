"""A foreign-ministry archive of 2024, newest first (set 31)."""

from store.ingest.parser import parse_text


def test_a_briefings_topics_parted_by_blank_lines_stay_in_the_briefing() -> None:
    text = (
        "Briefing by Official Spokeswoman Maria Zakharova, Moscow, December 18, 2024\n"
        "18 December 2024, 16:40\n"
        "\n"
        "On the upcoming talks between Foreign Minister Sergey Lavrov and Foreign Minister of"
        " Uzbekistan Bakhtiyor Saidov\n"
        "\n"
        "On December 20, Sergey Lavrov will hold talks in Moscow with Bakhtiyor Saidov.\n"
        "\n"
        "On the situation in Syria\n"
        "\n"
        "We continue to closely monitor developments in the Syrian Arab Republic.\n"
        "\n"
        "On the 25th anniversary of the Treaty on the Creation of the Union State\n"
        "\n"
        "On December 8, 1999, the presidents of Russia and Belarus signed the Treaty.\n"
        "\n"
        "Question: Is there any progress on the peace treaty?\n"
        "\n"
        "Maria Zakharova: We welcome any steps that bring Baku and Yerevan closer.\n"
        "\n"
        "Deputy Minister of Foreign Affairs of the Russian Federation receives Ambassador\n"
        "17.12.2024\n"
        "On 17 December 2024, Deputy Minister of Foreign Affairs received the Ambassador.\n"
    )
    items = parse_text(text, "test")
    assert [(i.title[:20], i.date) for i in items] == [
        ("Briefing by Official", "2024-12-18"), ("Deputy Minister of F", "2024-12-17")
    ]
    assert "On the situation in Syria" in items[0].body
    assert items[0].body[-1].startswith("Maria Zakharova: We welcome")


def test_a_title_under_the_last_pages_print_button_heads_the_story_below_the_blank() -> None:
    text = (
        "Lavrov and Nurtleu met in Astana\n"
        "27.11.2024\n"
        "On 27 November 2024, on the sidelines of the meeting in Astana, Murat Nurtleu held a"
        " bilateral meeting with Maxim Ryzhenkov.\n"
        "Print\n"
        "Interview of Minister of Foreign Affairs of Belarus Maxim Ryzhenkov to BelTA\n"
        "\n"
        "MINSK, 14 November (BelTA) – Belarus is open to dialogue with all countries, Minister"
        " of Foreign Affairs Maxim Ryzhenkov said in an interview.\n"
        "– Mr Ryzhenkov, how would you assess the results of the Minsk conference?\n"
        "– The conference showed that the idea is gaining support.\n"
    )
    items = parse_text(text, "test")
    assert [i.title[:25] for i in items] == [
        "Lavrov and Nurtleu met in", "Interview of Minister of "
    ]
    assert (items[1].kind, items[1].date) == ("interview", "2024-11-14")
