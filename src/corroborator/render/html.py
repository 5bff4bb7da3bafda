"""The brief as one self-contained HTML page: inline CSS, no external assets, every text escaped by Jinja2.

Each source text is shown with its discrepancies, agreements and single-source facts highlighted."""

from __future__ import annotations

from dataclasses import dataclass

from jinja2 import Environment

from corroborator.render.common import (
    agreement_label,
    agreements_title,
    article_line,
    article_names,
    contradictions,
    date_range,
    updates,
)
from corroborator.types import Brief, BriefArticle, Evidence

_PRIORITY = {"discrepancy": 3, "single": 2, "agree": 1}


@dataclass
class Segment:
    text: str
    css: str = ""
    note: str = ""


@dataclass
class _Mark:
    start: int
    end: int
    css: str
    note: str
    priority: int


def _marks(brief: Brief, article: str) -> list[_Mark]:
    marks: list[_Mark] = []

    def add(evidence: list[Evidence], css: str, note: str, kind: str) -> None:
        for item in evidence:
            if item.article == article:
                marks.append(_Mark(item.start, item.end, css, note, _PRIORITY[kind]))

    for index, d in enumerate(contradictions(brief)):
        add(d.evidence, f"disc sev{d.severity}", f"#{index + 1} {d.kind}: {d.explanation}", "discrepancy")
    for d in updates(brief):
        add(d.evidence, "update", f"changed over time: {d.explanation}", "discrepancy")
    for fact in brief.single_source:
        add(fact.evidence, "single", "only this article says this", "single")
    for agreement in brief.agreements:
        what = f"{agreement.detail} " if agreement.detail else ""
        add(agreement.evidence, "agree", f"{what}agreed by {len(agreement.evidence)} reports", "agree")
    return marks


def segments(text: str, marks: list[_Mark]) -> list[Segment]:
    """Split `text` into runs; each character takes the highest-priority (then narrowest) mark covering it."""
    owner: list[_Mark | None] = [None] * len(text)
    for mark in sorted(marks, key=lambda m: (m.priority, -(m.end - m.start))):
        for position in range(max(0, mark.start), min(len(text), mark.end)):
            owner[position] = mark
    runs: list[Segment] = []
    start = 0
    for position in range(1, len(text) + 1):
        if position == len(text) or owner[position] is not owner[start]:
            current = owner[start]
            runs.append(
                Segment(text[start:position], current.css if current else "", current.note if current else "")
            )
            start = position
    return runs


def _article_view(brief: Brief, article: BriefArticle) -> dict[str, object]:
    return {
        "article": article,
        "line": article_line(brief, article.id),
        "segments": segments(article.text, _marks(brief, article.id)),
    }


