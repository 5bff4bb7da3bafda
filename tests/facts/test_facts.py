"""The facts stage on real parses: predicates, arguments, polarity, modality, attribution and offsets."""

from __future__ import annotations

import pytest

from corroborator.analyze.pipeline import shared_analyzer
from corroborator.facts import extract_facts
from corroborator.facts.parser import MAX_PARSE_CHARS, _pieces
from corroborator.types import Article, Fact


def facts_of(text: str, outlet: str = "Example Times") -> list[Fact]:
    article = Article(text=text, outlet=outlet)
    return extract_facts([article], shared_analyzer().analyze([article]))[0]


def only(facts: list[Fact], predicate: str) -> Fact:
    found = [f for f in facts if f.predicate == predicate]
    assert len(found) == 1, [(f.predicate, f.text) for f in facts]
    return found[0]


def test_a_fact_is_a_predicate_with_typed_arguments_and_offsets() -> None:
    text = "Police arrested 99 protesters in Athens on Monday, officials said."
    fact = only(facts_of(text), "arrest")
    assert fact.text == text[fact.start : fact.end]
    assert "Police arrested 99 protesters in Athens" in fact.text
    roles = {a.role: a for a in fact.arguments}
    assert roles["subject"].text == "Police"
    assert roles["object"].quantities == (99.0,)
    assert "Athens" in roles["place"].text
    for argument in fact.arguments:
        assert text[argument.start : argument.end] == argument.text


def test_the_attribution_is_taken_off_the_fact() -> None:
    text = "Reuters reported that Kim Jong Un visited a missile factory in Pyongyang."
    facts = facts_of(text, outlet="WION")
    visit = only(facts, "visit")
    assert "report" not in visit.text.lower()
    assert visit.attribution[0] == "Reuters" and visit.attribution[-1] == "WION"
    assert only(facts, "report").kind == "speech"


def test_negation_and_modality_are_properties() -> None:
    facts = facts_of(
        "The minister will not resign. The company plans to close the plant. The storm may reach the coast."
    )
    assert only(facts, "resign").negated
    close = only(facts, "close")
    assert close.modality == "plan" and not close.negated
    assert only(facts, "reach").modality == "may"


def test_a_clause_per_fact() -> None:
    text = "The fire destroyed the church and caused $1 million of damage, and police suspect arson."
    facts = facts_of(text)
    assert {"destroy", "cause", "suspect"} <= {f.predicate for f in facts}
    assert "arson" not in only(facts, "destroy").text


def test_an_apposition_is_an_attribute_fact() -> None:
    facts = facts_of("Lindsay Lohan, 26, checked into the Betty Ford Center on Thursday night.")
    attribute = [f for f in facts if f.kind == "attribute"]
    assert attribute and "26" in attribute[0].text


def test_a_one_word_name_and_an_age_are_a_fact_and_two_words_else_are_not() -> None:
    facts = facts_of("Nichols, 37, told the court he was sorry. Smith, a teacher, agreed.")
    assert [f.text for f in facts if f.kind == "attribute"] == ["Nichols, 37", "Smith, a teacher"]
    assert not [f for f in facts_of("Smith, teacher, agreed with them.") if f.kind == "attribute"]


@pytest.mark.parametrize(
    "text",
    ["Apples, oranges, pears.", "", "  \n\n ", "Der Bundestag hat am Montag das Gesetz beschlossen.", "..."],
)
def test_text_without_english_verbs_gives_facts_or_none_without_error(text: str) -> None:
    for fact in facts_of(text):
        assert fact.text == text[fact.start : fact.end]


def test_a_headline_line_is_not_a_fact() -> None:
    text = "Klitschko Stops Thompson In Sixth\nWladimir Klitschko stopped Tony Thompson in the sixth round."
    facts = facts_of(text)
    assert all(f.start > text.index("\n") for f in facts)


def test_a_huge_text_is_parsed_in_bounded_pieces() -> None:
    text = ("The council approved the budget on Monday. " * 50_000)[:2_000_000]
    pieces = list(_pieces(text))
    assert all(len(piece) <= MAX_PARSE_CHARS for _, piece in pieces)
    assert "".join(piece for _, piece in pieces) == text
    assert all(text[offset : offset + len(piece)] == piece for offset, piece in pieces)


def test_a_paragraph_two_articles_share_is_parsed_once_and_read_at_each_articles_offsets() -> None:
    from corroborator.facts.parser import parse

    shared = "The minister resigned on Friday after a week of protests."
    texts = [f"Budget talks stalled.\n{shared}", f"Markets fell sharply on the news today.\n\n{shared}"]
    left, right = list(parse(texts))
    assert left[1][1] is right[1][1], "one Doc for the shared paragraph"
    for text, pieces in zip(texts, (left, right), strict=True):
        offset, doc = pieces[-1]
        assert text[offset : offset + len(doc.text)] == shared
    articles = [Article(text=t, outlet=f"Outlet {n}") for n, t in enumerate(texts)]
    for article, facts in zip(
        articles, extract_facts(articles, shared_analyzer().analyze(articles)), strict=True
    ):
        resign = only(facts, "resign")
        assert article.text[resign.start : resign.end] == resign.text


def test_a_fact_never_ends_inside_a_hyphenated_word() -> None:
    from corroborator.facts.extract import whole_words

    text = "Police said she wounded a third co-worker and her ex-wife."
    cut = text.index("co-") + 2
    assert text[slice(*whole_words(text, text.index("wounded"), cut))] == "wounded a third co-worker"
    assert text[slice(*whole_words(text, text.index("wife"), len(text) - 1))] == "ex-wife"
    for fact in facts_of(text):
        assert not fact.text.endswith(("co", "ex")), fact.text


def test_a_copular_clause_under_a_verb_of_saying_is_a_fact() -> None:
    texts = [f.text for f in facts_of('The mayor has said the city is safe. He added: "We are thrilled."')]
    assert "the city is safe" in texts and "We are thrilled" in texts


def test_an_infinitive_that_completes_a_verb_is_part_of_its_fact() -> None:
    text = "The court ordered the company to pay damages. The move allowed agencies to decide alone."
    texts = [f.text for f in facts_of(text)]
    assert "The court ordered the company to pay damages" in texts
    assert "The move allowed agencies to decide alone" in texts
    assert not any(t.startswith(("to ", "agencies to", "the company to")) for t in texts), texts


def test_have_to_and_be_to_make_their_infinitive_the_fact_with_a_modality() -> None:
    facts = facts_of(
        "Federal agencies will again have to consult wildlife experts. The government is to cut bonus pay."
    )
    consult = only(facts, "consult")
    assert consult.modality == "must" and consult.text.startswith("Federal agencies")
    cut = only(facts, "cut")
    assert cut.modality == "plan" and cut.text == "The government is to cut bonus pay"


def test_an_adverb_with_its_own_measure_completes_the_fact() -> None:
    text = "The warship was about 13 nautical miles away from the merchant vessel."
    assert [f.text for f in facts_of(text)] == [text.rstrip(".")]
