"""Quotes in less common forms: transcript turns, labelled headlines, the writer's own turns of phrase."""

from __future__ import annotations

import pytest

from corroborator.analyze.entities.extract import extract_entities
from corroborator.analyze.nlp.load import get_nlp
from corroborator.analyze.quotes.extract import extract_quotes
from corroborator.types import Article, Quote

TRANSCRIPT = (
    "Partial transcript as follows:\n\n"
    '"WALLACE: Let\'s start with the debate. I want to ask you, will she be there?\n\n'
    '"PENCE: Well, look, Hillary Clinton apparently thinks this is an episode of a game show. '
    "It is not.\n\n"
    '"WALLACE: Governor, I don\'t want to interrupt.\n'
)


NOT_CUES = (
    *("said", "noting", "add", "show", "known", "support", "reporting", "editing", "remarks", "thought"),
    *("called", "reported", "declined", "write", "accused", "criticized", "call", "report", "writing"),
    "reports",
)


def quotes_of(text: str) -> list[Quote]:
    doc = get_nlp()(text)
    return extract_quotes(doc, extract_entities(doc, Article(text=text)), None)


def cues_and_speakers(quotes: list[Quote]) -> list[tuple[str, str | None]]:
    return [(q.cue.text if q.cue else "", q.speaker.text if q.speaker else None) for q in quotes]


def test_each_turn_of_a_transcript_is_its_speakers_and_holds_no_other_speaker() -> None:
    quotes = quotes_of(TRANSCRIPT)
    assert cues_and_speakers(quotes) == [(":", "WALLACE"), (":", "PENCE"), (":", "WALLACE")]
    assert quotes[1].content.text.startswith("Well, look, Hillary Clinton")
    assert quotes[1].content.text.endswith("It is not")


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        (
            "UPDATE: Police said the road had reopened.\n\nVIDEO: Officers said the crash hurt no one.\n",
            ("said", "Police"),
        ),
    ],
)
def test_notes_are_no_transcript(text: str, kept: tuple[str, str]) -> None:
    found = cues_and_speakers(quotes_of(text))
    assert kept in found
    assert not [speaker for cue, speaker in found if cue == ":"]


@pytest.mark.parametrize(
    "line",
    [
        "The Latest: Trump's leaked taxes not from Connecticut",
        "Correction: An earlier version of this article listed the wrong year",
        "Editor's Note: The following is part 3 of 3 excerpts from the book",
    ],
)
def test_a_note_the_outlet_labels_is_nobodys_words(line: str) -> None:
    assert not quotes_of(line + "\n\nThe mayor spoke on Monday.")
    assert cues_and_speakers(quotes_of("Sanders: Clinton needs to get away from all of this\n")) == [
        (":", "Sanders")
    ]


def test_a_single_label_is_no_transcript_turn_running_to_the_paragraphs_end() -> None:
    quotes = quotes_of("WALLACE: Let's start with the debate. We have little time.\n")
    assert [q.content.text for q in quotes if q.cue and q.cue.text == ":"] == ["Let's start with the debate"]


def test_a_line_a_named_person_labels_is_that_persons_whatever_verbs_it_holds() -> None:
    text = (
        "Pat Caddell: Democrat Voters Worried About Hillary Clinton's Health\n\n"
        "The pollster Pat Caddell spoke on Monday."
    )
    assert cues_and_speakers(quotes_of(text))[0] == (":", "Pat Caddell")
    assert "Worried" not in [cue for cue, _ in cues_and_speakers(quotes_of(text))]


