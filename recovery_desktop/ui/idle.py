"""Auto-lock: a timer restarted by any keyboard or mouse activity in the app, and held off
while something counts as activity on its own (a running urge-surfing timer)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

_ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
    QEvent.Type.InputMethod,
}


class IdleWatcher(QObject):
    """Emits ``idle`` once after the given time without activity, while running."""

    idle = Signal()

    def __init__(self, minutes: int = 5, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.idle)
        self._watching = False
        self._holders: set[int] = set()
        self.set_interval_ms(minutes * 60_000)
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def set_minutes(self, minutes: int) -> None:
        self.set_interval_ms(minutes * 60_000)

    def set_interval_ms(self, interval: int) -> None:
        self._timer.setInterval(interval)
        if self._timer.isActive():
            self._timer.start()

    def interval_ms(self) -> int:
        return self._timer.interval()

    def start(self) -> None:
        self._watching = True
        self._restart()

    def stop(self) -> None:
        """Stop watching (on lock and quit); whatever held the lock off is closed by then."""
        self._watching = False
        self._holders.clear()
        self._timer.stop()

    def hold(self, holder: object) -> None:
        """Keep from locking while ``holder`` is busy (until :meth:`release`)."""
        self._holders.add(id(holder))
        self._restart()

    def release(self, holder: object) -> None:
        """``holder`` is done: the full idle time starts again from now."""
        if id(holder) in self._holders:
            self._holders.discard(id(holder))
            self._restart()

    @property
    def held(self) -> bool:
        return bool(self._holders)

    def _restart(self) -> None:
        if self._watching and not self._holders:
            self._timer.start()
        else:
            self._timer.stop()

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY and self._timer.isActive():
            self._timer.start()
        return False
