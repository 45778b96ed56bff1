"""People named in a paragraph, with role and organisation as the text gives them."""

from __future__ import annotations

from store.ingest.participants import find_participants, is_named_in, resolve_addresses
from store.model import Participant


def people(text: str) -> list[Participant]:
    return find_participants([text])


def names(text: str) -> list[str]:
    return [p.name for p in people(text)]


SEED = (
    "On December 5, 2024, at the CSTO Secretariat, the CSTO Secretary General Imangali "
    "Tasmagambetov met with the Director of the Institute of World Economy and International "
    "Relations of the Russian Academy of Sciences Fyodor Voitolovsky, Deputy of the House of "
    "Representatives of the National Assembly of the Republic of Belarus Alexander Shpakovsky "
    "and Editor-in-Chief of the magazine “National Defense” Igor Korotchenko."
)


def test_roles_before_names_give_role_and_organisation() -> None:
    assert people(SEED) == [
        Participant("Imangali Tasmagambetov", "Secretary General", "CSTO"),
        Participant(
            "Fyodor Voitolovsky", "Director",
            "Institute of World Economy and International Relations of the Russian Academy "
            "of Sciences",
        ),
        Participant(
            "Alexander Shpakovsky", "Deputy",
            "House of Representatives of the National Assembly of the Republic of Belarus",
        ),
        Participant("Igor Korotchenko", "Editor-in-Chief", "magazine “National Defense”"),
    ]


def test_a_role_after_the_name_is_read() -> None:
    found = people(
        "Khasan Sultonov, Permanent and Plenipotentiary Representative of the Republic of "
        "Tajikistan to the CSTO, informed the Council."
    )
    assert found == [
        Participant(
            "Khasan Sultonov", "Permanent and Plenipotentiary Representative",
            "Republic of Tajikistan",
        )
    ]


def test_a_rank_between_role_and_name_is_not_part_of_either() -> None:
    found = people("Chief of the Joint Staff Colonel General Anatoly Sidorov opened the meeting.")
    assert found == [Participant("Anatoly Sidorov", "Chief", "Joint Staff")]


def test_secretary_general_is_a_role_not_a_rank() -> None:
    assert people("The CSTO Secretary General Stanislav Zas spoke.")[0].role == "Secretary General"


def test_several_roles_for_one_person_are_kept() -> None:
    found = people(
        "Chairman of the Collective Security Council, President of the Republic of Belarus "
        "Alexander Lukashenko received the delegation."
    )
    assert found == [
        Participant(
            "Alexander Lukashenko", "Chairman, President",
            "Collective Security Council; Republic of Belarus",
        )
    ]


def test_initials_and_honorifics() -> None:
    assert names("He met A. Petrov and K.M.Sadykov in Minsk.") == ["A. Petrov", "K.M.Sadykov"]
    assert names("H.E. Mr. Kassym-Jomart Tokayev opened the summit.") == ["Kassym-Jomart Tokayev"]


def test_russian_names_with_roles_and_case_forms() -> None:
    found = people(
        "Генеральный секретарь ОДКБ И.Тасмагамбетов провел встречу с председателем Парламентской "
        "Ассамблеи ОДКБ Вячеславом Володиным."
    )
    assert found == [
        Participant("И.Тасмагамбетов", "Генеральный секретарь", "ОДКБ"),
        Participant("Вячеславом Володиным", "председателем", "Парламентской Ассамблеи ОДКБ"),
    ]


def test_organisations_places_prizes_and_ships_are_not_people() -> None:
    text = (
        "The Collective Security Treaty Organization welcomed the contingent in the Golan Heights, "
        "the frigate Admiral Gorshkov visited Greater Eurasia and the Astana Declaration was "
        "signed at the Park Hotel Horizon with RIA Novosti."
    )
    assert names(text) == []


def test_the_same_person_twice_appears_once() -> None:
    found = names(
        "SCO Secretary-General Vladimir Norov took part. In his address, Mr Norov said the SCO "
        "had done much. Secretary-General Norov thanked the hosts."
    )
    assert found == ["Vladimir Norov"]


