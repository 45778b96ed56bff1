"""A journalist's working file, pasted in the order items were found (set 23)."""

from store.ingest.parser import kind_of, parse_text


def test_a_yearless_lead_takes_its_year_from_the_full_date_its_own_sentence_names() -> None:
    text = (
        "SCO Secretary-General briefs diplomatic corps on preparations for Astana Summit\n"
        "\n"
        "On 5 April, SCO Secretary-General Zhang Ming held a briefing for heads of diplomatic"
        " missions on the preparations for the meeting of the SCO Council of Heads of State to"
        " be held in Astana on 3-4 July 2024.\n"
        "\n"
        "The briefing was attended by representatives of more than 50 diplomatic missions.\n"
    )
    items = parse_text(text, "test")
    assert [i.date for i in items] == ["2024-04-05"]


def test_across_new_year_the_lead_day_takes_the_year_nearest_the_named_date() -> None:
    text = (
        "Secretariat prepares for the session\n"
        "\n"
        "On 28 December, the Secretariat discussed the preparations for the session to be"
        " held on 15 January 2025.\n"
        "\n"
        "The participants agreed the draft agenda.\n"
    )
    items = parse_text(text, "test")
    assert [i.date for i in items] == ["2024-12-28"]


def test_the_speakers_wish_over_the_closing_place_and_date_is_the_speech_not_a_headline() -> None:
    text = (
        "Выступление Генерального секретаря ОДКБ И.Н.Тасмагамбетова на Международной"
        " научно-практической конференции\n"
        "\n"
        "Уважаемые участники конференции!\n"
        "\n"
        "Рад приветствовать вас в Алматы.\n"
        "\n"
        "Желаю всем участникам плодотворной работы.\n"
        "\n"
        "г. Алматы, 15 октября 2024 года\n"
        "\n"
        "16 октября 2024 года Генеральный секретарь ОДКБ И.Н.Тасмагамбетов провел встречу с"
        " акимом города Алматы.\n"
    )
    items = parse_text(text, "test")
    assert [(i.kind, i.date) for i in items] == [("speech", "2024-10-15"), ("news", "2024-10-16")]


def test_kinds_of_comments_greetings_answers_and_delivered_statements() -> None:
    assert kind_of("CSTO Secretariat comment on media reports") == "statement"
    assert kind_of("No comment on the weather at the summit") == "news"
    assert kind_of("Новогоднее поздравление исполняющего обязанности Генерального секретаря") == (
        "speech"
    )
    assert kind_of(
        "Foreign Ministry Spokeswoman Maria Zakharova's answer to a media question"
    ) == "interview"
    assert kind_of("Foreign Minister Sergey Lavrov's remarks and answers to media questions") == (
        "speech"
    )
    items = parse_text(
        "On Russia's Ongoing Aggression Against Ukraine\n"
        "As delivered by Chargé d'Affaires Courtney Austrian to the Permanent Council, Vienna\n"
        "May 20, 2021\n"
        "Thank you, Madam Chair.\n"
        "The United States remains deeply concerned.\n",
        "test",
    )
    assert [i.kind for i in items] == ["statement"]


def test_the_un_secretary_generals_welcome_is_a_statement_and_a_relevant_order_goes_on() -> None:
    assert kind_of("Secretary-General Welcomes Signing of Border Treaty between Two States") == (
        "statement"
    )
    text = (
        "Kyrgyzstan's Defence Ministry confirms participation in \"Interaction-2025\"\n"
        "BISHKEK, Sept 4 (Interfax) - Kyrgyzstan will send a unit of special forces to the CSTO"
        " exercises in Belarus, the press service of the Ministry of Defence said.\n"
        "Minister of Defence Ruslan Mukambetov signed the relevant order.\n"
        "\n"
        "(end of digest)\n"
    )
    items = parse_text(text, "test")
    assert len(items) == 1
    assert items[0].body[-1] == "Minister of Defence Ruslan Mukambetov signed the relevant order."


def test_a_report_headline_after_a_briefings_answer_starts_the_next_item() -> None:
    text = (
        "Briefing by the Official Representative of the Ministry of Foreign Affairs of"
        " Kazakhstan Aibek Smadiyarov\n"
        "\n"
        "Dear journalists, today I will inform you about several foreign policy events.\n"
        "\n"
        "On the meeting held by the Minister\n"
        "\n"
        "The Minister held a meeting with the heads of the diplomatic missions.\n"
        "\n"
        "Question (Kazinform): Is Kazakhstan planning to join the sanctions?\n"
        "\n"
        "Aibek Smadiyarov: Kazakhstan does not participate in sanctions regimes.\n"
        "\n"
        "Deputy Foreign Minister Paruyr Hovhannisyan received the CSTO Deputy Secretary"
        " General\n"
        "\n"
        "On 5 April 2022, Deputy Foreign Minister of Armenia Paruyr Hovhannisyan received the"
        " Deputy Secretary General of the CSTO, Azamat Dzhumabaev.\n"
        "\n"
        "Read also: Prime Minister Pashinyan to host CSTO summit tomorrow\n"
    )
    items = parse_text(text, "test")
    assert [i.title[:20] for i in items] == ["Briefing by the Offi", "Deputy Foreign Minis"]
    assert "On the meeting held by the Minister" in items[0].body
    assert items[0].body[-1].startswith("Aibek Smadiyarov:")
    assert items[1].body[-1].startswith("On 5 April 2022")


def test_an_interview_and_a_greeting_after_a_briefing_are_items_of_their_own() -> None:
    text = (
        "Брифинг пресс-секретаря МИД Беларуси Анатолия Глаза\n"
        "27 октября 2022 г.\n"
        "\n"
        "О предстоящем заседании СМИД ОДКБ\n"
        "\n"
        "22 ноября в Ереване состоится заседание Совета министров иностранных дел ОДКБ.\n"
        "\n"
        "Спасибо за внимание.\n"
        "\n"
        "\n"
        "Интервью Министра иностранных дел Российской Федерации С.В.Лаврова газете"
        " «Казахстанская правда», 12 октября 2022 года\n"
        "\n"
        "Вопрос: Сергей Викторович, каких результатов Вы ожидаете?\n"
        "\n"
        "С.В.Лавров: Мы поддерживаем предложение казахстанских друзей.\n"
        "\n"
        "\n"
        "Приветствие Министра иностранных дел Российской Федерации С.В.Лаврова участникам"
        " научно-практической конференции\n"
        "\n"
        "Уважаемые коллеги, дорогие друзья!\n"
        "\n"
        "Рад приветствовать участников конференции.\n"
    )
    items = parse_text(text, "test")
    assert [i.kind for i in items] == ["speech", "interview", "speech"]
    assert items[1].date == "2022-10-12"
