"""The Triggers & coping page, driven like a user would, against a real journal."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from recovery_desktop.domain.library import DEFAULT_COPING, DEFAULT_TRIGGERS, Kind
from recovery_desktop.ui.dialogs.library_item_dialog import LibraryItemDialog
from recovery_desktop.ui.pages.library.page import LibraryPage
from tests.ui.conftest import follow_journal


@pytest.fixture
def page(qtbot, journal):
    """The page shown in its own active window, so its keyboard shortcuts work."""
    shown = LibraryPage(journal.library)
    follow_journal(shown, journal)  # as in the window: changes made elsewhere reach it
    qtbot.addWidget(shown)
    shown.resize(1000, 700)
    with qtbot.waitExposed(shown):
        shown.show()
    shown.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is shown)
    return shown


@pytest.fixture
def dialogs(monkeypatch):
    """Answer the next item dialogs without a modal loop: each fill function edits, then OK."""
    fills = []

    def fake_exec(dialog):
        fills.pop(0)(dialog)
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(LibraryItemDialog, "exec", fake_exec)
    return fills


def _select(panel, name):
    panel.tree.setCurrentItem(panel.tree.findItems(name, Qt.MatchFlag.MatchExactly, 0)[0])
    panel.tree.setFocus()


def _names(journal, kind, include_archived=False):
    return [i.name for i in journal.library.items(kind, include_archived)]


def test_the_page_lists_the_common_triggers_and_coping_steps(page):
    """Both tabs show the pre-filled lists in order, with categories and panel markers."""
    assert page.triggers.names() == [name for _c, name in DEFAULT_TRIGGERS]
    assert page.coping.names() == [name for _c, name, _f in DEFAULT_COPING]
    first = page.coping.tree.topLevelItem(0)
    assert (first.text(0), first.text(1), first.text(2)) == (
        "Call my sponsor",
        "Reach out",
        "★ Shown",
    )
    assert page.coping.tree.topLevelItem(2).text(2) == ""
    assert page.flush() is True


def test_add_rename_move_and_archive_a_trigger(qtbot, page, journal, dialogs):
    """An item added through the dialog is saved last; it can be renamed, moved and archived."""
    fills = dialogs
    panel = page.triggers
    fills.append(
        lambda d: (
            d.name_edit.setText("Sunday evenings"),
            d.category_box.setCurrentText("Feelings"),
        )
    )
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    assert _names(journal, Kind.TRIGGER)[-1] == "Sunday evenings"
    assert panel.names()[-1] == "Sunday evenings"
    assert panel.selected().name == "Sunday evenings"

    fills.append(lambda d: d.name_edit.setText("Sunday nights"))
    qtbot.keyClick(panel.tree, Qt.Key.Key_Return)
    added = journal.library.items(Kind.TRIGGER)[-1]
    assert (added.name, added.category) == ("Sunday nights", "Feelings")

    qtbot.keyClick(panel.tree, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert _names(journal, Kind.TRIGGER)[-2:] == ["Sunday nights", "A relationship ending"]
    qtbot.mouseClick(panel.up_button, Qt.MouseButton.LeftButton)
    assert _names(journal, Kind.TRIGGER)[-3] == "Sunday nights"
    assert panel.names() == _names(journal, Kind.TRIGGER)

    qtbot.mouseClick(panel.archive_button, Qt.MouseButton.LeftButton)
    assert "Sunday nights" not in panel.names()
    assert "Sunday nights" not in _names(journal, Kind.TRIGGER)
    assert "past cravings keep it" in panel.note.text().lower()


def test_archived_items_show_on_request_and_can_be_restored(qtbot, page, journal):
    """Delete archives; "Show archived" lists it marked as archived; Restore puts it back."""
    panel = page.coping
    page.tabs.setCurrentIndex(1)
    _select(panel, "Take a hot shower")
    qtbot.keyClick(panel.tree, Qt.Key.Key_Delete)
    assert "Take a hot shower" not in panel.names()
    assert not panel.restore_button.isVisible()

    panel.show_archived.setChecked(True)
    assert "Take a hot shower" in panel.names()
    _select(panel, "Take a hot shower")
    assert panel.tree.currentItem().text(1) == "Calm · archived"
    assert not panel.archive_button.isEnabled()
    qtbot.mouseClick(panel.restore_button, Qt.MouseButton.LeftButton)
    assert "Take a hot shower" in _names(journal, Kind.COPING)
    panel.show_archived.setChecked(False)
    assert panel.names() == _names(journal, Kind.COPING)
    assert len(panel.names()) == 19


def test_moving_skips_hidden_archived_items(qtbot, page, journal):
    """With an archived item hidden between two others, Move up swaps the two visible ones."""
    panel = page.triggers
    journal.library.set_archived(journal.library.items(Kind.TRIGGER)[1].id, True)
    panel.reload()
    first, third = panel.names()[:2]
    _select(panel, third)
    qtbot.mouseClick(panel.up_button, Qt.MouseButton.LeftButton)
    assert _names(journal, Kind.TRIGGER)[:2] == [third, first]
    assert not panel.up_button.isEnabled()


def test_an_empty_name_shows_a_message_and_saves_nothing(qtbot, journal):
    """OK with a blank name keeps the dialog open with a calm message; nothing is saved."""
    dialog = LibraryItemDialog(journal.library, Kind.TRIGGER)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name_edit.setText("   ")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.isVisible()
    assert dialog.error.text() == "Please give it a name."
    assert journal.library.count(Kind.TRIGGER) == 25
    qtbot.keyClicks(dialog.name_edit, "x")
    assert dialog.error.text() == ""


def test_a_name_already_in_the_list_is_refused(qtbot, journal):
    """The same name (any case) is refused, and an archived twin is pointed out."""
    dialog = LibraryItemDialog(journal.library, Kind.COPING)
    qtbot.addWidget(dialog)
    dialog.name_edit.setText("go for a walk")
    dialog.accept()
    assert "already in your list" in dialog.error.text()
    walk = journal.library.items(Kind.COPING)[3]
    journal.library.set_archived(walk.id, True)
    dialog.accept()
    assert "Show archived" in dialog.error.text()
    assert journal.library.count(Kind.COPING) == 19


def test_the_new_item_dialog_starts_in_the_selected_items_category(qtbot, page, journal, dialogs):
    """Adding while "Pain" is selected offers the Physical category first."""
    fills = dialogs
    _select(page.triggers, "Pain")
    offered = []
    fills.append(
        lambda d: (offered.append(d.category_box.currentText()), d.name_edit.setText("Toothache"))
    )
    qtbot.keyClick(page.triggers.tree, Qt.Key.Key_Insert)
    assert offered == ["Physical"]
    assert journal.library.items(Kind.TRIGGER)[-1].category == "Physical"


def test_show_in_the_craving_panel_changes_the_favourites(qtbot, page, journal, dialogs):
    """Ticking and unticking the box in the edit dialog adds and removes a favourite."""
    fills = dialogs
    panel = page.coping
    page.tabs.setCurrentIndex(1)

    def favourites():
        return [i.name for i in journal.library.favourites()]

    _select(panel, "Go to a meeting")
    fills.append(lambda d: d.favourite_box.setChecked(True))
    qtbot.mouseClick(panel.edit_button, Qt.MouseButton.LeftButton)
    assert "Go to a meeting" in favourites()
    assert panel.tree.currentItem().text(2) == "★ Shown"

    _select(panel, "Call my sponsor")
    box_shown = []
    fills.append(
        lambda d: (
            box_shown.append(d.favourite_box.isVisibleTo(d)),
            d.favourite_box.setChecked(False),
        )
    )
    qtbot.mouseClick(panel.edit_button, Qt.MouseButton.LeftButton)
    assert box_shown == [True]
    assert "Call my sponsor" not in favourites()
    assert panel.tree.currentItem().text(2) == ""


def test_triggers_have_no_craving_panel_box(qtbot, journal):
    """The trigger dialog hides the craving-panel choice and never saves a favourite."""
    dialog = LibraryItemDialog(journal.library, Kind.TRIGGER)
    qtbot.addWidget(dialog)
    assert not dialog.favourite_box.isVisibleTo(dialog)
    dialog.name_edit.setText("Loud bars")
    dialog.accept()
    assert dialog.saved is not None and not dialog.saved.favourite


def test_the_page_rereads_the_library_when_shown_after_a_change(qtbot, page, journal):
    """A change made elsewhere appears the next time the page is shown."""
    page.hide()
    journal.library.set_archived(journal.library.items(Kind.TRIGGER)[0].id, True)
    page.show()
    qtbot.waitUntil(lambda: len(page.triggers.names()) == 24)
