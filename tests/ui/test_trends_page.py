"""The Trends page through qtbot: ranges redraw, charts save, points describe themselves."""

from datetime import date

import pytest
from PySide6.QtCore import Qt

from recovery_desktop.domain.demo import demo_checkins
from recovery_desktop.reports.charts import CHARTS
from recovery_desktop.ui.pages.trends import TrendsPage
from recovery_desktop.ui.warmup import Warmup
from tests.bar_boxes import bars as drawn_bars
from tests.ui.conftest import click_choice, follow_journal


def _shown_page(qtbot, journal, worker):
    """The Trends page on ``journal``, shown, with every chart drawn once (a generous
    wait: on a loaded two-core machine drawing every chart can take over ten seconds)."""
    shown = TrendsPage(journal, Warmup(), worker)
    follow_journal(shown, journal)
    qtbot.addWidget(shown)
    shown.resize(1000, 900)
    shown.show()
    qtbot.waitUntil(
        lambda: len(shown.views) == len(CHARTS) and not shown.is_drawing(), timeout=30000
    )
    qtbot.waitUntil(
        lambda: all(v.chart is not None for v in shown.shown_views().values()), timeout=30000
    )
    return shown


@pytest.fixture
def page(qtbot, journal, worker):
    journal.checkins.save_many(demo_checkins(10, date.today(), seed=2))
    return _shown_page(qtbot, journal, worker)


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
        lambda: page.views["mood_craving"].draw_count > before and not page.is_drawing(),
        timeout=20000,
    )
    assert _mood_points(page) == date.today().weekday() + 1
    click_choice(qtbot, page.range, "3 months")
    qtbot.waitUntil(
        lambda: _mood_points(page) == page.period().days and not page.is_drawing(), timeout=20000
    )
    assert page.period().days > 84


def test_nothing_is_redrawn_when_nothing_changed(page, journal):
    """Showing the page again with the same data and range draws nothing."""
    counts = {key: view.draw_count for key, view in page.shown_views().items()}
    page.refresh()
    assert {key: view.draw_count for key, view in page.shown_views().items()} == counts


def test_new_data_redraws(page, journal, qtbot):
    """A saved check-in reaches the shown page through the change signal, so the charts
    are drawn again."""
    from recovery_desktop.domain.checkin import CheckIn

    before = page.views["energy"].draw_count
    journal.checkins.save(CheckIn(date.today(), energy=9))
    qtbot.waitUntil(
        lambda: page.views["energy"].draw_count > before and not page.is_drawing(), timeout=20000
    )


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


@pytest.mark.parametrize("suffix", ["png", "svg"])
def test_a_saved_chart_is_titled_with_its_dates_and_the_screen_is_unchanged(page, tmp_path, suffix):
    """The file says what it shows and when; the chart on screen keeps its short title."""
    view = page.views["mood_craving"]
    heading = f"Mood and craving peak \u00b7 {page.period().label}"
    texts_before = [t.get_text() for t in view.chart.figure.texts]
    path = tmp_path / f"mood.{suffix}"
    view.save_to(path)
    if suffix == "png":
        from PIL import Image

        with Image.open(path) as image:
            assert image.text["Title"] == heading
    else:
        svg = path.read_text(encoding="utf-8")
        assert f"<dc:title>{heading}</dc:title>" in svg
        assert f"<!-- {heading} -->" in svg  # drawn as the title, not only stored
    top = view.chart.figure.axes[0]
    assert top.get_title(loc="left") == "Mood and craving peak"
    assert [t.get_text() for t in view.chart.figure.texts] == texts_before


def test_hovering_near_a_point_describes_it(page):
    """The nearest point's date and value are given when the pointer is close."""
    view = page.views["mood_craving"]
    view.canvas.draw()
    point = next(p for p in view.chart.points if "Mood:" in p.text)
    axes = view.chart.figure.axes[point.axes]
    x, y = axes.transData.transform((point.x, point.y))
    assert view.point_text_at(x + 2, y + 2) == point.text
    assert view.point_text_at(x + 200, -500) is None


