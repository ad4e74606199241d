"""Trends: the charts over a chosen range, redrawn only when the data or range change.

The range's data is read and each chart built and rendered on the worker thread, one chart
per job, shown as it comes (docs/decisions.md, "Slow work off the GUI thread")."""

from __future__ import annotations

from datetime import date, timedelta
from functools import partial
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.data.changes import Change
from recovery_desktop.data.errors import JournalError
from recovery_desktop.data.journal import Journal
from recovery_desktop.domain.periods import PRESETS, Period, PeriodError, preset
from recovery_desktop.ui.chart_jobs import DATA, draw_chart, read_trends
from recovery_desktop.ui.dates import from_qdate, sensible_dates, to_qdate
from recovery_desktop.ui.theme import is_dark
from recovery_desktop.ui.warmup import Warmup
from recovery_desktop.ui.widgets.choice import SegmentedChoice
from recovery_desktop.ui.widgets.layout import page_heading, scroll_area
from recovery_desktop.ui.widgets.status_line import StatusLine
from recovery_desktop.ui.worker import Worker

if TYPE_CHECKING:
    from recovery_desktop.domain.trends import TrendData
    from recovery_desktop.reports.chart_render import RenderedChart
    from recovery_desktop.reports.style import ChartStyle
    from recovery_desktop.ui.widgets.chart_view import ChartView

CUSTOM = "custom"


# A window being resized asks for new pictures once it has stopped for this long.
RESIZE_PAUSE_MS = 150


