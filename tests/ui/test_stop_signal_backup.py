"""A logout or shutdown (SIGTERM) and Ctrl+C (SIGINT) close the app as closing its window
does: what was typed is saved and the on-close backup is taken, with no question asked.
The real entry point runs in a child process under the offscreen platform."""

import os
import signal
import subprocess
import sys
import textwrap
from datetime import date

import pytest
from PySide6.QtWidgets import QMessageBox

from recovery_desktop.data.backup_files import list_backups
from recovery_desktop.data.journal import create_journal, open_unprotected
from recovery_desktop.ui.session import Session

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")

NOTE = "typed just before the logout"

# The real entry point on --data-dir; types a note (not saved yet) and says "shown".
CHILD = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from recovery_desktop.cli import main
    from recovery_desktop.ui.main_window import MainWindow
    from recovery_desktop.ui.pages.today.page import TodayPage

    app = QApplication(sys.argv[:1])

    def type_then_say():
        windows = [w for w in app.topLevelWidgets() if isinstance(w, MainWindow)]
        if not windows or not windows[0].isVisible() or windows[0].workspace is None:
            QTimer.singleShot(20, type_then_say)
            return
        windows[0].workspace.page(TodayPage).form.note.setPlainText(sys.argv[2])
        print("shown", flush=True)

    QTimer.singleShot(0, type_then_say)
    sys.exit(main(["--data-dir", sys.argv[1]]))
    """
)


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_signal_saves_what_was_typed_and_takes_the_on_close_backup(files, stop):
    create_journal(files, None).close()
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(files.folder), NOTE],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert child.stdout.readline() == "shown\n", child.communicate(timeout=60)[1]
    assert list_backups(files.backups) == []
    child.send_signal(stop)
    _out, errors = child.communicate(timeout=60)
    assert child.returncode == 128 + stop, errors[-2000:]
    assert "Traceback" not in errors
    assert [b.reason for b in list_backups(files.backups)] == ["on-close"]
    journal = open_unprotected(files)
    try:
        notes = [c.note for c in journal.checkins.between(date.min, date.max)]
    finally:
        journal.close()
    assert notes == [NOTE]


def test_closing_for_a_shutdown_asks_nothing_even_when_something_could_not_be_saved(
    qtbot, window_for, journal, files, monkeypatch
):
    """ "Quit anyway?" would block a logout: what can be saved is saved, and it closes."""
    session = Session(files)
    session.adopt(journal)
    window = window_for(session)
    monkeypatch.setattr(window.workspace, "flush", lambda: False)
    asked = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: asked.append(args))
    window.close_without_questions()
    assert asked == [] and not window.isVisible()
    assert not session.is_unlocked
    assert [b.reason for b in list_backups(files.backups)] == ["on-close"]
