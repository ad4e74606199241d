"""The summary's "Medication" (doses taken of those expected, per medication, and the
missed ones by day) and "Appointments" (how they went, by day, and the next one).

Both are offered only in a journal that holds such records (``SectionSpec.needs``) and are
on by default there. A missed dose or appointment is information for the user and their
therapist, never a reprimand: the words only count and name (PRODUCT feature 7).
People's names (``with_whom``) print only when "Show names of people I reached" is on,
as for reach-outs; otherwise an appointment is named by its kind."""

from __future__ import annotations

from datetime import date, time

from recovery_desktop.domain.appointments import Appointment
from recovery_desktop.domain.calendar_text import day_in
from recovery_desktop.domain.medication import Adherence
from recovery_desktop.domain.periods import Period
from recovery_desktop.domain.sessions import Attendance
from recovery_desktop.domain.visits_read import (
    APPOINTMENTS,
    MEDICATION,
    MissedDose,
    attendance_counts,
)
from recovery_desktop.domain.wording import plural
from recovery_desktop.reports.html_kit import esc, table
from recovery_desktop.reports.section_types import SectionSpec, SummaryContext

MAX_MISSED_LISTED = 20  # a long period lists the first ones and counts the rest


def taken_text(adherence: Adherence) -> str:
    """ "12 of 14 doses taken (86%)", with the doses missed and not ticked either way."""
    share = adherence.share
    text = f"{adherence.taken} of {plural(adherence.expected, 'dose')} taken"
    if share is not None:
        text += f" ({round(share * 100)}%)"
    parts = [text]
    if adherence.missed:
        parts.append(f"{adherence.missed} missed")
    if adherence.unticked:
        parts.append(f"{adherence.unticked} not ticked")
    return " · ".join(parts)


def _when(day: date, at: time | None, period: Period) -> str:
    text = day_in(day, period.start, period.end, "%a %-d %b")
    return f"{text} {at:%H:%M}" if at is not None else text


def _missed_line(dose: MissedDose, period: Period) -> str:
    """ "Missed: Tue 24 Nov 08:00 (Buprenorphine)"."""
    return f"Missed: {_when(dose.day, dose.at, period)} ({dose.name})"


def _medication_data(context: SummaryContext) -> SummaryContext | None:
    visits = context.visits
    expected = any(m.adherence.expected for m in visits.medication)
    return context if expected or visits.missed else None


def _medication_html(context: SummaryContext) -> str:
    period = context.summary.period
    visits = context.visits
    rows = [[m.name, taken_text(m.adherence)] for m in visits.medication if m.adherence.expected]
    out = table(["Medication", "Doses"], rows) if rows else ""
    shown = visits.missed[:MAX_MISSED_LISTED]
    lines = [_missed_line(dose, period) for dose in shown]
    more = len(visits.missed) - len(shown)
    if more:
        lines.append(f"… and {plural(more, 'more missed dose', 'more missed doses')}")
    if lines:
        out += "<p>" + "<br>".join(esc(line) for line in lines) + "</p>"
    so_far = " Doses still to come are not counted." if context.summary.so_far else ""
    return out + (
        "<p class='small'>Doses expected by my schedule in this period; "
        f"\u201cas needed\u201d doses are never counted.{so_far}</p>"
    )


_HOW = {
    Attendance.ATTENDED: "attended",
    Attendance.MISSED: "missed",
    Attendance.RESCHEDULED: "rescheduled",
}


def appointment_name(appointment: Appointment, show_names: bool) -> str:
    """The title or "Therapy with Sam" when names are shown, else the title or the kind
    ("Therapy"): a title the user wrote is theirs, a person's name is not printed."""
    if show_names:
        return appointment.name
    return appointment.title.strip() or appointment.kind.label


def _how(appointment: Appointment, today: date | None) -> str:
    """How it went; ``today`` while the period runs (None once it is over)."""
    if appointment.attendance is not None:
        return _HOW[appointment.attendance]
    return "still to come" if today and appointment.day >= today else "not marked yet"


def _appointments_data(context: SummaryContext) -> SummaryContext | None:
    visits = context.visits
    return context if visits.appointments or visits.next_appointment else None


def _appointments_html(context: SummaryContext) -> str:
    period = context.summary.period
    visits, names = context.visits, context.show_names
    summary = context.summary
    today = summary.counted.end if summary.so_far and summary.counted else None
    counts = attendance_counts(visits.appointments)
    out = ""
    if visits.appointments:
        line = f"Attended: {counts.attended} · Missed: {counts.missed} · "
        line += f"Rescheduled: {counts.rescheduled}"
        out += f"<p>{esc(line)}</p>"
        rows = [
            [_when(a.day, a.at, period), appointment_name(a, names), _how(a, today)]
            for a in visits.appointments
        ]
        out += table(["When", "Appointment", "How it went"], rows)
    else:
        out += "<p class='empty'>No appointments in this period.</p>"
    after = visits.next_appointment
    if after is not None:
        when = day_in(after.day, after.day, after.day, "%a %-d %b")
        when += f" {after.at:%H:%M}" if after.at else ""
        out += f"<p>{esc(f'Next: {when}, {appointment_name(after, names)}')}</p>"
    return out


MEDICATION_SECTION = SectionSpec(
    "medication",
    "Medication",
    True,
    _medication_data,
    _medication_html,
    "No doses were expected by my schedules in this period.",
    needs=MEDICATION,
)

APPOINTMENTS_SECTION = SectionSpec(
    "appointments",
    "Appointments",
    True,
    _appointments_data,
    _appointments_html,
    "No appointments in this period, and none coming up.",
    needs=APPOINTMENTS,
)
