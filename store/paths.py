"""Where pressroom keeps its files by default, where the bundled sample lives, and how a
path is shown to the user."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import platformdirs

APP_NAME = "pressroom"


def short_path(path: Path, cwd: Path | None = None, home: Path | None = None) -> str:
    """`path` as a user would type it: relative to `cwd` when inside it, else with `~` for
    the home folder, else absolute. A toast has room for a name, not a full path."""
    try:
        cwd = (cwd or Path.cwd()).absolute()
        path = path.absolute()
    except OSError:  # the working folder was removed meanwhile
        cwd = None
    home = (home or Path.home()).absolute()
    if cwd is not None and path.is_relative_to(cwd):
        return str(path.relative_to(cwd))
    if path.is_relative_to(home):
        return str(Path("~") / path.relative_to(home))
    return str(path)


def data_dir() -> Path:
    """The per-user data folder (created on demand), e.g. ~/.local/share/pressroom."""
    path = platformdirs.user_data_path(APP_NAME)
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_archive_path() -> Path:
    """Not created here: a command that finds no archive must leave no folder behind."""
    return platformdirs.user_data_path(APP_NAME) / "archive.sqlite3"


def default_bookmarks_path() -> Path:
    """Not created here either: the first bookmark creates the file and its folder."""
    return platformdirs.user_data_path(APP_NAME) / "bookmarks.json"


def sample_files() -> list[Path]:
    """The bundled sample archive's files.

    An installed wheel carries them inside the `store` package (see pyproject's
    force-include); a source checkout has them in the top-level `sample_data/`.
    """
    candidates = [
        Path(str(resources.files("store"))) / "sample_data",
        Path(__file__).resolve().parent.parent / "sample_data",
    ]
    for folder in candidates:
        if folder.is_dir():
            files = sorted(
                p for p in folder.iterdir() if p.suffix in {".txt", ".jsonl"} and p.is_file()
            )
            if files:
                return files
    return []
