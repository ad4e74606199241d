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
from recovery_desktop.reports.html_kit import esc
from recovery_desktop.reports.section_types import SummaryContext

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


def _medication_lines(context: SummaryContext) -> list[str]:
    """The doses of each medication on one line, the missed ones on the next."""
    period = context.summary.period
    visits = context.visits
    if not visits.medication and not visits.missed:
        return ["No doses were expected by my schedules in this period."]
    lines = ["; ".join(f"{m.name}: {taken_text(m.adherence)}" for m in visits.medication)]
    shown = visits.missed[:MAX_MISSED_LISTED]
    missed = [_missed_line(dose, period) for dose in shown[:1]]
    missed += [f"{_when(d.day, d.at, period)} ({d.name})" for d in shown[1:]]
    more = len(visits.missed) - len(shown)
    if more:
        missed.append(f"and {more} more")
    if missed:
        lines.append(" \u00b7 ".join(missed))
    return [line for line in lines if line]


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


def _appointment_lines(context: SummaryContext) -> list[str]:
    """The counts and the next one, then each appointment and how it went."""
    period, summary = context.summary.period, context.summary
    visits, names = context.visits, context.show_names
    today = summary.counted.end if summary.so_far and summary.counted else None
    first = []
    if visits.appointments:
        counts = attendance_counts(visits.appointments)
        first.append(
            f"Attended: {counts.attended} \u00b7 Missed: {counts.missed} \u00b7 "
            f"Rescheduled: {counts.rescheduled}"
        )
    else:
        first.append("No appointments in this period")
    after = visits.next_appointment
    if after is not None:
        when = _when(after.day, after.at, Period(after.day, after.day))
        first.append(f"Next: {when}, {appointment_name(after, names)}")
    each = [
        f"{_when(a.day, a.at, period)} {appointment_name(a, names)}: {_how(a, today)}"
        for a in visits.appointments
    ]
    return [" \u00b7 ".join(first), *([" \u00b7 ".join(each)] if each else [])]


def visits_html(context: SummaryContext, first: str) -> str:
    """Small print after ``first`` (the meetings line), as "Structure of my days": so the
    demo's lapse week, the fullest the tests print, still fits on two pages. Each part is
    printed when the journal holds its kind. The counting rules ("as needed" never counted,
    doses still to come neither) are in the README."""
    held = context.visits.held
    lines = [first]
    lines += _medication_lines(context) if MEDICATION in held else []
    lines += _appointment_lines(context) if APPOINTMENTS in held else []
    return "<p class='small'>" + "<br>".join(esc(line) for line in lines) + "</p>"
