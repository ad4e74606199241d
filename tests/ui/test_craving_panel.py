"""The craving panel end to end through qtbot, on a real journal."""

from datetime import datetime

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from recovery_desktop.domain.contacts import DEFAULT_CRISIS_LINES, Contact, Role, call_first
from recovery_desktop.domain.cravings import Outcome, Tag
from recovery_desktop.domain.library import Kind
from recovery_desktop.ui.dialogs.lapse_dialog import LapseDialog
from recovery_desktop.ui.flows import Flows, craving_panel
from recovery_desktop.ui.session import Session
from tests.ui.conftest import click_choice


@pytest.fixture
def flows(journal, files):
    """Flows for an unlocked journal; any panel still open is closed afterwards."""
    session = Session(files)
    session.adopt(journal)
    flows = Flows(session)
    yield flows
    if flows.panel is not None and shiboken6.isValid(flows.panel):
        flows.panel.close()


def _tick(picker, name):
    for index in range(picker.list.count()):
        row = picker.list.item(index)
        if row.text() == name:
            row.setCheckState(Qt.CheckState.Checked)
            return
    raise AssertionError(name)


def test_log_a_craving_with_the_timer_and_read_it_back(qtbot, flows, journal):
    """Fill the panel, run and pause the timer, finish: every answer is saved."""
    panel = flows.open_craving()
    click_choice(qtbot, panel.intensity, "8")
    trigger = journal.library.items(Kind.TRIGGER)[0].name
    _tick(panel.triggers, trigger)
    qtbot.keyClicks(panel.place, "Kitchen")
    qtbot.keyClicks(panel.with_whom, "Alone")
    qtbot.keyClicks(panel.thoughts, "Just once")
    timer = panel.help.timer
    qtbot.mouseClick(timer.start_button, Qt.MouseButton.LeftButton)
    assert timer.running
    qtbot.waitUntil(lambda: timer.elapsed_ms() >= 300, timeout=3000)
    qtbot.mouseClick(timer.start_button, Qt.MouseButton.LeftButton)
    paused = timer.elapsed_ms()
    qtbot.wait(300)
    assert not timer.running and timer.elapsed_ms() == paused
    assert timer.wave.fraction > 0
    _tick(panel.coping, "Go for a walk")
    click_choice(qtbot, panel.after, "3")
    click_choice(qtbot, panel.outcome, "It passed")
    assert panel.duration.optional_value() >= 1  # filled in from the time taken
    panel.accept()
    [saved] = journal.cravings.between(datetime.now().date(), datetime.now().date())
    assert (saved.intensity, saved.intensity_after, saved.outcome) == (8, 3, Outcome.PASSED)
    assert [t.name for t in saved.triggers] == [trigger]
    assert [t.name for t in saved.coping] == ["Go for a walk"]
    assert (saved.place, saved.with_whom, saved.thoughts) == ("Kitchen", "Alone", "Just once")
    reopened = craving_panel(journal, saved)
    qtbot.addWidget(reopened)
    assert reopened.intensity.value() == 8 and reopened.outcome.value() is Outcome.PASSED
    assert [t.name for t in reopened.triggers.chosen()] == [trigger]
    assert reopened.place.text() == "Kitchen"


def test_closing_early_keeps_what_was_entered(qtbot, flows, journal):
    """Typing and closing at once still saves the craving."""
    panel = flows.open_craving()
    click_choice(qtbot, panel.intensity, "6")
    qtbot.keyClicks(panel.thoughts, "half a thought")
    panel.close()
    [saved] = journal.cravings.between(datetime.now().date(), datetime.now().date())
    assert saved.intensity == 6 and saved.thoughts == "half a thought"
    assert saved.outcome is None


def test_opening_and_closing_without_answers_saves_nothing(qtbot, flows, journal):
    """An untouched panel leaves no empty record behind."""
    panel = flows.open_craving()
    panel.close()
    assert journal.cravings.count() == 0