class TrendsPage(QWidget):
    """``first_chart_shown``: the first chart of a new range is on screen; ``charts_ready``:
    every chart of the current range is."""

    title = "Trends"
    shows = frozenset(
        {
            Change.CHECKINS,
            Change.CRAVINGS,
            Change.CONTACTS,
            Change.REACH_OUTS,
            Change.CLEAN_TIME,
            Change.DAY_PLAN,
            Change.PREFERENCES,  # the waking window idle time is counted in
            Change.MEDICATION,
            Change.APPOINTMENTS,
        }
    )
    first_chart_shown = Signal()
    charts_ready = Signal()

    def __init__(
        self, journal: Journal, warmup: Warmup, worker: Worker, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.journal = journal
        self.warmup = warmup
        self.views: dict[str, ChartView] = {}
        self._drawn: tuple[object, ...] | None = None
        self._data: TrendData | None = None
        self._queue: list[str] = []  # charts still to draw, in page order
        self._waiting_first = False
        self._redrawing = False  # a new range is being drawn over charts still shown
        self.jobs = worker.channel(self)
        self.jobs.result.connect(self._arrived)
        self.jobs.failed.connect(self._failed)
        self._resized: set[str] = set()
        self._resize_pause = QTimer(self)
        self._resize_pause.setSingleShot(True)
        self._resize_pause.setInterval(RESIZE_PAUSE_MS)
        self._resize_pause.timeout.connect(self._draw_resized)
        self.range = SegmentedChoice([*PRESETS.items(), (CUSTOM, "Custom")], "Range", self)
        self.range.setValue("4weeks")
        self.range.valueChanged.connect(self._range_changed)
        self.start_edit, self.end_edit = QDateEdit(self), QDateEdit(self)
        for edit, name in ((self.start_edit, "From"), (self.end_edit, "To")):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("d MMM yyyy")
            edit.setAccessibleName(f"{name} date")
            sensible_dates(edit)
            edit.dateChanged.connect(self.refresh)
        today = date.today()
        self.start_edit.setDate(to_qdate(today - timedelta(days=27)))
        self.end_edit.setDate(to_qdate(today))
        self.status = StatusLine("Charts status", self)
        self.status.setText("Preparing charts…")
        self._build()
        self._show_custom(False)
        hints = QGuiApplication.styleHints()
        hints.colorSchemeChanged.connect(lambda _scheme: self.refresh())

    def _build(self) -> None:
        heading = page_heading("Trends", self)
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(QLabel("Range:", self))
        row.addWidget(self.range)
        self.from_label, self.to_label = QLabel("from", self), QLabel("to", self)
        for widget in (self.from_label, self.start_edit, self.to_label, self.end_edit):
            row.addWidget(widget)
        row.addSpacing(12)
        row.addWidget(self.status, 1)  # beside the range, so a message never moves the charts
        self.body = QWidget(self)
        self.charts_layout = QVBoxLayout(self.body)
        self.charts_layout.addStretch(1)
        scroll = scroll_area(self.body, self)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(row)
        layout.addWidget(scroll, 1)

    # -- the range -----------------------------------------------------------------------
    def _show_custom(self, visible: bool) -> None:
        for widget in (self.from_label, self.start_edit, self.to_label, self.end_edit):
            widget.setVisible(visible)

    def _range_changed(self, value: object) -> None:
        self._show_custom(value == CUSTOM)
        self.refresh()

    def period(self) -> Period:
        """The chosen range (a custom range with the dates swapped is put right)."""
        choice = self.range.value() or "4weeks"
        today = date.today()
        if choice == CUSTOM:
            start, end = from_qdate(self.start_edit.date()), from_qdate(self.end_edit.date())
            try:
                return Period(min(start, end), max(start, end))
            except PeriodError:
                return preset("4weeks", today)
        first = self._first_day() if choice == "all" else None
        return preset(str(choice), today, first)

    def _first_day(self) -> date | None:
        try:
            return self.journal.first_day()
        except JournalError:
            return None

    # -- drawing -------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self, self.refresh)

    def data_changed(self, kinds: frozenset[Change]) -> None:
        """Records the charts show changed (``ui/change_signal.py``): draw them again. Of
        the preferences only the waking window is drawn: another choice redraws nothing."""
        if kinds == {Change.PREFERENCES} and not self._window_changed():
            return
        self._drawn = None
        self.refresh()

    def _window_changed(self) -> bool:
        if self._data is None:
            return True
        try:
            return self.journal.preferences.waking_window() != self._data.waking_window
        except JournalError:
            return True

    def refresh(self) -> None:
        """Redraw when visible and something changed; otherwise do nothing."""
        if self.isVisible():
            self.warmup.when_ready(self._redraw_if_stale)

    def _style_name(self) -> str:
        return "dark" if is_dark(self.palette()) else "light"

    def _style(self) -> ChartStyle:
        from recovery_desktop.reports.style import DARK, LIGHT

        return DARK if self._style_name() == "dark" else LIGHT

    def _redraw_if_stale(self) -> None:
        period = self.period()
        key = (period, self._style_name())
        if not self.isVisible():
            return
        if key == self._drawn:
            self._draw_resized()  # room changed while another page was shown
            self._draw_next()  # charts left to draw when the page was hidden
            return
        self._drawn = key
        self._ensure_views()
        self._tell_redrawing(period)
        self.jobs.restart()  # a range asked for before is dropped, never shown
        self._data, self._waiting_first = None, True
        self._resized.clear()
        self._queue = []
        self.jobs.submit(DATA, partial(read_trends, self.journal, period))

    def _tell_redrawing(self, period: Period) -> None:
        """Charts of another range (or older data) on screen are dimmed, keeping their room,
        and the status line says the new ones are on their way until they all are."""
        shown = [view for view in self.views.values() if view.chart is not None]
        self._redrawing = bool(shown)
        if shown:
            self.status.setText(f"Drawing the charts for {period.label}…")
        for view in shown:
            view.mark_outdated()

    def _ensure_views(self) -> None:
        if self.views:
            return
        from recovery_desktop.domain.trends import TrendData
        from recovery_desktop.reports.chart_render import SCREEN_DPI
        from recovery_desktop.reports.charts import CHARTS
        from recovery_desktop.ui.widgets.chart_view import ChartView

        folders = self.journal.files.app_folders()
        for spec in CHARTS:
            view = ChartView(spec.title, folders, self.body, round(spec.height * SCREEN_DPI))
            view.resized.connect(partial(self._view_resized, spec.key))
            self.views[spec.key] = view
            self.charts_layout.insertWidget(self.charts_layout.count() - 1, view)
            view.setVisible(spec.wanted(TrendData(self.period())))  # until the data says

    def _draw_next(self) -> None:
        """One chart per job, asked for when the one before is shown, so each is drawn
        at the room it has then (a scroll bar appearing narrows them all)."""
        if self._data is None or not self._queue or self.jobs.busy or not self.isVisible():
            return  # a hidden page goes on when it is shown again
        key = self._queue.pop(0)
        size = self.views[key].pixel_size()
        self.jobs.submit(key, partial(draw_chart, key, self._data, self._style(), size))

    def _arrived(self, key: str, value: object) -> None:
        if key == DATA:
            self._data = cast("TrendData", value)
            if not self._redrawing:
                self.status.clear()  # "Preparing charts…": the charts' rooms show the rest
            self._queue = self._show_wanted(self._data)  # in page order
        else:
            view = self.views[key]
            view.show_rendered(cast("RenderedChart", value))
            if self._drawn_for_other_size(key):
                self._queue.append(key)  # its room changed while it was on its way
            if self._waiting_first:
                self._waiting_first = False
                self.first_chart_shown.emit()
        self._draw_next()
        if not self.is_drawing():
            if self._redrawing:
                self._redrawing = False
                self.status.clear()
            self.charts_ready.emit()

    def _show_wanted(self, data: TrendData) -> list[str]:
        """Show the charts wanted for ``data`` (one about records the journal never held,
        such as medication, is hidden: they come last, so nothing above them moves) and
        return their keys."""
        from recovery_desktop.reports.charts import chart_spec

        wanted = [key for key in self.views if chart_spec(key).wanted(data)]
        for key, view in self.views.items():
            view.setVisible(key in wanted)
        return wanted

    def _drawn_for_other_size(self, key: str) -> bool:
        """True when the picture shown is scaled and a new one would fit (never for a
        chart narrower than a chart can be drawn, so a redraw never repeats itself)."""
        view = self.views[key]
        if view.canvas.matches_size() or key in self._queue or view.canvas.rendered is None:
            return False
        shown = view.canvas.rendered
        width, height, ratio = view.pixel_size()
        # Agg rounds a size in inches down to whole pixels: a pixel less is the same size.
        near = abs(shown.width - width * ratio) <= 1 and abs(shown.height - height * ratio) <= 1
        return not near or shown.pixel_ratio != ratio

    def _failed(self, _key: str, error: JournalError) -> None:
        self.status.setText(f"The charts could not be read: {error}")

    def _view_resized(self, key: str) -> None:
        if self.views[key].chart is not None:
            self._resized.add(key)
            self._resize_pause.start()

    def _draw_resized(self) -> None:
        """Charts whose room changed are built again at their new size (a figure shown on
        screen belongs to this thread, so the worker never renders it again)."""
        if self._data is None or not self.isVisible():
            return  # kept for when the page is shown
        keys = [k for k in self.views if k in self._resized and k not in self._queue]
        self._queue += keys
        self._resized = set()
        self._draw_next()

    def shown_views(self) -> dict[str, ChartView]:
        """The charts on the page by key, in order (those not wanted for the data are
        hidden)."""
        return {key: view for key, view in self.views.items() if not view.isHidden()}

    def is_drawing(self) -> bool:
        """True until every chart of the current range is on screen."""
        return self.jobs.busy or bool(self._queue)

    def flush(self) -> bool:
        return True
