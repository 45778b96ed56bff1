"""Exact phrases over the whole archive, their first uses, and who says them."""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from store import Archive, Item
from store.index.search import highlight


def item(
    title: str,
    date: str | None = "2024-05-01",
    *,
    body: tuple[str, ...] = ("The sides discussed cooperation.",),
    people: tuple[str, ...] = (),
    kind: str = "speech",
) -> Item:
    return Item.from_dict(
        {
            "title": title,
            "date": date,
            "kind": kind,
            "body": list(body),
            "participants": [{"name": n, "role": "", "organisation": ""} for n in people],
            "source": "test",
        }
    )


ITEMS = [
    item("Address in Minsk", "2015-03-01", people=("Nikolai Bordyuzha",),
         body=("We stand for indivisible security in Eurasia.",)),
    item("Выступление в Москве", "2019-06-01", people=("Станислав Зась",),
         body=("Мы за неделимую безопасность и новую архитектуру.",
               "Indivisible Security, as we say in English.")),
    item("Remarks at the summit", "2024-10-01", people=("Imangali Tasmagambetov", "Stanislav Zas"),
         body=("The principle of indivisible — security must hold.",)),
    item("Interview", "2023-02-02", people=("Stanislav Zas",),
         body=("Security is indivisible.", "We spoke of colour revolutions.")),
    item("Statement without a date", None, people=("Nikolai Bordyuzha",),
         body=("Again: indivisible security.",)),
    item("Paragraph end", "2022-01-01",
         body=("The talks were about what is indivisible", "Security came later.")),
    item("Color revolutions in the region", "2021-05-05",
         body=("Experts discussed color-revolutions and hybrid threats.",)),
    item("Встреча", "2020-02-02", body=("Фёдор Войтоловский выступил с докладом.",)),
    item("Report", "2020-03-03", body=("Fyodor Voitolovsky presented the report.",)),
    item("Report again", "2020-04-04", body=("Voitolovsky, Fyodor: the report.",)),
]


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Archive:
    path: Path = tmp_path_factory.mktemp("phrases") / "a.sqlite3"
    archive = Archive.open(path)
    archive.import_items(ITEMS)
    return archive


def titles(archive: Archive, query: str) -> set[str]:
    return {archive.get_by_rowid(int(r)).title for r in archive.match(query).rowids}


def test_a_phrase_finds_its_words_in_that_order_only(archive: Archive) -> None:
    found = titles(archive, '"indivisible security"')
    assert "Address in Minsk" in found
    assert "Interview" not in found  # "Security is indivisible": both words, other order


def test_punctuation_between_the_words_does_not_break_a_phrase(archive: Archive) -> None:
    assert "Remarks at the summit" in titles(archive, '"indivisible security"')
    assert "Color revolutions in the region" in titles(archive, '"color revolutions"')
    assert titles(archive, '"principle of indivisible security"') == {"Remarks at the summit"}
    assert titles(archive, '"as we say in"') == {"Выступление в Москве"}


def test_a_phrase_never_runs_across_a_paragraph_end(archive: Archive) -> None:
    assert "Paragraph end" not in titles(archive, '"indivisible security"')


def test_a_phrase_meets_other_spellings_and_scripts(archive: Archive) -> None:
    assert titles(archive, '"Fedor Voytolovskiy"') == {"Встреча", "Report"}
    assert titles(archive, '"Фёдор Войтоловский"') == {"Встреча", "Report"}
    assert titles(archive, '"неделимую безопасность"') == {"Выступление в Москве"}
    assert titles(archive, '"Stanislav Zas"') == {"Выступление в Москве", "Remarks at the summit",
                                                  "Interview"}


def test_phrases_and_words_combine(archive: Archive) -> None:
    assert titles(archive, '"indivisible security" minsk') == {"Address in Minsk"}
    assert titles(archive, '"indivisible security" -minsk kind:speech') == {
        "Выступление в Москве", "Remarks at the summit", "Statement without a date"}
    assert titles(archive, '"indivisible security" "colour revolutions"') == set()


