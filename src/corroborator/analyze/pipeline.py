"""The analysis stage: one spaCy pass (senter + ner) per article, then small steps that each declare what
they need and what they add to the Analysis."""

from __future__ import annotations

import importlib
import logging
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from corroborator.analyze.nlp.arrays import read_sentence_bounds, sentence_bounds
from corroborator.analyze.nlp.chunks import split_for_parsing
from corroborator.analyze.nlp.load import get_nlp, set_text, text_of
from corroborator.errors import CorroboratorError
from corroborator.types import Analysis, Article, Failure

log = logging.getLogger(__name__)

GIVEN = frozenset({"doc", "article"})
"""What every step can use without another step producing it."""
BATCH_SIZE = 16


class PipelineError(CorroboratorError):
    """The analysis steps cannot run: a step is missing, or needs something no earlier step produces."""

    status = 500


@dataclass
class StepInput:
    doc: Doc
    article: Article
    analysis: Analysis


@dataclass(frozen=True)
class Step:
    """One analysis step: `run` reads `requires` from its input and writes `produces` into the Analysis."""

    name: str
    requires: tuple[str, ...]
    produces: tuple[str, ...]
    run: Callable[[StepInput], None]


def check_order(steps: Sequence[Step]) -> None:
    """Raise PipelineError unless every step's requirements are produced by an earlier step."""
    available = set(GIVEN)
    for step in steps:
        missing = [need for need in step.requires if need not in available]
        if missing:
            raise PipelineError(
                f"analysis step {step.name!r} requires {', '.join(map(repr, missing))}, "
                "which no earlier step produces",
                f"put a step that produces {missing[0]!r} before {step.name!r}",
            )
        available.update(step.produces)


def load_step_function(module: str, function: str, step: str) -> Callable[..., Any]:
    """`corroborator.analyze.<module>.<function>`, or PipelineError naming the missing step."""
    try:
        found: Callable[..., Any] = getattr(
            importlib.import_module(f"corroborator.analyze.{module}"), function
        )
    except (ImportError, AttributeError) as error:
        raise PipelineError(
            f"analysis step {step!r} is missing: corroborator.analyze.{module}.{function} "
            f"could not be loaded ({error})",
            "install the complete corroborator package",
        ) from error
    return found


def default_steps() -> list[Step]:
    """sentences, entities, times, quantities, quotes, claims; PipelineError if a step's module is missing."""
    entities = load_step_function("entities.extract", "extract_entities", "entities")
    times = load_step_function("times.extract", "extract_times", "times")
    quantities = load_step_function("quantities", "extract_quantities", "quantities")
    quotes = load_step_function("quotes.extract", "extract_quotes", "quotes")
    claims = load_step_function("claims", "build_claims", "claims")

    def run_sentences(given: StepInput) -> None:
        given.analysis.sentences = sentence_spans(given.doc)

    def run_entities(given: StepInput) -> None:
        given.analysis.entities = entities(given.doc, given.article)

    def run_times(given: StepInput) -> None:
        given.analysis.times = times(given.doc, given.article.published)

    def run_quantities(given: StepInput) -> None:
        given.analysis.quantities = quantities(given.doc)

    def run_quotes(given: StepInput) -> None:
        given.analysis.quotes = quotes(given.doc, given.analysis.entities, given.article.outlet)

    def run_claims(given: StepInput) -> None:
        given.analysis.claims = claims(given.doc, given.analysis, given.article)

    return [
        Step("sentences", ("doc",), ("sentences",), run_sentences),
        Step("entities", ("doc", "article"), ("entities",), run_entities),
        Step("times", ("doc", "article"), ("times",), run_times),
        Step("quantities", ("doc",), ("quantities",), run_quantities),
        Step("quotes", ("doc", "entities"), ("quotes",), run_quotes),
        Step(
            "claims",
            ("doc", "sentences", "entities", "times", "quantities", "quotes"),
            ("claims",),
            run_claims,
        ),
    ]


PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*|(?<=[.!?\"”’:)])[ \t]*\n\s*")


def sentence_spans(doc: Doc) -> list[tuple[int, int]]:
    """Sentence offsets, also cut at paragraph breaks (spaCy runs a heading into the next paragraph),
    surrounding whitespace trimmed, whitespace-only pieces dropped."""
    text = text_of(doc)
    spans: list[tuple[int, int]] = []
    for sentence_start, sentence_end in sentence_bounds(doc) or read_sentence_bounds(doc):
        start = sentence_start
        for match in PARAGRAPH_BREAK.finditer(text, sentence_start, sentence_end):
            _add_trimmed(text, start, match.start(), spans)
            start = match.end()
        _add_trimmed(text, start, sentence_end, spans)
    return spans


def _add_trimmed(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if stripped:
        start += len(piece) - len(piece.lstrip())
        spans.append((start, start + len(stripped)))


class Analyzer:
    """Runs the analysis steps over articles. Loads the spaCy model once per process.

    A step that fails on one article leaves its part of that Analysis empty, and the failure is kept in
    `failures` (one line each); the other articles and steps go on.
    """

    def __init__(self, steps: Sequence[Step] | None = None, batch_size: int = BATCH_SIZE) -> None:
        self.steps = list(default_steps() if steps is None else steps)
        check_order(self.steps)
        if batch_size < 1:
            raise PipelineError(
                f"batch_size must be at least 1, got {batch_size}", "pass a positive batch size"
            )
        self.batch_size = batch_size
        self.nlp: Language = get_nlp()
        self.failures: list[Failure] = []

    def analyze(self, articles: Sequence[Article]) -> list[Analysis]:
        return list(self.iter_analyze(articles))

    def analyze_one(self, article: Article) -> Analysis:
        return self.analyze([article])[0]

    def iter_analyze(self, articles: Iterable[Article]) -> Iterator[Analysis]:
        """Analyses in input order, parsing `batch_size` articles at a time."""
        group: list[Article] = []
        for article in articles:
            group.append(article)
            if len(group) == self.batch_size:
                yield from self._analyze_group(group)
                group = []
        if group:
            yield from self._analyze_group(group)

    def _analyze_group(self, articles: list[Article]) -> Iterator[Analysis]:
        pieces = [split_for_parsing(article.text) for article in articles]
        flat = [piece for article_pieces in pieces for piece in article_pieces]
        parsed = iter(self._parse(flat))
        for article, article_pieces in zip(articles, pieces, strict=True):
            docs = [next(parsed) for _ in article_pieces]
            yield self._run_steps(article, docs)

    def _parse(self, texts: list[str]) -> list[Doc | None]:
        try:
            return list(self.nlp.pipe(texts, batch_size=self.batch_size))
        except Exception:  # one bad text fails its batch: parse one by one to find it
            return [self._parse_single(text) for text in texts]

    def _parse_single(self, text: str) -> Doc | None:
        try:
            return self.nlp(text)
        except Exception as error:
            log.warning("spaCy could not parse a text of %d characters: %s", len(text), error)
            return None

    def _run_steps(self, article: Article, pieces: list[Doc | None]) -> Analysis:
        analysis = Analysis(article_id=article.id)
        docs = [doc for doc in pieces if doc is not None]
        if len(docs) < len(pieces):
            self._fail(article, "the text could not be tokenised (check its encoding)")
            return analysis
        doc = docs[0] if len(docs) == 1 else Doc.from_docs(docs, ensure_whitespace=False)
        set_text(doc, article.text)
        given = StepInput(doc, article, analysis)
        for step in self.steps:
            try:
                step.run(given)
            except Exception as error:
                self._fail(
                    article, f"step {step.name!r} failed: {type(error).__name__}: {error} (report this bug)"
                )
        return analysis

    def _fail(self, article: Article, reason: str) -> None:
        log.warning("analysis of article %s: %s", article.id, reason)
        self.failures.append(Failure(article.id, reason))


def analyze_articles(articles: Sequence[Article], analyzer: Analyzer | None = None) -> list[Analysis]:
    """Analyse articles with a shared Analyzer (created on first use)."""
    return (analyzer or shared_analyzer()).analyze(articles)


_SHARED: list[Analyzer] = []


def shared_analyzer() -> Analyzer:
    """The process's default Analyzer, built once."""
    if not _SHARED:
        _SHARED.append(Analyzer())
    return _SHARED[0]