def test_a_list_of_people_each_with_their_own_role() -> None:
    found = people(
        "He met Russian Foreign Minister Sergey Lavrov, Kyrgyzstani Foreign Minister Erlan "
        "Abdyldayev, and Israeli Ambassador to the OSCE Talya Lador-Fresher."
    )
    assert [(p.name, p.role) for p in found] == [
        ("Sergey Lavrov", "Foreign Minister"),
        ("Erlan Abdyldayev", "Foreign Minister"),
        ("Talya Lador-Fresher", "Ambassador"),
    ]


def test_a_person_named_after_a_role_and_a_comma_at_the_end_of_a_sentence() -> None:
    found = find_participants([
        "The participants were addressed by the Special Representative of the UN"
        " Secretary-General for West Africa and the Sahel (UNOWAS), Leonardo Santos Simão."
    ])
    assert [(p.name, p.role) for p in found] == [
        ("Leonardo Santos Simão", "Special Representative")
    ]


def test_a_russian_role_then_a_name_in_the_instrumental_the_parser_never_listed() -> None:
    found = find_participants([
        "Состоялась встреча с Помощником Генерального секретаря ООН по Ближнему Востоку"
        " Халедом Хиари."
    ])
    assert [p.name for p in found] == ["Халедом Хиари"]
    assert found[0].role == "Помощником Генерального секретаря"


def test_dear_with_a_first_name_and_patronymic_names_a_person_dear_colleagues_does_not() -> None:
    assert [p.name for p in find_participants(["Dear Sergey Viktorovich!"])] == [
        "Sergey Viktorovich"
    ]
    assert find_participants(["Dear participants, dear colleagues!"]) == []
    assert find_participants(["Уважаемые коллеги!"]) == []


def test_a_name_with_its_country_after_a_verb_is_a_person() -> None:
    assert names("Ms. Marchetti succeeds Tomas Lindqvist of Sweden, to whom he is grateful.") == [
        "Marchetti", "Tomas Lindqvist"
    ]


def test_an_organisation_of_a_country_is_not_a_person() -> None:
    assert names("The delegation visited the Central University of Kazakhstan.") == []


def test_a_headline_s_verb_does_not_give_its_subject_s_role_to_the_object() -> None:
    assert people("Secretary-General Appoints Elena Marchetti of Italy as Deputy Head") == [
        Participant("Elena Marchetti", "", "")
    ]


def test_a_co_ordinator_is_a_role_not_a_name() -> None:
    assert people(
        "The Minister Bakhtiyor Saidov received the Head of the OSCE Project Co-ordinator in "
        "Uzbekistan, Katarzyna Nowicka."
    ) == [
        Participant("Bakhtiyor Saidov", "Minister", ""),
        Participant("Katarzyna Nowicka", "Head", "OSCE Project Co-ordinator in Uzbekistan"),
    ]


def test_a_name_before_the_quoted_title_of_their_work_is_a_person() -> None:
    assert people(
        'Article by the CSTO Secretary General Imangali Tasmagambetov "Collective Security: '
        'Tested by Time" for the newspaper Rossiyskaya Gazeta'
    ) == [Participant("Imangali Tasmagambetov", "Secretary General", "CSTO")]


def test_a_name_inside_quotation_marks_is_not_taken_for_a_person() -> None:
    assert names('The "Nursultan Nazarbayev" Foundation hosted the round table.') == []


def test_a_role_with_commas_of_its_own_before_a_comma_and_a_name() -> None:
    found = people(
        "The UN delegation was headed by the Assistant Secretary-General for the Middle East,"
        " Asia and the Pacific in the Departments of Political and Peacebuilding Affairs and"
        " Peace Operations, Khaled Khiari."
    )
    assert [(p.name, p.role) for p in found] == [("Khaled Khiari", "Assistant Secretary-General")]


def test_a_list_of_people_each_with_their_country_in_brackets() -> None:
    assert names(
        "It was attended by the Secretaries of the Security Councils: Armen Grigoryan (Armenia),"
        " Gizat Nurdauletov (Kazakhstan) and Nasrullo Mahmudzoda (Tajikistan)."
    ) == ["Armen Grigoryan", "Gizat Nurdauletov", "Nasrullo Mahmudzoda"]
    assert names(
        "В заседании участвовали Гизат Нурдаулетов (Казахстан) и Армен Григорян (Армения)."
    ) == ["Гизат Нурдаулетов", "Армен Григорян"]


