"""StoryIndex: assigns each new article to a story (or starts one), merges stories an article bridges,
splits stories whose members separate, and records copies.

An article joins the story with the best score: the mean link probability to its best-linked members
(up to TOP_MEMBERS of them, a missing member counting 0), provided the score reaches the model's `join`
threshold and is not far below the story's own cohesion. Candidates come from the vector index, the
entity inverted index and the copy LSH buckets, so assignment never scans the whole collection."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np

from corroborator.errors import NotFound
from corroborator.stories.copies import CopyDetector, CopyEntry
from corroborator.stories.embed import DIMENSIONS, Embedder, Vector
from corroborator.stories.event import other_event_stories
from corroborator.stories.profile import ArticleProfile, build_profile
from corroborator.stories.scorer import ScorerModel, load_model, probability
from corroborator.stories.signals import PairContext, lead_terms, pair_signals, shared_evidence
from corroborator.stories.split import average_linkage, member_matrix, originals_and_copies
from corroborator.stories.state import StoryState, day_of, within_span
from corroborator.stories.storylines import STORYLINE_SPAN_DAYS, Storylines, one_saga
from corroborator.stories.table import ProfileTable
from corroborator.stories.text import shingles, words
from corroborator.stories.vectors import VectorIndex
from corroborator.stories.vocab import StreamingIdf
from corroborator.types import Analysis, Article, Assignment, CopyLink, Story

TOP_MEMBERS = 10
VECTOR_CANDIDATES = 24
ENTITY_CANDIDATES = 24
POSTINGS_PER_NAME = 40
COMMON_NAME_SHARE = 0.05
"""Entity keys named by more than this share of all articles are too common to fetch candidates by."""
RECHECK_SIZES = frozenset({4, 8, 12, 16, 20, 24, 28, 32, 48, 64, 96, 128, 192, 256})
"""Story sizes at which a story is rechecked for a split: often while small, then at growing steps."""
RECHECK_LIMIT = 256
NORM_GROWTH = 2.0
"""A cached TF-IDF length is recomputed once the collection has grown by this factor."""


@dataclass
class Scored:
    key: int
    probability: float
    signals: dict[str, float]
    profile: ArticleProfile


class StoryIndex:
    """Incremental story assignment over an in-memory or on-disk (`directory`) index."""

    def __init__(
        self,
        directory: Path | None = None,
        model: ScorerModel | None = None,
        embedder: Embedder | None = None,
        auto_recheck: bool = True,
    ) -> None:
        self.directory = directory
        if directory is not None:
            directory.mkdir(parents=True, exist_ok=True)
        self.model = model or load_model()
        self.embedder = embedder or Embedder()
        self.auto_recheck = auto_recheck
        self.table = ProfileTable(directory / "profiles.sqlite" if directory else None)
        self.vectors = VectorIndex(DIMENSIONS)
        self.context = PairContext(StreamingIdf(), StreamingIdf())
        self.copy_detector = CopyDetector()
        self.copy_links: dict[str, CopyLink] = {}
        self.story_of: dict[int, int] = {}
        self.states: dict[int, StoryState] = {}
        self.storylines = Storylines()
        self.next_key = 0
        self.last_article_id = ""
        self.norms: dict[int, tuple[int, float]] = {}

    # -- assignment ---------------------------------------------------------------------------------------

    def assign(
        self, article: Article, analysis: Analysis | None = None, events: list[str] | None = None
    ) -> Assignment:
        """Put one article in a story and say why; an article already indexed keeps its story. `events`:
        its lead events when read already (`event.lead_events`, e.g. by a batch worker)."""
        known = self.table.key_of(article.id)
        if known is not None:
            return Assignment(article=article.id, story=self.story_id(self.story_of[known]), created=False)
        profile = build_profile(article, analysis, events)
        vector = self.embedder.vector(article.id, profile.lead)
        return self.assign_profile(profile, vector, words(f"{article.title}\n{article.text}"))

    def assign_profile(self, profile: ArticleProfile, vector: Vector, tokens: list[str]) -> Assignment:
        """Assign from precomputed parts (the profile, the lead vector, the word tokens)."""
        key = self.next_key
        self.next_key += 1
        self.context.terms.add(profile.terms)
        self.context.entities.add(profile.entity_keys())
        entry = CopyEntry(profile.article_id, profile.published, profile.length, len(shingles(tokens)))
        link, mates = self.copy_detector.add(entry, tokens)
        scored = self._score(profile, vector, self._candidates(profile, vector, mates))
        self.table.add(key, profile)
        self.vectors.add(key, vector)
        self._norm(key, profile)
        self.last_article_id = profile.article_id
        if link is not None:
            self.copy_links[link.article] = link
        return self._place(key, profile, scored, link)

    def _candidates(self, profile: ArticleProfile, vector: Vector, mates: list[str]) -> set[int]:
        found = set(self.vectors.nearest(vector, VECTOR_CANDIDATES))
        common = max(50.0, COMMON_NAME_SHARE * self.context.entities.documents)
        counts: dict[int, int] = defaultdict(int)
        for name in profile.entity_keys():
            if self.context.entities.frequency.get(name, 0) <= common:
                for other in self.table.latest_with(name, POSTINGS_PER_NAME):
                    counts[other] += 1
        found.update(sorted(counts, key=lambda k: (-counts[k], -k))[:ENTITY_CANDIDATES])
        found.update(k for mate in mates if (k := self.table.key_of(mate)) is not None)
        return found

    def _score(self, profile: ArticleProfile, vector: Vector, candidates: set[int]) -> list[Scored]:
        if not candidates:
            return []
        keys = sorted(candidates)
        profiles = self.table.get(keys)
        others = self.vectors.get(keys)
        own_terms = self.context.terms.weigh(profile.terms)
        own_lead = lead_terms(profile, self.context)
        scored = []
        for key, other_vector in zip(keys, others, strict=True):
            meaning = float(np.dot(vector, other_vector)) if other_vector is not None else 0.0
            wording = self.context.terms.cosine_to(
                own_terms, profiles[key].terms, self._norm(key, profiles[key])
            )
            signals = pair_signals(
                profile, profiles[key], self.context, meaning, wording=wording, left_lead=own_lead
            )
            scored.append(Scored(key, probability(signals, self.model), signals, profiles[key]))
        return scored

    def _norm(self, key: int, profile: ArticleProfile) -> float:
        """The TF-IDF length of an indexed article, recomputed once the collection grew by NORM_GROWTH."""
        documents = self.context.terms.documents
        cached = self.norms.get(key)
        if cached is None or documents > cached[0] * NORM_GROWTH:
            cached = (documents, self.context.terms.norm(profile.terms))
            self.norms[key] = cached
        return cached[1]

    def _story_scores(self, scored: list[Scored]) -> dict[int, float]:
        by_story: dict[int, list[float]] = defaultdict(list)
        for item in scored:
            by_story[self.story_of[item.key]].append(item.probability)
        scores = {}
        for story, values in by_story.items():
            size = min(len(self.states[story].members), TOP_MEMBERS)
            scores[story] = sum(sorted(values, reverse=True)[:size]) / size
        return scores

    def _eligible(self, scores: dict[int, float], day: date | None, other_events: set[int]) -> list[int]:
        model = self.model
        fitting = [
            story
            for story, score in scores.items()
            if score >= model.join
            and score >= model.cohesion_share * self.states[story].cohesion
            and self.states[story].fits(day, day)
            and story not in other_events
        ]
        return sorted(fitting, key=lambda story: -scores[story])

    def _other_events(self, day: date | None, scored: list[Scored]) -> set[int]:
        return other_event_stories(
            day, ((self.story_of[item.key], item.signals, item.profile.published) for item in scored)
        )

    def _place(
        self, key: int, profile: ArticleProfile, scored: list[Scored], link: CopyLink | None
    ) -> Assignment:
        scores = self._story_scores(scored)
        copied = self._copy_story(link, profile.article_id)
        day = day_of(profile.published)
        other_events = self._other_events(day, scored)
        eligible = self._eligible(scores, day, other_events)
        passed = self._passed_over(other_events, scores)
        if copied is not None:
            eligible = [copied, *(story for story in eligible if story != copied)]
        if not eligible:
            self.states[key] = StoryState(founder=profile.article_id, members=[key])
            self.states[key].note_dates(day, day)
            self.story_of[key] = key
            linked = self._link_storylines(key, profile, scored, passed)
            created = self._explain(
                key, profile, key, scored, created=True, score=max(scores.values(), default=0.0)
            )
            created.storyline_links = linked
            created.other_events = sorted(self.story_id(number) for number in passed)
            return created
        story = eligible[0]
        score = 1.0 if copied is not None else scores[story]
        bridged = [story]
        for other in eligible[1:]:
            if scores[other] >= self.model.merge and self._merged_fits(bridged, other):
                bridged.append(other)
        names = {number: self.story_id(number) for number in bridged}
        for other in bridged[1:]:
            story = self._merge(story, other)
        self._join(key, story, score)
        self.states[story].note_dates(day, day)
        linked = self._link_storylines(self.story_of[key], profile, scored, passed)
        assignment = self._explain(key, profile, story, scored, created=False, score=score)
        assignment.merged = [names[number] for number in bridged if number != story]
        assignment.storyline_links = linked
        assignment.other_events = sorted(self.story_id(number) for number in passed)
        if link is not None:
            assignment.signals["copy_overlap"] = link.overlap
        if self.auto_recheck and len(self.states[self.story_of[key]].members) in RECHECK_SIZES:
            self.recheck(self.story_id(self.story_of[key]))
            assignment.story = self.story_id(self.story_of[key])
        return assignment

    def _passed_over(self, other_events: set[int], scores: dict[int, float]) -> list[int]:
        """The stories the article would have joined but for their other event."""
        return sorted(story for story in other_events if scores.get(story, 0.0) >= self.model.join)

    def _link_storylines(
        self, story: int, profile: ArticleProfile, scored: list[Scored], passed: list[int]
    ) -> list[str]:
        """Put `story` in one storyline with the stories `passed` over for telling another event of the
        saga, and with the stories of the articles its new article (`profile`) tells one saga with
        (`storylines.one_saga`); the ids of those stories."""
        day = day_of(profile.published)
        linked = {number for number in passed if number != story and number in self.states}
        for item in scored:
            other = self.story_of.get(item.key)
            state = self.states.get(other) if other is not None else None
            if (
                other is not None
                and other != story
                and state is not None
                and one_saga(item.probability, item.signals, profile, item.profile)
                and state.fits(day, day, STORYLINE_SPAN_DAYS)
            ):
                linked.add(other)
        for number in linked:
            self.storylines.link(story, number)
        return sorted(self.story_id(number) for number in linked)

    def _copy_story(self, link: CopyLink | None, article_id: str) -> int | None:
        if link is None:
            return None
        other = link.copy_of if link.article == article_id else link.article
        other_key = self.table.key_of(other)
        return self.story_of[other_key] if other_key is not None else None

    def _join(self, key: int, story: int, score: float) -> None:
        state = self.states[story]
        state.members.append(key)
        state.joined_sum += score
        state.joined_count += 1
        self.story_of[key] = story

    def _merged_fits(self, bridged: list[int], other: int) -> bool:
        """Whether `other` merged with the stories `bridged` stays within MAX_SPAN_DAYS."""
        states = [self.states[number] for number in [*bridged, other]]
        return within_span(day for state in states for day in (state.first, state.last) if day is not None)

    def _merge(self, story: int, other: int) -> int:
        """Merge two stories; the larger (then older) keeps its id. Returns the surviving story."""
        keep, drop = sorted((story, other), key=lambda s: (-len(self.states[s].members), s))
        kept, dropped = self.states[keep], self.states.pop(drop)
        self.storylines.link(keep, drop)
        for member in dropped.members:
            self.story_of[member] = keep
        kept.members = sorted(kept.members + dropped.members)
        kept.joined_sum += dropped.joined_sum
        kept.joined_count += dropped.joined_count
        kept.note_dates(dropped.first, dropped.last)
        return keep

    def _explain(
        self, key: int, profile: ArticleProfile, story: int, scored: list[Scored], created: bool, score: float
    ) -> Assignment:
        in_story = [item for item in scored if self.story_of.get(item.key) == story and item.key != key]
        pool = in_story or scored
        best = max(pool, key=lambda item: item.probability, default=None)
        assignment = Assignment(
            article=profile.article_id,
            story=self.story_id(story),
            created=created,
            score=round(score, 4),
            storyline=self.storyline_id(story),
        )
        if best is not None:
            assignment.best_match = best.profile.article_id
            assignment.signals = {name: round(value, 4) for name, value in best.signals.items()}
            assignment.signals["probability"] = round(best.probability, 4)
            assignment.shared = shared_evidence(profile, best.profile)
        return assignment

    def explain(self, article_id: str) -> Assignment:
        """Why an indexed article is in its story: its best link there, the signals and what they share."""
        key = self.table.key_of(article_id)
        if key is None:
            raise NotFound(f"article {article_id} is not in the story index", "ingest it, then list stories")
        number = self.story_of[key]
        profile = self.table.get([key])[key]
        stored = self.vectors.get([key])[0]
        vector = stored if stored is not None else np.zeros(DIMENSIONS, dtype=np.float32)
        others = {m for m in self.states[number].members if m != key}
        scored = self._score(profile, vector, others)
        best_links = sorted((item.probability for item in scored), reverse=True)[:TOP_MEMBERS]
        score = sum(best_links) / len(best_links) if best_links else 0.0
        assignment = self._explain(key, profile, number, scored, created=not others, score=score)
        assignment.other_events = self._other_events_of_storyline(profile, vector, number)
        link = self.copy_links.get(article_id)
        if link is not None:
            assignment.signals["copy_overlap"] = link.overlap
        return assignment

    def _other_events_of_storyline(self, profile: ArticleProfile, vector: Vector, number: int) -> list[str]:
        """The other stories of the storyline of story `number` whose articles tell another event."""
        members = {
            key
            for story in self._storyline_numbers(number)
            if story != number
            for key in self.states[story].members
        }
        scored = self._score(profile, vector, members)
        return sorted(self.story_id(story) for story in self._other_events(day_of(profile.published), scored))

    # -- reading ------------------------------------------------------------------------------------------

    def story_id(self, story: int) -> str:
        return f"s{self.states[story].founder}"

    def storyline_id(self, story: int) -> str:
        """`l` and the id of the storyline's first article."""
        root = self.storylines.root(story)
        return f"l{self.table.article_ids([root])[root]}"

    def story_number(self, story_id: str) -> int | None:
        key = self.table.key_of(story_id[1:]) if story_id.startswith("s") else None
        if key is None or self.story_of.get(key) is None:
            return None
        number = self.story_of[key]
        return number if self.story_id(number) == story_id else None

    def storyline(self, number: int) -> list[Story]:
        """The stories (events) of the storyline of story `number`, earliest first."""
        events = [self.story(other) for other in self._storyline_numbers(number)]
        return sorted(events, key=lambda event: (event.first_published or "9999", event.id))

    def _storyline_numbers(self, number: int) -> list[int]:
        """The numbers of the stories of the storyline of story `number` (itself included)."""
        root = self.storylines.root(number)
        return [other for other in self.states if self.storylines.root(other) == root]

    def __len__(self) -> int:
        return len(self.story_of)

    @property
    def fingerprint(self) -> str:
        """Article count and last article id: what `persist` compares with the store to find staleness."""
        return f"{len(self.story_of)}:{self.last_article_id}"

    def stories(self) -> list[Story]:
        """Every story, largest first, each with its members in arrival order and its copies."""
        ordered = sorted(self.states, key=lambda s: (-len(self.states[s].members), s))
        return [self.story(number) for number in ordered]

    def story(self, number: int) -> Story:
        state = self.states[number]
        profiles = self.table.get(state.members)
        members = [profiles[key] for key in state.members]
        ids = {p.article_id for p in members}
        dates = sorted(p.published for p in members if p.published)
        earliest = min(enumerate(members), key=lambda item: (item[1].published or "9999", item[0]))[1]
        return Story(
            id=self.story_id(number),
            articles=[p.article_id for p in members],
            copies=[link for a, link in sorted(self.copy_links.items()) if a in ids and link.copy_of in ids],
            headline=earliest.title,
            outlets=sorted({p.outlet for p in members if p.outlet}),
            first_published=dates[0] if dates else None,
            last_published=dates[-1] if dates else None,
            storyline=self.storyline_id(number),
        )

    # -- splitting ----------------------------------------------------------------------------------------

    def recheck(self, story_id: str) -> list[str]:
        """Split a story whose members clearly separate: average linkage at the join threshold, where two
        parts also stay apart when their mean link is below `split_ratio` of the tighter part's cohesion.
        Returns the ids of the stories its members are in afterwards."""
        number = self.story_number(story_id)
        if number is None:
            raise NotFound(f"no story with id {story_id}", "list stories with `corroborator stories`")
        members = self.states[number].members
        ids = self.table.article_ids(members)
        originals, copies_of = originals_and_copies(members, ids, self.copy_links)
        if len(originals) < 2 or len(originals) > RECHECK_LIMIT:
            return [story_id]
        weights = [1 + len(copies_of.get(key, [])) for key in originals]
        matrix = member_matrix(originals, self.table, self.vectors, self.context, self.model)
        groups = average_linkage(matrix, self.model.join, self.model.split_ratio, weights)
        if len(groups) == 1:
            return [story_id]
        parts = [
            [k for i in group for k in (originals[i], *copies_of.get(originals[i], []))] for group in groups
        ]
        return self._split(number, [sorted(part) for part in parts])

    def _split(self, number: int, groups: list[list[int]]) -> list[str]:
        state = self.states.pop(number)
        # The group holding the founder keeps the story number: a story number is always one of its members.
        groups.sort(key=lambda group: (number not in group, -len(group), min(group)))
        numbers = []
        for index, group in enumerate(groups):
            group.sort()
            new_number = number if index == 0 else group[0]
            founder = state.founder if index == 0 else self.table.article_ids([group[0]])[group[0]]
            share = len(group) / len(state.members)
            self.states[new_number] = StoryState(
                founder, group, state.joined_sum * share, max(0, round(state.joined_count * share))
            )
            for profile in self.table.get(group).values():
                self.states[new_number].note_date(profile.published)
            for member in group:
                self.story_of[member] = new_number
            self.storylines.link(number, new_number)
            numbers.append(new_number)
        return [self.story_id(n) for n in numbers]
