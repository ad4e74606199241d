"""What changed in the journal, told to plain-Python listeners once it is committed.

Every write in ``data/`` runs inside :meth:`ChangeFeed.writing`, which names the kinds of
records it changes. The kinds are announced only after the outermost transaction committed;
a write that rolled back (an error, a refused change) announces nothing. Screens subscribe
through one Qt-side object (``ui/change_signal.py``) and redraw only for the kinds they show.
A new feature adds its kind here.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Iterator
from enum import Enum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database


class Change(Enum):
    """A kind of thing that changes in the journal."""

    CHECKINS = "checkins"
    SUMMARY_NOTES = "summary_notes"  # talk-about and goals lists of a summary period
    LIBRARY = "library"  # triggers and coping actions
    CRAVINGS = "cravings"
    CONTACTS = "contacts"  # the support network (names, roles, order)
    REACH_OUTS = "reach_outs"
    CRISIS_LINES = "crisis_lines"
    CLEAN_TIME = "clean_time"  # clean dates, attempts, lapses, whether time is counted
    DAY_PLAN = "day_plan"  # My day: time blocks and the weekday templates
    PLAN = "plan"  # the aftercare plan: its sections, versions and editing marker
    MEDICATION = "medication"  # medications, schedule spans, taper notes, dose ticks
    APPOINTMENTS = "appointments"
    JOURNAL = "journal"  # journal entries (text, tags, the share switch) and the editing marker
    PREFERENCES = "preferences"  # per-journal choices (reminder days, summary options…)
    # Records came from outside the app's own forms (an import): a screen holding a form
    # reads it again, unless something typed there is not saved yet.
    REPLACED = "replaced"


EVERYTHING: frozenset[Change] = frozenset(Change)

Listener = Callable[[frozenset[Change]], None]


class ChangeFeed:
    """Listeners told which kinds of records changed, after each committed write.

    ``subscribe(listener)`` returns the function that unsubscribes it. Listeners run on the
    thread that wrote, in the order they subscribed; one that raises does not stop the
    others from being told, and the first error is raised again afterwards.
    """

    def __init__(self) -> None:
        self._listeners: list[Listener] = []
        self._open: list[set[Change]] = []  # kinds of each write in progress, outermost first

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        self._listeners.append(listener)

        def unsubscribe() -> None:
            with contextlib.suppress(ValueError):
                self._listeners.remove(listener)

        return unsubscribe

    def announce(self, kinds: Iterable[Change]) -> None:
        """Tell every listener that ``kinds`` changed: now, or, inside :meth:`writing`,
        once the outermost write committed."""
        found = set(kinds)
        if not found:
            return
        if self._open:
            self._open[-1].update(found)
            return
        told = frozenset(found)
        problems = []
        for listener in list(self._listeners):
            try:
                listener(told)
            except Exception as error:  # every listener is told first
                problems.append(error)
        if problems:
            raise problems[0]

    @contextlib.contextmanager
    def writing(self, db: Database, *kinds: Change) -> Iterator[None]:
        """``db.atomic()`` (nested blocks are savepoints) that announces ``kinds``, and
        whatever was announced inside it, once the outermost block committed; nothing if
        this block or an outer one rolled back. Raises ``RuntimeError`` inside a
        transaction opened without it, whose commit it could not see."""
        if not self._open and db.conn.in_transaction:
            raise RuntimeError("A write must run inside ChangeFeed.writing, not db.atomic().")
        self._open.append(set(kinds))
        try:
            with db.atomic():
                yield
        except BaseException:
            self._open.pop()
            raise
        done = self._open.pop()
        self.announce(done)
