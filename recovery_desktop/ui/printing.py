"""Paper and PDF through Qt: the summary's HTML laid out page by page, with a footer.

The same painting code serves the on-screen preview, the printer and PDF files, and lays
out at one resolution (:data:`LAYOUT_DPI`) for all of them, so what the preview shows is
exactly what prints.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QIODevice, QLocale, QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QFontMetricsF,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPaintDevice,
    QPainter,
    QPdfWriter,
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from recovery_desktop.data.output_places import AppFolders
from recovery_desktop.ui.pdf_output import print_or_save, save_pdf
from recovery_desktop.ui.print_footer import (
    FooterText,
    footer_font,
    footer_height,
    paint_footer,
    place_footer,
)

if TYPE_CHECKING:  # importing it would load matplotlib at start-up
    from recovery_desktop.reports.summary_service import BuiltSummary

PAGE_SIZES = {"A4": QPageSize.PageSizeId.A4, "Letter": QPageSize.PageSizeId.Letter}
MARGIN_MM = 16.0
BODY_POINT_SIZE = 12
LAYOUT_DPI = 300  # the summary is laid out in pixels of this size for every device
SUMMARY_PAGES = 2  # PRODUCT feature 12: the weekly summary is "one or two pages"
# Qt's text layout stops placing lines 2^23 pixels down and silently leaves the rest out.
LAYOUT_LIMIT_PIXELS = 2**23
# Countries that use US Letter paper by default.
_LETTER_TERRITORIES = {
    QLocale.Country.UnitedStates,
    QLocale.Country.Canada,
    QLocale.Country.Mexico,
    QLocale.Country.Philippines,
    QLocale.Country.Chile,
    QLocale.Country.Colombia,
    QLocale.Country.Venezuela,
    QLocale.Country.PuertoRico,
}


class PrintError(Exception):
    """The printer or the file could not be written."""


class SummaryTooLong(PrintError):
    """The summary runs past what Qt can lay out; nothing is printed rather than a cut."""

    def __init__(self, pages: int, paper: str) -> None:
        super().__init__(
            f"This summary is too long to print: it runs past {pages:,} pages of {paper}, "
            "the most that can be laid out in one document, so its end would be missing. "
            "Choose a shorter period, or switch off long sections such as "
            "\u201cMy check-in notes\u201d."
        )
        self.pages = pages


def default_page_size_name() -> str:
    """ "A4" or "Letter": the default printer's paper, else what the system locale uses."""
    printer = QPrinterInfo.defaultPrinter()
    if not printer.isNull():
        size = printer.defaultPageSize()
        for name, page_id in PAGE_SIZES.items():
            if size.isValid() and size.id() == page_id:
                return name
    return "Letter" if QLocale.system().territory() in _LETTER_TERRITORIES else "A4"


def paper_name(layout: QPageLayout) -> str:
    """ "A4", "Letter", or Qt's name for another paper."""
    size = layout.pageSize()
    return next((n for n, i in PAGE_SIZES.items() if size.id() == i), size.name())


def page_layout(size_name: str) -> QPageLayout:
    margins = QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM)
    return QPageLayout(
        QPageSize(PAGE_SIZES.get(size_name, QPageSize.PageSizeId.A4)),
        QPageLayout.Orientation.Portrait,
        margins,
        QPageLayout.Unit.Millimeter,
    )


def build_document(built: BuiltSummary, device: QPaintDevice | None = None) -> QTextDocument:
    document = QTextDocument()
    if device is not None:
        document.documentLayout().setPaintDevice(device)
    font = document.defaultFont()
    font.setPointSize(BODY_POINT_SIZE)
    document.setDefaultFont(font)
    for name, png in built.images.items():
        document.addResource(
            QTextDocument.ResourceType.ImageResource, QUrl(name), QImage.fromData(png)
        )
    document.setHtml(built.document.html)
    return document


