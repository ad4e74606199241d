"""The Plan page through qtbot: writing a section (saved a few seconds after typing stops,
and when another section is chosen), the sections renamed, moved, hidden and added, the
tables, the suggestions and the support people, each read back from the journal reopened."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from recovery_desktop.data.journal import open_with_passphrase
from recovery_desktop.domain.contacts import Contact
from recovery_desktop.domain.library import Kind, LibraryItem
from recovery_desktop.domain.plan import DEFAULT_TITLES, PlanPair, SectionKind
from recovery_desktop.domain.plan_template import template_for
from recovery_desktop.ui.pages.plan.page import PlanPage
from tests.conftest import PASSPHRASE
from tests.ui.conftest import shown_page


def shown_plan_page(qtbot, journal) -> PlanPage:
    """The Plan page on ``journal``'s repositories, following its changes, shown."""
    return shown_page(qtbot, PlanPage(journal.plan, journal.library), journal, 1100, 760)


def reopened_plan(journal, files):
    journal.close()
    reopened = open_with_passphrase(files, PASSPHRASE)
    try:
        return reopened.plan.plan()
    finally:
        reopened.close()


def choose(page: PlanPage, kind: SectionKind) -> None:
    row = [s.kind for s in page.plan.sections].index(kind)
    page.sections.view.setCurrentRow(row)
    assert page.editor.current().kind is kind


def test_a_new_plan_shows_the_template_with_its_prompt(qtbot, journal):
    page = shown_plan_page(qtbot, journal)
    assert page.sections.lines() == list(DEFAULT_TITLES.values())
    assert page.editor.title.text() == "My reasons for recovery"
    assert page.editor.prompt.text() == template_for(SectionKind.REASONS).prompt
    assert page.status.text() == "Nothing written yet"


def test_typing_is_saved_after_a_pause_and_reads_back(qtbot, journal, files):
    page = shown_plan_page(qtbot, journal)
    page.editor.body.text.setFocus()
    qtbot.keyClicks(page.editor.body.text, "My kids")
    assert page.status.text() == "Saving…"
    qtbot.waitUntil(lambda: page.status.text().startswith("Saved "), timeout=10000)
    assert journal.plan.interrupted_since() is None  # this session's own marker
    assert page.flush()
    plan = reopened_plan(journal, files)
    assert plan.of_kind(SectionKind.REASONS).body == "My kids"


def test_choosing_another_section_saves_the_one_left(qtbot, journal, files):
    page = shown_plan_page(qtbot, journal)
    qtbot.keyClicks(page.editor.body.text, "Walk the dog")
    choose(page, SectionKind.ROUTINE)
    assert page.status.text().startswith("Saved ")
    qtbot.keyClicks(page.editor.body.text, "Up at seven")
    assert page.flush()
    plan = reopened_plan(journal, files)
    assert plan.of_kind(SectionKind.REASONS).body == "Walk the dog"
    assert plan.of_kind(SectionKind.ROUTINE).body == "Up at seven"


def test_a_refused_save_keeps_the_text_and_closing_asks(qtbot, journal, monkeypatch):
    from recovery_desktop.data.errors import StorageProblem

    page = shown_plan_page(qtbot, journal)
    qtbot.keyClicks(page.editor.body.text, "Kept on screen")

    def refuse(*_args, **_kwargs):
        raise StorageProblem("The disk is full.")

    monkeypatch.setattr(journal.plan, "save_section", refuse)
    assert page.flush() is False
    assert "Your text is kept on screen" in page.status.text()
    assert page.editor.body.markdown() == "Kept on screen"
    monkeypatch.undo()
    assert page.flush()
    assert journal.plan.plan().sections[0].body == "Kept on screen"


