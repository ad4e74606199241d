"""Medication in plain words for the Medication & visits page: a schedule ("08:00 and
20:00 on Mon, Wed, Fri"), adherence ("6 of 7 taken") and the dates of a prescription.

A missed dose is information, never a reprimand (PRODUCT feature 7, docs/decisions.md
"Medication and visits"): the words count what was taken and what was expected, and
nothing here judges.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, time

from recovery_desktop.domain.calendar_text import WEEKDAYS, date_text, day_in
from recovery_desktop.domain.medication import Adherence, Medication, Repeat, Schedule

NOTHING_DUE = "none due"
EVERY_DAY = frozenset(range(7))


def clock_text(at: time) -> str:
    """ "08:00"."""
    return f"{at:%H:%M}"


def joined(parts: Sequence[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    if len(parts) < 2:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def weekdays_text(weekdays: frozenset[int]) -> str:
    """ "Mon, Wed, Fri" in week order (0 Monday … 6 Sunday)."""
    return ", ".join(WEEKDAYS[day][:3] for day in sorted(weekdays))


def times_text(schedule: Schedule) -> str:
    """ "08:00 and 20:00": the schedule's times of day in clock order."""
    return joined([clock_text(at) for at in sorted(schedule.times)])


def schedule_words(schedule: Schedule) -> str:
    """The schedule as the page lists it: "08:00 daily", "08:00 and 20:00 on Mon, Wed,
    Fri", "09:00 every 28 days", "10:00 every 2 weeks (Tue)", "as needed"."""
    if schedule.repeat is Repeat.AS_NEEDED:
        return "as needed"
    return f"{times_text(schedule)} {_days_words(schedule)}"


def _days_words(schedule: Schedule) -> str:
    if schedule.repeat is Repeat.WEEKDAYS:
        if schedule.weekdays >= EVERY_DAY:
            return "daily"
        return "on " + weekdays_text(schedule.weekdays)
    if schedule.repeat is Repeat.EVERY_N_DAYS:
        return "daily" if schedule.every == 1 else f"every {schedule.every} days"
    weekday = f" ({WEEKDAYS[schedule.anchor.weekday()][:3]})" if schedule.anchor else ""
    every = "weekly" if schedule.every == 1 else f"every {schedule.every} weeks"
    return every + weekday


def adherence_words(adherence: Adherence | None) -> str:
    """ "6 of 7 taken", or "none due" when nothing was expected (an "as needed"
    medication, or days before it started)."""
    if adherence is None or not adherence.expected:
        return NOTHING_DUE
    return f"{adherence.taken} of {adherence.expected} taken"


def adherence_detail(adherence: Adherence | None) -> str:
    """The whole count for a tooltip: "6 taken, 1 marked missed, 0 not ticked, of 7
    expected"; no dose was expected: a sentence saying so."""
    if adherence is None or not adherence.expected:
        return "No dose was expected in these days."
    return (
        f"{adherence.taken} taken, {adherence.missed} marked missed, "
        f"{adherence.unticked} not ticked, of {adherence.expected} expected"
    )


def day_text(day: date | None, today: date) -> str:
    """ "3 Nov", with the year when not ``today``'s ("3 Nov 2025"); "—" for no date."""
    return "—" if day is None else day_in(day, today, today, "%-d %b")


def dates_words(medication: Medication, today: date) -> str:
    """The start and stop dates: "since 1 Oct", "21 Oct – 25 Nov, stopped", "stopped 3 Nov",
    "21 Oct – 12 Dec" or "until 12 Dec" (a stop to come), "from 2 Dec" (a start to come),
    or "—" when neither is known. The list's Name column stays the name alone, so it is
    never cut off."""
    started, stopped = medication.started, medication.stopped
    over = is_stopped(medication, today)
    if started and stopped:
        span = f"{day_text(started, today)} – {day_text(stopped, today)}"
        return f"{span}, stopped" if over else span
    if stopped:
        return f"{'stopped' if over else 'until'} {day_text(stopped, today)}"
    if started:
        return f"{'from' if started > today else 'since'} {day_text(started, today)}"
    return "—"


def is_stopped(medication: Medication, today: date) -> bool:
    """Whether the medication has a stop date on or before ``today``: the page lists it
    greyed at the end (its dates end ", stopped"). A stop date still to come is not stopped yet."""
    return medication.stopped is not None and medication.stopped <= today


def long_day(day: date) -> str:
    """ "Monday 30 November 2026" (for questions that name a day)."""
    return date_text(day, "%A %-d %B %Y")
