"""Several writers on one database: processes and threads lose nothing, duplicate nothing, never fail."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from pathlib import Path

from store_support import make_article

from corroborator.store import Store

_WRITER = """
import json, sys
from corroborator.store import Store
from corroborator.types import Article
numbers = range(int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]))
counts = {"added": 0, "present": 0, "updated": 0}
with Store(sys.argv[1]) as store:
    for number in numbers:
        article = Article(text=f"Report {number} about factories.", title=f"R{number}", url=f"https://x/{number}")
        counts[store.add_article(article)] += 1
print(json.dumps(counts))
"""


def test_two_processes_writing_overlapping_articles_lose_and_duplicate_nothing(db_path: Path) -> None:
    commands = [
        [sys.executable, "-c", _WRITER, str(db_path), "0", "150", "1"],
        [sys.executable, "-c", _WRITER, str(db_path), "249", "99", "-1"],
    ]
    writers = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
               for command in commands]
    outputs = [writer.communicate(timeout=300) for writer in writers]
    for writer, (_, errors) in zip(writers, outputs, strict=True):
        assert writer.returncode == 0, errors
    counts = [json.loads(stdout) for stdout, _ in outputs]
    assert counts[0]["added"] + counts[1]["added"] == 250
    assert counts[0]["present"] + counts[1]["present"] == 50
    with Store(db_path) as store:
        titles = [article.title for article in store.list_articles(limit=1000)]
        assert sorted(titles) == sorted(f"R{number}" for number in range(250))
        assert len(store.search("factories", limit=1000)) == 250


def test_threads_sharing_one_store_write_and_read_safely(store: Store) -> None:
    failures: list[BaseException] = []

    def work(offset: int) -> None:
        try:
            for number in range(offset, offset + 60):
                store.add_article(make_article(number % 100))
                store.search("engines", limit=5)
                store.list_articles(limit=5)
        except BaseException as error:
            failures.append(error)

    threads = [threading.Thread(target=work, args=(offset,)) for offset in (0, 20, 40, 60)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    assert store.count_articles() == 100
