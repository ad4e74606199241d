"""A future appointment cannot be marked attended or missed (from "Mark as", the list's
menu or the editor) until its day has come; rescheduled can be chosen ahead."""

from __future__ import annotations

from datetime import date, time, timedelta

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QPushButton

from recovery_desktop.domain.appointments import Appointment
from recovery_desktop.domain.attendance_marks import NOT_YET, can_mark
from recovery_desktop.domain.sessions import AppointmentKind, Attendance
from recovery_desktop.ui.models.appointment_rows import COL_ATTENDANCE
from recovery_desktop.ui.pages.medication.appointment_editor import AppointmentEditor
from tests.ui.modal import stop_watching, when_shown  # noqa: F401 (stop_watching: fixture)
from tests.ui.test_appointments_panel import _choose, _ok, _panel, _reopened, _shown

TODAY = date.today()
TOMORROW = TODAY + timedelta(days=1)


def _offered(actions) -> dict[str, bool]:
    return {a.text(): a.isEnabled() for a in actions if a.isCheckable()}


def test_mark_as_offers_only_rescheduled_ahead_of_the_day(qtbot, journal, files):
    journal.appointments.add(Appointment(TOMORROW, AppointmentKind.THERAPY, time(17)))
    panel = _panel(qtbot, journal)
    _choose(qtbot, panel, 0)
    menu = panel.mark_button.menu()
    menu.aboutToShow.emit()
    assert _offered(menu.actions()) == {
        "Attended": False,
        "Missed": False,
        "Rescheduled": True,
        "Not marked yet": True,
    }
    [attended] = [a for a in menu.actions() if a.text() == "Attended"]
    assert attended.toolTip() == NOT_YET
    panel.mark(Attendance.MISSED)  # as a shortcut would: refused in words, nothing stored
    assert panel.status.text() == f"{NOT_YET}."
    [rescheduled] = [a for a in menu.actions() if a.text() == "Rescheduled"]
    rescheduled.trigger()
    assert _shown(panel, COL_ATTENDANCE) == ["Rescheduled"]
    assert [a.attendance for a in _reopened(journal, files)] == [Attendance.RESCHEDULED]


def test_todays_appointment_can_be_marked_attended(qtbot, journal):
    journal.appointments.add(Appointment(TODAY, AppointmentKind.THERAPY, time(0, 5)))
    panel = _panel(qtbot, journal)
    _choose(qtbot, panel, 0)
    menu = panel.mark_button.menu()
    menu.aboutToShow.emit()
    assert all(_offered(menu.actions()).values())


def test_the_editor_greys_attended_and_missed_for_a_later_day(qtbot, journal, files):
    """Attended is offered on today's appointment; moving it to tomorrow greys it (with the
    reason) and puts the chosen Attended back to Not marked yet, saying so; Rescheduled
    is kept."""
    journal.appointments.add(Appointment(TODAY, AppointmentKind.CLINIC, time(8)))
    panel = _panel(qtbot, journal)
    said: list[str] = []

    def act(editor: AppointmentEditor) -> None:
        editor.attendance.setFocus()
        qtbot.keyClick(editor.attendance, Qt.Key.Key_A)
        assert editor.attendance.value() is Attendance.ATTENDED
        editor.day.setDate(QDate(TOMORROW.year, TOMORROW.month, TOMORROW.day))
        segment = editor.attendance.findChildren(QPushButton)
        greyed = {b.text(): b.toolTip() for b in segment if not b.isEnabled()}
        assert greyed == {"Attended": NOT_YET, "Missed": NOT_YET}
        assert editor.attendance.value() is None  # no longer a mark it can have
        said.append(editor.error.text())
        editor.attendance.setFocus()
        qtbot.keyClick(editor.attendance, Qt.Key.Key_M)  # Missed is skipped
        assert editor.attendance.value() is None
        qtbot.keyClick(editor.attendance, Qt.Key.Key_R)
        qtbot.mouseClick(_ok(editor), Qt.MouseButton.LeftButton)

    seen = when_shown(AppointmentEditor, act)
    _choose(qtbot, panel, 0)
    panel.edit_selected()
    assert len(seen) == 1
    assert said == ["Attended is for a day that has come: back to Not marked yet."]
    [stored] = _reopened(journal, files)
    assert (stored.day, stored.attendance) == (TOMORROW, Attendance.RESCHEDULED)


def test_the_rule():
    assert not can_mark(Attendance.ATTENDED, TOMORROW, TODAY)
    assert can_mark(Attendance.ATTENDED, TODAY, TODAY)
    assert can_mark(Attendance.RESCHEDULED, TOMORROW, TODAY)
    assert can_mark(None, TOMORROW, TODAY)
