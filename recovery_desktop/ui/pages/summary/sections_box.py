"""The Weekly summary's "Sections to print": one switch per section."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QGroupBox, QVBoxLayout, QWidget

from recovery_desktop.reports.sections import SECTIONS


class SectionsBox(QGroupBox):
    """``boxes``: the switch of each section by key, in the summary's order."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Sections to print", parent)
        layout = QVBoxLayout(self)
        self.boxes: dict[str, QCheckBox] = {}
        for spec in SECTIONS:
            text = spec.title + (" (private unless you tick it)" if spec.key == "notes" else "")
            check = QCheckBox(text, self)
            self.boxes[spec.key] = check
            layout.addWidget(check)
