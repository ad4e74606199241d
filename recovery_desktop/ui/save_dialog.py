"""Asking where to save a file, so that no file is ever replaced without a question.

Qt's file dialog asks "already exists, replace?" about the name it returns. A suffix added
after it closed (``week`` → ``week.pdf``) would replace ``week.pdf`` unasked, and the
question asked about ``week`` would have been about another file. So the dialog is given the
suffix (``setDefaultSuffix``, following the chosen type) and asks about the final name
itself; a native dialog that ignores the default suffix, or a name with a dot of its own
(``week.v2`` → ``week.v2.pdf``), is asked about here once the suffix is added.

The dialog leaves no folder names in Qt's shared settings (:mod:`.dialog_traces`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from recovery_desktop.ui.dialog_traces import delete_now, no_folder_traces


@dataclass(frozen=True)
class FileKind:
    """One type offered in the dialog: ``FileKind("PDF", "pdf")``."""

    label: str
    suffix: str  # without the dot

    @property
    def name_filter(self) -> str:
        return f"{self.label} (*.{self.suffix})"


def ask_folder(parent: QWidget, title: str, start: Path) -> Path | None:
    """An existing folder the user chose, or None when they cancelled. Like every file
    dialog of the app it leaves no folder names in Qt's settings."""
    with no_folder_traces():
        dialog = QFileDialog(parent, title, str(start))
        try:
            dialog.setFileMode(QFileDialog.FileMode.Directory)
            dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
            chosen = dialog.selectedFiles() if dialog.exec() == QDialog.DialogCode.Accepted else []
        finally:
            delete_now(dialog)
    return Path(chosen[0]) if chosen else None


def ask_open_path(
    parent: QWidget, title: str, start: Path, kinds: Sequence[FileKind]
) -> Path | None:
    """An existing file the user chose to open, or None when they cancelled; no folder
    names are left in Qt's settings."""
    with no_folder_traces():
        dialog = QFileDialog(parent, title, str(start))
        try:
            dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
            dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
            dialog.setNameFilters([kind.name_filter for kind in kinds] + ["All files (*)"])
            chosen = dialog.selectedFiles() if dialog.exec() == QDialog.DialogCode.Accepted else []
        finally:
            delete_now(dialog)
    return Path(chosen[0]) if chosen else None


def ask_save_path(
    parent: QWidget, title: str, start: Path, kinds: Sequence[FileKind]
) -> tuple[Path, FileKind] | None:
    """The file to write and its kind, or None when the user cancelled (also when they
    said No to replacing a file). The name always ends with the kind's suffix: a name
    typed with another kind's suffix (``mood.svg`` while PNG is chosen) is that kind."""
    with no_folder_traces():
        dialog = QFileDialog(parent, title, str(start))
        try:
            answer = _ask(dialog, kinds)
        finally:
            delete_now(dialog)
    if answer is None:
        return None
    answered, name_filter = answer
    typed = _kind_of(answered, kinds)
    kind = typed or _kind_for_filter(kinds, name_filter)
    path = answered if typed else answered.with_name(f"{answered.name}.{kind.suffix}")
    if path != answered and path.exists() and not confirm_replace(parent, title, path):
        return None
    return path, kind


def _ask(dialog: QFileDialog, kinds: Sequence[FileKind]) -> tuple[Path, str] | None:
    """The name the dialog returned and the type chosen in it, or None."""
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setNameFilters([kind.name_filter for kind in kinds])
    dialog.setDefaultSuffix(kinds[0].suffix)
    dialog.filterSelected.connect(lambda chosen: _follow_filter(dialog, kinds, chosen))
    if dialog.exec() != QDialog.DialogCode.Accepted.value or not dialog.selectedFiles():
        return None
    return Path(dialog.selectedFiles()[0]), dialog.selectedNameFilter()


def confirm_replace(parent: QWidget, title: str, path: Path) -> bool:
    """Qt's own question, asked about the name that will really be written; No is the
    default."""
    buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    text = f"{path.name} already exists.\nDo you want to replace it?"
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, buttons, parent)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes.value


def _follow_filter(dialog: QFileDialog, kinds: Sequence[FileKind], chosen: str) -> None:
    dialog.setDefaultSuffix(_kind_for_filter(kinds, chosen).suffix)


def _kind_for_filter(kinds: Sequence[FileKind], name_filter: str) -> FileKind:
    return next((kind for kind in kinds if kind.name_filter == name_filter), kinds[0])


def _kind_of(path: Path, kinds: Sequence[FileKind]) -> FileKind | None:
    """The kind whose suffix ``path`` already ends with (in any letter case)."""
    suffix = path.suffix.lower().lstrip(".")
    return next((kind for kind in kinds if kind.suffix == suffix), None)
