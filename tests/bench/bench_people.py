"""Are the People entries people? Precision and recall of merging against the generator's truth.

    python -m tests.bench.bench_people [--sizes 100000,1000000] [--seed 1]

The synthetic archive (`tests.bench.synth`) knows which spellings name which person, and
its roster has namesakes (same surname and initial, another first name) and near neighbours
(Petrov / Petrova, Sultanov / Sultonov). For each People entry the spellings it holds are
mapped back to the truth's people:

- precision: the share of entries that hold exactly one person (target >= 0.99);
- recall: the share of people whose spellings all sit in one entry (target >= 0.95).

The archive is the one `bench_search` builds (/work/bench-data, rebuilt when the folding,
people or generator code changes).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from collections.abc import Sequence

from tests.bench.bench_search import archive_for

TARGET_PRECISION, TARGET_RECALL = 0.99, 0.95


def measure(n: int, seed: int) -> tuple[float, float, int, int, list[str]]:
    """(precision, recall, entries, people, a few merged entries as examples)."""
    from store import Archive

    path, truth_path = archive_for(n, seed)
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    owner = {}
    for person in truth:
        if person["item_ids"]:
            for spelling in (*person["spellings"], person["cyrillic"]):
                owner[spelling] = person["key"]
    with Archive.open(path) as archive:
        people = archive.people(with_items=False)
    entries_of: dict[str, set[int]] = defaultdict(set)
    pure, examples = 0, []
    for index, entry in enumerate(people):
        keys = {owner[s] for s in entry.spellings if s in owner}
        for key in keys:
            entries_of[key].add(index)
        if len(keys) == 1:
            pure += 1
        elif len(examples) < 5:
            examples.append(f"{entry.name} ({', '.join(entry.spellings[:6])})")
    seen = [p for p in truth if p["item_ids"]]
    whole = sum(1 for p in seen if len(entries_of[p["key"]]) == 1)
    return pure / max(len(people), 1), whole / max(len(seen), 1), len(people), len(seen), examples


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tests.bench.bench_people", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--sizes", default="100000", help="comma-separated, default 100000")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    failed = False
    for n in (int(s) for s in args.sizes.split(",")):
        precision, recall, entries, people, examples = measure(n, args.seed)
        print(
            f"{n:>9,} items: {entries:,} People entries for {people:,} people;"
            f" exactly one person {precision:.4f} (target {TARGET_PRECISION}),"
            f" people in one entry {recall:.4f} (target {TARGET_RECALL})",
            flush=True,
        )
        for example in examples:
            print(f"    more than one person: {example}")
        failed |= precision < TARGET_PRECISION or recall < TARGET_RECALL
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
