"""Headings on paper stay with the first line that follows them, wherever the page ends."""

from PySide6.QtCore import QSizeF
from PySide6.QtGui import QTextFormat

from recovery_desktop.reports.summary_html import CSS, SummaryDocument
from recovery_desktop.reports.summary_service import BuiltSummary
from recovery_desktop.ui.printing import build_document, first_line, keep_headings_with_next

FILLER = "".join(f"<p>Line {n} of a paragraph before the heading.</p>" for n in range(8))
HTML = (
    f"<html><head><style>{CSS}</style></head><body>{FILLER}"
    "<h2>Heading</h2><p>The first line after the heading.</p>"
    f"{FILLER}<h2>Another</h2><p>Its text.</p>{FILLER}</body></html>"
)


def _pairs(document):
    block = document.begin()
    while block.isValid():
        if block.blockFormat().headingLevel() and block.next().isValid():
            yield block, block.next()
        block = block.next()


def test_a_heading_is_never_left_at_the_bottom_of_a_page(qapp):
    """For page heights two pixels apart, each heading and the first line after it always
    share a page; some of those heights need a heading moved."""
    moved = 0
    for height in range(150, 520, 2):
        document = build_document(BuiltSummary(SummaryDocument("t", HTML, ("f",)), {}))
        document.setPageSize(QSizeF(500, height))
        keep_headings_with_next(document, height)
        layout = document.documentLayout()
        for heading, following in _pairs(document):
            top = first_line(layout, heading)[0]
            bottom = first_line(layout, following)[1]
            assert int(top // height) == int((bottom - 1) // height), height
            policy = heading.blockFormat().pageBreakPolicy()
            moved += bool(policy & QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
    assert moved > 0
