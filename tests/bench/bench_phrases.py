"""Exact phrases: the positional index against the old candidate check and against FTS5.

    python -m tests.bench.bench_phrases [--sizes 100000,1000000] [--seed 1] [--fts5]

For each size the synthetic archive (`tests.bench.synth`) is imported once with the current
code into $PRESSROOM_BENCH_DATA/phrases-N-seedS-<code hash>.sqlite3, beside it the index file
the import wrote (sessions map it, as served ones do). Phrases are the most
frequent two- and three-word runs of the archive's own text (common words: the hard case),
plus a few rarer ones. In one process, per phrase:

- **positional** (today's code): `Archive.match('"phrase"')`, the full ranked result;
  first (cold) run, then warm runs: pages and the session's list cache (`CACHE_BYTES`)
  as the runs before left them, the phrase's kept answer dropped before each (a phrase
  never answered before: the budget), and repeats with its answer kept (what each
  keystroke typed after a closed phrase costs);
- **candidate check** (the route this replaced): the words ANDed, then the newest 5,000
  candidates' text checked with a regex, as `PHRASE_CHECK_LIMIT` did;
- **FTS5** (with `--fts5`): a contentless FTS5 table of the same folded word sequences,
  `SELECT rowid ... MATCH '"phrase"'` into a numpy array (the table is built once, beside).

Every positional result is checked against a brute-force scan of a random sample of items
(folded word by word, independently of the index's token cache): no match may be missed or
invented. The budget: p95 <= 50 ms at 1M for phrases of common words.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from tests.bench.bench_import import BENCH_DATA, rss_mb, synthetic_archive

ROOT = Path(__file__).resolve().parents[2]
BUDGET_P95_MS = 50.0
OLD_LIMIT = 5_000
SAMPLE = 3_000
"""Items scanned by brute force per size, to check every phrase's result on them."""


def _code_hash() -> str:
    digest = hashlib.sha256()
    for name in ("store/text/fold.py", "store/index/search.py", "store/index/postings.py",
                 "store/index/phrases.py", "tests/bench/synth.py"):
        digest.update((ROOT / name).read_bytes())
    return digest.hexdigest()[:8]


def archive_for(n: int, seed: int, reuse: bool = False) -> tuple[Path, float | None]:
    """The archive of `n` synthetic items built by the current code (and its import rate
    when it was built now); with `reuse`, the newest one of that size whatever code built
    it (a 1M import takes many minutes; fine while the index format stays)."""
    jsonl, _ = synthetic_archive(n, seed)
    path = BENCH_DATA / f"phrases-{n}-seed{seed}-{_code_hash()}.sqlite3"
    built = sorted(BENCH_DATA.glob(f"phrases-{n}-seed{seed}-*.sqlite3"),
                   key=lambda p: p.stat().st_mtime)
    if reuse and built:
        path = built[-1]
    if path.exists():
        return path, None
    for stale in BENCH_DATA.glob(f"phrases-{n}-seed{seed}-*.sqlite3*"):
        stale.unlink()
    from store import Archive

    building = path.with_name(path.name + ".building")
    for leftover in BENCH_DATA.glob(building.name + "*"):
        leftover.unlink()
    print(f"importing {n:,} items -> {path.name}", file=sys.stderr, flush=True)
    start = time.perf_counter()
    with Archive.open(building) as archive:
        archive.import_file(jsonl)
        archive._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    rate = n / (time.perf_counter() - start)
    building.rename(path)
    # the index file the import wrote beside it (`store.index.mapped`), which every session
    # maps: without it a session would search from its own memory, as none served does
    index = building.with_name(building.name + "-index")
    if index.exists():
        index.rename(path.with_name(path.name + "-index"))
    return path, rate


_WORD = re.compile(r"\w+")


def brute_words(text: str) -> list[str]:
    """Folded words of one paragraph, each word folded on its own (no token cache)."""
    from store.text.fold import fold_word

    return [f for f in (fold_word(w) for w in _WORD.findall(text)) if f]


