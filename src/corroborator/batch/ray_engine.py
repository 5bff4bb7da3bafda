"""The Ray engine: the same units of work as the local engine, run with Ray Data on a laptop or a cluster.

Analysis is a `map_batches` over an actor pool (each actor loads the models once); briefs are Ray tasks,
each building the briefs of a group of stories. Story grouping runs on the driver with the same code as the
local engine, so both give the same stories (docs/ray.md says why it is not split into parallel blocks).
"""

from __future__ import annotations

import json
import logging
import os
import warnings
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from corroborator.batch import work
from corroborator.batch.shards import Shard
from corroborator.errors import CorroboratorError
from corroborator.store.codec import article_from_dict, article_to_dict

R = TypeVar("R")
START_ATTEMPTS = 3
"""A local Ray gives its raylet a fixed 30 s to start; on a loaded machine that can fail, so try again."""
BATCH_SIZE = 16
"""Articles per `map_batches` call: small enough that both actors get work on a small input."""


class AnalyzeActor:
    """A Ray Data actor: analyses batches of articles given as JSON text, one model load per actor."""

    def __init__(self) -> None:
        work.limit_threads()
        work.analyzer()

    def __call__(self, batch: Any) -> dict[str, list[Any]]:
        """Rows in, rows out: each article's records (its analysis and any rejects) as one JSON list."""
        articles = [article_from_dict(json.loads(text)) for text in batch.column("article").to_pylist()]
        records = work.analyze_articles(articles)
        return {
            "shard": batch.column("shard").to_pylist(),
            "position": batch.column("position").to_pylist(),
            "records": [json.dumps(group, ensure_ascii=False) for group in records],
        }


class RayEngine:
    name = "ray"

    def __init__(self, address: str | None = None, workers: int | None = None) -> None:
        """`workers` actors analyse: by default one per CPU here, or of the cluster at `address`."""
        self.address = address
        self.requested = workers
        self.workers = max(1, workers or os.cpu_count() or 1)

    def __enter__(self) -> RayEngine:
        import ray
        import ray.data

        logging.getLogger("ray.data").setLevel(logging.WARNING)  # its progress lines; the CLI shows its own
        for attempt in range(1, START_ATTEMPTS + 1):
            try:
                self._start(ray)
                return self
            except Exception as error:
                ray.shutdown()  # a half-started local Ray leaves its processes running otherwise
                if attempt == START_ATTEMPTS or self.address:
                    raise CorroboratorError(
                        f"could not start or reach Ray ({self.address or 'local'}): {error}".splitlines()[0],
                        "check --address (ray://HOST:10001 or auto) or use --engine local",
                    ) from error
        return self

    def _start(self, ray: Any) -> None:
        if self.address:
            ray.init(address=self.address, ignore_reinit_error=True, log_to_driver=False)
            if self.requested is None:
                self.workers = max(1, int(ray.cluster_resources().get("CPU", 1)))
        else:
            ray.init(
                num_cpus=self.workers,
                include_dashboard=False,
                ignore_reinit_error=True,
                log_to_driver=False,
                configure_logging=False,
            )

    def __exit__(self, *exc: object) -> None:
        import ray

        ray.shutdown()

    def analyze_shards(self, shards: Iterable[Shard]) -> Iterator[tuple[Shard, list[dict[str, Any]]]]:
        """Analyse shards on the actor pool, yielding each shard as soon as all its articles are back."""
        import ray.data

        _data_context()
        todo = {shard.fingerprint: shard for shard in shards if shard.articles}
        items = [
            {"shard": key, "position": position, "article": json.dumps(article_to_dict(article))}
            for key, shard in todo.items()
            for position, article in enumerate(shard.articles)
        ]
        if not items:
            return
        blocks = min(len(items), max(2 * self.workers, len(items) // (4 * BATCH_SIZE)))
        dataset = ray.data.from_items(items, override_num_blocks=blocks).map_batches(
            AnalyzeActor,
            batch_size=BATCH_SIZE,
            batch_format="pyarrow",
            compute=ray.data.ActorPoolStrategy(size=self.workers),
        )
        del items
        arrived: dict[str, list[tuple[int, list[dict[str, Any]]]]] = {key: [] for key in todo}
        for row in dataset.iter_rows():
            key = str(row["shard"])
            arrived[key].append((int(row["position"]), json.loads(str(row["records"]))))
            shard = todo[key]
            if len(arrived[key]) == len(shard.articles):
                in_order = sorted(arrived.pop(key), key=lambda pair: pair[0])
                yield shard, [record for _, records in in_order for record in records]

    def map(
        self, function: Callable[..., R], argument_lists: Iterable[tuple[Any, ...]]
    ) -> list[R | work.LostTask]:
        """`function` over the argument lists as Ray tasks, in order; a task whose worker died (after Ray's
        retries) or that raised is a LostTask, and the others go on."""
        import ray
        import ray.exceptions

        remote = ray.remote(num_cpus=1)(_call)
        refs = [remote.remote(function, *arguments) for arguments in argument_lists]
        results: list[R | work.LostTask] = []
        for ref in refs:
            try:
                results.append(ray.get(ref))
            except ray.exceptions.RayError as error:
                results.append(work.LostTask(f"its Ray task failed: {str(error).splitlines()[0][:300]}"))
        return results


def _data_context() -> Any:
    """Ray Data's context, created once with its own spurious deprecation warnings silenced.

    Ray 2.60's `DataContext()` assigns its deprecated fields `use_push_based_shuffle`, `use_polars` and
    `use_arrow_tensor_v2` in `__init__`, and its `__setattr__` warns on each whatever the value, so every
    program using Ray Data gets these three warnings; only they are ignored, only here."""
    import ray.data

    with warnings.catch_warnings():
        warnings.filterwarnings(
            "ignore",
            message="`(use_push_based_shuffle|use_polars|use_arrow_tensor_v2)` is deprecated",
            category=DeprecationWarning,
            module=r"ray\.data\.context",
        )
        return ray.data.DataContext.get_current()


def _call(function: Callable[..., R], *arguments: Any) -> R:
    work.limit_threads()
    return function(*arguments)
