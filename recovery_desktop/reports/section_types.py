"""What a summary section is, and what every section draws from."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from recovery_desktop.domain.day_trends import DaysSummary
from recovery_desktop.domain.journal_entries import JournalEntry
from recovery_desktop.domain.plan import PlanVersion
from recovery_desktop.domain.summary import Summary, SummaryNotes
from recovery_desktop.domain.summary_events import EventsSummary
from recovery_desktop.domain.visits_read import VisitsInputs


@dataclass(frozen=True)
class SummaryContext:
    """What the sections draw from; ``images`` maps chart keys to image sources.

    ``show_names`` lets the people section name the people reached (off by default);
    ``plan_versions`` are the plan's versions kept in the period, oldest first;
    ``visits`` the period's medication and appointments; ``shared_entries`` the journal
    entries of the period the user chose to share (never a private one), each printed up
    to ``shared_characters`` of its text (None: the section's full length,
    ``sections_journal.SHARED_CHARACTERS``; 0: its title and date only).
    """

    summary: Summary
    notes: SummaryNotes = field(default_factory=SummaryNotes)
    previous_goals: tuple[str, ...] = ()
    images: dict[str, str] = field(default_factory=dict)
    events: EventsSummary = field(default_factory=EventsSummary)
    days: DaysSummary = field(default_factory=DaysSummary)
    show_names: bool = False
    plan_versions: tuple[PlanVersion, ...] = ()
    visits: VisitsInputs = field(default_factory=VisitsInputs)
    shared_entries: tuple[JournalEntry, ...] = ()
    shared_characters: int | None = None


@dataclass(frozen=True)
class SectionSpec:
    """One section; ``recorded`` sections show what happened in the period, so a period
    that has not started leaves them out (the user's own lists stay). An
    ``omit_when_empty`` section prints nothing at all, not even its title, when its data
    is empty. ``needs``: the kind
    of record the section is about (``domain.visits_read.MEDICATION``…), when it is offered
    only in a journal that holds such records; ``left_out_with``: kinds of record in whose
    presence (all of them) the section is not offered, other sections saying what it would.
    ``retitle``: the heading (and switch) in a journal holding the given kinds, when it
    depends on them; else ``title``."""

    key: str
    title: str
    default_on: bool
    data: Callable[[SummaryContext], Any]  # falsy: the section prints ``empty_text``
    html: Callable[[Any], str]
    empty_text: str
    charts: tuple[str, ...] = ()
    recorded: bool = True
    omit_when_empty: bool = False
    needs: str | None = None
    left_out_with: frozenset[str] = frozenset()
    retitle: Callable[[frozenset[str]], str] | None = None

    def title_for(self, held: frozenset[str]) -> str:
        """The heading in a journal holding the kinds of record ``held``."""
        return self.retitle(held) if self.retitle is not None else self.title
