"""What two testers found on the Journal page (issue 15): a When or a length the journal
refuses can no longer be entered, a refused save is not tried for ever and never holds the
entry silently, a new entry is written when writing starts, no stop notice after a lock,
search rows and marks that follow the entry, the keyboard order, and the small notes."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import QApplication, QMessageBox

import recovery_desktop.ui.pages.journal.entry_editor as entry_editor
from recovery_desktop.data.errors import StorageProblem
from recovery_desktop.domain.dates import LATEST_DAY
from recovery_desktop.domain.journal_entries import (
    MAX_BODY_CHARACTERS,
    MAX_TITLE_CHARACTERS,
    JournalEntry,
)
from recovery_desktop.ui.models.journal_entries_model import HTML_ROLE, MARK_OPEN
from recovery_desktop.ui.pages.journal.entry_list import WRONG_WAY_ROUND
from recovery_desktop.ui.pages.journal.page import EMPTY_NOTE, HELD, JournalPage
from recovery_desktop.ui.session import Session
from tests.conftest import PASSPHRASE
from tests.ui.conftest import shown_page
from tests.ui.fit_check import fit_problems
from tests.ui.modal import stop_watching, when_shown  # noqa: F401  (stop_watching: autouse)

WRITTEN = datetime(2026, 11, 20, 21, 30)
CTRL = Qt.KeyboardModifier.ControlModifier


def shown_journal_page(qtbot, journal) -> JournalPage:
    return shown_page(qtbot, JournalPage(journal.entries, facts_source=None), journal, 1000, 600)


def saved(journal, title: str, body: str, tags=()) -> JournalEntry:
    return journal.entries.save(JournalEntry(WRITTEN, title, body, tuple(tags)))


def searched(qtbot, journal, words: str, opened: JournalEntry | None = None) -> JournalPage:
    """The page with ``words`` searched for, ``opened`` opened from the results."""
    page = shown_journal_page(qtbot, journal)
    page.list.search.setText(words)
    page.list.refresh()
    if opened is not None:
        page.choose(opened.id)
    return page


def only_entry(journal) -> JournalEntry:
    [row] = journal.entries.entries()
    return journal.entries.get(row.id)


# -- 1. When, and saves refused for a reason trying again cannot fix --
def test_the_when_field_cannot_go_past_the_last_day_the_journal_keeps(qtbot, journal):
    """Year 2300 (or "2359" typed into the year) used to be accepted, then never saved."""
    page = shown_journal_page(qtbot, journal)
    when = page.editor.written_at
    when.setDateTime(QDateTime(QDate(2300, 1, 1), QTime(9, 0)))
    last = QDate(LATEST_DAY.year, LATEST_DAY.month, LATEST_DAY.day)
    assert when.date() == last
    qtbot.keyClicks(page.editor.body.text, "Far ahead")
    assert page.flush()
    assert only_entry(journal).written_at.date() == LATEST_DAY


def test_a_save_refused_for_the_entry_itself_says_what_to_change_and_is_not_retried(qtbot, journal):
    other = saved(journal, "Other", "An older entry")
    page = shown_journal_page(qtbot, journal)
    qtbot.keyClicks(page.editor.body.text, "Kept on screen")
    page.editor.tags.setText(", ".join(f"t{n}" for n in range(21)))  # the journal keeps 20
    assert not page.save_now()
    assert page.status.text().startswith("Not saved: An entry can have at most 20 tags.")
    assert not page._timer.isActive()  # no endless retry
    page.choose(other.id)  # leaving is refused, and says why
    assert page.editor.body.markdown() == "Kept on screen"
    assert HELD in page.status.text()
    page.editor.tags.setText("work")
    assert page.save_now()
    page.choose(other.id)
    assert page.editor.title.text() == "Other"


# -- 2. Lengths --
def test_a_paste_that_would_make_the_text_too_long_is_refused_and_nothing_is_lost(qtbot, journal):
    page = shown_journal_page(qtbot, journal)
    qtbot.keyClicks(page.editor.body.text, "Typed first")
    QApplication.clipboard().setText("x" * MAX_BODY_CHARACTERS)
    qtbot.keyClick(page.editor.body.text, Qt.Key.Key_V, CTRL)
    assert page.editor.body.markdown() == "Typed first"
    assert f"{MAX_BODY_CHARACTERS:,}" in page.status.text()
    assert "not added" in page.status.text()
    assert page.flush()
    assert only_entry(journal).body == "Typed first"


def test_a_long_title_is_cut_at_the_limit_saying_how_much_was_left_out(qtbot, journal):
    page = shown_journal_page(qtbot, journal)
    QApplication.clipboard().setText("t" * (MAX_TITLE_CHARACTERS + 50))
    qtbot.keyClick(page.editor.title, Qt.Key.Key_V, CTRL)
    assert len(page.editor.title.text()) == MAX_TITLE_CHARACTERS
    assert "50 were left out" in page.status.text()
    assert page.flush()
    assert len(only_entry(journal).title) == MAX_TITLE_CHARACTERS


# -- 3. A new entry is written when writing starts --
def test_a_new_entry_is_written_when_typing_starts_not_when_the_page_opened(
    qtbot, journal, monkeypatch
):
    page = shown_journal_page(qtbot, journal)
    morning = datetime.now().replace(second=0, microsecond=0) + timedelta(hours=9)
    monkeypatch.setattr(entry_editor, "now_to_the_minute", lambda: morning)
    qtbot.keyClicks(page.editor.body.text, "Written the next morning")
    assert page.flush()
    assert only_entry(journal).written_at == morning


def test_after_an_unlock_a_new_entry_shows_the_time_now(
    qtbot, window_for, journal, files, monkeypatch
):
    session = Session(files)
    session.adopt(journal)
    window = window_for(session)
    window.workspace.open_page("Journal")
    window.lock_now()
    later = datetime.now().replace(second=0, microsecond=0) + timedelta(hours=9)
    monkeypatch.setattr(entry_editor, "now_to_the_minute", lambda: later)
    session.unlock(PASSPHRASE)
    page = window.workspace.open_page("Journal")
    assert page.editor.written_at.dateTime().toPython() == later


def test_a_when_set_by_hand_is_kept(qtbot, journal, monkeypatch):
    page = shown_journal_page(qtbot, journal)
    page.editor.written_at.setDateTime(QDateTime(QDate(2026, 3, 1), QTime(7, 15)))
    monkeypatch.setattr(entry_editor, "now_to_the_minute", lambda: WRITTEN)
    qtbot.keyClicks(page.editor.body.text, "About that morning")
    assert page.flush()
    assert only_entry(journal).written_at == datetime(2026, 3, 1, 7, 15)


# -- 4. No stop notice after a lock in the same run --
def test_a_lock_with_a_save_stuck_shows_no_stop_notice_after_unlock(
    qtbot, window_for, journal, files
):
    session = Session(files)
    session.adopt(journal)
    window = window_for(session)
    page = window.workspace.open_page("Journal")
    qtbot.keyClicks(page.editor.body.text, "Saved once")
    assert page.save_now()  # the writing marker is held

    def refuse(*_args, **_kwargs):
        raise StorageProblem("The disk is full.")

    journal.entries.save = refuse  # this journal closes at the lock
    qtbot.keyClicks(page.editor.body.text, ", then stuck")
    window.lock_now()
    session.unlock(PASSPHRASE)
    page = window.workspace.open_page("Journal")
    assert page.editor.body.markdown() == "Saved once, then stuck"
    assert not page.notice.isVisible()


# -- 5. Search rows and marks --
def test_a_result_row_with_a_very_long_line_stays_a_few_lines_high(qtbot, journal):
    saved(journal, "Long", "walk " + "x" * 10_000)  # one line, one very long word
    page = searched(qtbot, journal, "walk")
    height = page.list.view.sizeHintForRow(0)
    assert height < 10 * page.list.view.fontMetrics().lineSpacing()
    assert height < page.list.view.viewport().height()


def test_a_result_row_shows_the_text_saved_since_the_search(qtbot, journal):
    entry = saved(journal, "Walks", "A walk in the rain")
    page = searched(qtbot, journal, "walk", entry)
    page.editor.body.text.selectAll()
    qtbot.keyClicks(page.editor.body.text, "A long walk by the sea")
    assert page.save_now()
    assert "sea" in page.list.model.index(0).data(HTML_ROLE)


def test_marks_go_when_the_search_finds_nothing(qtbot, journal):
    entry = saved(journal, "Walks", "A walk in the rain")
    page = searched(qtbot, journal, "walk", entry)
    assert page.editor.body.text.extraSelections()
    page.list.search.setText("walk zebra")
    page.list.refresh()
    assert page.list.model.rowCount() == 0
    assert page.editor.body.text.extraSelections() == []


def test_opening_a_result_scrolls_to_the_first_mark(qtbot, journal):
    entry = saved(journal, "Long", "\n\n".join(["line"] * 300 + ["the craving passed"]))
    page = searched(qtbot, journal, "craving", entry)
    text = page.editor.body.text
    assert text.verticalScrollBar().value() > 0
    assert text.cursorRect().intersects(text.viewport().rect())


def test_only_the_last_word_searched_is_marked_as_a_word_start(qtbot, journal):
    entry = saved(journal, "Therapy", "Therapy went well, then the walk")
    page = searched(qtbot, journal, "the wal", entry)
    marks = [m.cursor.selectedText() for m in page.editor.body.text.extraSelections()]
    assert marks == ["the", "wal"]
    assert f"{MARK_OPEN}Therapy" not in page.list.model.index(0).data(HTML_ROLE)


# -- 6. Keyboard --
def test_tab_goes_down_the_entry_then_to_the_list(qtbot, journal):
    page = shown_journal_page(qtbot, journal)
    page.editor.title.setFocus()
    seen: list[str] = []
    for _ in range(30):  # Tab also steps through the date's parts (day, month, … minute)
        name = QApplication.focusWidget().accessibleName()
        if not seen or seen[-1] != name:
            seen.append(name)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert seen[:2] == ["Title", "Date and time"]
    text = seen.index("Entry text")
    assert seen[2:text] == [b.accessibleName() for b in page.editor.body.buttons.values()]
    assert seen[text + 1 : text + 5] == [
        "Tags",
        "",  # the switch is named by its own text
        "Search the journal",
        "Show entries with the tag",
    ]


def test_every_alt_key_on_the_page_has_one_control(qtbot, journal):
    page = shown_journal_page(qtbot, journal)
    page.undo_button.show()
    assert [p for p in fit_problems(page) if p.startswith("Alt+")] == []


def test_after_a_delete_ctrl_z_works_at_once(qtbot, journal):
    entry = saved(journal, "Gone", "for a moment")
    page = shown_journal_page(qtbot, journal)
    page.choose(entry.id)
    when_shown(QMessageBox, lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert journal.entries.count() == 0
    page.activateWindow()  # as the window manager does when the question closes
    qtbot.waitUntil(lambda: page.list.view.hasFocus())
    qtbot.keyClick(page.list.view, Qt.Key.Key_Z, CTRL)
    assert page.editor.title.text() == "Gone"
    assert journal.entries.count() == 1


# -- 7. Small notes --
def test_the_empty_entry_note_goes_when_another_entry_opens(qtbot, journal):
    first = saved(journal, "First", "one")
    other = saved(journal, "Other", "two")
    page = shown_journal_page(qtbot, journal)
    page.choose(first.id)
    page.editor.title.clear()
    page.editor.body.set_markdown("")
    page.editor.edited.emit()
    assert page.save_now()
    assert page.status.text() == EMPTY_NOTE
    page.choose(other.id)
    assert page.status.text() == ""


def test_dates_the_wrong_way_round_are_said_so(qtbot, journal):
    saved(journal, "One", "text")
    page = shown_journal_page(qtbot, journal)
    page.list.dates.setChecked(True)
    page.list.first.setDate(QDate(2026, 12, 1))
    page.list.last.setDate(QDate(2026, 1, 1))
    assert page.list.empty.isVisible()
    assert page.list.empty.text() == WRONG_WAY_ROUND


def test_tags_show_tidied_once_saved(qtbot, journal):
    page = shown_journal_page(qtbot, journal)
    qtbot.keyClicks(page.editor.body.text, "text")
    page.editor.tags.setText("a  b, , Work, work")
    page.editor.body.text.setFocus()
    assert page.save_now()
    assert page.editor.tags.text() == "a b, Work"


def test_the_tag_list_closes_on_escape_and_on_tab(qtbot, journal):
    """The offered tags cover the summary switch only until Escape or Tab."""
    saved(journal, "One", "text", ["work"])
    page = shown_journal_page(qtbot, journal)
    popup = page.editor.completer.popup()
    for key in (Qt.Key.Key_Escape, Qt.Key.Key_Tab):
        page.editor.tags.clear()
        page.editor.tags.setFocus()
        qtbot.keyClicks(page.editor.tags, "wo")
        qtbot.waitUntil(popup.isVisible)
        qtbot.keyClick(popup, key)
        qtbot.waitUntil(lambda: not popup.isVisible())
    assert page.editor.shared.hasFocus()  # Tab went on to the switch


def test_typing_stops_at_the_limit_saying_so(qtbot, journal):
    page = shown_journal_page(qtbot, journal)
    page.editor.body.set_markdown("x" * (MAX_BODY_CHARACTERS - 1))
    qtbot.keyClicks(page.editor.body.text, "yz")
    assert len(page.editor.body.markdown()) == MAX_BODY_CHARACTERS
    assert f"{MAX_BODY_CHARACTERS:,}" in page.status.text()
    assert page.flush()
    assert len(only_entry(journal).body) == MAX_BODY_CHARACTERS


# -- The same kind on the Plan page --
def test_a_plan_section_refuses_a_paste_it_could_never_save(qtbot, journal):
    """The Plan's sections have the Journal's editor and its retry: a 100,001-character
    section was refused and tried again for ever."""
    from recovery_desktop.domain.plan import MAX_BODY_CHARACTERS as MAX_SECTION
    from recovery_desktop.ui.pages.plan.page import PlanPage

    page = shown_page(qtbot, PlanPage(journal.plan, journal.library), journal, 1100, 760)
    page.editor.body.text.setFocus()
    qtbot.keyClicks(page.editor.body.text, "My kids")
    QApplication.clipboard().setText("x" * MAX_SECTION)
    qtbot.keyClick(page.editor.body.text, Qt.Key.Key_V, CTRL)
    assert page.editor.body.markdown() == "My kids"
    assert f"{MAX_SECTION:,}" in page.status.text()
    assert page.flush()
    assert journal.plan.plan().sections[0].body == "My kids"


def test_at_the_limit_no_character_more_can_be_typed_and_the_status_never_stays_saving(
    qtbot, journal
):
    """A re-tester pasted exactly 200,000 characters ending in a space, saw "Saved", then
    could type one more (the check counted the Markdown, which drops the trailing space)
    and the status said "Saving…" for good."""
    page = shown_journal_page(qtbot, journal)
    text = page.editor.body.text
    text.setFocus()
    QApplication.clipboard().setText("abcdefghi " * (MAX_BODY_CHARACTERS // 10))
    qtbot.keyClick(text, Qt.Key.Key_V, CTRL)
    assert page.flush()
    assert page.status.text().startswith("Saved")
    qtbot.keyClick(text, Qt.Key.Key_End, CTRL)
    qtbot.keyClick(text, Qt.Key.Key_Q)
    assert text.toPlainText().endswith("abcdefghi ")  # the Q was refused
    assert f"{MAX_BODY_CHARACTERS:,}" in page.status.text()
    qtbot.keyClick(text, Qt.Key.Key_Backspace)
    assert page.status.text() == "Saving…"
    page.save_now()
    assert page.status.text().startswith("Saved")
    assert "Saving" not in page.status.text()


def test_a_save_skipped_as_unchanged_does_not_leave_saving_on_screen(qtbot, journal):
    page = shown_journal_page(qtbot, journal)
    qtbot.keyClicks(page.editor.body.text, "same")
    assert page.save_now()
    qtbot.keyClicks(page.editor.body.text, "x")
    qtbot.keyClick(page.editor.body.text, Qt.Key.Key_Backspace)  # back as it was stored
    assert page.status.text() == "Saving…"
    assert page.save_now()
    assert page.status.text().startswith("Saved")


def test_tab_goes_down_the_entry_in_the_main_window_too(qtbot, journal):
    """In the app the page sits in the workspace, whose Tab follows the screen's reading
    order: Title went on to "Only between these dates", the list and the text out of turn
    (the page alone, above, never showed it)."""
    from recovery_desktop.domain.journal_prompts import DayFacts
    from recovery_desktop.ui.workspace import PageSpec, Workspace

    spec = PageSpec(
        "Journal",
        lambda j: JournalPage(j.entries, facts_source=DayFacts),
        "recovery_desktop.ui.pages.journal.page:JournalPage",
    )
    workspace = Workspace([spec], journal, lock=lambda: None)
    qtbot.addWidget(workspace)
    workspace.resize(1024, 600)
    workspace.show()
    workspace.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is workspace)
    page = workspace.build(0)
    workspace.stack.setCurrentWidget(page)
    page.editor.title.setFocus()
    seen: list[str] = []
    for _ in range(40):
        focused = QApplication.focusWidget()
        name = focused.accessibleName() or getattr(focused, "text", str)()
        if not seen or seen[-1] != name:
            seen.append(name)
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
    buttons = [b.accessibleName() for b in page.editor.body.buttons.values()]
    text = seen.index("Entry text")
    assert seen[:3] == ["Title", "Date and time", "&Write about today"]
    assert seen[3:text] == buttons
    assert seen[text + 1 : text + 6] == [
        "Tags",
        "Include in my therapy &summary",
        "Search the journal",
        "Show entries with the tag",
        "Only between these &dates",
    ]
    assert "Lock the journal" in seen  # and on out of the page
