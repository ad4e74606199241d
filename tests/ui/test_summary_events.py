"""The weekly summary PDF on a full demo journal: cravings, what helped, people, lapses and
clean time with the week's numbers; names only when asked; two pages on A4 and Letter."""

import re
import unicodedata
from dataclasses import replace
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QSizeF, Qt
from PySide6.QtGui import QPdfWriter, QTextCursor, QTextFormat

from recovery_desktop.data.demo import fill_demo
from recovery_desktop.domain.demo import shape
from recovery_desktop.domain.periods import Period, default_summary_week, long_date
from recovery_desktop.domain.recovery_time import clean_time, substances
from recovery_desktop.domain.summary import SummaryOptions
from recovery_desktop.reports.summary_service import build_summary, read_request
from recovery_desktop.ui.pages.summary.page import SummaryPage
from recovery_desktop.ui.printing import (
    build_document,
    keep_headings_with_next,
    page_layout,
    write_pdf,
)
from recovery_desktop.ui.warmup import Warmup
from tests.pdf_text import page_width_points, pdf_pages, pdf_text
from tests.ui.conftest import save_summary_pdf as _save
from tests.ui.conftest import shown_summary_page

WEEKS = 8
SEED = 3
TODAY = date.today()


def _iso_week(day: date) -> Period:
    monday = day - timedelta(days=day.weekday())
    year, week, _ = day.isocalendar()
    return Period(monday, monday + timedelta(days=6), (year, week))


LAPSE_WEEK = _iso_week(shape(WEEKS, TODAY).lapse_day)


@pytest.fixture
def page(qtbot, journal, worker):
    """A summary page on a journal holding eight weeks of the full demo story."""
    fill_demo(journal, WEEKS, TODAY, SEED)
    return shown_summary_page(qtbot, journal, worker)


def _between(text, start, end):
    return text[text.index(start) : text.index(end, text.index(start))]


def _reached(journal, period):
    """Name -> reach-outs in the period, and role label -> reach-outs."""
    people = {c.id: c for c in journal.contacts.contacts(include_archived=True)}
    by_name, by_role = {}, {}
    for reach in journal.contacts.reach_outs(period.start, period.end):
        contact = people[reach.contact_id]
        by_name[contact.name] = by_name.get(contact.name, 0) + 1
        by_role[contact.role.label] = by_role.get(contact.role.label, 0) + 1
    return by_name, by_role


def test_the_pdf_has_the_recovery_sections_with_the_weeks_numbers(page, journal, tmp_path):
    """Cravings, the strongest, reach-outs by role and clean time at the week's end."""
    period = default_summary_week(TODAY)
    assert page.period == period
    cravings = journal.cravings.between(period.start, period.end)
    _path, text = _save(page, tmp_path)
    section = _between(text, "Cravings logged", "What helped most")
    assert f"Cravings logged: {len(cravings)}" in section
    assert f"strongest {max(c.intensity for c in cravings if c.intensity is not None)}," in section
    _names, by_role = _reached(journal, period)
    people = _between(text, "People I reached out to", "Things I want to talk about")
    assert f"Reach-outs: {sum(by_role.values())}" in people
    for role, count in by_role.items():
        assert f"{role} {count}" in people
    periods = [p for p in journal.recovery_time.periods() if p.start <= period.end]
    periods = [replace(p, end=None) if p.end and p.end > period.end else p for p in periods]
    for substance in substances(periods):
        time = clean_time(periods, substance, period.end)
        assert f"{time.streak} days in a row on {long_date(period.end, year=False)}" in text
        assert f"{time.cumulative} clean days in all" in text
    if not journal.recovery_time.lapses(period.start, period.end):
        assert "No lapses recorded in this period." in text


def test_contact_names_print_only_when_asked(page, journal, qtbot, tmp_path, worker):
    """Names off: nobody's name anywhere; ticked: each person with their count, remembered."""
    period = page.period
    by_name, _roles = _reached(journal, period)
    assert by_name, "the demo week should have reach-outs"
    _path, text = _save(page, tmp_path, "hidden.pdf")
    for contact in journal.contacts.contacts(include_archived=True):
        assert not re.search(rf"\b{re.escape(contact.name)}\b", text), contact.name
    qtbot.mouseClick(page.show_names, Qt.MouseButton.LeftButton)
    assert journal.preferences.summary_options().show_names
    page.rebuild()
    _path, text = _save(page, tmp_path, "shown.pdf")
    people = _between(text, "People I reached out to", "Things I want to talk about")
    for name, count in by_name.items():
        assert f"{name} {count}" in people
    again = SummaryPage(journal, Warmup(), worker)
    qtbot.addWidget(again)
    assert again.show_names.isChecked()


def test_a_demo_week_still_fits_on_two_pages_on_a4_and_letter(page, tmp_path):
    """The last full week, with every new section, on both paper sizes."""
    for paper, width in (("A4", 595), ("Letter", 612)):
        page.paper.setCurrentText(paper)
        path, _text = _save(page, tmp_path, f"{paper}.pdf")
        assert pdf_pages(path) <= 2
        assert round(page_width_points(path)) == width


def test_the_lapse_week_shows_the_lapse_and_fits_on_two_pages(page, journal, tmp_path):
    """The week of the demo lapse prints it, with what was written, in at most two pages."""
    (lapse,) = journal.recovery_time.lapses(LAPSE_WEEK.start, LAPSE_WEEK.end)
    built = build_summary(read_request(journal, LAPSE_WEEK, TODAY, SummaryOptions()))
    for paper in ("A4", "Letter"):
        path = tmp_path / f"lapse-{paper}.pdf"
        assert write_pdf(built, path, paper, journal.files.app_folders()) <= 2
        text = unicodedata.normalize("NFKC", pdf_text(path))  # "ﬁ" ligatures back to "fi"
        section = _between(text, "Lapses recorded: 1", "Cravings logged")
        assert f"{lapse.at:%A} {long_date(lapse.day, year=False)}, {lapse.at:%H:%M}" in section
        assert " ".join(lapse.would_help.split()) in section
        assert f"Who I want to tell: {lapse.tell}" in section


def _block(document, text):
    block = document.begin()
    while block.isValid() and block.text() != text:
        block = block.next()
    return block


def test_moving_a_heading_to_the_next_page_keeps_everything_below_laid_out(page, journal, tmp_path):
    """A page ending just inside the first line of "Cravings" pushes that heading down;
    every block below it still has its height, so nothing is left off the painted pages."""
    built = build_summary(read_request(journal, LAPSE_WEEK, TODAY, SummaryOptions()))
    writer = QPdfWriter(str(tmp_path / "unused.pdf"))  # laid out on, never painted
    writer.setResolution(300)
    writer.setPageLayout(page_layout("Letter"))
    document = build_document(built, writer)
    width = writer.pageLayout().paintRectPixels(300).width()
    document.setPageSize(QSizeF(width, 1e6))
    layout = document.documentLayout()
    heading = _block(document, "Cravings")
    page_height = layout.blockBoundingRect(heading.next()).bottom() - 10
    document.setPageSize(QSizeF(width, page_height))
    keep_headings_with_next(document, page_height)
    policy = _block(document, "Cravings").blockFormat().pageBreakPolicy()
    assert policy & QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore
    block, bottom = document.begin(), 0.0
    while block.isValid():
        box = layout.blockBoundingRect(block)
        if block.text().strip() and QTextCursor(block).currentTable() is None:
            assert box.height() > 0, block.text()
            assert box.top() >= bottom - 1, block.text()
            bottom = box.bottom()
        block = block.next()
    assert bottom > page_height
