"""Big stories: copies folded onto the clauses they repeat, and lexical candidate pairs generated unit by
unit, in bounded work.

Folding. A clause of an article recorded as a copy (a `CopyLink`) worded as a clause of the article it copies
(same lower-cased word tokens) is that clause's twin; copies of copies fold onto the first article of the
chain, and a clause several copies of one article add in the same words (an added line, the same edit) folds
onto the first copy that has it. A folded clause is not aligned on its own: it is scored against its twin
only (one pair), so it joins its twin's agreement group and supports what the twin supports (as evidence
and, through `trace_origins`, under the same origin), and it is never a single-source fact. A copy's other
clauses (an edited figure, a line of its own) are aligned against everything, so their differences are
reported. Discrepancies found on a twin are reported once, between the clauses compared: the folded
clauses are not repeated as their evidence, and pairs of a folded clause with other articles' clauses are
not scored (a timeline event may therefore list a twin without its folded copies when they merge by score).

Candidates (lexical alignment). With L the content-word overlap, s the shared words, f the shared rare facts,
a static cosine of at most 1 (unit vectors) and a bigram share of at most 1 (0 when one word is shared,
unless both clauses repeat a word: a shared bigram needs two shared words), a pair scores at most

    COSINE_WEIGHT * (LEXICAL_COEF * L + STATIC_COEF + ESTIMATE_INTERCEPT) + LEXICAL_WEIGHT * L
        + BIGRAM_WEIGHT * [s >= 2] + min(MAX_FACT_BONUS, FACT_BONUS * f)
    = 0.294 + 0.666 * L + 0.15 * [s >= 2] + min(0.12, 0.04 * f),

(clauses with the same words can score their cosine estimate instead, and are always candidates), so a pair
sharing no content word scores below 0.42 (RELATED_THRESHOLD) whatever facts it shares, and a pair sharing
one word and no rare fact reaches it only when L = 1 / sqrt(|A| |B|) >= 0.189, that is when |A| |B| <= 28.
Pairs whose bound is below RELATED_THRESHOLD are not scored: every pair at or above it is still found, and a
pair below it changes no output (the best scores it could set are below every threshold they are compared
with, and a unit with a related pair in an article takes its best from that pair).

This much is exact. Stories with more than EXACT_UNITS units left to align are also bounded: a word carried
by more than MAX_POSTING of them finds no candidates through its posting list (clauses sharing only such
words still meet when they have the same content words, through an index of word sets), and each unit keeps
the MAX_CANDIDATES candidates sharing the most words with it (then those most copies fold onto); a pair is
scored when either unit keeps the other. Work and memory then grow linearly with the story; the pairs lost
are pairs of common wording among many alike clauses, each of which keeps its closest matches."""

from __future__ import annotations

import bisect
import heapq
import itertools
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence

from corroborator.compare.text import wording
from corroborator.compare.units import Unit
from corroborator.types import CopyLink

EXACT_UNITS = 2000
"""Stories with at most this many aligned units get every candidate pair that can reach RELATED_THRESHOLD."""
MAX_POSTING = 150
"""In bigger stories, a word carried by more units than this finds no candidates through its posting list."""
MAX_CANDIDATES = 48
"""In bigger stories, each unit is scored against at most this many later units."""


def fold_copies(units: Sequence[Unit], copies: Sequence[CopyLink]) -> dict[int, int]:
    """Unit key -> key of its twin: the clause it repeats in the article it copies (the chain's first
    article), or the same clause added by an earlier copy of that article."""
    copied_from = {link.article: link.copy_of for link in copies if link.article != link.copy_of}
    by_article: dict[str, list[Unit]] = {}
    for unit in units:
        by_article.setdefault(unit.article, []).append(unit)
    folded: dict[int, int] = {}
    added: dict[str, dict[str, Unit]] = {}
    done: set[str] = set()
    for article in by_article:
        chain = [article]
        while chain[-1] in copied_from and copied_from[chain[-1]] in by_article:
            if copied_from[chain[-1]] in chain:
                break
            chain.append(copied_from[chain[-1]])
        for copy, original in reversed(list(itertools.pairwise(chain))):
            if copy not in done:
                siblings = added.setdefault(chain[-1], {})
                _fold_article(by_article[copy], by_article[original], siblings, folded)
                done.add(copy)
    return folded


