"""The Plan page's printouts: Print…, Save as PDF… and the crisis card, the weekly summary's
way (``ui/pages/summary/output.py``): Qt's print dialog, the app's save dialog (which asks
before replacing a file), PDFs written whole or not at all through
``data.output_files.save_output`` (a temporary file, then renamed), and a calm box naming
the file and the reason when something could not be done.

Built in ``ui/app.py`` (the composition root) with :func:`plan_output_for` and handed to
the Plan page, which shows :attr:`PlanOutput.said` in its status line.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QMessageBox, QWidget

from recovery_desktop.data.errors import JournalError
from recovery_desktop.data.output_places import AppFolders
from recovery_desktop.domain.wording import plural
from recovery_desktop.reports.plan_html import PlanPrintInputs, PlanSource, read_plan_inputs
from recovery_desktop.reports.summary_service import BuiltSummary
from recovery_desktop.ui.busy import busy
from recovery_desktop.ui.dialog_traces import no_folder_traces
from recovery_desktop.ui.plan_printing import (
    crisis_card_built,
    crisis_card_for,
    plan_built,
    print_plan_to,
    write_plan_pdf,
)
from recovery_desktop.ui.printing import PrintError, default_page_size_name, page_layout
from recovery_desktop.ui.save_dialog import FileKind, ask_save_path

PDF = FileKind("PDF", "pdf")
PLAN_FILE = "my-recovery-plan.pdf"
CARD_FILE = "my-crisis-card.pdf"


class NotSaved(PrintError):
    """The page could not commit what was typed last, so the plan is not printed without it."""

    def __init__(self) -> None:
        super().__init__(
            "What you typed last could not be saved yet, so the plan was not printed "
            "without it. Please try again in a moment."
        )


class PlanOutput(QObject):
    """Print and save the plan and its crisis card. ``read_inputs`` reads what they show
    from the journal (it may raise :class:`JournalError`); ``paper`` names the paper of
    saved PDFs ("A4" or "Letter"; default: the printer's, else the system's). Every method
    returns the number of pages written or printed, 0 when nothing was (cancelled, or
    refused: a box said why).

    ``parent`` is the Plan page: when it has a ``save_now()`` (True when nothing is left
    unsaved), that is called first, so what prints is what the page shows, typed a moment
    ago included."""

    said = Signal(str)  # "Saved 2 pages to …": for the page's status line

    def __init__(
        self,
        read_inputs: Callable[[], PlanPrintInputs],
        app_folders: AppFolders,
        paper: Callable[[], str] = default_page_size_name,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._read_inputs = read_inputs
        self._app_folders = app_folders
        self._paper = paper

    # -- the whole plan ------------------------------------------------------------------
    def print_plan(self, parent: QWidget) -> int:
        return self._print(parent, "Print plan", self.print_plan_with)

    def print_plan_with(self, parent: QWidget, printer: QPrinter) -> int:
        """Print on ``printer`` as the print dialog set it up, or save the PDF it chose
        ("Print to file") whole or not at all."""
        return self._print_with(parent, printer, plan_built)

    def save_plan_pdf(self, parent: QWidget) -> int:
        path = self._ask(parent, "Save plan as PDF", PLAN_FILE)
        return 0 if path is None else self.save_plan_pdf_to(parent, path)

    def save_plan_pdf_to(self, parent: QWidget, path: Path) -> int:
        """Save the plan at ``path`` now, as "Save as PDF…" does once a file is chosen."""
        return self._save(parent, path, plan_built)

    # -- the crisis card -----------------------------------------------------------------
    def print_crisis_card(self, parent: QWidget) -> int:
        """Print the card on one page of the paper chosen in the print dialog."""
        return self._print(parent, "Print crisis card", self.print_crisis_card_with)

    def print_crisis_card_with(self, parent: QWidget, printer: QPrinter) -> int:
        """As :meth:`print_plan_with`, the card on one page of the printer's paper."""
        layout = printer.pageLayout()
        return self._print_with(parent, printer, lambda inputs: crisis_card_for(inputs, layout))

    def save_crisis_card(self, parent: QWidget) -> int:
        path = self._ask(parent, "Save crisis card as PDF", CARD_FILE)
        return 0 if path is None else self.save_crisis_card_to(parent, path)

    def save_crisis_card_to(self, parent: QWidget, path: Path) -> int:
        """Save the one-page card at ``path`` now (see :meth:`save_plan_pdf_to`)."""
        paper = self._paper()
        return self._save(parent, path, lambda inputs: crisis_card_built(inputs, paper))

    # -- the summary page's patterns -----------------------------------------------------
    def _inputs(self, parent: QWidget) -> PlanPrintInputs:
        """What prints, read after the page committed what is on screen; raises
        :class:`NotSaved` when it could not."""
        save_now = getattr(parent, "save_now", None)
        if callable(save_now) and save_now() is False:
            raise NotSaved
        return self._read_inputs()

    def _ask(self, parent: QWidget, title: str, name: str) -> Path | None:
        chosen = ask_save_path(parent, title, Path.home() / name, [PDF])
        return None if chosen is None else chosen[0]

    def _save(
        self, parent: QWidget, path: Path, build: Callable[[PlanPrintInputs], BuiltSummary]
    ) -> int:
        try:
            with busy():
                built = build(self._inputs(parent))
                pages = write_plan_pdf(built, path, self._paper(), self._app_folders)
        except (PrintError, JournalError) as error:
            return self._not_done(parent, "Not saved", error)
        self.said.emit(f"Saved {plural(pages, 'page')} to {path}.")
        return pages

    def _print(
        self, parent: QWidget, title: str, print_with: Callable[[QWidget, QPrinter], int]
    ) -> int:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(page_layout(self._paper()))
        dialog = QPrintDialog(printer, parent)
        dialog.setWindowTitle(title)
        with no_folder_traces():  # its "…" button opens a file dialog
            accepted = dialog.exec() == QPrintDialog.DialogCode.Accepted
        dialog.deleteLater()
        return print_with(parent, printer) if accepted else 0

    def _print_with(
        self, parent: QWidget, printer: QPrinter, build: Callable[[PlanPrintInputs], BuiltSummary]
    ) -> int:
        where = printer.outputFileName()
        try:
            with busy():
                pages = print_plan_to(build(self._inputs(parent)), printer, self._app_folders)
        except (PrintError, JournalError) as error:
            return self._not_done(parent, "Not saved" if where else "Not printed", error)
        self.said.emit(
            f"Saved {plural(pages, 'page')} to {where}."
            if where
            else f"Sent {plural(pages, 'page')} to the printer."
        )
        return pages

    def _not_done(self, parent: QWidget, title: str, error: Exception) -> int:
        """A calm box with the file and the reason; the status line says it too."""
        self.said.emit(f"{title}.")
        QMessageBox.warning(parent, title, f"{error}")
        return 0


class _Files(Protocol):
    def app_folders(self) -> AppFolders: ...


class PrintedJournal(PlanSource, Protocol):
    """What the printouts read: the plan, People and the summary's name choice, and where
    the app's own files are (no PDF goes there): an open ``data.journal.Journal``."""

    @property
    def files(self) -> _Files: ...


def plan_output_for(journal: PrintedJournal, parent: QObject | None = None) -> PlanOutput:
    """The printouts of ``journal``'s plan, read when asked for (printed today)."""
    return PlanOutput(
        lambda: read_plan_inputs(journal, date.today()), journal.files.app_folders(), parent=parent
    )
