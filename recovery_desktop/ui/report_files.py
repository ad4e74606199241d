"""Saving a summary to files, shared by the Weekly summary page and ``report`` on the CLI."""

from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path

from recovery_desktop.data.errors import StorageProblem
from recovery_desktop.data.fsutil import describe_os_error
from recovery_desktop.data.journal import Journal
from recovery_desktop.domain.periods import Period
from recovery_desktop.reports.summary import BuiltSummary, build_summary
from recovery_desktop.ui.dates import use_app_language


def ensure_gui_application() -> None:
    """Fonts and PDF writing need a QGuiApplication; headless, use the offscreen platform."""
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        # Kept alive for the rest of the process, as Qt requires.
        sys.modules[__name__].__dict__["_app"] = QGuiApplication(sys.argv[:1])
    use_app_language()


def build(journal: Journal, period: Period) -> BuiltSummary:
    return build_summary(
        journal.summary_inputs(period), journal.preferences.summary_options(), date.today()
    )


def _check_writable(path: Path) -> None:
    try:
        with open(path, "ab"):
            pass
    except OSError as error:
        raise StorageProblem(f"{path} could not be written: {describe_os_error(error)}") from error


def save_summary(
    journal: Journal,
    period: Period,
    pdf: Path,
    html: Path | None = None,
    page_size: str | None = None,
) -> int:
    """Write the PDF (and optionally one self-contained HTML file); returns the page count."""
    ensure_gui_application()
    from recovery_desktop.ui.printing import PrintError, default_page_size_name, write_pdf

    built = build(journal, period)
    _check_writable(pdf)
    try:
        pages = write_pdf(built, pdf, page_size or default_page_size_name())
    except PrintError as error:
        raise StorageProblem(str(error)) from error
    if html is not None:
        try:
            html.write_text(built.standalone_html(), encoding="utf-8")
        except OSError as error:
            raise StorageProblem(
                f"{html} could not be written: {describe_os_error(error)}"
            ) from error
    return pages
