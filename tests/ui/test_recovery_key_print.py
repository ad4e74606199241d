"""The printed recovery key: the key large and monospaced on one line, sentences unbroken."""

from datetime import date

from PySide6.QtGui import QFontInfo, QGuiApplication

from recovery_desktop.ui.widgets.recovery_key import (
    key_document,
    key_document_text,
    key_paragraphs,
)

KEY = "K7QM-2XRP-9WZB-4HTD-M3NV-8CJF-6YQA-1EKS"
MADE_ON = date(2026, 11, 29)


def _blocks(document):
    block = document.begin()
    while block.isValid():
        yield block
        block = block.next()


def _key_block(document):
    return next(block for block in _blocks(document) if block.text() == KEY)


def test_the_key_prints_large_in_a_fixed_pitch_font(qtbot):
    """Every character of the key is the same width, and bigger than the text around it."""
    document = key_document(KEY, MADE_ON)
    key_font = _key_block(document).begin().fragment().charFormat().font()
    first_paragraph = list(_blocks(document))[2]
    body_font = first_paragraph.begin().fragment().charFormat().font()
    assert QFontInfo(key_font).fixedPitch()
    assert key_font.pointSizeF() >= 18
    assert key_font.pointSizeF() > max(body_font.pointSizeF(), document.defaultFont().pointSizeF())


def test_the_key_stays_on_one_line_of_a_page(qtbot):
    """At the printable width of A4 or Letter (6.5 in) the key is not broken at a dash."""
    document = key_document(KEY, MADE_ON)
    document.setTextWidth(6.5 * QGuiApplication.primaryScreen().logicalDotsPerInchX())
    document.size()  # lays it out
    assert _key_block(document).layout().lineCount() == 1


def test_sentences_wrap_naturally_with_no_line_breaks_inside(qtbot):
    """Each paragraph is one block of running text: no <br> and no forced line inside it."""
    document = key_document(KEY, MADE_ON)
    texts = [block.text() for block in _blocks(document)]
    assert texts == ["Recovery Desktop recovery key", KEY, *key_paragraphs(MADE_ON)]
    assert "<br" not in document.toHtml()
    assert not any("\u2028" in text or "\n" in text for text in texts)
    assert "Anyone who has it and can use your computer account" in texts[-1]


def test_the_saved_text_file_keeps_short_lines_and_the_same_words(qtbot):
    """The .txt wraps at 72 columns but says the same sentences."""
    text = key_document_text(KEY, MADE_ON)
    assert KEY in text and all(len(line) <= 72 for line in text.splitlines())
    for paragraph in key_paragraphs(MADE_ON):
        assert paragraph in " ".join(text.split())
