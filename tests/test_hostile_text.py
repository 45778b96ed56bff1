"""Text from data never controls the terminal through the command line (issue 10, part 1).

Hostile items, names, places, notes and queries (`tests.hostile`) go through every command;
nothing printed holds an escape sequence, a C1 control or a bidi override, while `--json`
says exactly what is stored. Imports store printable text; an archive written before that
rule is still printed safely. `pytest --hypothesis-show-statistics` shows how many hostile
inputs each fuzz test tried.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

import store.ingest.pipeline
from store import Archive, Item
from store.text.printable import is_printable, printable
from tests.hostile import (
    FORBIDDEN_BYTES,
    NASTY,
    TITLE,
    control_in,
    hostile_items,
    hostile_line,
    hostile_text,
    make_legacy,
)
from tui.cli.main import main

ROOT = Path(__file__).resolve().parents[1]
FUZZ = settings(max_examples=12, deadline=None, phases=[p for p in Phase if p != Phase.explain],
                suppress_health_check=[HealthCheck.function_scoped_fixture])
"""Each example runs the whole command line over a fresh archive (about a second): a dozen
cover the strategies' kinds of sequence many times over. capsys is read and reset per
command."""


@pytest.fixture(autouse=True)
def isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data-home"))
    monkeypatch.setenv("COLUMNS", "100")


class Shell:
    """Runs `pressroom` in this process on one archive and bookmarks file, as a user's
    shell would, and checks every line printed on the way."""

    def __init__(self, capsys: pytest.CaptureFixture[str], folder: Path) -> None:
        self.capsys = capsys
        self.files = ["--archive", str(folder / "archive.sqlite3"),
                      "--bookmarks", str(folder / "bookmarks.json")]
        self.folder = folder
        self.status = 0

    def __call__(self, *argv: str, status: int | None = 0) -> str:
        """stdout of `pressroom ARGV`, after checking that neither stream holds a control
        and the exit status is `status` (None: any; then see `status`)."""
        self.capsys.readouterr()
        self.status = main([*argv, *self.files])
        out, err = self.capsys.readouterr()
        for stream, text in (("stdout", out), ("stderr", err)):
            found = control_in(text)
            assert found is None, f"pressroom {argv[0]}: {found} reached {stream}: {text!r}"
        if self.status:
            assert err.count("\n") == 1, f"an error is one line, not {err!r}"
        if status is not None:
            assert self.status == status, f"pressroom {' '.join(argv)} exited {self.status}: {err}"
        return out

    def json_lines(self, *argv: str) -> list[dict]:
        return [json.loads(line) for line in self(*argv, "--json").splitlines()]

    def stored(self) -> list[Item]:
        with Archive.open(self.folder / "archive.sqlite3", readonly=True) as archive:
            return [archive.get(item_id) for item_id in archive.ids()]


@pytest.fixture
def shell(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> Shell:
    return Shell(capsys, tmp_path)


@contextlib.contextmanager
def fresh_shell(capsys: pytest.CaptureFixture[str]) -> Iterator[Shell]:
    """A Shell on a new folder: one per hypothesis example."""
    with tempfile.TemporaryDirectory() as folder:
        yield Shell(capsys, Path(folder))


def write_jsonl(path: Path, items: list[dict]) -> Path:
    path.write_text("".join(json.dumps(item) + "\n" for item in items), encoding="utf-8")
    return path


def all_printable(item: Item) -> bool:
    return item.printable() == item and all(
        is_printable(text) for text in (item.id, item.title, item.language, item.source,
                                         *item.places)
    ) and all(is_printable(p, keep_newlines=True) for p in item.body)


# -- imports store printable text -------------------------------------------------------


@FUZZ
@given(items=hostile_items, note=hostile_text, tag=hostile_line, query=hostile_line)
def test_hostile_items_go_through_every_command_and_no_control_is_printed(
    capsys: pytest.CaptureFixture[str], items: list[dict], note: str, tag: str, query: str
) -> None:
    with fresh_shell(capsys) as run:
        source = write_jsonl(run.folder / "press.jsonl", items)
        run("import", str(source), "--dry-run")
        parsed = run.json_lines("import", str(source), "--dry-run")
        run("import", str(source))

        stored = run.stored()
        assert all(all_printable(item) for item in stored)
        by_id = {item.id: item.to_dict() for item in stored}
        assert {p["id"]: p for p in parsed} == by_id  # --dry-run shows what is stored
        assert len(by_id) == len(items)

        run("list")
        assert {row["id"]: row for row in run.json_lines("list")} == by_id
        for item_id, data in by_id.items():
            run("show", item_id)
            assert run.json_lines("show", item_id) == [data]
        run("search", query)
        for hit in run.json_lines("search", "summit"):
            assert {k: v for k, v in hit.items() if k not in ("score", "spans")} == by_id[hit["id"]]
        run("people")
        run("people", query)
        run.json_lines("people")

        first = next(iter(by_id))
        run("bookmarks", "add", first, f"--note={note}", f"--tag={tag}")
        run("bookmarks", "list")
        [mark] = run.json_lines("bookmarks", "list")
        assert mark["note"] == printable(note, keep_newlines=True)
        assert mark["title"] == by_id[first]["title"]
        run("bookmarks", "export")
        exported = json.loads(run("bookmarks", "export", "--format", "json"))
        assert exported["bookmarks"][0]["item"]["title"] == by_id[first]["title"]
        run("bookmarks", "remove", first)
        run("show", "no-such-" + query, status=2)


@FUZZ
@given(title=hostile_line, date_line=st.sampled_from(["31.10.2024", "Vienna, June 23, 2020"]),
       paragraphs=st.lists(hostile_line, min_size=1, max_size=3), opening=hostile_text)
def test_raw_press_text_with_hostile_lines_is_stored_printable(
    capsys: pytest.CaptureFixture[str], title: str, date_line: str, paragraphs: list[str],
    opening: str,
) -> None:
    text = "\n".join([title.replace("\n", " "), date_line, *paragraphs]) + "\n\n"
    text += f"On 5 December 2024, the Secretary General met Ivan Petrov. {opening}\n"
    with fresh_shell(capsys) as run:
        source = run.folder / "dump.txt"
        source.write_text(text, encoding="utf-8", errors="surrogatepass")
        run("import", str(source), "--dry-run", status=None)
        run("import", str(source), status=None)
        if run.status:  # refused as binary (NUL, or too many controls): one line, above
            assert not run.stored()
            return
        stored = run.stored()
        assert stored and all(all_printable(item) for item in stored)
        run("list")
        run("people")
        for item in stored:
            run("show", item.id)


@pytest.mark.parametrize("share", ["reader folds", "importer parses"])
def test_items_read_on_a_second_core_are_stored_printable_too(
    shell: Shell, monkeypatch: pytest.MonkeyPatch, share: str
) -> None:
    """A big import parses in another process (`store.ingest.pipeline`): same cleaning there."""
    items = [{"title": f"{n} {NASTY}", "body": [NASTY, f"Paragraph {n}"], "date": "2024-01-02",
              "participants": [{"name": f"Ivan {TITLE}Petrov", "role": NASTY}],
              "places": [NASTY]} for n in range(60)]
    source = write_jsonl(shell.folder / "big.jsonl", items)
    (shell.folder / "dump.txt").write_text(f"Talks {NASTY}\n31.10.2024\n{NASTY} met.\n")
    monkeypatch.setattr(store.ingest.pipeline, "PARALLEL_BYTES", 0)
    monkeypatch.setattr(store.ingest.pipeline, "LOW", 0 if share == "reader folds" else 99)
    shell("import", str(source), str(shell.folder / "dump.txt"))
    stored = shell.stored()
    assert len(stored) == 61 and all(all_printable(item) for item in stored)
    assert {"Ivan Petrov"} == {p.name for item in stored[1:] for p in item.participants}


def test_python_built_items_are_stored_printable(tmp_path: Path) -> None:
    hostile = Item(id="x1", date=None, kind="news", title=NASTY, body=(NASTY, "ok\nok"))
    with Archive.open(tmp_path / "a.sqlite3") as archive:
        archive.import_items([hostile])
        [item] = [archive.get(i) for i in archive.ids()]
    assert item.id == "x1" and all_printable(item)
    assert item.body[1] == "ok\nok"  # a paragraph's line breaks are structure, kept


# -- and output is safe for archives written before -------------------------------------


@pytest.fixture
def legacy(shell: Shell) -> Shell:
    """An archive and a bookmarks file with hostile text in every field, as written by a
    version that stored text as it came (see `tests.hostile.make_legacy`)."""
    items = [{"id": "talks", "title": "Minsk talks", "date": "2024-03-01", "kind": "speech",
              "body": ["Voitolovsky spoke."],
              "participants": [{"name": "Fyodor Voitolovsky", "role": "Director"}]},
             {"id": "visit", "title": "A visit", "date": "2024-02-01", "body": ["Ok."]}]
    shell("import", str(write_jsonl(shell.folder / "press.jsonl", items)))
    make_legacy(shell.folder / "archive.sqlite3")
    records = {"1": {"item_id": "talks", "note": NASTY, "tags": [NASTY], "created": "",
                     "position": 0},
               "2": {"item_id": f"gone{TITLE}", "note": "", "tags": [], "created": "",
                     "position": 0}}
    (shell.folder / "bookmarks.json").write_text(json.dumps({"bookmarks": records}))
    return shell


def test_an_archive_written_before_prints_no_control_and_json_says_what_it_holds(
    legacy: Shell,
) -> None:
    assert "Minsk talks Minsk talks" in legacy("list")
    page = legacy("show", "talks")
    assert "Minsk talks" in page and "Fyodor Voitolovsky" in page
    [item] = legacy.json_lines("show", "talks")
    assert item["title"] == "Minsk talks " + NASTY  # lossless: escaped, not dropped
    assert item["participants"][-1] == {"name": NASTY, "role": NASTY, "organisation": NASTY}
    assert item["body"] == ["Voitolovsky spoke." + NASTY, NASTY]
    legacy("search", "voitolovsky")
    assert legacy.json_lines("search", "voitolovsky")[0]["title"] == item["title"]
    assert "Voitolovsky" in legacy("people")
    legacy("people", "voit")
    assert "Minsk talks" in legacy("bookmarks", "list")
    marks = {mark["item_id"]: mark for mark in legacy.json_lines("bookmarks", "list")}
    assert marks["talks"]["note"] == NASTY and f"gone{TITLE}" in marks
    markdown = legacy("bookmarks", "export")
    assert "## gone (not in this archive)" in markdown and "Note: Minsk talks" in markdown
    exported = json.loads(legacy("bookmarks", "export", "--format", "json"))
    assert {mark["item_id"]: mark["note"] for mark in exported["bookmarks"]}["talks"] == NASTY
    legacy("bookmarks", "add", "talks", f"--note={NASTY}")
    legacy("bookmarks", "remove", f"gone{TITLE}")


def test_error_messages_name_hostile_input_without_obeying_it(shell: Shell) -> None:
    shell("show", f"nothing{TITLE}", status=2)
    shell("import", str(shell.folder / f"missing{NASTY}.jsonl"), status=2)
    broken = shell.folder / f"broken{TITLE}.jsonl"
    broken.write_text('{"title": "x", "date": "' + TITLE + '"}\n')
    shell("import", str(broken), status=2)
    shell("bookmarks", "remove", f"never{NASTY}", status=2)


def test_a_real_process_prints_no_control_byte(legacy: Shell) -> None:
    """The bytes a terminal would receive, from `python -m tui` in a subprocess."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8"}
    for command in (["list"], ["show", "talks"], ["show", "talks", "--json"]):
        done = subprocess.run([sys.executable, "-m", "tui", *command, *legacy.files],
                              capture_output=True, env=env, timeout=60, check=True)
        for stream in (done.stdout, done.stderr):
            assert FORBIDDEN_BYTES.search(stream) is None, (command, stream)
    assert json.loads(done.stdout)["title"] == "Minsk talks " + NASTY