_TEMPLATE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Brief: {{ brief.story }}</title>
<style>
body{font:15px/1.5 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0 auto;max-width:1200px;
 padding:1rem 2rem;color:#1d1d1f}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #ddd}
table{border-collapse:collapse;width:100%;font-size:.9rem}
td,th{border:1px solid #ddd;padding:.3rem .5rem;vertical-align:top;text-align:left}
th{background:#f5f5f7}.kind{font-weight:600;white-space:nowrap}.muted{color:#666}
.sources{display:grid;grid-template-columns:repeat(auto-fit,minmax(420px,1fr));gap:1rem}
.source{border:1px solid #ddd;border-radius:6px;padding:.5rem 1rem;white-space:pre-wrap;font-size:.92rem}
.source h3{white-space:normal;font-size:1rem;margin:.2rem 0}
mark{color:inherit}.disc{background:#ffd7d5;border-bottom:2px solid #d70015}
.sev2,.sev1{background:#fff0c2;border-bottom-color:#b25000}
.single{background:#e3f0ff}.agree{background:#e2f6e4}tr.detail td:first-child{padding-left:1.5rem}
.update{background:#efe3fb;border-bottom:2px dashed #7a5aa8}
.legend span{padding:0 .4rem;margin-right:.6rem}
</style></head><body>
<h1>Brief: story {{ brief.story }}</h1>
<p><em>{{ brief.independence }}</em></p>
<ul>{% for view in views %}
<li><strong>{{ names[view.article.id] }}</strong>: {{ view.line }}</li>{% endfor %}
</ul>
{% macro evidence(items) %}{% for e in items %}
<div><span class="muted">{{ e.article|name_of }}:</span> {{ e.text }}</div>{% endfor %}{% endmacro %}
<h2>Discrepancies ({{ found|length }})</h2>
<table><tr><th>#</th><th>kind</th><th>severity</th><th>explanation</th><th>evidence</th></tr>
{% for d in found %}<tr><td>{{ loop.index }}</td><td class="kind">{{ d.kind }}</td>
<td>{{ d.severity }}</td><td>{{ d.explanation }}</td><td>{{ evidence(d.evidence) }}
{%- if d.facts %}<div class="muted">facts compared:</div>{{ evidence(d.facts) }}{% endif %}</td></tr>
{% endfor %}</table>
{% if changed %}<h2>Changes over time ({{ changed|length }})</h2>
<table><tr><th>what changed</th><th>earlier, then later</th></tr>
{% for d in changed %}<tr><td>{{ d.explanation }}</td><td>{{ evidence(d.evidence) }}</td></tr>
{% endfor %}</table>{% endif %}
<h2>{{ agreements_title(brief) }}</h2>
<table><tr><th>fact</th><th>origins</th><th>evidence</th></tr>
{% for a in brief.agreements %}<tr{% if a.detail %} class="detail"{% endif %}><td>{{ a|label }}</td>
<td>{{ a.origins|join(", ") }}
{%- if a.single_origin %} <strong>(single origin)</strong>{% endif %}</td>
<td>{{ evidence(a.evidence) }}</td></tr>
{% endfor %}</table>
<h2>Single-source facts ({{ brief.single_source|length }})</h2>
<table><tr><th>article</th><th>fact</th><th>origin</th></tr>
{% for f in brief.single_source %}
<tr><td>{{ f.article|name_of }}</td><td>{{ f.fact }}</td><td>{{ f.origins|join(", ") }}</td></tr>
{% endfor %}</table>
<h2>Timeline</h2>
<table><tr><th>date</th><th>what</th><th>sources</th></tr>
{% for t in brief.timeline %}<tr><td>{{ when(t.date, t.end) }}
{%- if t.inferred %} <span class="muted">(inferred)</span>{% endif %}</td><td>{{ t.what }}</td>
<td>{{ t.evidence|map(attribute="article")|map("name_of")|unique|join(", ") }}</td></tr>
{% endfor %}</table>
<h2>Origins</h2>
<table><tr><th>origin</th><th>kind</th><th>chains</th><th>articles</th></tr>
{% for o in brief.origins %}<tr><td>{{ o.origin }}</td>
<td>{{ o.kind }}{% if o.role == "relay" %}, relay{% endif %}</td>
<td>{% for c in o.chains %}<div>{{ c|join(" → ") }}</div>{% endfor %}</td>
<td>{{ o.articles|map("name_of")|join(", ") }}</td></tr>
{% endfor %}</table>
<h2>Entities</h2>
<table><tr><th>entity</th><th>label</th><th>variants</th><th>mentions</th></tr>
{% for r in brief.entities %}<tr><td>{{ r.entity }}</td><td>{{ r.label }}</td>
<td>{{ r.variants|join(", ") }}</td>
<td>{% for a, n in r.mentions.items() %}{{ a|name_of }}: {{ n }}{% if not loop.last %}, {% endif %}
{%- endfor %}</td></tr>
{% endfor %}</table>
<h2>Sources</h2>
<p class="legend"><mark class="disc">discrepancy</mark><mark class="update">changed over time</mark>
<mark class="single">single source</mark>
<mark class="agree">agreed</mark></p>
<div class="sources">{% for view in views %}<div class="source"><h3>{{ names[view.article.id] }}</h3>
{%- for s in view.segments %}{% if s.css %}<mark class="{{ s.css }}" title="{{ s.note }}">{{ s.text }}</mark>
{%- else %}{{ s.text }}{% endif %}{% endfor -%}
</div>{% endfor %}</div>
</body></html>
"""


def _environment(names: dict[str, str]) -> Environment:
    environment = Environment(autoescape=True, trim_blocks=False)
    environment.filters["name_of"] = lambda article_id: names.get(article_id, article_id)
    environment.globals["when"] = date_range
    environment.globals["agreements_title"] = agreements_title
    environment.filters["label"] = agreement_label
    return environment


def render_html(brief: Brief) -> str:
    names = article_names(brief)
    template = _environment(names).from_string(_TEMPLATE)
    views = [_article_view(brief, a) for a in brief.articles]
    return template.render(
        brief=brief, names=names, views=views, found=contradictions(brief), changed=updates(brief)
    )
