"""`pressroom quote` as a script or an editor calls it: clean paragraphs, then the citation."""

from __future__ import annotations

from pathlib import Path

import pytest

from store import Archive
from store.paths import sample_files
from tests.test_cli import pressroom
from tui.cli.main import main

SPEECH = "20241031-193207b4"
"""The bundled sample's speech (ids are stable: date + hash of title and opening)."""


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("quote") / "data"


def test_quote_prints_the_paragraphs_unwrapped_then_a_blank_line_and_the_citation(
    home: Path,
) -> None:
    result = pressroom("quote", SPEECH, "--paragraphs", "4-5", data_home=home)
    assert result.returncode == 0, result.stderr
    text, citation = result.stdout.rstrip("\n").rsplit("\n\n", 1)
    first, second = text.split("\n\n")
    assert first.startswith("Today we are living through a very challenging time.")
    assert second.startswith("In an environment of strategic instability")
    assert len(first) > 200  # one line per paragraph: not wrapped to the terminal
    assert citation == (
        "— Imangali Tasmagambetov, CSTO Secretary General, speech at the II Minsk "
        f"Conference on Eurasian Security, 31 October 2024, archive id {SPEECH}"
    )


def test_quote_by_match_in_gost_style(home: Path) -> None:
    result = pressroom("quote", SPEECH, "--match", "futile to seek", "--style", "gost",
                       data_home=home)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("It is futile to seek peace and stability alone.")
    assert result.stdout.rstrip().endswith(
        f"31 October 2024. Para. 31. Archive id: {SPEECH}."
    )


@pytest.fixture(scope="module")
def archive_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("quote-archive") / "archive.sqlite3"
    with Archive.open(path) as archive:
        archive.import_files(sample_files())
    return path


@pytest.mark.parametrize(
    ("args", "message"),
    [((SPEECH, "--paragraphs", "30-40"), "it has paragraphs 1-32"),
     ((SPEECH, "--paragraphs", "five"), "a range such as 3-5"),
     (("20990101-deadbeef",), "no item with id '20990101-deadbeef'"),
     ((SPEECH, "--match", "words nobody said"), "no paragraph of item")],
)
def test_a_bad_quote_request_is_one_line_and_exit_2(
    archive_path: Path, capsys: pytest.CaptureFixture[str], args: tuple[str, ...],
    message: str,
) -> None:
    code = main(["quote", "--archive", str(archive_path), *args])
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert err.startswith("pressroom: ") and message in err and err.count("\n") == 1


def test_the_configs_citation_style_is_used_until_a_command_names_another(
    archive_path: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    config = tmp_path / "config.toml"
    config.write_text('citation_style = "gost"\n', encoding="utf-8")
    common = ["--archive", str(archive_path), "--config", str(config)]
    assert main(["quote", SPEECH, "--paragraphs", "31", *common]) == 0
    assert capsys.readouterr().out.rstrip().endswith(f"Para. 31. Archive id: {SPEECH}.")
    assert main(["quote", SPEECH, "--paragraphs", "31", "--style", "plain", *common]) == 0
    assert capsys.readouterr().out.rstrip().endswith(f"archive id {SPEECH}")


def test_a_citation_style_the_app_does_not_know_is_the_configs_error_with_its_line(
    archive_path: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    config = tmp_path / "config.toml"
    config.write_text('theme = "nord"\ncitation_style = "mla"\n', encoding="utf-8")
    code = main(["quote", SPEECH, "--archive", str(archive_path), "--config", str(config)])
    err = capsys.readouterr().err
    assert code == 2 and f"{config}:2" in err and "citation_style" in err
    assert err.count("\n") == 1