class LayoutDevice:
    """A PDF writer at :data:`LAYOUT_DPI` that is never painted on: the summary is laid out
    and measured in its pixels whatever it is painted on (preview, printer, PDF), so every
    output breaks lines and pages alike and the length limit is one number."""

    def __init__(self, layout: QPageLayout) -> None:
        self._buffer = QBuffer()
        self._buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        self.writer = QPdfWriter(self._buffer)
        self.writer.setResolution(LAYOUT_DPI)
        self.writer.setPageLayout(layout)


@dataclass
class Pages:
    """The summary laid out in pages of ``body`` (layout pixels), a footer below each."""

    document: QTextDocument
    body: QSizeF
    footer: int
    device: LayoutDevice

    @property
    def count(self) -> int:
        return self.document.pageCount()


def max_pages(body_height: float) -> int:
    """The most pages of ``body_height`` layout pixels Qt can lay out in one document."""
    return int(LAYOUT_LIMIT_PIXELS // body_height) - 1


def lay_out(built: BuiltSummary, layout: QPageLayout) -> Pages:
    """Lay the summary out in pages of ``layout``; headings stay with what follows them.

    Raises :class:`SummaryTooLong` when the text would run past Qt's layout limit, where
    the rest would be silently left out.
    """
    device = LayoutDevice(layout)
    document = build_document(built, device.writer)
    page = layout.paintRectPixels(LAYOUT_DPI)
    footer = footer_height(LAYOUT_DPI)
    body = QSizeF(page.width(), page.height() - footer)
    document.setPageSize(body)
    _check_length(document, body.height(), layout)
    keep_headings_with_next(document, body.height())
    _check_length(document, body.height(), layout)
    return Pages(document, body, footer, device)


def fits(built: BuiltSummary, layout: QPageLayout, pages: int) -> bool:
    """Whether ``built`` lays out in at most ``pages`` pages of ``layout`` (False when it is
    too long even to lay out)."""
    try:
        return lay_out(built, layout).count <= pages
    except PrintError:
        return False


def fit_pages(built: BuiltSummary, layout: QPageLayout) -> tuple[BuiltSummary, Pages]:
    """``built`` laid out in pages of ``layout``, or, when it runs past
    :data:`SUMMARY_PAGES`, the first of its shorter versions (shared journal entries cut
    shorter: ``BuiltSummary.shorter``) that fits that many. When none fits (the shortest is
    tried first, so a long period is laid out only twice), the whole summary on more
    pages: nothing is cut that would not save a page.

    Raises :class:`SummaryTooLong` as :func:`lay_out` does.
    """
    pages = lay_out(built, layout)
    shorter = built.shorter_versions()
    if pages.count <= SUMMARY_PAGES or not shorter:
        return built, pages
    if not fits(shorter[-1], layout, SUMMARY_PAGES):  # a long period: no step can help
        return built, pages
    fitting = next(short for short in shorter if fits(short, layout, SUMMARY_PAGES))
    return fitting, lay_out(fitting, layout)


def _check_length(document: QTextDocument, body_height: float, layout: QPageLayout) -> None:
    limit = max_pages(body_height)
    if document.size().height() > limit * body_height:
        raise SummaryTooLong(limit, paper_name(layout))


def paint(built: BuiltSummary, device: QPagedPaintDevice) -> int:
    """Lay the summary out and paint it on ``device`` page by page; returns the number of
    pages. A summary with shared journal entries that would run past two pages is painted
    with them shorter when that fits two (:func:`fit_pages`). Raises
    :class:`SummaryTooLong` before painting anything, and :class:`PrintError` when the
    device refuses."""
    built, pages = fit_pages(built, device.pageLayout())
    painter = QPainter()
    if not painter.begin(device):
        raise PrintError("The printer or file could not be opened for writing.")
    try:
        painter.scale(device.logicalDpiX() / LAYOUT_DPI, device.logicalDpiY() / LAYOUT_DPI)
        for number in range(pages.count):
            if number and not device.newPage():
                raise PrintError("The printer refused a new page.")
            _paint_page(painter, pages.document, pages.body, number)
            _paint_footer(painter, built, pages, number)
    finally:
        painter.end()
    return pages.count


def paint_notice(device: QPagedPaintDevice, text: str) -> None:
    """One page that says ``text``: what a preview shows instead of a summary it cannot lay
    out, so it never goes on showing the previous one."""
    painter = QPainter()
    if not painter.begin(device):
        return
    try:
        page = device.pageLayout().paintRectPixels(device.logicalDpiX())
        font = QFont(QFont(), device)
        font.setPointSize(BODY_POINT_SIZE)
        painter.setFont(font)
        flags = Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap
        painter.drawText(QRectF(0, 0, page.width(), page.height()), int(flags), text)
    finally:
        painter.end()


def keep_headings_with_next(document: QTextDocument, page_height: float) -> None:
    """Start a heading on a new page when what follows it would land on the next one."""
    layout = document.documentLayout()
    block = document.begin()
    while block.isValid():
        following = block.next()
        if block.blockFormat().headingLevel() > 0 and following.isValid():
            top = first_line(layout, block)[0]
            bottom = first_line(layout, following)[1]
            if int(top // page_height) != int((bottom - 1) // page_height):
                fmt = block.blockFormat()
                fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                QTextCursor(block).setBlockFormat(fmt)
                _relayout_from(document, block.position())
        block = following


def first_line(layout: QAbstractTextDocumentLayout, block: QTextBlock) -> tuple[float, float]:
    """Top and bottom of a block's first line in document coordinates.

    A line that would cross a page boundary is moved down inside its block, which the
    block's bounding rectangle does not show; the line's own position does.
    """
    top = layout.blockBoundingRect(block).top()
    lines = block.layout()
    if lines is None or lines.lineCount() == 0:
        return top, layout.blockBoundingRect(block).bottom()
    line = lines.lineAt(0)
    return top + line.y(), top + line.y() + line.height()


def _relayout_from(document: QTextDocument, position: int) -> None:
    """Lay out everything from ``position`` again, now.

    After a block format changes, Qt re-lays the document out only partly; the blocks
    further down keep zero heights, so they would be measured wrongly here and left out
    of the pages that are painted.
    """
    document.markContentsDirty(position, document.characterCount() - position)
    document.pageCount()  # finishes the layout


def _paint_page(painter: QPainter, document: QTextDocument, body: QSizeF, number: int) -> None:
    top = number * body.height()
    painter.save()
    painter.translate(0, -top)
    document.drawContents(painter, QRectF(0, top, body.width(), body.height()))
    painter.restore()


def _paint_footer(painter: QPainter, built: BuiltSummary, pages: Pages, number: int) -> None:
    device = pages.device.writer
    font = footer_font(device)
    text = FooterText(
        built.document.footer_parts,
        built.document.footer_name,
        f"Page {number + 1} of {pages.count}",
    )
    area = QRectF(0, pages.body.height(), pages.body.width(), pages.footer)
    placed = place_footer(text, area, QFontMetricsF(font, device))
    paint_footer(painter, placed, font, device)


def write_pdf(built: BuiltSummary, path: Path, size_name: str, app_folders: AppFolders) -> int:
    """Save the summary as a PDF, whole or not at all; returns the number of pages.

    Raises :class:`SummaryTooLong` (before anything is written), or
    :class:`~recovery_desktop.data.output_files.OutputProblem` naming the file and the reason
    (also when ``path`` lies among the app's own files, in ``app_folders``).
    """
    layout = page_layout(size_name)
    pages = save_pdf(path, layout, built.document.title, _render(built), app_folders)
    assert pages is not None
    return pages


def print_to(built: BuiltSummary, printer: QPrinter, app_folders: AppFolders) -> int:
    """Print (or save, when the print dialog chose a file); returns the number of pages."""
    pages = print_or_save(printer, built.document.title, _render(built), app_folders)
    assert pages is not None
    return pages


def _render(built: BuiltSummary) -> Callable[[QPagedPaintDevice], int]:
    return lambda device: paint(built, device)
