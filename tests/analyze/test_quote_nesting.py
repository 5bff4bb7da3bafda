"""An attribution inside another's content is part of it; one opening a clause of its own stands beside it."""

from __future__ import annotations

import pytest

from corroborator.analyze.entities.extract import extract_entities
from corroborator.analyze.nlp.load import get_nlp
from corroborator.analyze.quotes.extract import extract_quotes, relay_chain
from corroborator.types import Article, Quote


def quotes_of(text: str) -> list[Quote]:
    doc = get_nlp()(text)
    return extract_quotes(doc, extract_entities(doc, Article(text=text)), None)


def readings(text: str) -> list[tuple[str, str, str]]:
    return [
        (q.speaker.text if q.speaker else "", q.cue.text if q.cue else "", q.content.text)
        for q in quotes_of(text)
    ]


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "DuVernay said she felt the 13th Amendment was worth examining.",
            "DuVernay",
            "she felt the 13th Amendment was worth examining",
        ),
        (
            "Administration officials said they hoped the move will spur greater investment.",
            "Administration officials",
            "they hoped the move will spur greater investment",
        ),
        ("Putney said witnesses saw a gun and that one was found nearby.", "Putney", None),
        (
            "That was countered by Deadline's Mike Fleming, who wrote on Saturday that Ross hadn't stepped "
            "away, and that Lionsgate wanted him to return.",
            "who",
            "that Ross hadn't stepped away, and that Lionsgate wanted him to return",
        ),
    ],
)
def test_an_attribution_inside_anothers_content_is_part_of_it(
    text: str, speaker: str, content: str | None
) -> None:
    found = readings(text)
    assert len(found) == 1, found
    assert found[0][0] == speaker
    if content is not None:
        assert found[0][2] == content


def test_a_cue_opening_a_clause_of_its_own_is_a_second_attribution_and_ends_the_first() -> None:
    found = readings(
        "Rival Hillary Clinton had mocked the complaint, saying anybody who complains about a microphone "
        "is not having a good night."
    )
    assert [(cue, content) for _, cue, content in found] == [
        ("mocked", "the complaint"),
        ("saying", "anybody who complains about a microphone is not having a good night"),
    ]


def test_words_relayed_by_a_medium_keep_their_speaker_and_the_medium() -> None:
    quotes = quotes_of("KCNA reported that Kim Jong Un said the factories must produce more missiles.")
    kim = [q for q in quotes if q.speaker_entity == "Kim Jong Un"]
    assert len(kim) == 1
    assert relay_chain(kim[0], "Reuters") == ["Kim Jong Un", "KCNA", "Reuters"]


def test_speech_meant_in_an_infinitive_stays_and_speech_refused_goes() -> None:
    assert [cue for _, cue, _ in readings("I want to say he is wrong.")] == ["want", "say"]
    refused = readings("Donald Trump demands accountability, yet refuses to explain how his wife got a visa.")
    assert [cue for _, cue, _ in refused] == ["refuses"]


@pytest.mark.parametrize(
    "text",
    [
        '"I\'ve fundraised all I needed to do," he said, cutting off a reporter who asked about finances.',
        '"The plan is discriminating against fathers," said Carmel Martin, who does not think it will pass.',
    ],
)
def test_a_quotation_read_by_two_cues_is_one_attribution(text: str) -> None:
    quotes = quotes_of(text)
    contents = [q.content.text for q in quotes]
    assert len(contents) == len(set(contents)), readings(text)
    said = [q for q in quotes if q.cue is not None and q.cue.text == "said"]
    assert said and said[0].content.text.startswith('"')


def test_a_cue_inside_its_own_content_keeps_the_clause_after_its_comma() -> None:
    text = "Back in Virginia, Mr. Clarke said, he decided to take aim at the coal industry."
    assert readings(text) == [("Mr. Clarke", "said", text.rstrip("."))]


def test_a_quotation_before_as_and_a_speaker_is_what_the_speaker_said() -> None:
    text = (
        "Acts of protest, Mr. Obama said, are acts of patriotism, like wearing a T-shirt with the words "
        "''I can't breathe,'' as Eric Garner, gasping facedown on a sidewalk, said before he died."
    )
    garner = [(speaker, content) for speaker, cue, content in readings(text) if speaker == "Eric Garner"]
    assert garner == [("Eric Garner", "''I can't breathe,''")]


