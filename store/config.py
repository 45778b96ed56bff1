"""config.toml: archive and bookmarks paths, the sources `sync` reads, politeness, theme
and keymap. A wrong key or value is one line naming the file, the line and the key.

    archive = "~/press/archive.sqlite3"
    theme = "gruvbox"

    [keymap]
    people = "P"            # binding id = keys

    [politeness]
    per_host_interval = 2.0

    [[source]]
    name = "CSTO news"
    url = "https://en.odkb-csto.org/rss/"
    type = "feed"           # feed, sitemap, page, listing (default: found from the content)
    language = "en"
    selector = "div.news-detail"   # optional: the article body, where extraction needs help
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

import platformdirs

from store.errors import PressroomError
from store.ingest.web.harvest import SOURCE_TYPES, Source
from store.ingest.web.http import Politeness
from store.ingest.web.identity import is_web_url
from store.paths import APP_NAME


class ConfigError(PressroomError):
    """The config file is wrong; the message names file, line and key."""


def default_config_path() -> Path:
    return platformdirs.user_config_path(APP_NAME) / "config.toml"


@dataclass(frozen=True)
class Config:
    """The effective settings: the file's, over the defaults."""

    path: Path
    exists: bool = False
    archive: Path | None = None
    bookmarks: Path | None = None
    theme: str | None = None
    keymap: dict[str, str] = field(default_factory=dict)
    citation_style: str | None = None
    """How quotes are cited unless a command says (`plain`, `chicago`, `apa`, `gost`)."""
    politeness: Politeness = field(default_factory=Politeness)
    sources: tuple[Source, ...] = ()
    lines: dict[tuple[Any, ...], int] = field(default_factory=dict, compare=False, repr=False)

    def where(self, *key: Any) -> str:
        """"FILE:LINE" of a key, for messages about a value only the app can check."""
        line = self.lines.get(key)
        return f"{self.path}:{line}" if line else str(self.path)


_TOP = {"archive", "bookmarks", "theme", "keymap", "citation_style", "politeness", "source"}
_SOURCE_KEYS = {"name", "url", "type", "language", "selector"}
_POLITENESS = {f.name: f.type for f in fields(Politeness)}


def load_config(path: Path | None = None) -> Config:
    """Read the config at `path` (default: the user config folder's config.toml).

    A missing default file means the defaults; a missing file named explicitly is an error.
    """
    explicit = path is not None
    path = Path(path) if path is not None else default_config_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        if explicit:
            raise ConfigError(f"{path}: no such config file") from None
        return Config(path)
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or "not UTF-8 text"
        raise ConfigError(f"{path}: cannot read the config ({reason})") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        found = re.search(r"\(at line (\d+), column \d+\)", str(error))
        message = re.sub(r"\s*\(at line.*\)$", "", str(error))
        where = f"{path}:{found.group(1)}" if found else str(path)
        raise ConfigError(f"{where}: not valid TOML: {message}") from None
    return _config(path, data, _key_lines(text))


@dataclass(frozen=True)
class _ConfigFile:
    """The file being read and the line of each key in it, for one-line errors."""

    path: Path
    lines: dict[tuple[Any, ...], int]

    def wrong(self, key: tuple[Any, ...], message: str) -> ConfigError:
        """The error for `key`, at its own line or else the line of its table."""
        line = self.lines.get(key) or self.lines.get(key[:2]) or self.lines.get(key[:1])
        where = f"{self.path}:{line}" if line else str(self.path)
        name = ".".join(str(k) for k in key if not isinstance(k, int))
        return ConfigError(f"{where}: {name}: {message}")


def _config(path: Path, data: dict[str, Any], lines: dict[tuple[Any, ...], int]) -> Config:
    file = _ConfigFile(path, lines)
    for key in data:
        if key not in _TOP:
            raise file.wrong((key,), f"unknown key (known: {', '.join(sorted(_TOP))})")
    archive = _read_path(data, "archive", file)
    bookmarks = _read_path(data, "bookmarks", file)
    theme = _read_theme(data, file)
    style = _read_citation_style(data, file)
    keymap = _read_keymap(data, file)
    politeness = _read_politeness(data, file)
    sources = _read_sources(data, file)
    return Config(path, True, archive=archive, bookmarks=bookmarks, theme=theme,
                  keymap=keymap, citation_style=style, politeness=politeness,
                  sources=sources, lines=lines)


def _read_path(data: dict[str, Any], key: str, file: _ConfigFile) -> Path | None:
    if key not in data:
        return None
    if not isinstance(data[key], str) or not data[key].strip():
        raise file.wrong((key,), "must be a path in quotes")
    return Path(data[key]).expanduser()


def _read_theme(data: dict[str, Any], file: _ConfigFile) -> str | None:
    """The theme's name; whether the app has such a theme, the app checks (`Config.where`)."""
    if "theme" not in data:
        return None
    if not isinstance(data["theme"], str):
        raise file.wrong(("theme",), "must be a theme name in quotes")
    return data["theme"]


def _read_citation_style(data: dict[str, Any], file: _ConfigFile) -> str | None:
    if "citation_style" not in data:
        return None
    from store.bookmarks.citation import STYLES

    if data["citation_style"] not in STYLES:
        raise file.wrong(("citation_style",), f"must be one of {', '.join(STYLES)}")
    style: str = data["citation_style"]
    return style


def _read_keymap(data: dict[str, Any], file: _ConfigFile) -> dict[str, str]:
    """Binding id = keys, as the app's `set_keymap` takes them."""
    keymap = data.get("keymap", {})
    if not isinstance(keymap, dict):
        raise file.wrong(("keymap",), "must be a table of binding id = keys")
    for key, value in keymap.items():
        if not isinstance(value, str) or not value.strip():
            raise file.wrong(("keymap", key), "must be keys in quotes, e.g. \"ctrl+e\"")
    return dict(keymap)


