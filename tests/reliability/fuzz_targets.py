"""Fuzz targets: every reader, analysis and comparison, each with the contract its output must keep.

A target's `check` raises AssertionError (or the unexpected exception itself) when the code under test
breaks its contract: a reader must give Articles or one-line Failures (never a Failure that says
"unexpected", which is how `read_sources` wraps a crash), analysis must give offsets into the text and
record no failed step, and a brief's evidence must point into its articles. `run_target` drives a
target with Hypothesis: in test mode the first failure raises (shrunk), in record mode every distinct
failure is counted and the run goes on (bench/fuzz.py).
"""

from __future__ import annotations

import re
import signal
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from functools import cache
from pathlib import Path
from types import FrameType
from typing import Any

import fuzz_inputs as inputs
from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st

from corroborator.ingest import ReadOptions, read_sources
from corroborator.types import Analysis, Article, Brief, Failure, article_id

FUZZ_READ = ReadOptions(max_bytes=200_000, timeout=1.0)
_ID = re.compile(r"[0-9a-f]{16}")


@dataclass
class Target:
    name: str
    strategy: st.SearchStrategy[Any]
    check: Callable[[Any], None]
    ci_examples: int
    long_examples: int
    deadline: float
    """Seconds one example may take (Hypothesis deadline); three times this is a hang."""
    prepare: Callable[[], object] = lambda: None


@dataclass
class Outcome:
    name: str
    tried: int = 0
    seconds: float = 0.0
    failures: dict[str, str] = field(default_factory=dict)
    """One example (shortened repr) per distinct failure: "ErrorType: first line of message"."""
    examples: dict[str, Any] = field(default_factory=dict)
    """The whole first input of each distinct failure."""


