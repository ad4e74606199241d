"""Weekly summary work for the worker thread: the preview's HTML and chart images, and
the PDF. These touch no widget; what they return is plain data (docs/decisions.md, "Slow
work off the GUI thread")."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from recovery_desktop.data.journal import Journal
from recovery_desktop.data.output_places import AppFolders
from recovery_desktop.domain.periods import Period
from recovery_desktop.domain.summary import SummaryOptions

if TYPE_CHECKING:  # matplotlib comes with the summary service, once it is wanted
    from recovery_desktop.reports.summary_service import BuiltSummary
    from recovery_desktop.ui.printing import PrintError


def build_preview(
    journal: Journal, period: Period, options: SummaryOptions, today: date
) -> BuiltSummary:
    """The summary of ``period`` as the page shows it, read through the worker's own
    connection. Raises :class:`~recovery_desktop.data.errors.JournalError`."""
    from recovery_desktop.reports.summary_service import build_summary, read_request

    with journal.reader() as reader:
        request = read_request(reader, period, today, options)
    return build_summary(request)


@dataclass(frozen=True)
class PdfOutcome:
    """A PDF written (``pages``) or refused by Qt (``refused``: too long, not writable)."""

    path: Path
    pages: int = 0
    refused: PrintError | None = None


def write_pdf(built: BuiltSummary, path: Path, paper: str, app_folders: AppFolders) -> PdfOutcome:
    """Save ``built`` as a PDF at ``path``, whole or not at all (``data.output_files``).
    Raises :class:`~recovery_desktop.data.errors.JournalError` for the file."""
    from recovery_desktop.ui import printing

    try:
        return PdfOutcome(path, printing.write_pdf(built, path, paper, app_folders))
    except printing.PrintError as error:
        return PdfOutcome(path, refused=error)