def test_a_name_with_a_particle_is_one_person() -> None:
    found = people(
        "The Head of the OSCE Programme Office in Bishkek, Pierre von Hoffmann, met with "
        "President of the European Commission Ursula von der Leyen at the Palais de la Paix."
    )
    assert [(p.name, p.role) for p in found] == [
        ("Pierre von Hoffmann", "Head"), ("Ursula von der Leyen", "President")
    ]


def test_initials_after_the_surname_make_a_name() -> None:
    assert names(
        "В заседании под председательством Министра обороны Белоусова А.Р. приняли участие: "
        "Министр обороны генерал-лейтенант Хренин В.Г.; Министр обороны Мукамбетов Р.;"
        " Министр обороны Собирзода Э.М."
    ) == ["А.Р.Белоусова", "В.Г.Хренин", "Р.Мукамбетов", "Э.М.Собирзода"]


def test_an_address_by_name_and_patronymic_is_the_person_named_in_full() -> None:
    found = find_participants([
        "С.В.Лавров: Уважаемый Максим Владимирович, уважаемые дамы и господа!",
        "М.В.Рыженков: Благодарю Сергея Викторовича за диалог.",
    ])
    assert [p.name for p in found] == ["С.В.Лавров", "М.В.Рыженков"]
    assert names("Chief Andrey Serdyukov answered. Andrey Nikolaevich, what next?") == [
        "Andrey Serdyukov"
    ]
    # named no one else, or could be more than one: the address stays
    assert "Kassym-Jomart Kemelevich" in names(
        "Dear Kassym-Jomart Kemelevich! Minister Ruslan Zhaksylykov spoke."
    )
    assert "Юрий Георгиевич" in names(
        "Уважаемый Юрий Георгиевич! Министр Юрий Хачатуров и посол Юрий Иванов."
    )


def test_a_one_letter_given_name_is_not_an_initial_after_a_surname() -> None:
    assert names("Заседание провел Министр иностранных дел КНР Ван И.") == ["Ван И"]


def roles(text: str) -> list[tuple[str, str, str]]:
    return [(p.name, p.role, p.organisation) for p in people(text)]


def test_a_portfolio_belongs_to_the_role_and_the_state_is_the_organisation() -> None:
    assert roles(
        "Talks with the Minister of Foreign Affairs of the Republic of Armenia Ararat Mirzoyan."
    ) == [("Ararat Mirzoyan", "Minister of Foreign Affairs", "Republic of Armenia")]
    assert roles(
        "Deputy Minister of Defence Sultan Kamaletdinov told reporters."
    ) == [("Sultan Kamaletdinov", "Deputy Minister of Defence", "")]
    assert roles(
        "It was received by Under-Secretary-General for Peace Operations Jean-Pierre Lacroix."
    ) == [("Jean-Pierre Lacroix", "Under-Secretary-General for Peace Operations", "")]
    assert roles(
        "The briefing was given by the Chief of Staff of the CSTO Secretariat Ruslan Sarsembayev."
    ) == [("Ruslan Sarsembayev", "Chief of Staff", "CSTO Secretariat")]
    # an organisation after "of" is not a portfolio
    assert roles("The Secretary of the Security Council Armen Grigoryan met him.") == [
        ("Armen Grigoryan", "Secretary", "Security Council")
    ]
    assert roles(
        "Министр иностранных дел Кыргызской Республики Жээнбек Кулубаев принял посла."
    ) == [("Жээнбек Кулубаев", "Министр иностранных дел", "Кыргызской Республики")]


def test_a_role_chain_with_a_dash_and_a_rank_before_the_name() -> None:
    assert roles(
        "The delegation was headed by the Chief of the General Staff of the Armed Forces – "
        "First Deputy Minister of Defence of the Republic of Belarus Major General Pavel "
        "Muraveiko."
    ) == [(
        "Pavel Muraveiko",
        "Chief of the General Staff of the Armed Forces – First Deputy Minister of Defence",
        "Republic of Belarus",
    )]
    assert roles(
        "Белорусскую делегацию возглавил первый заместитель Министра обороны Республики "
        "Беларусь генерал-майор Павел Муравейко."
    ) == [("Павел Муравейко", "первый заместитель Министра обороны", "Республики Беларусь")]
    found = roles(
        "The meeting was chaired by the Chief of the General Staff of the Armed Forces of the "
        "Russian Federation – First Deputy Minister of Defence, General of the Army Valery "
        "Gerasimov."
    )
    assert found[0][0] == "Valery Gerasimov"
    assert found[0][1].startswith("Chief of the General Staff of the Armed Forces")


