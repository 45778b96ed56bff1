"""Behaviour of the parser on UN/OSCE documents and press digests (set 15)."""

from __future__ import annotations

from store.ingest.parser import kind_of, parse_text


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


def test_the_close_of_a_press_digest_is_not_the_last_entrys_text() -> None:
    text = (
        "Interfax, 4 June\n"
        "CSTO to hold staff talks in Yerevan\n"
        "YEREVAN, June 4 (Interfax) - The CSTO Joint Staff will hold talks with the Armenian "
        "side next week, a source in the Secretariat told reporters.\n"
        "The agenda includes the schedule of joint exercises.\n\n"
        "(end of digest)\n"
    )
    items = parse_text(text, "test")
    assert items[-1].body[-1] == "The agenda includes the schedule of joint exercises."


def test_the_close_of_a_russian_digest_is_not_the_last_entrys_text() -> None:
    text = (
        "Интерфакс, 4 июня\n"
        "ОДКБ проведет штабные переговоры в Ереване\n"
        "ЕРЕВАН, 4 июня. Интерфакс - Объединенный штаб ОДКБ проведет переговоры с армянской "
        "стороной на следующей неделе, сообщил источник в Секретариате.\n"
        "В повестке - график совместных учений.\n\n"
        "— Конец обзора —\n"
    )
    items = parse_text(text, "test")
    assert items[-1].body[-1] == "В повестке - график совместных учений."


def test_a_un_letter_or_note_verbale_is_a_statement() -> None:
    assert kind_of(
        "Letter dated 2 June 2024 from the Permanent Representative of Belarus to the "
        "United Nations addressed to the Secretary-General"
    ) == "statement"
    assert kind_of("Note verbale dated 5 May 2024 from the Permanent Mission of Armenia") == (
        "statement"
    )
    assert kind_of(
        "Письмо Постоянного представителя Республики Казахстан при Организации Объединенных "
        "Наций от 3 июня 2024 года на имя Генерального секретаря"
    ) == "statement"
    assert kind_of("Letters from readers about the new bridge") == "news"


def test_the_head_of_a_un_document_is_not_an_item() -> None:
    text = (
        "United Nations\tS/2024/310\n"
        "Security Council\tDistr.: General\n"
        "22 April 2024\n"
        "Original: English\n\n"
        "Letter dated 19 April 2024 from the Permanent Representative of Kazakhstan to the "
        "United Nations addressed to the Secretary-General\n\n"
        "I have the honour to transmit herewith the statement of the Ministry of Foreign "
        "Affairs of Kazakhstan on the anniversary of the closure of the test site.\n\n"
        "I would be grateful if the present letter could be circulated as a document of the "
        "Security Council.\n"
    )
    items = parse_text(text, "test")
    assert len(items) == 1
    assert items[0].title.startswith("Letter dated 19 April 2024")


def test_the_language_lines_under_an_osce_symbol_are_not_an_item() -> None:
    text = (
        "PC.DEL/210/24\n"
        "7 March 2024\n\n"
        "ENGLISH\n"
        "Original: RUSSIAN\n\n"
        "Statement by the Delegation of the Russian Federation at the 1463rd meeting of "
        "the Permanent Council\n\n"
        "Mr. Chairperson,\n\n"
        "We have studied the report of the Head of the Programme Office with attention.\n\n"
        "Thank you for your attention.\n"
    )
    items = parse_text(text, "test")
    assert [i.title for i in items] == [
        "Statement by the Delegation of the Russian Federation at the 1463rd meeting of "
        "the Permanent Council"
    ]


def test_a_digests_compiler_line_is_not_the_next_items_title() -> None:
    text = (
        "Interfax, 4 June\n"
        "CSTO to hold staff talks in Yerevan\n"
        "YEREVAN, June 4 (Interfax) - The CSTO Joint Staff will hold talks with the Armenian "
        "side next week, a source in the Secretariat told reporters.\n\n"
        "Prepared by: Press Office of the Secretariat | tel. +7 (495) 000-00-00\n\n\n"
        "Statement by the Ministry of Foreign Affairs of Kazakhstan\n\n"
        "5 June 2024\n\n"
        "Kazakhstan welcomes the agreement reached by the parties in Geneva.\n"
    )
    titles = [i.title for i in parse_text(text, "test")]
    assert titles[-1] == "Statement by the Ministry of Foreign Affairs of Kazakhstan"


