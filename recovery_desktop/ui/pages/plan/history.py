"""History of the plan: every version kept, newest first, to open, compare or restore.

``open_history`` shows the list while the plan page waits. A version opens read-only
(Enter or double-click); two chosen versions, or one and the plan as it is now, compare
side by side; "Restore this version" asks first, saying that the plan as it is now is kept
as a version before it changes (``PlanRepository.restore``), so nothing is ever lost. The
list follows the journal's plan changes while it is open (a version kept by an autosave or
a restore appears at once).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.data.changes import Change
from recovery_desktop.data.errors import JournalError
from recovery_desktop.domain.plan import Plan, PlanContact, PlanVersion
from recovery_desktop.ui.change_signal import ChangeSignal, follow
from recovery_desktop.ui.pages.plan.compare_view import compare_dialog
from recovery_desktop.ui.pages.plan.history_model import (
    COL_CHANGED,
    COL_LABEL,
    COL_NUMBER,
    COL_WHEN,
    COL_WHY,
    VersionsModel,
)
from recovery_desktop.ui.pages.plan.version_view import VersionDialog
from recovery_desktop.ui.pages.plan.version_words import (
    NOW_TITLE,
    about_version,
    version_title,
)
from recovery_desktop.ui.widgets.questions import confirm
from recovery_desktop.ui.widgets.status_line import StatusLine
from recovery_desktop.ui.widgets.tables import edit_on_activate, record_table
from recovery_desktop.ui.window_size import fit_to_screen

if TYPE_CHECKING:
    from recovery_desktop.data.plan import PlanRepository

WIDTH, HEIGHT = 920, 520
EMPTY = "No versions yet: one is kept as you write, or when you choose Save version."
HINT = (
    "A version is kept as you write (at most one every ten minutes) and each time you "
    "choose Save version. Nothing here is ever deleted. Choose two versions to compare "
    "them, or one to compare it with your plan now."
)


class HistoryDialog(QDialog):
    """The versions of ``plan`` (a ``PlanRepository``), newest first."""

    shows = frozenset({Change.PLAN, Change.REPLACED})

    def __init__(self, plan: PlanRepository, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        self.setWindowTitle("History of my plan")
        self.model = VersionsModel()
        self.table = record_table(self.model, "Versions of my plan, newest first", self)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.empty = QLabel(EMPTY, self)
        self.empty.setWordWrap(True)
        self.open_button = QPushButton("&Open", self)
        self.compare_button = QPushButton("Com&pare…", self)
        self.restore_button = QPushButton("&Restore this version…", self)
        self.status = StatusLine("History status", self)
        self._build()
        edit_on_activate(self.table, self.open_selected)
        self.open_button.clicked.connect(self.open_selected)
        self.compare_button.clicked.connect(self.compare_selected)
        self.restore_button.clicked.connect(self.restore_selected)
        self.load()
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        self._size_columns()
        fit_to_screen(self, WIDTH, HEIGHT)
        self._update_buttons()
        self.table.setFocus()

    def _build(self) -> None:
        hint = QLabel(HINT, self)
        hint.setWordWrap(True)
        hint.setObjectName("hintLabel")
        actions = QHBoxLayout()
        for button in (self.open_button, self.compare_button, self.restore_button):
            actions.addWidget(button)
        actions.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(self.status)
        layout.addWidget(close)

    def _size_columns(self) -> None:
        header = self.table.horizontalHeader()
        fit = QHeaderView.ResizeMode.ResizeToContents
        for column in (COL_NUMBER, COL_WHEN, COL_WHY):
            header.setSectionResizeMode(column, fit)
        header.setSectionResizeMode(COL_LABEL, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(COL_LABEL, self.fontMetrics().horizontalAdvance("M" * 18))
        header.setSectionResizeMode(COL_CHANGED, QHeaderView.ResizeMode.Stretch)

    # -- reading -------------------------------------------------------------------------

    def load(self) -> None:
        """Read the list again, keeping the chosen versions chosen."""
        chosen = [version.id for version in self.selected()]
        try:
            versions = self.plan.versions()
        except JournalError as error:
            self.status.setText(str(error))
            return
        self.model.set_versions(versions)
        self.empty.setVisible(not versions)
        self.table.setVisible(bool(versions))
        self.choose(chosen or [versions[0].id] if versions else [])

    def data_changed(self, _kinds: frozenset[Change]) -> None:
        self.load()

    def choose(self, version_ids: list[int]) -> None:
        """Select the versions ``version_ids`` (those still listed); the first is current."""
        selection = self.table.selectionModel()
        selection.clearSelection()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for version_id in version_ids:
            row = self.model.row_of(version_id)
            if row >= 0:
                selection.select(self.model.index(row, 0), flags)
        rows = [self.model.row_of(i) for i in version_ids if self.model.row_of(i) >= 0]
        if rows:
            selection.setCurrentIndex(
                self.model.index(rows[0], 0), QItemSelectionModel.SelectionFlag.NoUpdate
            )
        self._update_buttons()

    def selected(self) -> list[PlanVersion]:
        """The chosen versions, oldest first."""
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        found = [self.model.version_at(row) for row in rows]
        return sorted((v for v in found if v is not None), key=lambda v: v.number)

    def _update_buttons(self) -> None:
        count = len(self.selected())
        self.open_button.setEnabled(count == 1)
        self.restore_button.setEnabled(count == 1)
        self.compare_button.setEnabled(count in (1, 2))
        tip = {
            1: "Compare this version with your plan now",
            2: "Compare the two chosen versions",
        }.get(count, "Choose one version, or two, to compare")
        self.compare_button.setToolTip(tip)

    def _snapshot(self, version: PlanVersion) -> Plan | None:
        try:
            return self.plan.version(version.id).plan
        except (JournalError, KeyError):
            self.status.setText("That version could not be read. Nothing was changed.")
            return None

    # -- actions -------------------------------------------------------------------------

    def open_selected(self) -> None:
        """Show the one chosen version, read-only."""
        chosen = self.selected()
        if len(chosen) != 1:
            return
        snapshot = self._snapshot(chosen[0])
        if snapshot is None:
            return
        dialog = VersionDialog(
            snapshot,
            version_title(chosen[0]),
            about_version(chosen[0]),
            self.plan.contacts_for,
            self,
        )
        dialog.exec()
        dialog.deleteLater()

    def compare_selected(self) -> None:
        """Two chosen versions side by side (older left), or one beside the plan now."""
        chosen = self.selected()
        if len(chosen) not in (1, 2):
            return
        old = self._snapshot(chosen[0])
        if old is None:
            return
        if len(chosen) == 2:
            new = self._snapshot(chosen[1])
            titles = (version_title(chosen[0]), version_title(chosen[1]))
        else:
            new = self._current()
            titles = (version_title(chosen[0]), NOW_TITLE)
        if new is not None:
            compare_dialog(self, old, new, titles, self._contacts(old, new))

    def _contacts(self, *plans: Plan) -> dict[str, PlanContact]:
        """The support contacts linked in ``plans``, as People holds them now."""
        uids = list(dict.fromkeys(u for p in plans for s in p.sections for u in s.contacts))
        try:
            return {contact.uid: contact for contact in self.plan.contacts_for(uids)}
        except JournalError:
            return {}

    def _current(self) -> Plan | None:
        try:
            return self.plan.plan()
        except JournalError as error:
            self.status.setText(str(error))
            return None

    def restore_selected(self) -> None:
        """After a calm question, make the chosen version the plan again."""
        chosen = self.selected()
        if len(chosen) != 1:
            return
        version = chosen[0]
        if not confirm(
            self,
            "Restore a version",
            f"Make version {version.number} your plan again?",
            "Your plan as it is now is kept as a version first, so nothing is lost: you "
            "can open it or restore it from this list at any time.",
            "&Restore",
        ):
            return
        try:
            restored = self.plan.restore(version.id)
        except (JournalError, KeyError):
            self.status.setText("The version was not restored. Your plan is as it was.")
            return
        self.load()
        self.choose([restored.id])
        self.status.setText(
            f"Restored: your plan reads as version {version.number} again "
            f"(kept as version {restored.number})."
        )


def open_history(
    parent: QWidget, plan: PlanRepository, changes: ChangeSignal | None = None
) -> None:
    """Show the History of ``plan`` until the user closes it. It follows the journal's
    changes through ``changes``, else through the main window's change signal when
    ``parent`` is inside the main window (a new version appears while it is open)."""
    dialog = HistoryDialog(plan, parent)
    signal = changes or parent.window().findChild(ChangeSignal)
    if signal is not None:
        follow(dialog, signal, dialog.shows, dialog.data_changed)
    dialog.exec()
    dialog.deleteLater()
