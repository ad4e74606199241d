"""The summary's print preview can be zoomed with buttons and keys, and opens readable."""

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintPreviewWidget
from PySide6.QtWidgets import QGraphicsView

from recovery_desktop.domain.demo import demo_checkins
from recovery_desktop.ui.widgets.print_preview import READABLE_ZOOM
from tests.ui.conftest import shown_summary_page

NAMES = ("Zoom out", "Zoom in", "Fit the page width", "Show a whole page")


@pytest.fixture
def page(qtbot, journal, worker):
    """The Weekly summary as it sits in a 1024 × 600 window: about 820 × 540 for the page."""
    journal.checkins.save_many(demo_checkins(2, date.today(), seed=1))
    shown = shown_summary_page(qtbot, journal, worker)
    shown.resize(820, 540)
    qtbot.waitUntil(lambda: shown.preview.view.width() < 500)
    shown.preview.refresh()
    return shown


def test_the_zoom_buttons_have_names_and_change_the_zoom(page, qtbot):
    """Zoom in and out step the zoom; fit width and whole page choose those modes."""
    preview = page.preview
    buttons = [
        preview.zoom_out_button,
        preview.zoom_in_button,
        preview.fit_width_button,
        preview.whole_page_button,
    ]
    assert [b.accessibleName() for b in buttons] == list(NAMES)
    start = preview.zoom_factor()
    qtbot.mouseClick(preview.zoom_in_button, Qt.MouseButton.LeftButton)
    assert preview.zoom_factor() == pytest.approx(start * 1.25)
    assert preview.zoom_label.text() == f"{round(start * 125)}%"
    qtbot.mouseClick(preview.zoom_out_button, Qt.MouseButton.LeftButton)
    assert preview.zoom_factor() == pytest.approx(start)
    qtbot.mouseClick(preview.whole_page_button, Qt.MouseButton.LeftButton)
    assert preview.view.zoomMode() == QPrintPreviewWidget.ZoomMode.FitInView
    qtbot.mouseClick(preview.fit_width_button, Qt.MouseButton.LeftButton)
    assert preview.view.zoomMode() == QPrintPreviewWidget.ZoomMode.FitToWidth


def test_ctrl_plus_minus_and_zero_zoom_the_focused_preview(page, qtbot):
    """With the pages focused, Ctrl++ and Ctrl+− zoom and Ctrl+0 fits the width again."""
    pages = page.preview.view.findChild(QGraphicsView)
    pages.setFocus()
    qtbot.waitUntil(pages.hasFocus)
    start = page.preview.zoom_factor()
    qtbot.keyClick(pages, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert page.preview.zoom_factor() > start
    qtbot.keyClick(pages, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(pages, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert page.preview.zoom_factor() < start
    qtbot.keyClick(pages, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert page.preview.view.zoomMode() == QPrintPreviewWidget.ZoomMode.FitToWidth


def test_a_narrow_preview_opens_at_a_readable_zoom(page):
    """At 1024 px the page width would be too small to read, so it opens at the readable floor."""
    assert page.preview.zoom_factor() == pytest.approx(READABLE_ZOOM)


def test_the_chosen_zoom_survives_a_rebuild(page, qtbot):
    """Changing a section redraws the preview without undoing the user's zoom."""
    qtbot.mouseClick(page.preview.zoom_in_button, Qt.MouseButton.LeftButton)
    chosen = page.preview.zoom_factor()
    page.section_boxes["notes"].click()
    with qtbot.waitSignal(page.preview_ready, timeout=20000):  # built on the worker
        page.rebuild()
    assert page.preview.zoom_factor() == pytest.approx(chosen)


def test_the_zoom_keys_work_from_anywhere_on_the_page(page, qtbot):
    """Right after opening the page (focus on a control, not the preview) Ctrl++ zooms."""
    page.name.setFocus()
    qtbot.waitUntil(page.name.hasFocus)
    start = page.preview.zoom_factor()
    qtbot.keyClick(page.name, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert page.preview.zoom_factor() > start
