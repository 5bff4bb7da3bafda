"""A generated news corpus for measuring story assignment at scale (analysis and embedding excluded).

Articles arrive in windows of WINDOW; each window holds stories of heavy-tailed sizes, shuffled together.
A story has a date, people, places, organisations, numbers and a run of words, all drawn with Zipf-like
skew (a few names and words are very common); each article takes part of its story's words and adds its
own, and a few are near-copies of the story's text. Lead vectors are drawn near a per-story centre, itself
near one of TOPICS topic centres, and normalised. Everything is a function of the article's number, so
the articles after the first N are "new articles from the same generator"."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterator
from datetime import date, timedelta
from functools import lru_cache
from itertools import accumulate

import numpy as np

from corroborator.stories.bulk import BulkArticle
from corroborator.stories.embed import DIMENSIONS, Vector
from corroborator.stories.profile import ArticleProfile

WINDOW = 1000
WINDOWS_PER_DAY = 3
TOPICS = 500
STORY_WORDS = 80
OWN_WORDS = 60
COPY_SHARE = 0.04
START = date(2022, 1, 1)


def _zipf_pool(prefix: str, size: int, skew: float = 1.0) -> tuple[list[str], list[float]]:
    names = [f"{prefix}{n}" for n in range(size)]
    return names, list(accumulate(1.0 / (rank + 1) ** skew for rank in range(size)))


WORDS = _zipf_pool("w", 60_000)
FIRST_NAMES = _zipf_pool("first", 3_000)
SURNAMES = _zipf_pool("sur", 150_000, 0.8)
PLACES = _zipf_pool("place", 30_000)
ORGS = _zipf_pool("org", 50_000, 0.9)
OUTLETS = [f"outlet{n}" for n in range(300)]
EVENT_VERBS = [
    "shut",
    "end",
    "begin",
    "arrest",
    "sentence",
    "kill",
    "resign",
    "sign",
    "approve",
    "win",
    "lose",
    "attack",
    "rescue",
    "elect",
    "announce",
    "release",
    "charge",
    "crash",
    "strike",
    "flood",
    "protest",
    "meet",
    "visit",
    "buy",
    "sell",
    "raise",
    "cut",
    "open",
    "close",
    "launch",
    "fire",
    "hire",
]
"""Lead events of the generated stories (real verbs: the event signal asks WordNet about them)."""


def _draw(rng: random.Random, pool: tuple[list[str], list[float]], count: int) -> list[str]:
    return rng.choices(pool[0], cum_weights=pool[1], k=count)


@lru_cache(maxsize=8)
def window_labels(window: int) -> list[int]:
    """The story label of each slot of a window (labels are unique across windows)."""
    rng = random.Random(window)
    labels: list[int] = []
    while len(labels) < WINDOW:
        size = min(WINDOW - len(labels), int(rng.paretovariate(1.1)))
        labels += [window * WINDOW + len(set(labels))] * size
    rng.shuffle(labels)
    return labels


class Story:
    """The shared features of one story, drawn from its label."""

    def __init__(self, label: int) -> None:
        rng = random.Random(label * 7919 + 1)
        self.day = START + timedelta(days=label // (WINDOW * WINDOWS_PER_DAY))
        self.words = _draw(rng, WORDS, STORY_WORDS)
        firsts, surnames = _draw(rng, FIRST_NAMES, 3), _draw(rng, SURNAMES, 3)
        self.people = [f"{first} {surname}" for first, surname in zip(firsts, surnames, strict=True)]
        self.places = _draw(rng, PLACES, 2)
        self.orgs = _draw(rng, ORGS, rng.randint(0, 2))
        units = rng.sample(["people", "km", "dollars"], 2)
        self.numbers = [f"{rng.randint(11, 5000)} {unit}" for unit in units]
        self.events = random.Random(-label).sample(EVENT_VERBS, 2)
        vectors = np.random.default_rng(label)
        topic = np.random.default_rng(1_000_003 + label % TOPICS).standard_normal(DIMENSIONS)
        self.centre = topic + 0.8 * vectors.standard_normal(DIMENSIONS)


@lru_cache(maxsize=4096)
def story(label: int) -> Story:
    return Story(label)


def article(number: int) -> BulkArticle:
    """Article `number` of the corpus, with the label of its story."""
    return window_articles(number // WINDOW)[number % WINDOW]


@lru_cache(maxsize=2)
def window_articles(window: int) -> list[BulkArticle]:
    """Every article of one window (drawn together: one random generator, one vector matrix)."""
    labels = window_labels(window)
    rng = random.Random(-window - 1)
    return _articles(window * WINDOW, labels, rng, np.random.default_rng(window))


def _articles(
    first: int, labels: list[int], rng: random.Random, draws: np.random.Generator
) -> list[BulkArticle]:
    """Articles numbered from `first`, one per label."""
    noise = draws.standard_normal((len(labels), DIMENSIONS))
    vectors = np.stack([story(label).centre for label in labels]) + 0.6 * noise
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    names, cumulative = WORDS
    picks = np.searchsorted(cumulative, draws.random((len(labels), OWN_WORDS)) * cumulative[-1], side="right")
    own_words = [[names[i] for i in row] for row in np.minimum(picks, len(names) - 1).tolist()]
    return [
        _article(first + slot, story(label), rng, own_words[slot], label, vector)
        for slot, (label, vector) in enumerate(zip(labels, vectors.astype(np.float32), strict=True))
    ]


def _article(
    number: int, shared: Story, rng: random.Random, own_words: list[str], label: int, vector: Vector
) -> BulkArticle:
    copy = rng.random() < COPY_SHARE
    kept = STORY_WORDS if copy else rng.randint(STORY_WORDS // 4, STORY_WORDS // 2)
    tokens = shared.words[:kept] + own_words[: 4 if copy else OWN_WORDS]
    people = set(rng.sample(shared.people, rng.randint(1, 3)))
    surnames = {name.split()[-1] for name in people}
    places = set(rng.sample(shared.places, rng.randint(0, 2)))
    published = (shared.day + timedelta(days=rng.randint(0, 2))).isoformat()
    profile = ArticleProfile(
        article_id=f"a{number:08d}",
        title=" ".join(tokens[:8]),
        published=published,
        outlet=rng.choice(OUTLETS),
        terms=Counter(tokens),
        people=people,
        surnames=surnames,
        places=places,
        orgs=set(shared.orgs),
        dates={published, shared.day.isoformat()},
        years=Counter({shared.day.year: 1}),
        numbers=set(rng.sample(shared.numbers, rng.randint(0, 2))),
        length=len(tokens),
        mentions=Counter({f"p:{s}": 2 for s in surnames} | {f"g:{p}": 1 for p in places}),
        lead_names={f"p:{s}" for s in surnames},
        events=shared.events[: 1 + number % 2],
    )
    return BulkArticle(profile, vector, tokens, label)


def generated(size: int, start: int = 0) -> Iterator[BulkArticle]:
    for number in range(start, start + size):
        yield article(number)


def new_articles(size: int, count: int) -> Iterator[tuple[ArticleProfile, Vector, list[str]]]:
    """`count` articles numbered after a corpus of `size`, as `assign_profile` takes them: further
    reports of the stories of its last window (spread over the window), drawn the same way."""
    labels = window_labels((size - 1) // WINDOW)
    picked = [labels[(n * 7) % WINDOW] for n in range(count)]
    for item in _articles(size, picked, random.Random(-size), np.random.default_rng(size)):
        yield item.profile, item.vector, item.tokens
