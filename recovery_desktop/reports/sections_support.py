"""The summary's "Meetings, therapy and medication": the check-ins' answers about a
meeting, therapy and medication, day by day counted as yes / no / not answered.

In a journal that keeps medication, its "Medication" section says how the doses went (the
ticks are the source of the check-in's medication answer, docs/decisions.md "Medication
and visits"); in one that keeps appointments, "Appointments" lists each session and how it
went. There this section leaves out what those say, so nothing is said twice, and its
heading names what is left ("Meetings and therapy"). In a journal holding both, only the
meetings line is left: it opens "Appointments" instead (:func:`meeting_line`) and this
section is not offered, which saves a heading and keeps the fullest demo week on two
pages."""

from __future__ import annotations

from recovery_desktop.domain.summary import Summary, YesNo
from recovery_desktop.domain.visits_read import APPOINTMENTS, MEDICATION
from recovery_desktop.reports.html_kit import esc, table
from recovery_desktop.reports.section_types import SectionSpec, SummaryContext

_MEETING, _THERAPY, _MEDICATION = "Went to a meeting", "Had therapy", "Took my medication"


def _rows(summary: Summary, held: frozenset[str]) -> list[tuple[str, YesNo]]:
    """The check-in answers no other section prints for a journal holding ``held``."""
    rows = [(_MEETING, summary.meeting)]
    rows += [] if APPOINTMENTS in held else [(_THERAPY, summary.therapy)]
    rows += [] if MEDICATION in held else [(_MEDICATION, summary.medication)]
    return rows


def _title(held: frozenset[str]) -> str:
    """ "Meetings, therapy and medication", less what other sections print."""
    left = ["therapy"] if APPOINTMENTS not in held else []
    left += ["medication"] if MEDICATION not in held else []
    if len(left) == 2:
        return "Meetings, therapy and medication"
    return " and ".join(["Meetings", *left])


def answer_line(label: str, answer: YesNo) -> str:
    """ "Went to a meeting: yes 3 · no 1 · not answered 3"."""
    return (
        f"{label}: yes {answer.yes} \u00b7 no {answer.no} \u00b7 not answered {answer.not_answered}"
    )


def meeting_line(summary: Summary) -> str:
    """The check-ins' meetings answer as one line, for "Appointments" in a journal keeping
    medication and appointments (where this section is not offered)."""
    return answer_line(_MEETING, summary.meeting)


def _support_data(context: SummaryContext) -> SummaryContext | None:
    """The context when an answer is printed; in a journal that keeps medication or
    appointments always (the meetings line then says "not answered 7")."""
    if context.visits.held & {MEDICATION, APPOINTMENTS}:
        return context
    summary = context.summary
    answered = [summary.meeting, summary.therapy, summary.medication]
    return context if any(a.yes or a.no for a in answered) else None


def _support_html(context: SummaryContext) -> str:
    """All three answers as a table; fewer (the others printed elsewhere) as one line
    each: "Went to a meeting: yes 3 · no 1 · not answered 3"."""
    rows = _rows(context.summary, context.visits.held)
    if len(rows) == 3:
        cells = [[label, str(a.yes), str(a.no), str(a.not_answered)] for label, a in rows]
        return table(["Days", "Yes", "No", "Not answered"], cells)
    lines = [answer_line(label, answer) for label, answer in rows]
    return "<p>" + "<br>".join(esc(line) for line in lines) + "</p>"


SUPPORT = SectionSpec(
    "support",
    "Meetings, therapy and medication",
    True,
    _support_data,
    _support_html,
    "No answers about meetings, therapy or medication.",
    left_out_with=frozenset({MEDICATION, APPOINTMENTS}),
    retitle=_title,
)