def test_chairmanship_and_headed_by_are_not_roles() -> None:
    assert roles(
        "Заседание прошло под председательством Секретаря Совета Безопасности Российской "
        "Федерации Сергея Шойгу."
    ) == [("Сергея Шойгу", "Секретаря", "Совета Безопасности Российской Федерации")]
    assert roles(
        "Встреча с делегацией Министерства обороны во главе с заместителем Министра обороны "
        "генерал-майором Дауреном Косановым."
    ) == [("Дауреном Косановым", "заместителем Министра обороны", "")]


def test_a_dateline_before_the_role_is_not_the_organisation() -> None:
    assert roles(
        "DUSHANBE, 3 December 2026 – OSCE Secretary General Feridun Sinirlioğlu concluded a visit."
    ) == [("Feridun Sinirlioğlu", "Secretary General", "OSCE")]


def test_the_next_persons_role_closes_a_russian_name() -> None:
    assert roles(
        "По приглашению Секретаря Совета безопасности Кыргызской Республики Марата Иманкулова "
        "заместитель Генерального секретаря ОДКБ Валерий Семериков принял участие в конференции."
    ) == [
        ("Марата Иманкулова", "Секретаря", "Совета безопасности Кыргызской Республики"),
        ("Валерий Семериков", "заместитель Генерального секретаря", "ОДКБ"),
    ]
    assert roles(
        "Посол Республики Казахстан в Российской Федерации Даурен Абаев вручил награду."
    )[0][:2] == ("Даурен Абаев", "Посол")


def test_a_list_of_delegations_gives_each_person_their_country() -> None:
    found = find_participants([
        "The heads of delegations were:",
        "Azerbaijan – Jeyhun Bayramov, Minister of Foreign Affairs;",
        "Kazakhstan – Murat Nurtleu, Deputy Prime Minister – Minister of Foreign Affairs;",
        "– the Republic of Belarus: Minister of Defence Lieutenant General Viktor Khrenin;",
    ])
    assert [(p.name, p.role, p.organisation) for p in found] == [
        ("Jeyhun Bayramov", "Minister of Foreign Affairs", "Azerbaijan"),
        ("Murat Nurtleu", "Deputy Prime Minister – Minister of Foreign Affairs", "Kazakhstan"),
        ("Viktor Khrenin", "Minister of Defence", "Republic of Belarus"),
    ]
    assert roles("Приняли участие: Виктор Хренин (Беларусь), Руслан Жаксылыков (Казахстан).") == [
        ("Виктор Хренин", "", "Беларусь"), ("Руслан Жаксылыков", "", "Казахстан")
    ]


def test_a_short_word_ending_a_sentence_is_not_an_initial() -> None:
    assert names("Официальный представитель: Да. Центр проведет встречу в феврале.") == []
    assert names("Встреча с Дж. Байденом прошла в Женеве.") == ["Дж. Байденом"]


def test_the_role_after_another_persons_name_and_a_comma_is_the_next_ones() -> None:
    found = roles(
        "The workshop was opened by the Head of UNRCCA Kaha Imnadze and the Head of the OSCE "
        "Centre in Ashgabat, Ambassador John MacGregor."
    )
    assert found == [
        ("Kaha Imnadze", "Head", "UNRCCA"),
        ("John MacGregor", "Head", "OSCE Centre in Ashgabat"),  # "Ambassador": a title
    ]
    assert roles(
        "Заседание провел начальник Генерального штаба Вооруженных Сил Российской Федерации "
        "генерал армии Валерий Герасимов."
    ) == [(
        "Валерий Герасимов", "начальник Генерального штаба Вооруженных Сил",
        "Российской Федерации",
    )]


def test_its_role_belongs_to_the_body_the_sentence_opens_with() -> None:
    assert roles(
        "The CIS Executive Committee was represented by its Chairman Sergey Lebedev."
    ) == [("Sergey Lebedev", "Chairman", "CIS Executive Committee")]
    assert roles("The meeting heard its Chairman Sergey Lebedev.") == [
        ("Sergey Lebedev", "Chairman", "")
    ]


