"""Appointments in Today's and My day's short words."""

from datetime import date, datetime, time

from recovery_desktop.domain.appointment_words import (
    block_line,
    coming_up_line,
    day_word,
    minutes_of,
    next_change_at,
    on_timeline,
    times_text,
)
from recovery_desktop.domain.appointments import Appointment
from recovery_desktop.domain.day_plan import WakingWindow
from recovery_desktop.domain.sessions import AppointmentKind

MONDAY = date(2026, 11, 30)
THERAPY = Appointment(
    date(2026, 12, 1),
    AppointmentKind.THERAPY,
    time(10),
    60,
    with_whom="Sam",
    place="Clinic, room 4",
)


def test_coming_up_names_the_day_time_what_and_where():
    """Today and tomorrow by those words, later days by their short weekday."""
    assert coming_up_line(THERAPY, MONDAY) == "Tomorrow 10:00 · Therapy with Sam · Clinic, room 4"
    assert (
        coming_up_line(THERAPY, date(2026, 11, 29))
        == "Tue 10:00 · Therapy with Sam · Clinic, room 4"
    )
    assert day_word(MONDAY, MONDAY) == "Today"


def test_coming_up_without_time_or_place_says_less():
    group = Appointment(MONDAY, AppointmentKind.GROUP, None, title=" NA meeting ")
    assert coming_up_line(group, MONDAY) == "Today · NA meeting"


def test_a_block_line_gives_start_and_end_and_wraps_past_midnight():
    """90 minutes from 23:30 end at 01:00 the next morning; minutes keep counting."""
    late = Appointment(MONDAY, AppointmentKind.OTHER, time(23, 30), 90)
    assert block_line(THERAPY) == "Therapy with Sam · 10:00–11:00"
    assert times_text(late) == "23:30–01:00"
    assert minutes_of(late) == (1410, 1500)
    assert times_text(Appointment(MONDAY, AppointmentKind.DOCTOR)) == "time not set"


def test_the_card_changes_a_minute_after_todays_next_start():
    """Only today's appointments with a time still to come; the earliest one decides."""
    early = Appointment(MONDAY, AppointmentKind.DOCTOR, time(9))
    later = Appointment(MONDAY, AppointmentKind.GROUP, time(18))
    now = datetime(2026, 11, 30, 9, 30)
    assert next_change_at([early, later, THERAPY], now) == datetime(2026, 11, 30, 18, 1)
    assert next_change_at([THERAPY], now) is None


def test_the_timeline_draws_the_part_inside_the_waking_day():
    """07:00–23:00: 06:30 for an hour shows from 07:00; 23:30 and no time are not drawn."""
    window = WakingWindow(7 * 60, 23 * 60)
    early = Appointment(MONDAY, AppointmentKind.CLINIC, time(6, 30), 60)
    late = Appointment(MONDAY, AppointmentKind.OTHER, time(23, 30), 30)
    assert on_timeline(early, window) == (420, 450)
    assert on_timeline(THERAPY, window) == (600, 660)
    assert on_timeline(late, window) is None
    assert on_timeline(Appointment(MONDAY, AppointmentKind.DOCTOR), window) is None
