"""The Journal page's list of entries as a list model, read a page at a time (tested
without a view).

Ten years of entries are thousands of rows: the model reads ``PAGE_SIZE`` rows, and the
view asks for more (``canFetchMore``/``fetchMore``) as the user scrolls to the end. Each
row is an :class:`EntryRow`; ``HTML_ROLE`` gives it as escaped rich text (title, date and
time, a "Shared" mark, the first line or the search's excerpt, the tags) with the searched
words marked, which the list's delegate draws. ``DisplayRole`` is the same in plain text,
read by screen readers and tooltips."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import replace

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from recovery_desktop.data.errors import JournalError
from recovery_desktop.domain.calendar_text import date_text
from recovery_desktop.domain.journal_entries import EntryRow, JournalEntry, first_line
from recovery_desktop.domain.text_matches import match_spans

AnyIndex = QModelIndex | QPersistentModelIndex
Fetch = Callable[[int, int], list[EntryRow]]  # (offset, limit) -> rows, newest or best first

PAGE_SIZE = 100
HTML_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
UNTITLED = "Untitled"
SHARED_MARK = "Shared"
# A marked word: a pale yellow behind dark text reads on light and dark palettes alike.
MARK_OPEN = '<span style="background-color:#ffe066; color:#1a1a1a;">'
MARK_CLOSE = "</span>"


def marked_html(text: str, terms: Sequence[str]) -> str:
    """``text`` escaped, with each match of ``terms`` wrapped in ``MARK_OPEN``/``MARK_CLOSE``."""
    parts: list[str] = []
    done = 0
    for start, end in match_spans(text, terms):
        parts.append(html.escape(text[done:start]))
        parts.append(f"{MARK_OPEN}{html.escape(text[start:end])}{MARK_CLOSE}")
        done = end
    parts.append(html.escape(text[done:]))
    return "".join(parts)


def when_text(row: EntryRow) -> str:
    """ "Mon 30 Nov 2026, 18:05"."""
    return f"{date_text(row.written_at, '%a %-d %b %Y')}, {row.written_at:%H:%M}"


def row_text(row: EntryRow) -> str:
    """The row in plain words (screen readers, tooltips)."""
    lines = [row.title or UNTITLED, when_text(row) + (f" · {SHARED_MARK}" if row.shared else "")]
    if row.snippet:
        lines.append(row.snippet)
    if row.tags:
        lines.append(", ".join(row.tags))
    return "\n".join(lines)


def row_html(row: EntryRow, terms: Sequence[str]) -> str:
    """The row as rich text, every user string escaped, the searched words marked."""
    title = marked_html(row.title, terms) if row.title else f"<i>{UNTITLED}</i>"
    shared = f" · <b>{SHARED_MARK}</b>" if row.shared else ""
    lines = [f"<b>{title}</b>", f'<span style="font-size:small;">{when_text(row)}{shared}</span>']
    if row.snippet:
        lines.append(marked_html(row.snippet, terms))
    if row.tags:
        lines.append(f"<i>{marked_html(', '.join(row.tags), terms)}</i>")
    return "<br>".join(lines)


class JournalEntriesModel(QAbstractListModel):
    """Rows of :class:`EntryRow` read through ``fetch`` a page at a time."""

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[EntryRow] = []
        self._fetch: Fetch | None = None
        self._more = False
        self.terms: tuple[str, ...] = ()

    def show(self, fetch: Fetch, terms: Sequence[str] = (), at_least: int = PAGE_SIZE) -> None:
        """Read the first rows again through ``fetch`` (``at_least`` of them, so a list
        scrolled far keeps its place), marking ``terms``."""
        wanted = max(PAGE_SIZE, at_least)
        rows = fetch(0, wanted)
        self.beginResetModel()
        self._fetch = fetch
        self.terms = tuple(terms)
        self._rows = list(rows)
        self._more = len(rows) >= wanted
        self.endResetModel()

    def clear(self) -> None:
        self.beginResetModel()
        self._rows, self._fetch, self._more, self.terms = [], None, False, ()
        self.endResetModel()

    # -- reading further -----------------------------------------------------------------
    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more and self._fetch is not None

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent) or self._fetch is None:
            return
        rows = self._fetch(len(self._rows), PAGE_SIZE)
        self._more = len(rows) >= PAGE_SIZE
        if rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()

    # -- rows ----------------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return row_text(row)
        if role == HTML_ROLE:
            return row_html(row, self.terms)
        if role == ID_ROLE:
            return row.id
        return None

    def update_entry(self, entry: JournalEntry) -> bool:
        """Show ``entry`` just saved in its row, where it is, without reading the list again
        (a list being read while the user writes would move under them); False when it is
        not among the rows read. While searching, the row's excerpt is found again in the
        text saved (the first line when the words are no longer in it)."""
        row = self.row_of(entry.id)
        if row < 0:
            return False
        old = self._rows[row]
        line = first_line(entry)
        self._rows[row] = replace(
            old,
            written_at=entry.written_at,
            title=entry.title,
            first_line=line,
            tags=entry.tags,
            shared=entry.shared,
            snippet=self._excerpt_found_again(entry.id) or line if self.terms else line,
        )
        self.dataChanged.emit(self.index(row), self.index(row))
        return True

    def _excerpt_found_again(self, entry_id: int | None) -> str | None:
        """The search's excerpt of ``entry_id`` read again (None: not found, or unreadable)."""
        if self._fetch is None:
            return None
        try:
            rows = self._fetch(0, max(PAGE_SIZE, len(self._rows)))
        except JournalError:
            return None
        return next((r.snippet for r in rows if r.id == entry_id), None)

    def entry_row(self, row: int) -> EntryRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, entry_id: int | None) -> int:
        """The row showing entry ``entry_id``; -1 if it is not among the rows read."""
        return next((i for i, r in enumerate(self._rows) if r.id == entry_id), -1)
