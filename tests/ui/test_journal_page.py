"""The Journal page through qtbot against a real journal: writing (saved a few seconds
after typing stops, read back from the journal reopened), an empty entry never stored,
search marking the words in the list and in the open entry, delete and undo, the tags
offered as they are typed, a lock saving what was typed, and the notice after a stop."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from recovery_desktop.data.journal import open_with_passphrase
from recovery_desktop.domain.journal_entries import JournalEntry
from recovery_desktop.ui.models.journal_entries_model import HTML_ROLE, MARK_OPEN, PAGE_SIZE
from recovery_desktop.ui.pages.journal.entry_list import NOTHING_FOUND
from recovery_desktop.ui.pages.journal.page import JournalPage
from recovery_desktop.ui.session import Session
from tests.conftest import PASSPHRASE
from tests.ui.conftest import shown_page
from tests.ui.modal import stop_watching, when_shown  # noqa: F401  (stop_watching: autouse)

WRITTEN = datetime(2026, 11, 20, 21, 30)


def shown_journal_page(qtbot, journal) -> JournalPage:
    return shown_page(qtbot, JournalPage(journal.entries), journal, 1000, 600)


def reopened_entries(journal, files) -> list[JournalEntry]:
    journal.close()
    reopened = open_with_passphrase(files, PASSPHRASE)
    try:
        return [reopened.entries.get(row.id) for row in reopened.entries.entries()]
    finally:
        reopened.close()


def saved(journal, title: str, body: str, tags=()) -> JournalEntry:
    return journal.entries.save(JournalEntry(WRITTEN, title, body, tuple(tags)))


def test_typing_is_saved_after_a_pause_and_reads_back(qtbot, journal, files):
    page = shown_journal_page(qtbot, journal)
    qtbot.keyClicks(page.editor.title, "A long day")
    qtbot.keyClicks(page.editor.body.text, "Called my sponsor")
    assert page.status.text() == "Saving…"
    qtbot.waitUntil(lambda: page.status.text().startswith("Saved "), timeout=10000)
    assert page.list.model.rowCount() == 1
    assert page.list.model.index(0).data().startswith("A long day")
    assert page.flush()
    [entry] = reopened_entries(journal, files)
    assert (entry.title, entry.body, entry.shared) == ("A long day", "Called my sponsor", False)


def test_an_empty_new_entry_is_never_stored(qtbot, journal):
    page = shown_journal_page(qtbot, journal)
    qtbot.keyClicks(page.editor.title, "x")
    page.editor.title.clear()
    qtbot.keyClicks(page.editor.tags, "work")  # tags alone do not make an entry
    assert page.flush()
    page.start_new()
    assert journal.entries.count() == 0
    assert page.list.model.rowCount() == 0


def test_tags_and_the_share_switch_are_saved_and_used_tags_are_offered(qtbot, journal):
    saved(journal, "Before", "text", ["Work", "family"])
    page = shown_journal_page(qtbot, journal)
    page.start_new()
    qtbot.keyClicks(page.editor.title, "After")
    qtbot.keyClicks(page.editor.tags, "fam")
    assert page.editor.completer.offered() == ["family"]
    qtbot.keyClicks(page.editor.tags, "ily, w")
    assert page.editor.completer.offered() == ["Work"]
    page.editor.shared.click()
    assert page.flush()
    [row] = [r for r in journal.entries.entries() if r.title == "After"]
    assert row.tags == ("family", "w") and row.shared
    assert page.editor.shared.toolTip().startswith("Only entries with this switched on")


def test_search_marks_the_words_in_the_list_and_in_the_open_entry(qtbot, journal):
    saved(journal, "Tuesday", "The craving passed after a walk.\n\nNo craving at night.")
    saved(journal, "Other", "Nothing about it")
    page = shown_journal_page(qtbot, journal)
    qtbot.keyClicks(page.list.search, "crav")
    qtbot.waitUntil(lambda: page.list.model.rowCount() == 1)
    assert MARK_OPEN in page.list.model.index(0).data(HTML_ROLE)
    qtbot.keyClick(page.list.search, Qt.Key.Key_Down)
    assert page.list.view.hasFocus()
    qtbot.keyClick(page.list.view, Qt.Key.Key_Return)
    assert page.editor.title.text() == "Tuesday"
    marks = page.editor.body.text.extraSelections()
    assert [m.cursor.selectedText() for m in marks] == ["crav", "crav"]
    assert page.editor.body.markdown() == "The craving passed after a walk.\n\nNo craving at night."
    assert not page.has_unsaved_changes()  # marks are no edit
    qtbot.keyClick(page.list.search, Qt.Key.Key_Escape)
    assert page.list.search.text() == ""
    assert page.list.model.rowCount() == 2
    assert page.editor.body.text.extraSelections() == []


def test_fts_syntax_typed_in_the_search_box_is_searched_not_an_error(qtbot, journal):
    saved(journal, "Plain", 'She said "NEAR" (twice) - a:b')
    page = shown_journal_page(qtbot, journal)
    for text in ['"', '"NEAR', "(twice", "a:b -", "*", "NOT AND OR", "^", 'said "near']:
        page.list.search.setText(text)
        page.list.refresh()  # an error from the index would be said instead of these
        assert page.list.model.rowCount() == 1 or page.list.empty.text() == NOTHING_FOUND
    page.list.search.setText("(twice")
    page.list.refresh()
    assert page.list.model.rowCount() == 1


def test_delete_asks_then_undo_brings_the_entry_back(qtbot, journal):
    entry = saved(journal, "To delete", "Words", ["mine"])
    page = shown_journal_page(qtbot, journal)
    page.choose(entry.id)
    when_shown(QMessageBox, lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    page.delete_button.click()
    assert journal.entries.count() == 0
    assert page.list.model.rowCount() == 0
    assert page.undo_button.isVisible()
    page.activateWindow()  # as the desktop gives it back once the question closes
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    qtbot.keyClick(page.list.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert journal.entries.count() == 1
    restored = journal.entries.get(page.editor.entry_id)
    assert (restored.uid, restored.title, restored.tags) == (entry.uid, "To delete", ("mine",))
    assert not page.undo_button.isVisible()


def test_delete_answered_no_keeps_the_entry(qtbot, journal):
    entry = saved(journal, "Kept", "Words")
    page = shown_journal_page(qtbot, journal)
    page.choose(entry.id)
    when_shown(QMessageBox, lambda box: box.button(QMessageBox.StandardButton.No).click())
    page.delete_button.click()
    assert journal.entries.count() == 1
    assert page.editor.title.text() == "Kept"


def test_a_lock_saves_what_was_typed_and_ends_the_writing_session(
    qtbot, window_for, journal, files
):
    session = Session(files)
    session.adopt(journal)
    window = window_for(session)
    page = window.workspace.open_page("Journal")
    qtbot.keyClicks(page.editor.body.text, "Typed just before the lock")
    window.lock_now()
    reopened = open_with_passphrase(files, PASSPHRASE)
    try:
        [row] = reopened.entries.entries()
        assert reopened.entries.get(row.id).body == "Typed just before the lock"
        assert reopened.entries.interrupted() is None
    finally:
        reopened.close()


def test_after_a_stop_the_unlock_opens_the_journal_with_a_notice_and_the_entry(
    qtbot, window_for, journal, files
):
    entry = saved(journal, "Interrupted", "Written before the stop")
    journal.entries.begin_editing(entry.id, datetime.now())
    journal.close()  # as if killed: the writing session never ended
    session = Session(files)
    session.unlock(PASSPHRASE)
    window = window_for(session)
    qtbot.waitUntil(lambda: isinstance(window.workspace.stack.currentWidget(), JournalPage))
    page = window.workspace.stack.currentWidget()
    assert page.notice.isVisible()
    assert page.notice.label.text().startswith(
        "Recovery Desktop stopped while you were writing. Everything up to "
    )
    assert page.editor.body.markdown() == "Written before the stop"
    page.notice.ok_button.click()
    assert not page.notice.isVisible()
    assert session.journal.entries.interrupted() is None
    window.lock_now()
    session.unlock(PASSPHRASE)
    QApplication.processEvents()
    assert window.workspace.nav.currentItem().text() == "Journal"  # the page open at the lock
    assert not window.workspace.stack.currentWidget().notice.isVisible()  # no stop this time


def test_a_saved_entry_stays_where_it_is_in_the_list_until_the_list_is_read_again(qtbot, journal):
    """The list never moves under the user while they write: the row is updated in place."""
    newer = journal.entries.save(JournalEntry(WRITTEN, "Newer", "walk"))
    journal.entries.save(JournalEntry(WRITTEN - timedelta(days=1), "Older", "walk"))
    page = shown_journal_page(qtbot, journal)
    page.choose(newer.id)
    page.editor.written_at.setDateTime(page.editor.written_at.dateTime().addDays(-3))
    qtbot.keyClicks(page.editor.title, " one")
    assert page.save_now()
    assert page.list.model.entry_row(0).title == "Newer one"
    page.list.refresh()
    assert page.list.model.entry_row(1).title == "Newer one"


def test_a_long_list_keeps_its_place_when_entries_change_and_a_search_starts_afresh(qtbot, journal):
    journal.entries.add_many(
        JournalEntry(WRITTEN - timedelta(days=n), f"Day {n}", "walk") for n in range(250)
    )
    page = shown_journal_page(qtbot, journal)
    assert page.list.model.rowCount() == PAGE_SIZE
    page.list.model.fetchMore()  # scrolled to the end of the first page
    saved(journal, "New", "Written elsewhere")  # announced: the list is read again
    assert page.list.model.rowCount() == 2 * PAGE_SIZE
    assert page.list.model.entry_row(0).title == "New"
    page.list.search.setText("walk")
    page.list.refresh()
    assert page.list.model.rowCount() == PAGE_SIZE


def test_a_refused_save_keeps_the_text_on_screen_and_a_later_try_saves_it(
    qtbot, journal, monkeypatch
):
    from recovery_desktop.data.errors import StorageProblem

    page = shown_journal_page(qtbot, journal)
    qtbot.keyClicks(page.editor.body.text, "Kept on screen")
    real_save = journal.entries.save

    def refuse(*_args, **_kwargs):
        raise StorageProblem("The disk is full.")

    monkeypatch.setattr(journal.entries, "save", refuse)
    assert not page.flush()  # closing asks first
    assert page.status.text().startswith("Not saved yet: The disk is full.")
    assert page.editor.body.markdown() == "Kept on screen"
    monkeypatch.setattr(journal.entries, "save", real_save)
    assert page.save_now()
    assert page.status.text().startswith("Saved ")
    [row] = journal.entries.entries()
    assert journal.entries.get(row.id).body == "Kept on screen"


def test_text_the_journal_refused_is_saved_after_a_lock(qtbot, window_for, journal, files):
    from recovery_desktop.data.errors import StorageProblem

    session = Session(files)
    session.adopt(journal)
    window = window_for(session)
    page = window.workspace.open_page("Journal")
    qtbot.keyClicks(page.editor.body.text, "Kept through the lock")

    def refuse(*_args, **_kwargs):
        raise StorageProblem("The disk is full.")

    journal.entries.save = refuse  # this journal closes at the lock
    window.lock_now()
    session.unlock(PASSPHRASE)
    page = window.workspace.open_page("Journal")
    assert page.editor.body.markdown() == "Kept through the lock"
    assert page.status.text().startswith("Saved ")
    [row] = session.journal.entries.entries()
    assert session.journal.entries.get(row.id).body == "Kept through the lock"
