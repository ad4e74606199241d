"""PDF files made by Qt painting, saved whole or not at all.

Qt's PDF writer does not report a failed write (a full disk left a 64 KiB file "saved"), so
the PDF is painted into memory, checked, and handed to
:func:`~recovery_desktop.data.output_files.save_output`. "Print to file" in the print dialog
goes the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QPagedPaintDevice, QPageLayout, QPdfWriter
from PySide6.QtPrintSupport import QPrinter

from recovery_desktop.data.output_files import pdf_check, refuse_app_files, save_output
from recovery_desktop.data.output_places import AppFolders

PDF_DPI = 300

# Paints on the device it is given; returns the number of pages, or None when not known.
Render = Callable[[QPagedPaintDevice], "int | None"]


def pdf_bytes(layout: QPageLayout, title: str, render: Render) -> tuple[bytes, int | None]:
    """What ``render`` paints, as a whole PDF in memory, and its number of pages."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_DPI)
    writer.setPageLayout(layout)
    writer.setTitle(title)
    writer.setCreator("")
    try:
        pages = render(writer)
    finally:
        del writer  # writes the end of the file
    return bytes(buffer.data().data()), pages


def save_pdf(
    path: Path, layout: QPageLayout, title: str, render: Render, app_folders: AppFolders
) -> int | None:
    """Paint into a PDF at ``path``, whole or not at all; returns the number of pages.

    Raises :class:`~recovery_desktop.data.output_files.OutputProblem` naming the file, also
    (before anything is painted) when ``path`` lies among the app's own files.
    """
    refuse_app_files(path, app_folders)
    data, pages = pdf_bytes(layout, title, render)
    save_output(path, data, pdf_check(pages), app_folders=app_folders)
    return pages


def print_or_save(
    printer: QPrinter, title: str, render: Render, app_folders: AppFolders
) -> int | None:
    """Print, or, when the print dialog chose "Print to file", save that PDF as
    :func:`save_pdf` does (Qt would write it directly and keep quiet about a full disk)."""
    target = printer.outputFileName()
    if target:
        return save_pdf(Path(target), printer.pageLayout(), title, render, app_folders)
    return render(printer)