def _fold_article(
    copy: list[Unit], original: list[Unit], siblings: dict[str, Unit], folded: dict[int, int]
) -> None:
    """Each clause of `copy` worded as one of `original` folds onto it (the n-th repeat onto the n-th);
    the others fold onto the first copy of the same original that added them."""
    slots: dict[str, list[int]] = {}
    for unit in original:
        slots.setdefault(wording(unit.text), []).append(unit.key)
    used: Counter[str] = Counter()
    for unit in copy:
        key = wording(unit.text)
        found = slots.get(key)
        if found:
            twin = found[min(used[key], len(found) - 1)]
            used[key] += 1
            folded[unit.key] = folded.get(twin, twin)
        elif key in siblings and siblings[key].article != unit.article:
            folded[unit.key] = siblings[key].key
        else:
            siblings.setdefault(key, unit)


class Candidates:
    """The cross-article pairs (i < j, indices of `units`) worth scoring lexically, generated unit by unit."""

    def __init__(
        self,
        units: Sequence[Unit],
        words: Sequence[frozenset[str]],
        active: Sequence[int],
        weights: Mapping[int, int],
        could_relate: Callable[[int, int, int], bool],
    ) -> None:
        """`weights`: index -> how many twins fold onto that unit; `could_relate(i, j, shared words)`."""
        self.units, self.words, self.active, self.weights = units, words, active, weights
        self.could_relate = could_relate
        self.bounded = len(active) > EXACT_UNITS
        self.postings: dict[str, list[int]] = {}
        self.same_words: dict[frozenset[str], list[int]] = {}
        self.group_tops: dict[frozenset[str], list[int]] = {}
        """A big group of same-worded units: the MAX_CANDIDATES + 1 each unit takes, found once."""
        for index in active:
            for word in words[index]:
                self.postings.setdefault(word, []).append(index)
            if self.bounded:
                self.same_words.setdefault(words[index], []).append(index)

    def __iter__(self) -> Iterator[tuple[int, int]]:
        if not self.bounded:
            for i in self.active:
                yield from ((i, j) for j in sorted(self.of(i, later_only=True)))
            return
        tops = {i: set(self.of(i, later_only=False)) for i in self.active}
        for i in self.active:
            partners = (j for j in tops[i] if j > i or i not in tops[j])
            yield from sorted((min(i, j), max(i, j)) for j in partners)

    def of(self, i: int, later_only: bool) -> list[int]:
        """Units of other articles (the later ones, or the best MAX_CANDIDATES) unit i could relate to."""
        shared: Counter[int] = Counter()
        for word in self.words[i]:
            posting = self.postings[word]
            if self.bounded and len(posting) > MAX_POSTING:
                continue
            shared.update(posting[bisect.bisect_right(posting, i) :] if later_only else posting)
        if self.bounded:
            for j in self._same_words(i):
                shared[j] = len(self.words[i])
        article = self.units[i].article
        kept = [
            j for j, n in shared.items() if self.units[j].article != article and self.could_relate(i, j, n)
        ]
        if self.bounded and len(kept) > MAX_CANDIDATES:
            kept = heapq.nlargest(MAX_CANDIDATES, kept, key=lambda j: (shared[j], self.weights.get(j, 0), -j))
        return kept

    def _same_words(self, i: int) -> list[int]:
        group = self.same_words[self.words[i]]
        if len(group) <= MAX_CANDIDATES + 1:
            return [j for j in group if j != i]
        if self.words[i] not in self.group_tops:
            top = heapq.nlargest(MAX_CANDIDATES + 1, group, key=lambda j: (self.weights.get(j, 0), -j))
            self.group_tops[self.words[i]] = top
        return self.group_tops[self.words[i]]
