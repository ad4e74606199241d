"""The Plan page's buttons that open the plan's other parts: its history and saved
versions (``history.py``, ``save_version.py``, ``compare_view.py``) and its printouts
(``plan_output.py``). The text on screen is saved first, so each sees what the user sees."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMenu

from recovery_desktop.data.errors import JournalError
from recovery_desktop.domain.plan import Plan, PlanContact
from recovery_desktop.ui.pages.plan.compare_view import compare_dialog
from recovery_desktop.ui.pages.plan.history import open_history
from recovery_desktop.ui.pages.plan.save_version import save_version_dialog

if TYPE_CHECKING:
    from recovery_desktop.ui.pages.plan.page import PlanPage


def compare(page: PlanPage, old: Plan, new: Plan, titles: tuple[str, str]) -> None:
    """``old`` beside ``new``, support people by their names in People now."""
    uids = {uid for plan in (old, new) for s in plan.sections for uid in s.contacts}
    try:
        people: dict[str, PlanContact] = {
            c.uid: c for c in page.repository.contacts_for(sorted(uids))
        }
    except JournalError:
        people = {}
    compare_dialog(page, old, new, titles, people)


def _saved_first(page: PlanPage, run: Callable[[], object]) -> Callable[[], None]:
    def saved_then_run() -> None:
        if page.save_now():
            run()

    return saved_then_run


def _save_version(page: PlanPage) -> None:
    version = save_version_dialog(page, page.repository)
    if version is not None:
        page.output_line.setText(f"Version {version.number} kept.")


def connect(page: PlanPage) -> None:
    """Wire History…, Save version…, Print…, Save as PDF… and Crisis card… of ``page``
    (the printouts only when the page was given its output)."""
    buttons = page.buttons
    buttons["history"].clicked.connect(
        _saved_first(page, lambda: open_history(page, page.repository))
    )
    buttons["save_version"].clicked.connect(_saved_first(page, lambda: _save_version(page)))
    for key in ("history", "save_version"):
        buttons[key].show()
    output = page.output
    if output is None:
        return
    output.said.connect(page.output_line.setText)
    buttons["print"].clicked.connect(_saved_first(page, lambda: output.print_plan(page)))
    buttons["pdf"].clicked.connect(_saved_first(page, lambda: output.save_plan_pdf(page)))
    card = buttons["crisis_card"]
    menu = QMenu(card)
    menu.addAction(
        "&Print the crisis card…", _saved_first(page, lambda: output.print_crisis_card(page))
    )
    menu.addAction(
        "&Save the crisis card as PDF…", _saved_first(page, lambda: output.save_crisis_card(page))
    )
    card.setMenu(menu)
    for key in ("print", "pdf", "crisis_card"):
        buttons[key].show()
