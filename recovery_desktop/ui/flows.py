"""The two flows any page can start: the craving panel and recording a lapse."""

from __future__ import annotations

from datetime import date, datetime, time

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from recovery_desktop.data.errors import JournalError
from recovery_desktop.data.journal import Journal
from recovery_desktop.domain.cravings import Craving
from recovery_desktop.domain.day_story import craving_needs_lapse, lapse_needed
from recovery_desktop.domain.drafts import Draft
from recovery_desktop.ui.change_signal import ChangeSignal
from recovery_desktop.ui.dialogs.craving_panel import CravingPanel
from recovery_desktop.ui.dialogs.lapse_dialog import LapseDialog
from recovery_desktop.ui.idle import IdleWatcher
from recovery_desktop.ui.session import Session

CRAVING_SHORTCUT = "Ctrl+K"


def craving_panel(
    journal: Journal, craving: Craving | None = None, parent: QWidget | None = None
) -> CravingPanel:
    """The craving panel on ``journal``'s repositories (new, or ``craving`` to edit)."""
    return CravingPanel(
        journal.cravings,
        journal.library,
        journal.contacts,
        journal.recovery_time,
        journal.day_records,
        craving,
        parent,
        journal.plan,
    )


class Flows(QObject):
    """Opens the panels for the current journal. What they save reaches the screens
    through the journal's change signal (``ui/change_signal.py``), which the craving panel
    follows too when ``changes`` is given."""

    def __init__(
        self,
        session: Session,
        idle: IdleWatcher | None = None,
        parent: QObject | None = None,
        changes: ChangeSignal | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.idle = idle
        self.changes = changes
        self.window: QWidget | None = None
        self.panel: CravingPanel | None = None

    def open_craving(self, craving: Craving | None = None) -> CravingPanel | None:
        """Show the craving panel (a new craving, or ``craving`` to edit)."""
        journal = self.session.journal
        if journal is None:
            return None
        if self.panel is not None and self.panel.isVisible() and craving is None:
            self.panel.raise_()
            self.panel.activateWindow()
            return self.panel
        panel = craving_panel(journal, craving, self.window)
        panel.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if self.changes is not None:
            self.changes.changed.connect(panel.data_changed)
        panel.used.connect(self._craving_used)
        panel.destroyed.connect(self._panel_gone)
        self._hold_idle_while_surfing(panel)
        self.panel = panel
        panel.show()
        panel.raise_()
        panel.activateWindow()
        return panel

    def _hold_idle_while_surfing(self, panel: CravingPanel) -> None:
        """A running urge-surfing timer is someone riding out a craving, not an empty
        desk: the journal does not auto-lock until it ends, is paused or the panel closes."""
        idle, timer = self.idle, panel.help.timer
        if idle is None:
            return

        def running_changed(running: bool) -> None:
            (idle.hold if running else idle.release)(timer)

        timer.running_changed.connect(running_changed)
        panel.destroyed.connect(lambda _gone=None: idle.release(timer))

    def _panel_gone(self) -> None:
        self.panel = None

    def needs_lapse(self, day: date, craving: Craving | None = None) -> bool:
        """Whether a use on ``day`` (``craving``'s "I used", or the day's "yes") still needs a
        lapse recorded: the one rule of ``domain.day_story``, as Today's line follows it."""
        journal = self.session.journal
        if journal is None:
            return False
        try:
            records = journal.day_records(day, date.today())
        except JournalError:
            return False
        if craving is None:
            return lapse_needed(records)
        return craving_needs_lapse(records, craving)

    def _craving_used(self, craving: Craving) -> None:
        if self.needs_lapse(craving.day, craving):
            self.open_lapse(craving.started_at, craving.id, self.panel)

    def day_marked_used(self, day: date) -> None:
        """Today said "used: yes": offer the lapse flow unless the day needs none."""
        if not self.needs_lapse(day):
            return
        now = datetime.now()
        moment = now if day == now.date() else datetime.combine(day, time(12, 0))
        self.open_lapse(moment.replace(second=0, microsecond=0))

    def record_later(self, day: date, craving: Craving | None) -> None:
        """ "Record it…" on Today, after an earlier "Not now": for the day, or for the
        craving that ended in using."""
        if craving is None:
            self.day_marked_used(day)
        else:
            self._craving_used(craving)

    def open_lapse(
        self,
        when: datetime | None = None,
        craving_id: int | None = None,
        parent: QWidget | None = None,
        *,
        draft: Draft | None = None,
    ) -> bool:
        """Ask about the lapse (as ``draft`` left it, after a lock); True when one was
        recorded."""
        journal = self.session.journal
        if journal is None:
            return False
        owner = parent or self.window
        dialog = LapseDialog(journal.recovery_time, journal.contacts, when, craving_id, owner)
        if draft is not None:
            dialog.resume(draft)
        recorded = bool(dialog.exec())
        message = dialog.after_message() if recorded else ""
        dialog.deleteLater()  # what was typed does not stay in memory behind the window
        if not recorded:
            return False
        QMessageBox.information(owner, "Lapse recorded", message)
        return True


def craving_button(flows: Flows, parent: QWidget | None = None) -> QPushButton:
    """The always-visible button in the sidebar."""
    button = QPushButton("I'm having a craving", parent)
    button.setObjectName("cravingButton")
    button.setToolTip(f"Log it and get help right now ({CRAVING_SHORTCUT})")
    button.setAccessibleName("I'm having a craving")
    button.clicked.connect(lambda: flows.open_craving())
    return button
