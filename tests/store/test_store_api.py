"""The Python API over the store: ingest goes past an article it cannot store and reports it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from corroborator.api import Corroborator
from corroborator.errors import NotFound
from corroborator.types import Article, Failure


def _write_reports(folder: Path) -> list[str]:
    folder.mkdir()
    texts = {
        "a.txt": "title: Factories\n\nKim Jong Un toured weapons factories making cruise missile engines.",
        "b.txt": "title: Poisoned\n\nThis report carries the word poison; the database refuses it.",
        "c.txt": "title: Parade\n\nThe Hwasong-18 was shown at the parade in Pyongyang.",
    }
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    return [str(folder / name) for name in texts]


def test_ingest_reports_a_store_failure_and_goes_on(tmp_path: Path) -> None:
    paths = _write_reports(tmp_path / "in")
    db = tmp_path / "api.db"
    Corroborator(db).close()
    saboteur = sqlite3.connect(db)
    saboteur.execute(
        "CREATE TRIGGER refuse BEFORE INSERT ON articles WHEN new.text LIKE '%poison%' "
        "BEGIN SELECT RAISE(ABORT, 'refused by test'); END"
    )
    saboteur.commit()
    saboteur.close()
    seen: list[Article | Failure] = []
    with Corroborator(db) as corroborator:
        report = corroborator.ingest([*paths, str(tmp_path / "missing.txt")], progress=seen.append)
        assert (report.added, report.present, report.updated, report.read) == (2, 0, 0, 2)
        failed = {failure.item: failure.reason for failure in report.failed}
        assert failed.keys() == {paths[1], str(tmp_path / "missing.txt")}
        assert "refused by test" in failed[paths[1]]
        assert len(seen) == 4
        assert {article.title for article in corroborator.articles()} == {"Factories", "Parade"}
        assert [hit.title for hit in corroborator.search("hwasong")] == ["Parade"]
        assert corroborator.article(report.article_ids[0]).title == "Factories"
        assert [a.id for a in corroborator.versions(report.article_ids[0])] == [report.article_ids[0]]
        with pytest.raises(NotFound):
            corroborator.article("0123456789abcdef")


def test_the_database_path_comes_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CORROBORATOR_DB", str(tmp_path / "env.db"))
    with Corroborator() as corroborator:
        assert corroborator.db_path == tmp_path / "env.db"
    assert (tmp_path / "env.db").exists()
    monkeypatch.delenv("CORROBORATOR_DB")
    monkeypatch.chdir(tmp_path)
    with Corroborator() as corroborator:
        assert corroborator.db_path == Path("corroborator.db")
    assert (tmp_path / "corroborator.db").exists()
