"""The main window: the unlock panel while locked, the workspace while unlocked."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from recovery_desktop.ui.app_keys import EveryWindowKeys
from recovery_desktop.ui.app_title import APP_TITLE
from recovery_desktop.ui.clipboard import private_clipboard
from recovery_desktop.ui.draft_keeper import DraftKeeper
from recovery_desktop.ui.idle import IdleWatcher
from recovery_desktop.ui.session import Session
from recovery_desktop.ui.widgets.unlock_panel import UnlockPanel
from recovery_desktop.ui.window_size import fit_to_screen
from recovery_desktop.ui.workspace import LOCK_SHORTCUT, PageSpec, Workspace

if TYPE_CHECKING:
    from recovery_desktop.data.journal import Journal
    from recovery_desktop.ui.widgets.damaged_panel import DamagedPanel

PREFERRED_SIZE = (1120, 780)


class BackgroundWork(Protocol):
    """Work on another thread; ``stop()`` returns only once the thread has ended."""

    def stop(self) -> None: ...


class MainWindow(QMainWindow):
    """``locking`` and ``closing`` are emitted while the journal is still open, after
    everything typed was saved (the automatic backups listen)."""

    locking = Signal()
    closing = Signal()

    def __init__(
        self,
        session: Session,
        pages: Sequence[PageSpec],
        idle: IdleWatcher,
        title: str = APP_TITLE,
        sidebar: Callable[[Journal], Sequence[QWidget]] | None = None,
        shortcuts: Sequence[tuple[str, Callable[[], object]]] = (),
        background: Sequence[BackgroundWork] = (),
    ) -> None:
        super().__init__()
        self.session = session
        self.background = list(background)
        self.sidebar = sidebar
        self.shortcuts = list(shortcuts)
        self.page_specs = list(pages)
        self.idle = idle
        self.drafts = DraftKeeper()
        self.workspace: Workspace | None = None
        self._row_at_lock = 0  # the page open at the last lock: unlock returns to it
        self.setWindowTitle(title)
        fit_to_screen(self, *PREFERRED_SIZE)
        self.unlock_panel = UnlockPanel(session, self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.unlock_panel)
        self.setCentralWidget(self.stack)
        self._add_actions()
        session.unlocked.connect(self._on_unlocked)
        session.locked.connect(self._on_locked)
        session.damaged.connect(self.show_damaged)
        self.damaged_panel: DamagedPanel | None = None
        self._ask_on_close = True  # False while closing for a logout or shutdown
        idle.idle.connect(self.lock_now)
        if session.is_unlocked:
            self._on_unlocked()
        else:
            self.unlock_panel.reset()

    def _add_actions(self) -> None:
        """Ctrl+L locks from every window, modal dialogs too; Ctrl+Q and the extra shortcuts
        (Ctrl+K) work from every window a modal dialog does not block; Ctrl+1… choose a
        page of this window."""
        self.every_window_keys = EveryWindowKeys(self)
        self.every_window_keys.add(LOCK_SHORTCUT, self.lock_now, lambda: self.session.is_unlocked)
        app_wide = Qt.ShortcutContext.ApplicationShortcut
        self._action("Ctrl+Q", self.close, app_wide)
        for row in range(len(self.page_specs)):
            self._action(f"Ctrl+{row + 1}", partial(self._show_page, row))
        for keys, slot in self.shortcuts:
            self._action(keys, partial(self._if_unlocked, slot), app_wide)
            # A text field that takes the key for itself (Qt's Linux text keys make Ctrl+K
            # "delete to the end of the line") gets the key press instead of the shortcut:
            # it is read from the key press then, where no modal dialog blocks.
            self.every_window_keys.add(keys, slot, self._extra_keys_work)

    def _action(
        self,
        keys: str,
        run: Callable[[], object],
        context: Qt.ShortcutContext = Qt.ShortcutContext.WindowShortcut,
    ) -> QAction:
        action = QAction(self)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(context)
        action.triggered.connect(lambda _checked=False: run())
        self.addAction(action)
        return action

    def _extra_keys_work(self) -> bool:
        return self.session.is_unlocked and QApplication.activeModalWidget() is None

    def _if_unlocked(self, run: Callable[[], object]) -> None:
        if self.session.is_unlocked:
            run()

    def _show_page(self, row: int) -> None:
        if self.workspace is not None:
            self.workspace.show_page(row)

    def _on_unlocked(self) -> None:
        journal = self.session.journal
        assert journal is not None
        extras = self.sidebar(journal) if self.sidebar else ()
        self.workspace = Workspace(
            self.page_specs, journal, self.lock_now, self, extras, self._row_at_lock
        )
        self.stack.addWidget(self.workspace)
        self.stack.setCurrentWidget(self.workspace)
        self.idle.set_minutes(journal.preferences.auto_lock_minutes())
        self.idle.start()
        first = self.workspace.built(self.workspace.current_row)
        focus_first = getattr(first, "focus_first", None)
        if callable(focus_first):
            focus_first()
        QTimer.singleShot(0, self, self._offer_drafts)

    def _offer_drafts(self) -> None:
        """After an unlock, reopen each dialog the lock closed, as it was left, one after
        the other; each draft is forgotten once its dialog is saved or cancelled."""
        journal, workspace = self.session.journal, self.workspace
        if journal is None or workspace is None:
            return
        for draft in self.drafts.pending(journal.drafts):
            if self.workspace is not workspace:
                return  # locked again meanwhile: the drafts were kept again
            if workspace.resume(draft) and self.workspace is workspace:
                self.drafts.done(journal.drafts, draft.kind)

    def lock_now(self) -> None:
        """Save what is open, keep what was typed in dialogs, close them, forget the key
        and show the lock panel."""
        if not self.session.is_unlocked:
            return
        self._close_windows()
        if self.workspace is not None:
            self.workspace.flush()
        self.idle.stop()
        self.stop_background()
        self.locking.emit()
        self.session.lock()

    def _close_windows(self) -> None:
        """Every open dialog: saved if it saves itself (the craving panel), kept as a draft
        in the journal if it holds typed input, then closed without a question."""
        windows = [
            widget
            for widget in QApplication.topLevelWidgets()
            if isinstance(widget, QDialog) and widget.isVisible()
        ]
        for window in windows:
            flush = getattr(window, "flush", None)
            if callable(flush):
                flush()
        if self.session.journal is not None:
            self.drafts.keep(self.session.journal.drafts, windows)
        for window in windows:
            if window.isVisible():
                window.done(QDialog.DialogCode.Rejected.value)

    def stop_background(self) -> None:
        """Stop or wait for every background thread (on lock, close and quit)."""
        for work in self.background:
            work.stop()

    def add_damaged_panel(self, panel: DamagedPanel) -> None:
        """The damaged-journal screen, shown now if the session already found damage."""
        self.damaged_panel = panel
        self.stack.addWidget(panel)
        if self.session.damage is not None:
            self.show_damaged(self.session.damage)

    def show_damaged(self, message: str) -> None:
        panel = self.damaged_panel
        if panel is None:
            return
        panel.show_problem(message, self.session.passphrase_not_set)
        self.stack.setCurrentWidget(panel)

    def _on_locked(self) -> None:
        private_clipboard().clear()  # a number or key copied before the lock
        if self.workspace is not None:
            # The next unlock opens this page again (not its content: pages are rebuilt),
            # unless a page whose writing stopped opens instead (ui/after_a_stop.py).
            self._row_at_lock = self.workspace.current_row
            self.stack.removeWidget(self.workspace)
            self.workspace.hide()
            self.workspace.deleteLater()
            self.workspace = None
        self.unlock_panel.reset()
        self.stack.setCurrentWidget(self.unlock_panel)

    def close_without_questions(self) -> None:
        """Close as the user closing the window does (everything that can be saved is
        saved, open dialogs keep their drafts, ``closing`` lets the on-close backup run),
        but never ask "Quit anyway?": for a logout or shutdown (SIGTERM, Ctrl+C)."""
        self._ask_on_close = False
        try:
            self.close()
        finally:
            self._ask_on_close = True

    def closeEvent(self, event: QCloseEvent) -> None:
        unsaved = self.workspace is not None and not self.workspace.flush()
        if unsaved and self._ask_on_close:
            answer = QMessageBox.warning(
                self,
                "Some changes are not saved",
                "Your latest changes could not be saved (see the message on the page). "
                "If you quit now they will be lost. Quit anyway?",
                QMessageBox.StandardButton.Cancel | QMessageBox.StandardButton.Discard,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                event.ignore()
                return
        if self.session.is_unlocked:
            self._close_windows()
        self.idle.stop()
        self.stop_background()
        if self.session.is_unlocked:
            self.closing.emit()
        self.session.lock()
        event.accept()
