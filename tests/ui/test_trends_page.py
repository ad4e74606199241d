"""The Trends page through qtbot: ranges redraw, charts save, points describe themselves."""

from datetime import date

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from recovery_desktop.domain.demo import demo_checkins
from recovery_desktop.reports.charts import CHARTS
from recovery_desktop.ui.pages.trends import TrendsPage
from recovery_desktop.ui.warmup import Warmup
from tests.ui.conftest import click_choice


@pytest.fixture
def page(qtbot, journal):
    journal.checkins.save_many(demo_checkins(10, date.today(), seed=2))
    shown = TrendsPage(journal, Warmup())
    qtbot.addWidget(shown)
    shown.resize(1000, 900)
    shown.show()
    qtbot.waitUntil(
        lambda: len(shown.views) == len(CHARTS) and not shown.is_drawing(), timeout=10000
    )
    qtbot.waitUntil(lambda: all(v.chart is not None for v in shown.views.values()), timeout=10000)
    return shown


def _mood_points(page):
    line = next(
        line
        for line in page.views["mood_craving"].chart.figure.axes[0].get_lines()
        if line.get_label() == "Mood"
    )
    return len(line.get_ydata())


def test_changing_the_range_redraws_the_charts(page, qtbot):
    """ "This week" shows up to seven days; "3 months" shows thirteen weeks of days."""
    before = page.views["mood_craving"].draw_count
    click_choice(qtbot, page.range, "This week")
    qtbot.waitUntil(
        lambda: page.views["mood_craving"].draw_count > before and not page.is_drawing()
    )
    assert _mood_points(page) == date.today().weekday() + 1
    click_choice(qtbot, page.range, "3 months")
    qtbot.waitUntil(lambda: _mood_points(page) == page.period().days and not page.is_drawing())
    assert page.period().days > 84


def test_nothing_is_redrawn_when_nothing_changed(page, journal):
    """Showing the page again with the same data and range draws nothing."""
    counts = {key: view.draw_count for key, view in page.views.items()}
    page.refresh()
    assert {key: view.draw_count for key, view in page.views.items()} == counts


def test_new_data_redraws(page, journal, qtbot):
    """A saved check-in changes the journal's revision, so the charts are drawn again."""
    from recovery_desktop.domain.checkin import CheckIn

    before = page.views["energy"].draw_count
    journal.checkins.save(CheckIn(date.today(), energy=9))
    page.refresh()
    qtbot.waitUntil(lambda: page.views["energy"].draw_count > before and not page.is_drawing())


def test_custom_range_shows_date_pickers(page, qtbot):
    """Custom reveals the from and to dates."""
    assert not page.start_edit.isVisible()
    click_choice(qtbot, page.range, "Custom")
    assert page.start_edit.isVisible() and page.end_edit.isVisible()


@pytest.mark.parametrize("suffix", ["png", "svg"])
def test_saving_a_chart_writes_an_image(page, tmp_path, suffix):
    """Save image writes a real, non-empty PNG or SVG file."""
    path = tmp_path / f"mood.{suffix}"
    page.views["mood_craving"].save_to(path)
    data = path.read_bytes()
    assert len(data) > 1000
    assert data.startswith(b"\x89PNG") if suffix == "png" else b"<svg" in data[:500]


def test_hovering_near_a_point_describes_it(page):
    """The nearest point's date and value are given when the pointer is close."""
    view = page.views["mood_craving"]
    view.canvas.draw()
    point = next(p for p in view.chart.points if "Mood:" in p.text)
    axes = view.chart.figure.axes[point.axes]
    x, y = axes.transData.transform((point.x, point.y))
    assert view.point_text_at(x + 2, y + 2) == point.text
    assert view.point_text_at(x + 200, -500) is None


def test_the_mouse_wheel_over_a_chart_is_left_to_the_page(page):
    """Charts offer no zoom, so a chart passes the wheel on and the page scrolls as anywhere
    else (Qt hands an ignored wheel event to the parent, up to the scroll area)."""
    canvas = page.views["mood_craving"].canvas
    centre = QPointF(canvas.width() / 2, canvas.height() / 2)
    wheel = QWheelEvent(
        centre,
        QPointF(canvas.mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(canvas, wheel)
    assert not wheel.isAccepted()
