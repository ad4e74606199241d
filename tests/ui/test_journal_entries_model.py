"""The Journal list's model without a view: rows a page at a time, newest first as the
repository gives them, and the searched words marked in the rich text of each row."""

from __future__ import annotations

from datetime import datetime, timedelta

from recovery_desktop.domain.journal_entries import EntryRow
from recovery_desktop.ui.models.journal_entries_model import (
    HTML_ROLE,
    ID_ROLE,
    MARK_OPEN,
    PAGE_SIZE,
    JournalEntriesModel,
    marked_html,
)

START = datetime(2026, 11, 30, 18, 5)


def rows(count: int) -> list[EntryRow]:
    return [
        EntryRow(n, START - timedelta(days=n), f"Day {n}", "first", ("work",), n == 0, "first")
        for n in range(count)
    ]


def fetcher(all_rows: list[EntryRow], calls: list[tuple[int, int]]):
    def fetch(offset: int, limit: int) -> list[EntryRow]:
        calls.append((offset, limit))
        return all_rows[offset : offset + limit]

    return fetch


def test_rows_are_read_a_page_at_a_time_as_the_view_asks():
    calls: list[tuple[int, int]] = []
    model = JournalEntriesModel()
    model.show(fetcher(rows(250), calls))
    assert model.rowCount() == PAGE_SIZE
    assert model.canFetchMore()
    model.fetchMore()
    model.fetchMore()
    assert model.rowCount() == 250
    assert not model.canFetchMore()
    assert calls == [(0, PAGE_SIZE), (PAGE_SIZE, PAGE_SIZE), (2 * PAGE_SIZE, PAGE_SIZE)]


def test_a_row_reads_title_date_shared_mark_first_line_and_tags():
    model = JournalEntriesModel()
    model.show(fetcher(rows(2), []))
    text = model.index(0).data()
    assert text.splitlines() == ["Day 0", "Mon 30 Nov 2026, 18:05 · Shared", "first", "work"]
    assert "Shared" not in model.index(1).data()
    assert model.index(1).data(ID_ROLE) == 1


def test_searched_words_are_marked_in_title_excerpt_and_tags_and_text_is_escaped():
    row = EntryRow(7, START, "Cravings <b>", "x", ("craving",), False, "a strong CRAVING at work")
    model = JournalEntriesModel()
    model.show(lambda offset, limit: [row][offset : offset + limit], ["craving*"])
    rich = model.index(0).data(HTML_ROLE)
    assert rich.count(MARK_OPEN) == 3
    assert f"{MARK_OPEN}Craving</span>s &lt;b&gt;" in rich
    assert f"{MARK_OPEN}CRAVING</span>" in rich


def test_marking_nothing_leaves_the_text_escaped_only():
    assert marked_html("a < b", []) == "a &lt; b"
