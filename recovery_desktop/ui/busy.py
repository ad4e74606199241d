"""A wait cursor around short blocking work (key derivation takes a fraction of a second)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from PySide6.QtCore import Qt
from PySide6.QtGui import QCursor, QGuiApplication


@contextlib.contextmanager
def busy() -> Iterator[None]:
    QGuiApplication.setOverrideCursor(QCursor(Qt.CursorShape.WaitCursor))
    try:
        yield
    finally:
        QGuiApplication.restoreOverrideCursor()
