"""The appointments list's table model, tested without a view."""

from datetime import date, time, timedelta

import pytest
from PySide6.QtCore import Qt

from recovery_desktop.domain.appointment_list import Shown
from recovery_desktop.domain.appointments import Appointment
from recovery_desktop.domain.sessions import AppointmentKind, Attendance
from recovery_desktop.ui.models.appointment_rows import (
    COL_ATTENDANCE,
    COL_DAY,
    COL_KIND,
    COL_NAME,
    COL_PLACE,
    COL_TIME,
    HEADERS,
    AppointmentRows,
)

pytestmark = pytest.mark.usefixtures("qapp")

TODAY = date(2026, 11, 30)


def _every() -> list[Appointment]:
    return [
        Appointment(
            TODAY + timedelta(days=1), AppointmentKind.THERAPY, time(10), with_whom="Sam", id=1
        ),
        Appointment(TODAY, AppointmentKind.GROUP, None, title="NA meeting", place="Hall", id=2),
        Appointment(TODAY - timedelta(days=3), AppointmentKind.DOCTOR, time(9), id=3),
        Appointment(
            TODAY - timedelta(days=1),
            AppointmentKind.CLINIC,
            time(8, 30),
            attendance=Attendance.MISSED,
            id=4,
        ),
    ]


def _rows(model: AppointmentRows) -> list[tuple[str, ...]]:
    return [
        tuple(model.data(model.index(r, c), Qt.ItemDataRole.DisplayRole) for c in range(6))
        for r in range(model.rowCount())
    ]


def test_upcoming_rows_read_as_a_user_sees_them():
    model = AppointmentRows()
    model.show(_every(), Shown.UPCOMING, TODAY)
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(6)] == list(HEADERS)
    assert _rows(model) == [
        ("Mon 30 Nov 2026", "—", "Group or meeting", "NA meeting", "Hall", "Not marked yet"),
        ("Tue 1 Dec 2026", "10:00", "Therapy", "Therapy with Sam", "", ""),
    ]
    assert model.data(model.index(0, COL_TIME), Qt.ItemDataRole.TextAlignmentRole) == int(
        Qt.AlignmentFlag.AlignCenter
    )


def test_past_rows_most_recent_first_with_their_marks():
    model = AppointmentRows()
    model.show(_every(), Shown.PAST, TODAY)
    assert [model.appointment_at(r).id for r in range(model.rowCount())] == [4, 3]
    assert [model.data(model.index(r, COL_ATTENDANCE)) for r in range(2)] == [
        "Missed",
        "Not marked yet",
    ]
    assert model.data(model.index(1, COL_KIND)) == "Doctor"
    assert model.data(model.index(1, COL_NAME)) == "Doctor"
    assert model.row_of(3) == 1 and model.row_of(1) == -1
    assert model.appointment_at(5) is None


def test_a_new_day_moves_yesterdays_appointments_to_past():
    model = AppointmentRows()
    every = _every()
    model.show(every, Shown.UPCOMING, TODAY + timedelta(days=1))
    assert [model.data(model.index(r, COL_DAY)) for r in range(model.rowCount())] == [
        "Tue 1 Dec 2026"
    ]
    assert model.data(model.index(0, COL_ATTENDANCE)) == "Not marked yet"
    assert model.data(model.index(0, COL_PLACE)) == ""
