"""Periods: ISO weeks and date ranges, with the period just before each one."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from recovery_desktop.domain.calendar_text import date_text, long_date
from recovery_desktop.domain.dates import DayOutOfRange, check_day, in_range, range_text

_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
MAX_RANGE_DAYS = 366 * 20


class PeriodError(ValueError):
    """A period that cannot exist, in plain words."""


def _span(start: date, end: date) -> str:
    if start.year != end.year:
        return f"{long_date(start)} – {long_date(end)}"
    if start.month != end.month:
        return f"{long_date(start, year=False)} – {long_date(end)}"
    return f"{start.day}–{long_date(end)}"


@dataclass(frozen=True)
class Period:
    """An inclusive span of days; ``iso_week`` is set when it is exactly one ISO week."""

    start: date
    end: date
    iso_week: tuple[int, int] | None = None

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise PeriodError("The end of a period cannot come before its start.")
        if (self.end - self.start).days > MAX_RANGE_DAYS:
            raise PeriodError("A period can be at most twenty years long.")

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def key(self) -> str:
        """A stable name: "2026-W47" or "2026-11-01..2026-11-14"."""
        if self.iso_week:
            return f"{self.iso_week[0]}-W{self.iso_week[1]:02d}"
        return f"{self.start.isoformat()}..{self.end.isoformat()}"

    @property
    def label(self) -> str:
        """Plain words for headings: "Week 47, 2026 (16–22 November 2026)"."""
        if self.iso_week:
            return f"Week {self.iso_week[1]}, {self.iso_week[0]} ({_span(self.start, self.end)})"
        if self.start == self.end:
            return date_text(self.start, "%A %-d %B %Y")
        return _span(self.start, self.end)

    def label_on(self, today: date) -> str:
        """The label, saying how far the period has come on ``today``: unchanged once it is
        over, "… — so far, to Wednesday 25 November" while it runs, "… — still to come"
        before it starts."""
        counted = self.so_far(today)
        if counted is None:
            return f"{self.label} — still to come"
        if counted == self:
            return self.label
        pattern = "%A %-d %B" if today.year == self.end.year else "%A %-d %B %Y"
        return f"{self.label} — so far, to {date_text(today, pattern)}"

    def dates(self) -> list[date]:
        return [self.start + timedelta(days=n) for n in range(self.days)]

    def previous(self) -> Period:
        """The period of the same length just before this one (the previous ISO week)."""
        if self.iso_week:
            return week_of(self.start - timedelta(days=7))
        return Period(self.start - timedelta(days=self.days), self.start - timedelta(days=1))

    def next(self) -> Period:
        if self.iso_week:
            return week_of(self.start + timedelta(days=7))
        return Period(self.end + timedelta(days=1), self.end + timedelta(days=self.days))

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    def so_far(self, today: date) -> Period | None:
        """The days of this period that have come by ``today`` (today included): the whole
        period once it ends today or earlier, the days up to today while it runs, and None
        while it has not started. A shortened period is a plain range (no ``iso_week``)."""
        if today < self.start:
            return None
        if self.end <= today:
            return self
        return Period(self.start, today)

    def opening(self, days: int) -> Period:
        """The first ``days`` days of this period (all of it when it is that short)."""
        if days >= self.days:
            return self
        return Period(self.start, self.start + timedelta(days=max(1, days) - 1))


def monday_of(day: date) -> date:
    """The Monday of the ISO week that contains ``day``."""
    return day - timedelta(days=day.weekday())


def mondays(period: Period) -> list[date]:
    """The Monday of every ISO week that touches ``period``."""
    first = monday_of(period.start)
    return [first + timedelta(days=7 * n) for n in range((period.end - first).days // 7 + 1)]


def week_of(day: date) -> Period:
    """The ISO week (Monday to Sunday) that contains ``day``."""
    year, week, _weekday = day.isocalendar()
    start = monday_of(day)
    return Period(start, start + timedelta(days=6), (year, week))


def iso_week(year: int, week: int) -> Period:
    """ISO week ``week`` of ``year``; week 53 only exists in some years.

    Raises :class:`PeriodError` for a week that does not exist or whose days are not all
    inside ``dates.EARLIEST_DAY`` .. ``dates.LATEST_DAY`` (checked before any arithmetic).
    """
    try:
        start = date.fromisocalendar(year, week, 1)
    except ValueError as error:
        if 1 <= year <= 9999:
            raise PeriodError(f"{year} has no week {week}.") from error
        start = date.min  # year 0: outside the journal's dates like any other far year
    if not in_range(start) or not in_range(start + timedelta(days=6)):
        raise PeriodError(
            f"Week {week} of the year {year} is outside the dates the journal accepts "
            f"({range_text()})."
        )
    return week_of(start)


def parse_week(text: str) -> Period:
    """ "2026-W47" -> that ISO week."""
    match = _WEEK.match(text.strip())
    if not match:
        raise PeriodError(f"{text!r} is not a week like 2026-W47.")
    return iso_week(int(match.group(1)), int(match.group(2)))


def last_full_week(today: date) -> Period:
    """The most recent ISO week that is over (the week before the current one)."""
    return week_of(today).previous()


SUNDAY = 6


def default_summary_week(today: date) -> Period:
    """The week a summary is most likely wanted for.

    On a Sunday it is the week ending today, since the therapy session is often on Monday;
    on any other day it is the last full week.
    """
    return week_of(today) if today.weekday() == SUNDAY else last_full_week(today)


def date_range(start: date, end: date) -> Period:
    """The days from ``start`` to ``end`` given from outside (a command line, a file).

    Raises :class:`PeriodError` for a day outside the journal's dates (checked before any
    arithmetic), an end before the start, or more than twenty years.
    """
    try:
        check_day(start, "The first day")
        check_day(end, "The last day")
    except DayOutOfRange as error:
        raise PeriodError(str(error)) from None
    return Period(start, end)


def within_limits(period: Period) -> bool:
    """True when every day of ``period`` is inside the journal's dates (``domain.dates``);
    the period picker's ◀ and ▶ stop at the last such week."""
    return in_range(period.start) and in_range(period.end)


PRESETS: dict[str, str] = {
    "week": "This week",
    "4weeks": "4 weeks",
    "3months": "3 months",
    "year": "Year",
    "all": "All",
}
_PRESET_WEEKS = {"week": 1, "4weeks": 4, "3months": 13, "year": 52}


def preset(name: str, today: date, first_day: date | None = None) -> Period:
    """A range that ends today and starts on a Monday, so weekly charts show whole weeks.

    "all" starts at the week of ``first_day`` (the earliest record of any kind), or this
    week; at most twenty years back (the longest :class:`Period`).
    """
    this_monday = monday_of(today)
    if name == "all":
        return since(first_day or today, today)
    weeks = _PRESET_WEEKS.get(name)
    if weeks is None:
        raise PeriodError(f"Unknown range {name!r}.")
    return Period(this_monday - timedelta(days=7 * (weeks - 1)), today)


def since(first_day: date, today: date, whole_weeks: bool = True) -> Period:
    """From ``first_day`` (the Monday of its week, with ``whole_weeks``) to today: "since
    the beginning". At most :data:`MAX_RANGE_DAYS`: an older start moves forward (to a
    Monday, with ``whole_weeks``)."""
    oldest = today - timedelta(days=MAX_RANGE_DAYS)
    start = min(max(first_day, oldest), today)
    if whole_weeks:
        start = monday_of(start)
        if start < oldest:
            start += timedelta(days=7)
    return Period(start, today)
