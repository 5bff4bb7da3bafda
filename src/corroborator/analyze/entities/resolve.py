"""Cross-article entity resolution: one entity behind "Cheong Seong-chang", "Cheong Seong Chang" and "Chang",
behind "KCNA" and "Korean Central News Agency", behind "the US", "U.S." and "United States"."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy
from rapidfuzz import fuzz, process

from corroborator.analyze.entities.aliases import alias_of
from corroborator.analyze.entities.extract import TITLE_WORDS
from corroborator.analyze.entities.media import lookup
from corroborator.analyze.entities.names import (
    acronym_letters,
    initials,
    is_acronym,
    is_part_of,
    name_key,
    name_tokens,
    romanised,
)
from corroborator.types import Analysis

SAME_KEY = 0.95
SAME_MEDIUM = 0.95
ALIAS = 0.95
ACRONYM = 0.85
PARTIAL_NAME = 0.8
FUZZY_NAME = 90.0
FUZZY_LAST_TOKEN = 75.0


@dataclass
class EntityCluster:
    """One real-world entity and the names it goes by across articles."""

    canonical: str
    label: str
    variants: list[str] = field(default_factory=list)
    confidence: float = 1.0
    """The weakest link that joined the cluster: 1.0 for one spelling, lower for fuzzy or partial matches."""
    mentions: int = 0
    articles: list[str] = field(default_factory=list)


@dataclass
class _KeyStats:
    labels: Counter[str] = field(default_factory=Counter)
    surfaces: set[str] = field(default_factory=set)
    articles: set[str] = field(default_factory=set)
    mentions: int = 0


class EntityIndex:
    """Maps every mention key (and surface form) seen in the analyses to its cluster."""

    def __init__(
        self, clusters: list[EntityCluster], by_name: dict[str, int], key_confidence: dict[str, float]
    ):
        self.clusters = clusters
        self._by_name = by_name
        self._by_folded = {name_key(name): index for name, index in by_name.items()}
        self._key_confidence = key_confidence

    def cluster(self, key: str) -> EntityCluster | None:
        index = self._by_name.get(key)
        if index is None:
            index = self._by_folded.get(name_key(key))
        return self.clusters[index] if index is not None else None

    def canonical(self, key: str) -> str:
        """The cluster's name for `key`; an alias's canonical name or `key` itself when it was never seen."""
        found = self.cluster(key)
        if found is not None:
            return found.canonical
        return alias_of(key) or key

    def confidence(self, key: str) -> float:
        """How sure the link from `key` to its canonical name is (1.0 for the canonical name itself)."""
        return self._key_confidence.get(key, 1.0)

    def cluster_confidence(self, key: str) -> float:
        found = self.cluster(key)
        return found.confidence if found is not None else 1.0

    def label(self, key: str) -> str | None:
        found = self.cluster(key)
        return found.label if found is not None else None

    def variants(self, key: str) -> list[str]:
        found = self.cluster(key)
        return list(found.variants) if found is not None else [key]

    def is_medium(self, key: str) -> bool:
        """Whether `key` names a news organisation (under any of its variants)."""
        return any(lookup(name) is not None for name in [key, *self.variants(key)])

    def same(self, first: str, second: str) -> bool:
        return self.canonical(first) == self.canonical(second)


def resolve_entities(analyses: Sequence[Analysis]) -> EntityIndex:
    """Merge the entity keys of all analyses into clusters of one real-world entity each."""
    stats = _collect(analyses)
    links = _Links(list(stats))
    _link_by_form(links, stats)
    _link_fuzzy_names(links, stats)
    _link_partial_names(links, stats)
    _link_short_organisations(links, stats)
    return _build_index(links, stats)


def _collect(analyses: Iterable[Analysis]) -> dict[str, _KeyStats]:
    stats: dict[str, _KeyStats] = defaultdict(_KeyStats)
    for analysis in analyses:
        for mention in analysis.entities:
            entry = stats[mention.entity]
            entry.labels[mention.label] += 1
            entry.surfaces.add(mention.text)
            entry.articles.add(analysis.article_id)
            entry.mentions += 1
    return dict(stats)


class _Links:
    """Union-find over entity keys, keeping the weakest link of each set and each key's own link."""

    def __init__(self, keys: list[str]) -> None:
        self.parent = {key: key for key in keys}
        self.weakest = dict.fromkeys(keys, 1.0)
        self.key_confidence: dict[str, float] = {}

    def find(self, key: str) -> str:
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def join(self, first: str, second: str, confidence: float) -> None:
        root_first, root_second = self.find(first), self.find(second)
        for key in (first, second):
            self.key_confidence[key] = max(self.key_confidence.get(key, 0.0), confidence)
        if root_first == root_second:
            return
        self.parent[root_second] = root_first
        self.weakest[root_first] = min(self.weakest[root_first], self.weakest[root_second], confidence)

    def groups(self) -> dict[str, list[str]]:
        found: dict[str, list[str]] = defaultdict(list)
        for key in self.parent:
            found[self.find(key)].append(key)
        return found


