"""The Trends charts of medication and appointments: shares, gaps, bars, and when they
are shown at all."""

import math
from datetime import timedelta

from recovery_desktop.domain.medication import Adherence
from recovery_desktop.domain.trends import TrendData
from recovery_desktop.domain.visits_read import AdherenceWeeks, VisitTrends
from recovery_desktop.reports.charts import chart_spec
from recovery_desktop.reports.style import LIGHT, PRINT
from tests.bar_boxes import heights_by_label
from tests.reports.test_charts import DATA, PERIOD, START


def _lines(chart):
    return {line.get_label(): line for line in chart.figure.axes[0].get_lines()}


def test_adherence_is_a_share_per_week_with_gaps_where_nothing_was_expected():
    """6 of 7 then 7 of 7: 86 % and 100 %; a week with nothing expected is a gap, not 0."""
    visits = VisitTrends(
        DATA.visits.held,
        (
            AdherenceWeeks(
                "Methadone",
                ((START, Adherence(7, 6, 1)), (START + timedelta(days=7), Adherence(0, 0, 0))),
            ),
        ),
    )
    chart = chart_spec("adherence").build(TrendData(PERIOD, visits=visits), LIGHT)
    ys = list(_lines(chart)["Methadone"].get_ydata())
    assert round(ys[0]) == 86 and math.isnan(ys[1])
    assert [p.text.splitlines()[1] for p in chart.points] == [
        "Methadone: 6 of 7 doses taken (86%) · 1 missed"
    ]


def test_one_line_per_medication_in_every_style():
    """Each medication with a dose expected has its own line; on paper they differ by dash."""
    chart = chart_spec("adherence").build(DATA, PRINT)
    lines = _lines(chart)
    assert set(lines) >= {"Buprenorphine", "Sertraline"}
    assert list(lines["Buprenorphine"].get_ydata()) == [600 / 7, 100.0]
    assert lines["Buprenorphine"].get_linestyle() != lines["Sertraline"].get_linestyle()


def test_appointments_are_stacked_by_how_they_went():
    """Week one: one attended, one missed; week two: one attended, one rescheduled."""
    chart = chart_spec("appointments_kept").build(DATA, LIGHT)
    assert heights_by_label(chart.figure.axes[0]) == {
        "Attended": [1, 1],
        "Missed": [1, 0],
        "Rescheduled": [0, 1],
    }
    assert "attended 1, missed 0, rescheduled 1" in chart.points[1].text


def test_a_range_without_any_says_so():
    """Medication held but nothing expected in the range: a plain note, no empty lines."""
    empty = TrendData(PERIOD, visits=VisitTrends(DATA.visits.held))
    for key, note in (
        ("adherence", "No doses expected in this period"),
        ("appointments_kept", "No appointments marked in this period"),
    ):
        chart = chart_spec(key).build(empty, LIGHT)
        assert note in [t.get_text() for t in chart.figure.axes[0].texts]


def test_the_charts_are_wanted_only_in_a_journal_that_holds_such_records():
    """No medication or appointment ever recorded: neither chart is shown on Trends."""
    for key in ("adherence", "appointments_kept"):
        assert chart_spec(key).wanted(DATA)
        assert not chart_spec(key).wanted(TrendData(PERIOD))
    assert chart_spec("mood_craving").wanted(TrendData(PERIOD))


def _decade():
    """520 weeks from a Monday; week 300 alone between weeks with nothing expected."""
    from datetime import date

    from recovery_desktop.domain.periods import Period

    start = date(2016, 11, 7)
    mondays = [start + timedelta(weeks=n) for n in range(520)]
    weeks = tuple(
        (m, Adherence(0, 0, 0) if n in (299, 301) else Adherence(7, 6 + n % 2, 1 - n % 2))
        for n, m in enumerate(mondays)
    )
    visits = VisitTrends(DATA.visits.held, (AdherenceWeeks("Buprenorphine", weeks),))
    return TrendData(Period(start, start + timedelta(days=3639)), visits=visits), mondays


def test_ten_years_of_weeks_draw_thin_lines_without_a_band_of_markers():
    """Over "All" on a ten-year journal a marker per week is a solid band: past 26 weeks
    the line has no markers and is thinner; a week alone between gaps keeps a small dot
    (a line alone would not show it); two weeks keep their markers."""
    data, _mondays = _decade()
    for style in (LIGHT, PRINT):
        chart = chart_spec("adherence").build(data, style)
        line = _lines(chart)["Buprenorphine"]
        assert line.get_marker() in (None, "None", "")
        assert line.get_linewidth() <= 1.2
        [alone] = [
            drawn
            for drawn in chart.figure.axes[0].get_lines()
            if drawn.get_label().startswith("_Bupre")
        ]
        assert [y for y in alone.get_ydata() if not math.isnan(y)] == [600 / 7]
    short = chart_spec("adherence").build(DATA, LIGHT)
    assert _lines(short)["Buprenorphine"].get_marker() not in (None, "None", "")


def test_ten_years_of_support_weeks_draw_without_markers():
    """The same for the weekly meetings, therapy and medication lines."""
    from recovery_desktop.domain.trends import WeekCounts

    data, mondays = _decade()
    weeks = tuple(WeekCounts(m, 7, 1, 1, 6, 7, 0, 0, 0, 0) for m in mondays)
    chart = chart_spec("support").build(TrendData(data.period, weeks=weeks), LIGHT)
    for line in chart.figure.axes[0].get_lines():
        if not line.get_label().startswith("_"):
            assert line.get_marker() in (None, "None", ""), line.get_label()
