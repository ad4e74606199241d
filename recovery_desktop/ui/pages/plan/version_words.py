"""A plan version in the app's words: its number, when it was kept, why, and what changed.

Qt-free, so the History list, the compare window and their tests share one wording. Times
are local wall-clock times as the user saw them (``PlanVersion.saved_at``), written by
``domain.calendar_text`` like every other date in the app.
"""

from __future__ import annotations

import re

from recovery_desktop.domain.calendar_text import date_text
from recovery_desktop.domain.plan import PlanVersion, VersionReason

WHEN_PATTERN = "%a %-d %b %Y, %H:%M"  # "Mon 30 Nov 2026, 14:05", as the People log
NOW_TITLE = "Your plan now"

# The label the data layer gives a RESTORED version: "Restored from version 3 (…)".
_RESTORED_FROM = re.compile(r"^Restored from version (\d+)\b")

_REASONS = {
    VersionReason.AUTOMATIC: "while editing",
    VersionReason.SAVED: "saved by you",
    VersionReason.BEFORE_RESTORE: "before a restore",
    VersionReason.RESTORED: "restored",
    VersionReason.IMPORTED: "brought in by an import",
}


def when_text(version: PlanVersion) -> str:
    """ "Mon 30 Nov 2026, 14:05"."""
    return date_text(version.saved_at, WHEN_PATTERN)


def restored_from(version: PlanVersion) -> int | None:
    """The number of the version a RESTORED version brought back, read from its label."""
    found = _RESTORED_FROM.match(version.label)
    if version.reason is not VersionReason.RESTORED or found is None:
        return None
    return int(found.group(1))


def reason_text(version: PlanVersion) -> str:
    """Why the version was kept, in plain words: "while editing", "saved by you",
    "before a restore", "restored from version 3"."""
    number = restored_from(version)
    if number is not None:
        return f"restored from version {number}"
    return _REASONS[version.reason]


_SENTENCES = {
    VersionReason.AUTOMATIC: "Kept while you were writing.",
    VersionReason.SAVED: "Saved by you.",
    VersionReason.BEFORE_RESTORE: "Kept just before a restore: your plan as it was then.",
    VersionReason.RESTORED: "Kept when an earlier version was restored.",
    VersionReason.IMPORTED: "Brought in by an import.",
}


def about_version(version: PlanVersion) -> str:
    """Why ``version`` was kept and what changed in it, in two or three sentences: "Saved
    by you. Label: reviewed with my counsellor. Sections changed since the version before:
    none."; for the first version "... The first version. Sections written in: My crisis
    plan."."""
    number = restored_from(version)
    why = (
        f"Kept when you restored version {number}."
        if number is not None
        else _SENTENCES[version.reason]
    )
    if label_text(version):
        why = f"{why} Label: {label_text(version)}."
    if version.number == 1 and version.changed:
        return f"{why} The first version. Sections written in: {_titles(version)}."
    if version.number == 1:
        return f"{why} The first version, before anything was written."
    return f"{why} Sections changed since the version before: {changed_text(version)}."


def label_text(version: PlanVersion) -> str:
    """The version's label as the list shows it: the user's own label, and nothing for the
    label a restore writes itself (the reason already says it)."""
    return "" if restored_from(version) is not None else version.label


def changed_text(version: PlanVersion) -> str:
    """The sections that changed, "Early warning signs and what I do, My crisis plan";
    "none" for a version saved as it was. For the first version (which lists the sections
    with something written) "first version: " before them, or "first version: nothing
    written yet"."""
    if version.number == 1:
        return f"first version: {_titles(version)}"
    return ", ".join(version.changed) or "none"


def _titles(version: PlanVersion) -> str:
    return ", ".join(version.changed) or "nothing written yet"


def version_title(version: PlanVersion) -> str:
    """ "Version 4 · Mon 30 Nov 2026, 14:05" (for window titles inside the app: no journal
    text, only the number and the time)."""
    return f"Version {version.number} · {when_text(version)}"