def test_the_phrase_is_highlighted_where_it_stands_not_its_words_elsewhere(
    archive: Archive,
) -> None:
    terms = archive.match('"indivisible security"').terms
    text = "Security first. The principle of indivisible, security holds."
    assert [text[a:b] for a, b in highlight(text, terms)] == ["indivisible, security"]


def test_a_phrase_only_in_old_items_is_found_among_twenty_thousand(tmp_path: Path) -> None:
    """Every item holds both words; only the 3 oldest hold them side by side. Checking the
    newest 5,000 candidates on their text would have found none of them."""
    items = [
        Item.from_dict({
            "id": f"n{n}", "title": f"Meeting {n}", "kind": "news",
            "date": f"{2000 + n // 1000:04d}-{n % 12 + 1:02d}-{n % 28 + 1:02d}",
            "body": ["A new security architecture was discussed." if n < 3 else
                     "Security was discussed in a new format, and its architecture."],
        })
        for n in range(20_000)
    ]
    with Archive.open(tmp_path / "a.sqlite3") as archive:
        archive.import_items(items)
        assert len(archive.match("new security architecture")) == 20_000
        found = titles(archive, '"new security architecture"')
        assert found == {"Meeting 0", "Meeting 1", "Meeting 2"}


def test_first_uses_are_the_oldest_matches_with_undated_ones_last(archive: Archive) -> None:
    rowids = archive.oldest_first(archive.match('"indivisible security"').rowids)
    assert [archive.get_by_rowid(int(r)).title for r in rowids] == [
        "Address in Minsk", "Выступление в Москве", "Remarks at the summit",
        "Statement without a date",
    ]


def test_who_says_it_counts_the_people_named_in_the_matches(archive: Archive) -> None:
    named = archive.people_named(archive.match('"indivisible security"').rowids)
    counts = [(p.name, p.count) for p in named]
    assert counts[0] == ("Nikolai Bordyuzha", 2)
    assert dict(counts)["Imangali Tasmagambetov"] == 1
    assert sum(c for name, c in counts if "Zas" in name or "Зась" in name) == 2


