"""Press-text parsing rules found on the thirteenth blind set: site furniture of news
agencies, channel posts, feed exports, and dates a page gives in part."""

from __future__ import annotations

from store.ingest.parser import parse_text


def test_a_footer_line_ends_the_item_and_the_next_paragraph_starts_another() -> None:
    text = (
        "Minister visits the border post\n3 March 2025\n"
        "The Minister of Defence visited the border post on Monday.\n"
        "He inspected the new equipment.\n"
        "Views: 1 204\nPrint\n"
        "Dear colleagues!\nI am glad to open our meeting in Minsk.\n"
        "Our work this year was fruitful.\n"
    )
    items = parse_text(text, "x")
    assert [i.body[-1][:20] for i in items] == ["He inspected the new", "Our work this year w"]
    assert items[1].body[0] == "Dear colleagues!"


def test_a_line_naming_only_a_news_agency_is_neither_title_nor_text() -> None:
    text = (
        "Foreign ministers meet in Astana\n12 May 2025\n"
        "The foreign ministers of Kazakhstan and Kyrgyzstan met in Astana.\n"
        "They discussed transit.\n"
        "📰 Sputnik Kyrgyzstan\n"
        "Border talks resume in Batken\n14 May 2025\n"
        "The delegations resumed talks in Batken.\n"
    )
    items = parse_text(text, "x")
    assert [(i.title, i.body[-1]) for i in items] == [
        ("Foreign ministers meet in Astana", "They discussed transit."),
        ("Border talks resume in Batken", "The delegations resumed talks in Batken."),
    ]


def test_hashtags_links_comment_counts_and_channel_invitations_are_furniture() -> None:
    text = (
        "Drills end in Tajikistan\n20 June 2025\n"
        "Link: https://example.org/news/123\n"
        "The joint drills ended at the Harbmaidon range.\n"
        "#CSTO #drills\n"
        "Subscribe to our channel on Telegram\n"
        "Comments (4)\n"
    )
    [item] = parse_text(text, "x")
    assert item.body == ("The joint drills ended at the Harbmaidon range.",)


def test_a_press_service_credit_under_a_speech_is_not_its_text() -> None:
    text = (
        "Выступление Министра на заседании Совета\nМосква, 3 июня 2025 года\n"
        "Уважаемые коллеги!\nМы подготовили проект решения.\nБлагодарю за внимание.\n"
        "Пресс-служба Президента Республики Беларусь\n"
    )
    [item] = parse_text(text, "x")
    assert item.body[-1] == "Благодарю за внимание."
