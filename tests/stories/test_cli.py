"""`corroborator stories` / `story` on a real database through Typer's runner."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import typer
from stories_helpers import seed_articles
from typer.testing import CliRunner

from corroborator.cli import stories_cmd
from corroborator.cli.common import CorroboratorGroup
from corroborator.store import Store
from corroborator.stories import stories_to_jsonl_rows
from corroborator.types import CopyLink, Story


def _app() -> typer.Typer:
    app = typer.Typer(cls=CorroboratorGroup, pretty_exceptions_enable=False)
    stories_cmd.register(app)
    return app


def _database(tmp_path: Path) -> Path:
    db_path = tmp_path / "corroborator.db"
    with Store(db_path) as store:
        for article in seed_articles():
            store.add_article(article)
    return db_path


def test_stories_story_and_explain(tmp_path: Path) -> None:
    db_path = _database(tmp_path)
    runner = CliRunner()
    listed = runner.invoke(_app(), ["stories", "--db", str(db_path), "--json"])
    assert listed.exit_code == 0, listed.output
    stories = json.loads(listed.stdout)
    assert len(stories) == 1 and stories[0]["size"] == 2
    story_id = stories[0]["story"]
    shown = runner.invoke(_app(), ["story", story_id, "--db", str(db_path), "--json"])
    assert shown.exit_code == 0, shown.output
    assert len(json.loads(shown.stdout)["articles"]) == 2
    article_id = seed_articles()[1].id
    explained = runner.invoke(_app(), ["stories", "--db", str(db_path), "--explain", article_id])
    assert explained.exit_code == 0, explained.output
    assert "best match" in explained.stdout and "shared people" in explained.stdout
    with Store(db_path) as store:
        assert (
            store.get_story(story_id).articles
            == stories_to_jsonl_rows([store.get_story(story_id)])[0]["articles"]
        )


def test_an_unknown_story_is_a_one_line_error(tmp_path: Path) -> None:
    db_path = _database(tmp_path)
    result = CliRunner().invoke(_app(), ["story", "s-nope", "--db", str(db_path)])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert errors == [result.stderr.strip().splitlines()[-1]]
    assert errors[0].startswith("error: no story with id s-nope (")


def test_jsonl_rows_name_input_ids() -> None:
    story = Story(
        id="s1", articles=["a", "b"], copies=[CopyLink("b", "a", 0.9)], headline="Fire", storyline="la"
    )
    rows = stories_to_jsonl_rows([story], {"a": "doc-1", "b": "doc-2"})
    assert rows == [
        {
            "story": "s1",
            "storyline": "la",
            "articles": ["doc-1", "doc-2"],
            "copies": [{"article": "doc-2", "copy_of": "doc-1", "overlap": 0.9}],
            "headline": "Fire",
        }
    ]


def test_a_story_shows_the_other_events_of_its_storyline_in_date_order(tmp_path: Path) -> None:
    db_path = tmp_path / "corroborator.db"
    with Store(db_path) as store:
        for article, day in zip(seed_articles(), ("2023-11-20", "2023-08-05"), strict=True):
            store.add_article(dataclasses.replace(article, published=day))
    runner = CliRunner()
    listed = runner.invoke(_app(), ["stories", "--db", str(db_path), "--json"])
    stories = json.loads(listed.stdout)
    assert len(stories) == 2 and len({s["storyline"] for s in stories}) == 1, stories
    assert [s["first_published"] for s in stories] == ["2023-08-05", "2023-11-20"], "events in date order"
    shown = runner.invoke(_app(), ["story", stories[1]["story"], "--db", str(db_path)])
    assert shown.exit_code == 0, shown.output
    assert f"storyline {stories[0]['storyline']}: 2 events" in shown.stdout
    assert shown.stdout.index("2023-08-05") < shown.stdout.rindex("2023-11-20")
    as_json = json.loads(
        runner.invoke(_app(), ["story", stories[1]["story"], "--db", str(db_path), "--json"]).stdout
    )
    assert [e["story"] for e in as_json["storyline_events"]] == [s["story"] for s in stories]
    article = as_json["articles"][0]["id"]
    explained = runner.invoke(_app(), ["stories", "--db", str(db_path), "--explain", article])
    assert f"storyline: {stories[0]['storyline']}" in explained.stdout, explained.output
