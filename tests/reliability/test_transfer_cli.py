"""`corroborator export` / `import` through the real CLI: a round trip gives back the same database."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from reliability_support import SEEDS, integrity, run_cli, table_rows

from corroborator.analyze import Analyzer
from corroborator.store import Store
from corroborator.types import Analysis, Article, CopyLink, Quote, Span, Story

TABLES = {
    "articles": "SELECT * FROM articles ORDER BY seq",
    "articles_fts": "SELECT rowid, title, text FROM articles_fts ORDER BY rowid",
    "analyses": "SELECT * FROM analyses ORDER BY article_id",
    "article_entities": "SELECT * FROM article_entities ORDER BY article_id, entity, label",
    "stories": "SELECT * FROM stories ORDER BY seq",
    "story_members": "SELECT * FROM story_members ORDER BY story_id, position",
    "copies": "SELECT * FROM copies ORDER BY story_id, position",
}


def _write_versions(folder: Path) -> tuple[Path, Path]:
    record = {"url": "https://news.example/kim-factories", "title": "Kim tours factories",
              "outlet": "Example News", "published": "2023-08-06"}
    first = folder / "v1.jsonl"
    first.write_text(json.dumps({**record, "text": "Kim Jong Un toured factories on Thursday."}) + "\n")
    corrected = folder / "v2.jsonl"
    corrected.write_text(json.dumps({**record, "text": "Kim Jong Un toured factories on Friday."}) + "\n")
    return first, corrected


def _seeded_database(tmp_path: Path) -> Path:
    """Seeds and a corrected version stored by the CLI; analyses and a story added through the store."""
    db = tmp_path / "original.db"
    first, corrected = _write_versions(tmp_path)
    for source in (str(SEEDS), str(first), str(corrected)):
        done = run_cli("ingest", "--no-analyze", "--db", str(db), source, cwd=tmp_path)
        assert done.returncode == 0, done.stderr
    assert "updated 1" in done.stdout
    with Store(db) as store:
        articles = store.list_articles(limit=10)
        assert len(articles) == 3
        for analysis in Analyzer().analyze(articles):
            store.save_analysis(analysis)
        seed_ids = sorted(article.id for article in articles if article.origin and "seeds" in article.origin)
        store.replace_stories([
            Story("kim-factories", seed_ids, [CopyLink(seed_ids[1], seed_ids[0], 0.25)],
                  "Kim tours factories", ["WION"], "2023-08-06", "2023-08-06"),
        ])
    return db


def test_export_import_export_gives_identical_files_and_tables(tmp_path: Path) -> None:
    original = _seeded_database(tmp_path)
    first, second, copy = tmp_path / "first.jsonl", tmp_path / "second.jsonl", tmp_path / "copy.db"

    exported = run_cli("export", "--db", str(original), "--out", str(first), cwd=tmp_path)
    assert exported.returncode == 0, exported.stderr
    assert "exported 4 articles, 3 analyses, 1 stories" in exported.stdout
    imported = run_cli("import", str(first), "--db", str(copy), cwd=tmp_path)
    assert imported.returncode == 0, imported.stderr
    assert "imported 4 articles (0 already present), 3 analyses, 1 stories, failed 0" in imported.stdout
    again = run_cli("export", "--db", str(copy), "--out", str(second), cwd=tmp_path)
    assert again.returncode == 0, again.stderr

    assert first.read_bytes() == second.read_bytes()
    for name, sql in TABLES.items():
        assert table_rows(original, sql) == table_rows(copy, sql), name
    assert table_rows(copy, "SELECT count(*) FROM analyses")[0][0] == 3
    assert integrity(copy) == "ok"
    with Store(copy) as store:
        (latest,) = store.list_articles(outlet="Example News")
        assert [version.text.split()[-1] for version in store.versions(latest.id)] == ["Thursday.", "Friday."]
        assert [hit.id for hit in store.search("Shoigu")] == [
            row[0] for row in table_rows(original, "SELECT id FROM articles WHERE text LIKE '%Shoigu%'")
        ]


def test_importing_the_same_file_twice_adds_nothing(tmp_path: Path) -> None:
    original = _seeded_database(tmp_path)
    dump = tmp_path / "dump.jsonl"
    assert run_cli("export", "--db", str(original), "--out", str(dump), cwd=tmp_path).returncode == 0
    before = table_rows(original, TABLES["articles"])
    again = run_cli("import", str(dump), "--db", str(original), cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert "imported 0 articles (4 already present)" in again.stdout
    assert table_rows(original, TABLES["articles"]) == before


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("{not json\n", "not JSON"),
        ('{"record": "mystery"}\n', "unknown record kind"),
        ("\udcff", "not UTF-8"),
    ],
)
def test_a_bad_import_file_is_a_one_line_error(tmp_path: Path, content: str, expected: str) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_bytes(content.encode("utf-8", "surrogateescape"))
    done = run_cli("import", str(bad), "--db", str(tmp_path / "new.db"), cwd=tmp_path)
    assert done.returncode == 1
    assert expected in done.stderr and "Traceback" not in done.stderr
    assert all(line.startswith("error: ") for line in done.stderr.strip().splitlines())


def test_missing_inputs_are_one_line_errors(tmp_path: Path) -> None:
    no_db = run_cli("export", "--db", str(tmp_path / "none.db"), "--out", str(tmp_path / "x.jsonl"),
                    cwd=tmp_path)
    assert no_db.returncode == 1 and no_db.stderr.startswith("error: no database at")
    assert not (tmp_path / "none.db").exists()
    no_file = run_cli("import", str(tmp_path / "none.jsonl"), "--db", str(tmp_path / "a.db"), cwd=tmp_path)
    assert no_file.returncode == 1 and no_file.stderr.startswith("error: no such file")
    original = _seeded_database(tmp_path)
    unwritable = run_cli("export", "--db", str(original), "--out", str(tmp_path / "no" / "dir.jsonl"),
                         cwd=tmp_path)
    assert unwritable.returncode == 1
    assert len(unwritable.stderr.strip().splitlines()) == 1 and "cannot write" in unwritable.stderr


def test_a_stored_analysis_comes_back_with_every_quote_field(tmp_path: Path) -> None:
    """Every Quote field survives save_analysis / get_analysis, as import relies on it."""
    text = "Reuters reported, citing state media KCNA, that Kim toured factories."
    article = Article(text=text, url="https://news.example/q")
    quote = Quote(Span(48, 69, text[48:69]), Span(0, 7, "Reuters"), "Reuters", Span(8, 16, "reported"),
                  "indirect", via=["WION"], cites=["KCNA"])
    with Store(tmp_path / "q.db") as store:
        store.add_article(article, analysis=Analysis(article.id, quotes=[quote]))
        stored = store.get_analysis(article.id)
    assert stored is not None and stored.quotes == [quote]
