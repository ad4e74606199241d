"""The Weekly summary's output: print, and Save as PDF (written on the worker thread, or
here for ``save_pdf_to``); the files go through ``data.output_files.save_output``."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QComboBox, QMessageBox, QWidget

from recovery_desktop.data.errors import JournalError
from recovery_desktop.data.output_places import AppFolders
from recovery_desktop.domain.periods import Period
from recovery_desktop.domain.wording import plural
from recovery_desktop.ui.dialog_traces import no_folder_traces
from recovery_desktop.ui.printing import PrintError
from recovery_desktop.ui.save_dialog import FileKind, ask_save_path
from recovery_desktop.ui.summary_jobs import PdfOutcome, write_pdf
from recovery_desktop.ui.widgets.status_line import StatusLine
from recovery_desktop.ui.worker import Channel

if TYPE_CHECKING:
    from recovery_desktop.reports.summary_service import BuiltSummary


class SummaryOutput:
    """Print and PDF for :class:`~recovery_desktop.ui.pages.summary.page.SummaryPage` (mixed
    into it; it provides the attributes below and :meth:`_ready_summary`)."""

    period: Period
    paper: QComboBox
    status: StatusLine
    pdf_jobs: Channel
    _app_folders: AppFolders

    def _ready_summary(self) -> BuiltSummary | None:
        raise NotImplementedError

    def _apply_page_layout(self, printer: QPrinter) -> None:
        raise NotImplementedError

    def _widget(self) -> QWidget:
        assert isinstance(self, QWidget)
        return self

    def print_summary(self) -> None:
        if self._ready_summary() is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self._apply_page_layout(printer)
        dialog = QPrintDialog(printer, self._widget())
        with no_folder_traces():  # its "…" button opens a file dialog
            accepted = dialog.exec() == QPrintDialog.DialogCode.Accepted
        if accepted:
            self.print_with(printer)

    def print_with(self, printer: QPrinter) -> int:
        """Print on the printer the print dialog set up, or save the PDF it chose ("Print to
        file") whole or not at all; returns the number of pages, 0 when it failed."""
        from recovery_desktop.ui.printing import print_to

        built = self._ready_summary()
        assert built is not None
        where = printer.outputFileName()
        try:
            pages = print_to(built, printer, self._app_folders)
        except (PrintError, JournalError) as error:
            self._not_saved("Not saved" if where else "Not printed", error)
            return 0
        self.status.setText(
            f"Saved {plural(pages, 'page')} to {where}."
            if where
            else f"Sent {plural(pages, 'page')} to the printer."
        )
        return pages

    def default_pdf_name(self) -> str:
        return f"summary-{self.period.key.replace('..', '-to-')}.pdf"

    def save_pdf(self) -> None:
        if self._ready_summary() is None:
            return
        start = Path.home() / self.default_pdf_name()
        chosen = ask_save_path(
            self._widget(), "Save summary as PDF", start, [FileKind("PDF", "pdf")]
        )
        if chosen is not None:
            self.save_pdf_later(chosen[0])

    def save_pdf_later(self, path: Path) -> None:
        """Write the PDF on the worker, whole or not at all; the status line says when it
        is saved, a box why not."""
        built = self._ready_summary()
        assert built is not None
        paper = self.paper.currentText()
        self.pdf_jobs.submit(path, partial(write_pdf, built, path, paper, self._app_folders))

    def _pdf_arrived(self, _path: Path, outcome: PdfOutcome) -> None:
        if outcome.refused is not None:
            self._not_saved("Not saved", outcome.refused)
            return
        self.status.setText(f"Saved {plural(outcome.pages, 'page')} to {outcome.path}.")

    def save_pdf_to(self, path: Path) -> int:
        """Save the PDF now, on this thread, as "Save as PDF…" does on the worker; returns
        the number of pages, 0 when it was not saved."""
        built = self._ready_summary()
        assert built is not None
        try:
            outcome = write_pdf(built, path, self.paper.currentText(), self._app_folders)
        except JournalError as error:
            self._not_saved("Not saved", error)
            return 0
        self._pdf_arrived(path, outcome)
        return outcome.pages

    def _not_saved(self, title: str, error: Exception) -> None:
        """A calm box with the file and the reason; the status line no longer says Saved."""
        self.status.setText(f"{title}.")
        QMessageBox.warning(self._widget(), title, f"{error}")
