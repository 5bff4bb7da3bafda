from __future__ import annotations

import codecs
from pathlib import Path

from ingest_support import SEEDS, read_article, read_failure, read_one

from corroborator.ingest import ReadOptions
from corroborator.types import Article


def test_seed_001_has_its_header_date_and_loses_the_promo_line() -> None:
    path = next(SEEDS.glob("001_*.txt"))
    raw = path.read_text(encoding="utf-8")
    article = read_article(path)
    assert article.published == "2023-08-06"
    assert article.published_source == "header"
    assert article.removed == ["WATCH WION LIVE HERE"]
    assert "WATCH WION" not in article.text
    assert not article.text.startswith("date") and article.text.startswith("North Korea")
    assert article.outlet is None and article.origin == str(path)
    body_lines = [line for line in raw.split("\n") if line.strip()][:-1]
    body_lines[0] = body_lines[0].split("2023-08-06 ", 1)[1]
    assert [line for line in article.text.split("\n") if line] == body_lines
    assert "\n\n\n" not in article.text


def test_seed_000_has_no_header_and_keeps_every_line() -> None:
    path = next(SEEDS.glob("000_*.txt"))
    article = read_article(path)
    assert article.published is None and article.published_source == "unknown"
    assert article.removed == []
    assert article.text == path.read_text(encoding="utf-8").strip()


def test_header_lines_give_title_source_url_and_date(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    body = "Kim Jong Un toured weapons factories.\n\nAlso read: Something else\n\nHe called for more."
    header = "title: Kim tours factories\nsource: WION\nurl: https://www.wionews.com/x\ndate: 2023-08-06\n\n"
    path.write_text(header + body, encoding="utf-8")
    article = read_article(path)
    assert article.title == "Kim tours factories"
    assert article.outlet == "WION"
    assert article.url == "https://www.wionews.com/x"
    assert (article.published, article.published_source) == ("2023-08-06", "header")
    assert article.text == "Kim Jong Un toured weapons factories.\n\nHe called for more."
    assert article.removed == ["Also read: Something else"]


def test_the_outlet_option_is_set_on_the_article(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text("source: WION\n\nA report.", encoding="utf-8")
    assert read_article(path, ReadOptions(outlet="Reuters")).outlet == "Reuters"


def test_a_header_date_that_is_not_iso_is_a_clear_failure(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text("date: last Sunday\n\nA report.", encoding="utf-8")
    failure = read_failure(path)
    assert "not an ISO date" in failure.reason and "YYYY-MM-DD" in failure.reason


def test_empty_and_blank_files_are_failures(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    blank = tmp_path / "blank.txt"
    blank.write_text(" \n\n\t\n", encoding="utf-8")
    for path in (empty, blank):
        failure = read_failure(path)
        assert failure.item == str(path) and "is empty" in failure.reason


def test_a_file_of_only_boilerplate_has_no_article_text(tmp_path: Path) -> None:
    path = tmp_path / "promo.txt"
    path.write_text("WATCH WION LIVE HERE\n\nSubscribe to our newsletter\n", encoding="utf-8")
    assert "has no article text" in read_failure(path).reason


def test_binary_files_are_failures(tmp_path: Path) -> None:
    png = tmp_path / "picture.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert "looks binary" in read_failure(png).reason
    noise = tmp_path / "noise.txt"
    noise.write_bytes(bytes(range(1, 32)) * 20 + "é".encode("latin-1"))
    assert "control characters" in read_failure(noise).reason


def test_latin1_and_cp1252_text_decode_cleanly(tmp_path: Path) -> None:
    text = "Café in São Paulo – “naïve” résumé, 20 €."
    path = tmp_path / "cp1252.txt"
    path.write_bytes(text.encode("cp1252"))
    assert read_article(path).text == text
    latin = "Grüße aus Köln, \x81 und ÿ."
    path.write_bytes(latin.encode("latin-1"))
    assert read_article(path).text == latin


def test_utf16_and_utf8_with_bom_decode(tmp_path: Path) -> None:
    text = "North Korea's leader Kim Jong Un — 김정은 — visited factories."
    for name, data in {
        "utf16le.txt": codecs.BOM_UTF16_LE + text.encode("utf-16-le"),
        "utf16be.txt": codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
        "utf8bom.txt": codecs.BOM_UTF8 + text.encode("utf-8"),
    }.items():
        path = tmp_path / name
        path.write_bytes(data)
        assert read_article(path).text == text, name


def test_windows_newlines_are_normalised(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"First paragraph.\r\n\r\nSecond paragraph.\r\nStill second.\r\n")
    assert read_article(path).text == "First paragraph.\n\nSecond paragraph.\nStill second."


def test_a_file_over_the_size_cap_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("word " * 100, encoding="utf-8")
    failure = read_failure(path, ReadOptions(max_bytes=200))
    assert "larger than the limit of 200 bytes" in failure.reason and "--max-bytes" in failure.reason
    assert isinstance(read_one(path, ReadOptions(max_bytes=500)), Article)