def brute_holds(segments: Sequence[str], phrase: Sequence[str]) -> bool:
    size = len(phrase)
    for segment in segments:
        words = brute_words(segment)
        if any(words[i : i + size] == list(phrase) for i in range(len(words) - size + 1)):
            return True
    return False


def pick_phrases(conn: sqlite3.Connection, seed: int) -> list[str]:
    """Frequent two- and three-word runs of the archive's text, and a few rarer ones."""
    rng = random.Random(seed)
    top = conn.execute("SELECT max(rowid) FROM items").fetchone()[0]
    sample = rng.sample(range(1, top + 1), min(2_000, top))
    runs: dict[int, Counter[tuple[str, ...]]] = {2: Counter(), 3: Counter()}
    for (body,) in conn.execute(
        f"SELECT body FROM items WHERE rowid IN ({','.join(map(str, sample))})"
    ):
        for paragraph in body.split("\x1e"):
            words = [w.lower() for w in _WORD.findall(paragraph)]
            for size, counter in runs.items():
                counter.update(set(zip(*(words[i:] for i in range(size)), strict=False)))
    out = []
    for counter in runs.values():
        common = [run for run, _ in counter.most_common(200) if all(len(w) > 1 for w in run)]
        out += [" ".join(run) for run in common[:10]]
        rare = [run for run, c in counter.items() if 3 <= c <= 6 and all(len(w) > 3 for w in run)]
        out += [" ".join(run) for run in rng.sample(sorted(rare), min(3, len(rare)))]
    return out


def candidate_check(archive: Any, phrase: str) -> int:
    """The replaced route: words ANDed, the newest 5,000 candidates' text checked."""
    words = phrase.split()
    matches = archive.match(" ".join(words) + " ")
    hits = np.sort(matches.positions)[:OLD_LIMIT]
    rowids = archive.columns.order[hits]
    pattern = re.compile(r"\b" + r"\W+".join(map(re.escape, words)) + r"\b", re.IGNORECASE)
    kept = 0
    conn = archive._conn
    for start in range(0, len(rowids), 500):
        part = [int(r) for r in rowids[start : start + 500]]
        marks = ",".join("?" * len(part))
        for title, people, body in conn.execute(
            f"SELECT title, people, body FROM items WHERE rowid IN ({marks})", part
        ):
            kept += bool(pattern.search(f"{title}\n{people}\n{body}"))
    return kept


def build_fts5(path: Path, conn: sqlite3.Connection) -> tuple[Path, float]:
    """A contentless FTS5 table of every item's folded word sequence; its build time per item."""
    from store.index.phrases import BREAK, sequence

    fts = path.with_name(path.name + ".fts5")
    if fts.exists():
        return fts, float("nan")
    out = sqlite3.connect(str(fts) + ".building", isolation_level=None)
    out.execute("PRAGMA journal_mode=OFF")
    out.execute("CREATE VIRTUAL TABLE f USING fts5(t, content='', columnsize=0)")
    out.execute("BEGIN")
    start = time.perf_counter()
    count = 0
    cursor = conn.execute("SELECT rowid, title, participants, body FROM items")
    while rows := cursor.fetchmany(5_000):
        batch = []
        for rowid, title, participants, body in rows:
            names = [p["name"] for p in json.loads(participants)]
            words = sequence([title, *names, *body.split("\x1e")])
            # a paragraph end as a token of its own, which no phrase holds
            batch.append((rowid, " ".join("zzbreak" if w == BREAK else w for w in words)))
        out.executemany("INSERT INTO f(rowid, t) VALUES (?, ?)", batch)
        count += len(rows)
    out.execute("COMMIT")
    out.execute("INSERT INTO f(f) VALUES ('optimize')")
    seconds = time.perf_counter() - start
    out.close()
    Path(str(fts) + ".building").rename(fts)
    return fts, seconds / max(count, 1) * 1e6


