"""Undo of a deleted appointment lasts until the journal is locked: the lock drops what
was deleted from memory (it is journal content), and the question says so beforehand."""

from __future__ import annotations

from datetime import date, time, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from recovery_desktop.domain.appointments import Appointment
from recovery_desktop.domain.sessions import AppointmentKind
from recovery_desktop.ui.pages.medication.appointments import AppointmentsPanel
from recovery_desktop.ui.session import Session
from tests.conftest import PASSPHRASE
from tests.ui.conftest import open_page


def _panel(window) -> AppointmentsPanel:
    page = open_page(window, "Medication & visits")
    page.tabs.setCurrentWidget(page.appointments)
    return page.appointments


def test_undo_lasts_until_the_lock_and_the_question_says_so(
    qtbot, window_for, journal, files, monkeypatch
):
    day = date.today() + timedelta(days=1)
    journal.appointments.add(Appointment(day, AppointmentKind.GROUP, time(19)))
    session = Session(files)
    session.adopt(journal)
    window = window_for(session)
    panel = _panel(window)
    asked: list[str] = []

    def question(_parent, _title, text, *_args):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    panel.table.selectRow(0)
    panel.delete_selected()
    assert asked and asked[0].endswith("Undo (Ctrl+Z) brings it back until the journal is locked.")
    assert panel.status.text().endswith("until the journal is locked.")
    assert panel.undo_button.isEnabled()
    window.lock_now()
    assert not session.is_unlocked
    qtbot.keyClicks(window.unlock_panel.passphrase, PASSPHRASE)
    qtbot.keyClick(window.unlock_panel.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: session.is_unlocked, timeout=5000)
    after = _panel(window)
    assert not after.undo_button.isEnabled() and after.undo_steps == []
    assert session.journal.appointments.count() == 0