def _link_by_form(links: _Links, stats: dict[str, _KeyStats]) -> None:
    """Same folded name, same alias target, same news organisation, acronym of a longer name."""
    first_by_form: dict[str, str] = {}
    long_by_initials: dict[str, list[str]] = defaultdict(list)
    for key in stats:
        if len(key.split()) >= 2:
            long_by_initials[initials(key)].append(key)
    for key in stats:
        folded = name_key(key)
        org = lookup(key)
        forms = [("key", folded, SAME_KEY)]
        target = alias_of(key)
        if target is not None:
            forms.append(("alias", name_key(target), ALIAS))
        if org is not None:
            forms.append(("medium", org.name, SAME_MEDIUM))
        for kind, form, confidence in forms:
            other = first_by_form.setdefault(f"{kind}:{form}", key)
            if other != key:
                links.join(other, key, confidence)
    for key in stats:
        if is_acronym(key):
            for expansion in long_by_initials.get(acronym_letters(key), []):
                if links.find(expansion) != links.find(key):
                    links.join(expansion, key, ACRONYM)


def _link_fuzzy_names(links: _Links, stats: dict[str, _KeyStats]) -> None:
    """Romanisation and spelling variants of multi-word names with the same label ("Chong Song-chang",
    "Giannis" / "Yiannis Panagopoulos")."""
    blocks: dict[tuple[str, str], list[str]] = defaultdict(list)
    for key, entry in stats.items():
        tokens = name_tokens(key)
        if len(tokens) >= 2:
            blocks[(_majority_label(entry), romanised(tokens[0])[:1])].append(key)
    for keys in blocks.values():
        if len(keys) < 2:
            continue
        folded = [romanised(name_key(key)) for key in keys]
        scores = process.cdist(folded, folded, scorer=fuzz.ratio, score_cutoff=FUZZY_NAME, workers=1)
        for i, j in zip(*numpy.nonzero(numpy.triu(scores, k=1)), strict=True):
            if _last_tokens_agree(keys[i], keys[j]):
                links.join(keys[i], keys[j], float(scores[i, j]) / 100.0)


def _last_tokens_agree(first: str, second: str) -> bool:
    """ "Kim Jong Un" and "Kim Jong Il" differ only in their last word: not the same person."""
    return fuzz.ratio(name_tokens(first)[-1], name_tokens(second)[-1]) >= FUZZY_LAST_TOKEN