def test_the_first_three_contacts_follow_the_call_first_order(qtbot, flows, journal):
    """After reordering, the panel shows the new first three, with their numbers."""
    people = [
        journal.contacts.save(Contact(None, name, Role.FRIEND, f"555-01{n:02d}"))
        for n, name in enumerate(["Ana", "Ben", "Cy", "Dee"])
    ]
    journal.contacts.reorder([people[3].id, people[1].id, people[0].id, people[2].id])
    panel = flows.open_craving()
    assert [c.name for c in panel.help.contact_rows] == ["Dee", "Ben", "Ana"]
    assert [c.name for c in call_first(journal.contacts.contacts())] == ["Dee", "Ben", "Ana"]


def test_i_reached_them_logs_a_reach_out_linked_to_the_craving(qtbot, flows, journal):
    """ "I called Sam" from the panel lands in the reach-out log, tied to the craving."""
    sam = journal.contacts.save(Contact(None, "Sam", Role.SPONSOR, "555-0142"))
    panel = flows.open_craving()
    click_choice(qtbot, panel.intensity, "7")
    panel._reached(sam)
    [reach] = journal.contacts.reach_outs(datetime.now().date(), datetime.now().date())
    assert reach.contact_id == sam.id and reach.craving_id == panel.craving.id
    assert "reached Sam" in panel.status.text()


def test_choosing_i_used_opens_the_lapse_flow_once(qtbot, flows, journal, monkeypatch):
    """Outcome "used" saves the craving, then offers the lapse flow, just once."""
    opened = []
    monkeypatch.setattr(LapseDialog, "exec", lambda self: opened.append(self.craving_id) or 0)
    panel = flows.open_craving()
    click_choice(qtbot, panel.intensity, "9")
    click_choice(qtbot, panel.outcome, "I used")
    assert panel.save_now()
    assert opened == [panel.craving.id]
    qtbot.keyClicks(panel.thoughts, "more")
    panel.save_now()
    assert len(opened) == 1


