from __future__ import annotations

import gzip
import json
from pathlib import Path

import pyarrow
import pyarrow.parquet
import pytest
from ingest_pages import PARAGRAPHS, article_page, atom_feed, rss_feed
from ingest_support import DATA, articles_of, failures_of, read_all, read_article, read_failure

from corroborator.errors import InputError
from corroborator.ingest import ReadOptions
from corroborator.ingest.html import HTML_CHAR_CAP, cap_markup


def test_an_html_file_gives_main_text_title_date_author_and_site(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(article_page(), encoding="utf-8")
    article = read_article(path)
    assert article.title == "Kim Jong Un tours weapons factories"
    assert article.text.split("\n") == PARAGRAPHS
    assert article.removed == ["WATCH WION LIVE HERE"]
    assert (article.published, article.published_source) == ("2023-08-06", "html")
    assert article.outlet == "WION" and article.author == "Jane Doe"
    assert "not article text" not in article.text and "Home" not in article.text


def test_malformed_html_still_gives_its_text(tmp_path: Path) -> None:
    path = tmp_path / "broken.htm"
    unclosed = "".join(f"<div><p>{paragraph}<b><i>" for paragraph in PARAGRAPHS)
    page = f"<html><head><title>Broken</title><body>{unclosed}</span></table><p>&nbsp;<<>"
    path.write_text(page, encoding="utf-8")
    article = read_article(path)
    assert all(paragraph[:60] in article.text for paragraph in PARAGRAPHS)


def test_html_without_article_text_is_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title>Nothing</title></head><body><nav>Home</nav></body></html>", "utf-8")
    assert "no article text" in read_failure(path).reason


def test_huge_html_is_capped_before_extraction(tmp_path: Path) -> None:
    scripts = "<script>" + "var x = '<p>junk</p>';" * 200_000 + "</script>"
    page = article_page(extra=scripts + "<p>" + "filler words " * 400_000 + "</p>")
    assert len(page) > 2 * HTML_CHAR_CAP
    capped = cap_markup(page)
    assert len(capped) <= HTML_CHAR_CAP and "junk" not in capped and PARAGRAPHS[2] in capped
    path = tmp_path / "huge.html"
    path.write_text(page, encoding="utf-8")
    article = read_article(path)
    assert article.text.startswith(PARAGRAPHS[0])


def test_an_rss_file_gives_one_article_per_entry(tmp_path: Path) -> None:
    path = tmp_path / "feed.rss"
    items = [
        {"title": "Kim tours", "link": "https://wion.example/1", "content": "<p>One.</p><p>Two.</p>"},
        {"title": "Second", "link": "https://wion.example/2", "summary": "Just <b>a</b> summary."},
    ]
    path.write_text(rss_feed(items), encoding="utf-8")
    first, second = articles_of(read_all([str(path)]))
    assert (first.title, first.url) == ("Kim tours", "https://wion.example/1")
    assert first.outlet == "WION World News"
    assert first.text == "One.\n\nTwo." and first.published == "2023-08-06T10:00:00+00:00"
    assert first.published_source == "feed" and first.origin == str(path)
    assert second.text == "Just a summary."


def test_an_atom_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "feed.atom"
    path.write_text(atom_feed(), encoding="utf-8")
    article = read_article(path)
    assert article.outlet == "Yonhap English" and article.url == "https://en.yna.co.kr/view/1"
    assert article.text == "\n\n".join(PARAGRAPHS[:2]) and article.published == "2023-08-06T08:00:00+00:00"


def test_a_malformed_feed_is_a_failure_with_a_reason(tmp_path: Path) -> None:
    path = tmp_path / "broken.xml"
    path.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><<item', "utf-8")
    failure = read_failure(path)
    assert failure.item == str(path) and "not a valid RSS/Atom feed" in failure.reason


def test_jsonl_with_a_broken_line_reports_that_line_and_reads_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "articles.jsonl"
    rows = [
        json.dumps({"id": "a1", "text": PARAGRAPHS[0], "title": "T", "url": "https://x/1", "outlet": "AP",
                    "published": "2023-08-06"}),
        '{"id": "broken", "text": ',
        json.dumps({"id": "a3", "title": "no text"}),
        json.dumps({"id": 4, "text": PARAGRAPHS[1]}),
    ]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    items = read_all([str(path)])
    first, fourth = articles_of(items)
    assert (first.source_id, first.outlet, first.published) == ("a1", "AP", "2023-08-06")
    assert first.published_source == "given"
    assert first.text == PARAGRAPHS[0] and first.id != "a1" and fourth.source_id == "4"
    broken, textless = failures_of(items)
    assert broken.item == f"{path}:2" and "broken JSON on line 2" in broken.reason
    assert textless.item == f"{path}:3" and "no text" in textless.reason


def test_gzipped_jsonl_and_a_json_array_are_read(tmp_path: Path) -> None:
    records = [{"id": str(index), "text": text} for index, text in enumerate(PARAGRAPHS)]
    zipped = tmp_path / "articles.jsonl.gz"
    zipped.write_bytes(gzip.compress("\n".join(json.dumps(r) for r in records).encode("utf-8")))
    array = tmp_path / "articles.json"
    array.write_text(json.dumps(records), encoding="utf-8")
    for path in (zipped, array):
        assert [a.text for a in articles_of(read_all([str(path)]))] == PARAGRAPHS


def test_a_gzip_bomb_is_stopped_at_the_size_cap(tmp_path: Path) -> None:
    path = tmp_path / "bomb.jsonl.gz"
    path.write_bytes(gzip.compress(b" " * 5_000_000))
    failure = read_failure(path, ReadOptions(max_bytes=1_000_000))
    assert "decompressed" in failure.reason and "larger than the limit" in failure.reason


def test_csv_rows_are_read_with_their_fields(tmp_path: Path) -> None:
    path = tmp_path / "articles.csv"
    quoted = PARAGRAPHS[0].replace('"', '""')
    rows = f'c1,First,"{quoted}\nsecond line",Reuters\nc2,Empty,,AP\n'
    path.write_text("id,title,text,outlet\n" + rows, encoding="utf-8")
    items = read_all([str(path)])
    (article,) = articles_of(items)
    assert article.text == PARAGRAPHS[0] + "\nsecond line" and article.outlet == "Reuters"
    (failure,) = failures_of(items)
    assert failure.item == f"{path}:4" and "no text" in failure.reason


def test_csv_without_a_text_column_is_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("headline,body\nx,y\n", encoding="utf-8")
    assert "no text column" in read_failure(path).reason


def test_parquet_rows_are_read(tmp_path: Path) -> None:
    path = tmp_path / "articles.parquet"
    table = pyarrow.table({"id": ["p1", "p2"], "text": PARAGRAPHS[:2], "published": ["2023-08-06", None]})
    pyarrow.parquet.write_table(table, path)
    first, second = articles_of(read_all([str(path)]))
    assert (first.source_id, first.text, first.published_source) == ("p1", PARAGRAPHS[0], "given")
    assert second.published is None and second.published_source == "unknown"


def test_a_corrupt_parquet_file_is_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "corrupt.parquet"
    path.write_bytes(b"PAR1 this is not really parquet PAR1")
    assert "cannot read Parquet" in read_failure(path).reason


def test_shared_meantime_data_reads_verbatim() -> None:
    path = DATA / "meantime_wikinews.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    articles = articles_of(read_all([str(path)]))
    assert len(articles) == len(rows)
    assert [(a.source_id, a.text, a.url, a.published) for a in articles] == [
        (row["id"], row["text"], row["url"], row["published"]) for row in rows
    ]


def test_jsonl_text_may_hold_unicode_line_separators(tmp_path: Path) -> None:
    path = tmp_path / "separators.jsonl"
    text = "First line\u2028second\u2029third\x85fourth"
    path.write_text(json.dumps({"id": "u", "text": text}, ensure_ascii=False) + "\n", encoding="utf-8")
    assert read_article(path).text == text


def test_bad_options_are_refused_with_a_hint() -> None:
    with pytest.raises(InputError, match="max_bytes must be positive"):
        ReadOptions(max_bytes=0)
    with pytest.raises(InputError, match="timeout must be positive"):
        ReadOptions(timeout=-1)
