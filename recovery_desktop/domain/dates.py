"""The days the journal accepts for anything that happened: clean dates, lapses, cravings,
reach-outs, check-ins and the ranges that show them.

1 January 1950 is older than any real record a person in recovery will enter today, and close
enough that a slipped year is caught: Qt's date fields otherwise go back to 1752, and a clean
date typed as 1886 counted 51,134 days.
"""

from __future__ import annotations

from datetime import date

from recovery_desktop.domain.calendar_text import long_date

EARLIEST_DAY = date(1950, 1, 1)


def too_early(day: date) -> bool:
    """True for a day before :data:`EARLIEST_DAY`."""
    return day < EARLIEST_DAY


def earliest_text() -> str:
    """ "1 January 1950", for messages."""
    return long_date(EARLIEST_DAY)
