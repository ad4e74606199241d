"""HTML to paper or PDF through Qt: one layout for both."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QPageSize, QPdfWriter, QTextDocument


def build_document(html: str, images: dict[str, bytes] | None = None) -> QTextDocument:
    """A document whose ``<img src="name">`` tags resolve to the given PNG bytes."""
    document = QTextDocument()
    for name, png in (images or {}).items():
        image = QImage.fromData(png)
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
    document.setHtml(html)
    return document


def write_pdf(
    html: str,
    path: Path,
    images: dict[str, bytes] | None = None,
    page_size: QPageSize.PageSizeId = QPageSize.PageSizeId.A4,
) -> None:
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(page_size))
    writer.setResolution(300)
    writer.setTitle("Summary")
    build_document(html, images).print_(writer)