def measure(n: int, seed: int, with_fts5: bool, reuse: bool = False) -> dict[str, Any]:
    from store import Archive
    from store.index.phrases import CACHE_BYTES, phrase_terms

    path, import_rate = archive_for(n, seed, reuse)
    archive = Archive.open(path, readonly=True)
    conn = archive._conn
    index_bytes = conn.execute(
        "SELECT coalesce(sum(length(keys) + length(wide)), 0) FROM phrases"
    ).fetchone()[0]
    try:
        context_bytes = conn.execute(
            "SELECT (SELECT coalesce(sum(length(data)), 0) FROM phrase_context)"
            " + (SELECT coalesce(sum(length(terms)), 0) FROM phrase_codes)"
        ).fetchone()[0]
    except sqlite3.OperationalError:  # filed before context
        context_bytes = 0
    postings_bytes = conn.execute(
        "SELECT coalesce(sum(length(body) + length(docs) + length(fields)), 0) FROM postings"
    ).fetchone()[0]
    phrases = pick_phrases(conn, seed)
    rng = random.Random(seed)
    top = conn.execute("SELECT max(rowid) FROM items").fetchone()[0]
    sample = sorted(rng.sample(range(1, top + 1), min(SAMPLE, top)))
    segments: dict[int, list[str]] = {}
    for rowid, title, participants, body in conn.execute(
        f"SELECT rowid, title, participants, body FROM items"
        f" WHERE rowid IN ({','.join(map(str, sample))})"
    ):
        names = [p["name"] for p in json.loads(participants)]
        segments[rowid] = [title, *names, *body.split("\x1e")]
    fts_conn = None
    fts_build_us = float("nan")
    if with_fts5:
        fts_path, fts_build_us = build_fts5(path, conn)
        fts_conn = sqlite3.connect(f"{fts_path.resolve().as_uri()}?mode=ro", uri=True)
    rss_before = rss_mb()
    results = []
    wrong = 0
    for phrase in phrases:
        quoted = f'"{phrase}"'
        start = time.perf_counter()
        matches = archive.match(quoted)
        cold = (time.perf_counter() - start) * 1e3
        warm = []
        for _ in range(5):
            archive._index._phrases.forget_answers()
            start = time.perf_counter()
            archive.match(quoted)
            warm.append((time.perf_counter() - start) * 1e3)
        repeat = []
        for _ in range(3):
            start = time.perf_counter()
            archive.match(quoted)
            repeat.append((time.perf_counter() - start) * 1e3)
        found = set(matches.rowids.tolist())
        terms = phrase_terms(phrase.split())
        for rowid, parts in segments.items():
            if brute_holds(parts, terms) != (rowid in found):
                wrong += 1
        old = []
        old_found = 0
        for _ in range(2):
            start = time.perf_counter()
            old_found = candidate_check(archive, phrase)
            old.append((time.perf_counter() - start) * 1e3)
        fts = []
        fts_found = 0
        if fts_conn is not None:
            query = '"' + " ".join(terms) + '"'
            for _ in range(3):
                start = time.perf_counter()
                got = np.fromiter(
                    (r[0] for r in fts_conn.execute("SELECT rowid FROM f WHERE f MATCH ?",
                                                    (query,))),
                    dtype=np.int64,
                )
                fts.append((time.perf_counter() - start) * 1e3)
            fts_found = len(np.intersect1d(got, archive.columns.order))
        results.append({
            "phrase": phrase, "words": len(phrase.split()), "found": len(matches),
            "cold": cold, "warm": warm, "repeat": repeat, "old": old, "old_found": old_found,
            "fts": fts, "fts_found": fts_found,
        })
    archive.close()
    return {
        "n": n, "import_rate": import_rate, "index_mb": index_bytes / 1e6,
        "context_mb": context_bytes / 1e6, "index_file": archive.index_notice is None,
        "postings_mb": postings_bytes / 1e6, "archive_mb": path.stat().st_size / 1e6,
        "results": results, "wrong": wrong, "sample": len(segments),
        "fts_build_us": fts_build_us, "rss_before_mb": rss_before, "rss_after_mb": rss_mb(),
        "cache_mb": CACHE_BYTES / 2**20,
    }


