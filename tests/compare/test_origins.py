"""Origins and independence: copies and relayed reports do not count as independent confirmation."""

from __future__ import annotations

from corroborator.analyze.pipeline import shared_analyzer
from corroborator.compare import build_brief
from corroborator.types import Article, CopyLink, OriginTrace

TEXT = (
    "Police in Tarnow arrested two men on Tuesday after a robbery at the central bank branch.\n"
    "The men were carrying stolen cash and a replica pistol when officers stopped their car.\n"
)


def _articles() -> list[Article]:
    return [
        Article(text=TEXT, outlet="Daily One", published="2024-03-06", url="https://one.example/a"),
        Article(text=TEXT, outlet="Daily Two", published="2024-03-06", url="https://two.example/b"),
    ]


def test_two_outlets_reporting_on_their_own_are_two_origins() -> None:
    articles = _articles()
    brief = build_brief("s", articles, shared_analyzer().analyze(articles))
    assert brief.agreements
    assert all(a.independent_origins == 2 and not a.single_origin for a in brief.agreements)


def test_a_copy_traces_back_to_the_article_it_copies() -> None:
    articles = _articles()
    copy = CopyLink(article=articles[1].id, copy_of=articles[0].id, overlap=1.0)
    brief = build_brief("s", articles, shared_analyzer().analyze(articles), copies=[copy])
    assert brief.agreements
    assert all(a.single_origin and a.origins == ["Daily One"] for a in brief.agreements)
    (trace,) = [t for t in brief.origins if t.origin == "Daily One"]
    assert ["Daily One", "Daily Two"] in trace.chains
    assert "the shared facts come from 1 origin: Daily One's own reporting" in brief.independence


def test_a_relayed_statement_keeps_its_speaker_as_origin() -> None:
    first = Article(
        text='"The robbers fled towards the river," police spokesman Adam Nowak told Reuters on Tuesday.\n',
        outlet="Daily One",
        published="2024-03-06",
    )
    second = Article(
        text='"The robbers fled towards the river," police spokesman Adam Nowak said on Tuesday.\n',
        outlet="Daily Two",
        published="2024-03-06",
    )
    brief = build_brief("s", [first, second], shared_analyzer().analyze([first, second]))
    (agreement,) = [a for a in brief.agreements if a.detail is None]
    assert agreement.origins == ["Adam Nowak"] and agreement.single_origin
    kinds = {t.origin: t.kind for t in brief.origins}
    assert kinds["Adam Nowak"] == "person"


def test_a_medium_cited_as_relaying_is_listed_as_a_relay_and_an_own_outlet_is_not() -> None:
    first = Article(text="Luke Pigeon told The Canadian Press that the gunman fled.\n", outlet="Reuters")
    second = Article(text="Luke Pigeon told Reuters that the gunman fled.\n", outlet="Daily Two")
    brief = build_brief("s", [first, second], shared_analyzer().analyze([first, second]))
    roles = {t.origin: (t.role, t.kind) for t in brief.origins}
    assert roles["Luke Pigeon"] == ("origin", "person")
    assert roles["Canadian Press"] == ("relay", "wire")
    assert "Reuters" not in roles  # the first article's own outlet
    assert [t.role for t in brief.origins] == sorted(t.role for t in brief.origins)  # origins first
    assert "the shared facts come from 1 origin: Luke Pigeon" in brief.independence


def test_sources_reporting_together_are_each_an_origin_of_the_fact() -> None:
    line = "The Hollywood Reporter and Collider are reporting that Gary Ross will direct the sequel."
    first = Article(text=f"{line}\nFilming starts in Atlanta in the autumn.\n", outlet="Daily One")
    second = Article(text=f"{line}\nThe studio declined to comment.\n", outlet="Daily Two")
    brief = build_brief("s", [first, second], shared_analyzer().analyze([first, second]))
    roles = {t.origin: t.role for t in brief.origins}
    assert roles["The Hollywood Reporter"] == roles["Collider"] == "origin"
    (agreement,) = [a for a in brief.agreements if "Ross" in a.fact and a.detail is None]
    assert agreement.origins == ["Collider", "The Hollywood Reporter"]
    assert agreement.independent_origins == 2 and not agreement.single_origin


def traces_of(said: str, lines: tuple[str, str]) -> list[OriginTrace]:
    """The origins listed in a brief of two outlets that both print `said`, each with one line of its own."""
    pairs = zip(("Daily One", "Daily Two"), lines, strict=True)
    articles = [Article(text=f"{said}\n{line}\n", outlet=outlet) for outlet, line in pairs]
    return build_brief("s", articles, shared_analyzer().analyze(articles)).origins


def test_a_journalist_noted_as_relaying_a_quote_is_listed_as_a_relay() -> None:
    said = '"We have been here before," Sean Payton said (via Jeff Duncan of the Times-Picayune).'
    traces = traces_of(said, ("The Saints play on Sunday.", "Bush is hurt."))
    roles = {t.origin: (t.role, t.kind) for t in traces}
    assert roles["Sean Payton"][0] == "origin"
    assert roles["Jeff Duncan"][0] == "relay"
    assert roles["The Times-Picayune"] == ("relay", "newspaper")


