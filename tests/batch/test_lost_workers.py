"""A worker process that dies (here: SIGKILL, as the kernel's OOM killer does) loses only its own item."""

from __future__ import annotations

import os
import signal
from collections.abc import Callable, Iterable
from typing import Any

from corroborator.batch import work
from corroborator.batch.local import WORKER_OOM_SCORE_ADJ, LocalEngine
from corroborator.batch.run import _brief_rows
from corroborator.types import Analysis, Article, Story

DOOMED = "doomed"


def square_or_die(value: int) -> int:
    if value == 3:
        os.kill(os.getpid(), signal.SIGKILL)
    return value * value


def brief_rows_or_die(jobs: list[work.BriefJob], semantic: bool = False) -> list[dict[str, Any]]:
    if any(story.id == DOOMED for story, _, _ in jobs):
        os.kill(os.getpid(), signal.SIGKILL)
    return work.brief_rows(jobs, semantic)


class DyingEngine(LocalEngine):
    """Local processes whose brief tasks kill their worker when they hold the story DOOMED."""

    def map(self, function: Callable[..., Any], argument_lists: Iterable[tuple[Any, ...]]) -> list[Any]:
        chosen = brief_rows_or_die if function is work.brief_rows else function
        return super().map(chosen, argument_lists)


def test_a_killed_worker_loses_its_call_and_the_pool_goes_on() -> None:
    with LocalEngine(2) as engine:
        results = engine.map(square_or_die, [(n,) for n in range(6)])
        again = engine.map(square_or_die, [(5,)])
    assert results[:3] == [0, 1, 4] and results[4:] == [16, 25]
    assert isinstance(results[3], work.LostTask) and "died" in results[3].reason
    assert again == [25]


def one_story(story_id: str, text: str) -> work.BriefJob:
    article = Article(id=f"{story_id}-a", text=text)
    return Story(id=story_id, articles=[article.id]), [article], [Analysis(article_id=article.id)]


def test_a_group_whose_worker_dies_is_retried_story_by_story() -> None:
    group = [one_story(n, f"Report {n}: the bridge reopened on Monday.") for n in ("s1", DOOMED, "s2")]
    with DyingEngine(2) as engine:
        rows = list(_brief_rows(engine, [group, [one_story("s3", "Another report.")]], False))
    rejects = [row["reject"] for row in rows if "reject" in row]
    assert sorted(row["story"] for row in rows if "reject" not in row) == ["s1", "s2", "s3"]
    assert [r["item"] for r in rejects] == [f"story {DOOMED}"]
    assert "worker process died" in rejects[0]["reason"]


def test_after_a_loss_only_the_calls_a_worker_may_have_held_run_alone() -> None:
    alone: list[int] = []
    with LocalEngine(2) as engine:
        call_alone = engine._call_alone

        def counted(function: Callable[..., Any], arguments: tuple[Any, ...]) -> Any:
            alone.append(arguments[0])
            return call_alone(function, arguments)

        engine._call_alone = counted  # type: ignore[method-assign]
        results = engine.map(square_or_die, [(n,) for n in range(40)])
    assert isinstance(results[3], work.LostTask)
    assert [r for n, r in enumerate(results) if n != 3] == [n * n for n in range(40) if n != 3]
    assert 3 in alone and len(alone) <= engine.workers + 1, f"run alone: {alone}"


def own_oom_score_adj() -> int:
    with open("/proc/self/oom_score_adj", encoding="ascii") as handle:
        return int(handle.read())


def test_workers_volunteer_to_the_oom_killer_before_the_driver() -> None:
    driver = own_oom_score_adj()
    with LocalEngine(2) as engine:
        scores = engine.map(own_oom_score_adj, [() for _ in range(4)])
    assert scores == [max(driver, WORKER_OOM_SCORE_ADJ)] * 4
    assert own_oom_score_adj() == driver
