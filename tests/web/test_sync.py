"""`pressroom fetch` and `pressroom sync` as cron runs them: real subprocesses against the
loopback press site; exit codes, summaries, the lock, and a sync killed mid-way."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from filelock import FileLock

from store import Archive
from tests.web import site_server as routes
from tests.web.site_server import PressSite

ROOT = Path(__file__).resolve().parents[2]
FAST = """
[politeness]
per_host_interval = 0.0
retries = 1
backoff = 0.01
read_timeout = {read_timeout}
"""


def config(tmp_path: Path, site: PressSite, sources: list[tuple[str, str]],
           read_timeout: float = 1.0) -> Path:
    text = f'archive = "{tmp_path / "archive.sqlite3"}"\n' + FAST.format(
        read_timeout=read_timeout)
    for name, path in sources:
        text += f'\n[[source]]\nname = "{name}"\nurl = "{site.url(path)}"\n'
    file = tmp_path / "config.toml"
    file.write_text(text, encoding="utf-8")
    return file


def pressroom(*args: str, tmp_path: Path) -> subprocess.Popen:
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data"),
           "XDG_CONFIG_HOME": str(tmp_path / "config")}
    return subprocess.Popen([sys.executable, "-m", "tui", *args], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def run(*args: str, tmp_path: Path) -> subprocess.CompletedProcess:
    process = pressroom(*args, tmp_path=tmp_path)
    out, err = process.communicate(timeout=120)
    return subprocess.CompletedProcess(args, process.returncode, out, err)


def test_sync_reports_each_source_and_exits_1_naming_the_one_that_failed(
    site: PressSite, tmp_path: Path
) -> None:
    file = config(tmp_path, site, [("CSTO news", "/en/rss.xml"), ("gone", "/old/rss.xml"),
                                   ("ODKB", "/ru/atom.xml")])
    result = run("sync", "--config", str(file), tmp_path=tmp_path)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "CSTO news: new 7, changed 0, unchanged 0",
        "gone: new 0, changed 0, unchanged 0, failed 1",
        "ODKB: new 4, changed 0, unchanged 0",
    ]
    assert f"pressroom: {site.url('/old/rss.xml')}: HTTP 404" in result.stderr
    assert "1 of 3 sources failed: gone" in result.stderr
    with Archive.open(tmp_path / "archive.sqlite3", readonly=True) as archive:
        assert len(archive) == 11
    again = run("sync", "--config", str(file), tmp_path=tmp_path)
    assert "CSTO news: new 0, changed 0, unchanged 1" in again.stdout


def test_sync_exits_0_when_every_source_was_reached_and_2_for_a_bad_config(
    site: PressSite, tmp_path: Path
) -> None:
    file = config(tmp_path, site, [("CSTO news", "/en/rss.xml")])
    assert run("sync", "--config", str(file), tmp_path=tmp_path).returncode == 0
    file.write_text(file.read_text() + 'colour = "red"\n')
    bad = run("sync", "--config", str(file), tmp_path=tmp_path)
    assert bad.returncode == 2
    assert bad.stderr.strip().startswith(f"pressroom: {file}:")
    assert "colour: unknown key" in bad.stderr and "Traceback" not in bad.stderr


def test_two_syncs_never_overlap(site: PressSite, tmp_path: Path) -> None:
    file = config(tmp_path, site, [("CSTO news", "/en/rss.xml")])
    with FileLock(str(tmp_path / "archive.sqlite3") + ".sync-lock"):
        result = run("sync", "--config", str(file), tmp_path=tmp_path)
    assert result.returncode == 2
    assert "another sync is running on this archive" in result.stderr
    assert site.log == []


@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGKILL])
def test_a_sync_killed_mid_way_keeps_the_sources_committed_before(
    site: PressSite, tmp_path: Path, how: signal.Signals
) -> None:
    site.routes["/hang.xml"] = routes.slow(30.0)
    file = config(tmp_path, site, [("CSTO news", "/en/rss.xml"), ("ODKB", "/ru/atom.xml"),
                                   ("slow", "/hang.xml")], read_timeout=60.0)
    process = pressroom("sync", "--config", str(file), tmp_path=tmp_path)
    assert process.stdout is not None
    committed = [process.stdout.readline(), process.stdout.readline()]
    assert [line.split(":")[0] for line in committed] == ["CSTO news", "ODKB"]
    deadline = time.monotonic() + 60
    while not site.requests("/hang.xml") and time.monotonic() < deadline:
        time.sleep(0.05)
    process.send_signal(how)
    process.communicate(timeout=30)
    assert process.returncode == (143 if how == signal.SIGTERM else -9)
    with Archive.open(tmp_path / "archive.sqlite3") as archive:
        assert len(archive) == 11
    site.routes["/hang.xml"] = routes.page("en/news/2024/12/05/imemo-meeting.html")
    after = run("sync", "--config", str(file), tmp_path=tmp_path)
    assert after.returncode == 0, after.stderr
    assert "slow: new 0, changed 0, unchanged 1" in after.stdout  # its page came by RSS


def test_fetch_dry_run_json_prints_items_and_writes_nothing(
    site: PressSite, tmp_path: Path
) -> None:
    archive = tmp_path / "archive.sqlite3"
    result = run("fetch", site.url("/en/rss.xml"), "--dry-run", "--json", "--limit", "2",
                 "--archive", str(archive), tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    items = [json.loads(line) for line in result.stdout.splitlines()]
    assert [i["date"] for i in items] == ["2024-12-05", "2024-12-03"]
    assert not archive.exists()


def test_fetch_imports_and_a_second_fetch_adds_nothing(site: PressSite, tmp_path: Path) -> None:
    archive = tmp_path / "archive.sqlite3"
    url = site.url("/en/news/2024/12/05/imemo-meeting.html")
    first = run("fetch", url, "--archive", str(archive), tmp_path=tmp_path)
    assert first.returncode == 0, first.stderr
    assert first.stdout.strip() == f"{url}: new 1, changed 0, unchanged 0"
    again = run("fetch", url + "?utm_source=mail", "--archive", str(archive), tmp_path=tmp_path)
    assert "new 0" in again.stdout
    with Archive.open(archive, readonly=True) as opened:
        assert len(opened) == 1


def test_fetch_refuses_what_is_not_http(tmp_path: Path) -> None:
    result = run("fetch", "file:///etc/passwd", "--dry-run", tmp_path=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip() == "pressroom: file:///etc/passwd: not an http(s) URL"


def test_every_subcommand_accepts_config(site: PressSite, tmp_path: Path) -> None:
    file = config(tmp_path, site, [("CSTO news", "/en/rss.xml")])
    shown = run("config", "show", "--config", str(file), tmp_path=tmp_path)
    assert shown.returncode == 0
    assert f'archive = "{tmp_path / "archive.sqlite3"}"' in shown.stdout
    assert 'name = "CSTO news"' in shown.stdout
    listed = run("list", "--config", str(file), tmp_path=tmp_path)
    assert listed.returncode == 2 and "no archive" in listed.stderr  # config's archive used