def test_a_copy_of_an_article_outside_the_story_is_briefed() -> None:
    original, copy = _articles()
    text = TEXT.replace("two men", "two suspects")
    other = Article(text=text, outlet="Daily Three", published="2024-03-06")
    link = CopyLink(article=copy.id, copy_of=original.id, overlap=0.97)
    members = [copy, other]
    brief = build_brief("s", members, shared_analyzer().analyze(members), copies=[link])
    assert [a.id for a in brief.articles] == [copy.id, other.id]
    assert brief.agreements


SPEAKERS = (
    "Flood waters closed the main bridge in Tarnow on Tuesday, European Commissioner Olli Rehn said.\n"
    '"We have never seen the river this high," they said.\n'
    "Repairs will cost more than the city planned, the estimates suggest.\n"
    "Officials expect the bridge to reopen on Friday, a spokesman for the city said.\n"
)


def test_origins_are_sources_not_pronouns_things_or_titles() -> None:
    first = Article(text=SPEAKERS, title="Flood closes bridge", published="2024-03-06")
    second = Article(
        text=SPEAKERS.replace("main bridge", "old bridge"), title="Bridge shut", published="2024-03-06"
    )
    brief = build_brief("s", [first, second], shared_analyzer().analyze([first, second]))
    listed = [trace.origin for trace in brief.origins]
    assert "Olli Rehn" in listed
    assert not {"they", "They", "the estimates", "Flood closes bridge", "Bridge shut"} & set(listed)
    assert not any(name.startswith(("Commissioner", "European")) for name in listed)


def origins_of(sentence: str, other: str = "The storm hit the coast on Monday.") -> list[str]:
    """The origins of a brief of two outlets that both print `sentence` and `other`."""
    text = f"{sentence}\n{other}\n"
    articles = [Article(text=text, outlet=outlet) for outlet in ("Daily One", "Daily Two")]
    brief = build_brief("s", articles, shared_analyzer().analyze(articles))
    return [trace.origin for trace in brief.origins]


def test_what_someone_wants_is_no_claim_they_are_the_source_of() -> None:
    signed = "The Yankees signed two pitchers on Monday."
    assert "Scott Boras" not in origins_of("Scott Boras wants a ten-year contract for Mark Teixeira.", signed)
    assert "Scott Boras" in origins_of("Scott Boras said Mark Teixeira would sign for ten years.", signed)


def test_what_someone_finds_sees_or_attacks_is_no_statement_of_theirs() -> None:
    assert "Jurors" not in origins_of("Jurors found true the allegations that Nichols killed the judge.")
    assert "Deyrestan" not in " ".join(origins_of("The village of Deyrestan saw serious destruction."))
    assert "Navy" not in " ".join(origins_of("The Indian Navy attacked the pirate ship off Somalia."))
    assert "John McNutt" in origins_of("John McNutt said the storm destroyed his barn.")


def test_a_document_speaks_for_who_issued_it_also_when_named_again() -> None:
    text = (
        "Ashgabat hosts a seminar on elections, a statement of the event organisers said on Wednesday."
        "\nThe project is run with the election commission.\n"
        "'The seminar will advise the commission on monitoring the vote', the information said."
    )
    origins = origins_of(text)
    assert "the event organisers" in origins
    assert not {"the information", "a statement of the event organisers"} & set(origins)


def test_a_document_named_with_a_proper_modifier_and_an_inquiry_are_sources_of_their_own() -> None:
    text = (
        "Ashgabat hosts a seminar on elections, a statement of the event organisers said on Wednesday."
        "\nAccording to the Turkmen constitution, the parliament passes laws and approves the budget."
    )
    origins = origins_of(text)
    assert "Turkmen constitution" in origins
    assert "An autopsy" in origins_of("An autopsy shows that Gray was hit in the back by three bullets.")
    assert "The decision" not in origins_of("The decision shows that the court was split on the case.")


def test_a_named_broadcast_is_a_source_without_what_it_tells_of_but_unnamed_reports_are_not() -> None:
    epix = "The EPIX broadcast of the match made note of the record of heavyweight title fights."
    assert "The EPIX broadcast" in origins_of(epix)
    assert "reports from the scene" not in origins_of("Reports from the scene said the fire was out.")


def test_a_countrys_institution_is_a_source_but_its_things_are_not() -> None:
    center = "According to Iran's seismologic center, the epicenter was in the waters of the Persian Gulf."
    assert "Iran's seismologic center" in origins_of(center)
    assert "the epicenter" not in " ".join(origins_of(center))


def test_footage_and_recordings_are_sources() -> None:
    footage = "Television news footage showed the suspect being led away in handcuffs."
    assert "Television news footage" in origins_of(footage)


