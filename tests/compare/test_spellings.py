"""A name spelt two ways is an `entity` discrepancy of the lowest severity; plurals, numbered events and
hyphenation are not."""

from __future__ import annotations

from corroborator.analyze.pipeline import shared_analyzer
from corroborator.compare import build_brief
from corroborator.compare.spellings import SPELLING_SEVERITY, _spelt_two_ways
from corroborator.types import Article


def test_a_surname_spelt_two_ways_is_a_low_severity_entity_discrepancy() -> None:
    first = Article(
        text="Climber Duncan Raite fell 200 feet from a ridge in Mount Cook National Park on Tuesday.\n",
        outlet="Sky News",
        published="2012-01-03",
    )
    second = Article(
        text="Climber Duncan Rait fell about 200 feet from a ridge in Mount Cook National Park on Tuesday.\n",
        outlet="The Guardian",
        published="2012-01-03",
    )
    brief = build_brief("s", [first, second], shared_analyzer().analyze([first, second]))
    (spelling,) = [d for d in brief.discrepancies if "spelt two ways" in d.explanation]
    assert spelling.kind == "entity" and spelling.severity == SPELLING_SEVERITY
    assert sorted(e.text.split()[-1] for e in spelling.evidence) == ["Rait", "Raite"]
    assert "Sky News" in spelling.explanation and "The Guardian" in spelling.explanation
    assert brief.discrepancies[-1] is spelling


def test_other_differences_in_names_are_not_spellings() -> None:
    assert _spelt_two_ways("Heydar Alishvandi", "Heydar Alishwandi")
    assert not _spelt_two_ways("Academy Award", "Academy Awards")
    assert not _spelt_two_ways("79th Academy Awards", "85th Academy Awards")
    assert not _spelt_two_ways("Cheong Seong-chang", "Cheong Seong Chang")
    assert not _spelt_two_ways("John Smith", "John Smithson")
    assert not _spelt_two_ways("Jon Owen", "Joe Owen")
    assert not _spelt_two_ways("North Korea", "South Korea")


def test_two_romanisations_of_one_name_are_not_two_spellings() -> None:
    assert not _spelt_two_ways("Heydar Alishvandi", "Heidar Alishvandi")
    assert not _spelt_two_ways("Giannis Panagopoulos", "Yiannis Panagopoulos")
    assert not _spelt_two_ways("Mahmoud Abbas", "Mahmud Abbas")
    assert _spelt_two_ways("Duncan Rait", "Duncan Raite"), "a letter romanisations do not choose between"
    assert _spelt_two_ways("Gianni Versace", "Gianna Versace")
