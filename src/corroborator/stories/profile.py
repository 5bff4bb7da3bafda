"""What story matching knows about one article: folded entities, dates, numbers, words, its lead and the
event its opening tells."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from corroborator.stories.event import lead_events
from corroborator.stories.text import content_words, explicit_dates, explicit_years, fold, words
from corroborator.types import Analysis, Article

PEOPLE_LABELS = frozenset({"PERSON"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
ORG_LABELS = frozenset({"ORG"})
OTHER_LABELS = frozenset({"EVENT", "PRODUCT", "WORK_OF_ART", "LAW"})
WEEKDAY = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.IGNORECASE)
FULL_DATE = re.compile(r"^((?:19|20)\d\d)-(\d\d)-(\d\d)")
YEAR_PREFIX = re.compile(r"^((?:19|20)\d\d)(?:$|-)")
URL_LINE = re.compile(r"^\s*(?:https?://|www\.)\S*\s*$")
LEAD_CHARS = 600
SMALL_NUMBER = 10
MAX_NAME_WORDS = 6


@dataclass
class ArticleProfile:
    """The matching features of one article; `key` is its position in the index."""

    article_id: str
    title: str = ""
    lead: str = ""
    published: str | None = None
    outlet: str | None = None
    terms: Counter[str] = field(default_factory=Counter)
    people: set[str] = field(default_factory=set)
    surnames: set[str] = field(default_factory=set)
    places: set[str] = field(default_factory=set)
    orgs: set[str] = field(default_factory=set)
    others: set[str] = field(default_factory=set)
    dates: set[str] = field(default_factory=set)
    years: Counter[int] = field(default_factory=Counter)
    numbers: set[str] = field(default_factory=set)
    length: int = 0
    mentions: Counter[str] = field(default_factory=Counter)
    """Mention counts per surname or place: who and where the article is mostly about."""
    lead_names: set[str] = field(default_factory=set)
    """Surnames and places named in the title and opening."""
    events: list[str] = field(default_factory=list)
    """The event predicates of the opening's facts (`event.lead_events`); read only for dated articles,
    the only ones whose events are compared."""

    @property
    def main_year(self) -> int | None:
        """The year the article is about: its publication year, else the year it names most often."""
        if self.published and YEAR_PREFIX.match(self.published):
            return int(self.published[:4])
        if not self.years:
            return None
        return max(self.years.items(), key=lambda item: (item[1], item[0]))[0]

    # Derived once per loaded profile (not stored): what the contrast signals compare.
    @cached_property
    def lead_counts(self) -> Counter[str]:
        """Content-word counts of the lead (title and opening)."""
        return Counter(content_words(words(self.lead)))

    @cached_property
    def weekdays(self) -> frozenset[str]:
        """Weekdays named in the lead ("killed Saturday")."""
        return frozenset(day.lower() for day in WEEKDAY.findall(self.lead))

    @cached_property
    def main_names(self) -> dict[str, str]:
        """The surname ("p:") and the place ("g:") the article mentions most (ties: alphabetical)."""
        best: dict[str, tuple[int, str]] = {}
        for key, count in self.mentions.items():
            prefix = key[:2]
            if prefix not in best or (-count, key) < best[prefix]:
                best[prefix] = (-count, key)
        return {prefix: key[2:] for prefix, (_, key) in best.items()}

    @cached_property
    def name_keys(self) -> frozenset[str]:
        """Every surname and place, tagged "p:" / "g:" as in `lead_names`."""
        return frozenset({f"p:{name}" for name in self.surnames} | {f"g:{name}" for name in self.places})

    @cached_property
    def numbers_by_unit(self) -> dict[str, frozenset[str]]:
        """The values of `numbers` grouped by their unit word (numbers without a unit left out)."""
        units: dict[str, set[str]] = {}
        for number in self.numbers:
            value, _, unit = number.partition(" ")
            if unit:
                units.setdefault(unit, set()).add(value)
        return {unit: frozenset(values) for unit, values in units.items()}

    def entity_keys(self) -> set[str]:
        """Keys for the entity inverted index, tagged by kind."""
        keys = {f"p:{name}" for name in self.surnames}
        keys.update(f"g:{name}" for name in self.places)
        keys.update(f"o:{name}" for name in self.orgs | self.others)
        return keys


def lead_of(article: Article) -> str:
    """Title plus the opening of the text, without URL lines, cut near LEAD_CHARS."""
    lines = [line for line in article.text.splitlines() if line.strip() and not URL_LINE.match(line)]
    body = " ".join(lines)
    if len(body) > LEAD_CHARS:
        cut = body.rfind(" ", 0, LEAD_CHARS)
        body = body[: cut if cut > 0 else LEAD_CHARS]
    title = article.title.strip()
    return f"{title}. {body}" if title and not body.startswith(title) else body


def _number_key(value: float | None, unit: str) -> str | None:
    if value is None or (value.is_integer() and 0 <= value <= SMALL_NUMBER):
        return None
    shown = str(int(value)) if value.is_integer() else f"{value:g}"
    if 1950 <= value <= 2049 and value.is_integer():
        return None
    unit_word = fold(unit).split()[-1] if fold(unit) else ""
    return f"{shown} {unit_word}".strip()


def _add_entities(profile: ArticleProfile, analysis: Analysis, lead_end: int) -> None:
    for mention in analysis.entities:
        key = fold(mention.entity or mention.text)
        if not key or key.startswith("http") or len(key.split()) > MAX_NAME_WORDS:
            continue
        if mention.label in PEOPLE_LABELS:
            profile.people.add(key)
            surname = key.split()[-1]
            profile.surnames.add(surname)
            profile.mentions[f"p:{surname}"] += 1
            if mention.start < lead_end:
                profile.lead_names.add(f"p:{surname}")
        elif mention.label in PLACE_LABELS:
            profile.places.add(key)
            profile.mentions[f"g:{key}"] += 1
            if mention.start < lead_end:
                profile.lead_names.add(f"g:{key}")
        elif mention.label in ORG_LABELS:
            profile.orgs.add(key)
        elif mention.label in OTHER_LABELS:
            profile.others.add(key)


def _add_times(profile: ArticleProfile, analysis: Analysis, text: str) -> None:
    for expr in analysis.times:
        if not expr.value or "inferred" in expr.flags:
            continue
        full = FULL_DATE.match(expr.value)
        if full:
            profile.dates.add(full.group(0))
        year = YEAR_PREFIX.match(expr.value)
        if year:
            profile.years[int(year.group(1))] += 1
    for date in explicit_dates(text):
        profile.dates.add(date)
    for year_number in explicit_years(text):
        profile.years[year_number] += 1


def build_profile(
    article: Article, analysis: Analysis | None, events: list[str] | None = None
) -> ArticleProfile:
    """Gather the matching features of an article from its text and (when given) its analysis; `events`
    are its lead events when read already, else read here for a dated article."""
    tokens = words(f"{article.title}\n{article.text}")
    profile = ArticleProfile(
        article_id=article.id,
        title=article.title.strip() or _first_line(article.text),
        lead=lead_of(article),
        published=article.published_date,
        outlet=article.outlet,
        terms=Counter(content_words(tokens)),
        length=len(tokens),
    )
    if profile.published:
        profile.dates.add(profile.published)
    if analysis is not None:
        _add_entities(profile, analysis, lead_end=_lead_end(article.text))
        if profile.published:
            profile.events = list(events) if events is not None else lead_events(article, analysis)
        profile.numbers.update(
            key for q in analysis.quantities if (key := _number_key(q.value, q.unit)) is not None
        )
    _add_times(profile, analysis or Analysis(article_id=article.id), f"{article.title}\n{article.text}")
    return profile


def _first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip() and not URL_LINE.match(line):
            return line.strip()[:200]
    return ""


def _lead_end(text: str) -> int:
    """Offset where the opening ends: LEAD_CHARS of non-URL text past the first line."""
    skipped = 0
    for line in text.splitlines(keepends=True):
        if URL_LINE.match(line) or not line.strip():
            skipped += len(line)
            continue
        break
    return skipped + LEAD_CHARS // 2
