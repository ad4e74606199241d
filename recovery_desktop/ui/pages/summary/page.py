"""Weekly summary: choose the period and sections, see exactly what prints, print or save."""

from __future__ import annotations

from datetime import date
from functools import partial
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.data.changes import Change
from recovery_desktop.data.errors import JournalError
from recovery_desktop.data.journal import Journal
from recovery_desktop.data.visits_read import held_kinds
from recovery_desktop.domain.periods import Period
from recovery_desktop.domain.summary import MAX_NAME_CHARACTERS, SummaryNotes, SummaryOptions
from recovery_desktop.reports.sections import SECTIONS
from recovery_desktop.ui.pages.summary.output import SummaryOutput
from recovery_desktop.ui.pages.summary.sections_box import SectionsBox
from recovery_desktop.ui.printing import PAGE_SIZES, PrintError, default_page_size_name
from recovery_desktop.ui.summary_jobs import build_preview
from recovery_desktop.ui.timers import single_shot
from recovery_desktop.ui.warmup import Warmup
from recovery_desktop.ui.widgets.layout import page_heading, scroll_area
from recovery_desktop.ui.widgets.period_picker import PeriodPicker
from recovery_desktop.ui.widgets.print_preview import ZoomablePreview
from recovery_desktop.ui.widgets.status_line import StatusLine
from recovery_desktop.ui.worker import Worker

if TYPE_CHECKING:
    from recovery_desktop.reports.summary_service import BuiltSummary

PREVIEW_DELAY_MS = 400
LIST_SAVE_DELAY_MS = 800


def _lines(editor: QPlainTextEdit) -> tuple[str, ...]:
    return tuple(line for line in editor.toPlainText().splitlines() if line.strip())


