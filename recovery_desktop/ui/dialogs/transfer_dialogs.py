"""Export everything (JSON or CSV, with the warning that it is not encrypted) and import a
JSON export (what the file holds and what will be added, then a backup and the import)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.data.errors import JournalError
from recovery_desktop.data.export import save_csv, save_json
from recovery_desktop.data.import_apply import ImportResult, import_plan, preview
from recovery_desktop.data.import_json import ImportPlan, read_plan
from recovery_desktop.data.journal import Journal
from recovery_desktop.data.transfer_text import counts_text, differ_text, result_text
from recovery_desktop.domain.wording import plural
from recovery_desktop.ui.busy import busy
from recovery_desktop.ui.save_dialog import (
    FileKind,
    ask_folder,
    ask_open_path,
    ask_save_path,
    confirm_replace,
)
from recovery_desktop.ui.widgets.layout import ok_cancel, scroll_area
from recovery_desktop.ui.widgets.passphrase import ErrorLabel
from recovery_desktop.ui.window_size import available_size

EXPORT_WARNING = (
    "An export is not encrypted. Anyone who gets the file can read everything in your "
    "journal: check-ins and notes, cravings, lapses, the people you listed and their numbers. "
    "Keep it somewhere safe, and delete it when you no longer need it."
)
JSON_KIND = FileKind("JSON export", "json")


def _label(text: str, parent: QWidget, name: str = "") -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    if name:
        label.setObjectName(name)
    return label


class ExportDialog(QDialog):
    """Choose JSON or CSV, read the warning, then choose where. ``saved`` says what was
    written once the dialog is accepted."""

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self.saved = ""
        self.setWindowTitle("Export everything")
        self.setMinimumWidth(520)
        warning = _label(EXPORT_WARNING, self, "warningLabel")
        warning.setAccessibleName("Warning: exports are not encrypted")
        self.as_json = QRadioButton(
            "One &JSON file: everything, and it can be imported again", self
        )
        self.as_csv = QRadioButton(
            "&CSV files in a new folder, one per kind, for spreadsheets", self
        )
        self.as_json.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.as_json)
        group.addButton(self.as_csv)
        self.error = ErrorLabel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(warning)
        layout.addWidget(self.as_json)
        layout.addWidget(self.as_csv)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(ok_cancel(self, "Choose &where to save…"))

    def default_name(self) -> str:
        return f"recovery-journal-{date.today().isoformat()}"

    def accept(self) -> None:
        target = self._ask_json() if self.as_json.isChecked() else self._ask_csv_folder()
        if target is not None and self.export_to(target, csv=self.as_csv.isChecked()):
            super().accept()

    def _ask_json(self) -> Path | None:
        start = Path.home() / f"{self.default_name()}.json"
        chosen = ask_save_path(self, "Export everything", start, [JSON_KIND])
        return chosen[0] if chosen is not None else None

    def _ask_csv_folder(self) -> Path | None:
        parent = ask_folder(self, "Export everything: choose a folder", Path.home())
        if parent is None:
            return None
        target = parent / f"{self.default_name()}-csv"
        if target.exists() and not confirm_replace(self, "Export everything", target):
            return None
        return target

    def export_to(self, target: Path, csv: bool = False) -> bool:
        """Write the export to ``target`` (a file, or for CSV a folder); False, with the
        reason shown, when it could not be written."""
        folders = self.journal.files.app_folders()
        try:
            with busy():
                if csv:
                    written = save_csv(self.journal.db, target, folders)
                    self.saved = f"Saved {plural(len(written), 'CSV file')} in {target}."
                else:
                    counts = save_json(self.journal.db, target, folders)
                    self.saved = f"Saved {counts_text(counts)} to {target}."
        except JournalError as error:
            self.error.show_message(f"Nothing was exported. {error}")
            return False
        return True


class ImportDialog(QDialog):
    """What a checked file holds and what importing it will add and skip; Import takes a
    backup and imports. ``outcome`` is set once the dialog is accepted."""

    def __init__(
        self,
        journal: Journal,
        name: str,
        plan: ImportPlan,
        expected: ImportResult,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.journal = journal
        self.plan = plan
        self.outcome: ImportResult | None = None
        self.setWindowTitle("Import")
        self.setMinimumWidth(520)
        body = QWidget(self)  # what the file holds and what happens to it: it scrolls
        holds = _label(f"{name} holds {counts_text(plan.counts())}.", body)
        added = _label(f"Will be added: {counts_text(expected.added)}.", body)
        skipped = _label(
            f"Already in your journal, so skipped: {counts_text(expected.skipped)}.", body
        )
        skipped.setVisible(any(expected.skipped.values()))
        differ = _label(differ_text(expected), body)
        differ.setVisible(bool(differ_text(expected)))
        notes = _label("\n".join(expected.notes), body)
        notes.setVisible(bool(expected.notes))
        backup = _label(
            "A backup of your journal is taken first. Nothing already in your journal is "
            "changed or removed.",
            self,
            "hintLabel",
        )
        self.error = ErrorLabel(self)
        buttons = ok_cancel(self, "&Import")
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        for widget in (holds, added, skipped, differ, notes):
            column.addWidget(widget)
        column.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll_area(body, self), 1)
        layout.addWidget(backup)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        room = available_size(self)
        wanted = column.totalHeightForWidth(520) if column.hasHeightForWidth() else 0
        self.resize(520, min(max(wanted, 120) + 160, room.height() - 60))
        if expected.total_added == 0:
            buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
            added.setText("Everything in this file is already in your journal.")

    def accept(self) -> None:
        try:
            with busy():
                self.outcome = import_plan(self.journal, self.plan)
        except JournalError as error:
            self.error.show_message(str(error))
            return
        super().accept()


# -- the flows Settings starts ---------------------------------------------------------------
def export_everything(parent: QWidget, journal: Journal) -> None:
    """The export dialog; once saved, a box says where and that it is not encrypted."""
    dialog = ExportDialog(journal, parent)
    if dialog.exec() == QDialog.DialogCode.Accepted.value:
        QMessageBox.information(
            parent, "Export saved", f"{dialog.saved}\n\nIt is not encrypted: keep it safe."
        )


def choose_and_import(parent: QWidget, journal: Journal) -> None:
    """Ask for a JSON export, then :func:`import_file`."""
    chosen = ask_open_path(parent, "Import a JSON export", Path.home(), [JSON_KIND])
    if chosen is not None:
        import_file(parent, journal, chosen)


def import_file(parent: QWidget, journal: Journal, path: Path) -> ImportResult | None:
    """Check ``path`` completely, show what it holds and will add, import once confirmed
    and say what was added (the pages showing the new records hear of them through the
    change signal). A file that cannot be imported gets a calm box naming the problem, and
    nothing changes."""
    try:
        with busy():
            plan = read_plan(path)
            expected = preview(journal, plan)
    except JournalError as error:
        text = f"{path.name} could not be imported.\n\n{error}"
        QMessageBox.warning(parent, "Cannot import this file", text)
        return None
    dialog = ImportDialog(journal, path.name, plan, expected, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted.value or dialog.outcome is None:
        return None
    QMessageBox.information(parent, "Imported", result_text(dialog.outcome, "\n\n"))
    return dialog.outcome
