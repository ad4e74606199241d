"""The printed footer never runs into the page number, whatever the name and paper."""

from __future__ import annotations

from datetime import date

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QFont, QFontMetricsF, QPdfWriter

from recovery_desktop.domain.checkin import CheckIn
from recovery_desktop.domain.periods import parse_week
from recovery_desktop.domain.summary import MAX_NAME_CHARACTERS, SummaryOptions
from recovery_desktop.reports.summary_service import build_summary, read_request
from recovery_desktop.ui.print_footer import FOOTER_INCHES, FOOTER_POINT_SIZE
from recovery_desktop.ui.printing import MARGIN_MM, write_pdf

WEEK = parse_week("2026-W47")
NAMES = {
    "words": "Maximiliana Wilhelmina Bartholomew-Featherstonehaugh de la Cruz y Wolkenstein",
    "one-word": "W" * MAX_NAME_CHARACTERS,
    "short": "Alex Rivera",
}


def footer_runs(path) -> list[list[tuple[float, float, str]]]:
    """Per page: (left x, baseline y, text) of each text run in the footer, in points."""
    bottom = (MARGIN_MM / 25.4 + FOOTER_INCHES) * 72
    pages = []
    for page in PdfReader(str(path)).pages:
        runs: list[tuple[float, float, str]] = []

        def visit(text, cm, tm, _font, _size, runs=runs):
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            if text.strip() and y < bottom:
                runs.append((x, y, " ".join(text.split())))

        page.extract_text(visitor_text=visit)
        pages.append(runs)
    return pages


def points_wide(text: str) -> float:
    """The width of ``text`` in the footer's font, in points."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    device = QPdfWriter(buffer)
    device.setResolution(1200)  # fine pixels: no rounding to whole points
    font = QFont(QFont(), device)
    font.setPointSizeF(FOOTER_POINT_SIZE)
    return QFontMetricsF(font, device).horizontalAdvance(text) * 72 / 1200


@pytest.mark.parametrize("paper", ["A4", "Letter"])
@pytest.mark.parametrize("name", list(NAMES), ids=list(NAMES))
def test_the_footer_never_overlaps_the_page_number(qapp, journal, tmp_path, paper, name):
    """With an 80-character name on A4 and Letter, each footer line ends before the page
    number begins (measured in the PDF), stays inside the margins, keeps "not a medical
    record" and the print date whole, and shows the start of the name."""
    journal.checkins.save(CheckIn(date(2026, 11, 17), mood=6))
    options = SummaryOptions(name=NAMES[name])
    built = build_summary(read_request(journal, WEEK, date(2026, 11, 24), options))
    path = tmp_path / "week.pdf"
    write_pdf(built, path, paper, journal.files.app_folders())
    width = float(PdfReader(str(path)).pages[0].mediabox.width)
    margin = MARGIN_MM / 25.4 * 72
    for number, runs in enumerate(footer_runs(path), start=1):
        page_label = f"Page {number} of"
        [(page_x, page_y, _)] = [r for r in runs if r[2].startswith(page_label)]
        left = [r for r in runs if not r[2].startswith(page_label)]
        assert left, runs
        for x, y, text in left:
            assert x >= margin - 1
            if abs(y - page_y) < 8:  # on the page number's line (or close to it)
                assert x + points_wide(text) < page_x, (text, x, page_x)
        assert page_x + points_wide(f"Page {number} of 1") <= width - margin + 1
        said = " ".join(text for _x, _y, text in sorted(left, key=lambda r: -r[1]))
        assert "not a medical record." in said and "Printed 24 November 2026" in said
        assert f"Self-reported by {NAMES[name][:8]}" in said
