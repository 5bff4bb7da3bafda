"""The entities table: one row per real-world entity, its spellings merged across articles, mentions counted.

Clusters come from `analyze.resolve.resolve_entities` ("Cheong Seong-chang", "Cheong Seong Chang" and
"Chang" are one person)."""

from __future__ import annotations

from collections import Counter, defaultdict

from corroborator.analyze.entities.aliases import entity_id
from corroborator.analyze.entities.resolve import EntityIndex, resolve_entities
from corroborator.types import Analysis, EntityRow


class EntityClusters:
    """Maps every entity key to the canonical name of its cross-article cluster."""

    def __init__(self, index: EntityIndex) -> None:
        self.index = index

    def of(self, key: str) -> str:
        return self.index.canonical(key)

    def same(self, left: str, right: str) -> bool:
        return self.of(left) == self.of(right)

    def is_medium(self, key: str) -> bool:
        return self.index.is_medium(key)

    def label(self, key: str) -> str | None:
        return self.index.label(key)

    def person_by_surname(self, surname: str) -> str | None:
        """The one person of the story whose name ends with `surname` ("Gaskin" -> "Dave Gaskin"), or None
        when none or several do."""
        found = {
            c.canonical
            for c in self.index.clusters
            if c.label == "PERSON" and len(c.canonical.split()) > 1 and c.canonical.split()[-1] == surname
        }
        return found.pop() if len(found) == 1 else None


def build_clusters(analyses: list[Analysis]) -> EntityClusters:
    return EntityClusters(resolve_entities(analyses))


def entity_rows(analyses: list[Analysis], clusters: EntityClusters) -> list[EntityRow]:
    """One row per cluster: label, spellings seen, mentions per article; most widely mentioned first."""
    rows: dict[str, EntityRow] = {}
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    for analysis in analyses:
        for mention in analysis.entities:
            name = clusters.of(mention.entity)
            row = rows.setdefault(name, EntityRow(entity=name, label=mention.label))
            labels[name][mention.label] += 1
            for variant in (mention.entity, mention.text):
                if variant not in row.variants:
                    row.variants.append(variant)
            row.mentions[analysis.article_id] = row.mentions.get(analysis.article_id, 0) + 1
            mention_id = entity_id(mention.entity)
            if mention_id not in row.ids:
                row.ids.append(mention_id)
    for name, row in rows.items():
        row.label = labels[name].most_common(1)[0][0]
    return sorted(rows.values(), key=lambda r: (-len(r.mentions), -sum(r.mentions.values()), r.entity))