def test_a_surname_ending_like_a_patronymic_after_a_role_is_a_person_not_an_address() -> None:
    text = (
        "Secretary of the Security Council of the Republic of Belarus Alexander Volkovich and "
        "Deputy Secretary of the Security Council of the Russian Federation Alexander Verevkin "
        "took part."
    )
    assert names(text) == ["Alexander Volkovich", "Alexander Verevkin"]


def test_a_minister_in_charge_of_a_portfolio() -> None:
    assert people(
        "Minister in charge of Transport and Infrastructure of the Eurasian Economic Commission "
        "Arzybek Toktomushev met with Deputy Secretary-General of the SCO Oleg Kushnir."
    ) == [
        Participant(
            "Arzybek Toktomushev", "Minister in charge of Transport and Infrastructure",
            "Eurasian Economic Commission",
        ),
        Participant("Oleg Kushnir", "Deputy Secretary-General", "SCO"),
    ]


def test_the_kind_of_piece_a_headline_opens_with_is_not_the_organisation() -> None:
    assert people("Interview of SCO Secretary-General Nurlan Yermekbayev to Xinhua") == [
        Participant("Nurlan Yermekbayev", "Secretary-General", "SCO")
    ]


def test_two_posts_joined_by_a_dash_after_the_body_of_the_first() -> None:
    assert people(
        "I welcome the Chairman of the Executive Committee – Executive Secretary of the "
        "Commonwealth of Independent States, Sergey Lebedev."
    ) == [
        Participant(
            "Sergey Lebedev", "Chairman of the Executive Committee – Executive Secretary",
            "Commonwealth of Independent States",
        )
    ]
    assert people(
        "Председатель Исполнительного комитета – Исполнительный секретарь СНГ Сергей Лебедев "
        "провел встречу."
    ) == [
        Participant(
            "Сергей Лебедев", "Председатель Исполнительного комитета – Исполнительный секретарь",
            "СНГ",
        )
    ]
    # a state between the two posts is the organisation, not part of the role
    assert people(
        "The meeting was chaired by the Chief of the General Staff of the Armed Forces of the "
        "Russian Federation – First Deputy Minister of Defence, General of the Army Valery "
        "Gerasimov."
    ) == [
        Participant(
            "Valery Gerasimov",
            "Chief of the General Staff of the Armed Forces – First Deputy Minister of Defence",
            "Russian Federation",
        )
    ]


def test_a_russian_role_joined_by_and_is_one_role() -> None:
    assert people(
        "Посол встретился с Чрезвычайным и Полномочным Послом Республики Армения Ваганом "
        "Арутюняном и Министром экономики и финансов Республики Армения Ваге Овакимяном."
    ) == [
        Participant(
            "Ваганом Арутюняном", "Чрезвычайным и Полномочным Послом", "Республики Армения"
        ),
        Participant("Ваге Овакимяном", "Министром экономики и финансов", "Республики Армения"),
    ]


def test_a_russian_role_in_lowercase_runs_to_its_organisation() -> None:
    assert people(
        "Делегацию возглавил начальник отдела по вопросам военного сотрудничества Секретариата "
        "ОДКБ полковник Сергей Ковалёв."
    ) == [
        Participant(
            "Сергей Ковалёв", "начальник отдела по вопросам военного сотрудничества",
            "Секретариата ОДКБ",
        )
    ]
    # with no organisation after it, the unit the role names is its organisation
    assert people(
        "принял делегацию во главе с начальником отдела по противодействию вызовам и угрозам "
        "Владимиром Новиковым."
    ) == [
        Participant(
            "Владимиром Новиковым", "начальником отдела по противодействию вызовам и угрозам",
            "отдела по противодействию вызовам и угрозам",
        )
    ]
    assert people(
        "вручил медали командиру миротворческого батальона полковнику Ивану Петренко и "
        "старшему офицеру Объединенного штаба ОДКБ подполковнику Марине Соколовой."
    ) == [
        Participant(
            "Ивану Петренко", "командиру миротворческого батальона", "миротворческого батальона"
        ),
        Participant("Марине Соколовой", "старшему офицеру", "Объединенного штаба ОДКБ"),
    ]
    assert people("участвовала директор Института стран СНГ Елена Фомина.") == [
        Participant("Елена Фомина", "директор", "Института стран СНГ")
    ]


