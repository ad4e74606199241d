"""Date axes a person can read: every label names its month, and the year is written on
the first label of a monthly axis and wherever the year changes."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from matplotlib import dates as mdates
from matplotlib.axes import Axes
from matplotlib.ticker import Formatter, Locator

from recovery_desktop.domain.calendar_text import date_text, month_name, weekday_name
from recovery_desktop.domain.periods import Period

# Up to this many days there is a labelled tick for every day, with its weekday.
DAILY_TICK_DAYS = 16


def _day(value: float) -> date:
    return mdates.num2date(value).date()


def day_month(day: date) -> str:
    """ "5 Nov": no leading zero, the month always there."""
    return date_text(day, "%-d %b")


class DateLabels(Formatter):
    """Tick labels "5 Nov", "Mon\\n5 Nov", "Nov", or "2026", chosen from the ticks themselves."""

    def __init__(self, weekdays: bool = False) -> None:
        self.weekdays = weekdays

    def __call__(self, x: float, pos: int | None = None) -> str:
        """A single date (for the pointer position): "5 Nov 2026"."""
        day = _day(x)
        return f"{day_month(day)} {day.year}"

    def format_ticks(self, values: Sequence[float]) -> list[str]:
        days = [_day(v) for v in values]
        if days and all(d.day == 1 and d.month == 1 for d in days) and len(days) > 1:
            return [str(d.year) for d in days]
        monthly = bool(days) and all(d.day == 1 for d in days)
        labels = []
        for index, day in enumerate(days):
            new_year = index > 0 and day.year != days[index - 1].year
            if monthly:
                text = month_name(day, short=True) + (
                    f"\n{day.year}" if index == 0 or new_year else ""
                )
            else:
                text = day_month(day) + (f"\n{day.year}" if new_year else "")
                if self.weekdays:
                    text = f"{weekday_name(day, short=True)}\n{text}"
            labels.append(text)
        return labels


class PeriodTicks(Locator):
    """The ticks ``inner`` would place that fall on a day of ``period`` (at its midnight):
    the room a chart leaves at the ends of its date axis never shows a tick, or a label,
    for a day before the range or for tomorrow."""

    def __init__(self, inner: Locator, period: Period) -> None:
        self.inner = inner
        self.first = float(mdates.date2num(period.start))
        self.last = float(mdates.date2num(period.end))

    def set_axis(self, axis: Any) -> None:
        super().set_axis(axis)
        self.inner.set_axis(axis)

    def __call__(self) -> Sequence[float]:
        return self._within(self.inner())

    def tick_values(self, vmin: Any, vmax: Any) -> Sequence[float]:
        return self._within(self.inner.tick_values(vmin, vmax))

    def _within(self, ticks: Sequence[float]) -> list[float]:
        return [float(t) for t in ticks if self.first <= t <= self.last]


def date_axis(axes: Axes, period: Period) -> None:
    """Readable dates: weekday, day and month for short periods; months (and years) beyond.
    Ticks name days of ``period`` only."""
    weekdays = period.days <= DAILY_TICK_DAYS
    inner = mdates.DayLocator() if weekdays else mdates.AutoDateLocator(minticks=3, maxticks=9)
    axes.xaxis.set_major_locator(PeriodTicks(inner, period))
    axes.xaxis.set_major_formatter(DateLabels(weekdays=weekdays))
