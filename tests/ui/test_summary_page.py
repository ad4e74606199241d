"""The Weekly summary page through qtbot: preview, PDF, sections, lists, discretion."""

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt

from recovery_desktop.domain.checkin import CheckIn
from recovery_desktop.domain.demo import demo_checkins
from recovery_desktop.domain.periods import default_summary_week
from recovery_desktop.domain.summary import summarise
from recovery_desktop.reports.html_kit import number
from recovery_desktop.ui.pages.summary.page import SummaryPage
from recovery_desktop.ui.printing import build_document
from recovery_desktop.ui.warmup import Warmup
from tests.pdf_text import page_width_points, pdf_pages
from tests.ui.conftest import save_summary_pdf as _save
from tests.ui.conftest import shown_summary_page

NOTE = "<script>alert('x')</script> & 🌱 שלום עולם"


@pytest.fixture
def page(qtbot, journal, worker):
    """A summary page on a journal holding three weeks of demo check-ins."""
    journal.checkins.save_many(demo_checkins(3, date.today(), seed=4))
    return shown_summary_page(qtbot, journal, worker)


def test_the_pdf_has_the_period_and_the_weeks_numbers(page, journal, tmp_path):
    """Saved from the page: the week's label, days checked in and averages appear."""
    period = default_summary_week(date.today())
    assert page.period == period
    checkins = journal.checkins.between(period.previous().start, period.end)
    summary = summarise(period, checkins, today=date.today())
    path, text = _save(page, tmp_path)
    assert period.label in text
    assert f"Days checked in: {summary.days_checked_in} of 7" in text
    assert number(summary.stats["mood"].average) in text
    assert pdf_pages(path) <= 2
    for raw in ("<h2", "<p", "</td>", "&amp;", "&lt;"):
        assert raw not in text


def test_notes_stay_out_until_ticked_then_print_exactly_as_typed(page, journal, tmp_path, qtbot):
    """A note with markup, an ampersand, emoji and Hebrew is absent, then present as typed."""
    day = page.period.start + timedelta(days=2)
    journal.checkins.save(CheckIn(day, mood=5, note=NOTE))
    page.rebuild()
    _path, text = _save(page, tmp_path, "without.pdf")
    assert "alert" not in text
    qtbot.mouseClick(page.section_boxes["notes"], Qt.MouseButton.LeftButton)
    page.rebuild()
    _path, text = _save(page, tmp_path, "with.pdf")
    assert "<script>alert('x')</script> &" in text
    # Qt writes right-to-left text in visual order; readers may give either order.
    assert "שלום" in text or "םולש" in text
    # The emoji is drawn, but Qt's PDF writer cannot map it back to text, so check the
    # document that was printed instead.
    assert NOTE in build_document(page.built).toPlainText()


def test_a_demo_week_fits_on_two_pages_on_a4_and_letter(page, tmp_path):
    """A4 and Letter both give at most two pages, at the right paper width."""
    for paper, width in (("A4", 595), ("Letter", 612)):
        page.paper.setCurrentText(paper)
        path, _text = _save(page, tmp_path, f"{paper}.pdf")
        assert pdf_pages(path) <= 2
        assert round(page_width_points(path)) == width


def test_last_weeks_goals_appear_on_the_next_summary(page, qtbot, tmp_path):
    """Goals typed for one week show up as "Goals I set last time" the week after."""
    page.picker.previous.click()  # the week before the last full week
    qtbot.keyClicks(page.goals, "Call Sam on Tuesday")
    assert page.save_lists()
    page.picker.next.click()
    assert "Call Sam on Tuesday" in page.previous_goals.text()
    page.rebuild()
    _path, text = _save(page, tmp_path)
    assert "Goals I set last time Call Sam on Tuesday" in text


def test_section_switches_and_discretion_are_remembered(page, journal, qtbot, tmp_path, worker):
    """Unticking HALT and choosing discretion persist; the PDF shows initials only."""
    page.section_boxes["halt"].setChecked(False)
    qtbot.keyClicks(page.name, "Alex Rivera")
    page.discreet.setChecked(True)
    again = SummaryPage(journal, Warmup(), worker)
    qtbot.addWidget(again)
    assert not again.section_boxes["halt"].isChecked()
    assert again.name.text() == "Alex Rivera" and again.discreet.isChecked()
    page.rebuild()
    _path, text = _save(page, tmp_path)
    assert "A. R." in text
    assert "Alex Rivera" not in text and "Recovery Desktop" not in text
    assert "HALT" not in text


def test_the_suggested_file_name_holds_no_name(page):
    """The default PDF name is about the period only."""
    page.name.setText("Alex Rivera")
    assert page.default_pdf_name() == f"summary-{page.period.key}.pdf"
