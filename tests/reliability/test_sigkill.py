"""SIGKILL at random moments (seeded): `corroborator ingest` and `corroborator batch` leave nothing broken,
and running the command again ends exactly where an uninterrupted run does. Plus a full disk on ingest."""

from __future__ import annotations

import json
import random
import sqlite3
import time
from functools import partial as partial_function
from pathlib import Path

import pytest
from kill_support import (
    PEOPLE,
    PLACES,
    SMALL_DISK_BYTES,
    THINGS,
    article_count,
    kill_when,
    reference_rows,
    small_disk,
    start_cli,
    whole_articles_problems,
    write_articles,
)
from reliability_support import integrity, run_cli

INGEST_KILLS = 20
KILLS_PER_DATABASE = 4
BATCH_KILLS = 5
SEED = 20230806


@pytest.mark.slow
@pytest.mark.timeout(400)
def test_ingest_killed_at_random_moments_keeps_whole_articles_and_resumes(tmp_path: Path) -> None:
    markers = write_articles(tmp_path / "in", 600, SEED)
    source = str(tmp_path / "in")
    started = time.monotonic()
    done = run_cli("ingest", "--no-analyze", "--db", str(tmp_path / "reference.db"), source, cwd=tmp_path)
    whole_run = time.monotonic() - started
    assert done.returncode == 0 and "added 600," in done.stdout, done.stderr
    reference = reference_rows(tmp_path / "reference.db")
    chooser = random.Random(SEED)
    kills = partial = mid_write_rounds = 0
    for round_number in range(INGEST_KILLS):
        db = tmp_path / f"killed-{round_number // KILLS_PER_DATABASE}.db"
        before = article_count(db)
        process = start_cli("ingest", "--no-analyze", "--db", str(db), source, cwd=tmp_path)
        if round_number % KILLS_PER_DATABASE == 1:  # anywhere from start-up on: reading, opening, migrating
            # Within the first 80 % of an uninterrupted run, so the kill lands while the run is still going.
            killed = kill_when(process, lambda: True, chooser.uniform(0.0, 0.8 * whole_run), 60)
        else:  # while articles are being written
            mid_write_rounds += 1
            killed = kill_when(process, partial_function(_grew, db, before), chooser.uniform(0, 0.03), 60)
            partial += before < article_count(db) < len(reference)
        kills += killed
        assert whole_articles_problems(db, reference, markers) == [], f"round {round_number}"
        if round_number % KILLS_PER_DATABASE == KILLS_PER_DATABASE - 1:
            resumed = run_cli("ingest", "--no-analyze", "--db", str(db), source, cwd=tmp_path)
            assert resumed.returncode == 0, resumed.stderr
            assert reference_rows(db) == reference
            assert whole_articles_problems(db, reference, markers) == []
    assert kills >= INGEST_KILLS - 2, f"only {kills} runs were still going when killed"
    assert partial >= mid_write_rounds - 3, (
        f"only {partial} of {mid_write_rounds} kills aimed at writing landed mid-write"
    )


def _grew(db: Path, count: int) -> bool:
    return article_count(db) > count


def _more_shards(out: Path, count: int) -> bool:
    return len(_shard_files(out)) > count


def _write_batch_input(path: Path, count: int) -> None:
    chooser = random.Random(SEED)
    lines = []
    for number in range(count):
        sentences = [
            f"{chooser.choice(PEOPLE)} visited {chooser.choice(PLACES)} to inspect {chooser.randint(2, 90)} "
            f"{chooser.choice(THINGS)} on August {chooser.randint(1, 9)}, 2023."
            for _ in range(chooser.randint(3, 6))
        ]
        record = {"id": f"a{number}", "title": f"Report {number}", "text": " ".join(sentences),
                  "outlet": chooser.choice(["WION", "AP"]), "published": "2023-08-06"}
        lines.append(json.dumps(record))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _batch(source: Path, out: Path) -> list[str]:
    return ["batch", str(source), "--out", str(out), "--no-briefs", "--no-parquet", "--workers", "1",
            "--shard-size", "8"]


def _shard_files(out: Path) -> list[Path]:
    return sorted((out / "shards").glob("*.jsonl")) if (out / "shards").exists() else []