def test_prose_after_a_russian_role_does_not_join_it() -> None:
    assert people("Генеральный секретарь ОДКБ в ходе встречи с Иваном Петровым обсудил планы.") == [
        Participant("Иваном Петровым", "", "")
    ]
    assert people(
        "Министр обороны провел консультации с заместителем министра иностранных дел "
        "Республики Узбекистан Бахромом Алоевым."
    ) == [
        Participant(
            "Бахромом Алоевым", "заместителем министра иностранных дел", "Республики Узбекистан"
        )
    ]


def test_a_plural_role_heading_a_list_is_each_persons_in_the_singular() -> None:
    assert people(
        "Heads of delegations: Deputy Foreign Ministers Andrei Rudakov (Russia), Yerzhan "
        "Kusainov (Kazakhstan) and Sherali Sobirov (Tajikistan)."
    ) == [
        Participant("Andrei Rudakov", "Deputy Foreign Minister", "Russia"),
        Participant("Yerzhan Kusainov", "Deputy Foreign Minister", "Kazakhstan"),
        Participant("Sherali Sobirov", "Deputy Foreign Minister", "Tajikistan"),
    ]
    assert people(
        "Главы делегаций – заместители министров иностранных дел: Андрей Рудаков (Россия), "
        "Ержан Кусаинов (Казахстан)."
    ) == [
        Participant("Андрей Рудаков", "заместитель министра иностранных дел", "Россия"),
        Participant("Ержан Кусаинов", "заместитель министра иностранных дел", "Казахстан"),
    ]
    assert people(
        "Participants: Presidents Kassym-Jomart Tokayev (Kazakhstan) and Sadyr Japarov "
        "(Kyrgyzstan)."
    ) == [
        Participant("Kassym-Jomart Tokayev", "President", "Kazakhstan"),
        Participant("Sadyr Japarov", "President", "Kyrgyzstan"),
    ]
    assert people(
        "Приняли участие министры обороны: Виктор Хренин (Беларусь) и Эмомали Собирзода "
        "(Таджикистан)."
    ) == [
        Participant("Виктор Хренин", "министр обороны", "Беларусь"),
        Participant("Эмомали Собирзода", "министр обороны", "Таджикистан"),
    ]


def test_a_diplomats_title_yields_to_the_post_beside_it() -> None:
    assert people(
        "“Risk analysis helps,” said Ambassador Markus Kessler, Head of the OSCE Programme "
        "Office in Dushanbe."
    ) == [Participant("Markus Kessler", "Head", "OSCE Programme Office in Dushanbe")]
    assert people(
        "Statement by the Permanent Representative of the Republic of Kazakhstan to the OSCE, "
        "Ambassador Askar Zhumagaliyev, at the Permanent Council"
    ) == [
        Participant(
            "Askar Zhumagaliyev", "Permanent Representative", "Republic of Kazakhstan"
        )
    ]


def test_an_organisations_post_before_a_comma_is_the_role_of_the_person_after_it() -> None:
    assert people(
        "The OSCE Chairperson-in-Office, Swiss Federal Councillor for Foreign Affairs Ignazio "
        "Cassis, met today with President of the Kyrgyz Republic Sadyr Japarov."
    ) == [
        Participant("Ignazio Cassis", "Chairperson-in-Office", "OSCE"),
        Participant("Sadyr Japarov", "President", "Kyrgyz Republic"),
    ]
    assert people(
        "TASHKENT, 6 February 2025 – The OSCE Chairperson-in-Office, Finnish Foreign Minister "
        "Aino Lehtinen, concluded her visit."
    ) == [Participant("Aino Lehtinen", "Chairperson-in-Office", "OSCE")]
    assert people(
        "Действующий председатель ОБСЕ, Министр иностранных дел Финляндии Айно Лехтонен "
        "посетила Астану."
    ) == [Participant("Айно Лехтонен", "Действующий председатель", "ОБСЕ")]


def test_the_role_line_under_a_signature_is_the_signers() -> None:
    assert find_participants(
        ["Dear comrades!", "I wish you good health.", "Imangali Tasmagambetov,",
         "CSTO Secretary General"]
    ) == [Participant("Imangali Tasmagambetov", "Secretary General", "CSTO")]