def test_a_journalist_of_a_medium_speaks_and_relays_like_the_medium() -> None:
    text = (
        "Ken Rosenthal of Fox Sports reports that two major-league sources said Teixeira would prefer to be "
        "on the East Coast."
    )
    quotes = quotes_of(text)
    assert [(q.speaker_entity, q.via) for q in quotes] == [
        ("Ken Rosenthal", ["Fox Sports"]),
        (None, ["Fox Sports"]),
    ]
    assert relay_chain(quotes[1], None) == ["two major-league sources", "Fox Sports"]


def test_a_statement_told_to_a_medium_holds_no_attribution_of_its_own() -> None:
    text = "Putney later told CNN that the video was not from an angle that would show a gun in Scott's hand."
    assert [(q.speaker.text if q.speaker else None, q.via) for q in quotes_of(text)] == [("Putney", ["CNN"])]


@pytest.mark.parametrize(
    ("text", "speaker_entity", "co_speakers"),
    [
        (
            "The biggest player without a deal is director Gary Ross and The Hollywood Reporter and Collider "
            "are reporting that he is in negotiations with Lionsgate.",
            "Collider",
            ["The Hollywood Reporter"],
        ),
        (
            "The Angels withdrew their offer to Mark Teixeira, reports FoxSports.com and Yahoo! Sports.",
            "Yahoo Sports",
            ["Fox Sports"],
        ),
        (
            "That was countered by Nikki Finke and Mike Fleming, who wrote on Saturday that Ross stayed.",
            "Mike Fleming",
            ["Nikki Finke"],
        ),
        (
            "Reuters, the Associated Press and CNN reported that the plane landed.",
            "CNN",
            ["Reuters", "Associated Press"],
        ),
    ],
)
def test_sources_named_together_are_each_a_speaker(
    text: str, speaker_entity: str, co_speakers: list[str]
) -> None:
    (quote,) = quotes_of(text)
    assert (quote.speaker_entity, quote.co_speakers) == (speaker_entity, co_speakers)


@pytest.mark.parametrize(
    "text",
    [
        "Police arrested John Smith and Mary Jones said the car had been stolen.",
        '"Many agencies lack the expertise," said Stuart Pimm, Doris Duke Professor of Ecology at Duke.',
        "Fans cheered stars like Oprah Winfrey and Stevie Wonder, who joked that the museum was too big.",
        "The war on the Islamic State, also known as ISIS and ISIL.\nGraham, who says the war is lost, left.",
    ],
)
def test_a_name_beside_the_speaker_that_is_no_fellow_speaker_is_left_out(text: str) -> None:
    assert all(not quote.co_speakers for quote in quotes_of(text))


def test_both_takes_up_the_two_people_just_named_and_the_two_takes_up_no_one() -> None:
    both = quotes_of("John Smith met Bill Jones on Monday. Both men said the talks went well.")
    assert [(q.speaker_entity, q.co_speakers) for q in both] == [("John Smith", ["Bill Jones"])]
    two = "Deborah Teasley spoke. Brian Nichols was convicted. The two jurors said the talks were calm."
    assert [(q.speaker_entity, q.co_speakers) for q in quotes_of(two)] == [(None, [])]


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        (
            "Officials at the interior and commerce ministries said they had restored the rule.",
            ("interior ministry", ["commerce ministry"]),
        ),
        ("Police and fire departments said the road is open.", ("police department", ["fire department"])),
        ("Polls for the Associated Press and television networks show that voters want change.", (None, [])),
        ("Polls for AP and television networks show that voters want change.", (None, [])),
    ],
)
def test_two_bodies_sharing_a_plural_head_are_each_a_speaker(
    text: str, speakers: tuple[str | None, list[str]]
) -> None:
    assert [(q.speaker_entity, q.co_speakers) for q in quotes_of(text)] == [speakers]


@pytest.mark.parametrize(
    "text",
    [
        "Lt. Gov. John Smith met Dr. Bill Jones on Monday at the St. Regis. Both men said it went well.",
        "John Smith met Bill Jones in Washington, D.C. on Monday. Both men said the talks went well.",
    ],
)
def test_both_finds_its_sentences_past_abbreviations(text: str) -> None:
    assert [(q.speaker_entity, q.co_speakers) for q in quotes_of(text)] == [("John Smith", ["Bill Jones"])]


def test_a_relay_noted_in_parentheses_relays_the_quote_before_it() -> None:
    text = (
        '"I don\'t know that this is a rallying cry," Coach Sean Payton said of the injuries (via Jeff '
        "Duncan of the Times-Picayune).\n\"We've gone through this before.\""
    )
    quote = quotes_of(text)[0]
    assert quote.speaker_entity == "Sean Payton"
    chain = ["Sean Payton", "Jeff Duncan", "The Times-Picayune", "Saints News"]
    assert relay_chain(quote, "Saints News") == chain
