"""Channel posts and feed entries as a press officer copies them (set 21)."""

from store.ingest.parser import parse_text
from store.text.dates import first_date


def test_a_posts_view_counter_dates_it_with_the_neighbours_year() -> None:
    text = (
        "MFA of the Kyrgyz Republic\n"
        "Kyrgyz Foreign Minister Jeenbek Kulubaev received the Secretary-General of the SCO"
        " Nurlan Yermekbayev, who arrived in Bishkek.\n"
        "\n"
        "Jeenbek Kulubaev expressed confidence that the Bishkek summit will succeed.\n"
        "\n"
        "👁 3 104   16 Feb 11:05\n"
        "Kulubaev, Yermekbayev discuss preparations for SCO summit in Bishkek\n"
        "16.02.2026 14:20\n"
        "BISHKEK (AKIpress) - Foreign Minister Jeenbek Kulubaev met with SCO Secretary-General"
        " Nurlan Yermekbayev.\n"
    )
    items = parse_text(text, "test")
    assert [i.date for i in items] == ["2026-02-16", "2026-02-16"]
    assert items[0].body[-1].startswith("Jeenbek Kulubaev expressed")


def test_a_russian_posts_stamp_with_views_and_edit_mark_dates_and_ends_it() -> None:
    text = (
        "Генсек ОДКБ встретился с главой РЦООНПДЦА\n"
        "19.02.2026\n"
        "Генеральный секретарь ОДКБ провел встречу с главой Центра.\n"
        "\n"
        "МИД России 🇷🇺\n"
        "Министр иностранных дел Российской Федерации С.В.Лавров провел переговоры с"
        " Министром иностранных дел Казахстана.\n"
        "\n"
        "Стороны обсудили текущее состояние двустороннего сотрудничества.\n"
        "\n"
        "👁 21,4K изменено 18 февраля в 19:02\n"
    )
    items = parse_text(text, "test")
    assert [i.date for i in items] == ["2026-02-19", "2026-02-18"]
    assert items[1].body[-1].startswith("Стороны обсудили")


def test_the_figures_before_a_colon_are_the_hour_not_an_american_day() -> None:
    found = first_date("18 Feb 16:42")
    assert found is not None and (found.day, found.month) == (18, 2)


def test_the_first_posts_of_a_dump_out_of_order_take_the_year_of_the_post_below() -> None:
    text = (
        "🔹 Генеральный секретарь ОДКБ провел встречу с Помощником Генерального секретаря ООН\n"
        "\n"
        "20 февраля Генеральный секретарь ОДКБ провел встречу с Помощником Генерального"
        " секретаря ООН Халедом Хиари.\n"
        "\n"
        "👁 3,1K   20 февраля в 15:40\n"
        "\n"
        "В Ереване состоялись консультации между МИД Армении и Секретариатом ОБСЕ\n"
        "19 февраля 2026, 12:15\n"
        "ЕРЕВАН, 19 ФЕВРАЛЯ, АРМЕНПРЕСС. Заместитель министра провел консультации.\n"
        "\n"
        "Шойгу обсудил с Вольфовичем ситуацию у западных границ\n"
        "13:42 10.03.2026\n"
        "МОСКВА, 10 мар — РИА Новости. Секретарь Совета безопасности провел встречу.\n"
        "\n"
        "Кошербаев и Ермекбаев обсудили подготовку к саммиту\n"
        "15.01.2026\n"
        "Министр провел встречу с Генеральным секретарем ШОС.\n"
    )
    items = parse_text(text, "test")
    assert items[0].date == "2026-02-20"


def test_a_posts_link_to_the_full_text_elsewhere_is_not_an_item() -> None:
    text = (
        "MFA Russia 🇷🇺\n"
        "On 17 February, Minister of Foreign Affairs Sergey Lavrov held talks in Moscow with"
        " Minister of Foreign Affairs of Kazakhstan Yermek Kosherbayev.\n"
        "\n"
        "Particular attention was paid to the situation in Afghanistan.\n"
        "\n"
        "🔗 Opening remarks by Sergey Lavrov — on the Ministry's website\n"
        "\n"
        "#RussiaKazakhstan\n"
        "👁 18.7K  edited  17 Feb 19:20\n"
    )
    items = parse_text(text, "test")
    assert len(items) == 1
    assert items[0].body[-1] == "Particular attention was paid to the situation in Afghanistan."


def test_a_posts_long_sentence_ending_in_flags_is_text_so_the_channel_name_above_heads_it() -> None:
    text = (
        "В Ереване состоялись консультации между МИД Армении и Секретариатом ОБСЕ\n"
        "19 февраля 2026, 12:15\n"
        "ЕРЕВАН, 19 ФЕВРАЛЯ, АРМЕНПРЕСС. Заместитель министра иностранных дел Армении провел"
        " консультации.\n"
        "Стороны обсудили сотрудничество Армении с ОБСЕ.\n"
        "Фото: пресс-служба МИД Армении\n"
        "МИД России 🇷🇺\n"
        "18 февраля Министр иностранных дел Российской Федерации С.В.Лавров провел переговоры"
        " с Министром иностранных дел Республики Таджикистан С.Мухриддином, находящимся в Москве"
        " с официальным визитом 🇷🇺🇹🇯\n"
        "Министры обсудили актуальные вопросы двусторонней повестки дня.\n"
    )
    items = parse_text(text, "test")
    assert [i.date for i in items] == ["2026-02-19", "2026-02-18"]
    assert items[0].body[-1] == "Стороны обсудили сотрудничество Армении с ОБСЕ."


def test_post_and_name_under_the_closing_words_sign_the_speech_over_its_place_and_date() -> None:
    text = (
        "Выступление заместителя Генерального секретаря ОДКБ В.Семенова на совещании по итогам"
        " операции «Канал»\n"
        "\n"
        "Уважаемые участники совещания!\n"
        "\n"
        "Позвольте приветствовать вас в Душанбе.\n"
        "\n"
        "Спасибо за внимание.\n"
        "\n"
        "Заместитель Генерального секретаря ОДКБ В.Семенов\n"
        "Душанбе, 10 февраля 2026 года\n"
        "\n"
        "10 февраля 2026 года в Душанбе также состоялась встреча заместителя Генерального"
        " секретаря ОДКБ В.Семенова с Министром внутренних дел Таджикистана.\n"
    )
    items = parse_text(text, "test")
    assert [(i.kind, i.date) for i in items] == [("speech", "2026-02-10"), ("news", "2026-02-10")]
    assert items[0].body[-2:] == (
        "Заместитель Генерального секретаря ОДКБ В.Семенов", "Душанбе, 10 февраля 2026 года"
    )