class SummaryPage(QWidget, SummaryOutput):
    """The preview's HTML and charts, and the PDF, are made on the worker thread; the
    preview shows the latest period and choices only. ``preview_ready``: the preview shows
    the current choices."""

    title = "Weekly summary"
    # Its own lists and choices are not here: the page wrote them (an import: REPLACED).
    shows = frozenset(
        {
            Change.CHECKINS,
            Change.CRAVINGS,
            Change.CONTACTS,
            Change.REACH_OUTS,
            Change.CLEAN_TIME,
            Change.PLAN,  # "My plan": the versions kept
            Change.MEDICATION,
            Change.APPOINTMENTS,  # also "since my last session"
            Change.JOURNAL,  # "Journal entries I chose to share"
            Change.REPLACED,
        }
    )
    preview_ready = Signal()

    def __init__(
        self, journal: Journal, warmup: Warmup, worker: Worker, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.journal = journal
        self._app_folders = journal.files.app_folders()  # no PDF is saved among them
        self.warmup = warmup
        self.built: BuiltSummary | None = None
        self._built_for: tuple[object, ...] | None = None  # the choices it was built with
        self.preview_jobs = worker.channel(self)
        self.preview_jobs.result.connect(self._preview_arrived)
        self.preview_jobs.failed.connect(self._preview_failed)
        self.pdf_jobs = worker.channel(self)  # never restarted: every PDF asked for is saved
        self.pdf_jobs.result.connect(self._pdf_arrived)
        self.pdf_jobs.failed.connect(lambda _path, error: self._not_saved("Not saved", error))
        self._lists_dirty = False
        self._loading = False
        self._refusal = ""  # why the preview is empty, while it is
        self.status = StatusLine("Summary status", self)
        self.picker = PeriodPicker(
            self, journal.appointments.since_last_session, journal.appointments.session_days
        )
        self.period = self.picker.period()
        self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        # Ctrl++/−/0 zoom from anywhere on the page, not only inside the preview.
        self.preview = ZoomablePreview(self.printer, self, keys_on=self)
        self.preview.view.paintRequested.connect(self._paint_preview)
        self._preview_timer = single_shot(self, self.rebuild, PREVIEW_DELAY_MS)
        self._list_timer = single_shot(self, self.save_lists, LIST_SAVE_DELAY_MS)
        controls = self._controls()
        splitter = QSplitter(self)
        splitter.addWidget(controls)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([420, 700])
        splitter.setChildrenCollapsible(False)
        heading = page_heading("Weekly summary", self)
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addStretch(1)
        top.addLayout(self._output_row(self))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(splitter, 1)
        self._load_options()
        self._offer_sections()
        self._load_lists()
        self.picker.changed.connect(self._period_changed)

    # -- controls ------------------------------------------------------------------------
    def _controls(self) -> QWidget:
        column = QWidget(self)
        layout = QVBoxLayout(column)
        period_box = QGroupBox("Period", column)
        QVBoxLayout(period_box).addWidget(self.picker)
        layout.addWidget(period_box)
        layout.addWidget(self._header_box(column))
        layout.addWidget(self._sections_box(column))
        layout.addWidget(self._lists_box(column))
        layout.addStretch(1)
        scroll = scroll_area(column, self)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # As narrow as the controls allow (never cut off: they do not scroll sideways).
        bar = scroll.verticalScrollBar().sizeHint().width()
        scroll.setMinimumWidth(column.minimumSizeHint().width() + bar)
        return scroll

    def _header_box(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox("Header", parent)
        self.name = QLineEdit(box)
        self.name.setMaxLength(MAX_NAME_CHARACTERS)
        self.name.setPlaceholderText("Optional")
        self.name.setAccessibleName("Name on the summary")
        self.discreet = QCheckBox("Discreet: initials only, no app name", box)
        self.show_names = QCheckBox("Show names of people I reached", box)
        self.show_names.setToolTip(
            "Off: the summary only counts reach-outs by role (sponsor, family…)."
        )
        form = QFormLayout(box)
        form.addRow("&Name:", self.name)
        form.addRow(self.discreet)
        form.addRow(self.show_names)
        self.name.textChanged.connect(self._options_changed)
        self.discreet.toggled.connect(self._options_changed)
        self.show_names.toggled.connect(self._options_changed)
        return box

    def _sections_box(self, parent: QWidget) -> QGroupBox:
        box = SectionsBox(parent)
        self.section_boxes = box.boxes
        for check in box.boxes.values():
            check.toggled.connect(self._options_changed)
        self.sections_box = box
        return box

    def _offer_sections(self) -> None:
        """Offer the sections about medication and appointments once the journal holds
        such records."""
        try:
            held = held_kinds(self.journal.medication, self.journal.appointments)
        except JournalError:
            return  # what is offered stays
        self.sections_box.offer(held)

    def _lists_box(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox("For this period (one per line)", parent)
        self.talk_about = QPlainTextEdit(box)
        self.talk_about.setPlaceholderText("Things I want to talk about")
        self.talk_about.setAccessibleName("Things I want to talk about, one per line")
        self.goals = QPlainTextEdit(box)
        self.goals.setPlaceholderText("Goals for next week")
        self.goals.setAccessibleName("Goals for next week, one per line")
        self.previous_goals = QLabel(box)
        self.previous_goals.setWordWrap(True)
        self.previous_goals.setObjectName("hintLabel")
        for editor in (self.talk_about, self.goals):
            editor.setTabChangesFocus(True)
            editor.setMaximumHeight(90)
            editor.textChanged.connect(self._lists_changed)
        form = QFormLayout(box)
        form.addRow("&Talk about:", self.talk_about)
        form.addRow("", self.previous_goals)
        form.addRow("&Goals:", self.goals)
        return box

    def _output_row(self, parent: QWidget) -> QHBoxLayout:
        self.paper = QComboBox(parent)
        self.paper.addItems(list(PAGE_SIZES))
        self.paper.setCurrentText(default_page_size_name())
        self.paper.setAccessibleName("Paper size")
        self.paper.currentTextChanged.connect(lambda _t: self.rebuild())
        self.print_button = QPushButton("&Print…", parent)
        self.print_button.clicked.connect(self.print_summary)
        self.pdf_button = QPushButton("Save as PD&F…", parent)
        self.pdf_button.clicked.connect(self.save_pdf)
        row = QHBoxLayout()
        row.addWidget(QLabel("Paper:", parent))
        row.addWidget(self.paper)
        row.addSpacing(12)
        row.addWidget(self.print_button)
        row.addWidget(self.pdf_button)
        return row

    # -- options and lists ---------------------------------------------------------------
    def options(self) -> SummaryOptions:
        return SummaryOptions(
            sections={key: box.isChecked() for key, box in self.section_boxes.items()},
            name=self.name.text(),
            discreet=self.discreet.isChecked(),
            show_names=self.show_names.isChecked(),
        )

    def _load_options(self) -> None:
        try:
            options = self.journal.preferences.summary_options()
        except JournalError:
            options = SummaryOptions()
        self._loading = True
        for spec in SECTIONS:
            self.section_boxes[spec.key].setChecked(options.enabled(spec.key, spec.default_on))
        self.name.setText(options.name)
        self.discreet.setChecked(options.discreet)
        self.show_names.setChecked(options.show_names)
        self._loading = False

    def _options_changed(self, *_args: object) -> None:
        if self._loading:
            return
        try:
            self.journal.preferences.set_summary_options(self.options())
        except JournalError as error:
            self.status.setText(f"Your choices could not be saved: {error}")
        self._preview_timer.start()

    def _load_lists(self) -> None:
        try:
            notes = self.journal.summary_notes.get(self.period)
            previous = self.journal.summary_notes.previous_goals(self.period)
        except JournalError as error:
            self.status.setText(str(error))
            notes, previous = SummaryNotes(), ()
        self._loading = True
        self.talk_about.setPlainText("\n".join(notes.talk_about))
        self.goals.setPlainText("\n".join(notes.goals))
        self._loading = False
        self._lists_dirty = False
        self.previous_goals.setText(
            "Goals you set last time: " + "; ".join(previous) if previous else ""
        )
        self.previous_goals.setVisible(bool(previous))

    def _lists_changed(self) -> None:
        if self._loading:
            return
        self._lists_dirty = True
        self._list_timer.start()

    def save_lists(self) -> bool:
        """Commit the two lists for the current period; True when nothing is left unsaved."""
        self._list_timer.stop()
        if not self._lists_dirty:
            return True
        notes = SummaryNotes(_lines(self.talk_about), _lines(self.goals))
        try:
            self.journal.summary_notes.save(self.period, notes)
        except JournalError as error:
            self.status.setText(f"Not saved: {error} Your lists are kept on screen.")
            return False
        self._lists_dirty = False
        self.status.setText("Lists saved.")
        self._preview_timer.start()
        return True

    def _period_changed(self, period: Period) -> None:
        self.save_lists()
        self.period = period
        self._load_lists()
        self._preview_timer.start()

    # -- preview and output --------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.built is None:
            self.status.setText("Preparing the preview…")
            self.warmup.when_ready(self.rebuild)

    def _choices(self) -> tuple[Period, SummaryOptions, date]:
        return self.period, self.options(), date.today()

    def rebuild(self) -> None:
        """Build the summary for the current choices on the worker; the preview follows
        (``preview_ready``). A build asked for before is dropped, never shown."""
        if not self.warmup.is_ready:
            self.warmup.when_ready(self.rebuild)
            return
        self._preview_timer.stop()
        choices = self._choices()
        self.preview_jobs.restart()
        self.preview_jobs.submit(choices, partial(build_preview, self.journal, *choices))

    def _preview_arrived(self, choices: tuple[Period, SummaryOptions, date], built: object) -> None:
        self._show(cast("BuiltSummary", built), choices)

    def _preview_failed(self, _choices: object, error: JournalError) -> None:
        self.status.setText(f"The summary could not be read: {error}")

    def _show(self, built: BuiltSummary, choices: tuple[Period, SummaryOptions, date]) -> None:
        self.built, self._built_for = built, choices
        self._apply_page_layout(self.printer)
        self.preview.refresh()
        if self.status.text().startswith("Preparing"):
            self.status.clear()
        self.preview_ready.emit()

    def _build_now(self) -> None:
        """Build on this thread: printing or saving was asked for before the preview caught
        up with the latest choices."""
        from recovery_desktop.reports.summary_service import build_summary, read_request

        self._preview_timer.stop()
        self.preview_jobs.restart()
        choices = self._choices()
        period, options, today = choices
        try:
            request = read_request(self.journal, period, today, options)
        except JournalError as error:
            self.status.setText(f"The summary could not be read: {error}")
            return
        self._show(build_summary(request), choices)

    def _apply_page_layout(self, printer: QPrinter) -> None:
        from recovery_desktop.ui.printing import page_layout

        printer.setPageLayout(page_layout(self.paper.currentText()))

    def _paint_preview(self, printer: QPrinter) -> None:
        if self.built is None:
            return
        from recovery_desktop.ui.printing import paint, paint_notice

        try:
            self.page_count = paint(self.built, printer)
        except PrintError as error:  # too long to lay out: say so instead of a cut preview
            self.page_count = 0
            self._refusal = str(error)
            self.status.setText(self._refusal)
            paint_notice(printer, self._refusal)
            return
        if self._refusal and self.status.text() == self._refusal:
            self.status.clear()  # the period was made shorter
        self._refusal = ""

    def _ready_summary(self) -> BuiltSummary | None:
        """The summary of the current choices, built now if the preview is behind."""
        self.save_lists()
        behind = self._preview_timer.isActive() or self.preview_jobs.busy
        if self.built is None or behind or self._built_for != self._choices():
            self._build_now()
        return self.built

    def flush(self) -> bool:
        return self.save_lists()

    def data_changed(self, kinds: frozenset[Change]) -> None:
        """Records the summary shows changed (``ui/change_signal.py``)."""
        if kinds & {Change.MEDICATION, Change.APPOINTMENTS, Change.REPLACED}:
            self._offer_sections()
            self.picker.refresh_session(date.today())
        if Change.REPLACED in kinds:
            self.records_added()
        elif self.built is not None:
            self._preview_timer.start()

    def records_added(self) -> None:
        """Records came from outside this page (an import may bring this period's lists):
        read the lists again unless an edit is unsaved, and build the preview again."""
        if not self._lists_dirty:
            self._load_lists()
        if self.built is not None:
            self._preview_timer.start()
