"""The summary's "Journal entries I chose to share": each journal entry of the period whose
"include in my therapy summary" switch is on, with its title, when it was written and its
text. On by default, and printed only when the period holds such an entry: a summary of a
period without one says nothing about the journal at all (not even that it is empty), and
a private entry is never read for it (``JournalEntryRepository.shared_between``).

An entry longer than :data:`SHARED_CHARACTERS` is cut between paragraphs, after a sentence
or at a word, and says it goes on in the journal, so one long entry cannot take over the
pages meant for the week.
"""

from __future__ import annotations

from recovery_desktop.domain.calendar_text import day_in
from recovery_desktop.domain.journal_entries import JournalEntry
from recovery_desktop.reports.html_kit import esc
from recovery_desktop.reports.markdown_print import cut_markdown, markdown_html
from recovery_desktop.reports.section_types import SectionSpec, SummaryContext

SHARED_CHARACTERS = 1_200
"""The most of an entry's Markdown printed: about half a printed page at 11 pt."""

CONTINUES = "\u2026 (continues in the journal)"
UNTITLED = "Untitled entry"


def _data(context: SummaryContext) -> SummaryContext | None:
    return context if context.shared_entries else None


def printed_body(body: str) -> str:
    """``body`` as printed: whole up to :data:`SHARED_CHARACTERS`, else cut with
    :data:`CONTINUES` after it."""
    return cut_markdown(body.strip(), SHARED_CHARACTERS, CONTINUES)


def _entry_html(entry: JournalEntry, context: SummaryContext) -> str:
    period = context.summary.period
    when = day_in(entry.written_at, period.start, period.end, "%A %-d %B, %H:%M")
    title = entry.title.strip() or UNTITLED
    heading = f"<p class='entry'>{esc(title)} <span class='small'>\u00b7 {esc(when)}</span></p>"
    return heading + markdown_html(printed_body(entry.body), top_heading=4)


def _html(context: SummaryContext) -> str:
    entries = sorted(context.shared_entries, key=lambda entry: entry.written_at)
    return "".join(_entry_html(entry, context) for entry in entries)


SHARED_ENTRIES = SectionSpec(
    "journal",
    "Journal entries I chose to share",
    True,
    _data,
    _html,
    "No journal entries shared in this period.",
    omit_when_empty=True,
)
