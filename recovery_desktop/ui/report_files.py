"""Saving a summary to files, shared by the Weekly summary page and ``report`` on the CLI."""

from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path

from recovery_desktop.data.errors import StorageProblem
from recovery_desktop.data.journal import Journal
from recovery_desktop.data.output_files import (
    OutputProblem,
    html_check,
    refuse_app_files,
    save_output,
)
from recovery_desktop.data.output_places import AppFolders, same_file
from recovery_desktop.domain.periods import Period
from recovery_desktop.reports.summary_service import BuiltSummary, build_summary, read_request
from recovery_desktop.ui.dates import use_app_language


def ensure_gui_application() -> None:
    """Fonts and PDF writing need a QGuiApplication; headless, use the offscreen platform."""
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        # Kept alive for the rest of the process, as Qt requires.
        sys.modules[__name__].__dict__["_app"] = QGuiApplication(sys.argv[:1])
    use_app_language()


def save_summary(
    journal: Journal,
    period: Period,
    pdf: Path,
    html: Path | None = None,
    page_size: str | None = None,
) -> int:
    """Write the summary of ``period`` as the journal's remembered choices print it (made by
    :mod:`~recovery_desktop.reports.summary_service`) as a PDF, and optionally as one
    self-contained HTML file; returns the page count.

    Each file is whole or absent. Raises :class:`StorageProblem` naming the file and the
    reason (disk full, folder read-only…) or saying that the summary is too long to lay out;
    an :class:`OutputProblem` before anything is written when a file would go among the
    journal's own files or both would be one file.
    """
    folders = journal.files.app_folders()
    if html is not None:
        check_html_place(pdf, html, folders)
    ensure_gui_application()
    from recovery_desktop.ui.printing import PrintError, default_page_size_name, write_pdf

    built = build_summary(read_request(journal, period, date.today()))
    try:
        pages = write_pdf(built, pdf, page_size or default_page_size_name(), folders)
    except PrintError as error:
        raise StorageProblem(f"{error} Nothing was saved.") from error
    if html is not None:
        try:
            save_html(built, html, folders)
        except OutputProblem as error:
            raise OutputProblem(
                error.path, f"{error.reason} (The PDF was saved to {pdf}.)"
            ) from error
    return pages


def save_html(built: BuiltSummary, path: Path, app_folders: AppFolders) -> None:
    """The summary as one HTML file with its charts inside, whole or not at all."""
    save_output(path, built.standalone_html().encode("utf-8"), html_check, app_folders=app_folders)


def check_html_place(pdf: Path, html: Path, app_folders: AppFolders) -> None:
    """Raise :class:`OutputProblem` when the HTML file would replace the PDF or one of the
    app's own files; checked before either file is written."""
    refuse_app_files(html, app_folders)
    if same_file(pdf, html):
        raise OutputProblem(
            html, f"it is the same file as the PDF ({pdf}). Choose two different file names."
        )
