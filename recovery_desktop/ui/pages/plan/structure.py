"""Changing the plan's sections: rename, move, hide or show, add one of your own, remove one
of your own (after asking). Each change is saved at once, after the text on screen."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QFormLayout, QLineEdit, QMessageBox, QVBoxLayout, QWidget

from recovery_desktop.data.errors import JournalError
from recovery_desktop.domain.plan import MAX_TITLE_CHARACTERS, Plan, PlanError, SectionKind
from recovery_desktop.domain.wording import quoted
from recovery_desktop.ui.widgets.layout import ok_cancel
from recovery_desktop.ui.widgets.passphrase import ErrorLabel

if TYPE_CHECKING:
    from recovery_desktop.ui.pages.plan.page import PlanPage


class TitleDialog(QDialog):
    """A section's title: a new one (Add section) or a new name (Rename)."""

    def __init__(self, window_title: str, title: str, ok_text: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle(window_title)
        self.field = QLineEdit(title, self)
        self.field.setMaxLength(MAX_TITLE_CHARACTERS)
        self.field.setAccessibleName("Title of the section")
        self.field.selectAll()
        self.error = ErrorLabel(self)
        form = QFormLayout()
        form.addRow("&Title:", self.field)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel(self, ok_text))
        self.setMinimumWidth(420)

    def accept(self) -> None:
        if not self.field.text().strip():
            self.error.setText("Please give the section a title.")
            return
        super().accept()

    def title(self) -> str:
        return self.field.text().strip()


def ask_title(dialog: TitleDialog) -> str | None:
    try:
        return dialog.title() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


def confirm_remove(parent: QWidget, title: str) -> bool:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle("Remove section")
    box.setText(f"Remove the section {quoted(title)} from your plan?")
    box.setInformativeText(
        "The versions of your plan kept so far still hold it, so History can bring it back."
    )
    remove = box.addButton("&Remove", QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton("&Keep it", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    try:
        box.exec()
        return box.clickedButton() is remove
    finally:
        box.deleteLater()


class Structure(QObject):
    """Answers the section list's buttons and keys for ``page``."""

    def __init__(self, page: PlanPage) -> None:
        super().__init__(page)
        self.page = page
        self.ask_title: Callable[[TitleDialog], str | None] = ask_title
        self.confirm: Callable[[QWidget, str], bool] = confirm_remove
        sections = page.sections
        sections.rename_wanted.connect(self.rename)
        sections.move_wanted.connect(self.move)
        sections.hide_wanted.connect(self.toggle_hidden)
        sections.add_wanted.connect(self.add)
        sections.remove_wanted.connect(self.remove)

    def _plan(self) -> Plan:
        """The plan with the section on screen as it is there."""
        shown = self.page.editor.current()
        return replace(
            self.page.plan,
            sections=tuple(shown if s.uid == shown.uid else s for s in self.page.plan.sections),
        )

    def _index(self, plan: Plan) -> int:
        uids = [s.uid for s in plan.sections]
        uid = self.page.editor.uid
        return uids.index(uid) if uid in uids else -1

    def rename(self) -> None:
        plan = self._plan()
        index = self._index(plan)
        if index < 0:
            return
        section = plan.sections[index]
        title = self.ask_title(TitleDialog("Rename section", section.title, "Rename", self.page))
        if title is None or title == section.title:
            return
        self._save(plan, index, replace(section, title=title))

    def toggle_hidden(self) -> None:
        plan = self._plan()
        index = self._index(plan)
        if index >= 0:
            section = plan.sections[index]
            self._save(plan, index, replace(section, hidden=not section.hidden))

    def _save(self, plan: Plan, index: int, section: object) -> None:
        sections = list(plan.sections)
        sections[index] = section  # type: ignore[call-overload]
        self.page.save_plan(Plan(tuple(sections)))

    def move(self, delta: int) -> None:
        plan = self._plan()
        index = self._index(plan)
        target = index + delta
        if index < 0 or not 0 <= target < len(plan.sections):
            return
        sections = list(plan.sections)
        sections[index], sections[target] = sections[target], sections[index]
        self.page.save_plan(Plan(tuple(sections)))
        self.page.sections.view.setFocus()

    def add(self) -> None:
        """A section of your own, after the one shown."""
        title = self.ask_title(TitleDialog("Add a section", "", "Add section", self.page))
        if title is None or not self.page.save_now():
            return
        try:
            added = self.page.repository.add_section(title, after_uid=self.page.editor.uid)
        except (JournalError, PlanError) as error:
            self.page.status.set_state("error", f"Not added: {error}")
            return
        self.page.reload()
        self.page.choose(added.uid)
        self.page.sections.show_plan(self.page.plan, added.uid)
        self.page.editor.body.text.setFocus()

    def remove(self) -> None:
        """Remove the shown section if it is one of the user's own, after asking."""
        plan = self._plan()
        index = self._index(plan)
        if index < 0 or plan.sections[index].kind is not SectionKind.CUSTOM:
            return
        if not self.confirm(self.page, plan.sections[index].title):
            return
        sections = list(plan.sections)
        del sections[index]
        self.page.save_plan(Plan(tuple(sections)), select=sections[max(0, index - 1)].uid)