class ExampleHang(Exception):
    pass


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise ExampleHang in the main thread when the block runs longer than `seconds`."""

    def expire(_signal: int, _frame: FrameType | None) -> None:
        raise ExampleHang(f"example still running after {seconds:g}s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


# --- readers -------------------------------------------------------------------------------------------


@cache
def scratch() -> Path:
    return Path(tempfile.mkdtemp(prefix="corroborator-fuzz-"))


def reader_check(suffix: str) -> Callable[[bytes], None]:
    def check(data: bytes) -> None:
        path = scratch() / f"input{suffix}"
        path.write_bytes(data)
        check_items(list(read_sources([str(path)], FUZZ_READ)))

    return check


def check_items(items: list[Article | Failure]) -> None:
    for item in items:
        if isinstance(item, Failure):
            assert "\n" not in item.reason and "\r" not in item.reason, f"reason spans lines: {item.reason!r}"
            assert "unexpected" not in item.reason, item.reason
            assert item.reason.strip(), f"empty reason for {item.item}"
        else:
            assert isinstance(item, Article), f"reader gave {type(item).__name__}"
            assert item.text.strip(), "an Article without text"
            assert _ID.fullmatch(item.id) and item.id == article_id(item.text, item.url), item.id


# --- analysis and comparison ---------------------------------------------------------------------------


@cache
def analyzer() -> Any:
    from corroborator.analyze import Analyzer

    return Analyzer()


def analysis_check(text: str) -> None:
    article = Article(text=text)
    engine = analyzer()
    engine.failures.clear()
    (analysis,) = engine.analyze([article])
    assert analysis.article_id == article.id
    assert engine.failures == [], engine.failures
    check_offsets(text, analysis)


def check_offsets(text: str, analysis: Analysis) -> None:
    for start, end in analysis.sentences:
        assert 0 <= start < end <= len(text), (start, end)
    spans: list[Any] = [*analysis.entities, *analysis.times, *analysis.quantities, *analysis.claims]
    for quote in analysis.quotes:
        spans += [span for span in (quote.content, quote.speaker, quote.cue) if span is not None]
    for span in spans:
        assert 0 <= span.start <= span.end <= len(text), span
        assert text[span.start : span.end] == span.text, span
    for claim in analysis.claims:
        assert all(0 <= index < len(analysis.entities) for index in claim.entities), claim
        assert all(0 <= index < len(analysis.times) for index in claim.times), claim
        assert all(0 <= index < len(analysis.quantities) for index in claim.quantities), claim
        assert claim.quote is None or 0 <= claim.quote < len(analysis.quotes), claim


def facts_check(text: str) -> None:
    from corroborator.facts import extract_facts

    article = Article(text=text)
    (facts,) = extract_facts([article], analyzer().analyze([article]))
    for fact in facts:
        assert 0 <= fact.start < fact.end <= len(text), fact
        assert text[fact.start : fact.end] == fact.text, fact
        assert 0 <= fact.predicate_start < fact.predicate_end <= len(text), fact
        for argument in fact.arguments:
            assert text[argument.start : argument.end] == argument.text, argument


def compare_check(articles: list[Article]) -> None:
    from corroborator.compare import build_brief
    from corroborator.render import render

    engine = analyzer()
    engine.failures.clear()
    analyses = engine.analyze(articles)
    assert engine.failures == [], engine.failures
    brief = build_brief("story", articles, analyses)
    check_brief(brief, {article.id: article.text for article in articles})
    for form in ("text", "md", "json", "html"):
        assert isinstance(render(brief, form), str)


def check_brief(brief: Brief, texts: dict[str, str]) -> None:
    assert {article.id for article in brief.articles} == set(texts)
    evidence = [item for agreement in brief.agreements for item in agreement.evidence]
    evidence += [item for discrepancy in brief.discrepancies for item in discrepancy.evidence]
    evidence += [item for fact in brief.single_source for item in fact.evidence]
    evidence += [item for event in brief.timeline for item in event.evidence]
    for item in evidence:
        text = texts[item.article]
        assert 0 <= item.start <= item.end <= len(text), item
        assert text[item.start : item.end] == item.text, item
    severities = [discrepancy.severity for discrepancy in brief.discrepancies]
    assert severities == sorted(severities, reverse=True), severities


_SUBJECTS = [
    "Kim Jong Un",
    "North Korea's leader Kim",
    "Cheong Seong-chang",
    "Cheong Seong Chang",
    "Chang",
    "Sergei Shoigu",
    "He",
    "The KCNA news agency",
    "金正恩",
]
_VERBS = ["visited", "toured", "inspected", "did not visit", "said he saw", "fired"]
_OBJECTS = [
    "a factory",
    "weapons plants",
    "two scoped rifles",
    "at least 3 assault rifles",
    "engines for cruise missiles",
    "Hwasong-18 missiles",
    "$1.5 billion in shells",
    "12 percent more launchers",
]
_WHEN = [
    "",
    " on Thursday (August 4)",
    " on Friday",
    " last week",
    " on 2023-08-04",
    " from Thursday to Saturday",
    " on August 3, 2023",
    " yesterday",
]
_VIA = ["", ", KCNA said", ", Reuters reported, citing state media", ", according to AP", ' "he said"']
sentences = st.builds(
    lambda who, did, what, when, via: f"{who} {did} {what}{when}{via}.",
    st.sampled_from(_SUBJECTS),
    st.sampled_from(_VERBS),
    st.sampled_from(_OBJECTS),
    st.sampled_from(_WHEN),
    st.sampled_from(_VIA),
)
article_texts = st.builds(
    lambda parts, joiner: joiner.join(parts),
    st.lists(st.one_of(sentences, sentences, inputs.mixed_text), min_size=1, max_size=8),
    st.sampled_from([" ", "\n\n", "\n"]),
).filter(lambda text: text.strip() != "")
articles = st.builds(
    Article,
    text=article_texts,
    outlet=st.sampled_from([None, "WION", "Reuters", "NK News", ""]),
    published=st.sampled_from([None, "2023-08-06", "2023-08-06T10:00:00+00:00", "2023", "yesterday"]),
    url=st.one_of(st.none(), st.sampled_from(["https://news.example/a", "https://news.example/b"])),
    title=st.sampled_from(["", "Kim tours factories", "金正恩"]),
)


# --- the targets ---------------------------------------------------------------------------------------


@cache
def warm_date_parser() -> None:
    """Load dateparser's locales once: the first date string htmldate cannot read costs seconds (all 205
    locales' patterns are compiled), once per process; the deadline is for the cost of one input."""
    from htmldate.extractors import external_date_parser

    external_date_parser("6 Aug 2023 x", "%Y-%m-%d")


