"""The summary's "Structure of my days": days planned, average idle time, the longest idle
stretch and idle time on days with cravings vs without (``domain/day_trends.py``)."""

from __future__ import annotations

from recovery_desktop.domain.calendar_text import day_in
from recovery_desktop.domain.day_plan import minute_text
from recovery_desktop.domain.day_trends import LongestIdle, hours_text
from recovery_desktop.domain.wording import plural
from recovery_desktop.reports.html_kit import esc
from recovery_desktop.reports.section_types import SectionSpec, SummaryContext


def _line(*parts: str) -> str:
    return "<p>" + " \u00b7 ".join(esc(p) for p in parts if p) + "</p>"


def _average(minutes: float | None, days: int, side: str) -> str:
    """ "on days with cravings: 6.5 h on average (3 days)", or that there were none."""
    if minutes is None:
        return f"on days {side}: no such days"
    return f"on days {side}: {hours_text(minutes)} on average ({plural(days, 'day')})"


def _longest(longest: LongestIdle | None, context: SummaryContext) -> str:
    if longest is None:
        return "Longest idle stretch: none (every waking hour was planned)"
    period = context.summary.period
    day = day_in(longest.day, period.start, period.end, "%A %-d %B")
    stretch = longest.stretch
    times = f"{minute_text(stretch.start)}\u2013{minute_text(stretch.end)}"
    return f"Longest idle stretch: {day}, {times} ({hours_text(stretch.minutes)})"


def _data(context: SummaryContext) -> SummaryContext | None:
    return context if context.days.days_planned else None


def _html(context: SummaryContext) -> str:
    days = context.days
    window = days.window
    planned = f"Days with a plan: {days.days_planned} of {days.days}"
    average = days.average_idle or 0.0
    idle = f"idle time on those days: {hours_text(average)} on average"
    compared = "Idle time " + _average(days.idle_with_cravings, days.with_cravings, "with cravings")
    without = _average(days.idle_without_cravings, days.without_cravings, "without")
    waking = f"{minute_text(window.span[0])}\u2013{minute_text(window.span[1])}"
    return (
        _line(planned, idle)
        + _line(_longest(days.longest, context))
        + _line(compared, without)
        + "<p class='small'>"
        + esc(
            f"Idle time: waking hours ({waking}) no block covers; once a day is over only "
            "blocks ticked done count. Days without a plan are left out; a day still under "
            "way is left out of the comparison with cravings."
        )
        + "</p>"
    )


DAY_STRUCTURE = SectionSpec(
    "day_structure",
    "Structure of my days",
    True,
    _data,
    _html,
    "No day plans in this period.",
)
