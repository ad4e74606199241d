"""Notices when the local date changes while the app runs: at midnight, and after a resume
from sleep (which stops timers), so screens that show date-dependent figures follow it.

One object, made by the composition root: a single-shot timer armed for just after the next
local midnight (re-armed at every check), a coarse check every minute, and a check whenever
the application becomes active again. Each compares the date with the last one seen and
emits ``day_changed`` once per change.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication

COARSE_CHECK_MS = 60_000
AFTER_MIDNIGHT_MS = 1_000  # a second late rather than a millisecond early


def ms_until_next_day(now: datetime) -> int:
    """Milliseconds from ``now`` (local wall-clock time) to just after the next midnight."""
    midnight = datetime.combine(now.date() + timedelta(days=1), time())
    return int((midnight - now).total_seconds() * 1000) + AFTER_MIDNIGHT_MS


class DayWatcher(QObject):
    """Emits ``day_changed(date)`` when the local date is no longer the one last seen.

    ``today`` and ``now`` are the clock (``date.today`` / ``datetime.now`` unless a test
    sets its own); :meth:`check` may be called at any time and is cheap.
    """

    day_changed = Signal(object)

    def __init__(
        self,
        today: Callable[[], date] | None = None,
        now: Callable[[], datetime] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = today or (lambda: date.today())
        self._now = now or (lambda: datetime.now())
        self._day = self._clock()
        self._midnight = QTimer(self)
        self._midnight.setSingleShot(True)
        self._midnight.setTimerType(Qt.TimerType.CoarseTimer)
        self._midnight.timeout.connect(self.check)
        self._coarse = QTimer(self)
        self._coarse.setInterval(COARSE_CHECK_MS)
        self._coarse.timeout.connect(self.check)
        self._coarse.start()
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self._state_changed)
        self._arm()

    def today(self) -> date:
        """The date last seen."""
        return self._day

    def check(self) -> bool:
        """Compare the clock with the date last seen; emit ``day_changed`` if it moved.
        Returns True when it did."""
        self._arm()
        day = self._clock()
        if day == self._day:
            return False
        self._day = day
        self.day_changed.emit(day)
        return True

    def stop(self) -> None:
        self._midnight.stop()
        self._coarse.stop()

    def _arm(self) -> None:
        self._midnight.start(ms_until_next_day(self._now()))

    def _state_changed(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationActive:
            self.check()
