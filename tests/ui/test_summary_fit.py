"""The weekly summary stays on two pages when journal entries are shared: a full week whose
shared entries would push it onto a third page prints them shorter (each still there with
its title and "continues in the journal"); a week without shared entries prints as before;
a week too full for any cut to help prints every entry whole on more pages."""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from datetime import date, datetime, time, timedelta

import pytest

from recovery_desktop.data.demo import fill_demo
from recovery_desktop.domain.checkin import CheckIn
from recovery_desktop.domain.journal_entries import JournalEntry
from recovery_desktop.domain.periods import parse_week
from recovery_desktop.domain.summary import Summary, SummaryOptions, summarise
from recovery_desktop.reports.sections import SummaryContext
from recovery_desktop.reports.sections_journal import CONTINUES, IN_THE_JOURNAL, SHARED_ENTRIES
from recovery_desktop.reports.summary_service import BuiltSummary, build_summary, read_request
from recovery_desktop.ui.printing import fit_pages, lay_out, page_layout, write_pdf
from tests.pdf_text import pdf_pages, pdf_text
from tests.ui.conftest import save_summary_pdf, shown_summary_page

WEEK = parse_week("2026-W47")  # Monday 16 to Sunday 22 November 2026
PRINTED = date(2026, 11, 30)
MARKER = unicodedata.normalize("NFKC", CONTINUES)  # "…" reads back as "..."


def _long_body(topic: str) -> str:
    sentences = (
        f"{topic} sentence {n} about the evening, the walk home and what I said." for n in range(40)
    )
    return " ".join(sentences)  # about 2,800 characters: cut at 1,200 when printed whole


def _built(journal, options: SummaryOptions | None = None) -> BuiltSummary:
    return build_summary(read_request(journal, WEEK, PRINTED, options or SummaryOptions()))


def _pdf(journal, tmp_path, paper: str, options: SummaryOptions | None = None) -> tuple[int, str]:
    path = tmp_path / f"week-{paper}.pdf"
    pages = write_pdf(_built(journal, options), path, paper, journal.files.app_folders())
    assert pages == pdf_pages(path)
    return pages, unicodedata.normalize("NFKC", pdf_text(path))


def _checked_in_every_day(journal, note_sentences: int = 10) -> None:
    note = " ".join(f"Note {n} on how the day went and who I saw." for n in range(note_sentences))
    for offset in range(7):
        day = WEEK.start + timedelta(days=offset)
        checkin = CheckIn(day, 5 + offset % 3, offset, 4, 7.0, used=False, meeting=offset % 2 == 0)
        journal.checkins.save(replace(checkin, note=note))


@pytest.fixture
def full_week(journal):
    """Week 47 checked in every day, and two long entries shared in it."""
    _checked_in_every_day(journal)
    for day, title in ((17, "Before the group"), (20, "After the hard call")):
        entry = JournalEntry(datetime(2026, 11, day, 21, 0), title, _long_body(title), shared=True)
        journal.entries.save(entry)
    return journal


@pytest.mark.parametrize("paper", ["Letter", "A4"])
def test_a_full_week_with_two_long_shared_entries_prints_on_two_pages(full_week, tmp_path, paper):
    assert lay_out(_built(full_week), page_layout(paper)).count > 2  # whole, it runs over
    pages, text = _pdf(full_week, tmp_path, paper)
    assert pages == 2
    for title in ("Before the group", "After the hard call"):
        assert f"{title} sentence 0 about" in text
    assert "sentence 12" not in text  # printed whole (1,200 characters), it reaches 13
    assert text.count(MARKER) == 2


def test_the_page_previews_and_saves_the_two_pages(full_week, qtbot, worker, tmp_path):
    page = shown_summary_page(qtbot, full_week, worker)
    page.picker.set_week(WEEK)
    page.paper.setCurrentText("Letter")
    path, text = save_summary_pdf(page, tmp_path)
    assert pdf_pages(path) == 2 and unicodedata.normalize("NFKC", text).count(MARKER) == 2
    page.preview.refresh()  # the preview paints what prints
    qtbot.waitUntil(lambda: page.page_count == 2)


def test_the_html_file_keeps_the_entries_as_long_as_before(full_week):
    built = _built(full_week)
    assert built.document.html.count("sentence 13 about") == 2
    assert len(built.shorter) == 4  # 600, 300, 150 characters, then title and date only
    assert all(short.html != built.document.html for short in built.shorter)


def test_a_demo_week_without_shared_entries_is_unchanged(journal):
    fill_demo(journal, 10, PRINTED, 1)
    for entry in journal.entries.shared_between(WEEK.start, WEEK.end):
        journal.entries.save(replace(entry, shared=False))  # the demo's, made private
    built = _built(journal)
    assert built.shorter == ()
    for paper in ("Letter", "A4"):
        printed, pages = fit_pages(built, page_layout(paper))
        assert printed is built
        assert pages.count == lay_out(built, page_layout(paper)).count


def test_a_week_too_full_for_any_cut_prints_every_entry_whole(journal, tmp_path):
    _checked_in_every_day(journal, note_sentences=60)
    body = "The last words of this entry are here."
    entry = JournalEntry(datetime.combine(WEEK.start, time(9)), "Kept", body, shared=True)
    journal.entries.save(entry)
    pages, text = _pdf(journal, tmp_path, "Letter", SummaryOptions({"notes": True}))
    assert pages > 2
    assert "Kept" in text and body in text and IN_THE_JOURNAL not in text


def _entry_html(characters: int | None, summary: Summary) -> str:
    entry = JournalEntry(
        datetime(2026, 11, 18, 8, 30), "Morning", _long_body("Morning"), shared=True
    )
    context = SummaryContext(summary, shared_entries=(entry,), shared_characters=characters)
    return SHARED_ENTRIES.html(SHARED_ENTRIES.data(context))


def test_the_shortest_step_prints_the_title_and_date_saying_where_the_rest_is():
    week = summarise(WEEK, [], [], today=PRINTED)
    titled = _entry_html(0, week)
    assert "Morning" in titled and "Wednesday 18 November, 08:30" in titled
    assert IN_THE_JOURNAL in titled and "sentence 0" not in titled
    short = _entry_html(300, week)
    assert "Morning sentence 0" in short and CONTINUES in short and len(short) < 800
    assert _entry_html(None, week).count("sentence") > short.count("sentence")