def test_signatures_whose_names_no_list_knows_are_known_by_the_role_line_under_them() -> None:
    assert find_participants([
        "The ministers agreed to hold regular consultations.",
        "Hovik Sargsyan", "Minister of Foreign Affairs of the Republic of Armenia",
        "Ales Dubrouski", "Minister of Foreign Affairs of the Republic of Belarus",
    ]) == [
        Participant("Hovik Sargsyan", "Minister of Foreign Affairs", "Republic of Armenia"),
        Participant("Ales Dubrouski", "Minister of Foreign Affairs", "Republic of Belarus"),
    ]
    assert find_participants(["Joint Communiqué", "Secretariat of the Organisation"]) == []


def test_a_country_written_with_full_stops_is_not_a_person_s_initials() -> None:
    assert find_participants([
        "Acting U.S. Representative to the United Nations",
        "U.S. President Donald Trump met U.N. Secretary-General António Guterres.",
    ]) == [
        Participant("Donald Trump", "President", "U.S."),
        Participant("António Guterres", "Secretary-General", "U.N."),
    ]


def test_another_spelling_of_a_name_in_brackets_is_the_same_person() -> None:
    assert [p.name for p in find_participants([
        "Russian Deputy Foreign Minister Yevgeniy Kolesnikov (Evgeny Kolesnikov) and First "
        "Deputy Foreign Minister of Tajikistan Farhod Nazarzoda signed the plan.",
    ])] == ["Yevgeniy Kolesnikov", "Farhod Nazarzoda"]


def test_a_woman_s_double_surname_in_another_case_is_the_same_person() -> None:
    people = [Participant("Гульнара Искакова-Мертенс", "", "")]
    assert is_named_in("Гульнару Искакову-Мертенс", people)
    assert is_named_in("Айгерим Смагуловой-Ким", [Participant("Айгерим Смагулова-Ким", "", "")])
    assert not is_named_in("Гульнару Искакову-Петрову", people)


def test_a_list_of_surnames_with_initials_after_them_gives_each_role_after_the_dash() -> None:
    assert [(p.name, p.role, p.organisation) for p in find_participants([
        "Mukanov T.K. – Deputy Secretary General of the CSTO;",
        "– Мукашев Б.Т. – заместитель Председателя Мажилиса Парламента Республики Казахстан;",
        "He flew to Washington D.C. – and met the press.",
    ])] == [
        ("T.K.Mukanov", "Deputy Secretary General", "CSTO"),
        ("Б.Т.Мукашев", "заместитель Председателя", "Мажилиса Парламента Республики Казахстан"),
    ]


def test_surname_particles_stay_in_the_name_and_a_verbs_to_does_not_hide_a_person() -> None:
    people = find_participants([
        "Let me thank the Chair of the Forum, Ambassador Pieter de Groot, for his leadership.",
        "The Minister received Ambassador Ludwig van der Berg.",
        "UN News spoke to Lidia Morozan, Special Representative of the Secretary-General.",
    ])
    assert [(p.name, p.role) for p in people] == [
        ("Pieter de Groot", "Chair"),
        ("Ludwig van der Berg", "Ambassador"),
        ("Lidia Morozan", "Special Representative of the Secretary-General"),
    ]


def test_a_roles_adjectives_stay_with_it_and_a_bodys_adjective_with_the_body() -> None:
    assert [(p.role, p.organisation) for p in find_participants([
        "Briefing by the Official Spokesperson of the Ministry of Foreign Affairs Daniyar Omarov",
        "Federal Councillor Beat Schmid has made it clear.",
        "Исполнительный директор СВМДА Кайрат Сарыбай представит доклад.",
        "Делегация встретилась с Председателем Постоянной комиссии по международным делам "
        "Палаты представителей Сергеем Ковальчуком.",
        "Генеральный секретарь принял Чрезвычайного и Полномочного Посла Республики Беларусь "
        "Александра Рогачука.",
        "Специальный представитель Генерального секретаря по Центральной Азии Каха Имнадзе "
        "провел встречу.",
    ])] == [
        ("Official Spokesperson", "Ministry of Foreign Affairs"),
        ("Federal Councillor", ""),
        ("Исполнительный директор", "СВМДА"),
        ("Председателем", "Постоянной комиссии по международным делам Палаты представителей"),
        ("Чрезвычайного и Полномочного Посла", "Республики Беларусь"),
        ("Специальный представитель Генерального секретаря", "Центральной Азии"),
    ]


