"""The appointment editor says what is wrong with a repeat once, in its error line, as the
repeat is made; the grey line only says what the repeat makes."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt

from recovery_desktop.ui.pages.medication.appointment_editor import AppointmentEditor

FIRST = date.today() + timedelta(days=2)
BEFORE = "The last day of a repeat cannot come before the first."


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def test_a_repeat_ending_too_early_is_said_once(qtbot, journal):
    editor = AppointmentEditor(journal.appointments, journal.contacts, day=FIRST)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    qtbot.mouseClick(editor.repeat.on, Qt.MouseButton.LeftButton)
    assert editor.repeat.words.text().startswith("Makes ")
    editor.repeat.until.setDate(_qdate(FIRST - timedelta(days=1)))
    shown = [w.text() for w in (editor.error, editor.repeat.words) if w.text()]
    assert shown == [BEFORE]
    qtbot.mouseClick(
        editor.buttons.button(editor.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    assert [w.text() for w in (editor.error, editor.repeat.words) if w.text()] == [BEFORE]
    assert journal.appointments.count() == 0
    editor.repeat.until.setDate(_qdate(FIRST + timedelta(weeks=2)))
    assert editor.error.text() == ""
    assert editor.repeat.words.text().startswith("Makes ")
