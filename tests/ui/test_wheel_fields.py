"""The mouse wheel scrolls past combo boxes and spin, date and time boxes; it changes one
only while it has the keyboard focus."""

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt, QTime
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QScrollArea,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.ui.app_keys import EveryWindowKeys
from recovery_desktop.ui.pages.today.page import TodayPage
from tests.ui.conftest import shown_page


def _wheel_down(widget: QWidget) -> None:
    """One notch down over the middle of ``widget``, as the mouse sends it (through the
    window, so Qt hands an ignored wheel on to the parents as it does a real one)."""
    window = widget.window()
    where = widget.mapTo(window, widget.rect().center())
    QTest.wheelEvent(window.windowHandle(), QPointF(where), QPoint(0, -120))


def _dialog(qtbot) -> tuple[QDialog, QScrollArea, QComboBox, QTimeEdit]:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    EveryWindowKeys(dialog)
    area = QScrollArea(dialog)
    inner = QWidget()
    column = QVBoxLayout(inner)
    combo = QComboBox(inner)
    combo.addItems(["On chosen days of the week", "Every few days", "As needed"])
    clock = QTimeEdit(QTime(8, 0), inner)
    column.addWidget(combo)
    column.addWidget(clock)
    column.addSpacing(2000)
    area.setWidget(inner)
    QVBoxLayout(dialog).addWidget(area)
    dialog.resize(300, 200)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog, area, combo, clock


@pytest.mark.parametrize("which", [2, 3])
def test_the_wheel_scrolls_past_fields_without_focus(qtbot, which):
    """The repeat and the time stay as they were; the dialog scrolls instead."""
    shown = _dialog(qtbot)
    area, field = shown[1], shown[which]
    _wheel_down(field)
    assert area.verticalScrollBar().value() > 0
    assert not field.hasFocus()
    assert shown[2].currentText() == "On chosen days of the week"
    assert shown[3].time() == QTime(8, 0)


def test_a_focused_field_still_takes_the_wheel(qtbot):
    dialog, area, combo, _clock = _dialog(qtbot)
    dialog.activateWindow()
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    _wheel_down(combo)
    assert combo.currentText() == "Every few days"
    assert area.verticalScrollBar().value() == 0


def test_fields_take_focus_from_the_keyboard_and_a_click_only(qtbot):
    _shown, _area, combo, clock = _dialog(qtbot)
    assert combo.focusPolicy() == Qt.FocusPolicy.StrongFocus
    assert clock.focusPolicy() == Qt.FocusPolicy.StrongFocus


def test_the_wheel_over_todays_sleep_hours_scrolls_the_check_in(qtbot, journal):
    """Scrolling Today's check-in past "Sleep last night" leaves it "Not answered"."""
    keys = EveryWindowKeys()
    page = TodayPage(journal)
    keys.setParent(page)
    shown_page(qtbot, page, journal, 1000, 420)
    sleep = page.form.sleep_hours
    area = page.findChild(QScrollArea)
    _wheel_down(sleep)
    assert sleep.optional_value() is None
    assert area.verticalScrollBar().value() > 0
