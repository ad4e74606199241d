"""Appointments in the short words Today's "Coming up" card and My day's blocks use.

"Tue 10:00 · Therapy with Sam · Clinic, room 4" on Today (today and tomorrow by those
words, later days by the weekday), "Therapy with Sam · 10:00–11:00" on My day. The times
are the local clock times the user gave (``domain/appointments.py``).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from recovery_desktop.domain.appointments import Appointment
from recovery_desktop.domain.calendar_text import weekday_name
from recovery_desktop.domain.day_plan import DAY_MINUTES, WakingWindow, minute_text
from recovery_desktop.domain.wording import shortened


def day_word(day: date, today: date) -> str:
    """ "Today", "Tomorrow", else the short weekday ("Wed")."""
    if day == today:
        return "Today"
    if day == today + timedelta(days=1):
        return "Tomorrow"
    return weekday_name(day, short=True)


def coming_up_line(appointment: Appointment, today: date) -> str:
    """ "Tue 10:00 · Therapy with Sam · Clinic, room 4": when, what, and where when the
    place is given; an appointment without a time says only the day."""
    when = day_word(appointment.day, today)
    if appointment.at is not None:
        when = f"{when} {appointment.at:%H:%M}"
    parts = [when, shortened(appointment.name), shortened(appointment.place.strip())]
    return " · ".join(part for part in parts if part)


def minutes_of(appointment: Appointment) -> tuple[int, int] | None:
    """Start and end as minutes from the day's midnight (the end may pass the next
    midnight: 23:30 for 90 minutes ends at minute 1500); None without a time."""
    if appointment.at is None:
        return None
    start = appointment.at.hour * 60 + appointment.at.minute
    return start, start + appointment.minutes


def on_timeline(appointment: Appointment, window: WakingWindow) -> tuple[int, int] | None:
    """Where My day's timeline draws ``appointment``: its minutes cut to the waking
    ``window``; None without a time or wholly outside the window (the side column names
    it instead)."""
    span = minutes_of(appointment)
    if span is None:
        return None
    low, high = window.span
    start, end = max(span[0], low), min(span[1], high)
    return (start, end) if start < end else None


def times_text(appointment: Appointment) -> str:
    """ "10:00–11:00", or "time not set"."""
    span = minutes_of(appointment)
    if span is None:
        return "time not set"
    return f"{minute_text(span[0])}–{minute_text(span[1] % DAY_MINUTES)}"


def block_line(appointment: Appointment) -> str:
    """ "Therapy with Sam · 10:00–11:00", as My day shows an appointment."""
    return f"{shortened(appointment.name)} · {times_text(appointment)}"


def next_change_at(appointments: list[Appointment], now: datetime) -> datetime | None:
    """When the first appointment still shown today starts (after it, "Coming up" no
    longer lists it); None when none of them is today with a time still to come."""
    starts = [
        datetime.combine(a.day, a.at)
        for a in appointments
        if a.day == now.date() and a.at is not None and a.at >= now.time()
    ]
    soonest = min(starts, default=None)
    return None if soonest is None else soonest + timedelta(minutes=1)
