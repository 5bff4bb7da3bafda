"""Controlled pairs for measuring comparison quality: a real article and a copy with exactly one fact changed
(a number, a date, a weekday, a person's name) or with only its wording changed (clauses or sentences
reordered, sentences dropped, synonyms). Used by bench/quality_compare.py and
tests/compare/test_perturbations.py."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Literal

from corroborator.facts.lines import is_heading
from corroborator.types import Analysis, Article, Brief

CaseKind = Literal["number", "date", "weekday", "entity", "paraphrase"]
SCORED_KINDS = frozenset({"number", "date", "time", "entity", "attribution", "quote", "polarity", "detail"})
"""Cross-article kinds; a weekday mismatch is a fault inside one article and is not scored here."""

_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_DATE = re.compile(rf"\b({_MONTH})\s+(\d{{1,2}})\b")
_WEEKDAY_NEAR = re.compile(r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\W{0,3}$")
_NUMBER = re.compile(r"(?<![\w.,$£€#/-])(\d{1,3}(?:,\d{3})+|\d+)(?![\w/-]|[.,]\d)")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WEEKDAY = re.compile(rf"\b({'|'.join(WEEKDAYS)})\b")
_SAID = re.compile(r"^([A-Z][^,\"“”]{3,60}?) said (?:that )?([a-z][^\"“”]{20,})\.$")
SYNONYMS = {
    "began": "started",
    "started": "began",
    "large": "big",
    "big": "large",
    "purchase": "buy",
    "buy": "purchase",
    "quickly": "rapidly",
    "help": "assist",
    "however": "but",
    "also": "additionally",
    "children": "kids",
    "attempt": "try",
    "enormous": "huge",
    "injured": "hurt",
    "shows": "displays",
    "stated": "said",
}
ACCEPTED: dict[CaseKind, frozenset[str]] = {
    "number": frozenset({"number"}),
    "date": frozenset({"date"}),
    "weekday": frozenset({"date", "weekday_mismatch"}),
    "entity": frozenset({"entity", "attribution"}),
    "paraphrase": frozenset(),
}
REPLACEMENT_NAMES = ("Maria Kowalski", "Daniel Okafor", "Hannah Lindqvist", "Tomas Varga")


@dataclass
class Case:
    kind: CaseKind
    name: str
    original: Article
    changed: Article
    span: tuple[int, int] | None = None
    """The changed stretch of `changed.text` (None for paraphrase)."""


@dataclass
class CaseResult:
    case: Case
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0
    notes: list[str] = field(default_factory=list)


def _body_lines(text: str) -> list[re.Match[str]]:
    """Statement lines after the first: not the dateline, headline or URL lines that comparison skips."""
    lines = list(re.finditer(r"[^\n]+", text))[1:]
    return [line for line in lines if not is_heading(text, line.start(), line.end())]


def _copy(article: Article, text: str, suffix: str) -> Article:
    return replace(
        article, text=text, id="", url=None, source_id=f"{article.source_id or article.id}:{suffix}"
    )


def number_case(article: Article, analysis: Analysis) -> Case | None:
    """A count or amount changed (not a day, year or clock time: those are dates and times)."""
    for line in _body_lines(article.text):
        for match in _NUMBER.finditer(article.text, line.start(), line.end()):
            if any(
                t.start < match.end() and match.start() < t.end and t.type in ("DATE", "TIME")
                for t in analysis.times
            ):
                continue
            value = int(match.group(1).replace(",", ""))
            before = article.text[max(0, match.start() - 12) : match.start()]
            if 1800 <= value <= 2100 or re.search(_MONTH + r"\s*$", before) or value == 0:
                continue
            new = str(value + max(2, value // 3))
            text = article.text[: match.start()] + new + article.text[match.end() :]
            return Case(
                "number",
                f"{match.group(1)} -> {new}",
                article,
                _copy(article, text, "number"),
                (match.start(), match.start() + len(new)),
            )
    return None


def date_case(article: Article) -> Case | None:
    for line in _body_lines(article.text):
        for match in _DATE.finditer(article.text, line.start(), line.end()):
            if _WEEKDAY_NEAR.search(article.text[max(0, match.start() - 14) : match.start()]):
                continue
            day = int(match.group(2))
            if not 1 <= day <= 31:
                continue
            new_day = day + 2 if day <= 26 else day - 2
            start, end = match.span(2)
            text = article.text[:start] + str(new_day) + article.text[end:]
            return Case(
                "date",
                f"{match.group(0)} -> {match.group(1)} {new_day}",
                article,
                _copy(article, text, "date"),
                (match.start(), start + len(str(new_day))),
            )
    return None


def weekday_case(article: Article) -> Case | None:
    """The day of the week something happened changed ("on Tuesday" -> "on Thursday"), outside quotations:
    a date discrepancy, or a weekday that no longer fits a date written beside it."""
    for line in _body_lines(article.text):
        for match in _WEEKDAY.finditer(article.text, line.start(), line.end()):
            if not _outside_quotes(article.text, match.start()):
                continue
            new = WEEKDAYS[(WEEKDAYS.index(match.group(1)) + 2) % 7]
            text = article.text[: match.start()] + new + article.text[match.end() :]
            return Case(
                "weekday",
                f"{match.group(1)} -> {new}",
                article,
                _copy(article, text, "weekday"),
                (match.start(), match.start() + len(new)),
            )
    return None


def entity_case(article: Article, analysis: Analysis) -> Case | None:
    body = _body_lines(article.text)
    for mention in analysis.entities:
        words = mention.text.split()
        if mention.label != "PERSON" or len(words) < 2:
            continue
        if not any(line.start() <= mention.start and mention.end <= line.end() for line in body):
            continue
        if "\n" in mention.text or not all(w[:1].isupper() for w in words):
            continue
        new = next(n for n in REPLACEMENT_NAMES if n not in article.text)
        text = article.text[: mention.start] + new + article.text[mention.end :]
        return Case(
            "entity",
            f"{mention.text} -> {new}",
            article,
            _copy(article, text, "entity"),
            (mention.start, mention.start + len(new)),
        )
    return None


def swap_sentences_case(article: Article) -> Case | None:
    lines = article.text.split("\n")
    for index in range(1, len(lines) - 1):
        if len(lines[index].split()) >= 6 and len(lines[index + 1].split()) >= 6:
            swapped = [*lines[:index], lines[index + 1], lines[index], *lines[index + 2 :]]
            return Case(
                "paraphrase", "sentences swapped", article, _copy(article, "\n".join(swapped), "swap")
            )
    return None


def move_said_clause_case(article: Article) -> Case | None:
    """ "Police said the man was arrested." -> "The man was arrested, police said." """
    lines = article.text.split("\n")
    for index, line in enumerate(lines[1:], start=1):
        match = _SAID.match(line.strip())
        if match is None:
            continue
        speaker, content = match.group(1), match.group(2)
        speaker = f"the{speaker[3:]}" if speaker.startswith("The ") else speaker
        lines[index] = f"{content[0].upper()}{content[1:]}, {speaker} said."
        return Case("paraphrase", "said-clause moved", article, _copy(article, "\n".join(lines), "clause"))
    return None


def drop_sentences_case(article: Article) -> Case | None:
    lines = article.text.split("\n")
    if len(lines) < 6:
        return None
    kept = [line for index, line in enumerate(lines) if index not in (2, len(lines) - 2)]
    return Case("paraphrase", "two sentences dropped", article, _copy(article, "\n".join(kept), "drop"))


def _outside_quotes(text: str, position: int) -> bool:
    before = text[:position]
    return before.count('"') % 2 == 0 and before.count("“") <= before.count("”")


def synonym_case(article: Article, limit: int = 4) -> Case | None:
    """Swap up to `limit` words for synonyms, outside quotations (a quote reworded is a real difference)."""
    text, changed = article.text, 0
    for word, synonym in SYNONYMS.items():
        match = next((m for m in re.finditer(rf"\b{word}\b", text) if _outside_quotes(text, m.start())), None)
        if changed < limit and match is not None:
            text = text[: match.start()] + synonym + text[match.end() :]
            changed += 1
    if changed == 0:
        return None
    return Case("paraphrase", f"{changed} synonyms", article, _copy(article, text, "synonyms"))


TextCase = Callable[[Article], Case | None]
TEXT_CASES: tuple[TextCase, ...] = (
    date_case,
    weekday_case,
    swap_sentences_case,
    move_said_clause_case,
    drop_sentences_case,
    synonym_case,
)


def cases_for(article: Article, analysis: Analysis) -> list[Case]:
    """Every perturbation that applies to the article."""
    found = [case for make in TEXT_CASES if (case := make(article)) is not None]
    with_analysis = (number_case(article, analysis), entity_case(article, analysis))
    return [*found, *(case for case in with_analysis if case is not None)]


def _covers(span: tuple[int, int], start: int, end: int) -> bool:
    return start < span[1] and span[0] < end


def score_case(case: Case, brief: Brief) -> CaseResult:
    """A changed fact must give exactly one discrepancy of its kind at the change; paraphrase must give none.

    A changed speaker's name is an `attribution` discrepancy (one statement, two speakers), so an entity
    case is also met by an attribution discrepancy at the change."""
    result = CaseResult(case)
    scored = [d for d in brief.discrepancies if d.kind in SCORED_KINDS]
    hits = []
    if case.span is not None:
        hits = [
            d
            for d in brief.discrepancies
            if d.kind in ACCEPTED[case.kind]
            and any(e.article == case.changed.id and _covers(case.span, e.start, e.end) for e in d.evidence)
        ]
    result.true_positives = min(1, len(hits))
    result.false_negatives = 1 if case.span is not None and not hits else 0
    extra = [d for d in scored if d not in hits[:1]]
    result.false_positives = len(extra)
    result.notes = [f"{d.kind}: {d.explanation}" for d in extra]
    return result