def test_the_taller_stress_and_sleep_chart_is_shown_whole(page, qtbot):
    """Two stacked panels get a taller canvas, and the frame around it grows to fit it all."""
    view = page.views["stress_sleep"]
    assert view.canvas.minimumHeight() > page.views["energy"].canvas.minimumHeight()
    # The frame grows when Qt runs the layout pass the new canvas asked for: a turn or more of
    # the event loop after the chart is set (it had not always run when the test looked).
    qtbot.waitUntil(lambda: view.canvas.geometry().bottom() <= view.contentsRect().bottom())
    assert view.height() >= view.canvas.minimumHeight()


def test_the_mouse_wheel_over_a_chart_is_left_to_the_page(page):
    """Charts do not swallow the wheel, so turning it over a chart scrolls the page.

    (Qt only passes real wheel events on to the scrolling page, so the test checks that the
    chart leaves the event unaccepted, which is what lets it through.)"""
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    canvas = page.views["mood_craving"].canvas
    middle = QPointF(canvas.width() / 2, canvas.height() / 2)
    event = QWheelEvent(
        middle,
        QPointF(canvas.mapToGlobal(middle.toPoint())),
        QPoint(0, 0),
        QPoint(0, -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(canvas, event)
    assert not event.isAccepted()


def test_all_starts_at_the_earliest_record_not_the_first_check_in(qtbot, journal, worker):
    """A craving and a lapse recorded weeks before the first check-in are on the "All" charts."""
    from datetime import datetime, timedelta

    from recovery_desktop.domain.checkin import CheckIn
    from recovery_desktop.domain.cravings import Craving
    from recovery_desktop.domain.recovery_time import DEFAULT_SUBSTANCE, Lapse
    from recovery_desktop.reports.chart_kit import day_number

    today = date.today()
    craving_day, lapse_day = today - timedelta(days=60), today - timedelta(days=45)
    journal.checkins.save_many(CheckIn(today - timedelta(days=n), mood=5) for n in range(20))
    journal.cravings.save(Craving(None, datetime.combine(craving_day, datetime.min.time()), 7))
    lapse = Lapse(None, datetime.combine(lapse_day, datetime.min.time()), DEFAULT_SUBSTANCE)
    journal.recovery_time.record_lapse(lapse, None, today)
    page = _shown_page(qtbot, journal, worker)
    click_choice(qtbot, page.range, "All")
    qtbot.waitUntil(
        lambda: (
            not page.is_drawing()
            and all(view.chart.period == page.period() for view in page.shown_views().values())
        ),
        timeout=20000,
    )
    assert page.period().start <= craving_day
    bars = page.views["cravings_daily"].chart.figure.axes[0]
    assert [(box.centre, box.height) for box in drawn_bars(bars)] == [(day_number(craving_day), 1)]
    mood = page.views["mood_craving"].chart.figure.axes[0]
    lapse_lines = [line for line in mood.get_lines() if line.get_label() == "Lapse"]
    assert [list(line.get_xdata()) for line in lapse_lines] == [[day_number(lapse_day)] * 2]


def test_hovering_a_trigger_named_like_html_shows_the_name_as_typed(qtbot, journal, worker):
    """A trigger called "<b>bold</b> & co" is described with its tags, not in bold."""
    from datetime import datetime

    from PySide6.QtCore import QEvent, QPointF
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    from recovery_desktop.domain.cravings import Craving, Tag
    from tests.ui.test_user_text_is_plain import drawn

    name = "<b>bold</b> & co"
    now = datetime.now().replace(second=0, microsecond=0)
    for _ in range(3):
        journal.cravings.save(Craving(None, now, 6, triggers=(Tag(None, name),)))
    view = _shown_page(qtbot, journal, worker).views["triggers"]
    view.canvas.draw()
    (point,) = view.chart.points
    x, y = view.chart.figure.axes[0].transData.transform((point.x, point.y))
    ratio = view.canvas.devicePixelRatioF()
    at = QPointF(x / ratio, view.canvas.height() - y / ratio)
    move = QMouseEvent(
        QEvent.Type.MouseMove,
        at,
        QPointF(view.canvas.mapToGlobal(at.toPoint())),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QToolTip.hideText()
    QApplication.sendEvent(view.canvas, move)  # the pointer moving over the bar
    qtbot.waitUntil(QToolTip.isVisible)
    (tip,) = [w for w in QApplication.topLevelWidgets() if w.inherits("QTipLabel")]
    assert drawn(tip.text(), tip.textFormat()) == f"{name}\n3 cravings" == point.text


def _hold(worker):
    """Hold the worker with a job of its own until the returned event is set."""
    import threading

    from PySide6.QtCore import QObject

    release = threading.Event()
    holder = QObject()
    worker.channel(holder).submit("hold", lambda: release.wait(timeout=30))
    return release, holder


def test_the_first_chart_is_told_then_all_of_them(qtbot, journal, worker):
    """``first_chart_shown`` comes with the top chart on screen, ``charts_ready`` once every
    chart of the range is."""
    journal.checkins.save_many(demo_checkins(10, date.today(), seed=2))
    page = TrendsPage(journal, Warmup(), worker)
    qtbot.addWidget(page)
    page.resize(1000, 900)
    seen = []
    page.first_chart_shown.connect(
        lambda: seen.append(("first", [k for k, v in page.shown_views().items() if v.chart]))
    )
    page.charts_ready.connect(lambda: seen.append(("ready", page.is_drawing())))
    page.show()
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=20000)
    assert seen == [("first", ["mood_craving"]), ("ready", False)]
    assert all(view.chart.period == page.period() for view in page.shown_views().values())


def test_charts_keep_their_room_while_they_are_drawn(qtbot, journal, worker):
    """Before its picture comes, each chart already has its place and height, named for
    screen readers, so nothing below it moves as the charts appear one after another."""
    journal.checkins.save_many(demo_checkins(10, date.today(), seed=2))
    release, _holder = _hold(worker)
    page = TrendsPage(journal, Warmup(), worker)
    qtbot.addWidget(page)
    page.resize(1000, 900)
    page.show()
    qtbot.waitUntil(lambda: len(page.views) == len(CHARTS))
    qtbot.waitUntil(
        lambda: all(
            v.canvas.isVisible() and v.height() >= v.minimumSizeHint().height() > 200
            for v in page.shown_views().values()
        )
    )
    waiting = {key: view.geometry() for key, view in page.shown_views().items()}
    assert page.is_drawing() and not any(v.chart for v in page.shown_views().values())
    assert page.views["mood_craving"].canvas.accessibleName() == "Mood and craving chart"
    release.set()
    qtbot.waitUntil(lambda: not page.is_drawing(), timeout=20000)
    assert {key: view.geometry() for key, view in page.shown_views().items()} == waiting


def test_a_range_left_before_its_charts_came_is_never_shown(qtbot, page, worker):
    """Week → All → week while the worker is busy: only this week's charts are drawn, once
    each; the charts of "All" are dropped unseen."""
    counts = {key: view.draw_count for key, view in page.shown_views().items()}
    release, _holder = _hold(worker)
    click_choice(qtbot, page.range, "All")
    click_choice(qtbot, page.range, "This week")
    release.set()
    qtbot.waitUntil(lambda: not page.is_drawing(), timeout=20000)
    assert {key: view.draw_count - counts[key] for key, view in page.shown_views().items()} == {
        key: 1 for key in counts
    }
    assert all(view.chart.period == page.period() for view in page.shown_views().values())
    assert page.period().days <= 7


def test_a_narrower_window_gets_charts_drawn_for_their_new_width(qtbot, page):
    """After the window is made narrower, each chart is drawn again at its new size, so
    text and points are neither squeezed nor cut."""
    counts = {key: view.draw_count for key, view in page.shown_views().items()}
    page.resize(760, 900)
    qtbot.waitUntil(
        lambda: (
            not page.is_drawing()
            and all(view.draw_count > counts[key] for key, view in page.shown_views().items())
        ),
        timeout=20000,
    )
    for view in page.shown_views().values():
        assert view.canvas.matches_size()
        assert view.canvas.rendered.width == round(view.canvas.width() * view.devicePixelRatioF())


def test_a_chart_drawn_while_its_room_changed_is_drawn_again_at_the_new_size(
    qtbot, journal, worker
):
    """The window narrows while the top chart is on its way: once every chart is ready, each
    picture fits its chart's room exactly (not scaled) and hovering a point describes it."""
    journal.checkins.save_many(demo_checkins(10, date.today(), seed=2))
    page = TrendsPage(journal, Warmup(), worker)
    qtbot.addWidget(page)
    page.resize(1000, 900)
    narrowed = []

    def narrow_once(key, _value):  # runs after the page asked for its first chart
        if key == "data" and not narrowed:
            narrowed.append(True)
            page.resize(760, 900)

    page.jobs.result.connect(narrow_once)
    with qtbot.waitSignal(page.charts_ready, timeout=20000):
        page.show()
    qtbot.waitUntil(lambda: not page.is_drawing(), timeout=20000)
    assert narrowed
    for view in page.shown_views().values():
        assert view.canvas.matches_size()
        assert view.canvas.rendered.width == round(view.canvas.width() * view.devicePixelRatioF())
    view = page.views["mood_craving"]
    point = next(p for p in view.chart.points if "Mood:" in p.text)
    x, y = view.chart.figure.axes[point.axes].transData.transform((point.x, point.y))
    assert view.point_text_at(x + 2, y + 2) == point.text


def test_a_new_range_is_told_and_the_old_charts_are_dimmed_until_it_is_drawn(qtbot, page, worker):
    """4 weeks → All: until the new charts are all drawn, the status line says so and the
    charts still showing 4 weeks are marked outdated (dimmed, keeping their room); then
    the message goes and no chart is outdated."""
    places = {key: view.geometry() for key, view in page.shown_views().items()}
    release, _holder = _hold(worker)
    click_choice(qtbot, page.range, "All")
    assert page.status.text() == f"Drawing the charts for {page.period().label}…"
    assert all(view.is_outdated() for view in page.shown_views().values())
    assert not page.views["mood_craving"].save_button.isEnabled()
    assert {key: view.geometry() for key, view in page.shown_views().items()} == places
    with qtbot.waitSignal(page.charts_ready, timeout=20000):
        release.set()
    assert page.status.text() == ""
    assert not any(view.is_outdated() for view in page.shown_views().values())
    assert all(view.chart.period == page.period() for view in page.shown_views().values())
    assert page.views["mood_craving"].save_button.isEnabled()


def _idle_points(page):
    return [p.text for p in page.views["idle_cravings"].chart.points]


def test_a_planned_block_and_the_waking_window_redraw_the_idle_chart(page, journal, qtbot):
    """A block added on My day reaches the shown page: today gets its idle bar. A new
    waking window redraws it; another preference (the reminder days) draws nothing."""
    from recovery_desktop.domain.day_plan import BlockCategory, BlockTimes, WakingWindow

    assert _idle_points(page) == []
    work = journal.day_plan.add(date.today(), BlockTimes(540, 1020, "Work", BlockCategory.WORK))
    journal.day_plan.set_done(work.id, True)  # counts whether or not today is over
    qtbot.waitUntil(lambda: len(_idle_points(page)) == 1 and not page.is_drawing(), timeout=20000)
    assert "\nIdle 8 h" in _idle_points(page)[0]
    counts = {key: view.draw_count for key, view in page.shown_views().items()}
    journal.preferences.set_reach_out_reminder_days(5)
    assert {key: view.draw_count for key, view in page.shown_views().items()} == counts
    assert not page.is_drawing()
    journal.preferences.set_waking_window(WakingWindow(8 * 60, 22 * 60))
    qtbot.waitUntil(lambda: "\nIdle 6 h" in "".join(_idle_points(page)), timeout=20000)
