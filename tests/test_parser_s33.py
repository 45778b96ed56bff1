"""Archive years of an organisation's pages copied with their mastheads, comment boxes and
document numbers (sets 41 and 47 and the sets written after them)."""

from store.ingest.parser import parse_text


def test_the_un_masthead_over_a_release_is_no_item_and_the_release_is_dated() -> None:
    text = (
        "The SCO summit in Tashkent closed with the signing of twelve documents.\n\n"
        "UNITED NATIONS\n"
        "Meetings Coverage and Press Releases\n\n"
        "SG/SM/17876\n"
        "24 JUNE 2016\n\n"
        "Secretary-General, in Message to Shanghai Cooperation Organization Summit, Calls for"
        " Greater Cooperation\n\n"
        "Following is UN Secretary-General Ban Ki-moon's message to the summit.\n\n"
        "Please accept my best wishes for a successful summit.\n"
    )
    items = parse_text(text, "x")
    assert [i.title for i in items][1:] == [
        "Secretary-General, in Message to Shanghai Cooperation Organization Summit, Calls for"
        " Greater Cooperation"
    ]
    assert items[1].date == "2016-06-24"
    assert not any("UNITED NATIONS" in p for i in items for p in i.body)


def test_a_comment_box_under_an_item_is_no_title_for_the_next() -> None:
    text = (
        "Armenian FM chairs CSTO Council of Foreign Ministers session in Yerevan\n"
        "13 October 2016\n\n"
        "The Council of Foreign Ministers met in Yerevan.\n\n"
        "Add comment\n\n"
        "On 28 October, the Security Council heard briefings from the heads of three"
        " regional organizations.\n\n"
        "Добавить комментарий\n\n"
        "29 октября в Москве состоялось заседание Постоянного совета ОДКБ.\n"
    )
    items = parse_text(text, "x")
    assert [i.date for i in items] == ["2016-10-13", "2016-10-28", "2016-10-29"]
    assert items[1].title.startswith("On 28 October, the Security Council")
    assert items[2].title.startswith("29 октября в Москве")


def test_an_armenpress_dateline_in_capitals_dates_the_story_and_is_no_text() -> None:
    text = (
        "CSTO exercise ends in Kazakhstan\n"
        "20 May 2017\n\n"
        "The exercise ended.\n\n"
        "Khachaturov answers Armenpress\n"
        "YEREVAN, JUNE 2, ARMENPRESS. CSTO Secretary General Yuri Khachaturov answered"
        " questions from Armenpress.\n\n"
        "ЕРЕВАН, 12 ИЮНЯ, АРМЕНПРЕСС. Министр иностранных дел Армении Эдвард Налбандян"
        " принял Генерального секретаря ОДКБ.\n"
    )
    items = parse_text(text, "x")
    assert [i.date for i in items] == ["2017-05-20", "2017-06-02", "2017-06-12"]
    assert items[1].body[0].startswith("CSTO Secretary General Yuri Khachaturov")
    assert items[2].body[0].startswith("Министр иностранных дел Армении")


def test_the_mfa_document_number_under_a_title_dates_the_item() -> None:
    text = (
        "О встрече заместителя Министра иностранных дел России Г.М.Гатилова с Генеральным"
        " секретарем ОДКБ Н.Н.Бордюжей\n"
        "1285-12-07-2016\n\n"
        "12 июля заместитель Министра иностранных дел Российской Федерации Г.М.Гатилов провел"
        " встречу с Генеральным секретарем ОДКБ Н.Н.Бордюжей.\n\n"
        "Обсуждены вопросы подготовки заседания Совета Безопасности ООН, намеченного на"
        " октябрь.\n"
    )
    [item] = parse_text(text, "x")
    assert item.date == "2016-07-12"
    assert item.body[0].startswith("12 июля")


def test_an_impossible_mfa_document_number_dates_nothing() -> None:
    text = (
        "О консультациях по Афганистану\n"
        "1285-45-17-2016\n\n"
        "Состоялись консультации по ситуации в Афганистане.\n"
    )
    [item] = parse_text(text, "x")
    assert item.date is None


def test_an_event_ahead_later_in_the_year_tells_a_yearless_days_year() -> None:
    text = (
        "Makei, Bordyuzha discuss CSTO agenda\n\n"
        "MINSK, 3 March (BelTA) - Belarusian Foreign Minister Vladimir Makei met with CSTO"
        " Secretary General Nikolai Bordyuzha in Minsk on 3 March.\n\n"
        "The parties discussed the preparations for the session of the CSTO Collective Security"
        " Council due in Yerevan in October 2016 and the priorities of Belarus' chairmanship of"
        " the organization in 2017.\n\n"
        "В Секретариате ОДКБ обсудили подготовку к сессии\n\n"
        "14 апреля в Секретариате ОДКБ состоялось совещание по подготовке сессии Совета"
        " коллективной безопасности, которая пройдет в Ереване в октябре 2016 года, и"
        " приоритетов председательства Беларуси в 2017 году.\n\n"
        "Makei recalls the CSTO session\n\n"
        "On 3 November, Vladimir Makei spoke of the session held in Yerevan in October 2016 and"
        " of Belarus' chairmanship in 2017.\n"
    )
    assert [i.date for i in parse_text(text, "x")] == ["2016-03-03", "2016-04-14", None]


def test_a_year_the_item_states_goes_before_the_year_its_neighbours_out_of_order_share() -> None:
    text = (
        "В Киргизии осенью пройдут антитеррористические учения ОДКБ\n"
        "26 мая 2016\n\n"
        "Учения пройдут в Киргизии.\n\n"
        "Завершился визит Николая Бордюжи в Таджикистан\n\n"
        "9 сентября завершился рабочий визит Генерального секретаря ОДКБ Николая Бордюжи в"
        " Республику Таджикистан.\n\n"
        "Обсуждались вопросы подготовки сессии, которая завершит председательство Таджикистана"
        " в ОДКБ в 2015 году.\n\n"
        "Выступление заместителя Генерального секретаря ОДКБ на Конференции ОБСЕ\n"
        "31 мая 2016\n\n"
        "Уважаемые коллеги!\n"
    )
    assert [i.date for i in parse_text(text, "x")] == ["2016-05-26", "2015-09-09", "2016-05-31"]
