"""The summary's "Structure of my days": days planned, average idle time, the longest idle
stretch and idle time on days with cravings vs without (``domain/day_trends.py``)."""

from __future__ import annotations

from recovery_desktop.domain.calendar_text import day_in
from recovery_desktop.domain.day_plan import minute_text
from recovery_desktop.domain.day_trends import LongestIdle, hours_text
from recovery_desktop.domain.wording import plural
from recovery_desktop.reports.html_kit import esc
from recovery_desktop.reports.section_types import SectionSpec, SummaryContext


def _side(minutes: float | None, days: int, side: str) -> str:
    """ "3 days with cravings: 10.8 h", or "no days with cravings"."""
    if minutes is None:
        return f"no days {side}"
    return f"{plural(days, 'day')} {side}: {hours_text(minutes)}"


def _longest(longest: LongestIdle | None, context: SummaryContext) -> str:
    if longest is None:
        return "no idle stretch (every waking hour planned)"
    period = context.summary.period
    day = day_in(longest.day, period.start, period.end, "%a %-d %b")
    stretch = longest.stretch
    times = f"{minute_text(stretch.start)}\u2013{minute_text(stretch.end)}"
    return f"longest idle stretch: {day}, {times} ({hours_text(stretch.minutes)})"


def _data(context: SummaryContext) -> SummaryContext | None:
    return context if context.days.days_planned else None


def _html(context: SummaryContext) -> str:
    """Two short lines in the summary's small print: the demo's lapse week, the fullest
    week the tests print, then still fits on two pages of Letter paper (at 10 pt it does
    not). What idle time is and how it is counted is in the README."""
    days = context.days
    first = (
        f"Days with a plan: {days.days_planned} of {days.days}",
        _longest(days.longest, context),
    )
    second = (
        f"Average idle time: {hours_text(days.average_idle or 0.0)}",
        _side(days.idle_with_cravings, days.with_cravings, "with cravings"),
        _side(days.idle_without_cravings, days.without_cravings, "without"),
    )
    lines = (" \u00b7 ".join(first), " \u00b7 ".join(second))
    return "<p class='small'>" + "<br>".join(esc(line) for line in lines) + "</p>"


DAY_STRUCTURE = SectionSpec(
    "day_structure",
    "Structure of my days",
    True,
    _data,
    _html,
    "No day plans in this period.",
)
