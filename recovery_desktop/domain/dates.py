"""The days the journal accepts for anything that happened: clean dates, lapses, cravings,
reach-outs, check-ins and the ranges that show them.

1 January 1950 is older than any real record a person in recovery will enter today, and close
enough that a slipped year is caught: Qt's date fields otherwise go back to 1752, and a clean
date typed as 1886 counted 51,134 days.

31 December 2199 is later than any day this version will see, and far enough below Python's
last date (31 December 9999) that every sum the app does with a day in the range (a period
of up to twenty years and the one before or after it, a week either side, chart lead-in
days) stays a date. Every day that reaches date arithmetic from outside (command-line
arguments, rows read from the journal, date fields, drafts) goes through :func:`check_day`
first, so a hostile or mistyped 0001-01-01 or 9999-12-31 is a plain message, never an
``OverflowError``.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TypeVar

from recovery_desktop.domain.calendar_text import long_date

EARLIEST_DAY = date(1950, 1, 1)
LATEST_DAY = date(2199, 12, 31)

Day = TypeVar("Day", date, datetime)


class DayOutOfRange(ValueError):
    """A day outside :data:`EARLIEST_DAY` .. :data:`LATEST_DAY`; ``str()`` says so plainly."""


def too_early(day: date) -> bool:
    """True for a day before :data:`EARLIEST_DAY`."""
    return day < EARLIEST_DAY


def in_range(day: date) -> bool:
    """True for a day from :data:`EARLIEST_DAY` to :data:`LATEST_DAY` inclusive."""
    return EARLIEST_DAY <= day <= LATEST_DAY


def earliest_text() -> str:
    """ "1 January 1950", for messages."""
    return long_date(EARLIEST_DAY)


def range_text() -> str:
    """ "1 January 1950 to 31 December 2199", for messages."""
    return f"{long_date(EARLIEST_DAY)} to {long_date(LATEST_DAY)}"


def check_day(day: Day, what: str = "The date") -> Day:
    """``day`` itself (a ``datetime`` too) when it is in range.

    Raises :class:`DayOutOfRange` ("The date 0001-01-01 is outside the dates the journal
    accepts (1 January 1950 to 31 December 2199).") otherwise.
    """
    plain = day.date() if isinstance(day, datetime) else day
    if not in_range(plain):
        raise DayOutOfRange(
            f"{what} {plain.isoformat()} is outside the dates the journal accepts ({range_text()})."
        )
    return day


def parse_day(text: str, what: str = "The date") -> date:
    """ "2026-11-16" -> that day, checked with :func:`check_day`.

    Raises :class:`DayOutOfRange` for a day outside the range and plain ``ValueError``
    ("'16/11/2026' is not a date like 2026-11-16.") for text that is not an ISO date.
    """
    try:
        day = date.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(f"{text!r} is not a date like 2026-11-16.") from None
    return check_day(day, what)


def parse_moment(text: str, what: str = "The time") -> datetime:
    """ "2026-11-16T21:40" -> that local time, its day checked with :func:`check_day`.

    Raises ``ValueError`` (:class:`DayOutOfRange` for a day outside the range)."""
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(f"{text!r} is not a time like 2026-11-16T21:40.") from None
    return check_day(moment, what)
