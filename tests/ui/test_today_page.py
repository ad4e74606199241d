"""The Today page through qtbot, saving into a real encrypted journal."""

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from recovery_desktop.data import connection
from recovery_desktop.data.journal import open_with_passphrase
from recovery_desktop.domain.checkin import Halt
from recovery_desktop.ui.pages.today.page import TodayPage
from tests.conftest import PASSPHRASE
from tests.ui.conftest import click_choice


def _page(qtbot, journal):
    page = TodayPage(journal)
    qtbot.addWidget(page)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    return page


def _wait_saved(qtbot, page):
    qtbot.waitUntil(lambda: page.status.text().startswith("Saved"), timeout=3000)


def test_a_full_check_in_saves_itself_and_reads_back_after_reopening(qtbot, journal, files):
    """Fill every field with mouse and keyboard; "Saved" appears; reopening shows it all."""
    page = _page(qtbot, journal)
    form = page.form
    click_choice(qtbot, form.scales["mood"], "7")
    click_choice(qtbot, form.scales["craving_peak"], "3")
    form.scales["stress"].setFocus()
    qtbot.keyClicks(form.scales["stress"], "4")
    qtbot.keyClick(form.scales["energy"], Qt.Key.Key_End)
    form.sleep_hours.setFocus()
    form.sleep_hours.lineEdit().selectAll()
    qtbot.keyClicks(form.sleep_hours.lineEdit(), "7.5")
    qtbot.keyClicks(form.scales["sleep_quality"], "1")
    qtbot.keyClicks(form.scales["sleep_quality"], "0")
    qtbot.mouseClick(form.halt[Halt.TIRED], Qt.MouseButton.LeftButton)
    click_choice(qtbot, form.yes_no["used"], "No")
    click_choice(qtbot, form.yes_no["meeting"], "Yes")
    click_choice(qtbot, form.yes_no["medication_taken"], "Yes")
    form.exercise.lineEdit().selectAll()
    qtbot.keyClicks(form.exercise.lineEdit(), "25")
    qtbot.keyClicks(form.note, "Made tea & called Sam <3 ")
    form.note.insertPlainText("🌱")  # pasted: QTest cannot type characters outside the BMP
    _wait_saved(qtbot, page)
    assert form.words["mood"].text() == "7 · Good"

    journal.close()
    reopened = open_with_passphrase(files, PASSPHRASE)
    saved = reopened.checkins.get(date.today())
    reopened.close()
    assert (saved.mood, saved.craving_peak, saved.stress, saved.energy) == (7, 3, 4, 10)
    assert (saved.sleep_hours, saved.sleep_quality) == (7.5, 10)
    assert saved.halt == frozenset({Halt.TIRED})
    assert (saved.used, saved.meeting, saved.therapy, saved.medication_taken) == (
        False,
        True,
        None,
        True,
    )
    assert saved.exercise_minutes == 25
    assert saved.note == "Made tea & called Sam <3 🌱"


