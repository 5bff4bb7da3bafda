"""Soak the web app: a steady request rate for minutes against `corroborator serve`, ingest jobs mixed in.

The database holds the two seeds and a few hundred ECB+ articles, ingested first with the CLI. A real
`corroborator serve` runs as its own process on 127.0.0.1; this process sends `--rate` requests per second
(story list, story pages, article pages, search, and their JSON twins) for `--seconds`, and submits an ingest
job (one pasted ECB+ article not yet stored) every `--ingest-every` seconds. The loop is bounded: it sends
exactly rate * seconds requests, then stops.

Reports the error rate (must be 0), the server's RSS at start, middle and end (flat memory: end within 10% of
middle) and p50/p95/p99 latency; `--json` prints the report as JSON; the exit status is 1 if a check fails.

    .venv/bin/python bench/soak_web.py                        # 5 minutes at 50 req/s, 300 ECB+ articles
    .venv/bin/python bench/soak_web.py --seconds 20 --articles 20 --json
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import secrets
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
ECBPLUS = ROOT / ".." / "shared" / "data" / "ecbplus_traindev.jsonl"
SEEDS = ROOT / "examples" / "seeds"
CLI = str(Path(sys.executable).with_name("corroborator"))
STARTUP_SECONDS = 120
MAX_RSS_GROWTH = 0.10
SEARCH_WORDS = ("earthquake", "police", "Kim", "missile", "fire", "killed", "award", "arrested", "ship")
BAD_LOG_WORDS = ("Traceback", "database is locked", "ERROR")


@dataclass
class Outcome:
    sent: int = 0
    warm_up_seconds: float = 0.0
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    rss_kb: dict[str, int] = field(default_factory=dict)
    jobs: list[dict[str, Any]] = field(default_factory=list)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seconds", type=float, default=300.0, help="How long to send requests.")
    parser.add_argument("--rate", type=float, default=50.0, help="Requests per second.")
    parser.add_argument("--articles", type=int, default=300, help="ECB+ articles ingested before the soak.")
    parser.add_argument("--ingest-every", type=float, default=20.0, help="Seconds between ingest jobs.")
    parser.add_argument("--concurrency", type=int, default=16, help="Requests in flight at most.")
    parser.add_argument("--workdir", type=Path, default=None, help="Folder for the database (default: temp).")
    parser.add_argument("--json", action="store_true", help="Print the report as JSON.")
    return parser.parse_args(argv)


def ecbplus_records(skip: int, count: int) -> list[dict[str, Any]]:
    with ECBPLUS.open(encoding="utf-8") as lines:
        records = [json.loads(line) for line in lines]
    return records[skip : skip + count]


def build_database(workdir: Path, articles: int) -> Path:
    """Seeds plus the first `articles` ECB+ records, ingested with `corroborator ingest`."""
    db = workdir / "news.db"
    subset = workdir / "ecbplus_subset.jsonl"
    with subset.open("w", encoding="utf-8") as sink:
        for record in ecbplus_records(0, articles):
            sink.write(json.dumps(record, ensure_ascii=False) + "\n")
    command = [CLI, "ingest", str(SEEDS), str(subset), "--db", str(db)]
    done = subprocess.run(command, capture_output=True, text=True, env=server_env(None), check=False)
    if done.returncode != 0:
        raise SystemExit(f"ingest failed ({done.returncode}): {done.stderr.strip()}")
    return db


def server_env(token: str | None) -> dict[str, str]:
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    if token is not None:
        env["CORROBORATOR_TOKEN"] = token
    return env


class Server:
    """`corroborator serve` on a free loopback port, its stderr collected by a thread."""

    def __init__(self, db: Path, token: str, extra: tuple[str, ...] = ()) -> None:
        self.process = subprocess.Popen(
            [CLI, "serve", "--port", "0", "--db", str(db), *extra],
            env=server_env(token), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )
        self.lines: list[str] = []
        self._announced = threading.Event()
        self.base = ""
        threading.Thread(target=self._read, daemon=True).start()
        if not self._announced.wait(STARTUP_SECONDS):
            self.stop()
            raise SystemExit(f"the server did not start within {STARTUP_SECONDS} s: {self.log()}")

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.append(line)
            found = re.search(r"serving (http://\S+?)/ ", line)
            if found:
                self.base = found.group(1)
                self._announced.set()
        self._announced.set()

    def log(self) -> str:
        return "".join(self.lines)

    def rss_kb(self) -> int:
        status = Path(f"/proc/{self.process.pid}/status").read_text(encoding="utf-8")
        found = re.search(r"^VmRSS:\s+(\d+) kB", status, re.MULTILINE)
        return int(found.group(1)) if found else 0

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=30)


@contextmanager
def running_server(db: Path, token: str) -> Iterator[Server]:
    server = Server(db, token)
    try:
        yield server
    finally:
        server.stop()


def collect_paths(base: str) -> list[str]:
    """Every page the soak visits: lists, searches, stories and articles with their JSON twins."""
    stories = httpx.get(f"{base}/api/stories", params={"per_page": 100}, timeout=120).json()["items"]
    articles = httpx.get(f"{base}/api/articles", params={"per_page": 100}, timeout=120).json()["items"]
    paths = ["/", "/articles", "/api/stories", "/api/articles", "/?page=2"]
    paths += [f"/articles?q={word}" for word in SEARCH_WORDS] + [f"/api/articles?q={w}" for w in SEARCH_WORDS]
    paths += [f"/?q={word}" for word in SEARCH_WORDS]
    for story in stories:
        paths += [f"/stories/{story['id']}", f"/stories/{story['id']}.json"]
    for article in articles:
        paths += [f"/articles/{article['id']}", f"/articles/{article['id']}.json"]
    return paths


async def fetch(client: httpx.AsyncClient, path: str, outcome: Outcome) -> None:
    started = time.perf_counter()
    outcome.sent += 1
    try:
        response = await client.get(path)
    except httpx.HTTPError as error:
        outcome.errors.append(f"GET {path}: {type(error).__name__}: {error}")
        return
    outcome.latencies.append(time.perf_counter() - started)
    if response.status_code != 200:
        outcome.errors.append(f"GET {path}: HTTP {response.status_code}: {response.text[:200]}")


async def ingest_one(client: httpx.AsyncClient, record: dict[str, Any], token: str, outcome: Outcome) -> None:
    """Submit one pasted article as a job and wait until it ends; a failed job is an error."""
    body = {"text": record["text"], "title": record.get("title") or record["text"][:60]}
    response = await client.post("/api/ingest/text", json=body, headers={"Authorization": f"Bearer {token}"})
    if response.status_code != 202:
        outcome.errors.append(f"POST /api/ingest/text: HTTP {response.status_code}: {response.text[:200]}")
        return
    job_id = response.json()["id"]
    for _ in range(1200):
        job: dict[str, Any] = (await client.get(f"/api/jobs/{job_id}")).json()
        if job["status"] in ("done", "failed"):
            outcome.jobs.append(job)
            if job["status"] != "done" or job["result"].get("failed"):
                outcome.errors.append(f"ingest job {job_id}: {job['status']}: {job.get('error')}")
            return
        await asyncio.sleep(0.5)
    outcome.errors.append(f"ingest job {job_id} did not end within 10 minutes")


async def warm_up(server: Server, paths: list[str], token: str, record: dict[str, Any], width: int) -> None:
    """Every path once and one ingest job (models loaded, briefs cached), so RSS is measured warm."""
    scratch = Outcome()
    gate = asyncio.Semaphore(width)
    async with httpx.AsyncClient(base_url=server.base, timeout=600) as client:

        async def one(path: str) -> None:
            async with gate:
                await fetch(client, path, scratch)

        await asyncio.gather(ingest_one(client, record, token, scratch), *(one(path) for path in paths))
    if scratch.errors:
        raise SystemExit(f"warm-up failed: {scratch.errors[:3]}")


async def soak(server: Server, args: argparse.Namespace, token: str, extra: list[dict[str, Any]]) -> Outcome:
    """Send rate * seconds requests on a fixed schedule, an ingest job every `ingest_every` seconds."""
    outcome = Outcome()
    paths = collect_paths(server.base)
    warming = time.monotonic()
    await warm_up(server, paths, token, extra.pop(), args.concurrency)
    outcome.warm_up_seconds = time.monotonic() - warming
    chooser = random.Random(7)
    total = int(args.rate * args.seconds)
    gate = asyncio.Semaphore(args.concurrency)
    limits = httpx.Limits(max_connections=args.concurrency + 2)
    async with httpx.AsyncClient(base_url=server.base, timeout=60, limits=limits) as client:

        async def one(path: str) -> None:
            async with gate:
                await fetch(client, path, outcome)

        outcome.rss_kb["start"] = server.rss_kb()
        started = time.monotonic()
        tasks: list[asyncio.Task[None]] = []
        next_ingest, jobs_sent = args.ingest_every / 2, 0
        for number in range(total):
            due = started + number / args.rate
            await asyncio.sleep(max(0.0, due - time.monotonic()))
            tasks.append(asyncio.create_task(one(chooser.choice(paths))))
            elapsed = time.monotonic() - started
            if elapsed >= next_ingest and jobs_sent < len(extra):
                tasks.append(asyncio.create_task(ingest_one(client, extra[jobs_sent], token, outcome)))
                jobs_sent, next_ingest = jobs_sent + 1, next_ingest + args.ingest_every
            if number == total // 2:
                outcome.rss_kb["middle"] = server.rss_kb()
        await asyncio.gather(*tasks)
        outcome.rss_kb["end"] = server.rss_kb()
    return outcome


def percentile(values: list[float], share: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def report(outcome: Outcome, server_log: str, args: argparse.Namespace, seconds: float) -> dict[str, Any]:
    requests = outcome.sent + len(outcome.jobs)
    middle, end = outcome.rss_kb.get("middle", 0), outcome.rss_kb.get("end", 0)
    bad_log = [line for line in server_log.splitlines() if any(word in line for word in BAD_LOG_WORDS)]
    growth = (end - middle) / middle if middle else float("nan")
    return {
        "seconds": round(seconds, 1),
        "requests": requests,
        "achieved_rate": round(len(outcome.latencies) / seconds, 1) if seconds else 0.0,
        "errors": len(outcome.errors),
        "error_rate": len(outcome.errors) / requests if requests else 0.0,
        "first_errors": outcome.errors[:5],
        "ingest_jobs": len(outcome.jobs),
        "ingest_jobs_added": sum(job["result"].get("added", 0) for job in outcome.jobs),
        "rss_mb": {name: round(kb / 1024, 1) for name, kb in outcome.rss_kb.items()},
        "rss_growth_end_vs_middle": round(growth, 4),
        "latency_ms": {
            "p50": round(1000 * percentile(outcome.latencies, 0.50), 1),
            "p95": round(1000 * percentile(outcome.latencies, 0.95), 1),
            "p99": round(1000 * percentile(outcome.latencies, 0.99), 1),
            "mean": round(1000 * statistics.fmean(outcome.latencies), 1) if outcome.latencies else None,
        },
        "bad_server_log_lines": bad_log[:5],
        "ok": not outcome.errors and not bad_log and growth <= MAX_RSS_GROWTH,
    }


def run(args: argparse.Namespace, workdir: Path) -> dict[str, Any]:
    building = time.perf_counter()
    db = build_database(workdir, args.articles)
    build_seconds = time.perf_counter() - building
    token = secrets.token_urlsafe(24)
    jobs_wanted = int(args.seconds // args.ingest_every) + 2
    extra = ecbplus_records(args.articles, jobs_wanted)
    with running_server(db, token) as server:
        started = time.monotonic()
        outcome = asyncio.run(soak(server, args, token, extra))
        seconds = time.monotonic() - started - outcome.warm_up_seconds
    result = report(outcome, server.log(), args, seconds)
    result["build_seconds"] = round(build_seconds, 1)
    result["warm_up_seconds"] = round(outcome.warm_up_seconds, 1)
    result["articles_ingested_first"] = args.articles
    result["target_rate"] = args.rate
    return result


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.workdir is not None:
        args.workdir.mkdir(parents=True, exist_ok=True)
        result = run(args, args.workdir)
    else:
        with tempfile.TemporaryDirectory(prefix="corroborator-soak-") as folder:
            result = run(args, Path(folder))
    print(json.dumps(result, indent=2) if args.json else "\n".join(f"{k}: {v}" for k, v in result.items()))
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