def test_rename_move_hide_and_add_sections_persist(qtbot, journal, files):
    page = shown_plan_page(qtbot, journal)
    qtbot.keyClicks(page.editor.body.text, "Still here")
    page.structure.ask_title = lambda dialog: "Why I stay"
    page.sections.view.setFocus()
    qtbot.keyClick(page.sections.view, Qt.Key.Key_F2)
    assert page.sections.lines()[0] == "Why I stay"
    qtbot.keyClick(page.sections.view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert page.sections.lines()[:2] == [DEFAULT_TITLES[SectionKind.TRIGGERS], "Why I stay"]
    page.sections.hide_button.click()
    assert page.sections.lines()[1] == "Why I stay (hidden)"
    assert page.editor.hidden_note.isVisibleTo(page)
    page.structure.ask_title = lambda dialog: "Music that helps"
    page.sections.add_button.click()
    assert page.sections.lines()[2] == "Music that helps"
    assert page.editor.title.text() == "Music that helps"
    qtbot.keyClicks(page.editor.body.text, "Loud")
    assert page.flush()
    plan = reopened_plan(journal, files)
    first, second, third = plan.sections[:3]
    assert first.kind is SectionKind.TRIGGERS
    assert (second.title, second.hidden, second.body) == ("Why I stay", True, "Still here")
    assert (third.kind, third.title, third.body) == (SectionKind.CUSTOM, "Music that helps", "Loud")


def test_only_your_own_section_can_be_removed_after_asking(qtbot, journal, files):
    page = shown_plan_page(qtbot, journal)
    assert not page.sections.remove_button.isEnabled()  # a default section
    page.structure.ask_title = lambda dialog: "Mine"
    page.sections.add_button.click()
    asked = []
    page.structure.confirm = lambda _parent, title: asked.append(title) or False
    page.sections.remove_button.click()
    assert "Mine" in page.sections.lines()
    page.structure.confirm = lambda _parent, title: asked.append(title) or True
    page.sections.remove_button.click()
    assert asked == ["Mine", "Mine"]
    assert "Mine" not in page.sections.lines()
    assert page.flush()
    assert "Mine" not in [s.title for s in reopened_plan(journal, files).sections]


def test_the_warning_signs_table_is_edited_by_keyboard_and_persists(qtbot, journal, files):
    page = shown_plan_page(qtbot, journal)
    choose(page, SectionKind.WARNING_SIGNS)
    table = page.editor.pairs.table
    assert [table.horizontalHeaderItem(c).text() for c in (0, 1)] == ["Warning sign", "What I do"]
    table.setFocus()
    for first, second in (("Skipping meals", "Eat something"), ("Not sleeping", "Call Sam")):
        qtbot.keyClick(table, Qt.Key.Key_Insert)
        row = table.rowCount() - 1
        table.item(row, 0).setText(first)
        table.item(row, 1).setText(second)
    table.setCurrentCell(1, 0)
    qtbot.keyClick(table, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert page.editor.pairs.pairs()[0].first == "Not sleeping"
    table.setCurrentCell(1, 0)
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert [p.first for p in page.editor.pairs.pairs()] == ["Not sleeping"]
    qtbot.keyClick(table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(table, Qt.Key.Key_Delete)  # removes "Skipping meals" again, for good
    assert page.flush()
    pairs = reopened_plan(journal, files).of_kind(SectionKind.WARNING_SIGNS).pairs
    assert pairs == (PlanPair("Not sleeping", "Call Sam"),)


def test_a_trigger_row_comes_from_the_library(qtbot, journal, files):
    journal.library.add(LibraryItem(None, Kind.TRIGGER, "Payday Friday", "Situations"))
    journal.library.add(LibraryItem(None, Kind.COPING, "Run round the park", "Move"))
    page = shown_plan_page(qtbot, journal)
    choose(page, SectionKind.TRIGGERS)
    offered = []

    def answer(dialog):
        offered.append([[v.item(r).text() for r in range(v.count())] for v in dialog.lists])
        return [["Payday Friday"], ["Run round the park"]]

    page.picking.open = answer
    page.editor.trigger_library.click()
    [(triggers, coping)] = offered
    assert "Payday Friday" in triggers and "Run round the park" in coping
    assert page.flush()
    pairs = reopened_plan(journal, files).of_kind(SectionKind.TRIGGERS).pairs
    assert pairs == (PlanPair("Payday Friday", "Run round the park"),)


def test_coping_steps_from_the_library_become_a_list(qtbot, journal, files):
    journal.library.add(LibraryItem(None, Kind.COPING, "Run round the park", "Move"))
    journal.library.add(LibraryItem(None, Kind.COPING, "Text my sponsor Jo", "Reach out"))
    page = shown_plan_page(qtbot, journal)
    choose(page, SectionKind.COPING)
    qtbot.keyClicks(page.editor.body.text, "What works for me:")
    page.picking.open = lambda dialog: [["Run round the park", "Text my sponsor Jo"]]
    page.editor.coping_button.click()
    assert page.flush()
    body = reopened_plan(journal, files).of_kind(SectionKind.COPING).body
    assert body == "What works for me:\n\n- Run round the park\n- Text my sponsor Jo"


def test_accepted_and_dismissed_suggestions_persist_and_are_not_offered_again(
    qtbot, journal, files
):
    page = shown_plan_page(qtbot, journal)
    offered = template_for(SectionKind.REASONS).suggestions
    rows = page.editor.suggestion_rows()
    assert [r.text for r in rows] == list(offered[:3])
    rows[0].add_button.click()
    page.editor.suggestion_rows()[0].dismiss_button.click()
    assert [r.text for r in page.editor.suggestion_rows()] == list(offered[2:5])
    choose(page, SectionKind.WARNING_SIGNS)
    signs = template_for(SectionKind.WARNING_SIGNS).suggestions
    page.editor.suggestion_rows()[0].add_button.click()
    assert page.flush()
    plan = reopened_plan(journal, files)
    reasons = plan.of_kind(SectionKind.REASONS)
    assert reasons.body == f"- {offered[0]}"
    assert reasons.dismissed == offered[:2]
    assert plan.of_kind(SectionKind.WARNING_SIGNS).pairs == (PlanPair(signs[0]),)


def test_suggestions_stay_gone_on_a_new_page(qtbot, journal):
    page = shown_plan_page(qtbot, journal)
    first = page.editor.suggestion_rows()[0].text
    page.editor.suggestion_rows()[0].dismiss_button.click()
    assert page.flush()
    again = shown_plan_page(qtbot, journal)
    assert first not in [r.text for r in again.editor.suggestion_rows()]


def test_support_people_are_live_links(qtbot, journal, files):
    sam = journal.contacts.save(Contact(None, "Sam", phone="555 0101"))
    ana = journal.contacts.save(Contact(None, "Ana"))
    page = shown_plan_page(qtbot, journal)
    choose(page, SectionKind.SUPPORT)
    page.picking.open = lambda dialog: [
        [
            dialog.lists[0].item(r).data(Qt.ItemDataRole.UserRole)
            for r in range(dialog.lists[0].count())
        ]
    ]
    page.editor.support.add_button.click()
    assert page.editor.support.lines()[0].startswith("Sam")
    assert page.flush()
    journal.contacts.save(replace(sam, name="Samira"))  # renamed on People
    assert page.editor.support.lines()[0].startswith("Samira")
    journal.contacts.set_archived(ana.id)
    assert page.editor.support.lines()[1].endswith("(archived)")
    plan = reopened_plan(journal, files)
    assert len(plan.of_kind(SectionKind.SUPPORT).contacts) == 2


def test_the_crash_notice_shows_what_is_kept_and_goes_after_ok(qtbot, journal, files):
    journal.plan.save_section(
        replace(journal.plan.plan().sections[0], body="Written before the stop"), editing=True
    )
    journal.close()  # as if killed: the session never ended
    reopened = open_with_passphrase(files, PASSPHRASE)
    try:
        page = shown_plan_page(qtbot, reopened)
        assert page.notice.isVisible()
        assert page.notice.label.text().startswith(
            "Recovery Desktop stopped while you were editing your plan. Everything you wrote up to"
        )
        assert page.editor.body.markdown() == "Written before the stop"
        page.notice.ok_button.click()
        assert not page.notice.isVisible()
        assert reopened.plan.interrupted_since() is None
        again = shown_plan_page(qtbot, reopened)
        assert not again.notice.isVisible()
    finally:
        reopened.close()


def test_a_plan_restored_elsewhere_is_shown_unless_typing_is_unsaved(qtbot, journal):
    page = shown_plan_page(qtbot, journal)
    qtbot.keyClicks(page.editor.body.text, "First words")
    assert page.flush()
    version = journal.plan.save_version("first")
    journal.plan.save_section(replace(journal.plan.plan().sections[0], body="Other words"))
    assert page.editor.body.markdown() == "Other words"
    qtbot.keyClick(page.editor.body.text, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(page.editor.body.text, "!")
    journal.plan.restore(version.id)  # arrives while "!" is not saved yet
    assert page.editor.body.markdown() == "Other words!"


def test_after_a_stop_the_unlocked_window_opens_on_the_plan(qtbot, window_for, journal, files):
    from recovery_desktop.ui.session import Session

    journal.plan.save_section(
        replace(journal.plan.plan().sections[0], body="Written before the stop"), editing=True
    )
    journal.close()
    session = Session(files)
    session.unlock(PASSPHRASE)
    window = window_for(session)
    qtbot.waitUntil(lambda: isinstance(window.workspace.stack.currentWidget(), PlanPage))
    page = window.workspace.stack.currentWidget()
    assert page.notice.isVisible()
    assert window.workspace.nav.currentItem().text() == "Plan"
    window.lock_now()  # seen, then locked without OK: a clean end, not shown again
    session.unlock(PASSPHRASE)
    QApplication.processEvents()
    assert window.workspace.nav.currentItem().text() == "Plan"  # the page open at the lock
    assert not window.workspace.stack.currentWidget().notice.isVisible()


def test_a_refused_save_keeps_the_section_chosen(qtbot, journal, monkeypatch):
    from recovery_desktop.data.errors import StorageProblem

    page = shown_plan_page(qtbot, journal)
    qtbot.keyClicks(page.editor.body.text, "Not lost")

    def refuse(*_args, **_kwargs):
        raise StorageProblem("The disk is full.")

    monkeypatch.setattr(journal.plan, "save_section", refuse)
    page.sections.view.setCurrentRow(3)
    assert page.sections.view.currentRow() == 0
    assert page.editor.body.markdown() == "Not lost"


def test_text_the_journal_refused_is_saved_after_a_lock(qtbot, window_for, journal, files):
    from recovery_desktop.data.errors import StorageProblem
    from recovery_desktop.ui.session import Session

    session = Session(files)
    session.adopt(journal)
    window = window_for(session)
    page = window.workspace.open_page("Plan")
    qtbot.keyClicks(page.editor.body.text, "Kept through the lock")

    def refuse(*_args, **_kwargs):
        raise StorageProblem("The disk is full.")

    journal.plan.save_section = refuse  # this journal closes at the lock
    window.lock_now()
    session.unlock(PASSPHRASE)
    page = window.workspace.open_page("Plan")
    assert page.editor.body.markdown() == "Kept through the lock"
    assert page.status.text().startswith("Saved ")
    assert session.journal.plan.plan().sections[0].body == "Kept through the lock"


def test_tab_reaches_every_part_of_a_section(qtbot, window_for, journal, files):
    from recovery_desktop.ui.session import Session

    session = Session(files)
    session.adopt(journal)
    window = window_for(session)
    page = window.workspace.open_page("Plan")
    choose(page, SectionKind.WARNING_SIGNS)
    qtbot.waitUntil(lambda: page.editor.suggestion_rows()[0].isVisible())
    order = window.workspace.reading_order()
    editor = page.editor
    wanted = {
        "section list": page.sections.view,
        "rename": page.sections.rename_button,
        "add section": page.sections.add_button,
        "history": page.buttons["history"],
        "first suggestion's Add": editor.suggestion_rows()[0].add_button,
        "first suggestion's Dismiss": editor.suggestion_rows()[0].dismiss_button,
        "table": editor.pairs.table,
        "add row": editor.pairs.add_button,
        "bold": editor.body.buttons["bold"],
        "text": editor.body.text,
    }
    assert [name for name, widget in wanted.items() if widget not in order] == []
    assert order.index(editor.pairs.table) < order.index(editor.body.text)


def test_a_link_shows_its_address_and_is_not_followed(qtbot, journal):
    page = shown_plan_page(qtbot, journal)
    page.editor.body.set_markdown("See [the meetings](https://example.org/meetings)")
    text = page.editor.body.text
    cursor = text.document().find("the meetings")
    cursor.setPosition(cursor.selectionStart() + 3)
    spot = text.cursorRect(cursor).center()
    assert text.anchorAt(spot) == "https://example.org/meetings"
    hover = QHelpEvent(QEvent.Type.ToolTip, spot, text.viewport().mapToGlobal(spot))
    QApplication.sendEvent(text.viewport(), hover)
    qtbot.waitUntil(lambda: QToolTip.text() == "https://example.org/meetings")
    qtbot.mouseClick(text.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    assert text.textCursor().position() == cursor.position()  # the click placed the cursor
    assert page.editor.body.markdown() == "See [the meetings](https://example.org/meetings)"


def test_a_person_no_longer_in_people_stays_listed_until_removed(qtbot, journal, files):
    support = journal.plan.plan().of_kind(SectionKind.SUPPORT)
    journal.plan.save_section(replace(support, contacts=("f" * 32,)), editing=False)
    page = shown_plan_page(qtbot, journal)
    choose(page, SectionKind.SUPPORT)
    assert page.editor.support.lines() == ["Someone no longer in People"]
    page.editor.support.view.setCurrentRow(0)
    page.editor.support.view.setFocus()
    qtbot.keyClick(page.editor.support.view, Qt.Key.Key_Delete)
    assert page.flush()
    assert reopened_plan(journal, files).of_kind(SectionKind.SUPPORT).contacts == ()


def test_a_table_cell_still_open_is_kept_through_a_lock(qtbot, window_for, journal, files):
    """Typing in a cell, then Ctrl+L without pressing Enter, keeps the words (they were lost:
    the keyboard never left the cell, so the table never took them)."""
    from recovery_desktop.ui.session import Session

    session = Session(files)
    session.adopt(journal)
    window = window_for(session)
    page = window.workspace.open_page("Plan")
    choose(page, SectionKind.TRIGGERS)
    table = page.editor.pairs.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Insert)
    editor = QApplication.focusWidget()
    assert table.isAncestorOf(editor)
    qtbot.keyClicks(editor, "Payday")
    window.lock_now()
    session.unlock(PASSPHRASE)
    pairs = session.journal.plan.plan().of_kind(SectionKind.TRIGGERS).pairs
    assert pairs == (PlanPair("Payday", ""),)


def test_insert_adds_the_row_below_the_selected_one(qtbot, journal):
    page = shown_plan_page(qtbot, journal)
    choose(page, SectionKind.WARNING_SIGNS)
    pairs = page.editor.pairs
    for text in ("first", "third"):
        pairs.append(PlanPair(text))
    pairs.table.setCurrentCell(0, 0)
    pairs.table.setFocus()
    qtbot.keyClick(pairs.table, Qt.Key.Key_Insert)
    editor = QApplication.focusWidget()
    assert pairs.table.isAncestorOf(editor)
    qtbot.keyClicks(editor, "second")
    assert page.flush()  # takes the open cell in
    assert [p.first for p in pairs.pairs()] == ["first", "second", "third"]


def test_the_crash_notice_does_not_come_back_after_a_clean_end(qtbot, journal, files):
    """Seen and left without OK (a page switch, lock or quit): the next start shows no
    notice (it came back after every clean quit)."""
    journal.plan.save_section(
        replace(journal.plan.plan().sections[0], body="Written before the stop"), editing=True
    )
    journal.close()  # as if killed
    reopened = open_with_passphrase(files, PASSPHRASE)
    try:
        page = shown_plan_page(qtbot, reopened)
        assert page.notice.isVisible()
        assert page.flush()  # what a quit does
    finally:
        reopened.close()
    again = open_with_passphrase(files, PASSPHRASE)
    try:
        assert again.plan.interrupted_since() is None
    finally:
        again.close()


def test_the_people_picker_asks_for_a_choice_before_adding(qtbot):
    """With nobody chosen, "Add" waits (it closed and added no one, without a word)."""
    from recovery_desktop.ui.pages.plan.pickers import PickDialog

    dialog = PickDialog(
        "Add from People", [("People", [("Sam", "a" * 32), ("Ana", "b" * 32)], "")], "Add"
    )
    qtbot.addWidget(dialog)
    assert not dialog.ok_button.isEnabled()
    dialog.lists[0].item(1).setSelected(True)
    assert dialog.ok_button.isEnabled()
    assert dialog.chosen() == [["b" * 32]]


def test_typing_without_a_long_pause_is_still_saved_every_few_seconds(qtbot, journal):
    """Typing with short pauses never let the 3-second timer run out: a kill lost all of
    it. Something typed is committed within five seconds however the typing goes on."""
    from PySide6.QtCore import QTimer

    page = shown_plan_page(qtbot, journal)
    text = page.editor.body.text
    text.setFocus()
    typer = QTimer(page)
    typer.setInterval(400)  # a key every 0.4 s: the 3-second pause never comes
    typer.timeout.connect(lambda: qtbot.keyClick(text, Qt.Key.Key_A))
    typer.start()
    try:
        qtbot.waitUntil(lambda: "a" in journal.plan.plan().sections[0].body, timeout=9000)
    finally:
        typer.stop()


def test_a_stopped_plan_opens_rather_than_the_page_open_at_the_lock(
    qtbot, window_for, journal, files
):
    from recovery_desktop.ui.session import Session

    session = Session(files)
    session.adopt(journal)
    window = window_for(session)
    window.workspace.open_page("Journal")
    journal.plan.save_section(
        replace(journal.plan.plan().sections[0], body="Written elsewhere"), editing=True
    )
    window.lock_now()
    session.unlock(PASSPHRASE)
    qtbot.waitUntil(lambda: window.workspace.nav.currentItem().text() == "Plan")
    assert window.workspace.stack.currentWidget().notice.isVisible()
