"""Load on the web app: the story list and a story page, with 10,000 articles stored.

Target (issue 6): together at least 200 requests/s with p99 under 100 ms, measured from this process against
`corroborator serve` running as a separate process on 127.0.0.1.

    .venv/bin/python bench/bench_web.py                 # builds /tmp/corroborator-bench-web/news.db once
    .venv/bin/python bench/bench_web.py --seconds 30 --concurrency 8

The database holds the two seed articles (ingested through the Python API: analysed and placed in a story,
so its page shows a real brief) and fillers made from the labelled corpora in ../shared/data: each corpus
text in several outlets' versions, the versions of one text forming one story. Fillers are stored through
Store without analysis: the list and story pages only read the store, and a story's brief is computed once
per story version, then cached.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx

from corroborator.api import Corroborator
from corroborator.store import Store
from corroborator.types import Article, Story

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / ".." / "shared" / "data"
SEEDS = ROOT / "examples" / "seeds"
CORPORA = (
    "ecbplus_traindev.jsonl",
    "polnear_traindev.jsonl",
    "meantime_wikinews.jsonl",
    "tempeval3_train.jsonl",
)
OUTLETS = ("Wire A", "Wire B", "Daily C", "Broadcaster D", "Weekly E", "Portal F")
TARGET_RPS = 200.0
TARGET_P99_MS = 100.0


def corpus_texts() -> Iterator[dict[str, str]]:
    for name in CORPORA:
        with (DATA / name).open(encoding="utf-8") as lines:
            for line in lines:
                record = json.loads(line)
                yield {"text": record["text"], "title": record.get("title") or record["text"][:80]}


def filler_articles(count: int) -> Iterator[tuple[int, Article]]:
    """`count` articles: each corpus text in up to six outlets' versions (a dateline and a sign-off added)."""
    texts = list(corpus_texts())
    copies = -(-count // len(texts))
    made = 0
    for number, record in enumerate(texts):
        day = f"2023-{1 + number % 12:02d}-{1 + number % 28:02d}"
        for copy in range(copies):
            if made == count:
                return
            outlet = OUTLETS[copy % len(OUTLETS)]
            text = f"{outlet.upper()}, {day} - {record['text']}\n\nReporting by {outlet} staff."
            yield number, Article(text=text, title=record["title"], outlet=outlet, published=day)
            made += 1


def build_database(path: Path, articles: int) -> None:
    """Seeds through the Python API (analysed, placed in a story) plus fillers grouped by source text."""
    started = time.perf_counter()
    path.parent.mkdir(parents=True, exist_ok=True)
    with Corroborator(path) as corroborator:
        corroborator.ingest([str(SEEDS)])
    with Store(path) as store:
        groups: dict[int, list[Article]] = {}
        for number, article in filler_articles(articles - store.count_articles()):
            store.add_article(article)
            groups.setdefault(number, []).append(article)
        for number, members in groups.items():
            store.save_story(filler_story(number, members))
        print(
            f"built {path}: {store.count_articles()} articles, {store.count_stories()} stories "
            f"in {time.perf_counter() - started:.0f} s",
            file=sys.stderr,
        )


def filler_story(number: int, members: list[Article]) -> Story:
    return Story(
        id=f"bench-{number:05d}",
        articles=[article.id for article in members],
        headline=members[0].title,
        outlets=sorted({article.outlet or "" for article in members}),
        first_published=members[0].published,
        last_published=members[0].published,
    )


def start_server(db: Path) -> tuple[subprocess.Popen[str], str]:
    command = [sys.executable, "-m", "corroborator.web", "serve", "--port", "0", "--db", str(db)]
    process = subprocess.Popen(
        command, stderr=subprocess.PIPE, text=True, env={**os.environ, "HF_HUB_OFFLINE": "1"}
    )
    assert process.stderr is not None
    found = re.search(r"http://127\.0\.0\.1:(\d+)/", process.stderr.readline())
    if not found:
        process.terminate()
        raise SystemExit("error: the server did not start (run `corroborator serve` by hand to see why)")
    return process, f"http://127.0.0.1:{found.group(1)}"


def seeds_story_url(base: str) -> str:
    seed = httpx.get(f"{base}/api/articles", params={"q": "Hwasong"}, timeout=60).json()["items"][0]
    story = httpx.get(f"{base}/api/articles/{seed['id']}", timeout=60).json()["story"]
    return str(story["page"])


def story_urls(base: str) -> list[str]:
    """The seeds' story and a few filler stories, each opened once so their briefs are cached."""
    stories = httpx.get(f"{base}/api/stories", params={"per_page": 4}, timeout=60).json()["items"]
    chosen = [seeds_story_url(base), *(story["page"] for story in stories)]
    for url in chosen:
        response = httpx.get(base + url, timeout=600)
        response.raise_for_status()
    return chosen


class Connection:
    """A keep-alive HTTP/1.1 connection that sends GETs and reads whole responses: a client light enough
    that its own CPU use does not swamp the server's on a two-core machine (httpx costs ~2 ms a request)."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, host: str) -> None:
        self.reader, self.writer, self.host = reader, writer, host

    @classmethod
    async def open(cls, base: str) -> Connection:
        host, port = base.removeprefix("http://").split(":")
        reader, writer = await asyncio.open_connection(host, int(port))
        return cls(reader, writer, f"{host}:{port}")

    async def get(self, path: str) -> int:
        self.writer.write(f"GET {path} HTTP/1.1\r\nHost: {self.host}\r\n\r\n".encode("ascii"))
        head = await self.reader.readuntil(b"\r\n\r\n")
        status = int(head.split(b" ", 2)[1])
        found = re.search(rb"(?i)\r\ncontent-length: *(\d+)", head)
        if found is None:
            raise RuntimeError(f"response to {path} has no Content-Length")
        await self.reader.readexactly(int(found.group(1)))
        return status

    async def close(self) -> None:
        self.writer.close()
        await self.writer.wait_closed()


async def load(
    base: str, urls: list[str], seconds: float, concurrency: int, rate: float
) -> dict[str, list[float]]:
    """Open loop at `rate` requests/s (0: as fast as `concurrency` clients go), alternating list pages and
    story pages. A request's time counts from when it was due, so a late client counts against the server."""
    timings: dict[str, list[float]] = {"list": [], "story": []}
    errors = 0
    start = time.perf_counter()
    total = int(seconds * rate) if rate > 0 else None
    issued = 0
    chooser = random.Random(6)

    def next_request() -> tuple[int, float] | None:
        nonlocal issued
        now = time.perf_counter()
        if (total is not None and issued >= total) or (total is None and now - start >= seconds):
            return None
        due = start + issued / rate if rate > 0 else now
        issued += 1
        return issued, due

    async def client_loop() -> None:
        nonlocal errors
        connection = await Connection.open(base)
        try:
            while (item := next_request()) is not None:
                number, due = item
                await asyncio.sleep(max(0.0, due - time.perf_counter()))
                kind = "list" if number % 2 == 0 else "story"
                url = f"/?page={chooser.randint(1, 50)}" if kind == "list" else chooser.choice(urls)
                status = await asyncio.wait_for(connection.get(url), timeout=30)
                timings[kind].append(time.perf_counter() - due)
                errors += status != 200
        finally:
            await connection.close()

    await asyncio.gather(*(client_loop() for _ in range(concurrency)))
    timings["elapsed"] = [time.perf_counter() - start]
    if errors:
        print(f"warning: {errors} responses were not 200", file=sys.stderr)
    return timings


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (Linux /proc), to tell server cost from machine load."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def report(timings: dict[str, list[float]]) -> bool:
    everything = timings["list"] + timings["story"]
    rps = len(everything) / timings["elapsed"][0]
    for kind, values in (("list", timings["list"]), ("story", timings["story"]), ("both", everything)):
        print(
            f"{kind:>6}: {len(values):6d} requests, p50 {statistics.median(values) * 1000:6.1f} ms, "
            f"p95 {percentile(values, 0.95) * 1000:6.1f} ms, p99 {percentile(values, 0.99) * 1000:6.1f} ms"
        )
    p99 = percentile(everything, 0.99) * 1000
    passed = rps >= TARGET_RPS and p99 < TARGET_P99_MS
    print(
        f"throughput {rps:.0f} requests/s, p99 {p99:.1f} ms: {'PASS' if passed else 'FAIL'} "
        f"(target >= {TARGET_RPS:.0f}/s and p99 < {TARGET_P99_MS:.0f} ms)"
    )
    return passed


def stored_articles(path: Path) -> int:
    with Store(path) as store:
        return store.count_articles()


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", type=Path, default=Path("/tmp/corroborator-bench-web/news.db"))
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--concurrency", type=int, default=16, help="client connections")
    parser.add_argument(
        "--rate", type=float, default=250.0, help="requests/s to send (0: as fast as possible)"
    )
    options = parser.parse_args()
    if not options.db.exists() or stored_articles(options.db) < options.articles:
        build_database(options.db, options.articles)
    process, base = start_server(options.db)
    try:
        urls = story_urls(base)
        server_cpu, client_cpu = cpu_seconds(process.pid), time.process_time()
        timings = asyncio.run(load(base, urls, options.seconds, options.concurrency, options.rate))
        server_cpu, client_cpu = cpu_seconds(process.pid) - server_cpu, time.process_time() - client_cpu
    finally:
        process.terminate()
        process.wait(timeout=30)
    requests = len(timings["list"]) + len(timings["story"])
    server_ms, client_ms = server_cpu / requests * 1000, client_cpu / requests * 1000
    print(
        f"CPU per request: server {server_ms:.2f} ms, client {client_ms:.2f} ms; load average "
        f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (other work on the machine slows both)"
    )
    return 0 if report(timings) else 1


if __name__ == "__main__":
    sys.exit(main())