def test_the_panel_lists_every_crisis_line_in_the_users_order(qtbot, flows, journal):
    """All four default lines are there with their numbers, after a move too."""
    lines = journal.contacts.crisis_lines()
    journal.contacts.move_crisis_line(lines[3].id, -3)
    panel = flows.open_craving()
    names = [name for name, _number, _details in DEFAULT_CRISIS_LINES]
    assert panel.help.crisis_list.names() == [names[3], *names[:3]]
    shown = [card.number.text() for card in panel.help.crisis_list.cards]
    assert sorted(shown) == sorted(number for _name, number, _details in DEFAULT_CRISIS_LINES)
    qtbot.mouseClick(panel.help.crisis_list.cards[0].copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == "1-800-222-1222"


def test_copying_a_number_says_so_in_the_panels_status_line(qtbot, flows, journal):
    """Copy puts the number on the clipboard and the always-visible status line says so."""
    journal.contacts.save(Contact(None, "Sam", Role.SPONSOR, "555-0142"))
    panel = flows.open_craving()
    card = panel.help.findChildren(type(panel.help.crisis_list.cards[0]))[0]
    qtbot.mouseClick(card.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == "555-0142"
    assert "Copied the number for Sam" in panel.status.text()


def test_tab_reaches_the_help_right_after_the_right_now_questions(qtbot, flows, journal):
    """Keyboard order follows the screen: "When" is the last of "Right now", then the first
    number to call, long before the "Afterwards" questions."""
    journal.contacts.save(Contact(None, "Sam", Role.SPONSOR, "555-0142"))
    panel = flows.open_craving()
    qtbot.waitExposed(panel)
    order, widget = [panel.intensity], panel.intensity.nextInFocusChain()
    while widget is not panel.intensity:
        order.append(widget)
        widget = widget.nextInFocusChain()
    first_copy = panel.help.findChildren(type(panel.help.crisis_list.cards[0]))[0].copy_button
    assert order.index(panel.place) < order.index(panel.when) < order.index(first_copy)
    assert order.index(first_copy) < order.index(panel.after)
    assert panel.intensity.accessibleName().startswith("How strong")


def test_a_trigger_typed_in_the_panel_is_shown_ticked_in_view(qtbot, flows, journal):
    """A new trigger lands at the end of a long list; the list scrolls so it can be seen."""
    panel = flows.open_craving()
    qtbot.waitExposed(panel)
    qtbot.keyClicks(panel.triggers.new_name, "The smell of a lighter")
    qtbot.keyClick(panel.triggers.new_name, Qt.Key.Key_Return)
    picker = panel.triggers.list
    row = picker.item(picker.count() - 1)
    assert row.text() == "The smell of a lighter"
    assert row.checkState() == Qt.CheckState.Checked
    assert picker.viewport().rect().intersects(picker.visualItemRect(row))


def _type_new(qtbot, picker, name):
    picker.new_name.clear()
    qtbot.keyClicks(picker.new_name, name)
    qtbot.keyClick(picker.new_name, Qt.Key.Key_Return)


def _rows(picker, name):
    rows = [picker.list.item(i) for i in range(picker.list.count())]
    return [row for row in rows if row.text().casefold() == name.casefold()]


@pytest.mark.parametrize(
    ("kind", "name"), [(Kind.TRIGGER, "Poor sleep"), (Kind.COPING, "go for a WALK")]
)
def test_typing_a_name_already_listed_ticks_it_instead_of_adding_a_copy(
    qtbot, flows, journal, kind, name
):
    """ "Add another…" with a listed name (any case) ticks that item, scrolled into view."""
    panel = flows.open_craving()
    qtbot.waitExposed(panel)
    picker = panel.triggers if kind is Kind.TRIGGER else panel.coping
    before = journal.library.items(kind)
    _type_new(qtbot, picker, name)
    assert journal.library.items(kind) == before
    (row,) = _rows(picker, name)
    assert row.checkState() == Qt.CheckState.Checked
    assert picker.list.viewport().rect().intersects(picker.list.visualItemRect(row))
    assert picker.new_name.text() == ""


def test_a_new_name_typed_twice_is_added_once(qtbot, flows, journal):
    """The second time, the name typed is found and stays ticked; the library has one copy."""
    panel = flows.open_craving()
    qtbot.waitExposed(panel)
    for typed in ("The smell of a lighter", "the smell of a lighter "):
        _type_new(qtbot, panel.triggers, typed)
    names = [i.name for i in journal.library.items(Kind.TRIGGER, include_archived=True)]
    assert names.count("The smell of a lighter") == 1
    (row,) = _rows(panel.triggers, "The smell of a lighter")
    assert row.checkState() == Qt.CheckState.Checked


def test_typing_an_archived_name_brings_it_back_ticked(qtbot, flows, journal):
    """An archived trigger typed in the panel is restored (same item, its history kept)."""
    sleep = next(i for i in journal.library.items(Kind.TRIGGER) if i.name == "Poor sleep")
    journal.library.set_archived(sleep.id, True)
    panel = flows.open_craving()
    qtbot.waitExposed(panel)
    assert _rows(panel.triggers, "Poor sleep") == []
    _type_new(qtbot, panel.triggers, "poor sleep")
    assert not journal.library.get(sleep.id).archived
    assert journal.library.count(Kind.TRIGGER) == 25
    (row,) = _rows(panel.triggers, "Poor sleep")
    assert row.checkState() == Qt.CheckState.Checked
    panel.accept()
    [saved] = journal.cravings.between(datetime.now().date(), datetime.now().date())
    assert saved.triggers == (Tag(sleep.id, "Poor sleep"),)


def test_the_breathing_prompt_keeps_its_height_when_the_timer_starts(qtbot, flows, journal):
    """Starting the timer changes the prompt's words but never moves what is below it."""
    panel = flows.open_craving()
    qtbot.waitExposed(panel)
    timer = panel.help.timer
    before = timer.start_button.mapTo(panel, timer.start_button.rect().topLeft())
    timer.start()
    QGuiApplication.processEvents()
    panel.layout().activate()
    assert timer.start_button.mapTo(panel, timer.start_button.rect().topLeft()) == before
    timer.reset()
