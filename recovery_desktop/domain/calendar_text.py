"""Dates as text in the app's language, whatever the process locale says.

Qt calls ``setlocale(LC_ALL, "")`` when the application starts, and from then on ``strftime``
writes weekday and month names in the system's language: under ``LANG=fr_FR.UTF-8`` an English
sentence read "16–22 novembre 2026" and chart ticks "lun. 16 nov.". Every date a person reads
(screens, the weekly summary, charts, the command line) is written here instead, from the app's
own names. Until translations exist the language is English; a translation adds its names
beside these and nothing else changes.
"""

from __future__ import annotations

import re
from datetime import date, datetime

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
# Short names are the first three letters in English ("Mon", "Sep").
SHORT = 3

_DIRECTIVE = re.compile(r"%(-?[a-zA-Z%])")


def weekday_name(day: date, short: bool = False) -> str:
    """ "Monday", or "Mon" when ``short``."""
    name = WEEKDAYS[day.weekday()]
    return name[:SHORT] if short else name


def month_name(day: date, short: bool = False) -> str:
    """ "November", or "Nov" when ``short``."""
    name = MONTHS[day.month - 1]
    return name[:SHORT] if short else name


def _field(moment: date, directive: str) -> str:
    clock = moment if isinstance(moment, datetime) else None
    fields = {
        "a": lambda: weekday_name(moment, short=True),
        "A": lambda: weekday_name(moment),
        "b": lambda: month_name(moment, short=True),
        "B": lambda: month_name(moment),
        "d": lambda: f"{moment.day:02d}",
        "-d": lambda: str(moment.day),
        "m": lambda: f"{moment.month:02d}",
        "Y": lambda: f"{moment.year:04d}",
        "%": lambda: "%",
    }
    if clock is not None:
        fields["H"] = lambda: f"{clock.hour:02d}"
        fields["M"] = lambda: f"{clock.minute:02d}"
        fields["S"] = lambda: f"{clock.second:02d}"
    if directive not in fields:
        raise ValueError(f"Unsupported date directive %{directive}")
    return fields[directive]()


def date_text(moment: date, pattern: str) -> str:
    """``moment`` written by ``pattern``, a subset of ``strftime``: ``%a %A %b %B`` (names in
    the app's language), ``%d`` (two digits), ``%-d`` (no leading zero, on every platform),
    ``%m %Y``, and ``%H %M %S`` for a ``datetime``; ``%%`` is a percent sign.

    ``date_text(date(2026, 11, 16), "%a %-d %b %Y")`` -> "Mon 16 Nov 2026".
    Raises ValueError for any other directive, so a pattern cannot fall back to the locale.
    """
    return _DIRECTIVE.sub(lambda match: _field(moment, match.group(1)), pattern)


def long_date(day: date, year: bool = True) -> str:
    """ "21 November 2026", or "21 November" without the year."""
    return date_text(day, "%-d %B %Y" if year else "%-d %B")


def short_day(day: date) -> str:
    """ "Mon 30 Nov"."""
    return date_text(day, "%a %-d %b")


def short_day_seen_from(day: date, today: date) -> str:
    """ "Mon 30 Nov", with the year when ``day`` is not in ``today``'s year
    ("Mon 2 Dec 2024")."""
    return day_in(day, today, today, "%a %-d %b")


def day_in(moment: date, first: date, last: date, pattern: str = "%A %-d %B") -> str:
    """``moment`` by ``pattern`` (written without a year), with " %Y" added when the span
    ``first``..``last`` it is read within covers more than one year or ``moment`` lies in
    another year: "Tuesday 2 June" in a week of 2026, "Tuesday 2 June 2009" in a summary
    of twenty years. A time of day in ``pattern`` stays after the year
    ("%A %-d %B, %H:%M" -> "Tuesday 2 June 2009, 21:30")."""
    if first.year == last.year == moment.year:
        return date_text(moment, pattern)
    date_part, comma, time_part = pattern.partition(",")
    return date_text(moment, f"{date_part} %Y{comma}{time_part}")


def day_heading(day: date, today: date, short: bool = False) -> str:
    """A page's heading for ``day``: "Today, Monday 30 November", "Yesterday, …", else
    the date with its year ("Friday 27 November 2026"); ``short``: "Today, Mon 30 Nov",
    "Fri 27 Nov 2026" (for a heading that shares its line with the page's name)."""
    pattern = "%a %-d %b" if short else "%A %-d %B"
    if day == today:
        return "Today, " + date_text(day, pattern)
    if (today - day).days == 1:
        return "Yesterday, " + date_text(day, pattern)
    return date_text(day, f"{pattern} %Y")
