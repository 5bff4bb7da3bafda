"""Quotes and attributions: direct and indirect speech, speakers, pronouns, relay chains, the seeds."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from spacy.tokens import Doc

from corroborator.analyze.entities.extract import extract_entities
from corroborator.analyze.nlp.load import get_nlp
from corroborator.analyze.quotes.extract import extract_quotes, relay_chain
from corroborator.types import Article, EntityMention, Quote, Span

SEEDS = Path(__file__).resolve().parents[2] / "examples" / "seeds"


def quotes_of(text: str, outlet: str | None = None) -> list[Quote]:
    doc = get_nlp()(text)
    entities = [EntityMention(e.start_char, e.end_char, e.text, e.label_, e.text) for e in doc.ents]
    return extract_quotes(doc, entities, outlet)


def by_cue(quotes: list[Quote], cue: str) -> Quote:
    matching = [q for q in quotes if q.cue is not None and q.cue.text.lower() == cue.lower()]
    assert matching, f"no quote with cue {cue!r} in {[q.cue.text if q.cue else None for q in quotes]}"
    return matching[0]


def seed_text(prefix: str) -> str:
    text = next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")
    text = re.sub(r"^\s*date \d{4}-\d{2}-\d{2}\s*", "", text)
    return re.sub(r"\s*WATCH WION LIVE HERE\s*$", "", text)


@pytest.fixture(scope="module")
def seed_quotes() -> dict[str, list[Quote]]:
    found = {}
    for prefix in ("000", "001"):
        text = seed_text(prefix)
        doc = get_nlp()(text)
        found[prefix] = extract_quotes(doc, extract_entities(doc, Article(text=text)), "WION")
    return found


def quote_with(quotes: list[Quote], content_start: str) -> Quote:
    matching = [q for q in quotes if q.content.text.startswith(content_start)]
    assert matching, f"no quote whose content starts with {content_start!r}"
    return matching[0]


# Direct speech


def test_direct_quote_then_speaker() -> None:
    text = "“We will rebuild the bridge by May,” Mayor Anna Lopez said on Tuesday."
    quote = by_cue(quotes_of(text), "said")
    assert quote.content.text == "“We will rebuild the bridge by May,”"
    assert quote.speaker is not None and quote.speaker.text == "Mayor Anna Lopez"
    assert quote.kind == "direct"


def test_speaker_then_direct_quote() -> None:
    quote = by_cue(quotes_of('John Smith said, "The plant will close next year."'), "said")
    assert quote.content.text == '"The plant will close next year."'
    assert quote.speaker is not None and quote.speaker.text == "John Smith"


def test_inverted_cue_and_speaker_after_the_quote() -> None:
    text = '"October provided a resurgence for her," said former adviser David Axelrod.'
    quote = by_cue(quotes_of(text), "said")
    assert quote.content.text.startswith('"October')
    assert quote.speaker is not None and quote.speaker.text.endswith("David Axelrod")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The fire was out by noon, said police.", "police"),
        ("Fox's option would trump Lionsgate's hold on Lawrence, say sources.", "sources"),
        ("(Talks stalled on Monday, said sources close to the talks.)", "sources close to the talks"),
    ],
)
def test_content_then_cue_then_an_unnamed_source(text: str, speaker: str) -> None:
    quote = by_cue(quotes_of(text), text.split(", ")[-1].split()[0])
    assert quote.speaker is not None and quote.speaker.text == speaker
    assert quote.content.text.lstrip("(") == text.lstrip("(").split(",")[0]


def test_a_clause_after_said_is_content_not_a_speaker() -> None:
    quote = by_cue(quotes_of("He said police had arrested him."), "said")
    assert quote.speaker is not None and quote.speaker.text == "He"
    assert quote.content.text.startswith("police had arrested him")
    quote = by_cue(quotes_of("Abdoulaye Barry, a shop owner, said rioters tried to storm the shop."), "said")
    assert quote.content.text.startswith("rioters tried")


@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        (  # after "told" comes who was told
            "Chela Ortiz, who married the deputy three weeks before he was murdered, told Orozco in a firm "
            'voice, "I want you to know you did not break our family."',
            "told",
            "Chela Ortiz",
        ),
        (  # what a name owns speaks
            "Jose Luis Orozco's attorneys made a motion for a new trial, arguing that the judge had erred.",
            "arguing",
            "Jose Luis Orozco's attorneys",
        ),
        ("Donald Trump is criticised after he appeared to suggest that veterans are weak.", "suggest", "he"),
        (
            "Donald Trump demands accountability from Obama, yet refuses to explain how his wife got a visa.",
            "refuses",
            "Donald Trump",
        ),
        (
            "Donald Trump complained about his microphone, even suggesting he may have been sabotaged.",
            "suggesting",
            "Donald Trump",
        ),
        (  # an opening participle is said by the subject after its comma
            "Citing an unfounded theory, Donald Trump accused Rafael Cruz of plotting.",
            "Citing",
            "Donald Trump",
        ),
    ],
)
def test_the_speaker_of_a_cue_is_the_clause_subject_it_belongs_to(text: str, cue: str, speaker: str) -> None:
    found = by_cue(quotes_of(text), cue).speaker
    assert found is not None and found.text == speaker


def test_an_opening_participle_ends_at_its_comma() -> None:
    text = "Citing an unfounded theory, Donald Trump accused Rafael Cruz of plotting."
    assert by_cue(quotes_of(text), "Citing").content.text == "an unfounded theory"


def test_keeping_a_thing_is_no_assertion() -> None:
    text = "In 2001 the company announced plans to convert them into offices while maintaining their facades."
    assert not [q for q in quotes_of(text) if q.cue is not None and q.cue.text == "maintaining"]
    assert by_cue(quotes_of("Smith maintained that he was innocent."), "maintained")


def test_a_statement_not_made_yet_is_no_attribution() -> None:
    quotes = quotes_of("But Ross will argue that his film was much better received than the others.")
    assert not [q for q in quotes if q.cue is not None and q.cue.text == "argue"]
    assert by_cue(quotes_of("Ross argued that his film was better received."), "argued")


def test_the_writers_own_it_is_fair_to_say_has_no_speaker() -> None:
    text = "Thompson looked old, and it would be a stretch to say that he troubled Klitschko."
    assert not [q for q in quotes_of(text) if q.cue is not None and q.cue.text == "say"]
    assert by_cue(quotes_of("Smith wanted to say that the fight was one-sided."), "say").speaker is not None


def test_a_cue_that_goes_on_with_another_verb_reports_nothing() -> None:
    assert not quotes_of("Ross was paid $3 million to write and direct the film.")


def test_a_participle_that_names_something_is_no_cue() -> None:
    assert not quotes_of("A restoration company called Heritage Properties bought the buildings in 1997.")
    assert by_cue(quotes_of("A spokesman called the decision a disgrace."), "called").speaker is not None
    assert by_cue(quotes_of("Obama called Romney a liar."), "called").speaker_entity == "Obama"


def test_a_word_inside_a_hyphenated_word_is_no_cue() -> None:
    text = "He backed the so-called carried interest rule, a well-known weakness of the tax code."
    assert not [q for q in quotes_of(text) if q.cue is not None and q.cue.text in ("called", "known")]


def test_a_cue_word_owned_or_after_a_modifier_is_a_noun_unless_a_clause_follows() -> None:
    text = "Donald Trump is defending his early-morning tweets attempting to shame a former Miss Universe."
    assert not [q for q in quotes_of(text) if q.cue is not None and q.cue.text == "tweets"]
    text = "Trump has responded with attacks on Machado, including Friday's tweets about her past."
    assert not [q for q in quotes_of(text) if q.cue is not None and q.cue.text == "tweets"]
    text = "Residents ignored Mayor John Smith's warning that the river would flood."
    assert by_cue(quotes_of(text), "warning").content.text.startswith("that the river")


def test_the_paper_is_the_last_newspaper_named_not_a_news_agency() -> None:
    def speaker_of(text: str) -> str | None:
        return by_cue(quotes_of(text), "said").speaker_entity

    assert speaker_of("The New York Times reported the strike. Workers were angry, the paper said.") == (
        "The New York Times"
    )
    assert speaker_of("Reuters reported the strike. Workers were angry, the paper said.") is None
    assert speaker_of("Reuters reported the strike. Workers were angry, the agency said.") == "Reuters"


def test_a_place_that_qualifies_a_source_is_not_the_source() -> None:
    quote = by_cue(quotes_of("The man was charged, Vancouver police said."), "said")
    assert quote.speaker is not None and quote.speaker.text == "Vancouver police"
    assert quote.speaker_entity is None
    assert by_cue(quotes_of("Iran said the quake killed 10 people."), "said").speaker_entity == "Iran"


def test_charged_with_is_a_charge_in_law_not_a_cue() -> None:
    assert not quotes_of("A 61-year-old Vancouver man charged with murder after a shooting at a party.")
    assert by_cue(quotes_of("He charged that the company had lied."), "charged").speaker is not None


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Gray's school principal, Matthew Willoughby of the Urban Assembly, wrote a letter praising him.",
            "Matthew Willoughby",
        ),
        ("A reporter of the Iranian news agency, IRNA, said that the hospital was full.", "IRNA"),
    ],
)
def test_the_name_after_an_opening_description_is_the_speaker(text: str, speaker: str) -> None:
    cue = "wrote" if "wrote" in text else "said"
    assert by_cue(quotes_of(text), cue).speaker_entity == speaker


def test_after_said_the_a_phrase_without_a_source_noun_is_content() -> None:
    quote = by_cue(quotes_of("The plan will fail, said a senior official in the ministry."), "said")
    assert quote.speaker is not None and quote.speaker.text == "a senior official in the ministry"
    quote = by_cue(quotes_of("The principal, John Day, wrote a long letter about the school."), "wrote")
    assert quote.speaker_entity == "John Day"
    assert quote.content.text.startswith("a long letter")


def test_he_is_not_a_possessor_named_since_the_sentence_began() -> None:
    text = "Nichols shot David Wilhelm. Nichols stole Wilhelm's pickup truck, where he said he found a badge."
    quote = by_cue(quotes_of(text), "said")
    assert quote.speaker_entity == "Nichols"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Donald Trump met Hillary Clinton on Monday. He said the talks went well.", "Donald Trump"),
        ("Sarah Palin met Donald Trump on Monday. She said the talks went well.", "Sarah Palin"),
        ("Mr. Kelly met Laura Smith on Monday. He said the talks went well.", "Kelly"),
        ("Kim Lee met Chris Park on Monday. She said the talks went well.", "Chris Park"),  # neither known
    ],
)
def test_he_and_she_pass_over_a_person_of_the_other_sex(text: str, speaker: str) -> None:
    assert by_cue(quotes_of(text), "said").speaker_entity == speaker


def test_quote_spanning_sentences_is_taken_whole() -> None:
    text = "“Prices rose. Wages did not. People are angry,” the union leader Maria Diaz said."
    quote = by_cue(quotes_of(text), "said")
    assert quote.content.text == "“Prices rose. Wages did not. People are angry,”"


def test_speaker_with_apposition_after_the_quote() -> None:
    text = "“Nothing would change,” Fred Kagan, director of the Threats Project, said in an interview."
    quote = by_cue(quotes_of(text), "said")
    assert quote.speaker is not None and quote.speaker.text == "Fred Kagan"
    assert quote.content.text == "“Nothing would change,”"


def test_speaker_named_in_an_apposition_after_a_description() -> None:
    text = (
        "The head of the million-member GSEE private sector union, Giannis Panagopoulos, said: "
        '"The Greek people have been called to make sacrifices while the rich pay nothing."'
    )
    quote = by_cue(quotes_of(text), "said")
    assert quote.speaker is not None and quote.speaker.text == "Giannis Panagopoulos"


def test_an_apposition_that_names_no_one_is_not_the_speaker() -> None:
    quote = by_cue(quotes_of("Sen. Ron Johnson, R-Wis., said he had heard nothing."), "said")
    assert quote.speaker is not None and quote.speaker.text == "Sen. Ron Johnson"


def test_a_passive_cue_reports_no_speech_of_its_subject() -> None:
    for text in (
        "The bill is expected to pass easily in parliament.",
        "Page is best known by her fans for her films.",
        "People are asked to avoid the High Street area.",
    ):
        assert not quotes_of(text), text
    quote = by_cue(quotes_of("He was quoted as saying the plan was dead."), "saying")
    assert quote.speaker is not None and quote.speaker.text == "He"


def test_a_reaction_that_is_an_act_is_no_speech() -> None:
    assert not quotes_of("The Indian warship responded to the distress call within minutes.")
    assert not quotes_of("Palin responded by firing the board.")
    quote = by_cue(quotes_of("The mayor responded that the plan was dead."), "responded")
    assert quote.speaker is not None and quote.speaker.text == "The mayor"


def test_a_body_placed_in_a_town_is_the_speaker_not_the_town() -> None:
    text = "The magnitude was 5.9, but the U.S. Geological Survey in Golden, Colo., said it was 6.1."
    quote = by_cue(quotes_of(text), "said")
    assert quote.speaker is not None and quote.speaker.text.endswith("U.S. Geological Survey")


# Indirect speech


def test_said_that_content_after() -> None:
    quote = by_cue(quotes_of("The Islamic State said that the two were its followers."), "said")
    assert quote.content.text == "that the two were its followers"
    assert quote.speaker is not None and quote.speaker.text == "The Islamic State"


def test_content_then_speaker_said() -> None:
    quote = by_cue(quotes_of("The factory will reopen in June, company officials said."), "said")
    assert quote.content.text == "The factory will reopen in June"
    assert quote.speaker is not None and quote.speaker.text == "company officials"


def test_told_a_medium_puts_it_in_via() -> None:
    text = "Cheong Seong-chang, an expert at the Sejong Institute, told Reuters Kim is focused on exports."
    quote = by_cue(quotes_of(text), "told")
    assert quote.content.text == "Kim is focused on exports"
    assert quote.speaker is not None and quote.speaker.text == "Cheong Seong-chang"
    assert quote.via == ["Reuters"]


def test_according_to_before_and_after() -> None:
    before = by_cue(quotes_of("According to the ministry, exports rose by 4 percent."), "according to")
    assert before.content.text == "exports rose by 4 percent"
    assert before.speaker is not None and before.speaker.text == "the ministry"
    assert before.kind == "according_to"
    after = by_cue(quotes_of("Exports rose by 4 percent, according to the ministry."), "according to")
    assert after.content.text == "Exports rose by 4 percent"
    assert after.speaker is not None and after.speaker.text == "the ministry"


def test_called_for() -> None:
    quote = by_cue(quotes_of("Senator Maria Cantwell called for an inquiry into the crash."), "called for")
    assert quote.content.text == "an inquiry into the crash"
    assert quote.speaker is not None and quote.speaker.text.endswith("Maria Cantwell")
    assert quote.speaker_entity == "Maria Cantwell"


def test_parenthetical_cue_keeps_both_halves() -> None:
    quote = by_cue(quotes_of("The hashtag, Mr. Abboud said, spread across France within hours."), "said")
    assert quote.content.text.startswith("The hashtag")
    assert quote.content.text.endswith("within hours")


def test_headline_label_with_colon() -> None:
    quote = by_cue(quotes_of("Poll: Trump and Clinton hold narrow leads in Pennsylvania."), ":")
    assert quote.speaker is not None and quote.speaker.text == "Poll"
    assert quote.content.text == "Trump and Clinton hold narrow leads in Pennsylvania"


def test_nouns_and_quoted_verbs_are_not_cues() -> None:
    quotes = quotes_of("The inspections could also be a warning. “I said no,” she said.")
    assert [q.cue.text for q in quotes if q.cue] == ["said"]
    assert quotes[0].content.text == "“I said no,”"


# Speakers


def test_pronoun_speaker_resolves_to_last_person() -> None:
    quotes = quotes_of("Angela Merkel arrived in Paris on Monday. She said the talks were useful.")
    quote = by_cue(quotes, "said")
    assert quote.speaker is not None and quote.speaker.text == "She"
    assert quote.speaker_entity == "Angela Merkel"


def test_who_speaker_resolves_to_its_antecedent() -> None:
    quote = by_cue(quotes_of("It was led by Harry Reid, who said the bill was dead."), "said")
    assert quote.speaker is not None and quote.speaker.text == "who"
    assert quote.speaker_entity == "Harry Reid"


@pytest.mark.parametrize(
    ("text", "cue", "speaker", "entity"),
    [
        (
            "Xinhua described the meeting on Monday. The talks were frank, the report added.",
            "added",
            "the report",
            "Xinhua",
        ),
        (
            '"We did everything we could," said the white woman, who was identified as Juror No. 12.',
            "said",
            "the white woman",
            "Juror No. 12",
        ),
    ],
)
def test_a_description_resolves_to_what_the_article_names(
    text: str, cue: str, speaker: str, entity: str
) -> None:
    quote = by_cue(quotes_of(text), cue)
    assert quote.speaker is not None and quote.speaker.text == speaker
    assert quote.speaker_entity == entity


def test_participle_takes_the_speaker_of_the_clause_before() -> None:
    text = "The leader inspected the plant, KCNA said, adding that he praised the workers."
    adding = by_cue(quotes_of(text), "adding")
    assert adding.speaker is not None and adding.speaker.text == "KCNA"
    assert adding.content.text == "that he praised the workers"


# Relay chains


def test_nested_quote_passes_through_the_reporting_medium() -> None:
    quotes = quotes_of("Kim called for more engines, KCNA said.", outlet="WION")
    inner = by_cue(quotes, "called for")
    outer = by_cue(quotes, "said")
    assert inner.content.text == "more engines"
    assert inner.via == ["KCNA"]
    assert outer.content.text == "Kim called for more engines"
    assert relay_chain(inner, "WION") == ["Kim", "KCNA", "WION"]


def test_citing_state_media_resolves_to_the_state_agency() -> None:
    text = "North Korea's leader toured factories, the agency Reuters reported Sunday citing state media."
    quote = by_cue(quotes_of(text), "reported")
    assert quote.speaker_entity == "Reuters"
    assert quote.cites == ["KCNA"]
    assert relay_chain(quote, "WION") == ["KCNA", "Reuters", "WION"]
    assert not [q for q in quotes_of(text) if q.cue and q.cue.text == "citing"]


def test_relay_chain_canonicalises_media_and_drops_repeats() -> None:
    quote = Quote(content=quote_span(), speaker_entity="the Associated Press", via=["AP"])
    assert relay_chain(quote, "Associated Press") == ["Associated Press"]
    assert relay_chain(Quote(content=quote_span()), None) == []


def quote_span() -> Span:
    return Span(0, 4, "text")


# The seed articles


def test_seed_000_kim_called_for_via_kcna(seed_quotes: dict[str, list[Quote]]) -> None:
    quote = by_cue(seed_quotes["000"], "called for")
    assert quote.speaker_entity == "Kim Jong Un"
    assert quote.via == ["KCNA"]
    assert relay_chain(quote, "WION") == ["Kim Jong Un", "KCNA", "WION"]
    kcna = quote_with(seed_quotes["000"], "Kim called for steadily increasing")
    assert kcna.speaker_entity == "KCNA"


def test_seed_000_state_media_report_is_kcna(seed_quotes: dict[str, list[Quote]]) -> None:
    quote = quote_with(seed_quotes["000"], "North Korean dictator Kim Jong Un has visited")
    assert quote.speaker is not None and quote.speaker.text == "a state media report"
    assert quote.speaker_entity == "KCNA"


def test_seed_000_cheong_told_reuters(seed_quotes: dict[str, list[Quote]]) -> None:
    quote = by_cue(seed_quotes["000"], "told")
    assert quote.speaker is not None and quote.speaker.text == "Cheong Seong-chang"
    assert quote.via == ["Reuters"]
    assert quote.content.text.startswith("Kim is likely focused on modernisation")


def test_seed_001_reuters_citing_state_media(seed_quotes: dict[str, list[Quote]]) -> None:
    quote = by_cue(seed_quotes["001"], "reported")
    assert quote.speaker is not None and quote.speaker.text == "the news agency Reuters"
    assert quote.speaker_entity == "Reuters"
    assert quote.cites == ["KCNA"]
    assert quote.content.text.startswith("North Korea's supreme leader Kim Jong Un toured")
    assert relay_chain(quote, "WION") == ["KCNA", "Reuters", "WION"]


def test_seed_001_the_supreme_leader_is_kim_jong_un(seed_quotes: dict[str, list[Quote]]) -> None:
    quote = by_cue(seed_quotes["001"], "called for")
    assert quote.speaker is not None and quote.speaker.text == "The supreme leader"
    assert quote.speaker_entity == "Kim Jong Un"  # introduced as "supreme leader Kim Jong Un"


def test_a_title_speaker_is_the_person_named_with_that_title() -> None:
    said = "The minister said the work was finished."
    titled = quotes_of(f"Transport minister Jane Doe opened the bridge. {said}")
    assert by_cue(titled, "said").speaker_entity == "Jane Doe"
    untitled = quotes_of(f"Jane Doe opened the bridge. {said}")
    assert by_cue(untitled, "said").speaker_entity is None
    in_a_word = quotes_of("Police named the ringleader John Smith. The leader said the work was finished.")
    assert by_cue(in_a_word, "said").speaker_entity is None, "'ringleader' is not the title 'leader'"


def test_a_title_in_apposition_to_a_name_resolves_to_that_person() -> None:
    later = "The interior secretary said he would ask the courts to overturn the rule."
    for named in (
        "The commerce secretary, Gary Locke, and the interior secretary, Ken Salazar, agreed.",
        "Ken Salazar, the interior secretary, and Gary Locke, the commerce secretary, agreed.",
    ):
        assert by_cue(quotes_of(f"{named} {later}"), "said").speaker_entity == "Ken Salazar"
    deputy = quotes_of(f"Ken Salazar, the interior secretary's deputy, agreed. {later}")
    assert by_cue(deputy, "said").speaker_entity is None


def test_a_role_in_apposition_after_a_possessive_names_its_holder() -> None:
    named = "Nichols' mother, Claritha Nichols, and his father attended the trial most days."
    later = "His mother testified about the day he escaped."
    assert by_cue(quotes_of(f"{named} {later}"), "testified").speaker_entity == "Claritha Nichols"
    unnamed = quotes_of(f"Claritha Nichols attended the trial most days. {later}")
    assert by_cue(unnamed, "testified").speaker_entity is None


def test_a_possessed_role_resolves_to_the_person_named_with_that_role_or_a_synonym() -> None:
    from corroborator.analyze.pipeline import shared_analyzer

    said = "Lindsay Lohan's lawyer says the actress checked into rehab on Thursday."
    named = Article(text=f"{said} Attorney Mark Jay Heller told the judge that Lohan had checked in.")
    unnamed = Article(text=said)
    analyses = shared_analyzer().analyze([named, unnamed])
    assert by_cue(analyses[0].quotes, "says").speaker_entity == "Mark Jay Heller"
    assert by_cue(analyses[1].quotes, "says").speaker_entity is None


def test_a_group_described_by_role_resolves_to_the_member_the_article_names() -> None:
    trial = (
        "Fulton County District Attorney Paul Howard spoke on Saturday. At trial, prosecutors contended "
        "Nichols ambushed Wilhelm. Defense lawyers contended that Nichols was ill. Josh Moore, one of the "
        "defense lawyers, had spoken to the judge earlier."
    )
    quotes = quotes_of(trial)
    assert [q.speaker_entity for q in quotes if q.cue is not None and q.cue.text == "contended"] == [
        "Paul Howard",
        "Josh Moore",
    ]
    producers = quotes_of(
        "The producers of the Academy Awards telecast announced that Ellen DeGeneres would return. The "
        "producers, Craig Zadan and Neil Meron, caused some backlash last year."
    )
    assert by_cue(producers, "announced").speaker_entity == "Craig Zadan"
    after = quotes_of(
        "Both attorneys said the verdict was fair. Defense Attorney Stanley Perlo left at noon."
    )
    assert by_cue(after, "said").speaker_entity == "Stanley Perlo"
    for unnamed in (
        "Defense lawyers said the verdict was unfair. District Attorney Paul Howard left at noon.",
        "Officials said the fire was out. Fire Chief John Smith arrived at noon.",
        "Prosecutors said the verdict was fair. Defense Attorney Stanley Perlo left at noon.",
    ):
        assert by_cue(quotes_of(unnamed), "said").speaker_entity is None, unnamed


def test_a_name_followed_by_appositions_is_the_speaker_not_a_body_inside_them() -> None:
    for text, speaker in (
        (
            "John Christie, head of production for Paperny Films, located nearby, said they planned a party.",
            "John Christie",
        ),
        (
            "Abdoulaye Barry, 24, who works at African Movies, said rioters tried to storm the shop.",
            "Abdoulaye Barry",
        ),
        ("The head of the union, Giannis Panagopoulos, said the strike would go on.", "Giannis Panagopoulos"),
    ):
        assert by_cue(quotes_of(text), "said").speaker_entity == speaker, text
    after = quotes_of("After meeting John Smith, the head of Acme Corp, visibly tired, said talks failed.")
    assert by_cue(after, "said").speaker_entity != "John Smith"


def test_a_noun_compound_is_no_cue_and_with_is_no_part_of_a_speaker() -> None:
    host = quotes_of("“I’m hosting the Oscars!”, the comedian and talk show host said on Twitter.")
    assert [q.cue.text for q in host if q.cue is not None] == ["said"]
    shows = quotes_of("Video shows police fired first. Witnesses said the same.")
    assert {q.cue.text for q in shows if q.cue is not None} == {"shows", "said"}
    assert not quotes_of("The two taped an hourlong show that aired on Thursday, and it was light.")
    assert not quotes_of("It is the biggest decline for a developed nation in a decade.")
    for chain, cue in (
        ("Most voters say they think she could win.", "say"),
        ("Officials say police said the man fled.", "say"),
        ("I want to say he is wrong.", "say"),
    ):
        assert cue in {q.cue.text for q in quotes_of(chain) if q.cue is not None}, chain
    trial = quotes_of("The trial went on, with prosecution witnesses testifying that he was still a danger.")
    speaker = by_cue(trial, "testifying").speaker
    assert speaker is not None and speaker.text == "prosecution witnesses"


def test_seed_001_cheong_told_the_associated_press(seed_quotes: dict[str, list[Quote]]) -> None:
    quote = by_cue(seed_quotes["001"], "told")
    assert quote.speaker is not None and quote.speaker.text == "Cheong Seong Chang"
    assert quote.via == ["Associated Press"]
    assert quote.content.text.startswith("that Kim’s visits to the factories")


def test_seed_001_report_added_and_chang_added(seed_quotes: dict[str, list[Quote]]) -> None:
    report = [q for q in seed_quotes["001"] if q.speaker is not None and q.speaker.text == "the report"]
    assert [q.speaker_entity for q in report] == ["KCNA"]
    assert "cutting-edge strategic weapon engines" in report[0].content.text
    chang = [q for q in seed_quotes["001"] if q.speaker is not None and q.speaker.text == "Chang"]
    assert len(chang) == 1 and chang[0].content.text.startswith("Kim’s comments at the artillery factory")
    experts = quote_with(seed_quotes["001"], "that Kim's inspections of the weapons factories")
    assert experts.via == ["Associated Press"]


# Edge cases


def test_empty_and_blank_text() -> None:
    assert quotes_of("") == []
    assert quotes_of("   \n\n  ") == []


def test_unbalanced_quotes_do_not_swallow_the_text() -> None:
    text = 'He said "this never ends.\n\nThe minister said the budget is balanced.'
    quote = by_cue(quotes_of(text), "said")
    assert len(by_cue(quotes_of(text), "said").content.text) < 40
    minister = quote_with(quotes_of(text), "the budget is balanced")
    assert minister.speaker is not None and minister.speaker.text == "The minister"
    assert quote.content.end <= text.index("\n")


@pytest.mark.slow
@pytest.mark.parametrize("sentence_every", [25, 0])
def test_two_megabytes_of_text_finish_quickly(sentence_every: int) -> None:
    pattern = 'officials said " the plan , according to " Kim told Reuters that " it worked , he added'
    words = pattern.split(" ")
    words = (words * (2_000_000 // 90))[: 2_000_000 // 6]
    starts = [i == 0 or (sentence_every > 0 and i % sentence_every == 0) for i in range(len(words))]
    doc = Doc(get_nlp().vocab, words=words, sent_starts=starts)
    size = len(doc.text)
    started = time.perf_counter()
    quotes = extract_quotes(doc, [], None)
    assert time.perf_counter() - started < 120
    assert len(quotes) > 1000
    assert all(0 <= q.content.start < q.content.end <= size for q in quotes)