@pytest.mark.parametrize(
    ("text", "cue", "speaker", "content"),
    [
        (
            '"To say that is insane," Sanders said, going on to say that the country has changed.',
            "going on to say",
            "Sanders",
            "that the country has changed",
        ),
        (
            '"This is in their consciousness," said Caddell, speaking of the health issue.',
            "speaking of",
            "Caddell",
            "the health issue",
        ),
        (
            "The researchers found that the bank holds billions offshore, and the report says the company "
            "has 987 subsidiaries.",
            "says",
            "the report",
            "the company has 987 subsidiaries",
        ),
        ("“We were there under legitimate pretenses,” Figueroa told USA Today.", "told", "Figueroa", None),
        (
            '"Subpoenas are not optional," panel Chairman Rep. Jason Chaffetz (R-Utah) said after Pagliano '
            "failed to show up at the hearing.",
            "said",
            "panel Chairman Rep. Jason Chaffetz",
            '"Subpoenas are not optional,"',
        ),
        (
            '"We are in a critical situation," Angela Merkel told reporters after the meeting that was '
            "held on a boat.",
            "told",
            "Angela Merkel",
            '"We are in a critical situation,"',
        ),
        (
            '"I have always been insulted by the term," he told the group, adding that the phrase is wrong.',
            "told",
            "he",
            '"I have always been insulted by the term,"',
        ),
        (
            "In an interview on CBS's \"Face the Nation,\" House Speaker Paul D. Ryan (R-Wis.) said the "
            "shootings demand more listening.",
            "said",
            "House Speaker Paul D. Ryan",
            "the shootings demand more listening",
        ),
        (
            "The refusal did not go over well, and the meeting deteriorated from there, said one GOP source "
            "in the room.",
            "said",
            "one GOP source in the room",
            "The refusal did not go over well, and the meeting deteriorated from there",
        ),
        (
            "Conservative economist Aparna Mathur, who studies tax policy at the American Enterprise "
            "Institute, said Ivanka Trump's statement didn't clarify the matter.",
            "said",
            "Aparna Mathur",
            "Ivanka Trump's statement didn't clarify the matter",
        ),
        (
            "“You winning?” she said, but Kevin was drifting off again.",
            "said",
            "she",
            None,
        ),
        (
            "The comedian said on her Twitter feed just now that she will host the Oscars.",
            "said",
            "The comedian",
            "that she will host the Oscars",
        ),
        (
            "Said Ellis: “I don’t get the sense she’s interested in tax reform.”",
            "Said",
            "Ellis",
            "“I don’t get the sense she’s interested in tax reform.”",
        ),
    ],
)
def test_speaker_and_content_of_a_cue(text: str, cue: str, speaker: str, content: str | None) -> None:
    """`content` None: the quotation the sentence opens with."""
    found = [q for q in quotes_of(text) if q.cue is not None and q.cue.text == cue]
    assert found, cues_and_speakers(quotes_of(text))
    assert found[0].speaker is not None and found[0].speaker.text == speaker
    assert found[0].content.text == (content or text[: text.index("”") + 1])


@pytest.mark.parametrize(
    "text",
    [
        "A senior official who asked not to be identified said a deal was close.",
        "A senior official, who asked not to be named, said a deal was close.",
        "A senior official who spoke on condition of anonymity said a deal was close.",
        "A senior official who requested anonymity as he was not authorized to speak said a deal was close.",
    ],
)
def test_a_source_asking_for_anonymity_is_the_speaker_and_the_request_says_nothing(text: str) -> None:
    assert cues_and_speakers(quotes_of(text)) == [("said", "A senior official")]
    assert quotes_of(text)[0].content.text == "a deal was close"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("A woman whose son was hurt in the crash told reporters that the road was icy.", "A woman"),
        (
            "A rival general manager whose plans could be affected by the Red Sox’s addition of Teixeira "
            "also indicated that a deal was getting closer.",
            "A rival general manager",
        ),
    ],
)
def test_a_clause_on_whose_tells_of_someone_else_than_the_speaker(text: str, speaker: str) -> None:
    assert [s for _, s in cues_and_speakers(quotes_of(text))] == [speaker]


def test_a_source_whose_apposition_asks_for_anonymity_is_the_speaker() -> None:
    text = (
        "The employee of four years, a registered Republican who spoke on the condition of anonymity for "
        "fear of losing her job, said she became pregnant last year."
    )
    assert cues_and_speakers(quotes_of(text)) == [("said", "The employee of four years")]


def test_what_a_cue_says_before_a_participle_stops_at_its_speaker() -> None:
    text = '"To say that is insane," Sanders said, going on to say that the country has changed.'
    said = next(q for q in quotes_of(text) if q.cue is not None and q.cue.text == "said")
    assert said.content.text == '"To say that is insane,"'


