"""What a brief says of its origins: the origins it lists, most widely cited first, and the story's
independence line ("2 articles; the shared facts come from 1 origin: KCNA, via Reuters")."""

from __future__ import annotations

from collections import Counter

from corroborator.analyze.entities.media import lookup
from corroborator.compare.origins import Origins
from corroborator.types import Article, OriginTrace


def cited_origins(origins: Origins, articles: list[Article], name: dict[str, str]) -> list[OriginTrace]:
    """The origins a brief lists, most widely cited first: the sources the articles cite, and outlets
    reporting on their own; an article known only by its title or file name is no source to list. Then the
    media cited as relaying what an origin said, unless they are origins or the story's own articles."""
    unnamed = {name[a.id] for a in articles if not a.outlet}
    listed = [t for t in origins.traces.values() if t.origin not in unnamed]
    own = set(name.values())
    relays = [t for t in origins.relays.values() if t.origin not in origins.traces and t.origin not in own]
    return [*sorted(listed, key=_most_cited), *sorted(relays, key=_most_cited)]


def _most_cited(trace: OriginTrace) -> tuple[int, str]:
    return (-len(trace.articles), trace.origin)


def independence_summary(
    article_count: int, agreement_origins: list[list[str]], origins: Origins, article_names: set[str]
) -> str:
    """The story line in plain words: "2 articles; the shared facts come from 1 origin: KCNA, via Reuters"."""
    counts: Counter[str] = Counter(o for group in agreement_origins for o in group)
    articles = f"{article_count} article{'s' if article_count != 1 else ''}"
    if not counts:
        return f"{articles}; no fact is stated by more than one of them"
    ranked = [o for o, _ in counts.most_common()]
    own = [o for o in ranked if o in article_names and lookup(o) is None]
    described = [_with_relays(o, origins) for o in ranked if o not in own]
    if own:
        described.append(_own_reporting(own, article_count))
    listed = "; ".join(described) if any(", via " in d for d in described) else _join_and(described)
    plural = "s" if len(ranked) != 1 else ""
    return f"{articles}; the shared facts come from {len(ranked)} origin{plural}: {listed}"


def _with_relays(origin: str, origins: Origins) -> str:
    relays = _relays([origin], origins)
    return f"{origin}, via {_join_and(relays)}" if relays else origin


def _own_reporting(own: list[str], article_count: int) -> str:
    """The articles that report on their own: "each article's own reporting", "Daily One's own reporting"."""
    if len(own) == article_count > 1:
        return "each article's own reporting"
    if len(own) == 1:
        return f"{own[0]}'s own reporting"
    return f"the own reporting of {_join_and(own)}"


def _relays(origin_names: list[str], origins: Origins) -> list[str]:
    relays: list[str] = []
    for origin in origin_names:
        for chain in origins.traces[origin].chains:
            for relay in chain[1:]:
                if relay not in relays and relay not in origin_names and lookup(relay) is not None:
                    relays.append(relay)
    return relays


def _join_and(names: list[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
