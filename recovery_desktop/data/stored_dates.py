"""Days and times read back from the journal, checked before any arithmetic.

The journal's own screens only write days inside ``domain.dates`` (1950-01-01 to
2199-12-31), but a damaged file or another program can hold 0001-01-01 or 9999-12-31, where
one more day is an ``OverflowError``. Queries without a range of their own (the first
check-in, every clean period, the last lapse or reach-out) leave such rows out with
:data:`IN_RANGE`; every value read is parsed by :func:`stored_day` or :func:`stored_moment`,
which raise :class:`JournalDamaged` (a calm message) for anything still unusable.
"""

from __future__ import annotations

from datetime import date, datetime

from recovery_desktop.data.errors import JournalDamaged
from recovery_desktop.domain.dates import EARLIEST_DAY, LATEST_DAY, parse_day, parse_moment

IN_RANGE = f"BETWEEN '{EARLIEST_DAY.isoformat()}' AND '{LATEST_DAY.isoformat()}'"
"""SQL: ``day IN_RANGE`` keeps rows whose ISO day text is inside the journal's dates."""

_DAMAGED = "A record in the journal has a date the app cannot use."


def stored_day(text: str) -> date:
    """An ISO day from a row. Raises :class:`JournalDamaged` for one outside the journal's
    dates or not a date at all."""
    try:
        return parse_day(str(text))
    except ValueError:
        raise JournalDamaged(_DAMAGED) from None


def stored_moment(text: str) -> datetime:
    """An ISO local time from a row ("2026-11-18T21:40"). Raises :class:`JournalDamaged`
    like :func:`stored_day`."""
    try:
        return parse_moment(str(text))
    except ValueError:
        raise JournalDamaged(_DAMAGED) from None


def optional_day(text: str | None) -> date | None:
    """:func:`stored_day` for a nullable column (None or '' stay None)."""
    return stored_day(text) if text else None
