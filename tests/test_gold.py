"""On real press items the parser has not been tuned on, dates and names meet the targets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from store.ingest.parser import parse_text
from store.ingest.participants import _same_surname
from store.model import Item
from store.text.russian import nominative_role
from store.text.wire import wire_lead

GOLD = Path(__file__).parent / "data" / "press_gold"


def _norm(name: str) -> str:
    return " ".join(name.replace(".", ". ").split()).casefold()


def _matches(found: str, gold: str) -> bool:
    """A found name matches a gold entry (alternatives split by "|") as written, or as the
    same surname with a consistent first name or initial (Russian case forms differ)."""
    for option in gold.split("|"):
        a, b = _norm(found), _norm(option)
        if a == b:
            return True
        fa, fb = a.split(), b.split()
        if _same_surname(fa[-1], fb[-1]) and (len(fa) == 1 or len(fb) == 1 or fa[0][0] == fb[0][0]):
            return True
    return False


def _texts(item: Item) -> tuple[str, str]:
    body = " ".join(item.body)
    return item.title + " " + body, body


def _openings(words: str) -> tuple[str, ...]:
    """The gold's opening words, and the same without the wire lead the parser takes off
    ("/ТАСС/", "MOSCOW, April 14 (TASS) -", "МОСКВА, 9 апреля. /ТАСС/.")."""
    lead = wire_lead(words)
    return tuple(dict.fromkeys((words, lead.text if lead is not None else words)))


def _find(items: list[Item], starts: str) -> Item | None:
    """The parsed item for a gold entry: its text (untitled items get a derived title, so
    the gold's opening words may start the body) opens with the entry's words."""
    for alternative in starts.split("|"):
        for opening in _openings(alternative):
            match = next((i for i in items if any(t.startswith(opening) for t in _texts(i))), None)
            if match is not None:
                return match
    return None


def score_corpus() -> tuple[float, float, int]:
    dates_right = dates_total = 0
    tp = fp = fn = 0
    for gold_file in sorted(GOLD.glob("*.gold.json")):
        text = gold_file.with_name(gold_file.name.replace(".gold.json", ".txt")).read_text("utf-8")
        items = parse_text(text, gold_file.name)
        for entry in json.loads(gold_file.read_text("utf-8"))["items"]:
            match = _find(items, entry["starts"])
            dates_total += 1
            accepted = entry["date"] if isinstance(entry["date"], list) else [entry["date"]]
            if match is not None and match.date in accepted:
                dates_right += 1
            found = [p.name for p in match.participants] if match else []
            unmatched = list(entry["participants"])
            for name in found:
                hit = next((g for g in unmatched if _matches(name, g)), None)
                if hit is None:
                    fp += 1
                else:
                    tp += 1
                    unmatched.remove(hit)
            fn += len(unmatched)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return dates_right / dates_total, f1, dates_total


def test_gold_corpus_dates_and_names_meet_the_targets(capsys: pytest.CaptureFixture[str]) -> None:
    date_accuracy, f1, count = score_corpus()
    with capsys.disabled():
        print(f"\npress_gold: {count} items, dates {date_accuracy:.2%}, name F1 {f1:.3f}")
    assert count >= 25
    assert date_accuracy >= 0.9
    assert f1 >= 0.8


def test_gold_items_end_where_their_last_paragraph_is() -> None:
    """Where the gold gives an item's last paragraph ("ends", or a list of acceptable
    ones), the parsed item ends there: nothing of the next item swallowed, nothing of its
    own split off."""
    wrong = []
    for gold_file in sorted(GOLD.glob("*.gold.json")):
        text = gold_file.with_name(gold_file.name.replace(".gold.json", ".txt")).read_text("utf-8")
        items = parse_text(text, gold_file.name)
        for entry in json.loads(gold_file.read_text("utf-8"))["items"]:
            if "ends" not in entry:
                continue
            match = _find(items, entry["starts"])
            last = match.body[-1] if match is not None and match.body else ""
            ends = entry["ends"] if isinstance(entry["ends"], list) else [entry["ends"]]
            if not any(last.startswith(_openings(end)) for end in ends):
                wrong.append((gold_file.name, entry["starts"], last[:60]))
    assert wrong == []


def _same_text(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _within(parsed: str, gold: str) -> bool:
    p, g = " ".join(parsed.split()).casefold(), " ".join(gold.split()).casefold()
    return g in p or (bool(p) and p in g)


def test_gold_roles_and_organisations_read_as_a_reader_files_them() -> None:
    """Where the gold files each person's role and organisation ("roles": name, role,
    organisation, "|" between acceptable readings), most people found carry them: the role
    as written or in the nominative People and the reader show it in (a Russian role may be
    written in any case), without the name or rank, the organisation containing the gold's or
    contained in it."""
    found = right = 0
    wrong = []
    for gold_file in sorted(GOLD.glob("*.gold.json")):
        text = gold_file.with_name(gold_file.name.replace(".gold.json", ".txt")).read_text("utf-8")
        items = parse_text(text, gold_file.name)
        for entry in json.loads(gold_file.read_text("utf-8"))["items"]:
            match = _find(items, entry["starts"])
            if "roles" not in entry or match is None:
                continue
            for name, role, org in entry["roles"]:
                person = next((p for p in match.participants if _matches(p.name, name)), None)
                if person is None:
                    continue
                found += 1
                readings = (person.role, nominative_role(person.role))
                if any(_same_text(p, r) for p in readings for r in role.split("|")) and any(
                    _within(person.organisation, o) for o in org.split("|")
                ):
                    right += 1
                else:
                    wrong.append((person.name, person.role, person.organisation))
    assert found >= 40
    assert right / found >= 0.85, wrong


def test_gold_items_are_of_the_kind_a_reader_files_them_under() -> None:
    """Where the gold gives an item's kind (news, speech, statement, interview; "|" between
    acceptable readings), the parsed item has it."""
    wrong = []
    for gold_file in sorted(GOLD.glob("*.gold.json")):
        text = gold_file.with_name(gold_file.name.replace(".gold.json", ".txt")).read_text("utf-8")
        items = parse_text(text, gold_file.name)
        for entry in json.loads(gold_file.read_text("utf-8"))["items"]:
            if "kind" not in entry:
                continue
            match = _find(items, entry["starts"])
            if match is None or match.kind not in entry["kind"].split("|"):
                wrong.append((gold_file.name, entry["starts"][:50], match and match.kind))
    assert wrong == []
