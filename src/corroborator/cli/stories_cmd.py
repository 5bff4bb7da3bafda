"""`corroborator stories` and `corroborator story`: which stored articles report the same event.

Design: the story index lives beside the database (`DB.stories/`); every command opens it and rebuilds it
first when the database changed since it was built (new or removed articles), then writes the stories to
the database so other stages read them from there.

- `corroborator stories [--db] [--json]`: one line a story (storyline, id, size, outlets, date range,
  headline), the stories (events) of one storyline together in date order.
- `corroborator stories --explain ARTICLE_ID`: why that article is in its story: the best-matching article,
  the score, every signal, and the people, places, dates, numbers and words they share.
- `corroborator story ID [--db] [--json]`: the story's articles, its copies (near-duplicates) and the other
  events of its storyline in date order.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.table import Table

from corroborator.cli.common import DbOption, JsonOption, stderr_console, stdout_console
from corroborator.errors import NotFound

if TYPE_CHECKING:
    from corroborator.store import Store
    from corroborator.stories.index import StoryIndex
    from corroborator.types import Assignment, Story

ExplainOption = Annotated[
    str | None,
    typer.Option("--explain", metavar="ARTICLE_ID", help="Explain why this article is in its story."),
]


def register(app: typer.Typer) -> None:
    app.command("stories")(stories)
    app.command("story")(story)


def _open(store: Store) -> StoryIndex:
    from corroborator.assign import index_lock
    from corroborator.stories.persist import open_index

    with index_lock(store.path):
        index, rebuilt = open_index(store.path, store)
        if rebuilt:
            store.replace_stories(index.stories())
    if rebuilt:
        stderr_console().print(f"story index rebuilt: {len(index)} articles, {store.count_stories()} stories")
    return index


def stories(db: DbOption = None, as_json: JsonOption = False, explain: ExplainOption = None) -> None:
    """List the stories of the stored articles (largest first), or explain one article's story."""
    from corroborator.store import Store

    with Store(db) as store:
        index = _open(store)
        if explain is not None:
            _print_assignment(index.explain(explain), as_json)
            return
        found = by_storyline(index.stories())
    if as_json:
        typer.echo(json.dumps([story_summary(s) for s in found], ensure_ascii=False, indent=1))
        return
    table = Table("storyline", "story", "size", "outlets", "dates", "headline")
    previous = None
    for item in found:
        summary = story_summary(item)
        shown = item.storyline if item.storyline != previous else ""
        previous = item.storyline
        table.add_row(
            shown, item.id, str(summary["size"]), ", ".join(item.outlets), summary["dates"], item.headline
        )
    stdout_console().print(table)


def by_storyline(stories: list[Story]) -> list[Story]:
    """Stories grouped by storyline (the storyline of the largest story first), each storyline's events in
    date order."""
    largest: dict[str, int] = {}
    for item in stories:
        largest[item.storyline] = max(largest.get(item.storyline, 0), len(item.articles))
    return sorted(
        stories,
        key=lambda s: (-largest[s.storyline], s.storyline, s.first_published or "9999", s.id),
    )


def story(
    story_id: Annotated[str, typer.Argument(help="A story id from `corroborator stories`.")],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Show one story: its articles (outlet, date, title) and which are copies of which."""
    from corroborator.store import Store

    with Store(db) as store:
        index = _open(store)
        number = index.story_number(story_id)
        if number is None:
            raise NotFound(f"no story with id {story_id}", "list stories with `corroborator stories`")
        found = index.story(number)
        events = index.storyline(number)
        articles = [store.get_article(article_id) for article_id in found.articles]
    rows = [
        {"id": a.id, "outlet": a.outlet, "published": a.published, "title": a.title or a.text[:80]}
        for a in articles
    ]
    if as_json:
        payload = story_summary(found) | {
            "articles": rows,
            "copies": [asdict(c) for c in found.copies],
            "storyline_events": [story_summary(event) for event in events],
        }
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=1))
        return
    console = stdout_console()
    console.print(f"{found.id}: {found.headline}")
    table = Table("article", "outlet", "published", "title")
    for row in rows:
        table.add_row(row["id"], row["outlet"] or "", row["published"] or "", row["title"])
    console.print(table)
    for link in found.copies:
        console.print(f"copy: {link.article} copies {link.copy_of} ({link.overlap:.0%} of its text)")
    if len(events) > 1:
        _print_storyline(found, events)


def _print_storyline(found: Story, events: list[Story]) -> None:
    """The events of the story's storyline in date order, this one marked."""
    console = stdout_console()
    console.print(f"storyline {found.storyline}: {len(events)} events")
    table = Table("", "story", "dates", "size", "headline")
    for event in events:
        summary = story_summary(event)
        mark = "this" if event.id == found.id else ""
        table.add_row(mark, event.id, summary["dates"], str(summary["size"]), event.headline)
    console.print(table)


def story_summary(item: Story) -> dict[str, Any]:
    dates = " .. ".join(d for d in (item.first_published, item.last_published) if d)
    if item.first_published == item.last_published:
        dates = item.first_published or ""
    return {
        "story": item.id,
        "storyline": item.storyline,
        "size": len(item.articles),
        "outlets": item.outlets,
        "dates": dates,
        "first_published": item.first_published,
        "last_published": item.last_published,
        "headline": item.headline,
        "copies": len(item.copies),
    }


def _print_assignment(assignment: Assignment, as_json: bool) -> None:
    if as_json:
        typer.echo(json.dumps(asdict(assignment), ensure_ascii=False, indent=1))
        return
    console = stdout_console()
    console.print(
        f"article {assignment.article} is in story {assignment.story} (score {assignment.score:.2f})"
    )
    if assignment.storyline:
        console.print(f"storyline: {assignment.storyline}")
    if assignment.storyline_links:
        console.print(f"joined to its storyline: {', '.join(assignment.storyline_links)}")
    if assignment.other_events:
        console.print(f"another event of its storyline: {', '.join(assignment.other_events)}")
    if assignment.best_match is None:
        console.print("it is the story's only article")
        return
    console.print(f"best match: {assignment.best_match}")
    console.print("signals: " + ", ".join(f"{k} {v:.2f}" for k, v in assignment.signals.items()))
    for kind, values in assignment.shared.items():
        if values:
            console.print(f"shared {kind}: {', '.join(values)}")
