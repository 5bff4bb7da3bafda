"""Speed of story assignment: one new article against an index of N articles (analysis excluded).

    .venv/bin/python bench/bench_stories.py --sizes 10000,100000,1000000

The corpus is generated: random unit lead vectors (some near-duplicated into stories), synthetic entity
sets and word lists (whose MinHash signatures go into the copy LSH). The index is bulk-loaded, then
`StoryIndex.assign_profile` is timed on new articles. Prints median/p95 ms, growth, and peak RSS."""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import tempfile
import time
from collections import Counter
from pathlib import Path

import numpy as np

from corroborator.stories.copies import CopyEntry
from corroborator.stories.embed import DIMENSIONS
from corroborator.stories.index import StoryIndex, StoryState
from corroborator.stories.profile import ArticleProfile
from corroborator.stories.text import shingles

VOCABULARY = [f"w{n}" for n in range(50_000)]
PEOPLE = [f"person{n}" for n in range(200_000)]
PLACES = [f"place{n}" for n in range(20_000)]
STORY_SIZE = 5
WORDS = 120
BATCH = 10_000


def synthetic(rng: random.Random, key: int) -> tuple[ArticleProfile, list[str]]:
    story = key // STORY_SIZE
    story_rng = random.Random(story)
    tokens = [story_rng.choice(VOCABULARY) for _ in range(WORDS // 2)] + [
        rng.choice(VOCABULARY) for _ in range(WORDS // 2)
    ]
    people = {story_rng.choice(PEOPLE) for _ in range(3)}
    places = {story_rng.choice(PLACES)}
    profile = ArticleProfile(
        article_id=f"a{key:08d}",
        title=f"story {story}",
        published=f"2024-{1 + story % 12:02d}-{1 + story % 28:02d}",
        terms=Counter(tokens),
        people=people,
        surnames=people,
        places=places,
        length=len(tokens),
        mentions=Counter({f"p:{p}": 2 for p in people}),
        lead_names={f"p:{p}" for p in people},
    )
    profile.dates.add(str(profile.published))
    return profile, tokens


def story_vectors(count: int, start: int, rng: np.random.Generator) -> np.ndarray:
    keys = np.arange(start, start + count)
    centres = np.random.default_rng(7).standard_normal((keys[-1] // STORY_SIZE + 1, DIMENSIONS))
    vectors = centres[keys // STORY_SIZE] + 0.6 * rng.standard_normal((count, DIMENSIONS))
    return (vectors / np.linalg.norm(vectors, axis=1, keepdims=True)).astype(np.float32)


def bulk_load(index: StoryIndex, size: int) -> None:
    rng, vector_rng = random.Random(1), np.random.default_rng(1)
    for start in range(0, size, BATCH):
        count = min(BATCH, size - start)
        vectors = story_vectors(count, start, vector_rng)
        index.vectors.index.add(np.arange(start, start + count, dtype=np.uint64), vectors)
        with index.copy_detector.lsh.insertion_session() as session:
            for key in range(start, start + count):
                profile, tokens = synthetic(rng, key)
                index.context.terms.add(profile.terms)
                index.context.entities.add(profile.entity_keys())
                index.table.add(key, profile)
                index.norms[key] = (index.context.terms.documents, index.context.terms.norm(profile.terms))
                story = key - key % STORY_SIZE
                index.states.setdefault(story, StoryState(founder=profile.article_id)).members.append(key)
                index.story_of[key] = story
                if key % 10 == 0:
                    shingle_set = shingles(tokens)
                    minhash = index.copy_detector.signature(shingle_set)
                    session.insert(profile.article_id, minhash)
                    index.copy_detector.signatures[profile.article_id] = minhash
                    index.copy_detector.entries[profile.article_id] = CopyEntry(
                        profile.article_id, profile.published, len(tokens), len(shingle_set)
                    )
        index.table.commit()
    index.next_key = size


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(size: int, trials: int, workdir: Path) -> dict[str, float]:
    index = StoryIndex(workdir / f"bench-{size}", auto_recheck=False)
    started = time.perf_counter()
    bulk_load(index, size)
    load_seconds = time.perf_counter() - started
    rng, vector_rng = random.Random(99), np.random.default_rng(99)
    vectors = story_vectors(trials, size, vector_rng)
    timings = []
    for n in range(trials):
        profile, tokens = synthetic(rng, size + n)
        began = time.perf_counter()
        index.assign_profile(profile, vectors[n], tokens)
        timings.append((time.perf_counter() - began) * 1000)
    disk = sum(p.stat().st_size for p in (workdir / f"bench-{size}").iterdir()) / 2**20
    return {
        "size": size,
        "load_s": load_seconds,
        "median_ms": statistics.median(timings),
        "p95_ms": sorted(timings)[int(0.95 * len(timings))],
        "vectors_mb": index.vectors.index.memory_usage / 2**20,
        "sqlite_mb": disk,
        "peak_rss_mb": peak_rss_mb(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--trials", type=int, default=200)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        previous = None
        for size in (int(s) for s in options.sizes.split(",")):
            row = measure(size, options.trials, Path(tmp))
            growth = f" growth x{row['median_ms'] / previous:.2f}" if previous else ""
            previous = row["median_ms"]
            print(
                f"{size:>9,} articles: assign median {row['median_ms']:.2f} ms "
                f"p95 {row['p95_ms']:.2f} ms{growth}; load {row['load_s']:.0f} s; "
                f"vectors {row['vectors_mb']:.0f} MB; sqlite {row['sqlite_mb']:.0f} MB; "
                f"peak RSS {row['peak_rss_mb']:.0f} MB",
                flush=True,
            )


if __name__ == "__main__":
    main()
