"""'Write about today' on a real journal: the menu offers the prompt today's records call
for (a strong craving, a lapse, a therapy session), and a chosen prompt's heading lands in
the entry as a Markdown heading with the cursor on the empty line below it."""

from __future__ import annotations

from datetime import date, datetime, time

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMenu

from recovery_desktop.data.day_facts import DaySources, day_facts
from recovery_desktop.domain.appointments import Appointment
from recovery_desktop.domain.checkin import CheckIn
from recovery_desktop.domain.journal_prompts import CRAVING, LAPSE, SESSION, Prompt
from recovery_desktop.domain.recovery_time import DEFAULT_SUBSTANCE, Lapse
from recovery_desktop.domain.sessions import AppointmentKind
from recovery_desktop.ui.pages.journal.prompts import PromptButton, insert_prompt
from recovery_desktop.ui.widgets.markdown_editor import MarkdownEditor

TODAY = date.today()


def _button(qtbot, journal) -> PromptButton:
    sources = DaySources(
        journal.checkins, journal.cravings, journal.recovery_time, journal.appointments
    )
    button = PromptButton(lambda: day_facts(sources, TODAY))
    qtbot.addWidget(button)
    button.show()
    button.activateWindow()
    qtbot.waitActive(button)
    return button


def _open_and_read(qtbot, button: PromptButton, key: str = "") -> tuple[list[str], list[str]]:
    """Open the menu from the keyboard (Space on the button) as a user would; the headings
    offered (enabled items) and the hint lines (greyed), then press ``key`` (a prompt's
    number) or Escape."""
    seen: dict[str, list[str]] = {}

    def act() -> None:
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            QTimer.singleShot(20, act)
            return
        actions = [a for a in menu.actions() if not a.isSeparator()]
        seen["headings"] = [a.text() for a in actions if a.isEnabled()]
        seen["hints"] = [a.text().strip() for a in actions if not a.isEnabled()]
        if key:
            qtbot.keyClick(menu, key)
        else:
            qtbot.keyClick(menu, Qt.Key.Key_Escape)

    QTimer.singleShot(0, act)
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: "headings" in seen, timeout=3000)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None, timeout=3000)
    return seen["headings"], seen["hints"]


def _offers(headings: list[str], prompt: Prompt) -> bool:
    return any(h.endswith(prompt.heading) for h in headings)


def test_a_high_craving_day_offers_the_craving_prompt_with_its_hint(qtbot, journal):
    button = _button(qtbot, journal)
    assert button.text() == "&Write about today"  # Alt+W
    headings, _hints = _open_and_read(qtbot, button)
    assert not _offers(headings, CRAVING) and 2 <= len(headings) <= 3
    journal.checkins.save(CheckIn(TODAY, mood=5, craving_peak=8))
    headings, hints = _open_and_read(qtbot, button)
    assert headings[0] == f"&1  {CRAVING.heading}"
    assert " ".join(hints).startswith(CRAVING.hint.split(",")[0])
    assert 2 <= len(headings) <= 3


def test_a_lapse_day_offers_the_lapse_prompt_first(qtbot, journal):
    journal.recovery_time.set_clean_date(DEFAULT_SUBSTANCE, date(2026, 1, 1), TODAY)
    lapse = Lapse(None, datetime.combine(TODAY, time(0, 0)), DEFAULT_SUBSTANCE)
    journal.recovery_time.record_lapse(lapse, TODAY, TODAY)
    headings, _hints = _open_and_read(qtbot, _button(qtbot, journal))
    assert headings[0] == f"&1  {LAPSE.heading}"


def test_a_session_day_offers_the_session_prompt(qtbot, journal):
    journal.appointments.add(Appointment(TODAY, AppointmentKind.THERAPY, time(17, 0)))
    headings, _hints = _open_and_read(qtbot, _button(qtbot, journal))
    assert _offers(headings, SESSION)


def test_choosing_a_prompt_by_its_number_says_which(qtbot, journal):
    journal.checkins.save(CheckIn(TODAY, craving_peak=9))
    button = _button(qtbot, journal)
    with qtbot.waitSignal(button.chosen) as chosen:
        _open_and_read(qtbot, button, "1")
    assert chosen.args == [CRAVING]


def _editor(qtbot, markdown: str) -> MarkdownEditor:
    editor = MarkdownEditor("Entry")
    qtbot.addWidget(editor)
    editor.set_markdown(markdown)
    return editor


def test_inserting_puts_the_heading_on_its_own_line_and_the_cursor_below(qtbot):
    editor = _editor(qtbot, "I got through the afternoon.")
    editor.text.moveCursor(editor.text.textCursor().MoveOperation.Start)  # mid-paragraph
    with qtbot.waitSignal(editor.edited):
        insert_prompt(editor, CRAVING)
    qtbot.keyClicks(editor.text, "It started at the bus stop.")
    assert editor.markdown() == (
        f"I got through the afternoon.\n\n## {CRAVING.heading}\n\nIt started at the bus stop."
    )


def test_inserting_into_an_empty_entry_and_undoing_it_in_one_step(qtbot):
    editor = _editor(qtbot, "")
    insert_prompt(editor, SESSION)
    assert editor.markdown() == f"## {SESSION.heading}"
    cursor = editor.text.textCursor()
    assert cursor.block().text() == "" and cursor.blockFormat().headingLevel() == 0
    editor.text.undo()
    assert editor.markdown() == ""


def test_inserting_in_a_list_starts_outside_it(qtbot):
    editor = _editor(qtbot, "- walked\n- called Sam")
    editor.text.moveCursor(editor.text.textCursor().MoveOperation.End)
    insert_prompt(editor, LAPSE)
    qtbot.keyClicks(editor.text, "Next time")
    assert editor.markdown() == f"- walked\n- called Sam\n\n## {LAPSE.heading}\n\nNext time"