@pytest.mark.parametrize(
    "text",
    [
        "Having said that, there are economists in the city.",
        "It is worth noting that the bill was paid in full.",
        "But police fear that sweeping crackdowns could add fuel to the tensions.",
        "The plan would add so many new layers of complexity to the code.",
        "Pagliano failed to show up at the hearing on Tuesday.",
        "It has become known as the Buffett rule.",
        "Police officers support the mayor's plan to close the road.",
        "(Reporting by Valerie Volcovici; Additional reporting by Lawrence Hurley; Editing by Leslie Adler)",
        "Clinton cited disparaging remarks Trump had made about Machado.",
        "Few Americans thought of climate change as a priority.",
        "She called into a radio program when she was home sick, and called in to a town hall.",
        "Julie Hirschfeld Davis reported from Midway Atoll.",
        "Obama's approval rating is strong, though it has declined slightly from 58 percent to 55 percent.",
        "He took a low $3 million to write (with Billy Ray and novelist Suzanne Collins) and direct.",
        "The trial of the Kraft foods employee accused of shooting three co-workers starts Monday.",
        "A senator criticized for his remarks on the floor left the chamber.",
        "Soon, with co-author James Swanson, I embarked on the adventure of writing her biography.",
        "The state's Fire Marshal's office is assisting in the investigation, and anyone with knowledge of "
        "the fire is asked to call Palmer Police Sergeant Shawn Gray.",
        "For all the scholarly and feminist writing that have influenced my thinking, I look to her.",
        "There are reports that are circulating in Washington about the deal.",
    ],
)
def test_the_writers_own_phrases_acts_and_credits_are_no_attribution(text: str) -> None:
    assert not [q for q in quotes_of(text) if q.cue is not None and q.cue.text.lower() in NOT_CUES]


def test_a_verb_of_speech_before_that_and_a_plural_verb_still_speaks() -> None:
    text = "He also said that were aggravating circumstances in the Petraeus case."
    assert cues_and_speakers(quotes_of(text)) == [("said", "He")]


def test_making_a_point_of_saying_is_saying() -> None:
    text = "And he made a point of saying the nightclub was a place of solidarity."
    assert cues_and_speakers(quotes_of(text)) == [("saying", "he")]


def test_who_accuses_or_criticizes_someone_still_speaks() -> None:
    text = "Trump accused Comey of lying, and Democrats criticized Trump for the remarks."
    assert cues_and_speakers(quotes_of(text)) == [("accused", "Trump"), ("criticized", "Democrats")]


def test_calling_a_question_into_doubt_is_still_a_stance() -> None:
    text = "Trump called into question her leadership."
    assert [q.cue.text for q in quotes_of(text) if q.cue] == ["called"]


def test_that_said_is_no_cue_but_the_next_said_is() -> None:
    assert cues_and_speakers(quotes_of("That said, the mayor said the city would rebuild.")) == [
        ("said", "the mayor")
    ]


@pytest.mark.parametrize(
    ("text", "cue", "work", "owner"),
    [
        (
            "The historian Mary Davies, 22, studied the farm project in 2008. "
            "Her report notes that the project got almost $10 million in direct appropriations.",
            "notes",
            "Her report",
            "Mary Davies",
        ),
        (
            "The principal, Matthew Willoughby, wrote a letter about the teen.\n"
            '"Kimani should be remembered for all of who he was," Willoughby\'s letter continued.',
            "continued",
            "Willoughby's letter",
            "Matthew Willoughby",
        ),
    ],
)
def test_a_work_someone_owns_is_theirs(text: str, cue: str, work: str, owner: str) -> None:
    """ "Her report notes", "Willoughby's letter continued": the work speaks for its author."""
    quote = next(q for q in quotes_of(text) if q.cue is not None and q.cue.text == cue)
    assert quote.speaker is not None and quote.speaker.text == work
    assert quote.speaker_entity == owner


def test_a_quotation_or_a_post_signed_with_a_dash_is_the_signers() -> None:
    text = (
        "“He represents our greatest shame.” ― Sonya Herridge\n"
        "“During the debate he lied.”― Carla Sanchez.\n"
        "No one should be above the law — Paul Ryan (@SpeakerRyan) July 5, 2016\n"
        "The plan — the mayor says — would cost too much.\n"
    )
    dashed = [q for q in quotes_of(text) if q.cue and q.cue.text in "―—"]
    assert [(q.speaker.text if q.speaker else None, q.content.text) for q in dashed] == [
        ("Sonya Herridge", "“He represents our greatest shame.”"),
        ("Carla Sanchez", "“During the debate he lied.”"),
        ("Paul Ryan", "No one should be above the law"),
    ]


