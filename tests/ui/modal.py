"""Acting inside a modal dialog's own event loop, as a person at the keyboard would.

A dialog opened with ``exec()`` blocks the caller until it closes, so the test says first
what to do once it shows; the dialog is then closed as if cancelled, unless ``act`` closed
it (Save, a lock), so a failing check can never leave a test waiting forever.

A test module using :func:`when_shown` imports :func:`stop_watching` too (an autouse
fixture), so that no watch outlives its test.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog

_watching: list[QTimer] = []


def when_shown(cls: type[QDialog], act: Callable[[QDialog], object]) -> list[QDialog]:
    """Run ``act`` once on the next ``cls`` that becomes the active modal window; returns
    the dialogs acted on (one, once it has happened)."""
    seen: list[QDialog] = []
    timer = QTimer()
    timer.setInterval(20)

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, cls) or not dialog.isVisible():
            return
        timer.stop()
        seen.append(dialog)
        try:
            act(dialog)
        finally:
            if dialog.isVisible():
                dialog.done(QDialog.DialogCode.Rejected.value)

    timer.timeout.connect(poll)
    timer.start()
    _watching.append(timer)
    return seen


@pytest.fixture(autouse=True)
def stop_watching() -> Iterator[None]:
    """Every watch ends with its test."""
    yield
    while _watching:
        timer = _watching.pop()
        timer.stop()
        timer.timeout.disconnect()