def _reader(name: str, suffix: str, generated: st.SearchStrategy[bytes], sample: str) -> Target:
    strategy = inputs.any_bytes_for(sample, generated)
    return Target(name, strategy, reader_check(suffix), 100, 20_000, 5.0, prepare=warm_date_parser)


TARGETS = [
    _reader("text", ".txt", st.text(alphabet=inputs.TEXT_CHARS).map(str.encode), "text"),
    _reader("html", ".html", inputs.html_documents, "html"),
    _reader("feed", ".xml", inputs.feed_documents, "feed"),
    _reader("jsonl", ".jsonl", inputs.jsonl_documents, "jsonl"),
    _reader("json", ".json", inputs.jsonl_documents, "jsonl"),
    _reader("csv", ".csv", inputs.csv_documents, "csv"),
    _reader("warc", ".warc", inputs.warc_documents, "warc"),
    _reader("warc.gz", ".warc.gz", inputs.warc_documents, "warc.gz"),
    Target(
        "jsonl.gz",
        st.one_of(inputs.broken_gzip(inputs.SAMPLES["jsonl"]), st.binary(max_size=512)),
        reader_check(".jsonl.gz"),
        100,
        20_000,
        5.0,
    ),
    _reader(
        "sniffed",
        ".input",
        st.one_of(inputs.html_documents, inputs.feed_documents, inputs.jsonl_documents),
        "html",
    ),
    Target("analysis", inputs.analysis_texts, analysis_check, 100, 500, 10.0, prepare=analyzer),
    Target("analysis-huge", inputs.huge_texts(60_000), analysis_check, 4, 50, 30.0, prepare=analyzer),
    Target(
        "facts", st.one_of(article_texts, inputs.analysis_texts), facts_check, 50, 500, 10.0, prepare=analyzer
    ),
    Target(
        "compare", st.lists(articles, min_size=1, max_size=3), compare_check, 12, 500, 30.0, prepare=analyzer
    ),
]
BY_NAME = {target.name: target for target in TARGETS}


def run_target(target: Target, examples: int, record: bool, random_seed: int | None = None) -> Outcome:
    """Try `examples` inputs on `target`. Test mode (record=False) raises the first failure, shrunk and
    reproducible (derandomized); record mode counts every distinct failure and goes on."""
    outcome = Outcome(target.name)
    target.prepare()

    def one_example(value: Any) -> None:
        outcome.tried += 1
        try:
            started = time.monotonic()
            with time_limit(3 * target.deadline):
                target.check(value)
            took = time.monotonic() - started
            if record and took > target.deadline:
                raise AssertionError(f"slow: {took:.1f}s, over the {target.deadline:g}s deadline")
        except Exception as error:
            if not record:
                raise
            first_line = (str(error).strip().splitlines() or [""])[0][:160]
            key = f"{type(error).__name__}: {first_line}"
            outcome.failures.setdefault(key, repr(value)[:400])
            outcome.examples.setdefault(key, value)

    chosen = settings(
        max_examples=examples,
        deadline=None if record else timedelta(seconds=2 * target.deadline),  # x2: CI machines are shared
        database=None,
        derandomize=random_seed is None,
        suppress_health_check=list(HealthCheck),
        phases=[Phase.explicit, Phase.generate] if record else [Phase.explicit, Phase.generate, Phase.shrink],
        print_blob=False,
    )
    run = chosen(given(target.strategy)(one_example))
    if random_seed is not None:
        run = seed(random_seed)(run)
    started = time.monotonic()
    run()
    outcome.seconds = time.monotonic() - started
    return outcome