# -- the SSH server's log ----------------------------------------------------------------


def test_every_server_log_line_is_printable_and_one_line() -> None:
    """What clients send (names, errors) reaches the log through `configure_logging`'s
    formatter: no sequence for the admin's terminal, no forged line.

    No real client gets a control into a user name today (OpenSSH will not send one, and
    asyncssh's SASLprep refuses it), so the formatter is tested with the record itself.
    """
    import logging

    from tui.sshd.server import configure_logging

    logger = logging.getLogger("pressroom.sshd")
    # configure_logging sets the server's own level and stops propagation; restored after,
    # so later tests on this worker still see the records through caplog
    before = (logger.level, logger.propagate)
    configure_logging()
    handler = logger.handlers[-1]
    try:
        record = logger.makeRecord(
            logger.name, logging.INFO, __file__, 1, "refused %s: %s",
            (f"user=alice{TITLE}", "bad\n2024-01-01 00:00:00 pressroom-sshd forged"), None,
        )
        line = handler.format(record)
        assert control_in(line) is None and "\n" not in line
        assert line.endswith("refused user=alice: bad 2024-01-01 00:00:00 pressroom-sshd forged")
        try:
            raise ValueError(f"from a client: {NASTY}")
        except ValueError:
            record.exc_info = sys.exc_info()
            record.exc_text = None
        assert control_in(handler.format(record)) is None  # a traceback keeps its lines only
    finally:
        logger.removeHandler(handler)
        logger.setLevel(before[0])
        logger.propagate = before[1]


def test_a_user_name_in_the_log_is_one_printable_field() -> None:
    from tui.sshd.server import _printable

    assert _printable(f"alice{TITLE}\u202e bob\nforged") == "alice?bob?forged"
    assert _printable(TITLE) == "-"
