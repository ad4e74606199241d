"""Reading PDFs back in tests (pypdf: pure Python, no system tools needed)."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader


def pdf_text(path: Path) -> str:
    """All text, with runs of whitespace collapsed to single spaces."""
    reader = PdfReader(str(path))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def pdf_pages(path: Path) -> int:
    return len(PdfReader(str(path)).pages)


def page_width_points(path: Path) -> float:
    return float(PdfReader(str(path)).pages[0].mediabox.width)