def test_editing_a_past_day_leaves_today_alone(qtbot, journal):
    """Alt+Left goes to yesterday; its edits are saved to yesterday only."""
    page = _page(qtbot, journal)
    click_choice(qtbot, page.form.scales["mood"], "8")
    _wait_saved(qtbot, page)
    qtbot.keyClick(page.form.scales["mood"], Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    yesterday = date.today() - timedelta(days=1)
    assert page.day == yesterday
    assert page.form.scales["mood"].value() is None
    click_choice(qtbot, page.form.scales["mood"], "3")
    _wait_saved(qtbot, page)
    page.go_to(date.today())
    assert page.form.scales["mood"].value() == 8
    assert journal.checkins.get(yesterday).mood == 3
    assert journal.checkins.get(date.today()).mood == 8


def test_not_answered_stays_distinct_from_no_on_screen_and_on_disk(qtbot, journal):
    """Choosing "No" and leaving "Not answered" survive a reload as different answers."""
    page = _page(qtbot, journal)
    click_choice(qtbot, page.form.yes_no["used"], "No")
    _wait_saved(qtbot, page)
    yesterday = date.today() - timedelta(days=1)
    page.go_to(yesterday)
    click_choice(qtbot, page.form.scales["mood"], "5")
    _wait_saved(qtbot, page)
    page.go_to(date.today())
    assert page.form.yes_no["used"].describe() == "No"
    page.go_to(yesterday)
    assert page.form.yes_no["used"].describe() == "Not answered"
    assert journal.checkins.get(date.today()).used is False
    assert journal.checkins.get(yesterday).used is None


def test_clicking_the_chosen_number_again_clears_it(qtbot, journal):
    """A scale can go back to "not answered" by clicking its value again, or Delete."""
    page = _page(qtbot, journal)
    mood = page.form.scales["mood"]
    click_choice(qtbot, mood, "6")
    click_choice(qtbot, mood, "6")
    assert mood.value() is None
    click_choice(qtbot, mood, "2")
    qtbot.keyClick(mood, Qt.Key.Key_Delete)
    assert page.form.words["mood"].text() == "Not answered"


def test_future_days_cannot_be_chosen(qtbot, journal):
    """The next-day button is off on today, and the date picker stops at today."""
    page = _page(qtbot, journal)
    assert not page.next_button.isEnabled()
    page.step(1)
    assert page.day == date.today()


def test_a_failed_save_keeps_the_entry_and_says_so(qtbot, journal):
    """If the journal cannot be written, the text stays on screen with a calm message."""
    page = _page(qtbot, journal)
    journal.db.conn.close()  # the storage goes away under the page
    qtbot.keyClicks(page.form.note, "still here")
    qtbot.waitUntil(lambda: page.status.text().startswith("Not saved"), timeout=3000)
    assert page.form.note.toPlainText() == "still here"
    assert page.drafts[date.today()].note == "still here"
    assert not page.flush()


class _DiskFull(Exception):
    sqlite_errorcode = 13  # SQLITE_FULL


def test_a_full_disk_is_told_once_and_the_entry_kept_once(qtbot, journal, monkeypatch):
    """ "Not saved" after a full disk names the disk and says once that the entry stays."""
    page = _page(qtbot, journal)

    def full(_checkin):
        raise connection.translate(_DiskFull())

    monkeypatch.setattr(journal.checkins, "save", full)
    click_choice(qtbot, page.form.scales["mood"], "6")
    assert not page.save_now()
    said = page.status.text()
    monkeypatch.undo()
    assert page.flush()
    assert said.startswith("Not saved: The disk is full")
    assert said.count("screen") == 1 and "What you typed" not in said


def test_a_whole_check_in_by_keyboard_alone(qtbot, journal):
    """Tab reaches every field in order; digits, letters and Space answer them."""
    page = _page(qtbot, journal)
    page.focus_first()

    def press(*keys):
        for key in keys:
            widget = QApplication.focusWidget()
            if isinstance(key, str):
                qtbot.keyClicks(widget, key)
            else:
                qtbot.keyClick(widget, key)

    tab = Qt.Key.Key_Tab
    press("6", tab, "2", tab, "5", tab, "4", tab)  # mood, craving, stress, energy
    press(Qt.Key.Key_Up, Qt.Key.Key_Up, tab, "8", tab)  # sleep hours 0.5, quality 8
    press(tab, Qt.Key.Key_Space, tab, tab, tab)  # HALT: hungry, angry (ticked), lonely, tired
    press("n", tab, "y", tab, "n", tab, "y", tab)  # used, meeting, therapy, medication
    press(Qt.Key.Key_Up, Qt.Key.Key_Up, tab, "ok day")  # exercise 5 minutes, note
    assert page.flush()
    saved = journal.checkins.get(date.today())
    assert (saved.mood, saved.craving_peak, saved.stress, saved.energy) == (6, 2, 5, 4)
    assert (saved.sleep_hours, saved.sleep_quality) == (0.5, 8)
    assert saved.halt == frozenset({Halt.ANGRY})
    assert (saved.used, saved.meeting, saved.therapy, saved.medication_taken) == (
        False,
        True,
        False,
        True,
    )
    assert (saved.exercise_minutes, saved.note) == (5, "ok day")
