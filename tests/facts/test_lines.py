"""Lines of the page that are not the report: no facts, units or lead events are read from them."""

from __future__ import annotations

import pytest

from corroborator.facts.lines import is_heading, is_heading_line


@pytest.mark.parametrize(
    "line",
    [
        "Lohan Checks Into Betty Ford",
        "FIRED IN PHILLY!!",
        "Posted: 04 / 9 / 2012 8: 33 am Updated: 04 / 9 / 2012 8: 33 am",
        "Originally published 05 / 03 / 2013 at 10: 20 AM EDT",
        "On behalf of Howard R. Sanders, Esq. posted in Pedestrian Accidents on Wednesday, September 18",
        "26 September 2013, 10: 00 (GMT+05: 00)",
        "TE Jimmy Graham (ankle)",
    ],
)
def test_headlines_stamps_and_list_lines_are_page_lines(line: str) -> None:
    assert is_heading_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "Police arrested 99 protesters.",
        "(Fox's option would trump Lionsgate's hold on Lawrence, say sources.)",
        "The video was posted online by a witness who filmed the crash from a nearby balcony on Sunday",
        "US OPEN: Serena Williams beat her sister Venus in the final on Saturday evening in New York.",
        "NASA said.",
    ],
)
def test_sentences_of_the_report_are_not_page_lines(line: str) -> None:
    assert not is_heading_line(line)


def test_a_span_is_judged_by_its_whole_line() -> None:
    text = "FIRED IN PHILLY!!\nThe Sixers fired their coach on Monday, the team said.\n"
    assert is_heading(text, 0, 6)
    assert not is_heading(text, text.index("The"), text.index("Monday"))


def test_a_post_stamp_that_ends_with_its_date_is_a_page_line() -> None:
    stamp = "On behalf of Howard R. Sanders, Esq. posted in Pedestrian Accidents on Wednesday, May 1, 2013."
    assert is_heading_line(stamp)
    assert is_heading_line("Posted on March 3, 2012.")
    assert not is_heading_line("The report was published on Monday, and sold 2,000 copies in 2013.")
