"""Summary sections about recovery events: clean time, lapses, cravings, what helped and the
people reached. Every word the user typed is escaped; names of other people print only when
the user asked for them."""

from __future__ import annotations

from datetime import date, datetime

from recovery_desktop.domain.calendar_text import day_in
from recovery_desktop.domain.cravings import CopingEffect, CravingSummary
from recovery_desktop.domain.periods import Period
from recovery_desktop.domain.recovery_time import Lapse
from recovery_desktop.domain.summary_events import CleanTimeAt, RoleReach
from recovery_desktop.domain.wording import plural, plural_decimal
from recovery_desktop.reports.html_kit import bullet_list, esc, number
from recovery_desktop.reports.section_types import SectionSpec, SummaryContext

TOP_TRIGGERS = 3
# Times of day in the order a day runs; the hours are domain.cravings.TIMES_OF_DAY's
# (night 22:00-05:00, morning to 12:00, afternoon to 17:00, evening to 22:00).
DAY_ORDER = ("Morning", "Afternoon", "Evening", "Night")


def _line(*parts: str) -> str:
    """One paragraph of parts joined by a middle dot; every part escaped."""
    return "<p>" + " \u00b7 ".join(esc(p) for p in parts if p) + "</p>"


def _when(moment: datetime, period: Period) -> str:
    return day_in(moment, period.start, period.end, "%A %-d %B, %H:%M")


# -- clean time --------------------------------------------------------------------------
def _between_lapse_and_restart(entry: CleanTimeAt) -> str:
    """No count running on the day: "last lapse 4 November; counting again from 16 November"
    (the lapse's own day, and the restart when there is one)."""
    if entry.last_lapse is None:
        return "not counting"
    lapse = f"last lapse {_on(entry.last_lapse, entry)}"
    if entry.restart is None:
        return lapse
    return f"{lapse}; counting again from {_on(entry.restart, entry)}"


def _on(day: date, entry: CleanTimeAt) -> str:
    """ "4 November", with the year when it is not the year of the day counted to."""
    return day_in(day, entry.day, entry.day, "%-d %B")


def _clean_line(entry: CleanTimeAt) -> str:
    on_day = _on(entry.day, entry)
    time = entry.time
    if time is None:
        now = _between_lapse_and_restart(entry)
    elif time.streak == 0:
        now = f"day one on {on_day}"
    else:
        now = f"{plural(time.streak, 'day')} in a row on {on_day}"
    return _line(f"{entry.substance}: {now}", f"{plural(entry.cumulative, 'clean day')} in all")


def _clean_html(clean: tuple[CleanTimeAt, ...]) -> str:
    return "".join(_clean_line(entry) for entry in clean)


CLEAN_TIME = SectionSpec(
    "clean_time",
    "Clean time",
    True,
    lambda c: c.events.clean,
    _clean_html,
    "No clean date set.",
)


# -- lapses ------------------------------------------------------------------------------
LAPSE_ANSWERS = (
    ("before", "What happened before:"),
    ("would_help", "What would help next time:"),
    ("tell", "Who I want to tell:"),
)


def _answer(label: str, text: str) -> str:
    body = esc(text.strip()).replace("\n", "<br>")
    return f"<p class='note'><b>{esc(label)}</b> {body}</p>"


def _lapse_html(lapse: Lapse, period: Period) -> str:
    answers = [(label, getattr(lapse, key)) for key, label in LAPSE_ANSWERS]
    written = "".join(_answer(label, text) for label, text in answers if text.strip())
    heading = f"{_when(lapse.at, period)} \u00b7 {lapse.substance}"
    return f"<p class='noteday'>{esc(heading)}</p>" + (
        written or "<p class='note empty'>Nothing written about it yet.</p>"
    )


def _lapses_data(context: SummaryContext) -> tuple[tuple[Lapse, ...], Period] | None:
    lapses = context.events.lapses
    return (lapses, context.summary.period) if lapses else None


def _lapses_html(data: tuple[tuple[Lapse, ...], Period]) -> str:
    lapses, period = data
    listed = "".join(_lapse_html(lapse, period) for lapse in lapses)
    return f"<p>Lapses recorded: {len(lapses)}</p>{listed}"


LAPSES = SectionSpec(
    "lapses",
    "Lapses",
    True,
    _lapses_data,
    _lapses_html,
    "No lapses recorded in this period.",
)


# -- cravings ----------------------------------------------------------------------------
def _cravings_data(context: SummaryContext) -> CravingSummary | None:
    summary = context.events.cravings
    return summary if summary.count else None


def _cravings_html(summary: CravingSummary) -> str:
    first = [f"Cravings logged: {summary.count}"]
    if summary.peak is not None:
        first.append(f"strongest {summary.peak}, average {number(summary.average)} (0\u201310)")
    first.append(f"passed: {summary.passed}")
    if summary.used:
        first.append(f"ended in using: {summary.used}")
    triggers = [f"{name} ({n})" for name, n in summary.common_triggers[:TOP_TRIGGERS]]
    times = [f"{t.lower()} {summary.times_of_day.get(t, 0)}" for t in DAY_ORDER]
    return (
        _line(*first)
        + _line("Most common triggers: " + (", ".join(triggers) or "none noted"))
        + _line("Times of day: " + " \u00b7 ".join(times))
    )


CRAVINGS = SectionSpec(
    "cravings",
    "Cravings",
    True,
    _cravings_data,
    _cravings_html,
    "No cravings logged in this period.",
)


# -- what helped -------------------------------------------------------------------------
def _helped_item(effect: CopingEffect) -> str:
    lower = plural_decimal(effect.average_drop, "point")
    return f"{effect.name}: {lower} lower on average (used {plural(effect.uses, 'time')})"


def _helped_html(helped: tuple[CopingEffect, ...]) -> str:
    return bullet_list(_helped_item(e) for e in helped)


HELPED = SectionSpec(
    "helped",
    "What helped most",
    True,
    lambda c: c.events.helped,
    _helped_html,
    "No coping action lowered a craving with the intensity noted before and after.",
)


# -- people ------------------------------------------------------------------------------
def _people_data(context: SummaryContext) -> SummaryContext | None:
    return context if context.events.reach_outs else None


def _role_part(reach: RoleReach, show_names: bool) -> str:
    if not show_names:
        return f"{reach.role.label} {reach.count}"
    who = ", ".join(f"{name} {count}" for name, count in reach.names)
    return f"{reach.role.label}: {who}"


def _people_html(context: SummaryContext) -> str:
    events = context.events
    total = f"Reach-outs: {events.reach_outs} (it helped {events.reach_outs_helped})"
    return _line(total, *(_role_part(r, context.show_names) for r in events.people))


PEOPLE = SectionSpec(
    "people",
    "People I reached out to",
    True,
    _people_data,
    _people_html,
    "No reach-outs logged in this period.",
)
