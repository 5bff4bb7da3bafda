"""For the SIGKILL tests: generated articles, killing a real CLI process at a moment, and database checks."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from reliability_support import cli_command, cli_env, integrity

PEOPLE = ["Kim Jong Un", "Sergei Shoigu", "Cheong Seong-chang", "Yoon Suk Yeol", "Fumio Kishida"]
PLACES = ["Pyongyang", "Seoul", "Tokyo", "Moscow", "Beijing", "Vladivostok"]
THINGS = ["missile engines", "artillery shells", "launcher trucks", "drones", "scoped rifles", "tanks"]
OUTLETS = ["WION", "Reuters", "NK News", "AP", "Yonhap"]


def write_articles(folder: Path, count: int, seed: int, first: int = 0) -> dict[str, str]:
    """`count` small distinct .txt articles with header lines; returns marker word -> file name.
    Each body holds a unique marker word, so its full-text row can be looked up."""
    chooser = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    markers: dict[str, str] = {}
    for number in range(first, first + count):
        marker = f"zqmark{number:04d}"
        sentences = [
            f"{chooser.choice(PEOPLE)} visited {chooser.choice(PLACES)} to inspect "
            f"{chooser.randint(2, 90)} {chooser.choice(THINGS)}, {chooser.choice(OUTLETS)} reported."
            for _ in range(chooser.randint(3, 8))
        ]
        body = " ".join(sentences) + f" Reference {marker}."
        name = f"{number:04d}.txt"
        outlet = chooser.choice(OUTLETS)
        header = f"title: Report {number}\nsource: {outlet}\ndate: 2023-08-{number % 28 + 1:02d}\n"
        (folder / name).write_text(f"{header}\n{body}\n", encoding="utf-8")
        markers[marker] = name
    return markers


def start_cli(*args: str, cwd: Path) -> subprocess.Popen[bytes]:
    """`corroborator ARGS...` in its own session (so any worker it leaves behind can be found)."""
    env = cli_env()
    return subprocess.Popen(
        cli_command(*args), cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        start_new_session=True,
    )


def kill_when(
    process: subprocess.Popen[bytes], ready: Callable[[], bool], delay: float, limit: float
) -> bool:
    """SIGKILL `process` `delay` seconds after `ready()` first holds; False if it ended first.
    Any process it started (same session) is killed with it, as an OOM killer or power loss would."""
    started = time.monotonic()
    while process.poll() is None and not ready():
        if time.monotonic() - started > limit:
            break
        time.sleep(0.01)
    time.sleep(delay)
    if process.poll() is not None:
        process.communicate()
        return False
    process.send_signal(signal.SIGKILL)
    process.communicate()
    _kill_session_leftovers(process.pid)
    return True


def _kill_session_leftovers(session: int) -> None:
    """Kill what is left of the session `session` that this test started (workers of a killed CLI)."""
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[3]) == session:
            with suppress(ProcessLookupError):
                os.kill(int(entry.name), signal.SIGKILL)


def article_count(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.05)
        try:
            return int(connection.execute("SELECT count(*) FROM articles").fetchone()[0])
        finally:
            connection.close()
    except sqlite3.Error:
        return 0


def whole_articles_problems(
    db: Path, reference: dict[str, tuple[object, ...]], markers: dict[str, str]
) -> list[str]:
    """What is wrong with the stored articles: integrity, a row unlike the reference run's, a missing field,
    an article without its full-text row. Empty when every stored article is whole (or none is stored)."""
    if not db.exists():
        return []
    problems = [] if integrity(db) == "ok" else [f"integrity_check: {integrity(db)}"]
    connection = sqlite3.connect(db)
    try:
        connection.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")
    except sqlite3.DatabaseError as error:
        problems.append(f"full-text index: {error}")
    try:
        rows = connection.execute(f"SELECT {ROW_COLUMNS}, seq FROM articles").fetchall()
        for row in rows:
            fields, seq = tuple(row[:-1]), row[-1]
            if fields != reference.get(str(fields[0])):
                problems.append(f"article {fields[0]} differs from the uninterrupted run: {fields}")
            marker = next((word for word in str(fields[2]).split() if word.startswith("zqmark")), "")
            found = connection.execute(
                "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?", (marker.rstrip("."),)
            ).fetchall()
            if marker.rstrip(".") not in markers or found != [(seq,)]:
                problems.append(f"article {fields[0]} has full-text rows {found} for {marker!r}")
    except sqlite3.DatabaseError as error:
        problems.append(f"{type(error).__name__}: {error}")
    finally:
        connection.close()
    return problems


SMALL_DISK_BYTES = 2 * 1024 * 1024
"""Room for a database of 20 small articles and its WAL, not for 300 more."""


@contextmanager
def small_disk(mount_point: Path, size: int) -> Iterator[Path]:
    """A tmpfs of `size` bytes at `mount_point` (this machine's tests run as root), unmounted afterwards."""
    mount_point.mkdir(parents=True, exist_ok=True)
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(mount_point)],
        capture_output=True, text=True, check=False,
    )
    if mounted.returncode != 0:
        raise RuntimeError(f"cannot mount a small tmpfs (the test needs root): {mounted.stderr.strip()}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "--lazy", str(mount_point)], capture_output=True, check=False)


ROW_COLUMNS = (
    "id, title, text, url, outlet, published, published_source, author, origin, removed, previous_id"
)


def reference_rows(db: Path) -> dict[str, tuple[object, ...]]:
    connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return {str(row[0]): tuple(row) for row in connection.execute(f"SELECT {ROW_COLUMNS} FROM articles")}
    finally:
        connection.close()
