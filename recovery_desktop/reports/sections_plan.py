"""The summary's "My plan": the versions of the aftercare plan kept in the period, each
with when, its label (if any) and the sections that changed. Off by default, like the
check-in notes: a plan's section titles can be personal."""

from __future__ import annotations

from recovery_desktop.domain.calendar_text import day_in
from recovery_desktop.domain.plan import PlanVersion, VersionReason
from recovery_desktop.reports.html_kit import esc, table
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


def _html(context: SummaryContext) -> str:
    period = context.summary.period
    rows = [
        [
            day_in(v.saved_at.date(), period.start, period.end, "%a %-d %b")
            + f", {v.saved_at:%H:%M}",
            _version(v),
            ", ".join(v.changed) or "no section (kept as it was)",
        ]
        for v in context.plan_versions
    ]
    return table(["When", "Version", "Sections changed"], rows) + (
        f"<p class='small'>{esc(_footnote(len(rows)))}</p>"
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