def test_an_archive_made_before_positions_gets_them_at_its_next_import(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite3"
    with Archive.open(path) as archive:
        archive.import_items(ITEMS[:3])
        archive._conn.execute("DROP TABLE phrases")  # as an older pressroom made it
        archive._conn.execute("DELETE FROM columns WHERE name = 'phrases_through'")
    with Archive.open(path, readonly=True) as session:  # read on the text meanwhile
        assert titles(session, '"indivisible security"') == {
            "Address in Minsk", "Выступление в Москве", "Remarks at the summit"}
    with Archive.open(path) as archive:
        archive.import_items(ITEMS[3:])
        assert archive._conn.execute("SELECT count(*) FROM phrases").fetchone()[0] > 0
        assert titles(archive, '"indivisible security"') == {
            "Address in Minsk", "Выступление в Москве", "Remarks at the summit",
            "Statement without a date"}


def test_a_replaced_item_is_found_by_its_new_text_only(tmp_path: Path) -> None:
    old = Item.from_dict({"id": "x", "title": "T", "date": "2024-01-01",
                          "body": ["Indivisible security matters."]})
    new = Item.from_dict({"id": "x", "title": "T", "date": "2024-01-01",
                          "body": ["Colour revolutions matter."]})
    with Archive.open(tmp_path / "a.sqlite3") as archive:
        archive.import_items([old])
        archive.import_items([new])
        assert titles(archive, '"indivisible security"') == set()
        assert titles(archive, '"colour revolutions"') == {"T"}


def test_json_import_files_positions_like_any_import(tmp_path: Path) -> None:
    source = tmp_path / "items.jsonl"
    source.write_text("\n".join(json.dumps(i.to_dict()) for i in ITEMS) + "\n")
    with Archive.open(tmp_path / "a.sqlite3") as archive:
        archive.import_paths([source])
        assert "Address in Minsk" in titles(archive, '"indivisible security"')


@pytest.fixture
def cli(
    archive: Archive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> Callable[..., tuple[int, str, str]]:
    """Run `pressroom search ARGS` on the phrases archive, in this process."""
    from tui.cli.main import main

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data-home"))

    def run(*args: str) -> tuple[int, str, str]:
        code = main(["search", *args, "--archive", str(archive.path)])
        out, err = capsys.readouterr()
        return code, out, err

    return run


def test_search_first_prints_the_earliest_uses_with_date_speaker_and_title(
    cli: Callable[..., tuple[int, str, str]],
) -> None:
    code, out, _ = cli('"indivisible security"', "--first")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split()[:3] == ["2015-03-01", "Nikolai", "Bordyuzha"]
    assert lines[0].endswith("Address in Minsk")
    assert [line.split()[0] for line in lines] == [
        "2015-03-01", "2019-06-01", "2024-10-01", "undated"]
    assert "Statement without a date" in lines[-1]
    code, out, _ = cli('"indivisible security"', "--first", "--limit", "1", "--json")
    assert [json.loads(line)["title"] for line in out.splitlines()] == ["Address in Minsk"]


def test_search_by_person_ranks_the_people_named_in_the_matches(
    cli: Callable[..., tuple[int, str, str]],
) -> None:
    code, out, _ = cli('"indivisible security"', "--by-person")
    assert code == 0
    first = out.splitlines()[0].split()
    assert first == ["2", "Nikolai", "Bordyuzha"]
    code, out, _ = cli('"indivisible security"', "--by-person", "--json")
    rows = [json.loads(line) for line in out.splitlines()]
    assert rows[0] == {"name": "Nikolai Bordyuzha", "key": rows[0]["key"], "items": 2}
    assert {"Imangali Tasmagambetov"} <= {row["name"] for row in rows}


def test_search_first_and_by_person_say_so_when_nothing_matches(
    cli: Callable[..., tuple[int, str, str]],
) -> None:
    code, out, err = cli('"security indivisible minsk"', "--first")
    assert (code, out, err.strip()) == (0, "", "no matches")
    with pytest.raises(SystemExit) as refused:
        cli("security", "--first", "--by-person")
    assert refused.value.code == 2


async def test_in_the_app_f_and_l_go_to_the_first_and_latest_use_and_w_to_who_says_it(
    tmp_path: Path,
) -> None:
    from tui.app import PressroomApp
    from tui.screens.speakers import SpeakersScreen
    from tui.session import Session, Settings
    from tui.widgets.event_list import EventList

    path = tmp_path / "a.sqlite3"
    with Archive.open(path) as writer:
        writer.import_items(ITEMS)
    archive = Archive.open(path, readonly=True)
    settings = Settings(low_bandwidth=True, mouse=False, served=False)
    app = PressroomApp(Session(archive, None, "", settings))

    def status() -> str:
        return str(app.screen.query_one("#status").render())

    def current() -> str:
        row = app.screen.query_one(EventList).current_row()
        assert row is not None
        return row.title

    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press(*'"indivisible security"', "escape")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert status().startswith("4 matches")
        assert "first use 2015-03-01 Nikolai Bordyuzha" in status()
        assert "newest" not in status()
        await pilot.press("f")
        assert current() == "Address in Minsk"
        await pilot.press("l")
        assert current() == "Remarks at the summit"
        await pilot.press("s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, SpeakersScreen)
        assert app.screen.people[0].name == "Nikolai Bordyuzha"
        assert app.screen.people[0].count == 2
        await pilot.press("enter")  # Events narrowed to that person
        await app.workers.wait_for_complete()
        await pilot.pause()
        box = app.screen.query_one("#search")
        assert box.value == '"indivisible security" person:"Nikolai Bordyuzha"'  # type: ignore[attr-defined]
        assert status().startswith("2 matches")
    archive.close()


_VOCABULARY = (
    "the of in and to on for security council csto secretariat summit minsk moscow "
    "collective treaty members took part held meeting experts said would like".split()
)


def _random_items(rng: random.Random, count: int, start: int) -> list[Item]:
    """Short texts over a small vocabulary rich in function words, so most phrases of
    two to four words stand somewhere, and many stand only in parts or out of order."""
    def text(words: int) -> str:
        return " ".join(rng.choice(_VOCABULARY) for _ in range(words))

    return [
        Item.from_dict({
            "id": f"r{start + n}", "title": text(rng.randint(1, 5)), "kind": "news",
            "date": f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            "body": [text(rng.randint(0, 14)) for _ in range(rng.randint(1, 3))],
            "participants": [{"name": text(2).title(), "role": "", "organisation": ""}
                             for _ in range(rng.randint(0, 1))],
        })
        for n in range(count)
    ]


def _brute_force(items: dict[str, Item], phrase: list[str]) -> set[str]:
    """Ids of the items whose title, a name or a paragraph holds `phrase`, each word
    folded on its own (no token cache, no index)."""
    from store.text.fold import fold_word

    def words(segment: str) -> list[str]:
        return [f for f in map(fold_word, re.findall(r"\w+", segment)) if f]

    size = len(phrase)
    return {
        item_id for item_id, it in items.items()
        if any(
            any(w[i : i + size] == phrase for i in range(len(w) - size + 1))
            for w in map(words, [it.title, *(p.name for p in it.participants), *it.body])
        )
    }


@pytest.mark.parametrize("seed", [1, 2])
def test_every_phrase_finds_exactly_the_items_a_scan_of_their_text_finds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seed: int
) -> None:
    """Slices, spills and imports of a few items each (as a big import's, made small),
    replaced items, positions caught up for an archive without them, phrases of two to
    four words beginning, ending or made of function words: the index answers exactly
    as reading every text would."""
    import store.index.phrases
    import store.index.postings
    from store.text.fold import fold_word

    monkeypatch.setattr(store.index.postings, "SLICE", 7)
    monkeypatch.setattr(store.index.postings, "SPILL_ITEMS", 19)
    monkeypatch.setattr(store.index.phrases, "SLICE", 7)
    rng = random.Random(seed)
    stored: dict[str, Item] = {}
    with Archive.open(tmp_path / "a.sqlite3") as archive:
        for batch in range(3):
            items = _random_items(rng, 40, batch * 30)  # overlapping ids: some replaced
            archive.import_items(items)
            stored.update((i.id, archive.get(i.id)) for i in items)
            if batch == 0 and seed == 2:  # as an older pressroom left it: caught up next
                archive._conn.execute("DROP TABLE phrases")
                archive._conn.execute("DELETE FROM columns WHERE name = 'phrases_through'")
        texts = [w for it in stored.values() for w in re.findall(r"\w+", " ".join(it.body))]
        for _ in range(150):
            size = rng.randint(2, 4)
            if rng.random() < 0.7 and len(texts) > size:
                at = rng.randrange(len(texts) - size)
                phrase = texts[at : at + size]
            else:
                phrase = [rng.choice(_VOCABULARY) for _ in range(size)]
            found = {archive.get_by_rowid(int(r)).id
                     for r in archive.match('"' + " ".join(phrase) + '"').rowids}
            assert found == _brute_force(stored, [fold_word(w) for w in phrase]), phrase


def test_phrases_past_the_65536th_word_of_a_long_speech_are_found(tmp_path: Path) -> None:
    """Positions past what a 32-bit key holds are kept apart ("wide"); a phrase standing
    there, or across the last narrow and the first wide word, is found like any other."""
    from store.text.fold import fold_word

    rng = random.Random(5)
    words = [rng.choice(_VOCABULARY) for _ in range(70_000)]
    words[65_534:65_537] = ["indivisible", "eurasian", "security"]  # across the boundary
    words[69_000:69_002] = ["colour", "revolutions"]
    long_speech = Item.from_dict({
        "id": "long", "title": "A very long speech", "date": "2020-01-01", "kind": "speech",
        "body": [" ".join(words[i : i + 100]) for i in range(0, len(words), 100)],
    })
    items = {"long": long_speech}
    items.update((i.id, i) for i in _random_items(rng, 30, 0))
    short = item("Short", body=("Indivisible eurasian security, colour revolutions.",))
    items[short.id] = short
    with Archive.open(tmp_path / "a.sqlite3") as archive:
        archive.import_items(list(items.values()))
        stored = {i: archive.get(i) for i in items}
        phrases = [["indivisible", "eurasian", "security"], ["colour", "revolutions"],
                   ["eurasian", "security"]]
        phrases += [[rng.choice(_VOCABULARY) for _ in range(rng.randint(2, 3))]
                    for _ in range(30)]
        for phrase in phrases:
            found = {archive.get_by_rowid(int(r)).id
                     for r in archive.match('"' + " ".join(phrase) + '"').rowids}
            assert found == _brute_force(stored, [fold_word(w) for w in phrase]), phrase
        assert "long" in {archive.get_by_rowid(int(r)).id
                          for r in archive.match('"indivisible eurasian security"').rowids}
        assert archive._conn.execute("SELECT count(*) FROM phrases WHERE wide != x''").fetchone()[0]


def test_a_lexicon_with_other_function_words_keeps_to_the_archives_filing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Positions filed with one set of function words (pairs only) are looked up with
    that set after the lexicon changed, by a session and by the next import's items."""
    import store.index.phrases
    from store.text.fold import fold_word

    rng = random.Random(7)
    path = tmp_path / "a.sqlite3"
    stored: dict[str, Item] = {}
    with Archive.open(path) as archive:
        items = _random_items(rng, 30, 0)
        archive.import_items(items)
        stored.update((i.id, archive.get(i.id)) for i in items)
    other = (store.index.phrases.FUNCTION_TERMS - {"the", "of"}) | {"security", "summit"}
    monkeypatch.setattr(store.index.phrases, "FUNCTION_TERMS", other)
    for _ in range(2):
        with Archive.open(path) as archive:
            for _ in range(60):
                phrase = [rng.choice(_VOCABULARY) for _ in range(rng.randint(2, 3))]
                found = {archive.get_by_rowid(int(r)).id
                         for r in archive.match('"' + " ".join(phrase) + '"').rowids}
                assert found == _brute_force(stored, [fold_word(w) for w in phrase]), phrase
            items = _random_items(rng, 30, 100 + len(stored))
            archive.import_items(items)
            stored.update((i.id, archive.get(i.id)) for i in items)


def test_an_archive_with_the_earlier_without_rowid_table_keeps_it(tmp_path: Path) -> None:
    from store.text.fold import fold_word

    rng = random.Random(9)
    path = tmp_path / "a.sqlite3"
    stored: dict[str, Item] = {}
    with Archive.open(path) as archive:
        items = _random_items(rng, 20, 0)
        archive.import_items(items)
        stored.update((i.id, archive.get(i.id)) for i in items)
        conn = archive._conn
        conn.execute("CREATE TABLE old (term INTEGER NOT NULL, chunk INTEGER NOT NULL,"
                     " base INTEGER NOT NULL, keys BLOB NOT NULL, wide BLOB NOT NULL,"
                     " PRIMARY KEY (term, chunk)) WITHOUT ROWID")
        conn.execute("INSERT INTO old SELECT term, chunk, base, keys, wide FROM phrases")
        conn.execute("DROP TABLE phrases")
        conn.execute("ALTER TABLE old RENAME TO phrases")
    with Archive.open(path) as archive:
        items = _random_items(rng, 20, 100)
        archive.import_items(items)
        stored.update((i.id, archive.get(i.id)) for i in items)
        assert "WITHOUT ROWID" in archive._conn.execute(
            "SELECT sql FROM sqlite_master WHERE name = 'phrases'").fetchone()[0]
        for _ in range(40):
            phrase = [rng.choice(_VOCABULARY) for _ in range(rng.randint(2, 3))]
            found = {archive.get_by_rowid(int(r)).id
                     for r in archive.match('"' + " ".join(phrase) + '"').rowids}
            assert found == _brute_force(stored, [fold_word(w) for w in phrase]), phrase


def _matches(archive: Archive, phrase: list[str]) -> set[str]:
    return {archive.get_by_rowid(int(r)).id
            for r in archive.match('"' + " ".join(phrase) + '"').rowids}


def _import_in_slices(
    path: Path, rng: random.Random, batches: int = 3, per_batch: int = 40
) -> dict[str, Item]:
    """Imports of a few items each, filed in slices of 7 (many chunks), some replaced."""
    stored: dict[str, Item] = {}
    with Archive.open(path) as archive:
        for batch in range(batches):
            items = _random_items(rng, per_batch, batch * 30)
            archive.import_items(items)
            stored.update((i.id, archive.get(i.id)) for i in items)
    return stored


def _small_slices(monkeypatch: pytest.MonkeyPatch, context_keys: int, codes: int) -> None:
    """Slices of 7 items; context for rows of `context_keys` keys, `codes` words coded."""
    import store.index.phrases
    import store.index.postings

    monkeypatch.setattr(store.index.postings, "SLICE", 7)
    monkeypatch.setattr(store.index.postings, "SPILL_ITEMS", 19)
    monkeypatch.setattr(store.index.phrases, "SLICE", 7)
    monkeypatch.setattr(store.index.phrases, "CONTEXT_KEYS", context_keys)
    monkeypatch.setattr(store.index.phrases, "CODES", codes)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    seed=st.integers(0, 2**16),
    context_keys=st.integers(1, 6),
    codes=st.integers(1, 40),
    batch=st.integers(1, 60),
    phrases=st.lists(st.lists(st.sampled_from(_VOCABULARY), min_size=2, max_size=5),
                     min_size=20, max_size=40),
)
def test_phrases_read_from_the_context_of_long_rows_find_what_a_scan_finds(
    tmp_path_factory: pytest.TempPathFactory, seed: int, context_keys: int, codes: int,
    batch: int, phrases: list[list[str]],
) -> None:
    """Whichever rows have context (the items holding them, the words beside each
    occurrence) and whichever words a chunk codes, a phrase answered from a row filtered
    by the words beside it (`batch` keys of its chunks at a time), from the bits of its
    items, or by merging what context does not cover finds exactly the items a scan of
    their text finds."""
    import store.index.phrases
    from store.text.fold import fold_word

    with pytest.MonkeyPatch.context() as patch:
        _small_slices(patch, context_keys, codes)
        patch.setattr(store.index.phrases, "BATCH_KEYS", batch)
        rng = random.Random(seed)
        path = tmp_path_factory.mktemp("context") / "a.sqlite3"
        stored = _import_in_slices(path, rng)
        with Archive.open(path, readonly=True) as session:
            texts = [w for it in stored.values() for w in re.findall(r"\w+", " ".join(it.body))]
            runs = [texts[at : at + len(p)] for p in phrases
                    for at in [rng.randrange(len(texts) - len(p))]]
            for phrase in phrases + runs:
                assert _matches(session, phrase) == _brute_force(
                    stored, [fold_word(w) for w in phrase]), phrase


def test_a_phrase_beside_a_rare_word_reads_only_the_chunks_where_it_stands(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """"security council zeppelin": the lists of "security" and "council" have a row in
    every chunk, "zeppelin" in three of them; only those three rows of the long lists are
    read, and each item holding the phrase is found."""
    from store.text.fold import fold_word

    _small_slices(monkeypatch, 4, 255)
    rng = random.Random(3)
    items = _random_items(rng, 200, 0)
    for n in (5, 90, 170):
        items[n] = item(f"Zeppelin {n}", body=(f"the security council zeppelin {n}",))
        object.__setattr__(items[n], "id", f"r{n}")
    items[91] = item("Not quite", body=("a zeppelin over the security council",))
    object.__setattr__(items[91], "id", "r91")
    path = tmp_path / "a.sqlite3"
    with Archive.open(path) as archive:
        archive.import_items(items)
        stored = {i.id: archive.get(i.id) for i in items}
    with Archive.open(path, readonly=True) as session:
        statements: list[str] = []
        session._conn.set_trace_callback(statements.append)
        phrase = ["security", "council", "zeppelin"]
        assert _matches(session, phrase) == {"r5", "r90", "r170"}
        assert _matches(session, phrase) == _brute_force(stored, [fold_word(w) for w in phrase])
        (rare,) = session._conn.execute(
            "SELECT id FROM terms WHERE term = ?", (fold_word("zeppelin"),)).fetchone()
        reads = [s for s in statements if "SELECT chunk, keys" in s or "SELECT chunk, data" in s]
        long_lists = [s for s in reads if f"term = {rare} " not in s + " "]
        assert long_lists, reads
        for read in long_lists:  # at most the three chunks of "zeppelin"
            assert "chunk IN (" in read and read.count(",") <= 5, read


def test_rows_filed_without_context_are_merged_as_before(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An archive filed before context (no tables), or whose latest items an older
    pressroom filed (rows without context beside rows with it), answers every phrase
    exactly; its next writable open adds the tables, and the next import files context."""
    from store.text.fold import fold_word

    _small_slices(monkeypatch, 2, 8)
    rng = random.Random(11)
    path = tmp_path / "a.sqlite3"
    stored = _import_in_slices(path, rng, batches=2)
    with Archive.open(path) as archive:  # as if an older pressroom filed some chunks
        archive._conn.execute(
            "DELETE FROM phrase_context WHERE chunk IN"
            " (SELECT chunk FROM phrase_codes ORDER BY chunk DESC LIMIT 3)")
    phrases = [[rng.choice(_VOCABULARY) for _ in range(rng.randint(2, 4))] for _ in range(60)]

    def answers_exactly() -> None:
        with Archive.open(path, readonly=True) as session:
            for phrase in phrases:
                assert _matches(session, phrase) == _brute_force(
                    stored, [fold_word(w) for w in phrase]), phrase

    answers_exactly()
    with Archive.open(path) as archive:  # as an archive from before context
        archive._conn.execute("DROP TABLE phrase_context")
        archive._conn.execute("DROP TABLE phrase_codes")
    answers_exactly()
    with Archive.open(path) as archive:
        items = _random_items(rng, 30, 500)
        archive.import_items(items)
        stored.update((i.id, archive.get(i.id)) for i in items)
        assert archive._conn.execute("SELECT count(*) FROM phrase_context").fetchone()[0]
    answers_exactly()


def test_an_item_holding_a_word_hundreds_of_times_is_answered_from_its_keys(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A row where one item holds its term more than 255 times has no byte counts of
    occurrences per item: a phrase filtered by its context reads its keys instead."""
    from store.text.fold import fold_word

    _small_slices(monkeypatch, 4, 255)
    rng = random.Random(13)
    chant = item("Chant", body=(" ".join(["security council"] * 300 + ["security summit"]),))
    items = {i.id: i for i in [*_random_items(rng, 6, 0), chant]}
    with Archive.open(tmp_path / "a.sqlite3") as archive:
        archive.import_items(list(items.values()))
        stored = {i: archive.get(i) for i in items}
        sides = {side for (side,) in archive._conn.execute(
            "SELECT DISTINCT side FROM phrase_context WHERE term ="
            " (SELECT id FROM terms WHERE term = ?)", (fold_word("security"),))}
        from store.index.phrases import AFTER, COUNTS

        assert AFTER in sides and COUNTS not in sides
        for phrase in (["security", "summit"], ["security", "council"], ["council", "security"],
                       ["the", "security", "council"], ["security", "members"]):
            assert _matches(archive, phrase) == _brute_force(
                stored, [fold_word(w) for w in phrase]), phrase
