"""The summary's "Journal entries I chose to share": each journal entry of the period whose
"include in my therapy summary" switch is on, with its title, when it was written and its
text. On by default, and printed only when the period holds such an entry: a summary of a
period without one says nothing about the journal at all (not even that it is empty), and
a private entry is never read for it (``JournalEntryRepository.shared_between``).

An entry longer than :data:`SHARED_CHARACTERS` is cut between paragraphs, after a sentence
or at a word, and says it goes on in the journal, so one long entry cannot take over the
pages meant for the week. On paper, a summary that would run past two pages prints the
shared entries shorter, step by step (:data:`SHORTER_STEPS`; ``ui.printing`` picks the
first step that fits): every entry is still there, at least its title and date, saying
that the rest is in the journal.
"""

from __future__ import annotations

from recovery_desktop.domain.calendar_text import day_in
from recovery_desktop.domain.journal_entries import JournalEntry
from recovery_desktop.reports.html_kit import esc
from recovery_desktop.reports.markdown_print import cut_markdown, markdown_html
from recovery_desktop.reports.section_types import SectionSpec, SummaryContext

SHARED_CHARACTERS = 1_200
"""The most of an entry's Markdown printed: about half a printed page at 11 pt."""

SHORTER_STEPS = (600, 300, 150, 0)
"""The shorter lengths tried, in turn, when the summary runs past two pages (0: the title
and date only, with :data:`IN_THE_JOURNAL`)."""

CONTINUES = "\u2026 (continues in the journal)"
IN_THE_JOURNAL = "(in my journal)"
UNTITLED = "Untitled entry"


def _data(context: SummaryContext) -> SummaryContext | None:
    return context if context.shared_entries else None


def printed_body(body: str, characters: int = SHARED_CHARACTERS) -> str:
    """``body`` as printed: whole up to ``characters`` (default
    :data:`SHARED_CHARACTERS`), else cut with :data:`CONTINUES` after it."""
    return cut_markdown(body.strip(), characters, CONTINUES)


def _entry_html(entry: JournalEntry, context: SummaryContext) -> str:
    period = context.summary.period
    when = day_in(entry.written_at, period.start, period.end, "%A %-d %B, %H:%M")
    title = entry.title.strip() or UNTITLED
    characters = context.shared_characters
    if characters is None:
        characters = SHARED_CHARACTERS
    body = entry.body.strip()
    where = f" {IN_THE_JOURNAL}" if body and characters == 0 else ""
    heading = (
        f"<p class='entry'>{esc(title)} <span class='small'>\u00b7 {esc(when)}"
        f"{esc(where)}</span></p>"
    )
    if characters == 0:
        return heading
    return heading + markdown_html(printed_body(body, characters), top_heading=4)


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
