"""Shared and private journal entries in the printed summary, read back from the PDF: the
shared entry of the period is there, a private one of the period and a shared one of
another period are not, and a long entry is cut with "continues in the journal"."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime

from recovery_desktop.domain.journal_entries import JournalEntry
from recovery_desktop.domain.periods import parse_week
from recovery_desktop.domain.summary import SummaryOptions
from recovery_desktop.reports.sections_journal import CONTINUES
from recovery_desktop.reports.summary_service import build_summary, read_request
from recovery_desktop.ui.printing import write_pdf
from tests.pdf_text import pdf_text

WEEK = parse_week("2026-W47")  # Monday 16 to Sunday 22 November 2026
PRINTED = date(2026, 11, 30)
TITLE = "Journal entries I chose to share"


def _pdf_text(journal, tmp_path, week=WEEK, printed=PRINTED) -> str:
    built = build_summary(read_request(journal, week, printed, SummaryOptions()))
    path = tmp_path / "week.pdf"
    assert write_pdf(built, path, "A4", journal.files.app_folders()) >= 1
    return unicodedata.normalize("NFKC", pdf_text(path))


def _save(journal, when: datetime, title: str, body: str, shared: bool) -> None:
    journal.entries.save(JournalEntry(when, title, body, shared=shared))


def test_the_pdf_holds_the_shared_entry_of_the_period_and_no_other(journal, tmp_path):
    _save(journal, datetime(2026, 11, 17, 20, 15), "Told Alex", "Sharing this one.", True)
    _save(journal, datetime(2026, 11, 19, 22, 0), "Mine alone", "Nobody reads this.", False)
    _save(journal, datetime(2026, 11, 10, 8, 0), "Week before", "Shared, but earlier.", True)
    _save(journal, datetime(2026, 11, 23, 8, 0), "Week after", "Shared, but later.", True)
    text = _pdf_text(journal, tmp_path)
    assert TITLE in text
    assert "Told Alex" in text and "Sharing this one." in text
    assert "Tuesday 17 November, 20:15" in text
    for hidden in ("Mine alone", "Nobody reads this", "Week before", "earlier", "Week after"):
        assert hidden not in text


def test_a_long_shared_entry_prints_cut_with_the_marker(journal, tmp_path):
    body = "\n\n".join(f"Paragraph {n} about the long day and the walk home." for n in range(80))
    _save(journal, datetime(2026, 11, 21, 23, 0), "A long night", body, True)
    text = _pdf_text(journal, tmp_path)
    assert "Paragraph 0 about" in text and "Paragraph 79" not in text
    assert unicodedata.normalize("NFKC", CONTINUES) in text  # "…" reads back as "..."


def test_without_a_shared_entry_the_pdf_says_nothing_of_the_journal(journal, tmp_path):
    _save(journal, datetime(2026, 11, 18, 12, 0), "Private", "Kept to myself.", False)
    text = _pdf_text(journal, tmp_path)
    assert TITLE not in text and "Kept to myself" not in text and "Journal" not in text


def test_a_week_so_far_leaves_out_entries_dated_after_the_day_it_counts_to(journal, tmp_path):
    _save(journal, datetime(2026, 11, 30, 18, 0), "Monday evening", "Shared today.", True)
    _save(journal, datetime(2026, 12, 1, 9, 0), "Tuesday plan", "Dated ahead.", True)
    text = _pdf_text(journal, tmp_path, parse_week("2026-W49"), date(2026, 11, 30))
    assert "so far" in text and "Monday evening" in text and "Shared today." in text
    assert "Tuesday plan" not in text and "Dated ahead" not in text
