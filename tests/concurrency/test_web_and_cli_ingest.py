"""Three writers on one database at once: a real `corroborator serve` taking ingest jobs through its API
and two `corroborator ingest` processes, over distinct and overlapping ECB+ articles. Afterwards every article
is stored once with its analysis and exactly one story, the database is intact, and no lock error was seen."""

from __future__ import annotations

import json
import sqlite3
import subprocess
from pathlib import Path
from typing import Any

import httpx
import pytest

from corroborator.ingest import read_sources
from corroborator.types import Article
from security.live_server import CLI, ROOT, cli_env, live_server, wait_for_job

pytestmark = pytest.mark.slow

ECBPLUS = ROOT / ".." / "shared" / "data" / "ecbplus_traindev.jsonl"
TOKEN = "concurrency-token-8c2e41"
PER_WRITER = 30
SHARED = 8
SERVER_JOBS = 3
LOCKED = "database is locked"


def ecbplus_records(count: int) -> list[dict[str, Any]]:
    with ECBPLUS.open(encoding="utf-8") as lines:
        return [json.loads(next(lines)) for _ in range(count)]


def writer_inputs(folder: Path) -> dict[str, list[Path]]:
    """30 records per writer; each writer shares 8 with the next (and the server with the first CLI)."""
    records = ecbplus_records(3 * PER_WRITER)
    step = PER_WRITER - SHARED
    slices = {"cli_a": records[0:PER_WRITER], "cli_b": records[step : step + PER_WRITER]}
    server = records[2 * step : 2 * step + PER_WRITER - SHARED] + records[:SHARED]
    inputs = {name: [_write(folder / f"{name}.jsonl", part)] for name, part in slices.items()}
    size = -(-len(server) // SERVER_JOBS)
    inputs["server"] = [
        _write(folder / f"server_{n}.jsonl", server[n * size : (n + 1) * size]) for n in range(SERVER_JOBS)
    ]
    return inputs


def _write(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    return path


def expected_ids(paths: list[Path]) -> set[str]:
    items = list(read_sources([str(path) for path in paths]))
    assert all(isinstance(item, Article) for item in items), items
    return {item.id for item in items if isinstance(item, Article)}


def start_cli(path: Path, db: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [CLI, "ingest", str(path), "--db", str(db), "--json"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=cli_env(),
    )


def submit_upload(base: str, path: Path) -> str:
    files = {"files": (path.name, path.read_bytes(), "application/jsonl")}
    response = httpx.post(
        f"{base}/api/ingest/files", files=files, headers={"Authorization": f"Bearer {TOKEN}"}, timeout=60
    )
    assert response.status_code == 202, response.text
    job_id: str = response.json()["id"]
    return job_id


def database_facts(db: Path) -> dict[str, Any]:
    with sqlite3.connect(db) as connection:
        def column(sql: str) -> list[Any]:
            return [row[0] for row in connection.execute(sql)]

        return {
            "ids": column("SELECT id FROM articles"),
            "versions": column("SELECT id FROM articles WHERE previous_id IS NOT NULL"),
            "unanalysed": column(
                "SELECT id FROM articles WHERE id NOT IN (SELECT article_id FROM analyses)"
            ),
            "memberships": column("SELECT article_id FROM story_members"),
            "empty_stories": column(
                "SELECT id FROM stories WHERE id NOT IN (SELECT story_id FROM story_members)"
            ),
            "integrity": column("PRAGMA integrity_check"),
            "foreign_keys": column("PRAGMA foreign_key_check"),
        }


def test_server_jobs_and_two_cli_ingests_at_once(tmp_path: Path) -> None:
    inputs = writer_inputs(tmp_path)
    wanted = expected_ids([path for paths in inputs.values() for path in paths])
    assert len(wanted) == 3 * PER_WRITER - 2 * SHARED - SHARED
    db = tmp_path / "news.db"
    with live_server(db, TOKEN) as server:
        jobs = [submit_upload(server.base, path) for path in inputs["server"][:1]]
        clis = [start_cli(inputs[name][0], db) for name in ("cli_a", "cli_b")]
        jobs += [submit_upload(server.base, path) for path in inputs["server"][1:]]
        outputs = [process.communicate(timeout=600) for process in clis]
        results = [wait_for_job(server.base, job_id, timeout=600) for job_id in jobs]
        server_log = server.log()
    for process, (stdout, stderr) in zip(clis, outputs, strict=True):
        assert process.returncode == 0, stderr
        assert LOCKED not in stdout + stderr
        assert json.loads(stdout)["failed"] == [], stdout
    for job in results:
        assert job["status"] == "done" and job["result"]["failed"] == 0, job
    assert LOCKED not in json.dumps(results) and LOCKED not in server_log, server_log
    facts = database_facts(db)
    assert sorted(facts["ids"]) == sorted(wanted)
    assert facts["versions"] == [] and facts["unanalysed"] == []
    assert sorted(facts["memberships"]) == sorted(wanted)
    assert facts["empty_stories"] == []
    assert facts["integrity"] == ["ok"] and facts["foreign_keys"] == []