def test_a_ministers_portfolio_may_list_its_fields_with_commas() -> None:
    assert [(p.name, p.role, p.organisation) for p in find_participants([
        "The Secretary-General met with the Minister of Labour, Social Security and Migration "
        "of the Kyrgyz Republic Gulnara Asanbekova.",
        "Генеральный секретарь принял министра высшего образования, науки и инноваций "
        "Республики Узбекистан Конгратбая Шарипова.",
        "Braathu met with Minister of Culture, Information, Sport and Youth Policy Mairamkul "
        "Tilenbaeva and with journalists.",
    ])] == [
        ("Gulnara Asanbekova", "Minister of Labour, Social Security and Migration",
         "Kyrgyz Republic"),
        ("Конгратбая Шарипова", "министра высшего образования, науки и инноваций",
         "Республики Узбекистан"),
        ("Mairamkul Tilenbaeva", "Minister of Culture, Information, Sport and Youth Policy", ""),
    ]


def test_an_envoys_organisation_is_the_state_that_sends_them() -> None:
    """Where an ambassador or representative is accredited is not their organisation; a
    state in the genitive is no one's name; a title after a post and its body ('... в Астане
    Посол') is not part of the body."""
    assert [(p.name, p.role, p.organisation) for p in find_participants([
        "Благодарим Постоянного представителя Дании при ООН Кристину Маркуссен за работу.",
        "Его сопровождал глава Офиса программ ОБСЕ в Астане Посол Фолькер Фриш.",
        "He met the Ambassador Extraordinary and Plenipotentiary of the Republic of Tajikistan "
        "to the Russian Federation Sherali Rahmonzoda.",
        "Он принял Посла Республики Беларусь в Российской Федерации Александра Рогачука.",
    ])] == [
        ("Кристину Маркуссен", "Постоянного представителя", "Дании"),
        ("Фолькер Фриш", "глава", "Офиса программ ОБСЕ в Астане"),
        ("Sherali Rahmonzoda", "Ambassador Extraordinary and Plenipotentiary",
         "Republic of Tajikistan"),
        ("Александра Рогачука", "Посла", "Республики Беларусь"),
    ]


def test_an_envoys_post_keeps_the_topic_it_is_on() -> None:
    assert [(p.role, p.organisation) for p in find_participants([
        "The OSCE Representative on Freedom of the Media, Jan Braathu, concluded a visit.",
        "The OSCE High Commissioner on National Minorities Kairat Abdrakhmanov visited Bishkek.",
        "The Minister on Tuesday met Foreign Minister Ivan Petrov.",
    ])] == [
        ("Representative on Freedom of the Media", "OSCE"),
        ("High Commissioner on National Minorities", "OSCE"),
        ("Foreign Minister", ""),
    ]


def test_a_second_post_with_a_body_of_its_own_is_not_part_of_the_first() -> None:
    assert [(p.role, p.organisation) for p in find_participants([
        "UN News spoke to Lidia Morozan, Special Representative of the Secretary-General and "
        "Head of the UN Regional Centre for Preventive Diplomacy for Central Asia.",
        "Deputy Prime Minister and Minister of Foreign Affairs Murat Nurtleu spoke.",
    ])] == [
        ("Special Representative of the Secretary-General",
         "UN Regional Centre for Preventive Diplomacy for Central Asia"),
        ("Deputy Prime Minister and Minister of Foreign Affairs", ""),
    ]


def test_an_address_two_of_the_dumps_people_could_be_stays_as_written() -> None:
    shoigu, lavrov = Participant("Сергей Шойгу"), Participant("Сергея Лаврова")
    speech = (Participant("Сергей Викторович"),)
    # Shoigu recurs and Lavrov is named once: the address is either of them, so it stays
    resolved = resolve_addresses([(shoigu,), (shoigu,), (lavrov,), speech])
    assert resolved[-1] == speech
    # the one Imangali the dump names, in several items: the address is his
    imangali = Participant("Имангали Тасмагамбетов")
    resolved = resolve_addresses(
        [(imangali,), (imangali, shoigu), (Participant("Имангали Нургалиевич"),)]
    )
    assert resolved[-1] == (Participant("Имангали Тасмагамбетов"),)
