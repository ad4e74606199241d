"""Small per-journal preferences, stored inside the encrypted journal as JSON values."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from recovery_desktop.data.changes import Change, ChangeFeed
from recovery_desktop.data.connection import sql_errors
from recovery_desktop.domain.contacts import DEFAULT_REACH_OUT_REMINDER_DAYS
from recovery_desktop.domain.day_plan import WakingWindow
from recovery_desktop.domain.summary import MAX_NAME_CHARACTERS, SummaryOptions

if TYPE_CHECKING:
    from sqlite_utils import Database

AUTO_LOCK_MINUTES = "auto_lock_minutes"
REACH_OUT_REMINDER_DAYS = "people.reminder_days"
SUMMARY_SECTIONS = "summary.sections"
SUMMARY_NAME = "summary.name"
SUMMARY_DISCREET = "summary.discreet"
SUMMARY_SHOW_NAMES = "summary.show_names"
COUNTING_CLEAN_TIME = "clean_time.counting"
WAKING_WINDOW = "day_plan.waking_window"
DEFAULT_AUTO_LOCK_MINUTES = 5


class PreferenceRepository:
    """The ``preferences`` table."""

    def __init__(self, db: Database, changes: ChangeFeed) -> None:
        self._db = db
        self._changes = changes

    def get(self, key: str, default: Any = None) -> Any:
        with sql_errors():
            row = self._db.execute("SELECT value FROM preferences WHERE key = ?", [key]).fetchone()
        if row is None:
            return default
        try:
            return json.loads(row[0])
        except json.JSONDecodeError:
            return default

    def set(self, key: str, value: Any, kind: Change = Change.PREFERENCES) -> None:
        """Store ``value`` under ``key``; ``kind`` is what changed for the screens."""
        with sql_errors(), self._changes.writing(self._db, kind):
            self._db.execute(
                "INSERT INTO preferences (key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [key, json.dumps(value)],
            )

    def auto_lock_minutes(self) -> int:
        value = self.get(AUTO_LOCK_MINUTES, DEFAULT_AUTO_LOCK_MINUTES)
        return value if isinstance(value, int) and 1 <= value <= 240 else DEFAULT_AUTO_LOCK_MINUTES

    def set_auto_lock_minutes(self, minutes: int) -> None:
        if not 1 <= minutes <= 240:
            raise ValueError("Auto-lock must be between 1 and 240 minutes.")
        self.set(AUTO_LOCK_MINUTES, minutes)

    def summary_options(self) -> SummaryOptions:
        sections = self.get(SUMMARY_SECTIONS, {})
        name = self.get(SUMMARY_NAME, "")
        return SummaryOptions(
            sections={str(k): bool(v) for k, v in sections.items()}
            if isinstance(sections, dict)
            else {},
            name=name if isinstance(name, str) else "",
            discreet=bool(self.get(SUMMARY_DISCREET, False)),
            show_names=bool(self.get(SUMMARY_SHOW_NAMES, False)),
        )

    def set_summary_options(self, options: SummaryOptions) -> None:
        """Remember the section switches, the name, discretion and whether people are
        named (one transaction)."""
        with sql_errors(), self._changes.writing(self._db, Change.PREFERENCES):
            self.set(SUMMARY_SECTIONS, dict(options.sections))
            self.set(SUMMARY_NAME, options.name.strip()[:MAX_NAME_CHARACTERS])
            self.set(SUMMARY_DISCREET, options.discreet)
            self.set(SUMMARY_SHOW_NAMES, options.show_names)

    def reach_out_reminder_days(self) -> int:
        """After how many days without reaching out Today shows a gentle note (1–30)."""
        value = self.get(REACH_OUT_REMINDER_DAYS, DEFAULT_REACH_OUT_REMINDER_DAYS)
        return value if isinstance(value, int) and 1 <= value <= 30 else 4

    def set_reach_out_reminder_days(self, days: int) -> None:
        if not 1 <= days <= 30:
            raise ValueError("The reminder must be between 1 and 30 days.")
        self.set(REACH_OUT_REMINDER_DAYS, days)

    def counting_clean_time(self) -> bool | None:
        """Whether the user chose to count clean time; None if never asked (older journals)."""
        value = self.get(COUNTING_CLEAN_TIME)
        return value if isinstance(value, bool) else None

    def set_counting_clean_time(self, counting: bool) -> None:
        self.set(COUNTING_CLEAN_TIME, counting, Change.CLEAN_TIME)

    def waking_window(self) -> WakingWindow:
        """The waking hours My day counts idle time in (07:00–23:00 until changed). One
        window for every day, past days too: the one in force now (no history)."""
        value = self.get(WAKING_WINDOW)
        if isinstance(value, dict):
            try:
                return WakingWindow(value.get("start", -1), value.get("end", -1))
            except ValueError:
                pass  # a damaged or hand-edited value: the default
        return WakingWindow()

    def set_waking_window(self, window: WakingWindow) -> None:
        """Remember ``window`` (announces ``Change.PREFERENCES``). Raises ``ValueError``
        for minutes outside 0..1439 or a window of no length."""
        checked = WakingWindow(window.start, window.end)  # a window built past its checks
        self.set(WAKING_WINDOW, {"start": checked.start, "end": checked.end})
