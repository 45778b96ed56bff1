"""Hostile press text: the parser's time on each shape of `tests.hostile_shapes`, at a size
and at four times it, against the floor of reading the same text line by line.

    python -m tests.bench.bench_hostile [--scale 8] [--rounds 3]

Linear work takes about four times as long at four times the text; the ratio column says
how far each shape is from that. The floor (`str.splitlines` and a regex over each line,
what any reader of the text costs) is measured on the same text in the same process, so
the KB/s columns compare the parser with it. No budget: the figure to watch is the ratio.
"""

from __future__ import annotations

import argparse
import functools
import re
import statistics
import time
from collections.abc import Callable

from store.ingest.parser import parse_text
from tests.hostile_shapes import SHAPES

_WORD = re.compile(r"\w+")


def _best(run: Callable[[], object], rounds: int) -> float:
    """The median of `rounds` timings of `run`, in seconds."""
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _floor(text: str) -> None:
    for line in text.splitlines():
        _WORD.findall(line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=int, default=8, help="repeats, times the test's size")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    print(f"{'shape':36} {'KB':>7} {'parse s':>8} {'4x KB':>7} {'4x s':>8} {'ratio':>6}"
          f" {'KB/s':>7} {'floor KB/s':>10}")
    for name, (make, size) in SHAPES.items():
        small, large = make(size * args.scale), make(4 * size * args.scale)
        t_small = _best(functools.partial(parse_text, small, "hostile.txt"), args.rounds)
        t_large = _best(functools.partial(parse_text, large, "hostile.txt"), args.rounds)
        floor = _best(functools.partial(_floor, large), args.rounds)
        kb_small, kb_large = len(small.encode()) / 1e3, len(large.encode()) / 1e3
        print(f"{name:36} {kb_small:7.0f} {t_small:8.3f} {kb_large:7.0f} {t_large:8.3f}"
              f" {t_large / t_small:6.1f} {kb_large / t_large:7.0f} {kb_large / floor:10.0f}",
              flush=True)


if __name__ == "__main__":
    main()
