"""Two plans side by side, section by section, with what changed highlighted.

Removed lines are on the left with a red tint and a "−", added lines on the right with a
green tint and a "+", so the two are told apart without colour too. Unchanged sections are
folded to their title and "unchanged" while "Show only changed sections" is on (the
default). The text is read-only and scrolls with the keyboard; Esc closes the window.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.domain.plan import Plan, PlanContact
from recovery_desktop.domain.plan_versions import compare_plans
from recovery_desktop.ui.pages.plan.compare_rows import (
    DARK,
    LIGHT,
    compare_html,
    section_notes,
    summary_line,
)
from recovery_desktop.ui.theme import is_dark
from recovery_desktop.ui.window_size import fit_to_screen

WIDTH, HEIGHT = 980, 640


class CompareDialog(QDialog):
    """``old`` and ``new`` side by side; ``titles`` names the two sides ("Version 3 · …",
    "Your plan now"): the app's own words, never journal text. ``contacts`` (uid → live
    contact) names support contacts; without it they read "A contact"."""

    def __init__(
        self,
        old: Plan,
        new: Plan,
        titles: tuple[str, str],
        contacts: Mapping[str, PlanContact] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.titles = titles
        self.diffs = compare_plans(old, new, contacts)
        self.notes = section_notes(old, new)
        self.setWindowTitle("Compare versions of my plan")
        self.summary = QLabel(summary_line(self.diffs), self)
        self.summary.setWordWrap(True)
        self.only_changed = QCheckBox("Show only &changed sections", self)
        self.only_changed.setChecked(True)
        self.only_changed.toggled.connect(lambda _on: self.show_diffs())
        self.text = QTextBrowser(self)
        self.text.setAccessibleName("The two versions, section by section")
        self.text.setOpenLinks(False)
        self.text.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        legend = QLabel(
            "Left: the older text, lines taken out marked − (red). Right: the newer text, "
            "lines put in marked + (green).",
            self,
        )
        legend.setObjectName("hintLabel")
        legend.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(legend)
        layout.addWidget(self.only_changed)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.show_diffs()
        fit_to_screen(self, WIDTH, HEIGHT)
        self.text.setFocus()

    def show_diffs(self) -> None:
        """Write the comparison again (after "Show only changed sections" was switched);
        the reading position goes back to the top."""
        tints = DARK if is_dark(self.palette()) else LIGHT
        self.text.setHtml(
            compare_html(self.diffs, self.notes, self.titles, self.only_changed.isChecked(), tints)
        )


def compare_dialog(
    parent: QWidget | None,
    old: Plan,
    new: Plan,
    titles: tuple[str, str],
    contacts: Mapping[str, PlanContact] | None = None,
) -> None:
    """Show ``old`` beside ``new`` until the user closes the window (Esc, Close)."""
    dialog = CompareDialog(old, new, titles, contacts, parent)
    dialog.exec()
    dialog.deleteLater()
