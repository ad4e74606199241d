"""Paper and PDF through Qt: the summary's HTML laid out page by page, with a footer.

The same painting code serves the on-screen preview, the printer and PDF files, so what the
preview shows is exactly what prints.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

if TYPE_CHECKING:  # importing it would load matplotlib at start-up
    from recovery_desktop.reports.summary import BuiltSummary

PAGE_SIZES = {"A4": QPageSize.PageSizeId.A4, "Letter": QPageSize.PageSizeId.Letter}
MARGIN_MM = 16.0
BODY_POINT_SIZE = 12
FOOTER_POINT_SIZE = 8.5
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


def default_page_size_name() -> str:
    """ "A4" or "Letter": the default printer's paper, else what the system locale uses."""
    printer = QPrinterInfo.defaultPrinter()
    if not printer.isNull():
        size = printer.defaultPageSize()
        for name, page_id in PAGE_SIZES.items():
            if size.isValid() and size.id() == page_id:
                return name
    return "Letter" if QLocale.system().territory() in _LETTER_TERRITORIES else "A4"


def page_layout(size_name: str) -> QPageLayout:
    margins = QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM)
    return QPageLayout(
        QPageSize(PAGE_SIZES.get(size_name, QPageSize.PageSizeId.A4)),
        QPageLayout.Orientation.Portrait,
        margins,
        QPageLayout.Unit.Millimeter,
    )


def build_document(built: BuiltSummary, device: QPagedPaintDevice | None = None) -> QTextDocument:
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


def paint(built: BuiltSummary, device: QPagedPaintDevice) -> int:
    """Lay the summary out on ``device`` page by page; returns the number of pages."""
    document = build_document(built, device)
    dpi = device.logicalDpiY()
    page = device.pageLayout().paintRectPixels(dpi)
    footer_height = round(dpi * 0.32)
    body = QSizeF(page.width(), page.height() - footer_height)
    document.setPageSize(body)
    keep_headings_with_next(document, body.height())
    pages = document.pageCount()
    painter = QPainter()
    if not painter.begin(device):
        raise PrintError("The printer or file could not be opened for writing.")
    try:
        for number in range(pages):
            if number and not device.newPage():
                raise PrintError("The printer refused a new page.")
            _paint_page(painter, document, body, number)
            _paint_footer(painter, built.document.footer, body, footer_height, number, pages)
    finally:
        painter.end()
    return pages


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


def _paint_footer(
    painter: QPainter, text: str, body: QSizeF, height: int, number: int, pages: int
) -> None:
    font = QFont(painter.font())
    font.setPointSizeF(FOOTER_POINT_SIZE)
    painter.setFont(font)
    painter.setPen(QColor("#333333"))
    area = QRectF(0, body.height(), body.width(), height)
    bottom = Qt.AlignmentFlag.AlignBottom
    painter.drawText(area, int(bottom | Qt.AlignmentFlag.AlignLeft), text)
    painter.drawText(
        area, int(bottom | Qt.AlignmentFlag.AlignRight), f"Page {number + 1} of {pages}"
    )


def write_pdf(built: BuiltSummary, path: Path, size_name: str = "A4") -> int:
    """Save the summary as a PDF; returns the number of pages."""
    writer = QPdfWriter(str(path))
    writer.setResolution(300)
    writer.setPageLayout(page_layout(size_name))
    writer.setTitle(built.document.title)
    writer.setCreator("")
    try:
        return paint(built, writer)
    finally:
        del writer


def print_to(built: BuiltSummary, printer: QPrinter) -> int:
    return paint(built, printer)
