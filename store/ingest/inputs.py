"""Which files an import reads: files as they are named, folders walked for saved pages."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from store.ingest.web.pages import is_page_path


@dataclass(frozen=True)
class Inputs:
    """The files to import, and how many files of the folders were not web pages."""

    files: list[Path]
    skipped: int = 0


def input_files(paths: Sequence[str | Path]) -> Inputs:
    """Files named are read whatever they hold; a folder (a site mirror, `wget --mirror`)
    gives its web pages, walked recursively in name order, and its other files (images,
    scripts, styles) are skipped and counted.

    Symbolic links to folders are not followed: a mirror's loop cannot walk forever.
    """
    files: list[Path] = []
    skipped = 0
    for path in map(Path, paths):
        if not path.is_dir():
            files.append(path)
            continue
        for folder, subfolders, names in os.walk(path):
            subfolders.sort()
            for name in sorted(names):
                candidate = Path(folder, name)
                if is_page_path(candidate) and candidate.is_file():
                    files.append(candidate)
                else:
                    skipped += 1
    return Inputs(files, skipped)
