"""config.toml: paths, sources, politeness, theme and keymap; a wrong key is one line."""

from __future__ import annotations

from pathlib import Path

import pytest

from store import Archive
from store.config import ConfigError, load_config, show
from tui.app import PressroomApp
from tui.cli.launch import check_theme
from tui.session import Session, Settings

GOOD = """\
archive = "~/press/archive.sqlite3"
theme = "gruvbox"

[keymap]
people = "P"

[politeness]
per_host_interval = 2
retries = 1

[[source]]
name = "CSTO news"
url = "https://press.test/en/rss.xml"
type = "feed"
language = "en"

[[source]]
url = "https://press.test/ru/news/"
type = "listing"
selector = "div.news-detail"
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_config_gives_paths_sources_politeness_theme_and_keymap(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, GOOD))
    assert config.archive == Path("~/press/archive.sqlite3").expanduser()
    assert config.theme == "gruvbox" and config.keymap == {"people": "P"}
    assert (config.politeness.per_host_interval, config.politeness.retries) == (2, 1)
    assert config.politeness.read_timeout == 30.0  # the default where the file says nothing
    first, second = config.sources
    assert (first.name, first.type, first.language) == ("CSTO news", "feed", "en")
    assert (second.name, second.selector) == ("https://press.test/ru/news/", "div.news-detail")
    shown = show(config)
    assert 'per_host_interval = 2' in shown and 'selector = "div.news-detail"' in shown


@pytest.mark.parametrize(
    ("replace", "by", "message"),
    [
        ("retries = 1", "retries = \"one\"", ":9: politeness.retries: must be a number"),
        ("retries = 1", "retry = 1", ":9: politeness.retry: unknown key"),
        ('type = "listing"', 'type = "blog"', ":19: source.type: must be one of"),
        ('selector = "div.news-detail"', 'selector = "div[["', ":20: source.selector: not a CSS"),
        ('url = "https://press.test/ru/news/"', 'url = "ftp://press.test/"',
         ":18: source.url: each [[source]] needs an http(s) url"),
        ('theme = "gruvbox"', 'colour = "red"', ":2: colour: unknown key"),
        ("per_host_interval = 2", "per_host_interval = -1",
         ":8: politeness.per_host_interval: must not be negative"),
        ("[keymap]", "[keymap", ":4: not valid TOML"),
    ],
)
def test_a_wrong_key_or_value_names_file_line_and_key(
    tmp_path: Path, replace: str, by: str, message: str
) -> None:
    path = write(tmp_path, GOOD.replace(replace, by))
    with pytest.raises(ConfigError) as raised:
        load_config(path)
    assert str(raised.value).startswith(f"{path}{message}")
    assert "\n" not in str(raised.value)


def test_no_config_file_means_the_defaults_but_a_named_missing_one_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert load_config().sources == ()
    with pytest.raises(ConfigError, match="no such config file"):
        load_config(tmp_path / "missing.toml")


def test_an_unknown_theme_is_the_configs_error_with_its_line(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, GOOD.replace("gruvbox", "sunset")))
    with pytest.raises(ConfigError, match=r"config.toml:2: theme: unknown theme 'sunset'"):
        check_theme(config)


async def test_the_app_wears_the_configured_theme_and_keymap(tmp_path: Path) -> None:
    archive = Archive.open(tmp_path / "a.sqlite3")
    settings = Settings(theme="nord", keymap={"quit": "f5"})
    app = PressroomApp(Session(archive, None, "", settings))
    async with app.run_test() as pilot:
        assert app.theme == "nord"
        await pilot.press("f5")  # the binding with id "quit", moved from ctrl+q
        await pilot.pause()
        assert not app.is_running
    archive.close()
