"""Set 11's rules of press text: pages that space their paragraphs, page furniture, mastheads,
stamps under an item's text."""

from __future__ import annotations

from store.ingest.parser import parse_text


def test_a_paragraph_set_apart_by_blank_lines_goes_on_with_the_item_above() -> None:
    text = (
        "Minister meets Ambassador of Peru\n12 May 2026\n"
        "On 12 May, the Minister received the Ambassador of Peru.\n\n"
        "The sides discussed trade and tourism.\n\n"
        "They agreed to hold consultations in the autumn.\nShare\n"
        "Deputy Minister visits Lima\n14 May 2026\nThe Deputy Minister arrived in Lima.\n"
        "\n"
        "Council meets\n2 June 2026\nThe Council met in Minsk.\n"
    )
    items = parse_text(text, "x")
    assert [i.title for i in items] == [
        "Minister meets Ambassador of Peru", "Deputy Minister visits Lima", "Council meets"
    ]
    assert items[0].body[-1] == "They agreed to hold consultations in the autumn."


def test_a_wire_rights_line_and_an_update_mark_are_not_text() -> None:
    text = (
        "Agency\n3 May 2026 10:00\n(updated: 10:40)\nMinisters meet in Baku\n"
        "BAKU, May 3 (Agency) - The ministers met in Baku on Sunday.\n"
        "They discussed transit.\nAgency Group. All rights reserved.\n"
    )
    items = parse_text(text, "x")
    assert items[-1].body[-1] == "They discussed transit."
    assert all("updated" not in p for i in items for p in i.body)


def test_the_kremlin_publication_block_is_not_an_item() -> None:
    text = (
        "Meeting with the Governor\nMay 5, 2026, 15:00\n"
        "Vladimir Putin met with the Governor of the region.\n"
        "Publication status\nPublished in sections: News, Transcripts\n"
        "Publication date: May 5, 2026, 17:20\nDirect link: kremlin.ru/events/1\n"
        "Telephone conversation with the Prime Minister\nMay 6, 2026, 12:00\n"
        "Vladimir Putin had a telephone conversation.\n"
    )
    items = parse_text(text, "x")
    assert [i.title for i in items] == [
        "Meeting with the Governor", "Telephone conversation with the Prime Minister"
    ]
    assert items[0].body == ("Vladimir Putin met with the Governor of the region.",)


def test_a_date_and_time_under_undated_text_dates_that_item_and_is_not_a_paragraph() -> None:
    text = (
        "Answer of the Spokesperson to a question\n"
        "Question: What about the talks?\nAnswer: They will go on.\n"
        "28.08.2026 11:03\n"
        "Minister meets Ambassador\n3 September 2026\nThe Minister met the Ambassador.\n"
    )
    items = parse_text(text, "x")
    assert items[0].date == "2026-08-28"
    assert items[0].body[-1] == "Answer: They will go on."
    assert items[1].date == "2026-09-03"


def test_a_channel_name_over_the_date_gives_way_to_the_post_headline_under_it() -> None:
    text = (
        "Ministry Channel\n4 June 2026\n"
        "Statement of the Spokesperson on the elections in the region\n"
        "We have taken note of the results of the vote.\n"
        "News Agency\n5 June 2026 09:12\nMinisters discuss rail links in Tashkent\n"
        "The ministers discussed the new railway.\n"
    )
    items = parse_text(text, "x")
    assert [i.title for i in items] == [
        "Statement of the Spokesperson on the elections in the region",
        "Ministers discuss rail links in Tashkent",
    ]
    assert [i.date for i in items] == ["2026-06-04", "2026-06-05"]


def test_the_place_under_a_transcript_date_is_not_a_headline() -> None:
    text = (
        "Meeting with the President of Mongolia\nMay 2, 2026, 14:00\nThe Kremlin, Moscow\n"
        "Vladimir Putin held talks with the President of Mongolia.\n"
        "Переговоры с Президентом Монголии\n3 мая 2026 года, 13:00\nУлан-Батор\n"
        "Владимир Путин провёл переговоры с Президентом Монголии.\n"
    )
    items = parse_text(text, "x")
    assert [i.title for i in items] == [
        "Meeting with the President of Mongolia", "Переговоры с Президентом Монголии"
    ]
    assert [len(i.body) for i in items] == [1, 1]


def test_tags_and_related_headlines_under_the_text_are_not_its_last_paragraphs() -> None:
    text = (
        "Ministers discuss the border\n4 May 2026\n"
        "The ministers discussed the demarcation of the border.\n"
        "They agreed to meet again in June.\n"
        "Tags\nKyrgyzstan\nАлексей Оверчук\nCIS\n"
        "Ambassador presents credentials\n5 May 2026\n"
        "The Ambassador presented his credentials.\n"
    )
    items = parse_text(text, "x")
    assert [i.body[-1] for i in items] == [
        "They agreed to meet again in June.", "The Ambassador presented his credentials."
    ]


