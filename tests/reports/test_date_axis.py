"""Date axes name the month on every label, and the year where it changes."""

from datetime import date, timedelta

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg

from recovery_desktop.domain.checkin import CheckIn
from recovery_desktop.domain.periods import Period
from recovery_desktop.domain.trends import TrendData
from recovery_desktop.reports.charts import CHARTS, chart_spec
from recovery_desktop.reports.style import LIGHT

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _labels(chart) -> list[str]:
    """The date labels as drawn under the bottom panel."""
    FigureCanvasAgg(chart.figure).draw()
    axes = (
        chart.figure.axes[-1] if chart.figure.axes[-1].get_xticklabels() else chart.figure.axes[0]
    )
    return [t.get_text() for t in axes.get_xticklabels() if t.get_text()]


def _data(start: date, days: int) -> TrendData:
    period = Period(start, start + timedelta(days=days - 1))
    checkins = tuple(CheckIn(d, mood=5, stress=4, sleep_hours=7.0) for d in period.dates())
    return TrendData(period, checkins)


@pytest.mark.parametrize("days", [7, 17, 28, 45, 91, 200, 365], ids=lambda d: f"{d} days")
@pytest.mark.parametrize("key", ["mood_craving", "stress_sleep", "energy"])
def test_every_date_label_names_its_month(key, days):
    """From a week to a year, no label is a bare day number like "05" or "13"."""
    labels = _labels(chart_spec(key).build(_data(date(2026, 9, 1), days), LIGHT))
    assert len(labels) >= 3
    for label in labels:
        assert any(month in label for month in MONTHS), labels


@pytest.mark.parametrize("days", [12, 40, 91, 300], ids=lambda d: f"{d} days")
def test_the_year_is_written_where_it_changes(days):
    """A range across New Year writes the new year on the first label of that year."""
    start = date(2026, 12, 31) - timedelta(days=days // 2)
    labels = _labels(chart_spec("mood_craving").build(_data(start, days), LIGHT))
    years = [label for label in labels if "2027" in label]
    assert years, labels
    first_2027 = next(i for i, label in enumerate(labels) if "Jan" in label and i > 0)
    assert "2027" in labels[first_2027], labels


def test_a_monthly_axis_says_the_year_on_its_first_label():
    """Months alone ("Mar Apr May") get the year on the first of them."""
    labels = _labels(chart_spec("mood_craving").build(_data(date(2026, 3, 1), 200), LIGHT))
    assert labels[0].endswith("2026") and not any("2026" in label for label in labels[1:])


@pytest.mark.parametrize("spec", CHARTS, ids=lambda s: s.key)
def test_every_dated_chart_knows_its_period(spec):
    """Each chart carries the period it covers, for the heading of a saved image."""
    data = _data(date(2026, 11, 2), 28)
    chart = spec.build(data, LIGHT)
    assert chart.period == data.period
    assert chart.heading == f"{chart.title} \u00b7 2–29 November 2026"
