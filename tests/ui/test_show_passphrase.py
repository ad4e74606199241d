"""A ticked "Show passphrase" never outlives the form it was ticked on: cleared or reopened,
the next passphrase is typed out of sight again."""

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCheckBox, QLineEdit

from recovery_desktop.data.journal import create_journal, new_recovery_key
from recovery_desktop.ui.pages.today.page import TodayPage
from recovery_desktop.ui.session import Session
from recovery_desktop.ui.widgets.passphrase import NewPassphraseForm
from tests.conftest import PASSPHRASE

LEFT = Qt.MouseButton.LeftButton
HIDDEN = QLineEdit.EchoMode.Password


def _unlocked(window_for, journal, files):
    session = Session(files)
    session.adopt(journal)
    return window_for(session), session


def _shown_toggle(panel) -> QCheckBox:
    """The "Show passphrase" box of the lock screen's view on show."""
    [box] = [
        box
        for box in panel.findChildren(QCheckBox)
        if box.text() == "Show passphrase" and box.isVisible()
    ]
    return box


def _tick(qtbot, box: QCheckBox) -> None:
    """Click the box itself (its tick mark), as a person would."""
    qtbot.mouseClick(box, LEFT, pos=QPoint(8, box.height() // 2))
    assert box.isChecked()


def _unlock(qtbot, panel, passphrase=PASSPHRASE):
    qtbot.keyClicks(panel.passphrase, passphrase)
    qtbot.keyClick(panel.passphrase, Qt.Key.Key_Return)


def test_show_passphrase_is_unticked_after_unlock_and_ctrl_l(qtbot, window_for, journal, files):
    """The tester's steps: tick it, unlock, Ctrl+L: the next passphrase is hidden again."""
    window, session = _unlocked(window_for, journal, files)
    window.lock_now()
    panel = window.unlock_panel
    _tick(qtbot, _shown_toggle(panel))
    assert panel.passphrase.echoMode() == QLineEdit.EchoMode.Normal
    _unlock(qtbot, panel)
    assert session.is_unlocked
    note = window.workspace.page(TodayPage).form.note
    qtbot.keyClick(note, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert not session.is_unlocked
    assert not _shown_toggle(panel).isChecked() and panel.passphrase.echoMode() == HIDDEN


def test_the_recovery_view_hides_its_new_passphrase_again_after_a_lock(
    qtbot, window_for, journal, files
):
    """Shown in the recovery view, then unlocked with the passphrase: hidden after the lock."""
    window, _session = _unlocked(window_for, journal, files)
    window.lock_now()
    panel = window.unlock_panel
    panel._show(panel.RECOVERY)
    _tick(qtbot, _shown_toggle(panel))
    qtbot.keyClicks(panel.new_passphrase.first, "half a new one")
    panel._show(panel.PASSPHRASE)
    _unlock(qtbot, panel)
    window.lock_now()
    panel._show(panel.RECOVERY)
    assert not _shown_toggle(panel).isChecked()
    assert panel.new_passphrase.first.text() == ""
    assert panel.new_passphrase.first.echoMode() == HIDDEN


def test_unlocking_with_the_recovery_key_leaves_no_key_or_passphrase_in_the_fields(
    qtbot, window_for, files
):
    """After "I forgot", the key and the new passphrase do not wait in hidden fields."""
    key = new_recovery_key()
    window, session = _unlocked(window_for, create_journal(files, PASSPHRASE, key), files)
    window.lock_now()
    panel = window.unlock_panel
    panel._show(panel.RECOVERY)
    qtbot.keyClicks(panel.recovery_key, key)
    _tick(qtbot, _shown_toggle(panel))
    qtbot.keyClicks(panel.new_passphrase.first, "my fresh start phrase")
    qtbot.keyClicks(panel.new_passphrase.second, "my fresh start phrase")
    panel.unlock_with_recovery_key()
    assert session.is_unlocked
    assert panel.recovery_key.text() == "" and panel.new_passphrase.first.text() == ""
    assert not panel.new_passphrase.reveal.isChecked()


def test_clearing_a_new_passphrase_form_hides_it_again(qtbot):
    """The form in the wizards and Change passphrase: cleared means hidden and unticked."""
    form = NewPassphraseForm()
    qtbot.addWidget(form)
    form.show()
    _tick(qtbot, form.reveal)
    qtbot.keyClicks(form.first, "visible for a moment")
    form.clear()
    assert not form.reveal.isChecked()
    assert form.first.echoMode() == HIDDEN and form.second.echoMode() == HIDDEN
