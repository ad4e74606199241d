"""Draft recovery: a journal entry being written when the app is killed is kept, and the
next open knows which entry was being edited and when it was last saved (the Journal page
then offers it back)."""

from __future__ import annotations

from datetime import datetime

from recovery_desktop.data.journal import JournalFiles, create_journal, open_unprotected
from recovery_desktop.domain.journal_entries import JournalEntry
from tests.children import _PRELUDE, go, kill, start, wait_for

TYPED = "## The craving today\\n\\nIt passed after I *called Sam*."

WRITE_ENTRY = (
    _PRELUDE
    + f"""
from datetime import datetime
from recovery_desktop.domain.journal_entries import JournalEntry
journal = open_unprotected(files)
entry = JournalEntry(datetime(2026, 11, 30, 21, 30), "Tonight", "It passed", ("cravings",))
# the first autosave, then the next one a few seconds after typing stopped again
entry = journal.entries.save(entry, editing=True, now=datetime(2026, 11, 30, 21, 38))
journal.entries.save(entry.with_changes(body="{TYPED}"), editing=True,
                     now=datetime(2026, 11, 30, 21, 40, 5))
print("saved", entry.id, flush=True)
sys.stdin.readline()
"""
)


def test_text_saved_before_a_kill_is_kept_and_the_interruption_is_known(
    files: JournalFiles,
) -> None:
    create_journal(files, None).close()
    child = start(WRITE_ENTRY, files.folder)
    go(child)
    wait_for(child, "saved 1")
    kill(child)  # SIGKILL while writing: no flush, no end of the editing session
    journal = open_unprotected(files)
    try:
        entry = journal.entries.get(1)
        assert entry.body == TYPED.replace("\\n", "\n")
        assert (entry.title, entry.tags) == ("Tonight", ("cravings",))
        assert journal.entries.interrupted() == (1, datetime(2026, 11, 30, 21, 40))
        assert [row.id for row in journal.entries.search("called sam")] == [1]
        journal.entries.end_editing()  # the notice dismissed
        assert journal.entries.interrupted() is None
    finally:
        journal.close()
    again = open_unprotected(files)
    try:
        assert again.entries.interrupted() is None
    finally:
        again.close()


def test_this_sessions_own_marker_is_never_reported(files: JournalFiles) -> None:
    journal = create_journal(files, None)
    saved = journal.entries.save(JournalEntry(datetime(2026, 11, 30, 9, 0), "Mine"), editing=True)
    journal.entries.begin_editing(saved.id or 0)
    assert journal.entries.interrupted() is None
    journal.entries.end_editing()
    journal.close()
    again = open_unprotected(files)
    try:
        assert again.entries.interrupted() is None
    finally:
        again.close()


def test_a_marker_left_for_an_entry_deleted_since_offers_nothing(files: JournalFiles) -> None:
    journal = create_journal(files, None)
    saved = journal.entries.save(JournalEntry(datetime(2026, 11, 30, 9, 0), "Gone"), editing=True)
    journal.entries.delete(saved.id or 0)
    journal.close()  # no end_editing: as if killed
    again = open_unprotected(files)
    try:
        assert again.entries.interrupted() is None
    finally:
        again.close()


def test_a_session_stopped_while_editing_is_reported_once_per_open(files: JournalFiles) -> None:
    journal = create_journal(files, None)
    saved = journal.entries.save(JournalEntry(datetime(2026, 11, 30, 9, 0), "Left"))
    journal.entries.begin_editing(saved.id or 0, datetime(2026, 11, 30, 9, 5))
    journal.close()  # no end_editing: as if killed
    again = open_unprotected(files)
    try:
        assert again.entries.interrupted() == (saved.id, datetime(2026, 11, 30, 9, 5))
        again.entries.save(saved.with_changes(body="more"), editing=True)  # editing again
        assert again.entries.interrupted() == (saved.id, datetime(2026, 11, 30, 9, 5))
    finally:
        again.close()
