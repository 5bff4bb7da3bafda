"""A database of hostile articles (ingested with the CLI) and a real server over it, shared by this folder."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from security.hostile_markup import (
    ALL_PAYLOADS,
    ATTRIBUTE,
    SCRIPT,
    TEXTAREA,
    hostile_records,
    write_records,
)
from security.live_server import live_server, run_cli, wait_for_job

TOKEN = "hostile-suite-token-5d1f0c"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@dataclass(frozen=True)
class HostileSite:
    base: str
    db: Path
    records: Path
    story_ids: list[str]
    article_ids: list[str]
    job_ids: list[str]


@pytest.fixture(scope="session")
def hostile_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("hostile")
    records = write_records(folder / "hostile.jsonl", hostile_records())
    db = folder / "news.db"
    done = run_cli(["ingest", str(records), "--db", str(db), "--json"])
    assert done.returncode == 0, done.stderr
    return db, records


def _submit_jobs(base: str) -> list[str]:
    """One pasted hostile article, and one hostile private address the server refuses (a failed item)."""
    pasted = {"text": f"Storm damage in Lakeside. {ALL_PAYLOADS}", "title": f"{SCRIPT}{ATTRIBUTE}",
              "outlet": TEXTAREA, "url": "javascript:alert(3)"}
    urls = {"urls": [f"http://127.0.0.1:9/{SCRIPT}?q={ATTRIBUTE}"]}
    jobs = [
        httpx.post(f"{base}/api/ingest/text", json=pasted, headers=AUTH, timeout=60),
        httpx.post(f"{base}/api/ingest/urls", json=urls, headers=AUTH, timeout=60),
    ]
    assert [job.status_code for job in jobs] == [202, 202], [job.text for job in jobs]
    ids = [job.json()["id"] for job in jobs]
    for job_id in ids:
        wait_for_job(base, job_id)
    return ids


@pytest.fixture(scope="session")
def hostile_site(hostile_db: tuple[Path, Path]) -> Iterator[HostileSite]:
    db, records = hostile_db
    with live_server(db, TOKEN) as server:
        job_ids = _submit_jobs(server.base)
        with sqlite3.connect(db) as connection:
            stories = [row[0] for row in connection.execute("SELECT id FROM stories")]
            articles = [row[0] for row in connection.execute("SELECT id FROM articles")]
        yield HostileSite(server.base, db, records, stories, articles, job_ids)