def _read_politeness(data: dict[str, Any], file: _ConfigFile) -> Politeness:
    """The defaults, with the file's settings over them."""
    politeness = data.get("politeness", {})
    if not isinstance(politeness, dict):
        raise file.wrong(("politeness",), "must be a table")
    settings: dict[str, Any] = {}
    for key, value in politeness.items():
        kind = _POLITENESS.get(key)
        if kind is None:
            raise file.wrong(("politeness", key),
                             f"unknown key (known: {', '.join(_POLITENESS)})")
        settings[key] = _politeness_value(key, kind, value, lambda m, k=key: file.wrong(
            ("politeness", k), m))
    return replace(Politeness(), **settings)


def _read_sources(data: dict[str, Any], file: _ConfigFile) -> tuple[Source, ...]:
    raw_sources = data.get("source", [])
    if not isinstance(raw_sources, list):
        raise file.wrong(("source",), "must be [[source]] tables")
    return tuple(_read_source(raw, index, file) for index, raw in enumerate(raw_sources))


def _read_source(raw: dict[str, Any], index: int, file: _ConfigFile) -> Source:
    """One [[source]] table; `index` is its place among them, for the error's line."""
    for key in raw:
        if key not in _SOURCE_KEYS:
            raise file.wrong(("source", index, key),
                             f"unknown key (known: {', '.join(sorted(_SOURCE_KEYS))})")
    for key in _SOURCE_KEYS:
        if key in raw and (not isinstance(raw[key], str) or not raw[key].strip()):
            raise file.wrong(("source", index, key), "must be text in quotes")
    if "url" not in raw or not is_web_url(raw["url"]):
        raise file.wrong(("source", index, "url"), "each [[source]] needs an http(s) url")
    kind = raw.get("type", "auto")
    if kind not in SOURCE_TYPES:
        raise file.wrong(("source", index, "type"),
                         f"must be one of {', '.join(SOURCE_TYPES)}")
    selector = raw.get("selector")
    if selector is not None and not _is_selector(selector):
        raise file.wrong(("source", index, "selector"), f"not a CSS selector: {selector!r}")
    return Source(name=raw.get("name") or raw["url"], url=raw["url"], type=kind,
                  language=raw.get("language"), selector=selector)


def _politeness_value(key: str, kind: Any, value: Any, wrong: Any) -> Any:
    kind = str(kind)
    if kind == "bool":
        if not isinstance(value, bool):
            raise wrong("must be true or false")
        return value
    if kind == "str":
        if not isinstance(value, str):
            raise wrong("must be text in quotes")
        return value
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise wrong("must be a number")
    if kind == "int" and not isinstance(value, int):
        raise wrong("must be a whole number")
    if value < 0 or (value == 0 and key in ("hosts_at_once", "max_bytes", "read_timeout",
                                             "connect_timeout")):
        raise wrong("must be more than 0" if value == 0 else "must not be negative")
    return value


def _is_selector(text: str) -> bool:
    from cssselect import SelectorError
    from lxml.cssselect import CSSSelector

    try:
        CSSSelector(text)
    except (SelectorError, ValueError):
        return False
    return True


_HEADER = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_.\-\"' ]+?)\s*\]\]?")
_KEY = re.compile(r"^\s*([A-Za-z0-9_\-]+|\"[^\"]*\")\s*=")


def _key_lines(text: str) -> dict[tuple[Any, ...], int]:
    """The line of each key: ("theme",), ("politeness", "retries"), ("source", 0, "url")."""
    lines: dict[tuple[Any, ...], int] = {}
    table: tuple[Any, ...] = ()
    arrays: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), 1):
        header = _HEADER.match(line)
        if header:
            name = header.group(2).strip().strip("\"'")
            if header.group(1) == "[[":
                arrays[name] = arrays.get(name, -1) + 1
                table = (name, arrays[name])
            else:
                table = (name,)
            lines.setdefault(table, number)
            continue
        key = _KEY.match(line)
        if key:
            lines.setdefault((*table, key.group(1).strip('"')), number)
    return lines


def show(config: Config) -> str:
    """The effective settings, as TOML a user could paste into the file."""
    out = [f"# {config.path}" + ("" if config.exists else " (not there: defaults)")]
    from store.paths import default_archive_path, default_bookmarks_path

    out.append(f'archive = "{config.archive or default_archive_path()}"')
    out.append(f'bookmarks = "{config.bookmarks or default_bookmarks_path()}"')
    out.append(f'theme = "{config.theme or "textual-dark"}"')
    out.append(f'citation_style = "{citation_style(config)}"')
    out.append("\n[keymap]")
    out.extend(f'{key} = "{value}"' for key, value in config.keymap.items())
    out.append("\n[politeness]")
    for f in fields(Politeness):
        value = getattr(config.politeness, f.name)
        if f.name == "user_agent" and not value:
            from store.ingest.web.http import user_agent

            value = user_agent()
        out.append(f"{f.name} = " + (
            f'"{value}"' if isinstance(value, str) else str(value).lower()
            if isinstance(value, bool) else repr(value)))
    for source in config.sources:
        out.append("\n[[source]]")
        for key in ("name", "url", "type", "language", "selector"):
            value = getattr(source, key)
            if value is not None:
                out.append(f'{key} = "{value}"')
    return "\n".join(out)


def citation_style(config: Config, chosen: str | None = None) -> str:
    """The style a command cites in: its own option, else the config's, else plain."""
    from store.bookmarks.citation import DEFAULT_STYLE

    return chosen or config.citation_style or DEFAULT_STYLE
