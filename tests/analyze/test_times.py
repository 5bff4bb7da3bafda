"""Time expressions: recognition, TimeML normalisation against the publication date, flags, event anchors."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from spacy.language import Language

from corroborator.analyze.nlp.load import get_nlp
from corroborator.analyze.times.extract import extract_times, find_times, resolve_after_event
from corroborator.types.analysis import TimeExpr

SEEDS = Path(__file__).resolve().parents[2] / "examples" / "seeds"
SUNDAY = "2023-08-06"


@pytest.fixture(scope="module")
def nlp() -> Language:
    return get_nlp()


def times_of(nlp: Language, text: str, published: str | None = SUNDAY) -> list[TimeExpr]:
    doc = nlp(text)
    found = extract_times(doc, published)
    for expr in found:
        assert doc.text[expr.start : expr.end] == expr.text
    return found


def the(found: list[TimeExpr], text: str) -> TimeExpr:
    """The one expression whose text is `text` (or which overlaps the only occurrence of `text`)."""
    exact = [expr for expr in found if expr.text.lower() == text.lower()]
    if len(exact) == 1:
        return exact[0]
    raise AssertionError(f"{text!r} not found once in {[expr.text for expr in found]}")


def value_of(nlp: Language, text: str, phrase: str, published: str | None = SUNDAY) -> str | None:
    return the(times_of(nlp, text, published), phrase).value


def seed(prefix: str) -> tuple[str, str | None]:
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    text = path.read_text(encoding="utf-8")
    header = re.match(r"\s*date (\d{4}-\d{2}-\d{2})", text)
    return text, header[1] if header else None


def overlapping(found: list[TimeExpr], text: str, phrase: str) -> list[TimeExpr]:
    start = text.index(phrase)
    end = start + len(phrase)
    return [expr for expr in found if expr.start < end and start < expr.end]


class TestSeeds:
    def test_seed_001_against_its_header_date(self, nlp: Language) -> None:
        text, published = seed("001")
        assert published == SUNDAY
        found = times_of(nlp, text, published)
        mismatch = overlapping(found, text, "Thursday (August 4)")
        assert mismatch and all(expr.value == "2023-08-04" for expr in mismatch)
        assert any(flag.startswith("weekday_mismatch: 2023-08-04 is a Friday") for flag in mismatch[0].flags)
        saturday = overlapping(found, text, "Saturday (August 5)")
        assert saturday and {expr.value for expr in saturday} == {"2023-08-05"}
        assert not any(expr.flags for expr in saturday)
        assert [e.value for e in overlapping(found, text, "July 27")] == ["2023-07-27"]
        assert [e.value for e in overlapping(found, text, "Last month")] == ["2023-07"]
        assert [e.value for e in overlapping(found, text, "later in August")] == ["2023-08"]
        assert [e.value for e in overlapping(found, text, "on Sunday citing")] == ["2023-08-06"]

    def test_seed_000_weekday_list_and_this_month(self, nlp: Language) -> None:
        text, _ = seed("000")
        found = times_of(nlp, text, SUNDAY)
        days = overlapping(found, text, "Thursday, Friday and Saturday")
        assert [expr.value for expr in days] == ["2023-08-03", "2023-08-04", "2023-08-05"]
        assert [e.value for e in overlapping(found, text, "this month")] == ["2023-08"]

    def test_seed_000_duration_after_an_event(self, nlp: Language) -> None:
        text, _ = seed("000")
        found = times_of(nlp, text, SUNDAY)
        (duration,) = overlapping(found, text, "less than two weeks")
        assert (duration.type, duration.value, duration.mod) == ("DURATION", "P2W", "LESS_THAN")
        assert "relative_to_event" in duration.flags
        assert duration.anchor is not None and duration.anchor.startswith("after Kim was seen attending")
        assert resolve_after_event(duration, "2023-07-27") == "2023-07-27/2023-08-10"

    def test_seeds_without_publication_date_are_unresolved(self, nlp: Language) -> None:
        text, _ = seed("000")
        found = times_of(nlp, text, None)
        days = overlapping(found, text, "Thursday, Friday and Saturday")
        assert len(days) == 3 and all(e.value is None and "unresolved" in e.flags for e in days)
        (month,) = overlapping(found, text, "this month")
        assert month.value is None and month.flags == ["unresolved"]
        text, _ = seed("001")
        found = times_of(nlp, text, None)
        assert [(e.value, e.flags) for e in overlapping(found, text, "July 27")] == [
            ("XXXX-07-27", ["unresolved"])
        ]


class TestWeekdays:
    def test_past_tense_takes_the_previous_day(self, nlp: Language) -> None:
        assert value_of(nlp, "Kim visited the plant on Thursday.", "Thursday") == "2023-08-03"

    def test_future_takes_the_following_day(self, nlp: Language) -> None:
        assert value_of(nlp, "Kim will visit the plant on Thursday.", "Thursday") == "2023-08-10"
        assert value_of(nlp, "The talks are set for next Thursday.", "next Thursday") == "2023-08-10"

    def test_without_tense_the_nearest_day(self, nlp: Language) -> None:
        tuesday = "2023-08-08"
        assert value_of(nlp, "Talks on Thursday.", "Thursday", tuesday) == "2023-08-10"
        assert value_of(nlp, "Talks on Sunday.", "Sunday", tuesday) == "2023-08-06"

    def test_tempeval_example(self, nlp: Language) -> None:
        assert value_of(nlp, "Stocks fell sharply on Tuesday.", "Tuesday", "1998-01-08") == "1998-01-06"

    def test_range_gives_two_dates(self, nlp: Language) -> None:
        found = times_of(nlp, "Kim toured the factories from Thursday to Saturday.")
        assert [(e.text, e.value) for e in found] == [("Thursday", "2023-08-03"), ("Saturday", "2023-08-05")]

    def test_weekday_with_part_of_day_is_a_time(self, nlp: Language) -> None:
        expr = the(times_of(nlp, "The blast came on Friday morning."), "Friday morning")
        assert (expr.type, expr.value) == ("TIME", "2023-08-04TMO")


class TestWeekdayMismatch:
    def test_comma_form_with_year(self, nlp: Language) -> None:
        found = times_of(nlp, "It happened on Thursday, August 4, 2023, near Pyongyang.")
        assert {e.value for e in found} == {"2023-08-04"}
        assert all(e.flags == ["weekday_mismatch: 2023-08-04 is a Friday, not a Thursday"] for e in found)

    def test_matching_weekday_is_not_flagged(self, nlp: Language) -> None:
        found = times_of(nlp, "It happened on Friday, August 4, 2023, near Pyongyang.")
        assert found and all(e.value == "2023-08-04" and not e.flags for e in found)

    def test_parenthesised_form_takes_the_year_from_the_publication_date(self, nlp: Language) -> None:
        found = times_of(nlp, "He left on Sunday (March 3).", "2024-03-10")
        assert {e.value for e in found} == {"2024-03-03"}
        assert not any(e.flags for e in found)


class TestWeekdayWithDate:
    def test_comma_form_is_one_expression(self, nlp: Language) -> None:
        found = times_of(nlp, "He was shot on the night of Friday, Oct. 23, at home.", "1998-11-21")
        assert [(e.text, e.value) for e in found] == [("Friday, Oct. 23", "1998-10-23")]

    def test_apposition_in_parentheses_is_two(self, nlp: Language) -> None:
        found = times_of(nlp, "Kim toured it on Saturday (August 5).")
        assert [(e.text, e.value) for e in found] == [("Saturday", "2023-08-05"), ("August 5", "2023-08-05")]


class TestNamesMadeOfTimeWords:
    @pytest.mark.parametrize(
        "text",
        [
            'Baker said on ABC News\' "This Week" that talks would go on.',
            "This is VOA Today.",
            "It was a scene from the film High Noon.",
            "He spoke on CBS's 60 Minutes.",
            "Protesters joined the annual March for Life.",
            "She led the March of the Combatant Mothers.",
        ],
    )
    def test_titles_and_events_are_not_times(self, nlp: Language, text: str) -> None:
        assert times_of(nlp, text) == []

    def test_capital_at_the_start_of_a_sentence_is_still_a_time(self, nlp: Language) -> None:
        found = times_of(nlp, "Talks stalled. Today, he spoke. This week, he left.")
        assert [(e.text, e.value) for e in found] == [("Today", "2023-08-06"), ("This week", "2023-W31")]


class TestQuarterlyReports:
    REPORT = (
        "Acme posted a third-quarter loss of $5 million. After a flat second quarter, sales rose. "
        "Acme earned $1 million a year ago. For the quarter a year ago, sales were $3 million. "
        "A fourth-quarter charge will follow. Net was $2 million in the year-earlier period."
    )

    def test_a_year_ago_is_the_reported_quarter_a_year_back(self, nlp: Language) -> None:
        found = times_of(nlp, self.REPORT, "1989-11-02")
        assert value_of(nlp, self.REPORT, "a year ago", "1989-11-02") == "1988-Q3"
        assert the(found, "the quarter a year ago").value == "1988-Q3"
        assert the(found, "the year-earlier period").value == "1988-Q3"
        assert the(found, "second quarter").value == "1989-Q2"

    def test_fiscal_first_quarter_with_a_hyphen(self, nlp: Language) -> None:
        text = "Net rose for the fiscal-first quarter ended Sept. 30. It lost $2 million a year earlier."
        found = times_of(nlp, text, "1989-10-26")
        assert the(found, "the fiscal-first quarter").value == "1989-Q1"
        assert the(found, "a year earlier").value == "1988-Q1"


class TestRelative:
    @pytest.mark.parametrize(
        ("text", "phrase", "value"),
        [
            ("Prices rose last month.", "last month", "2023-07"),
            ("Drills are planned this month.", "this month", "2023-08"),
            ("Output fell last year.", "last year", "2022"),
            ("They meet next week.", "next week", "2023-W32"),
            ("He arrived yesterday.", "yesterday", "2023-08-05"),
            ("He speaks today.", "today", "2023-08-06"),
            ("He will speak tomorrow.", "tomorrow", "2023-08-07"),
            ("Prices are high now.", "now", "PRESENT_REF"),
            ("He recently left.", "recently", "PAST_REF"),
            ("Nobody knows the future.", "the future", "FUTURE_REF"),
            ("Sales rose 5% from a year ago.", "a year ago", "2022"),
            ("He left two years ago.", "two years ago", "2021"),
            ("The plan is due in three months from now.", "three months from now", "2023-11"),
        ],
    )
    def test_against_the_publication_date(self, nlp: Language, text: str, phrase: str, value: str) -> None:
        expr = the(times_of(nlp, text), phrase)
        assert expr.value == value
        assert expr.anchor == "published" or value.endswith("_REF")

    def test_earlier_this_year_has_a_start_mod(self, nlp: Language) -> None:
        expr = the(times_of(nlp, "Profits fell earlier this year.", "1998-01-08"), "earlier this year")
        assert (expr.value, expr.mod) == ("1998", "START")

    def test_early_next_year(self, nlp: Language) -> None:
        expr = the(times_of(nlp, "The vote comes early next year."), "early next year")
        assert (expr.value, expr.mod) == ("2024", "START")

    def test_this_morning_is_a_time(self, nlp: Language) -> None:
        expr = the(times_of(nlp, "He spoke this morning."), "this morning")
        assert (expr.type, expr.value) == ("TIME", "2023-08-06TMO")

    def test_mid_afternoon(self, nlp: Language) -> None:
        found = times_of(nlp, "By mid afternoon, shares were up. At mid-afternoon yesterday, they fell.")
        assert [(e.text, e.value, e.mod) for e in found] == [
            ("mid afternoon", "2023-08-06TAF", "MID"),
            ("mid-afternoon yesterday", "2023-08-05TAF", "MID"),
        ]

    def test_the_night_of_a_day_is_left_to_that_day(self, nlp: Language) -> None:
        found = times_of(nlp, "He was shot on the night of Oct. 23.", "1999-05-05")
        assert [(e.text, e.value) for e in found] == [("Oct. 23", "1998-10-23")]

    def test_a_week_or_so_ago(self, nlp: Language) -> None:
        assert value_of(nlp, "Then, a week or so ago, he chose a day.", "a week or so ago") == "2023-W30"

    def test_a_plan_told_in_the_past_lies_ahead(self, nlp: Language) -> None:
        text = "Protesters planned a rally on Saturday and were planning a march on Monday."
        found = times_of(nlp, text, "2000-01-07")
        assert [e.value for e in found] == ["2000-01-08", "2000-01-10"]


class TestExplicitDates:
    @pytest.mark.parametrize(
        ("text", "phrase", "value"),
        [
            ("Signed on August 4, 2021.", "August 4, 2021", "2021-08-04"),
            ("Signed on 4 August 2021.", "4 August 2021", "2021-08-04"),
            ("Signed on Aug. 4.", "Aug. 4", "2023-08-04"),
            ("Signed on 8/4/2021.", "8/4/2021", "2021-08-04"),
            ("Signed on 2021-08-04.", "2021-08-04", "2021-08-04"),
            ("Founded in July 1997.", "July 1997", "1997-07"),
            ("Founded in 1990.", "1990", "1990"),
            ("Growth slowed in the 1990s.", "the 1990s", "199"),
            ("Results for fiscal 1989 were weak.", "fiscal 1989", "1989"),
            ("Profit rose in the fourth quarter.", "the fourth quarter", "2022-Q4"),
            ("Profit will rise in the third quarter.", "the third quarter", "2023-Q3"),
            ("We met this summer.", "this summer", "2023-SU"),
            ("He left on Thanksgiving Day 2022.", "Thanksgiving Day 2022", "2022-11-24"),
            ("January nineteen ninety-seven. Atlanta again.", "January nineteen ninety-seven", "1997-01"),
            (
                "Oil fell in the winter of nineteen ninety-four.",
                "the winter of nineteen ninety-four",
                "1994-WI",
            ),
            ("In nineteen ninety-one he was convicted.", "nineteen ninety-one", "1991"),
            ("Gains are seen for the last half of 1989.", "the last half of 1989", "1989-H2"),
            (
                "Losses go on through the first two quarters of 1990.",
                "the first two quarters of 1990",
                "1990-H1",
            ),
            ("The hearing is in the week of March 6.", "the week of March 6", "2023-W10"),
        ],
    )
    def test_values(self, nlp: Language, text: str, phrase: str, value: str) -> None:
        assert value_of(nlp, text, phrase) == value

    def test_month_without_year_in_the_past(self, nlp: Language) -> None:
        assert value_of(nlp, "Prices peaked in October.", "October", "1998-01-08") == "1997-10"

    def test_last_fall(self, nlp: Language) -> None:
        assert value_of(nlp, "Sales slumped last fall.", "last fall", "1998-01-08") == "1997-FA"

    def test_may_the_verb_is_not_a_month(self, nlp: Language) -> None:
        assert times_of(nlp, "He may go. They march on.") == []

    def test_clock_time_in_words(self, nlp: Language) -> None:
        expr = the(times_of(nlp, "He will leave at 4 in the morning."), "4 in the morning")
        assert (expr.type, expr.value) == ("TIME", "2023-08-06T04:00")

    def test_clock_time(self, nlp: Language) -> None:
        expr = the(times_of(nlp, "The blast came at 2 p.m. Sunday."), "2 p.m. Sunday")
        assert (expr.type, expr.value) == ("TIME", "2023-08-06T14:00")


class TestDurationsAndSets:
    @pytest.mark.parametrize(
        ("text", "phrase", "value", "mod"),
        [
            ("It took two weeks.", "two weeks", "P2W", None),
            ("It took less than two weeks.", "less than two weeks", "P2W", "LESS_THAN"),
            ("It took about three hours.", "about three hours", "PT3H", "APPROX"),
            ("It took 2 1/2 years.", "2 1/2 years", "P2Y6M", None),
            ("It took several years.", "several years", "PXY", None),
            ("Prices rose over the past decade.", "the past decade", "P10Y", None),
            ("Output over the first nine months rose.", "the first nine months", "P9M", None),
            ("A four-decade embargo.", "four-decade", "P40Y", None),
            ("A battle of decades.", "decades", "PXY", None),
            ("But a minute and a half later, a pilot called.", "a minute and a half", "PT1M30S", None),
            ("A few days later, they left.", "A few days", "PXD", None),
            ("Glass secrets kept for two thousand years.", "two thousand years", "P2000Y", None),
        ],
    )
    def test_durations(self, nlp: Language, text: str, phrase: str, value: str, mod: str | None) -> None:
        expr = the(times_of(nlp, text), phrase)
        assert (expr.type, expr.value, expr.mod) == ("DURATION", value, mod)

    def test_ages_are_not_durations(self, nlp: Language) -> None:
        assert times_of(nlp, "The 6-year-old boy and a man 52 years old.") == []

    def test_rates_are_not_durations(self, nlp: Language) -> None:
        assert times_of(nlp, "Rooms cost $35 a night and four flights a week.") == []

    @pytest.mark.parametrize(
        ("text", "phrase", "value"),
        [("It is published weekly.", "weekly", "P1W"), ("They meet every week.", "every week", "P1W"),
         ("Prices are set daily.", "daily", "P1D"), ("Lessons every Monday.", "every Monday", "XXXX-WXX-1")],
    )  # fmt: skip
    def test_sets(self, nlp: Language, text: str, phrase: str, value: str) -> None:
        expr = the(times_of(nlp, text), phrase)
        assert (expr.type, expr.value) == ("SET", value)


class TestContextRules:
    def test_the_past_year_is_the_previous_calendar_year(self, nlp: Language) -> None:
        assert value_of(nlp, "Hate groups grew over the past year.", "the past year") == "2022"

    def test_the_week_is_left_underspecified_within_the_year(self, nlp: Language) -> None:
        found = times_of(nlp, "The index fell on Friday. For the week, it dropped 3.8%.")
        assert the(found, "the week").value == "2023-WXX"

    def test_the_week_of_a_date_is_that_week(self, nlp: Language) -> None:
        assert value_of(nlp, "A hearing will come the week of March 6.", "the week of March 6") == "2024-W10"

    def test_coordinated_units_are_one_stretch(self, nlp: Language) -> None:
        found = times_of(nlp, "He probably died within weeks or months of his capture.")
        assert [(e.text, e.value) for e in found] == [("weeks or months", "PXW")]

    @pytest.mark.parametrize(
        "text",
        ['"Now, he says, it looks different."', "Currently, Avon has 3.3 million shares.",
         "It matters for today's youth and in today's world.", "It matters to the future of our peoples.",
         "The two bombings happened only minutes apart."],
    )  # fmt: skip
    def test_frames_and_generic_uses_are_not_times(self, nlp: Language, text: str) -> None:
        assert times_of(nlp, text) == []

    @pytest.mark.parametrize(
        ("text", "phrase", "value"),
        [("Now the critics are talking.", "Now", "PRESENT_REF"), ("Avon currently has 3 plants.", "currently",
          "PRESENT_REF"), ("The offer ran in today's editions.", "today", SUNDAY),
         ("The future of the plan is unclear, but the future looks bright.", "the future", "FUTURE_REF")],
    )  # fmt: skip
    def test_the_same_words_used_as_times(self, nlp: Language, text: str, phrase: str, value: str) -> None:
        assert value_of(nlp, text, phrase) == value

    def test_the_nth_day_of_an_event_told_in_the_present_is_today(self, nlp: Language) -> None:
        found = times_of(nlp, "It's the second day of an offensive. On the third day of the war, they left.")
        assert [(e.text, e.value) for e in found] == [("the second day", SUNDAY)]


class TestEventAnchors:
    def test_before_an_event(self, nlp: Language) -> None:
        expr = the(times_of(nlp, "Troops moved three days before the vote."), "three days")
        assert expr.anchor == "before the vote" and "relative_to_event" in expr.flags
        assert resolve_after_event(expr, "2023-08-10") == "2023-08-07"

    def test_more_than_after_an_event_is_open_ended(self, nlp: Language) -> None:
        expr = the(times_of(nlp, "It came more than a week after the parade."), "more than a week")
        assert resolve_after_event(expr, "2023-07-27") == "2023-08-03/.."

    def test_not_resolvable(self, nlp: Language) -> None:
        expr = the(times_of(nlp, "It took two weeks."), "two weeks")
        assert resolve_after_event(expr, "2023-07-27") is None
        event = the(times_of(nlp, "It came two weeks after the parade."), "two weeks")
        assert resolve_after_event(event, "not a date") is None


class TestPublicationDate:
    def test_date_time_is_accepted(self, nlp: Language) -> None:
        assert value_of(nlp, "He left yesterday.", "yesterday", "2023-08-06T22:15:00Z") == "2023-08-05"

    def test_unreadable_date_counts_as_missing(self, nlp: Language) -> None:
        expr = the(times_of(nlp, "He left yesterday.", "last Tuesday"), "yesterday")
        assert expr.value is None and expr.flags == ["unresolved"]

    def test_absolute_dates_need_no_publication_date(self, nlp: Language) -> None:
        expr = the(times_of(nlp, "Signed on August 4, 2021.", None), "August 4, 2021")
        assert expr.value == "2021-08-04" and not expr.flags


class TestEdgeCases:
    def test_empty_text(self, nlp: Language) -> None:
        assert times_of(nlp, "") == []

    def test_text_without_dates(self, nlp: Language) -> None:
        assert times_of(nlp, "Kim fired a rifle at the range. The engines were praised.") == []

    def test_mixed_scripts(self, nlp: Language) -> None:
        text = "金正恩は2023年8月4日に工場を訪れた。 Он посетил завод в четверг. "
        text += "Kim visited on Thursday, August 3."
        found = times_of(nlp, text)
        assert [(e.text, e.value) for e in found if e.text.startswith(("Thursday", "August"))] == [
            ("Thursday, August 3", "2023-08-03")
        ]

    @pytest.mark.timeout(120)
    @pytest.mark.parametrize(
        "unit",
        ["the the the ", "1 2 3 4 ", "a few a few ", "last last ", "- - -- ", "x" * 50 + " ", "9" * 40],
    )
    def test_two_megabytes_of_near_misses_scan_in_bounded_time(self, unit: str) -> None:
        text = unit * (2_000_000 // len(unit))
        assert all(text[e.start : e.end] == e.text for e in find_times(text, SUNDAY))

    @pytest.mark.timeout(120)
    def test_two_megabytes_of_news(self) -> None:
        article, _ = seed("000")
        text = (article + "\n") * (2_000_000 // (len(article) + 1))
        found = find_times(text, SUNDAY)
        assert len(found) == text.count("Thursday, Friday and Saturday") * 3 + text.count(
            "this month"
        ) + text.count("two weeks")