def _link_partial_names(links: _Links, stats: dict[str, _KeyStats]) -> None:
    """A surname-only or given-name-only key, titles aside ("Commissioner Ramsey"), joins the one full name
    it is part of (or a clear favourite)."""
    people = {
        key: _untitled(name_tokens(key)) for key, entry in stats.items() if _majority_label(entry) == "PERSON"
    }
    by_end_token: dict[str, list[str]] = defaultdict(list)
    first_by_name: dict[tuple[str, ...], str] = {}
    for key, tokens in people.items():
        if len(tokens) >= 2:
            for token in {tokens[0], tokens[-1]}:
                by_end_token[token].append(key)
            first = first_by_name.setdefault(tuple(tokens), key)
            if first != key:
                links.join(first, key, SAME_KEY)
    for key, short in people.items():
        if not short:
            continue
        candidates = set(by_end_token.get(short[0], [])) | set(by_end_token.get(short[-1], []))
        roots = Counter[str]()
        for name in candidates - {key}:
            if is_part_of(short, people[name]):
                roots[links.find(name)] += stats[name].mentions
        ranked = roots.most_common(2)
        if ranked and (len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]):
            confidence = PARTIAL_NAME if len(ranked) == 1 else PARTIAL_NAME / 2
            links.join(ranked[0][0], key, confidence)


def _untitled(tokens: list[str]) -> list[str]:
    """A person's name without the titles it starts with ("Commissioner Ramsey" -> "Ramsey")."""
    start = 0
    while start < len(tokens) - 1 and tokens[start] in TITLE_WORDS:
        start += 1
    return tokens[start:]


def _link_short_organisations(links: _Links, stats: dict[str, _KeyStats]) -> None:
    """An organisation named by the last words of one longer organisation name of the story joins it:
    "Saints" and "New Orleans Saints", "Red Sox" and "Boston Red Sox" ("Department" with both "State
    Department" and "Justice Department" joins neither)."""
    organisations = {key: name_tokens(key) for key, entry in stats.items() if _majority_label(entry) == "ORG"}
    by_last_token: dict[str, list[str]] = defaultdict(list)
    for key, tokens in organisations.items():
        if len(tokens) >= 2:
            by_last_token[tokens[-1]].append(key)
    for key, short in organisations.items():
        if not short or is_acronym(key):
            continue
        longer = {
            links.find(name)
            for name in by_last_token.get(short[-1], [])
            if len(organisations[name]) > len(short) and organisations[name][-len(short) :] == short
        }
        if len(longer) == 1:
            links.join(longer.pop(), key, PARTIAL_NAME)


def _majority_label(entry: _KeyStats) -> str:
    return entry.labels.most_common(1)[0][0]


def _build_index(links: _Links, stats: dict[str, _KeyStats]) -> EntityIndex:
    clusters: list[EntityCluster] = []
    by_name: dict[str, int] = {}
    for root, keys in links.groups().items():
        labels: Counter[str] = Counter()
        for key in keys:
            labels.update(stats[key].labels)
        canonical = _canonical_name(keys, stats)
        variants = sorted({canonical, *keys, *(s for key in keys for s in stats[key].surfaces)})
        articles = sorted({article for key in keys for article in stats[key].articles})
        mentions = sum(stats[key].mentions for key in keys)
        index = len(clusters)
        clusters.append(
            EntityCluster(
                canonical, labels.most_common(1)[0][0], variants, links.weakest[root], mentions, articles
            )
        )
        for name in variants:
            by_name.setdefault(name, index)
    key_confidence = dict(links.key_confidence)
    for cluster in clusters:
        key_confidence[cluster.canonical] = 1.0
    return EntityIndex(clusters, by_name, key_confidence)


def _canonical_name(keys: list[str], stats: dict[str, _KeyStats]) -> str:
    """The alias file's name, else the news organisation's name, else the most used of the fullest names."""
    for key in keys:
        target = alias_of(key)
        if target is not None:
            return target
    for key in keys:
        org = lookup(key)
        if org is not None:
            return org.name

    def rank(key: str) -> tuple[bool, bool, int, int, str]:
        tokens = name_tokens(key)
        untitled = _untitled(tokens)
        return (len(untitled) < 2, len(untitled) < len(tokens), -stats[key].mentions, -len(key), key)

    return min(keys, key=rank)
