"""The footer on every printed page: who and when on the left, "Page n of m" on the right.

Both are measured with the font they are drawn in, so they never overlap: the left part is
one line when it fits beside the page number, else one sentence per line, and a name too
long for its line is shortened with "…" (the words around it, "not a medical record" and
the print date, are always printed whole).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPaintDevice,
    QPainter,
    QTextLayout,
    QTextOption,
)

FOOTER_POINT_SIZE = 8.5
FOOTER_INCHES = 0.32  # below the body; room for two lines of 8.5-pt text
GAP_EMS = 2.0  # at least this much room between the left part and the page number
ELLIPSIS = "\u2026"


@dataclass(frozen=True)
class FooterText:
    """What one page's footer says: ``parts`` (sentences), the ``name`` inside the first."""

    parts: tuple[str, ...]
    name: str
    page: str  # "Page 2 of 5"


@dataclass(frozen=True)
class PlacedText:
    """A line of the footer and where it goes, in the layout's pixels."""

    text: str
    rect: QRectF


def footer_font(device: QPaintDevice) -> QFont:
    """The footer's font, resolved for ``device`` (whose pixels everything is measured in)."""
    font = QFont(QFont(), device)
    font.setPointSizeF(FOOTER_POINT_SIZE)
    return font


def footer_height(dpi: int) -> int:
    return round(dpi * FOOTER_INCHES)


def place_footer(footer: FooterText, area: QRectF, metrics: QFontMetricsF) -> list[PlacedText]:
    """The footer's lines, bottom-aligned in ``area``; the page number is the last item.

    Every rectangle lies inside ``area`` and none overlaps another: the bottom line shares
    its row with the page number, so it gets the room beside it; lines above get the width.
    """
    line = metrics.lineSpacing()
    page_width = metrics.horizontalAdvance(footer.page)
    beside_page = area.width() - page_width - GAP_EMS * metrics.height()
    rows = [(part, area.width()) for part in footer.parts[:-1]]
    rows.append((footer.parts[-1], beside_page))
    whole = " ".join(footer.parts)
    if metrics.horizontalAdvance(whole) <= beside_page:
        rows = [(whole, beside_page)]
    top = area.bottom() - line * len(rows)
    placed = [
        PlacedText(
            _fit(text, footer.name, width, metrics),
            QRectF(area.left(), top + index * line, width, line),
        )
        for index, (text, width) in enumerate(rows)
    ]
    page = QRectF(area.right() - page_width, area.bottom() - line, page_width, line)
    return [*placed, PlacedText(footer.page, page)]


def _fit(text: str, name: str, room: float, metrics: QFontMetricsF) -> str:
    """``text`` within ``room``: the name shortened first, the end of the text last."""
    if metrics.horizontalAdvance(text) <= room:
        return text
    if name and name in text:
        around = metrics.horizontalAdvance(text.replace(name, "", 1))
        short = metrics.elidedText(name, Qt.TextElideMode.ElideRight, room - around)
        text = text.replace(name, short or ELLIPSIS, 1)
        if metrics.horizontalAdvance(text) <= room:
            return text
    return metrics.elidedText(text, Qt.TextElideMode.ElideRight, room)


def paint_footer(
    painter: QPainter, placed: Sequence[PlacedText], font: QFont, device: QPaintDevice
) -> None:
    """Draw the placed lines with ``font`` as measured on ``device`` (the layout device),
    whatever the painter's own device and scale."""
    painter.save()
    painter.setPen(QColor("#333333"))
    one_line = QTextOption()
    one_line.setWrapMode(QTextOption.WrapMode.NoWrap)
    for item in placed:
        layout = QTextLayout(item.text, font, device)
        layout.setTextOption(one_line)
        layout.beginLayout()
        layout.createLine().setLineWidth(item.rect.width())
        layout.endLayout()
        layout.draw(painter, QPointF(item.rect.left(), item.rect.top()))
    painter.restore()