def test_an_institution_before_where_it_is_is_the_source_not_the_place() -> None:
    text = "State television quoted the disaster center in the province of Hormozgan as saying 10 died."
    origins = origins_of(text)
    assert "the disaster center in the province of Hormozgan" in origins
    assert "Hormozgan" not in origins


def test_a_role_one_article_gives_a_person_stands_for_that_person_in_another() -> None:
    named = Article(
        text="Courthouse killer Brian Nichols was sentenced on Saturday.\nThe storm hit the coast.\n",
        outlet="Daily One",
    )
    described = Article(
        text='"I am sorry," the convicted killer said.\nThe storm hit the coast.\n', outlet="Daily Two"
    )
    brief = build_brief("s", [named, described], shared_analyzer().analyze([named, described]))
    listed = [trace.origin for trace in brief.origins]
    assert "Brian Nichols" in listed and "the convicted killer" not in listed


def test_what_people_at_large_believe_has_no_origin_in_them() -> None:
    assert "Most people" not in origins_of("Most people thought the actress was dead.")
    assert "many economists" not in origins_of("Even so, many economists think Greece will default.")
    assert "Mark Zandi" in origins_of("Mark Zandi thinks Greece will default on its debts.")


def test_a_person_read_as_a_body_with_a_title_is_the_person() -> None:
    from corroborator.compare.entities_table import build_clusters
    from corroborator.compare.origins import _named_in
    from corroborator.types import Analysis, EntityMention

    mentions = [
        EntityMention(0, 20, "Interior Ken Salazar", "ORG", "Interior Ken Salazar"),
        EntityMention(40, 51, "Ken Salazar", "PERSON", "Ken Salazar"),
        EntityMention(60, 75, "Bank of America", "ORG", "Bank of America"),
        EntityMention(80, 87, "America", "GPE", "America"),
        EntityMention(90, 98, "Gavarzin", "PERSON", "Gavarzin"),
    ]
    clusters = build_clusters([Analysis(article_id="a", entities=mentions)])
    assert _named_in("Interior Ken Salazar", clusters) == "Ken Salazar"
    assert _named_in("Bank of America", clusters) == "Bank of America"
    described = "residents at the village of Gavarzin"  # a name after a preposition is where, not who
    assert _named_in(described, clusters) == described


def test_a_source_placed_by_a_preposition_is_named_by_its_head() -> None:
    said = "A Mafia boss hanged himself in his cell, police in Sicily said."
    origins = [trace.origin for trace in traces_of(said, ("He was 52.", "The raid was on Tuesday."))]
    assert "police in Sicily" in origins
    assert "Sicily" not in origins


def test_a_described_source_a_place_qualifies_is_the_description_not_the_place() -> None:
    origins = origins_of("An office worker in Dubai said the tremor lasted 30 seconds.")
    assert "An office worker in Dubai" in origins
    assert "Dubai" not in origins
    assert "Gavarzin" not in origins_of("Residents at the village of Gavarzin complained that aid was slow.")


def test_a_long_description_of_a_source_is_a_source() -> None:
    said = "A senior fire department official said demonstrators blocked the firefighters."
    assert "A senior fire department official" in origins_of(said)
    two = "The comedian and talk show host said on Friday that she would host the show."
    assert "The comedian and talk show host" not in origins_of(two)


def test_police_descriptions_are_the_police_body_the_story_names() -> None:
    first = Article(
        text=(
            "The NYPD said officers shot a man in Brooklyn on Saturday night.\n"
            "A police spokeswoman said the man had pointed a revolver at the officers.\n"
            "The spokeswoman said two officers fired eleven shots.\n"
        ),
        outlet="Daily One",
        published="2024-03-10",
    )
    second = Article(
        text=(
            "Police said officers shot a man in Brooklyn on Saturday night.\n"
            "A police source said the man had a loaded revolver.\n"
        ),
        outlet="Daily Two",
        published="2024-03-10",
    )
    brief = build_brief("s", [first, second], shared_analyzer().analyze([first, second]))
    origins = {t.origin for t in brief.origins}
    assert "NYPD" in origins
    assert not origins & {"police", "Police", "a police spokeswoman", "the spokeswoman", "a police source"}
    (nypd,) = [t for t in brief.origins if t.origin == "NYPD"]
    assert sorted(nypd.articles) == sorted(a.id for a in (first, second))


def test_deputies_speak_for_their_sheriffs_department_not_for_the_deputy_an_article_names() -> None:
    articles = [
        Article(
            text=(
                "Deputy Jerry Ortiz of the Los Angeles County Sheriff's Department was shot dead in Hawaiian "
                "Gardens on Friday.\nDeputies said the gunman fled on foot after the shooting.\n"
            ),
            outlet="Daily One",
        ),
        Article(text="A sheriff's deputy was shot dead in Hawaiian Gardens on Friday.\n", outlet="Daily Two"),
    ]
    brief = build_brief("s", articles, shared_analyzer().analyze(articles))
    origins = {trace.origin for trace in brief.origins}
    assert "Jerry Ortiz" not in origins
    assert "Los Angeles County Sheriff's Department" in origins, origins