def _complete_shard_problems(out: Path) -> list[str]:
    problems = []
    for shard in _shard_files(out):
        lines = shard.read_text(encoding="utf-8").splitlines()
        header = json.loads(lines[0])
        if header["records"] != len(lines) - 1:
            problems.append(f"{shard.name}: {len(lines) - 1} records, header says {header['records']}")
        for line in lines[1:]:
            json.loads(line)
    return problems


@pytest.mark.slow
@pytest.mark.timeout(400)
def test_batch_killed_during_analysis_resumes_to_identical_outputs(tmp_path: Path) -> None:
    source = tmp_path / "news.jsonl"
    _write_batch_input(source, 80)
    out = tmp_path / "killed"
    chooser = random.Random(SEED)
    kills = 0
    for _ in range(BATCH_KILLS):
        shards_before = len(_shard_files(out))
        process = start_cli(*_batch(source, out), cwd=tmp_path)
        more_shards = partial_function(_more_shards, out, shards_before)
        killed = kill_when(process, more_shards, chooser.uniform(0.0, 0.4), 120)
        kills += killed
        assert _complete_shard_problems(out) == []
        assert not (out / "articles.jsonl").exists()
    assert kills >= BATCH_KILLS - 1 and len(_shard_files(out)) >= BATCH_KILLS
    reference = run_cli(*_batch(source, tmp_path / "reference"), cwd=tmp_path)
    assert reference.returncode == 0, reference.stderr
    finished = run_cli(*_batch(source, out), cwd=tmp_path)
    assert finished.returncode == 0, finished.stderr
    summary = json.loads((out / "summary.jsonl").read_text(encoding="utf-8"))
    assert summary["shards_skipped"] > 0, summary
    for name in ("articles.jsonl", "stories.jsonl", "rejects.jsonl"):
        assert (out / name).read_bytes() == (tmp_path / "reference" / name).read_bytes(), name
    assert not list((out / "shards").glob("*.tmp"))


@pytest.mark.slow
def test_ingest_onto_a_full_disk_fails_in_one_line_and_keeps_what_was_stored(tmp_path: Path) -> None:
    write_articles(tmp_path / "first", 20, SEED)
    write_articles(tmp_path / "more", 300, SEED + 1, first=20)
    with small_disk(tmp_path / "disk", SMALL_DISK_BYTES) as disk:
        db = disk / "news.db"
        first = run_cli("ingest", "--no-analyze", "--db", str(db), str(tmp_path / "first"), cwd=tmp_path)
        assert first.returncode == 0 and "added 20," in first.stdout, first.stderr
        stored = reference_rows(db)
        done = run_cli("ingest", "--no-analyze", "--db", str(db), str(tmp_path / "more"), cwd=tmp_path)
        report = done.stdout + done.stderr
        assert "Traceback" not in report and "unexpected" not in report, report
        assert integrity(db) == "ok"
        after = reference_rows(db)
        assert {key: after[key] for key in stored} == stored
        assert 20 <= len(after) < 320
        assert whole_articles_problems(db, after, _markers_in(after)) == []
        # A full disk stops the ingest with one error line; not one "failed" line per remaining article.
        assert done.returncode == 1, report
        assert report.count("the disk is full") == 1 and done.stderr.startswith("error: "), report


def _markers_in(rows: dict[str, tuple[object, ...]]) -> dict[str, str]:
    words = (word.rstrip(".") for row in rows.values() for word in str(row[2]).split())
    return {word: word for word in words if word.startswith("zqmark")}


def test_the_whole_article_check_sees_a_missing_index_row_and_a_changed_field(tmp_path: Path) -> None:
    markers = write_articles(tmp_path / "in", 5, SEED)
    db = tmp_path / "news.db"
    stored = run_cli("ingest", "--no-analyze", "--db", str(db), str(tmp_path / "in"), cwd=tmp_path)
    assert stored.returncode == 0, stored.stderr
    reference = reference_rows(db)
    assert whole_articles_problems(db, reference, markers) == []
    connection = sqlite3.connect(db)
    seq, title, text = connection.execute("SELECT seq, title, text FROM articles ORDER BY seq").fetchone()
    delete = "INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', ?, ?, ?)"
    connection.execute(delete, (seq, title, text))
    connection.execute("UPDATE articles SET author = 'someone else' WHERE seq = 2")
    connection.commit()
    connection.close()
    problems = whole_articles_problems(db, reference, markers)
    assert any("differs from the uninterrupted run" in problem for problem in problems)
    assert any("malformed" in problem or "full-text rows []" in problem for problem in problems), problems
