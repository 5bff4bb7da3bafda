"""Short fuzz runs (CI form) over every reader, analysis and comparison, and the inputs earlier fuzzing
found breaking a reader. The long form is `python bench/fuzz.py`."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

import fuzz_inputs as inputs
import pytest
from fuzz_targets import FUZZ_READ, TARGETS, Target, check_items, run_target

from corroborator.ingest import read_sources
from corroborator.types import Article, Failure


@pytest.mark.timeout(300)
@pytest.mark.parametrize("target", TARGETS, ids=[target.name for target in TARGETS])
def test_fuzz_target_keeps_its_contract(target: Target) -> None:
    outcome = run_target(target, target.ci_examples, record=False)
    assert outcome.tried >= target.ci_examples


def _read(path: Path, data: bytes) -> list[Article | Failure]:
    path.write_bytes(data)
    items = list(read_sources([str(path)], FUZZ_READ))
    check_items(items)
    return items


def test_a_corrupt_deflate_stream_in_a_gz_file_is_a_clear_failure(tmp_path: Path) -> None:
    packed = bytearray(gzip.compress(inputs.SAMPLES["jsonl"]))
    packed[30:34] = b"\xff\xff\xff\xff"
    (failure,) = _read(tmp_path / "news.jsonl.gz", bytes(packed))
    assert isinstance(failure, Failure) and failure.reason.startswith("cannot read ")


def test_a_truncated_gz_file_is_a_clear_failure(tmp_path: Path) -> None:
    packed = gzip.compress(inputs.SAMPLES["jsonl"])
    (failure,) = _read(tmp_path / "news.jsonl.gz", packed[: len(packed) // 2])
    assert isinstance(failure, Failure) and failure.reason.startswith("cannot read ")


def test_a_warc_record_without_target_uri_is_a_clear_failure(tmp_path: Path) -> None:
    archive = inputs.warc_bytes([("", "200 OK", "text/html", inputs.SAMPLES["html"])], compressed=False)
    (failure,) = _read(tmp_path / "crawl.warc", archive)
    assert isinstance(failure, Failure) and "WARC-Target-URI" in failure.reason


def test_a_warc_with_a_bad_record_gives_a_one_line_reason(tmp_path: Path) -> None:
    good = inputs.warc_bytes(
        [("https://news.example/a", "200 OK", "text/html", inputs.SAMPLES["html"])], False
    )
    broken = good.replace(b"WARC/1.0\r\n", b"", 1)
    (failure,) = _read(tmp_path / "crawl.warc", broken)
    assert isinstance(failure, Failure) and failure.reason.startswith("cannot read WARC: ")


def test_a_readable_warc_still_gives_its_article(tmp_path: Path) -> None:
    stream = io.BytesIO(inputs.SAMPLES["warc.gz"])
    (article,) = _read(tmp_path / "crawl.warc.gz", stream.getvalue())
    assert isinstance(article, Article) and article.url == "https://news.example/kim"
    assert "Kim Jong Un" in article.text


def test_an_svg_root_element_does_not_crash_the_html_reader(tmp_path: Path) -> None:
    text = "Kim Jong Un visited the factory on Thursday and fired two rifles there, state media said."
    (article,) = _read(tmp_path / "page.html", f"<svg>North<p>{text}</p><p>North</p>".encode())
    assert isinstance(article, Article) and text in article.text
    (failure,) = _read(tmp_path / "short.html", b"<svg>North<p>dictator</p><p>North</p>")
    assert isinstance(failure, Failure) and failure.reason.startswith("no article text found")


@pytest.mark.parametrize("name", ["deep.jsonl", "deep.json"])
def test_deeply_nested_json_is_a_clear_failure_and_other_lines_are_read(tmp_path: Path, name: str) -> None:
    good = b'{"text": "Kim Jong Un toured factories, state media said."}'
    items = _read(tmp_path / name, b"[" * 50_000 + b"]" * 50_000 + b"\n" + good + b"\n")
    failure = items[0]
    assert isinstance(failure, Failure) and "nested too deeply" in failure.reason
    if name.endswith(".jsonl"):
        assert [item.text for item in items[1:] if isinstance(item, Article)] == [
            "Kim Jong Un toured factories, state media said."
        ]


@pytest.mark.parametrize("reference", ["&#xD800;", "&#x110000;", "&#0;", "&#55296;", "&amp;#xDFFF;"])
def test_a_feed_with_a_reference_to_no_character_is_read(tmp_path: Path, reference: str) -> None:
    feed = (
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>Feed</title><entry><title>Kim tours</title>'
        f'<content type="html">Kim toured {reference} factories.</content></entry></feed>'
    )
    (article,) = _read(tmp_path / "feed.atom", feed.encode())
    assert isinstance(article, Article) and article.text == "Kim toured \ufffd factories."


@pytest.mark.parametrize("declared", [b"\xe2tf-8", b'\x9c"utf-8'])
def test_a_garbled_encoding_declaration_is_a_clear_failure(tmp_path: Path, declared: bytes) -> None:
    feed = b'<?xml version="1.0" encoding="' + declared + b'"?><rss version="2.0"><channel><title>W</title>'
    feed += b"<item><title>x</title><description>Kim toured factories.</description></item></channel></rss>"
    (failure,) = _read(tmp_path / "feed.rss", feed)
    assert isinstance(failure, Failure) and failure.reason.startswith("not a readable RSS/Atom feed")


def test_a_charset_name_with_a_nul_in_it_is_ignored(tmp_path: Path) -> None:
    page = inputs.SAMPLES["html"]
    record = ("https://news.example/kim", "200 OK", "text/html; charset=utf\0-8", page)
    archive = inputs.warc_bytes([record], compressed=False)
    (article,) = _read(tmp_path / "crawl.warc", archive)
    assert isinstance(article, Article) and "Kim Jong Un" in article.text
