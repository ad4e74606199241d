"""The Weekly summary's "Sections to print": one switch per section. A section about a
kind of record the journal has never held (medication, appointments) is not offered until
it holds one; it keeps its switch meanwhile, so it is on by default once offered."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QGroupBox, QVBoxLayout, QWidget

from recovery_desktop.reports.sections import SECTIONS
from recovery_desktop.reports.summary_html import offered


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

    def offer(self, held: frozenset[str]) -> None:
        """Show the switches of the sections offered for a journal holding ``held``, each
        named as its heading prints there."""
        for spec in SECTIONS:
            box = self.boxes[spec.key]
            box.setVisible(offered(spec, held))
            if spec.retitle is not None:
                box.setText(spec.title_for(held))