def test_an_ambiguous_verb_of_speech_before_a_colon_and_a_quotation_is_a_cue() -> None:
    text = (
        "Caddell continued:\n\n“The health issue is a partisan issue.”\n\n"
        "The fighting continued: rebels shelled it."
    )
    assert [(q.speaker.text if q.speaker else None, q.content.text) for q in quotes_of(text)] == [
        ("Caddell", "“The health issue is a partisan issue.”")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "She continued, “For us, all we are asking for is a day in court.”",
        "“For us, all we are asking for is a day in court,” she continued.",
    ],
)
def test_an_ambiguous_verb_of_speech_beside_a_quotation_is_a_cue(text: str) -> None:
    found = [(q.speaker.text if q.speaker else None, q.content.text) for q in quotes_of(text)]
    assert len(found) == 1 and found[0][0] in ("She", "she"), found
    assert "all we are asking for" in found[0][1]
    assert not quotes_of("The fighting continued, and rebels shelled the town for a week.")


def test_a_signed_line_opening_with_a_closing_mark_is_the_signers() -> None:
    text = "”Fear. I am truly afraid that he will win.” ― Karen Bobadilla.\nGetty/Instagram.\n"
    quotes = quotes_of(text)
    assert [(q.speaker.text if q.speaker else None, q.cue.text if q.cue else None) for q in quotes] == [
        ("Karen Bobadilla", "―")
    ]
    assert quotes[0].content.text.startswith("”Fear.")


def test_a_report_ending_its_line_with_a_colon_gives_the_next_paragraph() -> None:
    text = (
        "The commandos boarded the dhow.\nPTI reports:\n"
        "Last month, Navy warship INS Tabar had sunk a mother vessel of pirates.\nThe Navy said:\nThanks.\n"
    )
    found = [(q.speaker.text if q.speaker else None, q.content.text) for q in quotes_of(text)]
    assert found == [("PTI", "Last month, Navy warship INS Tabar had sunk a mother vessel of pirates")]


def test_show_up_is_an_act_but_a_word_beginning_with_up_is_what_is_shown() -> None:
    quotes = quotes_of("The figures showed updated totals.")
    assert [q.content.text for q in quotes if q.cue and q.cue.text == "showed"] == ["updated totals"]


@pytest.mark.parametrize(
    ("text", "speaker", "entity"),
    [
        (
            "But residents at the village of Gavarzin complained that relief operations were slow.",
            "residents at the village of Gavarzin",
            None,
        ),
        ("The mayor of Boston said the roads were closed.", "The mayor of Boston", None),
        ("Residents of the town of Deyrestan said aid was late.", "Residents of the town of Deyrestan", None),
        ("Police in Sicily said the boat sank.", "Police in Sicily", None),
        ("Officials in Iran said the quake killed 10 people.", "Officials in Iran", None),
        ("Vancouver Police said the man was armed.", "Vancouver Police", "Vancouver Police"),
    ],
)
def test_a_place_qualifying_a_described_speaker_is_not_the_speaker(
    text: str, speaker: str, entity: str | None
) -> None:
    quotes = quotes_of(text)
    assert [(q.speaker.text if q.speaker else None, q.speaker_entity) for q in quotes] == [(speaker, entity)]


@pytest.mark.parametrize(
    ("text", "content", "via"),
    [
        ("“Right now, things are tense,” Councilman Jumaane Williams said on Twitter.", None, ["Twitter"]),
        ("Ellen DeGeneres just tweeted she will host the Oscars.", "she will host the Oscars", ["Twitter"]),
        ("Trump said on Fox News that the plan was dead.", "that the plan was dead", ["Fox News"]),
        ("She wrote in The New York Times that it failed.", "that it failed", ["The New York Times"]),
        ("Kim said in a statement that the talks ended.", "that the talks ended", []),
        ("“We all have limits,” he wrote the AP on Wednesday.", None, ["Associated Press"]),
        ("“She checked in on Thursday,” her rep confirms to PEOPLE.", None, ["People magazine"]),
        ("“The plant will close,” the chief executive said to Reuters.", None, ["Reuters"]),
        (
            "“Everyone must remain vigilant,” Strauss-Kahn said in an interview in French daily Le Parisien.",
            None,
            ["Le Parisien"],
        ),
    ],
)
def test_a_medium_or_platform_a_statement_was_made_on_relays_it(
    text: str, content: str | None, via: list[str]
) -> None:
    (quote,) = quotes_of(text)
    assert quote.content.text == (content or text[: text.index("”") + 1])
    assert quote.via == via


