"""`corroborator compare` on files (no database) and `corroborator show` on a story in a real SQLite store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from corroborator.cli import compare_cmd
from corroborator.cli.common import CorroboratorGroup
from corroborator.render.data import TOP_LEVEL_KEYS
from corroborator.store import Store
from corroborator.types import Analysis, Article, CopyLink, Story

SEEDS = Path(__file__).resolve().parents[2] / "examples" / "seeds"


@pytest.fixture(scope="module")
def app() -> typer.Typer:
    app = typer.Typer(cls=CorroboratorGroup, pretty_exceptions_enable=False)
    compare_cmd.register(app)
    return app


def test_compare_the_seeds_to_a_json_file(app: typer.Typer, tmp_path: Path) -> None:
    out = tmp_path / "brief.json"
    seeds = sorted(str(p) for p in SEEDS.glob("*.txt"))
    result = CliRunner().invoke(app, ["compare", *seeds, "--format", "json", "--out", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert tuple(data) == TOP_LEVEL_KEYS
    assert len(data["articles"]) == 2
    assert any(d["kind"] == "weekday_mismatch" for d in data["discrepancies"])


def test_compare_goes_past_a_bad_source_and_reports_it(app: typer.Typer, tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    seeds = sorted(str(p) for p in SEEDS.glob("*.txt"))
    result = CliRunner().invoke(app, ["compare", *seeds, str(missing), "--format", "md"])
    assert result.exit_code == 0
    assert result.stdout.startswith("# Story adhoc-")
    assert f"error: {missing}" in result.stderr


def test_compare_with_nothing_readable_fails_in_one_line(app: typer.Typer, tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["compare", str(tmp_path / "nothing.txt")])
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: nothing to compare")


def test_compare_refuses_an_unknown_format(app: typer.Typer) -> None:
    result = CliRunner().invoke(app, ["compare", str(SEEDS), "--format", "pdf"])
    assert result.exit_code == 2
    assert "pdf" in result.stderr


def _store_story(path: Path, articles: list[Article], analyses: list[Analysis | None]) -> str:
    story = Story(
        id="story-1",
        articles=[a.id for a in articles],
        copies=[CopyLink(articles[1].id, articles[0].id, 0.9)],
    )
    with Store(path) as store:
        for article, analysis in zip(articles, analyses, strict=True):
            store.add_article(article, analysis)
        store.save_story(story)
    return story.id


def test_show_reads_the_story_from_the_database(
    app: typer.Typer, tmp_path: Path, seed_articles: list[Article], seed_analyses: list[Analysis]
) -> None:
    db = tmp_path / "news.db"
    story_id = _store_story(db, seed_articles, [seed_analyses[0], None])
    result = CliRunner().invoke(app, ["show", story_id, "--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["story"] == story_id
    assert {a["id"] for a in data["articles"]} == {a.id for a in seed_articles}
    assert data["discrepancies"]


def test_show_unknown_story_and_missing_database(app: typer.Typer, tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["show", "nope", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1 and result.stderr.startswith("error: no database at")
    db = tmp_path / "empty.db"
    Store(db).close()
    result = CliRunner().invoke(app, ["show", "nope", "--db", str(db)])
    assert result.exit_code == 1
    assert (
        result.stderr.strip()
        == "error: no story with id nope (list stored stories with `corroborator stories`)"
    )
