"""Trends: the charts over a chosen range, redrawn only when the data or range change."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
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
from recovery_desktop.ui.dates import from_qdate, sensible_dates, to_qdate
from recovery_desktop.ui.theme import is_dark
from recovery_desktop.ui.warmup import Warmup
from recovery_desktop.ui.widgets.choice import SegmentedChoice
from recovery_desktop.ui.widgets.layout import page_heading, scroll_area
from recovery_desktop.ui.widgets.status_line import StatusLine

if TYPE_CHECKING:
    from recovery_desktop.ui.widgets.chart_view import ChartView

CUSTOM = "custom"


class TrendsPage(QWidget):
    title = "Trends"
    shows = frozenset(
        {Change.CHECKINS, Change.CRAVINGS, Change.CONTACTS, Change.REACH_OUTS, Change.CLEAN_TIME}
    )

    def __init__(self, journal: Journal, warmup: Warmup, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self.warmup = warmup
        self.views: dict[str, ChartView] = {}
        self._drawn: tuple[object, ...] | None = None
        self._queue: list[str] = []
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

    def data_changed(self, _kinds: frozenset[Change]) -> None:
        """Records the charts show changed (``ui/change_signal.py``): draw them again."""
        self._drawn = None
        self.refresh()

    def refresh(self) -> None:
        """Redraw when visible and something changed; otherwise do nothing."""
        if self.isVisible():
            self.warmup.when_ready(self._redraw_if_stale)

    def _style_name(self) -> str:
        return "dark" if is_dark(self.palette()) else "light"

    def _redraw_if_stale(self) -> None:
        period = self.period()
        key = (period, self._style_name())
        if key == self._drawn or not self.isVisible():
            return
        self._drawn = key
        self._ensure_views()
        try:
            self._data = self.journal.trend_data(period)
        except JournalError as error:
            self.status.setText(f"The charts could not be read: {error}")
            return
        self.status.clear()
        self._queue = list(self.views)
        QTimer.singleShot(0, self, self._draw_next)

    def _ensure_views(self) -> None:
        if self.views:
            return
        from recovery_desktop.reports.charts import CHARTS
        from recovery_desktop.ui.widgets.chart_view import ChartView

        for spec in CHARTS:
            view = ChartView(spec.title, self.journal.files.app_folders(), self.body)
            self.views[spec.key] = view
            self.charts_layout.insertWidget(self.charts_layout.count() - 1, view)

    def _draw_next(self) -> None:
        """One chart per turn of the event loop, so the window never stalls."""
        if not self._queue:
            return
        from recovery_desktop.reports.charts import chart_spec
        from recovery_desktop.reports.style import DARK, LIGHT

        key = self._queue.pop(0)
        style = DARK if self._style_name() == "dark" else LIGHT
        self.views[key].set_chart(chart_spec(key).build(self._data, style))
        if self._queue:
            QTimer.singleShot(0, self, self._draw_next)

    def is_drawing(self) -> bool:
        return bool(self._queue)

    def flush(self) -> bool:
        return True