def test_an_osce_statement_keeps_its_delegation_date_and_topic() -> None:
    text = (
        "Delegation of Armenia\n\n"
        "STATEMENT BY THE DELEGATION OF ARMENIA AT THE 1470th MEETING OF THE PERMANENT "
        "COUNCIL\n\n"
        "18 April 2024\n\n"
        "On the work of the OSCE Office in Yerevan\n\n"
        "Mr. Chair,\n\n"
        "We thank the Head of the Office for the report and the work done this year.\n\n"
        "Thank you.\n"
    )
    items = parse_text(text, "test")
    assert len(items) == 1
    assert items[0].title.startswith("STATEMENT BY THE DELEGATION OF ARMENIA")
    assert items[0].date == "2024-04-18"
    assert items[0].kind == "statement"


def test_a_signed_line_under_a_un_letter_is_its_signature() -> None:
    text = (
        "Letter dated 19 April 2024 from the Permanent Representative of Kazakhstan to the "
        "United Nations addressed to the Secretary-General\n\n"
        "I have the honour to transmit herewith the statement of the Ministry of Foreign "
        "Affairs of Kazakhstan on the anniversary of the closure of the test site.\n\n"
        "I would be grateful if the present letter could be circulated as a document of the "
        "Security Council.\n\n"
        "(Signed) A. Umarov\n"
        "Permanent Representative\n"
    )
    items = parse_text(text, "test")
    assert len(items) == 1
    assert "(Signed) A. Umarov" in items[0].body


def test_a_spokespersons_comment_is_a_statement() -> None:
    assert kind_of("MFA spokesperson comments on the results of the Geneva talks") == (
        "statement"
    )
    assert kind_of("Minister comments on the harvest at a farm visit") == "news"


def test_a_digest_source_line_with_a_translation_note_dates_its_entry() -> None:
    from store.text.dates import parse_date_line

    line = parse_date_line("Кабар, 03.06.2024 (перевод с кыргызского)")
    assert line is not None and (line.date.day, line.date.month, line.date.year) == (3, 6, 2024)
    assert parse_date_line("Kabar, 3 June 2024 (translated from Kyrgyz)") is not None
    assert parse_date_line("3 June 2024 (the talks were held in Bishkek)") is None


def test_transcript_date_with_its_time_under_the_lead_dates_the_lead() -> None:
    text = (
        "Meeting with President of Tajikistan Emomali Rahmon\n"
        "Vladimir Putin met with President of Tajikistan Emomali Rahmon, who is in Russia on an"
        " official visit.\n"
        "April 22, 2025, 14:30\n"
        "The Kremlin, Moscow\n"
        "President of Russia Vladimir Putin: Mr President, dear friend,\n"
        "I am very glad to welcome you in Moscow. Our trade has been steadily growing.\n"
    )
    items = parse_text(text, "test")
    assert len(items) == 1
    assert items[0].date == "2025-04-22"
    assert items[0].body[-1].startswith("I am very glad")


def test_digest_source_lines_date_the_reports_under_them() -> None:
    text = (
        "SCO DIGEST: SECRETARY-GENERAL IN TASHKENT (two agency reports)\n"
        "\n"
        "Source: Kun.uz / UzA, 29 April 2025\n"
        "Saidov receives SCO Secretary-General\n"
        "TASHKENT, April 29 (UzA). Minister of Foreign Affairs Bakhtiyor Saidov received the"
        " Secretary-General of the SCO Nurlan Yermekbayev.\n"
        "The sides discussed the preparations for the SCO summit.\n"
        "\n"
        "Source: Kazinform, 30 April 2025\n"
        "Yermekbayev holds talks with Uzbek Foreign Minister\n"
        "TASHKENT. KAZINFORM – SCO Secretary-General Nurlan Yermekbayev held talks with"
        " Uzbek Foreign Minister Bakhtiyor Saidov.\n"
        "According to the statement, Yermekbayev briefed Saidov on the reform.\n"
    )
    items = parse_text(text, "test")
    assert [(i.title, i.date) for i in items] == [
        ("Saidov receives SCO Secretary-General", "2025-04-29"),
        ("Yermekbayev holds talks with Uzbek Foreign Minister", "2025-04-30"),
    ]
    assert items[0].body[-1] == "The sides discussed the preparations for the SCO summit."


