"""Every input format through the whole batch: JSONL.gz, CSV, Parquet and WARC files built here."""

from __future__ import annotations

import csv
import gzip
import html
import io
import json
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from batch_support import ecb_records, read_jsonl
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from corroborator.analyze.nlp.load import text_of
from corroborator.analyze.pipeline import Analyzer, Step, StepInput, default_steps
from corroborator.batch import work
from corroborator.batch.run import BatchOptions, run_batch

OPTIONS = BatchOptions(workers=1, shard_size=3, briefs=False)
RECORDS = ecb_records({"3"}, 5)


def jsonl_gz(path: Path) -> None:
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.writelines(json.dumps(record) + "\n" for record in RECORDS)


def csv_file(path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, ["id", "title", "text"])
        writer.writeheader()
        writer.writerows(RECORDS)


def parquet_file(path: Path) -> None:
    pq.write_table(pa.Table.from_pylist(RECORDS), path)


WRITERS = {"jsonl.gz": jsonl_gz, "csv": csv_file, "parquet": parquet_file}


def comparable(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{key: value for key, value in row.items() if key != "origin"} for row in rows]


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("reference")
    source = folder / "in.jsonl"
    source.write_text("".join(json.dumps(record) + "\n" for record in RECORDS), encoding="utf-8")
    run_batch([str(source)], folder / "out", OPTIONS)
    return folder / "out"


@pytest.mark.parametrize("suffix", sorted(WRITERS))
def test_each_record_format_gives_what_plain_jsonl_gives(
    suffix: str, reference: Path, tmp_path: Path
) -> None:
    source = tmp_path / f"in.{suffix}"
    WRITERS[suffix](source)
    report = run_batch([str(source)], tmp_path / "out", OPTIONS)
    assert report.articles == len(RECORDS) and not report.rejects
    articles = read_jsonl(tmp_path / "out" / "articles.jsonl")
    assert comparable(articles) == comparable(read_jsonl(reference / "articles.jsonl"))
    assert read_jsonl(tmp_path / "out" / "stories.jsonl") == read_jsonl(reference / "stories.jsonl")


def page(record: dict[str, Any]) -> bytes:
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in record["text"].split("\n") if p.strip())
    title = html.escape(record["title"] or record["id"])
    body = f"<html><head><title>{title}</title></head><body><article>{paragraphs}</article></body></html>"
    return body.encode("utf-8")


def test_a_warc_archive_gives_one_article_per_html_response(tmp_path: Path) -> None:
    archive = tmp_path / "crawl.warc.gz"
    pages = [
        (f"https://news.example/{n}", "text/html; charset=utf-8", page(r)) for n, r in enumerate(RECORDS[:3])
    ]
    pages.insert(1, ("https://news.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n\x00"))
    with archive.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for url, content_type, body in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            payload = io.BytesIO(body)
            record = writer.create_warc_record(
                url, "response", payload=payload, length=len(body), http_headers=headers
            )
            writer.write_record(record)
    report = run_batch([str(archive)], tmp_path / "out", OPTIONS)
    articles = read_jsonl(tmp_path / "out" / "articles.jsonl")
    assert report.articles == 3 and not report.rejects
    assert [a["url"] for a in articles] == [f"https://news.example/{n}" for n in range(3)]
    assert all(a["entities"] for a in articles)
    assert sorted(a for s in read_jsonl(tmp_path / "out" / "stories.jsonl") for a in s["articles"]) == sorted(
        a["id"] for a in articles
    )


def fail_on_marker(given: StepInput) -> None:
    if "MARKER" in text_of(given.doc):
        raise ValueError("found the marker")


def test_an_article_whose_analysis_step_fails_is_kept_and_listed(tmp_path: Path) -> None:
    records = [dict(RECORDS[0]), dict(RECORDS[1], text=RECORDS[1]["text"] + " MARKER")]
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    work.use_analyzer(Analyzer([*default_steps(), Step("fussy", ("doc",), (), fail_on_marker)]))
    try:
        report = run_batch([str(source)], tmp_path / "out", OPTIONS)
    finally:
        work.use_analyzer(None)
    assert report.articles == 2
    rejects = read_jsonl(tmp_path / "out" / "rejects.jsonl")
    assert len(rejects) == 1 and rejects[0]["kept"] and rejects[0]["stage"] == "analyze"
    assert rejects[0]["item"].endswith(f"#{records[1]['id']}") and "found the marker" in rejects[0]["reason"]
    assert read_jsonl(tmp_path / "out" / "summary.jsonl")[0]["problems"] == 1
