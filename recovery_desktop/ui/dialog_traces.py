"""File dialogs leave no folder names behind in plain settings.

Qt's file dialog, native or not, writes its history and the last folder visited into the
user's shared Qt settings when it is destroyed (``QFileDialog::~QFileDialog`` calls
``saveSettings``: organisation "QtProject", group "FileDialog"; on Linux
``~/.config/QtProject.conf``, on Windows the registry, on macOS a preferences file). A folder
named after a clinic, or the place where the recovery key was saved, would stay there for
anyone to read. :func:`no_folder_traces` puts that group back as it was before the dialog
opened, once the dialog is gone; the app has no settings of its own there to keep.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import shiboken6
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog

QT_ORGANISATION = "QtProject"
FILE_DIALOG_GROUP = "FileDialog"


@contextlib.contextmanager
def no_folder_traces() -> Iterator[None]:
    """Around the whole life of a file dialog (or of a dialog that may open one, such as
    the print dialog's "…" button): its settings group is restored afterwards."""
    before = _read_group()
    file = Path(_settings().fileName())  # Windows: a registry path, never a file
    existed = file.exists()
    try:
        yield
    finally:
        _write_group(before)
        if not existed:
            with contextlib.suppress(OSError):
                if file.is_file() and file.stat().st_size == 0:
                    file.unlink()  # the empty file Qt left


def delete_now(dialog: QDialog) -> None:
    """Destroy ``dialog`` at once (its parent would keep it alive, and Qt writes the
    settings in the destructor): call inside :func:`no_folder_traces`."""
    shiboken6.delete(dialog)


def _settings() -> QSettings:
    settings = QSettings(QSettings.Scope.UserScope, QT_ORGANISATION)
    settings.beginGroup(FILE_DIALOG_GROUP)
    return settings


def _read_group() -> dict[str, object]:
    settings = _settings()
    return {key: settings.value(key) for key in settings.allKeys()}


def _write_group(values: dict[str, object]) -> None:
    settings = _settings()
    settings.remove("")  # the whole group
    for key, value in values.items():
        settings.setValue(key, value)
    settings.endGroup()
    settings.sync()
