"""Journal: free writing, found again by searching, saved as the user writes.

The entries are listed on the left (search, tag and date filters); the open entry is edited
on the right. What is typed is committed 3 seconds after typing stops, within 5 seconds
while typing goes on, when another entry is opened or a new one started, and on leaving
the page, locking and closing (``flush``); only then does the page say "Saved". An entry
with neither title nor text is never stored. A refused save keeps the text on screen, says
so calmly and tries again; ``flush`` then answers False, so closing asks first, and the
entry is kept in memory across a lock (``drafts``) and saved when the page is built again.
While an entry is being written the journal holds a marker (``save(editing=True)``); if the app
stops, the next unlock opens this page with a notice saying what is kept
(docs/decisions.md, "The Journal page")."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from itertools import pairwise
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSplitter, QVBoxLayout, QWidget

from recovery_desktop.data.changes import Change
from recovery_desktop.data.errors import JournalEntryMissing, JournalError
from recovery_desktop.domain.journal_entries import JournalEntry
from recovery_desktop.ui.pages.journal.entry_editor import EntryEditor, new_entry, replace_text
from recovery_desktop.ui.pages.journal.entry_list import EntryList
from recovery_desktop.ui.pages.journal.notice import StopNotice
from recovery_desktop.ui.pages.journal.prompts import PromptButton, insert_prompt
from recovery_desktop.ui.timers import single_shot
from recovery_desktop.ui.widgets.layout import page_heading
from recovery_desktop.ui.widgets.questions import ask
from recovery_desktop.ui.widgets.save_status import SaveStatus

if TYPE_CHECKING:
    from recovery_desktop.data.journal_entries import JournalEntryRepository
    from recovery_desktop.domain.journal_prompts import DayFacts

AUTOSAVE_DELAY_MS = 3000  # after typing stops
AUTOSAVE_MAX_WAIT_MS = 5000  # while typing goes on: a kill loses at most this much
RETRY_DELAY_MS = 10_000  # after the journal refused a save
DRAFT = "entry"  # the key of the entry kept in ``drafts`` across a lock
EMPTY_NOTE = "An empty entry is not saved. Delete it to remove it."
HELD = "This entry stays open until it is saved."


class JournalPage(QWidget):
    """The journal's entries and the one being written; see the module's note."""

    title = "Journal"
    shows = frozenset({Change.JOURNAL, Change.REPLACED})

    def __init__(
        self,
        entries: JournalEntryRepository,
        drafts: dict[str, JournalEntry] | None = None,
        facts_source: Callable[[], DayFacts] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.entries = entries
        self.drafts = drafts if drafts is not None else {}
        self._stored: JournalEntry | None = None  # the open entry as last read or saved
        self._dirty = False
        self._editing = False  # a save marked this entry since the last end_editing
        self._reload_waiting = False
        self._saving = False
        self.deleted: list[JournalEntry] = []  # for Undo, the last one last
        self._timer = single_shot(self, self.save_now)
        self._deadline = single_shot(self, self.save_now, AUTOSAVE_MAX_WAIT_MS)
        self.heading = page_heading("Journal", self)
        self.status = SaveStatus(self)
        self.notice = StopNotice(entries, self)
        self.list = EntryList(entries, self)
        self.editor = EntryEditor(self)
        self.new_button = QPushButton("&New entry", self)
        self.new_button.setToolTip("Start a new entry (Ctrl+N)")
        self.delete_button = QPushButton("De&lete…", self)
        self.delete_button.setToolTip("Delete this entry (asks first; Undo brings it back)")
        self.undo_button = QPushButton("&Undo delete", self)
        self.undo_button.setToolTip("Bring back the entry deleted last (Ctrl+Z)")
        self.undo_button.hide()
        self.prompts: PromptButton | None = None
        if facts_source is not None:
            self._add_prompts(facts_source)
        self._build()
        self._set_tab_order()
        self._connect()
        self.reload()
        held_here = DRAFT in self.drafts  # this run kept it across a lock: nothing stopped
        self._resume_draft()
        if not held_here:
            self.notice.check(self.choose)

    def _add_prompts(self, facts_source: Callable[[], DayFacts]) -> None:
        """ "Write about today": a chosen prompt's heading goes into the entry."""
        self.prompts = PromptButton(facts_source, self.editor)
        self.prompts.chosen.connect(lambda prompt: insert_prompt(self.editor.body, prompt))
        self.editor.tools.addWidget(self.prompts)
        self.editor.tools.addStretch(1)

    # -- layout --------------------------------------------------------------------------
    def _build(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.status)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.undo_button)
        buttons.addStretch(1)
        right = QWidget(self)
        column = QVBoxLayout(right)
        column.setContentsMargins(6, 0, 0, 0)
        column.addLayout(buttons)
        column.addWidget(self.editor, 1)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.setChildrenCollapsible(False)
        split.addWidget(self.list)
        split.addWidget(right)
        split.setStretchFactor(1, 1)
        self.list.setMinimumWidth(240)
        split.setSizes([300, 600])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.notice)
        layout.addWidget(split, 1)

    def tab_chain(self) -> list[QWidget]:
        """Tab goes down the entry, then down the list side, then the buttons. The
        workspace follows this (its own Tab goes by the screen, which read across the
        entry and the list: Title, "Only between these dates", When, …)."""
        chain = [*self.editor.tab_chain(), *self.list.tab_chain()]
        return [*chain, self.new_button, self.delete_button, self.undo_button]

    def _set_tab_order(self) -> None:
        """Qt's own chain in the same order (for the page on its own)."""
        for first, second in pairwise(self.tab_chain()):
            QWidget.setTabOrder(first, second)

    def _connect(self) -> None:
        self.list.chosen.connect(self.choose)
        self.list.model.modelReset.connect(self._mark_open_entry)
        self.editor.edited.connect(self._on_edited)
        self.editor.too_long.connect(lambda message: self.status.set_state("error", message))
        self.new_button.clicked.connect(self.start_new)
        self.delete_button.clicked.connect(self.delete)
        self.undo_button.clicked.connect(self.undo_delete)
        # New and Find work while the page shows, wherever the keyboard is (the page list
        # too); Undo only on the page, as the text fields keep Ctrl+Z for their own undo.
        for keys, action, context in (
            (QKeySequence.StandardKey.New, self.start_new, Qt.ShortcutContext.WindowShortcut),
            (
                QKeySequence.StandardKey.Find,
                self.list.focus_search,
                Qt.ShortcutContext.WindowShortcut,
            ),
            (
                QKeySequence.StandardKey.Undo,
                self.undo_delete,
                Qt.ShortcutContext.WidgetWithChildrenShortcut,
            ),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(context)
            shortcut.activated.connect(action)
        remove = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.list.view)
        remove.setContext(Qt.ShortcutContext.WidgetShortcut)
        remove.activated.connect(self.delete)

    # -- reading -------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the list and the used tags again; the open entry is read again only when
        it changed elsewhere (an import, a restore) and nothing typed is unsaved."""
        self.editor.set_used_tags(self.list.read_tags())
        self.list.refresh(keep=self.editor.entry_id, keep_place=True)
        entry_id = self.editor.entry_id
        if entry_id is None or self._dirty:
            self._update_buttons()
            return
        try:
            stored = self.entries.get(entry_id)
        except JournalEntryMissing:  # deleted elsewhere (an import, a restore)
            self._show(new_entry())
        except JournalError:
            pass  # the entry stays on screen as it is
        else:
            if stored != self._stored:
                self._show(stored)
        self._update_buttons()

    def _show(self, entry: JournalEntry) -> None:
        self._stored = entry if entry.id is not None else None
        self.editor.show_entry(entry)
        self._dirty = False
        self._mark_open_entry()
        self.list.select(entry.id)
        self._update_buttons()

    def _mark_open_entry(self) -> None:
        """The searched words marked in the open entry; none when the search found none."""
        found = self.list.model.rowCount() > 0
        self.editor.mark(self.list.terms() if found else [])

    def _update_buttons(self) -> None:
        self.delete_button.setEnabled(self.editor.entry_id is not None or self._dirty)
        self.undo_button.setVisible(bool(self.deleted))

    def choose(self, entry_id: int) -> None:
        """Open entry ``entry_id``; what was typed in the one left is saved first."""
        if entry_id == self.editor.entry_id:
            return
        if not self.save_now():  # the text stays on screen until it is saved
            self.list.select(self.editor.entry_id)
            self._say_held()
            return
        try:
            entry = self.entries.get(entry_id)
        except JournalError as error:
            self.status.set_state("error", str(error))
            return
        self._end_editing()
        self._show(entry)
        self.editor.show_first_mark()
        if self.status.text() == EMPTY_NOTE:
            self.status.set_state("empty", "")  # the note was about the entry left

    def _say_held(self) -> None:
        """Leaving an entry that cannot be saved: say why it stays open (never silently)."""
        text = self.status.text()
        if HELD not in text:
            self.status.set_state("error", f"{text} {HELD}".strip())

    def start_new(self) -> None:
        """A new, empty entry written now (Ctrl+N); stored once something is typed."""
        if not self.save_now():
            self._say_held()
            return
        self._end_editing()
        self._show(new_entry())
        self.editor.title.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # -- saving --------------------------------------------------------------------------
    def _on_edited(self) -> None:
        self._dirty = True
        self.status.set_state("pending", "Saving…")
        self._timer.start(AUTOSAVE_DELAY_MS)
        if not self._deadline.isActive():
            self._deadline.start()
        self._update_buttons()

    def save_now(self) -> bool:
        """Commit the entry on screen; True when nothing is left unsaved."""
        self._timer.stop()
        self._deadline.stop()
        if not self._dirty:
            return True
        entry = self.editor.current()
        if entry == self._stored or entry.is_empty:
            self._dirty = False
            if entry.is_empty and self._stored is not None:
                self.status.set_state("empty", EMPTY_NOTE)
            elif entry.is_empty:
                self.status.set_state("empty", "")
            else:  # as stored: never left on "Saving…"
                self.status.set_state("saved", f"Saved {datetime.now():%H:%M}")
            return True
        return self._commit(entry)

    def _commit(self, entry: JournalEntry) -> bool:
        self._saving = True  # the change this write announces is shown below, not read
        try:
            saved = self.entries.save(entry, editing=True)  # the writing marker with it
        except ValueError as error:  # JournalEntryError, DayOutOfRange: trying again won't do
            self.drafts[DRAFT] = entry
            self.status.set_state(
                "error", f"Not saved: {error} Change that and it is saved; your text is kept."
            )
            return False
        except JournalError as error:  # storage: it may work in a moment
            self.drafts[DRAFT] = entry
            self.status.set_state(
                "error", f"Not saved yet: {error} Your text is kept on screen; trying again."
            )
            self._timer.start(RETRY_DELAY_MS)
            return False
        finally:
            self._saving = False
        self.drafts.pop(DRAFT, None)
        self._editing = True
        self._stored = saved
        self._dirty = False
        self.editor.stored(saved)
        self.status.set_state("saved", f"Saved {datetime.now():%H:%M}")
        self._show_saved(saved)
        return True

    def _show_saved(self, saved: JournalEntry) -> None:
        """The list after a save here: the row in place, or read again for a new entry
        (or when a change from elsewhere waited for the save)."""
        self.editor.set_used_tags(self.list.read_tags())
        if self._reload_waiting:
            self._reload_waiting = False
            self.reload()
        elif not self.list.model.update_entry(saved):
            self.list.refresh(keep=saved.id)
        self._update_buttons()

    def _resume_draft(self) -> None:
        """Show, and save now, what could not be saved before a lock."""
        draft = self.drafts.get(DRAFT)
        if draft is None:
            return
        self.editor.show_entry(draft)
        self._stored = None
        self._dirty = True
        self.save_now()

    def _end_editing(self) -> None:
        """The entry left is no longer being written (its marker goes)."""
        if not self._editing and self.notice.isHidden():
            return
        try:
            self.entries.end_editing()
        except JournalError:
            return  # the text is saved; the marker stays for next time
        self._editing = False
        self.notice.hide()

    def flush(self) -> bool:
        """Save now and end the writing session (leaving the page, locking, closing);
        False if something typed could not be saved."""
        if not self.save_now():
            return False
        self._end_editing()
        return True

    def has_unsaved_changes(self) -> bool:
        return self._dirty

    # -- delete and undo -----------------------------------------------------------------
    def delete(self) -> None:
        """Delete the open entry after asking; Undo (Ctrl+Z) brings it back."""
        entry_id = self.editor.entry_id
        if entry_id is None:
            if self._dirty:  # never stored: nothing to ask about
                self._show(new_entry())
                self.status.set_state("empty", "")  # nothing is being saved now
            return
        if not ask(self, "Delete entry", "Delete this entry? Undo (Ctrl+Z) brings it back."):
            return
        self._timer.stop()
        self._deadline.stop()
        try:
            kept = self.entries.delete(entry_id)
        except JournalError as error:
            self.status.set_state("error", f"Not deleted: {error}")
            return
        if self._dirty:  # what was typed since the last save comes back too
            kept = replace_text(kept, self.editor.current())
        self.deleted.append(kept)
        self._end_editing()
        self._show(new_entry())
        self.status.set_state("saved", "Deleted. Undo (Ctrl+Z) brings it back.")
        # Ctrl+Z and Tab work at once: the window is active again after the question
        # (without this, the keyboard went nowhere after Delete… then Alt+Y).
        self.window().activateWindow()
        self.list.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def undo_delete(self) -> None:
        """Bring back the entry deleted last, and open it."""
        if not self.deleted:
            return
        if not self.save_now():
            return
        try:
            restored = self.entries.restore(self.deleted[-1])
        except JournalError as error:
            self.status.set_state("error", f"Not brought back: {error}")
            return
        self.deleted.pop()
        self._end_editing()
        self.list.refresh(keep=restored.id)
        self._show(restored)
        self.status.set_state("saved", f"Brought back; saved {datetime.now():%H:%M}")

    # -- the journal changing ------------------------------------------------------------
    def data_changed(self, kinds: frozenset[Change]) -> None:
        """Entries changed (a save here, an import, a restore): the list is read again at
        once, the open entry once nothing typed is unsaved."""
        if self._saving:
            return  # this page's own save: shown by _show_saved
        if self._dirty:
            self._reload_waiting = True
            return
        self.reload()

    def day_changed(self, _today: date) -> None:
        self.list.refresh(keep=self.editor.entry_id, keep_place=True)

    def focus_first(self) -> None:
        self.list.search.setFocus()
