"""The sections of the printed summary. Each has a title, a data function, an HTML
fragment and a default switch; later features add their sections to ``SECTIONS``
(the sections about recovery events live in :mod:`recovery_desktop.reports.sections_events`)."""

from __future__ import annotations

from collections.abc import Callable

from recovery_desktop.domain.calendar_text import day_in
from recovery_desktop.domain.checkin import Halt
from recovery_desktop.domain.summary import STAT_FIELDS, Summary
from recovery_desktop.domain.wording import plural
from recovery_desktop.reports.html_kit import (
    bullet_list,
    change,
    days,
    esc,
    number,
    paragraph,
    table,
)
from recovery_desktop.reports.section_types import SectionSpec, SummaryContext
from recovery_desktop.reports.sections_day import DAY_STRUCTURE
from recovery_desktop.reports.sections_events import (
    CLEAN_TIME,
    CRAVINGS,
    HELPED,
    LAPSES,
    PEOPLE,
)
from recovery_desktop.reports.sections_journal import SHARED_ENTRIES
from recovery_desktop.reports.sections_plan import PLAN_VERSIONS
from recovery_desktop.reports.sections_support import SUPPORT
from recovery_desktop.reports.sections_visits import APPOINTMENTS_SECTION, MEDICATION_SECTION

__all__ = ["SECTIONS", "SectionSpec", "SummaryContext", "section"]


# -- at a glance -------------------------------------------------------------------------
def _glance_data(context: SummaryContext) -> Summary | None:
    return None if context.summary.empty else context.summary


def _glance_html(summary: Summary) -> str:
    rows = []
    for key, label in STAT_FIELDS.items():
        value = summary.stats[key]
        unit = " h" if key == "sleep_hours" else ""
        if value.empty:
            rows.append([label, "not answered", "", "", ""])
            continue
        rows.append(
            [
                label,
                number(value.minimum, unit),
                number(value.average, unit),
                number(value.maximum, unit),
                change(value.change),
            ]
        )
    checked = f"Days checked in: {summary.days_checked_in} of {summary.days}"
    header = ["", "Lowest", "Average", "Highest", "Change in average*"]
    return (
        f"<p>{esc(checked + (' so far' if summary.so_far else ''))}</p>{table(header, rows)}"
        f"<p class='small'>{esc(_compared_note(summary))}</p>"
    )


def _compared_note(summary: Summary) -> str:
    """What the change is measured against: the period before, or as many of its first days
    as have come so far, so that three days are never compared with seven."""
    if not summary.so_far:
        return f"* compared with the period before: {summary.compared.label}"
    days = summary.compared.days
    first = "day" if days == 1 else plural(days, "day")
    return f"* so far, compared with the first {first} of the period before: " + (
        summary.compared.label
    )


# -- charts ------------------------------------------------------------------------------
def _chart_data(key: str, fields: tuple[str, ...]) -> Callable[[SummaryContext], str | None]:
    def data(context: SummaryContext) -> str | None:
        answered = any(not context.summary.stats[f].empty for f in fields)
        return context.images.get(key) if answered else None

    return data


def _chart_html(source: str) -> str:
    return f'<p><img src="{esc(source)}" width="660" height="220"></p>'


# -- use, HALT ------------------------------------------------------------------------
def _use_data(context: SummaryContext) -> Summary | None:
    used = context.summary.used
    return context.summary if used.yes or used.no else None


def _use_html(summary: Summary) -> str:
    used = summary.used
    parts = [
        f"Days I used: {used.yes}",
        f"Days I didn't use: {used.no}",
        f"Not answered: {used.not_answered}",
    ]
    to_come = " Days still to come are not counted." if summary.so_far else ""
    return f"<p>{esc(' · '.join(parts))}</p>" + (
        "<p class='small'>Days without a check-in count as not answered, never as used "
        f"or not used.{to_come}</p>"
    )


def _halt_html(halt: dict[Halt, int]) -> str:
    text = " · ".join(f"{h.label}: {days(n)}" for h, n in halt.items())
    return f"<p>{esc(text)}</p>"


# -- the user's words --------------------------------------------------------------------
def _notes_data(context: SummaryContext) -> Summary | None:
    return context.summary if context.summary.notes else None


def _notes_html(summary: Summary) -> str:
    period = summary.period
    return "".join(
        f"<p class='noteday'>{esc(day_in(day, period.start, period.end))}</p>"
        + paragraph(text, "note")
        for day, text in summary.notes
    )


def _goals_data(context: SummaryContext) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    current = context.notes.cleaned().goals
    return (context.previous_goals, current) if context.previous_goals or current else None


def _goals_html(goals: tuple[tuple[str, ...], tuple[str, ...]]) -> str:
    previous, current = goals
    out = ""
    if previous:
        out += "<p class='sub'>Goals I set last time</p>" + bullet_list(previous)
    out += "<p class='sub'>Goals for next week</p>"
    out += bullet_list(current) or "<p class='empty'>None written yet.</p>"
    return out


SECTIONS: tuple[SectionSpec, ...] = (
    SectionSpec(
        "glance", "At a glance", True, _glance_data, _glance_html, "No check-ins in this period."
    ),
    SectionSpec(
        "mood_chart",
        "Mood and craving",
        True,
        _chart_data("mood_craving", ("mood", "craving_peak")),
        _chart_html,
        "No mood or craving answers in this period.",
        ("mood_craving",),
    ),
    SectionSpec(
        "sleep_chart",
        "Sleep and stress",
        True,
        _chart_data("stress_sleep", ("sleep_hours", "stress")),
        _chart_html,
        "No sleep or stress answers in this period.",
        ("stress_sleep",),
    ),
    SectionSpec(
        "use",
        "Days used and not used",
        True,
        _use_data,
        _use_html,
        "No answers about using in this period.",
    ),
    CLEAN_TIME,
    LAPSES,
    CRAVINGS,
    HELPED,
    SectionSpec(
        "halt",
        "HALT: hungry, angry, lonely, tired",
        True,
        lambda c: c.summary.halt if any(c.summary.halt.values()) else None,
        _halt_html,
        "No HALT boxes ticked in this period.",
    ),
    SUPPORT,
    MEDICATION_SECTION,
    APPOINTMENTS_SECTION,
    PEOPLE,
    DAY_STRUCTURE,
    SectionSpec(
        "notes",
        "My check-in notes",
        False,
        _notes_data,
        _notes_html,
        "No check-in notes in this period.",
    ),
    SHARED_ENTRIES,
    PLAN_VERSIONS,
    SectionSpec(
        "talk",
        "Things I want to talk about",
        True,
        lambda c: c.notes.cleaned().talk_about,
        bullet_list,
        "Nothing added.",
        recorded=False,
    ),
    SectionSpec(
        "goals", "Goals", True, _goals_data, _goals_html, "No goals written.", recorded=False
    ),
)


def section(key: str) -> SectionSpec:
    for spec in SECTIONS:
        if spec.key == key:
            return spec
    raise KeyError(key)