def test_who_was_told_is_the_whole_capitalised_name_after_the() -> None:
    (quote,) = quotes_of("Gaskin told the Timaru Herald the climber lacked experience.")
    assert quote.content.text == "the climber lacked experience"
    assert quote.via == ["Timaru Herald"]  # a newspaper by its masthead


def test_a_speaker_quoted_by_a_medium_speaks_and_the_medium_relays() -> None:
    (quote,) = quotes_of("Officials were quoted by the Associated Press as saying the talks ended.")
    assert (quote.speaker.text if quote.speaker else None, quote.via) == ("Officials", ["Associated Press"])
    assert quote.content.text == "the talks ended"


@pytest.mark.parametrize(
    ("text", "speaker", "via", "content"),
    [
        ("Reuters quoted an officer as saying two men were held.", "an officer", ["Reuters"], None),
        (
            "Iranian state TV quoted the governor as saying 10 people died.",
            "the governor",
            ["state television"],
            None,
        ),
        ("Police quoted the victim as saying he was robbed at gunpoint.", "the victim", [], None),
        (
            "The quake hit seven villages, Iranian officials were quoted by AP as saying.",
            "Iranian officials",
            ["Associated Press"],
            "The quake hit seven villages",
        ),
        (
            "The quake hit seven villages, officials were quoted as saying.",
            "officials",
            [],
            "The quake hit seven villages",
        ),
    ],
)
def test_who_is_quoted_as_saying_speaks_and_a_medium_quoting_them_relays(
    text: str, speaker: str, via: list[str], content: str | None
) -> None:
    (quote,) = quotes_of(text)
    assert (quote.speaker.text if quote.speaker else None, quote.via) == (speaker, via)
    assert quote.content.text == (content or text[text.index(" as saying ") + 11 : -1])


def test_media_named_as_a_group_closing_a_sentence_speak_and_relay_the_statement_inside() -> None:
    text = "French police say robbers cleaned out a jewelry store in Paris, news organizations report."
    quotes = quotes_of(text)
    assert cues_and_speakers(quotes) == [("say", "French police"), ("report", "news organizations")]
    assert quotes[0].via == ["news organizations"]


@pytest.mark.parametrize(
    "text", ["He was named in the documents, the police report.", "Prices rose, in the report."]
)
def test_an_ambiguous_verb_closing_a_sentence_after_no_plural_speaker_is_no_cue(text: str) -> None:
    assert quotes_of(text) == []


def test_state_television_is_told_and_relays_as_written_unless_the_article_names_it() -> None:
    (told,) = quotes_of("The governor, Heidar Alishvandi, told the state television that rescue teams left.")
    assert told.via == ["state television"]
    named = quotes_of("KCTV aired the speech. State television said Kim Jong Un visited a factory.")
    assert [q.speaker_entity for q in named if q.cue and q.cue.text == "said"] == ["KCTV"]
    agency = quotes_of("Iran's news agency IRNA said so. State media said three aftershocks were felt.")
    assert [q.speaker_entity for q in agency if q.speaker and q.speaker.text == "State media"] == ["IRNA"]


@pytest.mark.parametrize(
    ("text", "speaker", "entity"),
    [
        ("North Korea's state media said Kim visited a factory.", "North Korea's state media", "KCNA"),
        ("Earlier, the official state news agency said 10 died.", "the official state news agency", None),
    ],
)
def test_state_media_with_their_country_are_one_speaker(text: str, speaker: str, entity: str | None) -> None:
    (quote,) = quotes_of(text)
    assert quote.speaker is not None and quote.speaker.text == speaker
    assert entity is None or quote.speaker_entity == entity
