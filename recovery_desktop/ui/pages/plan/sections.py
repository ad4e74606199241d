"""The list of the plan's sections on the left of the Plan page, with what can be done to
them: rename (F2), move (Alt+Up/Down), hide or show, add one of your own, remove your own.
The page does the saving; this only shows and asks."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.domain.plan import Plan, SectionKind
from recovery_desktop.ui.widgets.keys import widget_keys

UID_ROLE = Qt.ItemDataRole.UserRole


def section_line(title: str, hidden: bool) -> str:
    return f"{title} (hidden)" if hidden else title


class SectionList(QWidget):
    """Titles in the plan's order, hidden ones greyed with "(hidden)". ``chosen(uid)`` when
    another section is selected; the ``*_wanted`` signals ask the page to change the plan."""

    chosen = Signal(str)
    rename_wanted = Signal()
    move_wanted = Signal(int)
    hide_wanted = Signal()
    add_wanted = Signal()
    remove_wanted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._filling = False
        self.view = QListWidget(self)
        self.view.setObjectName("planSections")
        self.view.setAccessibleName("Sections of my plan")
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setWordWrap(True)
        self.view.setSpacing(2)
        self.view.currentItemChanged.connect(self._current_changed)
        self.rename_button = self._button(
            "Re&name…", "Rename the section (F2)", self.rename_wanted.emit
        )
        self.up_button = self._button(
            "Up", "Move the section up (Alt+Up)", lambda: self.move_wanted.emit(-1)
        )
        self.down_button = self._button(
            "Down", "Move the section down (Alt+Down)", lambda: self.move_wanted.emit(1)
        )
        self.hide_button = self._button("&Hide", "Hide or show the section", self.hide_wanted.emit)
        self.add_button = self._button(
            "Add section…", "Add a section of your own", self.add_wanted.emit
        )
        self.remove_button = self._button(
            "Remove…", "Remove a section you added", self.remove_wanted.emit
        )
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.rename_button, 0, 0)
        grid.addWidget(self.hide_button, 0, 1)
        grid.addWidget(self.up_button, 1, 0)
        grid.addWidget(self.down_button, 1, 1)
        grid.addWidget(self.add_button, 2, 0)
        grid.addWidget(self.remove_button, 2, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addLayout(grid)
        widget_keys(
            self.view,
            (
                ("F2", self.rename_wanted.emit),
                ("Alt+Up", lambda: self.move_wanted.emit(-1)),
                ("Alt+Down", lambda: self.move_wanted.emit(1)),
            ),
        )

    def _button(self, text: str, tip: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text, self)
        button.setToolTip(tip)
        button.clicked.connect(slot)
        return button

    def show_plan(self, plan: Plan, current: str) -> None:
        """List ``plan``'s sections and select the one with uid ``current`` (else the
        first)."""
        self._filling = True
        try:
            self.view.clear()
            grey = self.palette().placeholderText()
            for section in plan.sections:
                item = QListWidgetItem(section_line(section.title, section.hidden), self.view)
                item.setData(UID_ROLE, section.uid)
                item.setToolTip(section_line(section.title, section.hidden))
                if section.hidden:
                    item.setForeground(grey)
            rows = [s.uid for s in plan.sections]
            self.view.setCurrentRow(rows.index(current) if current in rows else 0)
        finally:
            self._filling = False
        self.update_buttons(plan)

    def update_buttons(self, plan: Plan) -> None:
        row = self.view.currentRow()
        count = len(plan.sections)
        section = plan.sections[row] if 0 <= row < count else None
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < count - 1)
        self.hide_button.setText("S&how" if section is not None and section.hidden else "&Hide")
        self.remove_button.setEnabled(section is not None and section.kind is SectionKind.CUSTOM)
        self.rename_button.setEnabled(section is not None)
        self.hide_button.setEnabled(section is not None)

    def current_uid(self) -> str:
        item = self.view.currentItem()
        return str(item.data(UID_ROLE)) if item is not None else ""

    def lines(self) -> list[str]:
        """The lines shown, in order."""
        return [self.view.item(row).text() for row in range(self.view.count())]

    def _current_changed(self, item: QListWidgetItem | None, _before: object) -> None:
        if item is not None and not self._filling:
            self.chosen.emit(str(item.data(UID_ROLE)))
