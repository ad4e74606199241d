"""The Plan page's buttons that open other parts of the plan's work: its history and
saved versions, and printing. Each is wired only where it is built."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from recovery_desktop.ui.pages.plan.page import PlanPage

# compare(parent, old plan, new plan, (old title, new title)), once built
compare: Callable[..., Any] | None = None


def actions(page: PlanPage) -> dict[str, Callable[[], object]]:
    """The page's buttons that work, by key ("history", "save_version", "print", "pdf",
    "crisis_card")."""
    found: dict[str, Callable[[], object]] = {}
    output = page.output
    if output is not None:
        found["print"] = lambda: output.print_plan(page)
        found["pdf"] = lambda: output.save_plan_pdf(page)
        found["crisis_card"] = lambda: output.save_crisis_card(page)
    return found
