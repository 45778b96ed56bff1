"""Set 14's rules of press text: a list page's pager, an e-mail bulletin's footer, date
lines filed under a section, stamps under an item's text, a post dated in its lead."""

from __future__ import annotations

from store.ingest.parser import parse_text
from store.ingest.participants import find_participants


def test_a_list_pages_pager_is_not_the_last_entrys_text() -> None:
    for pager in ("« 1 2 3 4 … 57 »", "1 2 3 … 120 Следующая ›", "Previous 1 2 3 Next"):
        text = (
            "Minister receives Ambassador of Chile\n04.05.2026\n"
            "On 4 May, the Minister received the Ambassador of Chile.\nRead more\n"
            "Deputy Minister meets Consul\n02.05.2026\n"
            "On 2 May, the Deputy Minister met the Consul of Peru.\nRead more\n"
            f"{pager}\n\n"
            "Council meets in Minsk\n28.04.2026\nThe Council met in Minsk.\n"
        )
        items = parse_text(text, "x")
        titles = [i.title for i in items]
        assert titles[-2:] == ["Deputy Minister meets Consul", "Council meets in Minsk"]
        assert items[1].body == ("On 2 May, the Deputy Minister met the Consul of Peru.",)


def test_an_e_mail_bulletins_footer_is_not_the_items_text() -> None:
    text = (
        "From: Press Office <press@example.org>\nSubject: Bulletin No. 7\n"
        "Date: Tue, 5 May 2026 09:00:00 +0300\n\n"
        "Secretary General meets Ambassador\n"
        "On 4 May 2026, the Secretary General met the Ambassador of Peru.\n"
        "They discussed cooperation.\n--\n"
        "You are receiving this message because you subscribed to our news.\nUnsubscribe\n"
        "Council meets in Minsk\n28.04.2026\nThe Council met in Minsk.\n"
    )
    items = {i.title: i for i in parse_text(text, "x")}
    assert items["Secretary General meets Ambassador"].body[-1] == "They discussed cooperation."
    assert items["Council meets in Minsk"].body == ("The Council met in Minsk.",)


def test_a_date_line_with_the_section_it_is_filed_under_dates_the_item() -> None:
    for date_line in ("12.05.2026 | Statements", "12 May 2026 / News", "12.05.2026 | Заявления"):
        text = (
            "Minister receives Ambassador of Chile\n04.05.2026\n"
            "The Minister received the Ambassador of Chile.\n"
            f"Comment of the Press Secretary on the talks\n{date_line}\n"
            "The Press Secretary commented on the talks.\n"
        )
        items = parse_text(text, "x")
        assert [i.date for i in items] == ["2026-05-04", "2026-05-12"]


def test_a_date_in_figures_under_an_interviews_text_dates_it_and_is_not_its_last_line() -> None:
    text = (
        "Interview of the Secretary General to the Daily Courier\n"
        "Daily Courier: What has changed this year?\n\n"
        "Secretary General: We have opened two new offices.\n"
        "14.11.2025\nShare\n"
        "Council meets in Minsk\n20.11.2025\nThe Council met in Minsk.\n"
    )
    items = parse_text(text, "x")
    assert items[0].date == "2025-11-14"
    assert items[0].body[-1] == "Secretary General: We have opened two new offices."
    assert items[1].title == "Council meets in Minsk"


def test_an_undated_posts_lead_gives_its_day_but_not_a_documents_or_a_deadline() -> None:
    text = (
        "Channel of the Press Service\n"
        "🛡 Secretary General visits the air base\n"
        "The Secretary General visited the air base near Bishkek on 22 March 2026 and met "
        "its commander.\nHe was accompanied by the Deputy Minister.\n#Kyrgyzstan\n"
        "👁 1.2K 10:15\n"
    )
    assert parse_text(text, "x")[-1].date == "2026-03-22"
    recalled = (
        "Experts discuss the Treaty\n"
        "Experts discussed the Treaty of 15 May 1992 at a round table in Minsk.\n"
        "They agreed to meet again.\n"
    )
    assert parse_text(recalled, "x")[0].date is None


def test_an_e_mails_header_is_neither_an_item_nor_a_date_line() -> None:
    text = (
        "From: Press Office <press@example.org>\nTo: subscribers@example.org\n"
        "Subject: News Bulletin No. 7\nDate: Tue, 5 May 2026 09:00:00 +0300\n\n"
        "Secretary General meets Ambassador\n"
        "The Secretary General met the Ambassador of Peru on 4 May 2026.\n"
        "They discussed cooperation.\n"
    )
    items = parse_text(text, "x")
    assert [(i.title, i.date) for i in items] == [
        ("Secretary General meets Ambassador", "2026-05-04")
    ]


def test_acting_before_the_organisation_is_part_of_the_role() -> None:
    people = find_participants(
        ["Acting OSCE Secretary General John Smith met the Ambassador of Peru."]
    )
    assert (people[0].role, people[0].organisation) == ("Acting Secretary General", "OSCE")


def test_an_executive_secretary_keeps_the_adjective_of_the_post() -> None:
    people = find_participants(
        ["В заседании принял участие Ответственный секретарь ПА ОДКБ Сергей Попов."]
    )
    assert (people[0].role, people[0].organisation) == ("Ответственный секретарь", "ПА ОДКБ")