def test_a_signature_or_a_list_of_participants_under_the_text_stays() -> None:
    signed = (
        "Joint statement of the ministers\n"
        "The ministers agreed to hold regular consultations.\n"
        "Министр иностранных дел Республики Армения А.Мирзоян\n"
        "Министр иностранных дел Республики Беларусь М.Рыженков\n"
    )
    listed = (
        "Council of Secretaries meets\n3 March 2026\nThe Council met in Minsk.\nParticipants:\n"
        "Gevorg Hakobyan\nSecretary of the Security Council of the Republic of Armenia\n"
        "Aliaksandr Volfovich\nState Secretary of the Security Council of the Republic of Belarus\n"
        "Ambassador presents credentials\n5 March 2026\nThe Ambassador presented them.\n"
    )
    assert parse_text(signed, "x")[0].body[-1].endswith("М.Рыженков")
    assert parse_text(listed, "x")[0].body[-1].startswith("State Secretary of the Security")


def test_a_post_hashtags_and_view_counter_are_not_its_text() -> None:
    text = (
        "Ministry Channel\n4 June 2026\nComment of the Spokesperson on the sanctions\n"
        "We regard the sanctions as unlawful.\n#Spokesperson #Sanctions\n👁 12.3K edited 16:02\n"
        "Minister meets Ambassador\n5 June 2026\nThe Minister met the Ambassador.\n"
    )
    items = parse_text(text, "x")
    assert items[0].body == ("We regard the sanctions as unlawful.",)


def test_most_read_headlines_under_an_item_are_skipped() -> None:
    text = (
        "Ministers discuss transit\n4 May 2026\nThe ministers discussed transit.\n"
        "Most read\nKazakhstan and Kyrgyzstan agree on water\nSite of the Ministry\n"
        "Information message\n6 May 2026\nOn the visit of the Minister to Tashkent\n"
        "On 6 May, the Minister arrived in Tashkent.\n"
    )
    items = parse_text(text, "x")
    assert [i.title for i in items] == [
        "Ministers discuss transit", "On the visit of the Minister to Tashkent"
    ]
    assert items[0].body == ("The ministers discussed transit.",)


def test_a_site_name_and_section_alone_are_no_item() -> None:
    text = (
        "The Ministry of Foreign Affairs of Mongolia\nHome / Press service / News\n"
        "Minister meets Ambassador of Japan\n14 March 2026\nThe Minister met the Ambassador.\n"
        "News Agency / Interview\nMinister: our ties are strong\n15 March 2026\n"
        "— Minister, how are the ties?\n— They are strong.\n"
    )
    items = parse_text(text, "x")
    assert [i.title for i in items] == [
        "Minister meets Ambassador of Japan", "Minister: our ties are strong"
    ]


def test_a_trail_from_the_site_name_to_its_section_is_not_a_title() -> None:
    text = (
        "Statement by the Minister at the Council\n3 May 2026\nDear colleagues,\n"
        "We support the declaration.\nThank you.\n"
        "Ministry of Foreign Affairs of the Republic of Georgia | Press releases | Speeches\n"
        "4 May 2026 10:15\nGeorgia, Armenia to hold consultations on transit next month\n"
        "TBILISI. May 4 (Agency) - Georgia and Armenia will hold consultations.\n"
    )
    items = parse_text(text, "x")
    assert [i.date for i in items] == ["2026-05-03", "2026-05-04"]
    assert items[1].title.startswith("Georgia, Armenia")


def test_a_site_name_over_its_section_line_is_no_item() -> None:
    text = (
        "Minister meets Ambassador\n4 February 2026\nThe Minister met the Ambassador.\n"
        "The sides discussed trade.\n\n"
        "Ministry of Foreign Affairs of Mongolia\nPress service\n"
        "Mongolia and the SCO discuss cooperation\n05.02.2026\n"
        "On 5 February, the Minister received the SCO Secretary-General.\n"
    )
    assert [i.title for i in parse_text(text, "x")] == [
        "Minister meets Ambassador", "Mongolia and the SCO discuss cooperation"
    ]


def test_questions_and_answers_printed_as_a_dialogue_make_an_interview() -> None:
    text = (
        "Ambassador: our ties are strong\n24 April 2026\n"
        "The Ambassador spoke to the agency about trade and security.\n"
        "— Mr Ambassador, how are the relations today?\n— They are good and growing.\n"
        "— Will the border guards stay?\n— Nothing has changed so far.\n"
    )
    assert parse_text(text, "x")[0].kind == "interview"


