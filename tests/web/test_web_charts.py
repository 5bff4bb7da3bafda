"""Timeline geometry and relay trees."""

from __future__ import annotations

from corroborator.web.charts import parse_day, relay_tree, timeline


def test_timeline_places_days_left_to_right_and_ranges_as_bars() -> None:
    events = [
        {"date": "2023-08-06", "end": None, "what": "report published"},
        {"date": "2023-08-03", "end": "2023-08-05", "what": "factory visits", "inferred": True},
        {"date": "PRESENT_REF", "end": None, "what": "now"},
    ]
    chart = timeline(events)
    by_label = {row.label: row for row in chart.rows}
    assert by_label["factory visits"].x < by_label["report published"].x
    assert by_label["factory visits"].x_end > by_label["factory visits"].x
    assert by_label["factory visits"].inferred
    assert by_label["report published"].x_end == by_label["report published"].x
    assert [event["what"] for event in chart.undated] == ["now"]
    assert chart.ticks[0][1] == "03 Aug"
    assert max(row.x_end for row in chart.rows) <= chart.axis_end < chart.label_x


def test_a_month_is_drawn_as_an_approximate_span() -> None:
    chart = timeline([{"date": "2023-07", "what": "last month"}, {"date": "2023-08-04", "what": "visit"}])
    month, day = chart.rows
    assert month.approximate and not day.approximate
    assert month.x < month.x_end < day.x


def test_timeline_without_days_draws_nothing() -> None:
    chart = timeline([{"date": "P1Y", "what": "a year"}, {"date": "2023", "what": "a year too"}])
    assert chart.rows == [] and chart.height == 0 and len(chart.undated) == 2


def test_parse_day_accepts_dates_and_date_times_only() -> None:
    assert parse_day("2023-08-04T10:00") is not None
    assert parse_day("2023-W31") is None
    assert parse_day(None) is None


def test_relay_tree_merges_shared_prefixes() -> None:
    tree = relay_tree(
        "KCNA", [["KCNA", "Reuters", "WION"], ["KCNA", "AP", "WION"], ["KCNA", "Reuters", "BBC"]]
    )
    assert tree.name == "KCNA"
    assert [child.name for child in tree.children] == ["Reuters", "AP"]
    assert [child.name for child in tree.children[0].children] == ["WION", "BBC"]
