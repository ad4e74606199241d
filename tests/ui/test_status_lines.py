"""Status and error messages keep their place: a message appearing never moves the page."""

from datetime import date

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from recovery_desktop.domain.demo import demo_checkins
from recovery_desktop.ui.dialogs.change_passphrase import ChangePassphraseDialog
from recovery_desktop.ui.pages.library.page import LibraryPage
from recovery_desktop.ui.pages.settings.page import SettingsPage
from recovery_desktop.ui.session import Session
from recovery_desktop.ui.widgets.recovery_key import RecoveryKeyView
from recovery_desktop.ui.widgets.status_line import StatusLine
from tests.ui.conftest import shown_summary_page


def _settle() -> None:
    """Let the layouts act on what just changed (no waiting, only posted events)."""
    for _ in range(3):
        QApplication.sendPostedEvents()
        QApplication.processEvents()


def _place(widget: QWidget) -> tuple[int, int]:
    """Where ``widget`` sits in its window, and its height."""
    return widget.mapTo(widget.window(), QPoint(0, 0)).y(), widget.height()


def _shown(qtbot, widget: QWidget, width: int = 1000, height: int = 700) -> QWidget:
    qtbot.addWidget(widget)
    widget.resize(width, height)
    with qtbot.waitExposed(widget):
        widget.show()
    _settle()
    return widget


def test_lists_saved_does_not_move_the_summary_preview(qtbot, journal, worker):
    """Typing a goal shows "Lists saved." while the preview below stays exactly in place."""
    journal.checkins.save_many(demo_checkins(2, date.today(), seed=1))
    page = shown_summary_page(qtbot, journal, worker)
    _settle()
    before = _place(page.preview)
    qtbot.keyClicks(page.goals, "Walk every evening")
    qtbot.waitUntil(lambda: page.status.text() == "Lists saved.", timeout=3000)
    _settle()
    assert _place(page.preview) == before


def test_a_long_status_is_shortened_to_one_line_and_kept_whole_for_reading(qtbot):
    """A message wider than the line shows shortened; tooltip and screen readers get it all."""
    line = _shown(qtbot, StatusLine("Status"), width=200, height=40)
    empty_height = line.sizeHint().height()
    message = "Saved 2 pages to /home/someone/Documents/therapy/summary-2026-W48.pdf."
    line.setText(message)
    _settle()
    shown = QLabel.text(line)
    assert "\u2026" in shown and len(shown) < len(message)
    assert line.text() == message
    assert line.toolTip() == message and line.accessibleDescription() == message
    assert line.sizeHint().height() == empty_height > 0


def test_archiving_a_trigger_does_not_shrink_the_list(qtbot, journal):
    """The "Archived …" note appears under the list without taking room from it."""
    page = _shown(qtbot, LibraryPage(journal.library))
    panel = page.triggers
    panel.tree.setCurrentItem(panel.tree.topLevelItem(0))
    before = _place(panel.tree)
    qtbot.mouseClick(panel.archive_button, Qt.MouseButton.LeftButton)
    assert "Archived" in panel.note.text()
    _settle()
    assert _place(panel.tree) == before


def test_saved_in_settings_does_not_push_the_next_section_down(qtbot, journal):
    """Changing the auto-lock minutes says "Saved." and the box below stays put."""
    page = _shown(qtbot, SettingsPage(journal))
    before = _place(page.reminder_days)
    page.auto_lock.setValue(9)
    _settle()
    assert _place(page.reminder_days) == before


def test_copying_the_recovery_key_does_not_move_the_warning(qtbot, files):
    """ "Copied." appears between the buttons and the warning, which does not move."""
    view = _shown(qtbot, RecoveryKeyView(files.app_folders()), width=640, height=480)
    view.set_key("ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789")
    labels = view.findChildren(type(view.key_label))
    warning = next(label for label in labels if "back door" in label.text())
    _settle()
    before = _place(warning)
    view.copy()
    _settle()
    assert view.status.text().startswith("Copied")
    assert _place(warning) == before


def test_a_wrong_recovery_key_message_does_not_move_the_buttons(qtbot, window_for, journal, files):
    """On the lock screen's recovery view the message appears in room kept for it."""
    session = Session(files)
    session.adopt(journal)
    window = window_for(session)
    window.lock_now()
    panel = window.unlock_panel
    qtbot.mouseClick(panel.forgot_button, Qt.MouseButton.LeftButton)
    _settle()
    before = _place(panel.reset_button)
    qtbot.keyClicks(panel.recovery_key, "ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789")
    qtbot.keyClicks(panel.new_passphrase.first, "a brand new passphrase")
    qtbot.keyClicks(panel.new_passphrase.second, "a brand new passphrase")
    qtbot.mouseClick(panel.reset_button, Qt.MouseButton.LeftButton)
    _settle()
    assert panel.recovery_error.text()
    assert _place(panel.reset_button) == before


def test_a_wrong_current_passphrase_does_not_move_the_new_passphrase_fields(qtbot, journal):
    """Change passphrase: the message keeps to its line; the fields below stay put."""
    dialog = ChangePassphraseDialog(journal)
    _shown(qtbot, dialog, width=560, height=dialog.minimumSizeHint().height())
    qtbot.keyClicks(dialog.current, "not the passphrase")
    qtbot.keyClicks(dialog.form.first, "a brand new passphrase")
    qtbot.keyClicks(dialog.form.second, "a brand new passphrase")
    _settle()
    before = _place(dialog.form.first)
    dialog.accept()
    _settle()
    assert "isn't your current passphrase" in dialog.error.text()
    assert _place(dialog.form.first) == before
