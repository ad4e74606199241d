"""The journal's changes as one Qt signal, and screens that follow the kinds they show.

:class:`ChangeSignal` follows the session: it listens to the open journal's feed
(``data/changes.py``) from unlock to lock and emits ``changed(kinds)`` at once, on the
thread that wrote (the GUI thread), right after the write committed. :class:`Follower` keeps
one screen current: while it is visible it refreshes at once for the kinds it shows; while
hidden it only remembers them (and a change of date) and catches up when next shown.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date

from PySide6.QtCore import QEvent, QObject, Signal, SignalInstance
from PySide6.QtWidgets import QWidget

from recovery_desktop.data.changes import Change
from recovery_desktop.ui.session import Session

Refresh = Callable[[frozenset[Change]], object]
DayChanged = Callable[[date], object]


class ChangeSignal(QObject):
    """``changed(frozenset[Change])`` after every committed write to the open journal."""

    changed = Signal(object)

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._unsubscribe: Callable[[], None] | None = None
        session.unlocked.connect(self._follow)
        session.locked.connect(self._stop)
        if session.is_unlocked:
            self._follow()

    @property
    def following(self) -> bool:
        """Whether a journal's feed is being listened to (between unlock and lock)."""
        return self._unsubscribe is not None

    def _follow(self) -> None:
        self._stop()
        journal = self.session.journal
        if journal is not None:
            self._unsubscribe = journal.changes.subscribe(self._announced)

    def _stop(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None

    def _announced(self, kinds: frozenset[Change]) -> None:
        self.changed.emit(kinds)


class Follower(QObject):
    """Keeps ``widget`` current with the ``kinds`` it shows.

    Visible: ``refresh(kinds that changed)`` at once, and ``day_changed(today)`` when the
    date changes. Hidden: nothing runs; both wait for the widget's next show, each once.
    """

    def __init__(
        self,
        widget: QWidget,
        kinds: Iterable[Change],
        refresh: Refresh,
        day_changed: DayChanged | None = None,
    ) -> None:
        super().__init__(widget)
        self.widget = widget
        self.kinds = frozenset(kinds)
        self._refresh = refresh
        self._day_changed = day_changed
        self._waiting: set[Change] = set()
        self._new_day: date | None = None
        widget.installEventFilter(self)

    @property
    def stale(self) -> frozenset[Change]:
        """The kinds that changed while the widget was hidden (shown on its next show)."""
        return frozenset(self._waiting)

    def changed(self, kinds: frozenset[Change]) -> None:
        shown = kinds & self.kinds
        if not shown:
            return
        if self.widget.isVisible():
            self._refresh(shown)
        else:
            self._waiting |= shown

    def day_changed(self, today: date) -> None:
        if self._day_changed is None:
            return
        if self.widget.isVisible():
            self._day_changed(today)
        else:
            self._new_day = today

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget and event.type() == QEvent.Type.Show:
            self._catch_up()
        return False

    def _catch_up(self) -> None:
        new_day, self._new_day = self._new_day, None
        waiting, self._waiting = frozenset(self._waiting), set()
        if new_day is not None and self._day_changed is not None:
            self._day_changed(new_day)
        if waiting:
            self._refresh(waiting)


def follow(
    widget: QWidget,
    changes: ChangeSignal,
    kinds: Iterable[Change],
    refresh: Refresh,
    day: SignalInstance | None = None,
    day_changed: DayChanged | None = None,
) -> Follower:
    """A :class:`Follower` of ``widget`` connected to ``changes`` (and to ``day``, a
    ``day_changed(date)`` signal, when given); it lives and ends with the widget."""
    follower = Follower(widget, kinds, refresh, day_changed)
    changes.changed.connect(follower.changed)
    if day is not None:
        day.connect(follower.day_changed)
    return follower
