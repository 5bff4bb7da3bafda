"""Analyses for story matching when the full analyzer is not at hand: entities, dates and numbers from NER.

`analyses_for(articles)` uses `corroborator.analyze.Analyzer` when it is installed and falls back to a light
analysis built from spaCy's named entities only (people, places, dates, numbers)."""

from __future__ import annotations

import importlib
import re
from collections.abc import Sequence
from typing import Any

from spacy.tokens import Doc

from corroborator.analyze.nlp.load import get_nlp
from corroborator.stories.text import explicit_dates, explicit_years
from corroborator.types import Analysis, Article, EntityMention, Quantity, TimeExpr

NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
NUMBER_LABELS = frozenset({"CARDINAL", "MONEY", "QUANTITY", "PERCENT"})


def analyses_for(articles: Sequence[Article]) -> list[Analysis]:
    """Analyse articles with the project's Analyzer if present, else with the light NER analysis."""
    try:
        module: Any = importlib.import_module("corroborator.analyze.pipeline")
    except ImportError:
        return light_analyses(articles)
    result: list[Analysis] = module.Analyzer().analyze(list(articles))
    return result


def light_analyses(articles: Sequence[Article]) -> list[Analysis]:
    nlp = get_nlp()
    docs = nlp.pipe((article.text for article in articles), batch_size=32)
    return [light_analysis(article, doc) for article, doc in zip(articles, docs, strict=True)]


def _fullest(name: str, people: list[str]) -> str:
    longer = [p for p in people if p != name and p.endswith(name)]
    return max(longer, key=len) if longer else name


def _time_value(text: str) -> str | None:
    dates = explicit_dates(text)
    if dates:
        return min(dates)
    years = explicit_years(text)
    return str(years[0]) if years else None


def _number(text: str) -> float | None:
    match = NUMBER.search(text)
    return float(match.group(0).replace(",", "")) if match else None


def light_analysis(article: Article, doc: Doc) -> Analysis:
    """Entities (people resolved to the fullest name in the article), dates and numbers from `doc.ents`."""
    people = [ent.text for ent in doc.ents if ent.label_ == "PERSON"]
    analysis = Analysis(article_id=article.id, sentences=[(s.start_char, s.end_char) for s in doc.sents])
    for ent in doc.ents:
        if ent.label_ == "DATE":
            value = _time_value(ent.text)
            analysis.times.append(TimeExpr(ent.start_char, ent.end_char, ent.text, "DATE", value))
        elif ent.label_ in NUMBER_LABELS:
            unit = doc[ent.end].text if ent.end < len(doc) else ""
            analysis.quantities.append(
                Quantity(ent.start_char, ent.end_char, ent.text, _number(ent.text), unit)
            )
        else:
            key = _fullest(ent.text, people) if ent.label_ == "PERSON" else ent.text
            analysis.entities.append(EntityMention(ent.start_char, ent.end_char, ent.text, ent.label_, key))
    return analysis
