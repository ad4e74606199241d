"""The summary's "My plan": the versions of the aftercare plan kept in the period, each
with when, its label (if any) and the sections that changed. Off by default, like the
check-in notes: a plan's section titles can be personal. A section hidden in the plan now
is never named (the data layer leaves its title out): it reads "a section I keep
private"."""

from __future__ import annotations

from recovery_desktop.domain.calendar_text import day_in
from recovery_desktop.domain.plan import PlanVersion, VersionReason
from recovery_desktop.reports.html_kit import esc
from recovery_desktop.reports.section_types import SectionSpec, SummaryContext

_REASONS = {
    VersionReason.AUTOMATIC: "kept while editing",
    VersionReason.SAVED: "saved",
    VersionReason.BEFORE_RESTORE: "kept before a restore",
    VersionReason.RESTORED: "restored",
    VersionReason.IMPORTED: "imported",
}


def _data(context: SummaryContext) -> SummaryContext | None:
    return context if context.plan_versions else None


def _version(version: PlanVersion) -> str:
    """ "Version 4, saved: “Reviewed with my counsellor”"."""
    text = f"Version {version.number}, {_REASONS[version.reason]}"
    return f"{text}: \u201c{version.label}\u201d" if version.label else text


def _changed(version: PlanVersion) -> str:
    """The titles changed, private ones (hidden in the plan now) only as "a section I keep
    private"."""
    private = {0: (), 1: ("a section I keep private",)}.get(
        version.private_changed, ("sections I keep private",)
    )
    titles = ", ".join((*version.changed, *private))
    if version.number == 1:
        return f"the first version: {titles or 'nothing written yet'}"
    return titles or "no section (kept as it was)"


def _html(context: SummaryContext) -> str:
    period = context.summary.period
    rows = "".join(
        "<tr>"
        f"<td>{esc(day_in(v.saved_at.date(), period.start, period.end, '%a %-d %b'))}, "
        f"{v.saved_at:%H:%M}</td><td>{esc(_version(v))}</td><td>{esc(_changed(v))}</td>"
        "</tr>"
        for v in context.plan_versions
    )
    head = "".join(
        f'<th width="{width}%">{title}</th>'
        for title, width in (("When", 24), ("Version", 31), ("Sections changed", 45))
    )
    return (
        '<table class="data" width="100%" cellspacing="0" cellpadding="5" border="1">'
        f"<tr>{head}</tr>{rows}</table>"
        f"<p class='small'>{esc(_footnote(len(context.plan_versions)))}</p>"
    )


def _footnote(count: int) -> str:
    kept = "One version" if count == 1 else f"{count} versions"
    return f"{kept} of my recovery plan kept in this period."


PLAN_VERSIONS = SectionSpec(
    "plan",
    "My plan",
    False,
    _data,
    _html,
    "No versions of my plan kept in this period.",
)
