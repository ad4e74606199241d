"""My day shows the day's appointments read-only beside the user's own blocks: drawn in a
lane of their own, named in the side column, never a block, never in the overlap question."""

from __future__ import annotations

from datetime import date, time

from PySide6.QtCore import QPointF, Qt

from recovery_desktop.domain.appointments import Appointment
from recovery_desktop.domain.day_plan import BlockCategory, BlockTimes
from recovery_desktop.domain.sessions import AppointmentKind
from recovery_desktop.ui.pages.day.appointment_lane import KEPT_ELSEWHERE
from recovery_desktop.ui.pages.day.page import DayPage
from tests.ui.conftest import shown_page

DAY = date(2026, 11, 24)  # a Tuesday
THERAPY = Appointment(DAY, AppointmentKind.THERAPY, time(10), 60, with_whom="Sam")


def _page(qtbot, journal):
    page = DayPage(journal.day_plan, journal.preferences, appointments=journal.appointments)
    page = shown_page(qtbot, page, journal, 1000, 700)
    page.go_to(DAY)
    return page


def test_an_appointment_is_drawn_beside_an_overlapping_block_and_is_no_block(qtbot, journal):
    """Therapy 10:00–11:00 and the user's Work 09:00–17:00: both drawn, side by side; the
    day still has one block; the side column names the appointment."""
    journal.day_plan.add(DAY, BlockTimes(9 * 60, 17 * 60, "Work", BlockCategory.WORK))
    journal.appointments.add(THERAPY)
    page = _page(qtbot, journal)
    line = page.timeline
    [(appointment, rect)] = line.appointment_rects()
    assert appointment.name == "Therapy with Sam"
    work = line.block_rect(page.blocks[0])
    assert work.right() < rect.left()  # its own lane: never over a block
    assert rect.top() == line.scale().y(600) and rect.bottom() == line.scale().y(660)
    assert [b.title for b in journal.day_plan.blocks(DAY)] == ["Work"]
    assert page.side.appointment_line.text() == (
        "Appointments: Therapy with Sam · 10:00–11:00 (kept on Medication & visits)"
    )


def test_clicking_an_appointment_says_where_it_is_changed(qtbot, journal):
    """A click on it selects no block, starts no drawing and says Medication & visits."""
    journal.appointments.add(THERAPY)
    page = _page(qtbot, journal)
    [(_appointment, rect)] = page.timeline.appointment_rects()
    qtbot.mouseClick(page.timeline, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert page.side.status.text() == KEPT_ELSEWHERE
    assert page.timeline.selected() is None and journal.day_plan.blocks(DAY) == []
    assert page.timeline.appointment_at(QPointF(2, rect.center().y())) is None


def test_appointments_follow_changes_and_a_new_block_overlapping_one_asks_nothing(qtbot, journal):
    """Added while My day is shown, the appointment appears; a block added at the same
    time is saved without the overlap question (appointments are not blocks)."""
    page = _page(qtbot, journal)
    assert page.timeline.appointment_rects() == [] and page.side.appointment_line.isHidden()
    journal.appointments.add(THERAPY)
    assert len(page.timeline.appointment_rects()) == 1
    times = BlockTimes(10 * 60, 11 * 60, "Walk", BlockCategory.EXERCISE)
    assert page._keeps_overlap(times)  # nothing to ask about
    assert page._save_new(times, False)
    assert [b.title for b in journal.day_plan.blocks(DAY)] == ["Walk"]
