"""The Ray engine: the same units of work as the local engine, run with Ray Data on a laptop or a cluster.

Analysis is a `map_batches` over an actor pool (each actor loads the models once); briefs are Ray tasks.
Story grouping runs on the driver with the same code as the local engine, so both give the same stories.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from corroborator.batch import work
from corroborator.batch.shards import Shard
from corroborator.errors import CorroboratorError
from corroborator.store.codec import article_from_dict, article_to_dict

R = TypeVar("R")


class AnalyzeActor:
    """A Ray Data actor: analyses batches of articles given as JSON text, one model load per actor."""

    def __init__(self) -> None:
        work.limit_threads()
        work.analyzer()

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        articles = [article_from_dict(json.loads(text)) for text in batch["article"]]
        records = work.analyze_articles(articles)
        return {
            "shard": list(batch["shard"]),
            "position": list(batch["position"]),
            "record": [json.dumps(record, ensure_ascii=False) for record in records],
        }


class RayEngine:
    name = "ray"

    def __init__(self, address: str | None = None, workers: int | None = None) -> None:
        self.address = address
        self.workers = max(1, workers or os.cpu_count() or 1)

    def __enter__(self) -> RayEngine:
        import ray

        try:
            if self.address:
                ray.init(address=self.address, ignore_reinit_error=True, log_to_driver=False)
            else:
                ray.init(
                    num_cpus=self.workers,
                    include_dashboard=False,
                    ignore_reinit_error=True,
                    log_to_driver=False,
                    configure_logging=False,
                )
        except Exception as error:
            raise CorroboratorError(
                f"could not start or reach Ray ({self.address or 'local'}): {error}".splitlines()[0],
                "check --address (ray://HOST:10001 or auto) or use --engine local",
            ) from error
        return self

    def __exit__(self, *exc: object) -> None:
        import ray

        ray.shutdown()

    def analyze_shards(self, shards: Iterable[Shard]) -> Iterator[tuple[Shard, list[dict[str, Any]]]]:
        import ray.data

        todo = list(shards)
        items = [
            {"shard": shard.index, "position": position, "article": json.dumps(article_to_dict(article))}
            for shard in todo
            for position, article in enumerate(shard.articles)
        ]
        if not items:
            return
        dataset = ray.data.from_items(items).map_batches(
            AnalyzeActor,
            batch_size=32,
            batch_format="numpy",
            compute=ray.data.ActorPoolStrategy(size=self.workers),
        )
        by_shard: dict[int, list[tuple[int, dict[str, Any]]]] = {shard.index: [] for shard in todo}
        for row in dataset.iter_rows():
            by_shard[int(row["shard"])].append((int(row["position"]), json.loads(str(row["record"]))))
        for shard in todo:
            yield shard, [record for _, record in sorted(by_shard[shard.index], key=lambda pair: pair[0])]

    def map(self, function: Callable[..., R], argument_lists: Iterable[tuple[Any, ...]]) -> list[R]:
        import ray

        remote = ray.remote(num_cpus=1)(_call)
        refs = [remote.remote(function, *arguments) for arguments in argument_lists]
        return list(ray.get(refs))


def _call(function: Callable[..., R], *arguments: Any) -> R:
    work.limit_threads()
    return function(*arguments)