def report(m: dict[str, Any]) -> str:
    def stats(values: list[float]) -> str:
        if not values:
            return "   -"
        return (f"p50 {np.percentile(values, 50):7.1f}  p95 {np.percentile(values, 95):7.1f}"
                f"  max {max(values):7.1f} ms")

    per_100k = 100_000 / m["n"]
    rate = f", imported at {m['import_rate']:,.0f} items/s" if m["import_rate"] else ""
    lines = [
        f"{m['n']:,} items, archive {m['archive_mb']:,.0f} MB{rate}",
        f"  positional index {m['index_mb']:,.0f} MB = {m['index_mb'] * per_100k:.0f} MB per"
        f" 100k items, its context {m['context_mb']:,.0f} MB"
        f" (postings {m['postings_mb'] * per_100k:.0f} MB per 100k)",
        "  sessions map the index file" if m["index_file"] else
        "  no index file: sessions search from their own memory",
    ]
    common = [r for r in m["results"] if r["found"] >= m["n"] // 100]
    for label, chosen in (("common-word phrases", common), ("all phrases", m["results"])):
        warm = [t for r in chosen for t in r["warm"]]
        repeat = [t for r in chosen for t in r.get("repeat", [])]
        cold = [r["cold"] for r in chosen]
        old = [t for r in chosen for t in r["old"]]
        fts = [t for r in chosen for t in r["fts"]]
        lines += [
            f"  {label} ({len(chosen)}):",
            f"    positional, warm    {stats(warm)}   (cache {m['cache_mb']:.0f} MB, not answered"
            " before)",
            f"    positional, repeat  {stats(repeat)}   (its answer kept)",
            f"    positional, cold    {stats(cold)}",
            f"    candidate check     {stats(old)}   (newest {OLD_LIMIT:,} candidates only)",
        ]
        if fts:
            lines.append(f"    FTS5                {stats(fts)}")
    if m["results"] and m["results"][0]["fts"]:
        lines.append(f"  FTS5 build {m['fts_build_us']:.0f} µs per item (folding included)")
    p95 = float(np.percentile([t for r in common for t in r["warm"]] or [0], 95))
    verdict = "meets" if p95 <= BUDGET_P95_MS else "MISSES"
    lines.append(f"  common-word p95 {p95:.1f} ms ({verdict} the {BUDGET_P95_MS:.0f} ms budget)")
    lines.append(f"  checked against brute force on {m['sample']:,} items: {m['wrong']} wrong")
    lines.append(f"  RSS {m['rss_before_mb']:.0f} MB before the phrases, {m['rss_after_mb']:.0f}"
                 " MB after")
    lines.append("  phrase                                   found  old found  warm p50 ms")
    for r in m["results"]:
        lines.append(f"    {r['phrase'][:36]:36} {r['found']:9,} {r['old_found']:9,}"
                     f"  {np.percentile(r['warm'], 50):8.1f}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.bench_phrases",
                                     description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", default="100000")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--fts5", action="store_true", help="also build and time FTS5")
    parser.add_argument("--reuse", action="store_true",
                        help="the newest archive of each size, whatever code built it")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(measure(args.child, args.seed, args.fts5, args.reuse)))
        return 0
    print(f"phrase benchmark, {os.cpu_count()} cores")
    failed = False
    for n in (int(s) for s in args.sizes.split(",")):
        _, rate = archive_for(n, args.seed, args.reuse)
        done = subprocess.run(
            [sys.executable, "-m", "tests.bench.bench_phrases", "--child", str(n),
             "--seed", str(args.seed)] + (["--fts5"] if args.fts5 else [])
            + (["--reuse"] if args.reuse else []),
            check=True, stdout=subprocess.PIPE, text=True, cwd=ROOT,
        )
        measured = json.loads(done.stdout.strip().splitlines()[-1])
        measured["import_rate"] = measured["import_rate"] or rate
        print(report(measured), flush=True)
        common = [t for r in measured["results"] if r["found"] >= n // 100 for t in r["warm"]]
        failed |= measured["wrong"] > 0 or float(np.percentile(common or [0], 95)) > BUDGET_P95_MS
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
