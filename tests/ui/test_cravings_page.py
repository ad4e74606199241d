"""The cravings table model (without a view) and the Cravings page."""

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from recovery_desktop.domain.cravings import Craving, Outcome, Tag
from recovery_desktop.domain.library import Kind
from recovery_desktop.ui.models.cravings_model import (
    COL_HELPED,
    COL_INTENSITY,
    COL_OUTCOME,
    COL_TIME,
    COL_TRIGGERS,
    CravingsModel,
)
from recovery_desktop.ui.pages.cravings import CravingsPage

NOW = datetime.now().replace(second=0, microsecond=0)


def _text(model, row, column):
    return model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole)


def test_model_shows_each_craving_as_a_row():
    """Intensity before → after, triggers, coping and outcome read as a person would say."""
    model = CravingsModel()
    model.set_cravings(
        [
            Craving(
                1,
                datetime(2026, 11, 18, 21, 5),
                8,
                (Tag(1, "Payday"), Tag(2, "Alone")),
                coping=(Tag(5, "Walk"),),
                intensity_after=3,
                outcome=Outcome.PASSED,
            ),
            Craving(2, datetime(2026, 11, 17, 9, 0), None, intensity_after=2),
            Craving(3, datetime(2026, 11, 16, 9, 0)),
        ]
    )
    assert model.rowCount() == 3 and model.columnCount() == 6
    assert _text(model, 0, COL_TIME) == "21:05"
    assert _text(model, 0, COL_INTENSITY) == "8 → 3"
    assert _text(model, 0, COL_TRIGGERS) == "Payday, Alone"
    assert _text(model, 0, COL_HELPED) == "Walk"
    # Every action taken is listed, whatever the outcome: the column says what was done.
    heading = model.headerData(COL_HELPED, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
    assert heading == "What I did"
    assert _text(model, 0, COL_OUTCOME) == "Passed"
    assert _text(model, 1, COL_INTENSITY) == "? → 2"
    assert (_text(model, 2, COL_INTENSITY), _text(model, 2, COL_OUTCOME)) == ("—", "—")
    assert model.rowCount(model.index(0, 0)) == 0
    assert model.data(QModelIndex()) is None


@pytest.fixture
def page(qtbot, journal):
    triggers = journal.library.items(Kind.TRIGGER)
    first, second = (Tag(i.id, i.name) for i in triggers[:2])
    walk = next(i for i in journal.library.items(Kind.COPING) if i.name == "Go for a walk")
    for days, tags, before, after in (
        (0, (first,), 8, 3),
        (1, (second,), 6, 5),
        (40, (first,), 5, 1),
    ):
        journal.cravings.save(
            Craving(
                None,
                NOW - timedelta(days=days),
                before,
                tags,
                coping=(Tag(walk.id, walk.name),),
                intensity_after=after,
            )
        )
    opened = []
    shown = CravingsPage(journal, opened.append)
    shown.opened = opened
    qtbot.addWidget(shown)
    shown.show()
    return shown


def test_the_headline_describes_exactly_the_cravings_listed(page):
    """Four weeks by default: the headline names those dates and counts the rows shown."""
    assert page.model.rowCount() == 2
    line = page.headline.text()
    assert line.startswith(f"{page.period().label}: 2 cravings, average intensity 7.0")
    assert "this week" not in line
    page.start.setDate(page.start.date().addDays(-60))
    assert page.headline.text().startswith(f"{page.period().label}: 3 cravings")


def test_a_range_running_past_today_is_named_so_far(page):
    """With "To" moved three days ahead the headline says the range has run only to today;
    the two cravings are the same."""
    page.end.setDate(page.end.date().addDays(3))
    line = page.headline.text()
    assert line.startswith(f"{page.period().label} — so far, to ")
    assert ": 2 cravings" in line


def test_what_helped_is_said_in_words(page):
    """No "biggest drop (−3.0)": the action, about how many points lower, how often used."""
    line = page.headline.text()
    assert "\u201cGo for a walk\u201d helped most: cravings were about 3 points lower" in line
    assert "drop" not in line and "\u2212" not in line


def test_edit_and_delete_wait_for_a_chosen_craving(page, qtbot):
    """Nothing chosen: Edit and Delete are greyed; choosing a row enables them."""
    assert not page.edit_button.isEnabled() and not page.delete_button.isEnabled()
    page.table.selectRow(0)
    assert page.edit_button.isEnabled() and page.delete_button.isEnabled()
    page.start.setDate(page.start.date().addDays(-1))  # the list is read again
    assert not page.edit_button.isEnabled()


def test_enter_on_a_row_opens_it(page, qtbot):
    """Enter on the chosen row edits it, like double-clicking."""
    page.table.setFocus()
    page.table.selectRow(1)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert page.opened[0].intensity == 6


def test_filter_by_trigger(page, journal):
    """Choosing a trigger keeps only cravings that had it."""
    first = journal.library.items(Kind.TRIGGER)[0]
    page.trigger.setCurrentIndex(page.trigger.findData(first.id))
    assert page.model.rowCount() == 1
    assert first.name in _text(page.model, 0, COL_TRIGGERS)


def test_filter_by_dates(page):
    """Widening the dates brings older cravings back."""
    page.start.setDate(page.start.date().addDays(-60))
    assert page.model.rowCount() == 3


def test_edit_opens_the_panel_with_the_chosen_craving(page, qtbot):
    """Edit (or double-click) hands the selected craving to the panel."""
    page.edit_selected()
    assert page.opened == [] and "Choose a craving" in page.message.text()
    page.table.selectRow(1)
    page.edit_selected()
    assert page.opened[0].intensity == 6


@pytest.mark.parametrize(
    ("answer", "left"), [(QMessageBox.StandardButton.No, 3), (QMessageBox.StandardButton.Yes, 2)]
)
def test_delete_asks_first(page, journal, monkeypatch, answer, left):
    """Deleting needs a yes; "no" keeps the craving."""
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: answer)
    page.table.selectRow(0)
    page.delete_selected()
    assert journal.cravings.count() == left


def test_all_lists_every_craving_since_the_first_record(qtbot, journal):
    """ "All" reaches back to the earliest record of any kind, here a craving logged months
    before the first check-in, and lists it."""
    from datetime import date

    from recovery_desktop.domain.checkin import CheckIn

    journal.checkins.save(CheckIn(date.today() - timedelta(days=3), mood=5))
    old = NOW - timedelta(days=200)
    journal.cravings.save(Craving(None, old, 4))
    journal.cravings.save(Craving(None, NOW, 6))
    page = CravingsPage(journal, lambda _craving: None)
    qtbot.addWidget(page)
    page.show()
    assert page.model.rowCount() == 1
    everything = next(b for b in page.findChildren(QPushButton) if b.text() == "&All")
    qtbot.mouseClick(everything, Qt.MouseButton.LeftButton)
    assert page.period().start == old.date() and page.period().end == date.today()
    assert page.model.rowCount() == 2
    assert "2 cravings" in page.headline.text()


def test_the_headline_quotes_a_trigger_named_like_html_as_typed(qtbot, journal):
    """The most common trigger and what helped most are quoted with their tags as text."""
    from tests.ui.test_user_text_is_plain import drawn

    tags = (Tag(None, "<b>Payday</b> & co"),)
    for _ in range(3):
        journal.cravings.save(Craving(None, NOW, 8, tags, coping=tags, intensity_after=2))
    page = CravingsPage(journal, lambda _craving: None)
    qtbot.addWidget(page)
    page.show()
    shown = drawn(page.headline.text(), page.headline.textFormat())
    assert "<b>Payday</b> & co" in shown and shown == page.headline.text()