def test_numbered_digest_entry_dates_its_report_not_the_digest_heading() -> None:
    text = (
        "CSTO SECRETARIAT — PRESS DIGEST\n"
        "Compiled by the Information and Analytical Department\n"
        "For internal use\n"
        "\n"
        "1. Source: Kazinform, 12 March 2025\n"
        "\n"
        "\n"
        "CSTO Secretary General meets Kazakh Deputy Foreign Minister\n"
        "\n"
        "ASTANA. KAZINFORM – CSTO Secretary General Imangali Tasmagambetov met with Deputy"
        " Minister of Foreign Affairs of Kazakhstan Roman Vassilenko in Astana on Wednesday.\n"
        "\n"
        "The sides discussed preparations for the session of the Council of Foreign Ministers.\n"
    )
    items = parse_text(text, "test")
    report = next(i for i in items if i.title.startswith("CSTO Secretary General meets"))
    assert report.date == "2025-03-12"
    assert all(i.date is None for i in items if i is not report)


def test_un_letter_keeps_its_annex_with_its_heading_and_footnoted_text() -> None:
    text = (
        "United Nations\tS/2025/162\n"
        "Security Council\tDistr.: General\n"
        "17 March 2025\n"
        "Original: Russian\n"
        "\n"
        "Letter dated 14 March 2025 from the Permanent Representative of the Russian"
        " Federation to the United Nations addressed to the Secretary-General\n"
        "\n"
        "I have the honour to transmit herewith the statement of the Ministry (see annex).\n"
        "\n"
        "I would be grateful if the present letter and its annex could be circulated.\n"
        "\n"
        "(Signed) V. Nebenzia\n"
        "Permanent Representative\n"
        "\n"
        "Annex to the letter dated 14 March 2025 from the Permanent Representative of the"
        " Russian Federation to the United Nations addressed to the Secretary-General\n"
        "\n"
        "Statement of the Ministry of Foreign Affairs of the Russian Federation\n"
        "\n"
        "The Russian side once again draws attention to the shelling near the power plant.¹\n"
        "\n"
        "We call on the Agency to give an objective assessment of these actions.\n"
        "\n"
        "_______________\n"
        "¹ See also S/2025/48.\n"
    )
    items = parse_text(text, "test")
    assert len(items) == 1
    assert items[0].date == "2025-03-17"
    assert items[0].body[-1].startswith("We call on the Agency")
    assert "Statement of the Ministry of Foreign Affairs of the Russian Federation" in items[0].body


def test_note_verbale_under_session_and_agenda_item_lines_is_one_item() -> None:
    text = (
        "Share on Telegram | VK | OK\n"
        "\n"
        "General Assembly\tA/80/156\n"
        "Distr.: General\n"
        "18 July 2025\n"
        "\n"
        "Original: English\n"
        "\n"
        "Eightieth session\n"
        "Item 96 of the preliminary list*\n"
        "General and complete disarmament\n"
        "\n"
        "Note verbale dated 16 July 2025 from the Permanent Mission of Kazakhstan to the United"
        " Nations addressed to the Secretary-General\n"
        "\n"
        "The Permanent Mission of Kazakhstan presents its compliments to the Secretary-General"
        " and has the honour to transmit the statement by Minister Murat Nurtleu (see annex).\n"
        "\n"
        "Annex\n"
        "\n"
        "Statement by Minister of Foreign Affairs of the Republic of Kazakhstan Murat Nurtleu\n"
        "\n"
        "Kazakhstan calls upon all States to sign and ratify the Treaty without delay.\n"
        "\n"
        "_______________\n"
        "* A/80/50.\n"
        "\n"
        "\n"
        "PC.DEL/1043/25\n"
        "25 September 2025\n"
        "ENGLISH only\n"
        "\n"
        "STATEMENT IN RESPONSE TO THE REPORT OF THE HIGH COMMISSIONER\n"
        "\n"
        "Mr. Chair,\n"
        "\n"
        "The delegation of Kazakhstan welcomes the High Commissioner and thanks him.\n"
    )
    items = parse_text(text, "test")
    assert [(i.title[:11], i.date) for i in items] == [
        ("Note verbal", "2025-07-18"), ("STATEMENT I", "2025-09-25")
    ]
    assert items[0].body[-1].startswith("Kazakhstan calls upon")
