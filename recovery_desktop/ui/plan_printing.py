"""The plan and its crisis card on paper and in PDF files, through the weekly summary's own
printing path (:mod:`recovery_desktop.ui.printing`): the same layout, footer, page-length
guard (:class:`~recovery_desktop.ui.printing.SummaryTooLong`) and whole-or-nothing files.

The crisis card is always exactly one page: it is laid out at the largest type size from
:data:`CARD_POINT_SIZES` that fits one page of the paper; when even the smallest does not,
the crisis plan's text is cut (saying "the rest is in your plan"), then, only if that is not
enough, the warning signs are shortened and the list of crisis lines.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QPageLayout
from PySide6.QtPrintSupport import QPrinter

from recovery_desktop.data.output_places import AppFolders
from recovery_desktop.reports.plan_html import (
    CardCut,
    PlanPrintInputs,
    crisis_card_document,
    crisis_text,
    plan_document,
    read_plan_inputs,
)
from recovery_desktop.reports.summary_service import BuiltSummary
from recovery_desktop.ui.printing import (
    PrintError,
    SummaryTooLong,
    fits,
    page_layout,
    print_to,
    write_pdf,
)

if TYPE_CHECKING:
    from recovery_desktop.data.journal import Journal

CARD_POINT_SIZES = tuple(range(20, 9, -1))  # 20 pt down to 10 pt
LARGE_POINT_SIZE = 16  # the card's type stays at least this large while cutting can help
ENOUGH_CRISIS_CHARACTERS = 200  # the crisis plan's start worth keeping large
SHORT_SIGN_CHARACTERS = 80


class PlanTooLong(PrintError):
    """The plan runs past what Qt can lay out (thousands of pages); nothing is printed."""

    def __init__(self, too_long: SummaryTooLong) -> None:
        super().__init__(
            f"This plan is too long to print: it runs past {too_long.pages:,} pages, the "
            "most that can be laid out in one document, so its end would be missing. "
            "Hide the longest sections for printing, or split them."
        )


def write_plan_pdf(built: BuiltSummary, path: Path, size_name: str, folders: AppFolders) -> int:
    """:func:`~.printing.write_pdf` for the plan or its card; :class:`PlanTooLong` instead
    of the summary's words when it is too long."""
    try:
        return write_pdf(built, path, size_name, folders)
    except SummaryTooLong as error:
        raise PlanTooLong(error) from error


def print_plan_to(built: BuiltSummary, printer: QPrinter, folders: AppFolders) -> int:
    """:func:`~.printing.print_to` for the plan or its card (see :func:`write_plan_pdf`)."""
    try:
        return print_to(built, printer, folders)
    except SummaryTooLong as error:
        raise PlanTooLong(error) from error


def plan_built(inputs: PlanPrintInputs) -> BuiltSummary:
    """The whole plan (visible sections), ready for :func:`~.printing.write_pdf`,
    :func:`~.printing.print_to` or a preview; it may run to many pages."""
    return BuiltSummary(plan_document(inputs), {})


def crisis_card_built(inputs: PlanPrintInputs, size_name: str) -> BuiltSummary:
    """The crisis card on one page of ``size_name`` ("A4" or "Letter")."""
    return crisis_card_for(inputs, page_layout(size_name))


def crisis_card_for(inputs: PlanPrintInputs, layout: QPageLayout) -> BuiltSummary:
    """The crisis card at the largest type that fits one page of ``layout``: from 20 pt
    down to :data:`LARGE_POINT_SIZE` whole; then the crisis plan cut at that size (the
    rest is in the plan) when enough of it fits; only then smaller type, down to
    :data:`CARD_POINT_SIZES`' smallest, and cuts there."""
    for size in CARD_POINT_SIZES:
        if size < LARGE_POINT_SIZE:
            large = _cut_at(inputs, LARGE_POINT_SIZE, layout)
            if large is not None:
                return large
        built = BuiltSummary(crisis_card_document(inputs, size), {})
        if _fits(built, layout):
            return built
    smallest = CARD_POINT_SIZES[-1]

    def card(cut: CardCut) -> BuiltSummary:
        return BuiltSummary(crisis_card_document(inputs, smallest, cut), {})

    text = len(crisis_text(inputs.plan))
    kept = _most_that_fits(text, lambda n: card(CardCut(n)), layout)
    if kept is not None:
        return card(CardCut(kept))
    short = CardCut(0, None, SHORT_SIGN_CHARACTERS)
    if _fits(card(short), layout):
        return card(short)
    lines = len(inputs.crisis_lines)
    kept = _most_that_fits(lines, lambda n: card(CardCut(0, n, SHORT_SIGN_CHARACTERS)), layout)
    return card(CardCut(0, kept or 0, SHORT_SIGN_CHARACTERS))


def _cut_at(inputs: PlanPrintInputs, size: int, layout: QPageLayout) -> BuiltSummary | None:
    """The card at ``size`` with as much of the crisis plan as fits, when that is at least
    its first :data:`ENOUGH_CRISIS_CHARACTERS` (large type, the rest in the plan: a card
    read in a crisis must stay easy to read); None otherwise."""
    text = len(crisis_text(inputs.plan))

    def card(kept: int) -> BuiltSummary:
        return BuiltSummary(crisis_card_document(inputs, size, CardCut(kept)), {})

    kept = _most_that_fits(text, card, layout)
    if kept is None or kept < min(text, ENOUGH_CRISIS_CHARACTERS):
        return None
    return card(kept)


def _fits(built: BuiltSummary, layout: QPageLayout) -> bool:
    return fits(built, layout, 1)


def _most_that_fits(
    most: int, card: Callable[[int], BuiltSummary], layout: QPageLayout
) -> int | None:
    """The largest n in 0..most whose ``card(n)`` is one page (a binary search: fitting
    only gets easier as less is kept), or None when not even ``card(0)`` fits."""
    if not _fits(card(0), layout):
        return None
    low, high = 0, most
    while low < high:
        middle = (low + high + 1) // 2
        if _fits(card(middle), layout):
            low = middle
        else:
            high = middle - 1
    return low


def save_plan_pdf(
    journal: Journal, pdf: Path, crisis_card: bool = False, page_size: str | None = None
) -> int:
    """Write the plan (or its crisis card) of ``journal`` as a PDF at ``pdf``, whole or not
    at all, on ``page_size`` (default: the printer's or the system's paper); returns the
    number of pages. Raises :class:`~recovery_desktop.data.errors.StorageProblem` naming the
    file and the reason, or saying the plan is too long to lay out;
    :class:`~recovery_desktop.data.output_files.OutputProblem` before anything is written
    when ``pdf`` lies among the journal's own files."""
    from recovery_desktop.data.errors import StorageProblem
    from recovery_desktop.ui.printing import default_page_size_name
    from recovery_desktop.ui.report_files import ensure_gui_application

    ensure_gui_application()
    paper = page_size or default_page_size_name()
    inputs = read_plan_inputs(journal, date.today())
    built = crisis_card_built(inputs, paper) if crisis_card else plan_built(inputs)
    try:
        return write_plan_pdf(built, pdf, paper, journal.files.app_folders())
    except PrintError as error:
        raise StorageProblem(f"{error} Nothing was saved.") from error
