"""The weekly summary's "Journal entries I chose to share": on by default, printed only when
the period holds a shared entry, each with its title, when it was written and its text, a
long one cut with "continues in the journal"."""

from __future__ import annotations

from datetime import date, datetime

from hypothesis import given
from hypothesis import strategies as st

from recovery_desktop.domain.journal_entries import JournalEntry
from recovery_desktop.domain.periods import parse_week
from recovery_desktop.domain.summary import SummaryOptions
from recovery_desktop.reports.sections import section
from recovery_desktop.reports.sections_journal import CONTINUES, SHARED_CHARACTERS, printed_body
from recovery_desktop.reports.summary_service import build_summary, read_request

WEEK = parse_week("2026-W47")  # Monday 16 to Sunday 22 November 2026
PRINTED = date(2026, 11, 30)
TITLE = "Journal entries I chose to share"


def _html(journal, options: SummaryOptions | None = None) -> str:
    request = read_request(journal, WEEK, PRINTED, options or SummaryOptions())
    return build_summary(request).document.html


def _save(journal, when: datetime, title: str, body: str, shared: bool) -> JournalEntry:
    return journal.entries.save(JournalEntry(when, title, body, shared=shared))


def test_the_section_is_on_by_default_and_counts_what_happened():
    spec = section("journal")
    assert (spec.title, spec.default_on, spec.recorded) == (TITLE, True, True)


def test_a_shared_entry_prints_with_its_title_day_time_and_formatted_text(journal):
    body = "Talked to **Sam** about the <b>weekend</b>.\n\n- walked\n- called my sponsor"
    _save(journal, datetime(2026, 11, 18, 21, 40), "A hard evening", body, shared=True)
    html = _html(journal)
    assert f"<h2>{TITLE}</h2>" in html
    assert "A hard evening" in html and "Wednesday 18 November, 21:40" in html
    assert "<b>Sam</b>" in html and "&lt;b&gt;weekend&lt;/b&gt;" in html  # typed tags stay text
    assert "<li>walked</li>" in html.replace("<li><p>", "<li>")


def test_nothing_about_the_journal_prints_when_no_entry_of_the_period_is_shared(journal):
    _save(journal, datetime(2026, 11, 18, 9, 0), "Only mine", "Private words.", shared=False)
    _save(journal, datetime(2026, 11, 24, 9, 0), "Next week", "Shared later.", shared=True)
    html = _html(journal)
    assert TITLE not in html and "No journal entries" not in html
    assert "Only mine" not in html and "Private words" not in html
    assert "Next week" not in html


def test_switched_off_even_a_shared_entry_is_left_out(journal):
    _save(journal, datetime(2026, 11, 18, 9, 0), "Shared", "Words to share.", shared=True)
    html = _html(journal, SummaryOptions(sections={"journal": False}))
    assert TITLE not in html and "Words to share" not in html


def test_an_untitled_entry_is_named_as_such(journal):
    _save(journal, datetime(2026, 11, 20, 7, 5), "", "Morning words.", shared=True)
    html = _html(journal)
    assert "Untitled entry" in html and "Friday 20 November, 07:05" in html


def test_a_long_entry_is_cut_after_a_sentence_and_says_it_continues():
    sentence = "I walked to the river and back before the meeting. "
    body = sentence * 60  # about 3,000 characters in one paragraph
    printed = printed_body(body)
    kept, note = printed.split("\n\n")
    assert note == f"*{CONTINUES}*"
    assert len(kept) <= SHARED_CHARACTERS and kept.endswith("meeting.")
    assert len(kept) > SHARED_CHARACTERS - len(sentence)


def test_a_short_entry_prints_whole():
    assert printed_body("  Short and whole.  ") == "Short and whole."


@given(st.text(max_size=3000))
def test_a_printed_body_is_never_much_longer_than_the_stated_length(body):
    printed = printed_body(body)
    assert len(printed) <= SHARED_CHARACTERS + len(CONTINUES) + 4
    assert (CONTINUES in printed) == (len(body.strip()) > SHARED_CHARACTERS)
