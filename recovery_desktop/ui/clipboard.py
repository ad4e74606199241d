"""Private text the app puts on the clipboard (phone numbers, the recovery key) does not
stay there: it is cleared after :data:`CLEAR_AFTER_MS`, when the journal locks and when the
app quits, but only while the clipboard still holds exactly that text, so whatever the user
copied since is never touched.

The text is also marked ``x-kde-passwordManagerHint: secret``, which keeps it out of the
clipboard history of KDE's Klipper and of other managers that honour the hint.

The clipboard owns the ``QMimeData`` made here, and on platforms without a clipboard of
their own (offscreen, minimal) Qt keeps it in a C++ static that is destroyed after
the Python interpreter is gone; deleting a Python-made Qt object then crashes the process.
So our text also leaves the clipboard when the interpreter ends (:mod:`atexit`), whether or
not the Qt event loop ever quit.
"""

from __future__ import annotations

import atexit

from PySide6.QtCore import QMimeData, QObject, QTimer
from PySide6.QtGui import QClipboard, QGuiApplication

CLEAR_AFTER_MS = 30_000
CLEARED_NOTE = "cleared from the clipboard in 30 seconds"
SECRET_HINT = ("x-kde-passwordManagerHint", b"secret")


class PrivateClipboard(QObject):
    """One per application (:func:`private_clipboard`); ``delay_ms`` can be shortened in
    tests."""

    def __init__(self, app: QGuiApplication, delay_ms: int = CLEAR_AFTER_MS) -> None:
        super().__init__(app)
        self.delay_ms = delay_ms
        self._copied: str | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.clear)
        app.aboutToQuit.connect(self.clear)
        # Registered after PySide's own handler, so it runs first, while the app still lives.
        atexit.unregister(_clear_before_python_ends)
        atexit.register(_clear_before_python_ends)

    @property
    def waiting(self) -> bool:
        """True while text we copied waits to be cleared."""
        return self._timer.isActive()

    def copy(self, text: str) -> None:
        """Put ``text`` on the clipboard and start the clock for taking it off again."""
        data = QMimeData()
        data.setText(text)
        data.setData(*SECRET_HINT)
        _clipboard().setMimeData(data, QClipboard.Mode.Clipboard)
        self._copied = text
        self._timer.start(self.delay_ms)

    def clear(self) -> None:
        """Take our text off the clipboard if it is still there; anything else stays."""
        copied, self._copied = self._copied, None
        self._timer.stop()
        if copied is not None and _clipboard().text(QClipboard.Mode.Clipboard) == copied:
            _clipboard().clear(QClipboard.Mode.Clipboard)


def private_clipboard() -> PrivateClipboard:
    """The application's :class:`PrivateClipboard`, made on first use."""
    app = QGuiApplication.instance()
    assert isinstance(app, QGuiApplication)
    found = app.findChild(PrivateClipboard)
    return found if found is not None else PrivateClipboard(app)


def _clear_before_python_ends() -> None:
    """Take our text off the clipboard while Python can still destroy what we put there."""
    app = QGuiApplication.instance()
    found = app.findChild(PrivateClipboard) if app is not None else None
    if found is not None:
        found.clear()


def _clipboard() -> QClipboard:
    return QGuiApplication.clipboard()