def test_an_agency_signing_in_capitals_is_its_mark_not_the_first_words_of_the_text() -> None:
    from store.text.wire import wire_lead

    kazakh = wire_lead("ALMATY. NEWSAGENCY – President Tokayev received the Ambassador.")
    kyrgyz = wire_lead("AKIpress - Foreign Minister Zheenbek Kulubaev met the Ambassador.")
    interfax = wire_lead("MINSK. Mar 3 (Interfax) - Belarus and Russia signed a plan.")
    assert kazakh is not None and kazakh.text.startswith("President Tokayev")
    assert kyrgyz is not None and kyrgyz.text.startswith("Foreign Minister")
    assert interfax is not None and interfax.text.startswith("Belarus and Russia")
    assert interfax.date_line is not None and interfax.date_line.place == "Minsk"
    assert wire_lead("UN - the body met.") is None


def test_an_address_by_first_name_and_patronymic_is_not_the_surname_it_is_made_from() -> None:
    from store.ingest.participants import find_participants

    people = find_participants([
        "Уважаемый Бахтиёр Саидович!",
        "Благодарю Министра иностранных дел Республики Узбекистан Бахтиёра Саида за приём.",
    ])
    assert [p.name for p in people] == ["Бахтиёра Саида"]


def test_an_agency_headline_over_its_standfirst_and_date_heads_the_next_item() -> None:
    text = (
        "Meeting with the Governor\nMay 5, 2026, 15:00\n"
        "Vladimir Putin met with the Governor of the region.\n"
        "News Agency\nWorld Politics\n"
        "Kremlin says no summit with Baku planned for this month\n"
        '"Such plans are not on the agenda," the Kremlin spokesman said\n'
        "6 MAY 2026, 11:20\n"
        "MOSCOW, May 6. /TASS/. No summit is planned, the Kremlin spokesman said.\n"
    )
    items = parse_text(text, "x")
    assert items[0].body == ("Vladimir Putin met with the Governor of the region.",)
    assert items[1].title.startswith("Kremlin says no summit with Baku planned")
    assert items[1].date == "2026-05-06"


def test_a_post_under_a_signature_is_no_headline() -> None:
    text = (
        "Joint statement of the ministers\n"
        "The ministers agreed to hold regular consultations.\n"
        "Nurlan Seitkali\nMinister of Foreign Affairs of the Republic of Kazakhstan\n"
        "Ministers discuss transit in Astana\n20.11.2025\nThe ministers met in Astana.\n"
    )
    items = parse_text(text, "x")
    assert items[0].body[-1] == "Minister of Foreign Affairs of the Republic of Kazakhstan"
    assert items[1].title == "Ministers discuss transit in Astana"


def test_a_plural_post_before_a_comma_is_no_part_of_the_next_person_role() -> None:
    from store.ingest.participants import find_participants

    people = find_participants([
        "The dialogue will be held at the level of deputy ministers in 2027, Russian Foreign "
        "Minister Sergey Lavrov said."
    ])
    assert [(p.name, p.role) for p in people] == [("Sergey Lavrov", "Foreign Minister")]


def test_a_stamp_over_a_lead_of_another_day_closes_the_item_above() -> None:
    last = (
        "The persecution of journalists in the region is what really deserves the attention of"
        " the international human rights bodies."
    )
    text = (
        "Answer by the Spokesperson to a media question\n"
        f"Question: What about the talks?\nAnswer: They will go on.\n{last}\n"
        "28 August 2026 11:03\nTrend\n"
        "TBILISI, JANUARY 15, TREND. Foreign Minister of Georgia Maka Botchorishvili "
        "received the EU envoy, the Foreign Ministry said.\n"
        "Botchorishvili and the envoy discussed the transit corridors.\n"
    )
    items = parse_text(text, "x")
    assert items[0].date == "2026-08-28"
    assert items[0].body[-1] == last
    assert items[1].body[-1].startswith("Botchorishvili and the envoy")


def test_read_also_headlines_after_the_tags_are_skipped_too() -> None:
    text = (
        "Ministers discuss transit\n4 May 2026\nThe ministers discussed transit.\n"
        "Теги\nАрмения\nЧитайте также\nЛавров проведет переговоры в Баку\n"
        "В МИД прокомментировали учения у границ\nРИА Новости\n"
        "05.05.2026 11:26\nОверчук: переговоры о торговле завершены\n"
        "МОСКВА, 5 мая — РИА Новости. Переговоры завершены, сообщил Алексей Оверчук.\n"
    )
    items = parse_text(text, "x")
    assert [i.title for i in items] == [
        "Ministers discuss transit", "Оверчук: переговоры о торговле завершены"
    ]
