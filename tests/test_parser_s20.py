"""Items of a 2021 dump heavy on OSCE and UN documents (set 20)."""

from store.ingest.parser import parse_text


def test_osce_document_date_under_its_symbol_is_not_the_closing_date_of_the_news_above() -> None:
    text = (
        "UNRCCA convenes final meeting of Central Asian Deputy Foreign Ministers for the year\n"
        "\n"
        "On 21 December, the United Nations Regional Centre for Preventive Diplomacy for"
        " Central Asia convened a meeting of the Deputy Ministers of Foreign Affairs.\n"
        "\n"
        "The Deputy Ministers reaffirmed their readiness to continue cooperation in 2022.\n"
        "\n"
        "Share this:\n"
        "Facebook Twitter Email\n"
        "\n"
        "PC.DEL/1772/21\n"
        "17 December 2021\n"
        "\n"
        "ENGLISH\n"
        "Original: RUSSIAN\n"
        "\n"
        "Delegation of the Russian Federation\n"
        "\n"
        "STATEMENT BY MR. ALEXANDER LUKASHEVICH, PERMANENT REPRESENTATIVE OF THE RUSSIAN"
        " FEDERATION, AT THE 1350th MEETING OF THE OSCE PERMANENT COUNCIL\n"
        "\n"
        "16 December 2021\n"
        "\n"
        "Madam Chairperson,\n"
        "\n"
        "We are forced once again to draw the attention of the Council to the situation.\n"
        "\n"
        "On 12 February 2015, the Package of Measures for the Implementation of the Minsk"
        " Agreements was signed in Minsk and endorsed by resolution 2202.\n"
        "\n"
        "We call on the authorities to engage in direct dialogue.\n"
        "\n"
        "Thank you for your attention.\n"
    )
    items = parse_text(text, "test")
    assert [(i.title[:20], i.date) for i in items] == [
        ("UNRCCA convenes fina", "2021-12-21"), ("STATEMENT BY MR. ALE", "2021-12-16")
    ]
    assert items[0].body[-1].startswith("The Deputy Ministers reaffirmed")
    assert items[1].body[-1] == "Thank you for your attention."
    assert any(p.startswith("On 12 February 2015") for p in items[1].body)


def test_dated_news_with_an_initialled_name_after_a_briefing_is_an_item_of_its_own() -> None:
    text = (
        "Briefing by the Official Representative of the Ministry of Foreign Affairs of"
        " Kazakhstan Aibek Smadiyarov\n"
        "13 December 2021\n"
        "\n"
        "Good afternoon, dear representatives of the media!\n"
        "\n"
        "Question (Kazinform): How is the delivery of humanitarian aid progressing?\n"
        "\n"
        "Answer: Kazakhstan has sent more than 5,000 tonnes of flour to Afghanistan.\n"
        "\n"
        "Thank you for your attention, see you next week.\n"
        "On 10 December 2021, Deputy Minister of Foreign Affairs of Kazakhstan A. Rakhmetullin"
        " received the Head of the OSCE Programme Office V. Frobarth. The sides discussed joint"
        " projects.\n"
    )
    items = parse_text(text, "test")
    assert [i.date for i in items] == ["2021-12-13", "2021-12-10"]
    assert [p.name for p in items[1].participants] == ["A. Rakhmetullin", "V. Frobarth"]


def test_statement_delivered_at_a_meeting_takes_that_day_not_the_documents_issue() -> None:
    text = (
        "Please count on the full support of the United Nations.\n"
        "\n"
        "Thank you.\n"
        "\n"
        " Print  |  Email\n"
        "\n"
        "PC.DEL/1683/21\n"
        "19 November 2021\n"
        "\n"
        "ENGLISH only\n"
        "\n"
        "Statement by the Delegation of Armenia\n"
        "delivered by Ambassador Armen Papikyan, Permanent Representative of Armenia to the"
        " OSCE, at the 1346th meeting of the Permanent Council, 18 November 2021\n"
        "\n"
        "Madam Chair,\n"
        "\n"
        "On 16 November, the armed forces launched a large-scale offensive.\n"
        "\n"
        "Thank you.\n"
    )
    items = parse_text(text, "test")
    statement = items[-1]
    assert statement.title.startswith("Statement by the Delegation of Armenia")
    assert statement.date == "2021-11-18"
    assert all("Print" not in p for i in items for p in (i.title, *i.body))


