"""Backups in words: when one was taken, why, how big it is and what it holds."""

from __future__ import annotations

from datetime import datetime, timedelta

from recovery_desktop.domain.calendar_text import date_text
from recovery_desktop.domain.wording import plural

REASONS = {
    "daily": "daily",
    "weekly": "weekly",
    "on-close": "when the app closed",
    "close": "when the app closed",
    "before-upgrade": "before an upgrade",
    "before-restore": "before a restore",
    "before-import": "before an import",
    "before-rekey": "before a new encryption key",
    "manual": "by hand",
}

COUNTED = (
    ("checkins", "check-in"),
    ("cravings", "craving"),
    ("contacts", "contact"),
    ("reach_outs", "reach-out"),
    ("lapses", "lapse"),
    ("day_blocks", "planned block"),
    ("plan_versions", "plan version"),
)


def reason_words(reason: str) -> str:
    """ "before an upgrade" for ``before-upgrade``; unknown reasons as plain words."""
    return REASONS.get(reason, reason.replace("-", " "))


def moment_text(moment: datetime, seconds: bool = False) -> str:
    """ "Mon 30 Nov 2026, 06:15" (``moment`` in the time zone it should be read in);
    ``seconds``: "06:15:42", to tell apart two backups of one minute."""
    return date_text(moment, "%a %-d %b %Y, %H:%M:%S" if seconds else "%a %-d %b %Y, %H:%M")


def span_words(span: timedelta) -> str:
    """ "3 hours", "2 days", "5 minutes", "less than a minute" (never negative)."""
    seconds = max(0, int(span.total_seconds()))
    if seconds < 60:
        return "less than a minute"
    for size, unit in ((86400 * 7, "week"), (86400, "day"), (3600, "hour"), (60, "minute")):
        if seconds >= size * (2 if unit == "week" else 1):
            return plural(seconds // size, unit)
    return plural(seconds // 60, "minute")


def about_span_words(span: timedelta) -> str:
    """ "about 3 hours", "about 1 minute", but "less than a minute" on its own: a span said
    with "about" in front ("about less than a minute" is no English)."""
    words = span_words(span)
    return words if words == "less than a minute" else f"about {words}"


def when_words(taken: datetime, now: datetime, seconds: bool = False) -> str:
    """ "Mon 30 Nov 2026, 06:15 — 3 hours ago", in local time (both arguments aware);
    ``seconds``: the time to the second."""
    local = taken.astimezone()
    ago = now - taken
    relative = "just now" if ago < timedelta(minutes=1) else f"{span_words(ago)} ago"
    return f"{moment_text(local, seconds)} — {relative}"


def size_words(size_bytes: int) -> str:
    """ "1.4 MB", "320 KB"."""
    if size_bytes >= 1_000_000:
        return f"{size_bytes / 1_000_000:.1f} MB"
    return f"{max(1, round(size_bytes / 1000))} KB"


def counts_words(counts: dict[str, int]) -> str:
    """ "42 check-ins, 17 cravings, 3 contacts, 9 reach-outs, 1 lapse"."""
    return ", ".join(plural(counts.get(key, 0), one) for key, one in COUNTED)
