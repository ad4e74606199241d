"""The summary's "Medication" (doses taken of those expected, per medication, and the
missed ones by day) and "Appointments" (how they went, by day, and the next one).

Both are offered only in a journal that holds such records (``SectionSpec.needs``) and are
on by default there; in one holding both, "Appointments" opens with the check-ins'
meetings line (``sections_support``). A missed dose or appointment is information for the
user and their therapist, never a reprimand: the words only count and name (PRODUCT feature 7).
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
    attendance_counts,
)
from recovery_desktop.domain.wording import plural
from recovery_desktop.reports.html_kit import esc
from recovery_desktop.reports.section_types import SectionSpec, SummaryContext
from recovery_desktop.reports.sections_support import meeting_line

MAX_MISSED_LISTED = 12  # a long period lists the first ones and counts the rest
MAX_APPOINTMENTS_LISTED = 12


def taken_text(adherence: Adherence, missed_when: str = "") -> str:
    """ "12 of 14 doses taken (86%)", with the doses missed (``missed_when`` after them in
    brackets: "1 missed (Tue 24 Nov 08:00)") and not ticked either way."""
    share = adherence.share
    text = f"{adherence.taken} of {plural(adherence.expected, 'dose')} taken"
    if share is not None:
        text += f" ({round(share * 100)}%)"
    parts = [text]
    if adherence.missed:
        parts.append(f"{adherence.missed} missed" + (f" ({missed_when})" if missed_when else ""))
    if adherence.unticked:
        parts.append(f"{adherence.unticked} not ticked")
    return " · ".join(parts)


def _when(day: date, at: time | None, period: Period) -> str:
    text = day_in(day, period.start, period.end, "%a %-d %b")
    return f"{text} {at:%H:%M}" if at is not None else text


def listed(items: list[str], limit: int, sep: str = ", ") -> str:
    """The first ``limit`` items joined by ``sep``, the rest counted: "a, b, and 3 more"."""
    more = len(items) - limit
    return sep.join(items[:limit] + ([f"and {more} more"] if more > 0 else []))


def _medication_data(context: SummaryContext) -> SummaryContext | None:
    visits = context.visits
    expected = any(m.adherence.expected for m in visits.medication)
    return context if expected or visits.missed else None


def _medication_html(context: SummaryContext) -> str:
    """One line per medication with doses expected, its missed doses by day and time in
    brackets: "Buprenorphine: 12 of 14 doses taken (86%) · 1 missed (Tue 24 Nov 08:00) ·
    1 not ticked", the first :data:`MAX_MISSED_LISTED` named and the rest counted. A dose
    ticked missed of a medication with none expected in the period (its schedule changed
    since) is named on a line of its own: "Missed: Tue 24 Nov 08:00 (Methadone)"."""
    period = context.summary.period
    visits = context.visits
    lines = []
    for medication in visits.medication:
        when = [_when(d.day, d.at, period) for d in visits.missed if d.name == medication.name]
        missed = listed(when, MAX_MISSED_LISTED) if medication.adherence.missed else ""
        lines.append(f"{medication.name}: {taken_text(medication.adherence, missed)}")
    counted = {m.name for m in visits.medication if m.adherence.missed}
    others = [f"{_when(d.day, d.at, period)} ({d.name})" for d in visits.missed]
    others = [o for o, d in zip(others, visits.missed, strict=True) if d.name not in counted]
    if others:
        lines.append("Missed: " + listed(others, MAX_MISSED_LISTED))
    so_far = " Doses still to come are not counted." if context.summary.so_far else ""
    return (
        "<p>"
        + "<br>".join(esc(line) for line in lines)
        + "</p>"
        + (
            "<p class='small'>Doses expected by my schedule in this period; "
            f"\u201cas needed\u201d doses are never counted.{so_far}</p>"
        )
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


def _with_meetings(context: SummaryContext) -> bool:
    """Whether "Appointments" opens with the check-ins' meetings line: in a journal keeping
    medication too, where "Meetings, therapy and medication" is not offered."""
    return MEDICATION in context.visits.held


def _appointments_data(context: SummaryContext) -> SummaryContext | None:
    visits = context.visits
    wanted = visits.appointments or visits.next_appointment or _with_meetings(context)
    return context if wanted else None


def _counts_line(context: SummaryContext) -> str:
    """ "Attended: 1 · Missed: 1 · Rescheduled: 1 · Next: Tue 8 Dec 17:00, Therapy"."""
    visits = context.visits
    parts = ["No appointments in this period"]
    if visits.appointments:
        counts = attendance_counts(visits.appointments)
        parts = [
            f"Attended: {counts.attended}",
            f"Missed: {counts.missed}",
            f"Rescheduled: {counts.rescheduled}",
        ]
    after = visits.next_appointment
    if after is not None:
        when = _when(after.day, after.at, Period(after.day, after.day))
        parts.append(f"Next: {when}, {appointment_name(after, context.show_names)}")
    return " \u00b7 ".join(parts)


def _appointments_html(context: SummaryContext) -> str:
    """The check-ins' meetings line where no other section prints it (``_with_meetings``),
    the counts and the next one (``_counts_line``), then each appointment by day and how it
    went on one line ("Tue 1 Dec 17:00 Therapy: attended · …"), the first
    :data:`MAX_APPOINTMENTS_LISTED` named, the rest counted."""
    summary = context.summary
    today = summary.counted.end if summary.so_far and summary.counted else None
    each = [
        f"{_when(a.day, a.at, summary.period)} {appointment_name(a, context.show_names)}: "
        + _how(a, today)
        for a in context.visits.appointments
    ]
    lines = [meeting_line(summary)] if _with_meetings(context) else []
    lines.append(_counts_line(context))
    lines += [listed(each, MAX_APPOINTMENTS_LISTED, " \u00b7 ")] if each else []
    return "<p>" + "<br>".join(esc(line) for line in lines) + "</p>"


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
