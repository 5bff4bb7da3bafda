from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
from ingest_pages import PARAGRAPHS, article_page
from ingest_support import SEEDS, articles_of, failures_of, read_all, read_failure
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from corroborator.ingest import ReadOptions


def write_warc(path: Path, gzipped: bool) -> None:
    with path.open("wb") as output:
        writer = WARCWriter(output, gzip=gzipped)
        pages = [
            ("https://wion.example/kim", "text/html; charset=utf-8", article_page().encode("utf-8")),
            ("https://wion.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n\x00\x00"),
            ("https://wion.example/other", "text/html", article_page(title="Second page").encode("utf-8")),
        ]
        for url, content_type, body in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            payload = io.BytesIO(body)
            record = writer.create_warc_record(
                url, "response", payload=payload, length=len(body), http_headers=headers
            )
            writer.write_record(record)


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_each_html_response_in_a_warc_is_an_article(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    write_warc(path, gzipped=name.endswith(".gz"))
    items = read_all([str(path)])
    assert failures_of(items) == []
    first, second = articles_of(items)
    assert (first.url, first.outlet) == ("https://wion.example/kim", "WION")
    assert first.title == "Kim Jong Un tours weapons factories"
    assert first.text.split("\n") == PARAGRAPHS and first.fetched_at
    assert second.title == "Second page"


def test_a_file_that_is_not_a_warc_is_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "fake.warc"
    path.write_text("this is not an archive\n", encoding="utf-8")
    assert "WARC" in read_failure(path).reason


def test_a_directory_is_read_recursively_in_sorted_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a.txt").write_text("First report text.", encoding="utf-8")
    (tmp_path / "b" / "c.txt").write_text("Third report text.", encoding="utf-8")
    (tmp_path / "b" / "a.html").write_text(article_page(), encoding="utf-8")
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04 not read")
    (tmp_path / ".hidden.txt").write_text("hidden", encoding="utf-8")
    items = read_all([str(tmp_path)])
    assert [Path(str(item.origin)).relative_to(tmp_path).as_posix() for item in articles_of(items)] == [
        "a.txt",
        "b/a.html",
        "b/c.txt",
    ]
    assert failures_of(items) == []


def test_a_glob_reads_its_matches_and_an_empty_glob_is_a_failure(tmp_path: Path) -> None:
    for name in ("x1.txt", "x2.txt", "y.txt"):
        (tmp_path / name).write_text(f"Report {name}.", encoding="utf-8")
    items = read_all([str(tmp_path / "x*.txt"), str(tmp_path / "z*.txt")])
    assert [a.text for a in articles_of(items)] == ["Report x1.txt.", "Report x2.txt."]
    (failure,) = failures_of(items)
    assert "no files match" in failure.reason


def test_a_missing_path_is_a_failure_and_the_batch_goes_on(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    items = read_all([str(missing), str(next(SEEDS.glob("000_*.txt")))])
    assert isinstance(items[0], type(failures_of(items)[0])) and "no such file" in items[0].reason
    assert len(articles_of(items)) == 1


def test_an_unknown_extension_is_read_by_its_content(tmp_path: Path) -> None:
    page = tmp_path / "page.php"
    page.write_text(article_page(), encoding="utf-8")
    (article,) = articles_of(read_all([str(page)]))
    assert article.title == "Kim Jong Un tours weapons factories"


@pytest.mark.parametrize("url", ["ftp://example.com/feed.xml", "file:///etc/passwd", "gopher://x/"])
def test_urls_with_other_schemes_are_refused(url: str) -> None:
    (failure,) = read_all([url])
    assert failure.item == url and "unsupported scheme" in failure.reason and "http" in failure.reason


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b'{"id": "s1", "text": "From a pipe."}\n', "From a pipe."),
        (b"date 2023-08-06 Plain text from a pipe.\n\nRead more\n", "Plain text from a pipe."),
        (article_page().encode("utf-8"), PARAGRAPHS[0]),
    ],
)
def test_stdin_is_sniffed(monkeypatch: pytest.MonkeyPatch, data: bytes, expected: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    (article,) = articles_of(read_all(["-"]))
    assert article.text.startswith(expected) and article.origin == "<stdin>"


def test_stdin_over_the_size_cap_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"x" * 500)))
    (failure,) = read_all(["-"], ReadOptions(max_bytes=100))
    assert failure.item == "<stdin>" and "larger than the limit" in failure.reason
