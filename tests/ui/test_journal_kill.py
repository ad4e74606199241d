"""An entry typed on the Journal page in a child process that is then killed (SIGKILL):
what autosave committed is kept, and the next unlock opens the Journal with the notice and
that entry (the issue's "draft recovery after a SIGKILL")."""

from __future__ import annotations

from recovery_desktop.data.journal import JournalFiles, create_journal, open_unprotected
from recovery_desktop.ui.pages.journal.page import JournalPage
from recovery_desktop.ui.session import Session
from tests.children import _PRELUDE, go, kill, start, wait_for

TYPE_INTO_THE_PAGE = (
    _PRELUDE
    + """
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from recovery_desktop.ui.pages.journal.page import JournalPage
app = QApplication([])
journal = open_unprotected(files)
page = JournalPage(journal.entries)
page.show()
QTest.keyClicks(page.editor.title, "Tonight")
QTest.keyClicks(page.editor.body.text, "It passed after I called Sam.")
loop = QEventLoop()  # until the autosave 3 s after typing stopped has committed
poll = QTimer()
poll.timeout.connect(lambda: page.status.text().startswith("Saved ") and loop.quit())
poll.start(20)
QTimer.singleShot(20000, loop.quit)
loop.exec()
assert page.status.text().startswith("Saved ")
print("saved", flush=True)
QTest.keyClicks(page.editor.body.text, " Typed after the last save.")
print("typed", flush=True)
sys.stdin.readline()
"""
)


def test_an_entry_typed_before_a_kill_is_kept_and_offered_back(qtbot, window_for, files):
    create_journal(files, None).close()
    child = start(TYPE_INTO_THE_PAGE, files.folder)
    go(child)
    wait_for(child, "saved")
    wait_for(child, "typed")
    kill(child)
    journal = open_unprotected(JournalFiles(files.folder))
    [row] = journal.entries.entries()
    assert journal.entries.get(row.id).body == "It passed after I called Sam."
    session = Session(files)
    session.adopt(journal)
    window = window_for(session)
    qtbot.waitUntil(lambda: isinstance(window.workspace.stack.currentWidget(), JournalPage))
    page = window.workspace.stack.currentWidget()
    assert page.notice.isVisible()
    assert (page.editor.title.text(), page.editor.body.markdown()) == (
        "Tonight",
        "It passed after I called Sam.",
    )
