"""Daily series for charts: one slot per day, None for a day with no answer (a gap)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from recovery_desktop.domain.checkin import CheckIn
from recovery_desktop.domain.periods import Period

ROLLING_DAYS = 7
ROLLING_MIN_ANSWERS = 3
# Answered days in a run shorter than this stand (nearly) alone: a line cannot show them.
SHORT_RUN_DAYS = 3


def daily(checkins: Sequence[CheckIn], period: Period, field: str) -> list[float | None]:
    """The value of ``field`` for every day of ``period``; None where not answered."""
    by_day = {c.day: getattr(c, field) for c in checkins}
    values: list[float | None] = []
    for day in period.dates():
        value = by_day.get(day)
        values.append(None if value is None else float(value))
    return values


def daily_with_average(
    checkins: Sequence[CheckIn], period: Period, field: str, window: int = ROLLING_DAYS
) -> tuple[list[float | None], list[float | None]]:
    """Daily values for ``period`` and their trailing averages.

    The averages also use the ``window - 1`` days before the period when ``checkins`` has
    them, so a one-week chart has an average from its first day.
    """
    lead = window - 1
    extended = Period(period.start - timedelta(days=lead), period.end)
    values = daily(checkins, extended, field)
    return values[lead:], rolling_mean(values, window)[lead:]


def rolling_mean(
    values: Sequence[float | None],
    window: int = ROLLING_DAYS,
    min_answers: int = ROLLING_MIN_ANSWERS,
) -> list[float | None]:
    """Trailing average over ``window`` days of the answered values.

    None where fewer than ``min_answers`` of those days were answered, so a sparse stretch
    shows a gap rather than an average of one lonely value.
    """
    out: list[float | None] = []
    for index in range(len(values)):
        recent = [v for v in values[max(0, index - window + 1) : index + 1] if v is not None]
        out.append(sum(recent) / len(recent) if len(recent) >= min_answers else None)
    return out


def in_short_runs(
    values: Sequence[float | None], shortest: int = SHORT_RUN_DAYS
) -> list[float | None]:
    """The answered values that belong to a run of fewer than ``shortest`` answered days in
    a row, None everywhere else: [1, None, 2, 3, 4, None] -> [1, None, None, None, None, None]
    with ``shortest`` 3. A line drawn through gaps leaves such days all but invisible."""
    out: list[float | None] = [None] * len(values)
    start = 0
    while start < len(values):
        if values[start] is None:
            start += 1
            continue
        end = start
        while end < len(values) and values[end] is not None:
            end += 1
        if end - start < shortest:
            out[start:end] = values[start:end]
        start = end
    return out


def days_where(
    checkins: Sequence[CheckIn], period: Period, field: str, value: object
) -> list[date]:
    """Days in ``period`` whose ``field`` equals ``value`` exactly (e.g. used is True)."""
    return [c.day for c in checkins if period.contains(c.day) and getattr(c, field) is value]