def test_a_statement_title_after_a_briefings_answers_starts_the_next_item() -> None:
    text = (
        "Briefing by Foreign Ministry Spokeswoman Maria Zakharova, Moscow, August 19, 2021\n"
        "\n"
        "We continue to closely follow developments in Afghanistan.\n"
        "\n"
        "Question: How many Russian citizens have been evacuated from Afghanistan?\n"
        "\n"
        "Maria Zakharova: The exact figures will be made public when it is completed.\n"
        "\n"
        "Statement by the Special Representative of the Secretary-General for Central Asia on"
        " the situation in Afghanistan\n"
        "\n"
        "I am following with deep concern the rapidly evolving situation in Afghanistan.\n"
        "\n"
        "Natalia Gherman\n"
        "Special Representative of the Secretary-General for Central Asia and Head of UNRCCA\n"
        "Ashgabat, 18 August 2021\n"
    )
    items = parse_text(text, "test")
    assert [(i.title[:20], i.date) for i in items] == [
        ("Briefing by Foreign ", "2021-08-19"), ("Statement by the Spe", "2021-08-18")
    ]
    assert items[0].body[-1].startswith("Maria Zakharova: The exact figures")


def test_mission_label_and_as_delivered_line_stand_between_an_osce_title_and_its_date() -> None:
    text = (
        "PC.DEL/781/21\n"
        "21 May 2021\n"
        "\n"
        "ENGLISH only\n"
        "\n"
        "United States Mission to the OSCE\n"
        "\n"
        "On Russia's Ongoing Aggression Against Ukraine and Illegal Occupation of Crimea\n"
        "\n"
        "As delivered by Chargé d'Affaires Courtney Austrian to the Permanent Council, Vienna\n"
        "May 20, 2021\n"
        "\n"
        "Thank you, Madam Chair.\n"
        "\n"
        "The United States remains deeply concerned by Russia's military activity.\n"
        "\n"
        "Thank you.\n"
    )
    items = parse_text(text, "test")
    assert len(items) == 1
    assert items[0].title.startswith("On Russia's Ongoing Aggression")
    assert items[0].date == "2021-05-20"


def test_russian_mfa_document_number_is_page_furniture() -> None:
    text = (
        "Брифинг официального представителя МИД России М.В.Захаровой, Москва, 23 декабря"
        " 2021 года\n"
        "\n"
        "Вопрос: Планирует ли Россия участвовать в учениях ОДКБ в следующем году?\n"
        "\n"
        "Ответ: Это вопрос к Министерству обороны.\n"
        "\n"
        "2621-23-12-2021\n"
        "22 декабря с.г. заместитель Министра иностранных дел Российской Федерации А.Ю.Руденко"
        " провел консультации с Послом Афганистана.\n"
    )
    items = parse_text(text, "test")
    assert [i.date for i in items] == ["2021-12-23", "2021-12-22"]
    assert items[0].body[-1] == "Ответ: Это вопрос к Министерству обороны."


def test_topic_line_under_a_title_that_ends_with_its_date_opens_the_speech() -> None:
    text = (
        "Выступление Постоянного представителя Российской Федерации А.К.Лукашевича на"
        " заседании Постоянного совета ОБСЕ, Вена, 9 декабря 2021 года\n"
        "\n"
        "О ситуации в Афганистане\n"
        "\n"
        "Уважаемая госпожа Председатель,\n"
        "\n"
        "Ситуация в Афганистане остается в центре внимания российской стороны.\n"
        "\n"
        "Благодарю за внимание.\n"
        "\n"
        "Генсек ОДКБ заявил о готовности помочь Таджикистану в укреплении границы\n"
        "7 декабря, 11:05\n"
        "\n"
        "МОСКВА, 7 декабря. /ТАСС/. Организация готова оказать помощь Таджикистану.\n"
    )
    items = parse_text(text, "test")
    assert [(i.kind, i.date) for i in items] == [("speech", "2021-12-09"), ("news", "2021-12-07")]
    assert items[0].body[0] == "О ситуации в Афганистане"


def test_closing_place_and_date_end_a_speech_glued_to_the_next_wire_story() -> None:
    text = (
        "Выступление Генерального секретаря ОДКБ С.В.Зася на заседании Постоянного совета"
        " при ОДКБ\n"
        "\n"
        "Уважаемые коллеги!\n"
        "\n"
        "Позвольте поздравить всех с началом работы в новом году.\n"
        "\n"
        "Благодарю за внимание.\n"
        "\n"
        "Москва, 20 января 2021 года\n"
        "ЕРЕВАН, 15 ЯНВАРЯ, АРМЕНПРЕСС. Министр иностранных дел Армении Ара Айвазян принял"
        " Личного представителя Действующего председателя ОБСЕ Анджея Каспшика.\n"
        "\n"
        "Стороны обсудили гуманитарные вопросы.\n"
    )
    items = parse_text(text, "test")
    assert [(i.kind, i.date) for i in items] == [("speech", "2021-01-20"), ("news", "2021-01-15")]
    assert items[0].body[-1] == "Москва, 20 января 2021 года"
