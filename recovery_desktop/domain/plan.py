"""The private aftercare plan: its sections, their structured parts, and saved versions.

A plan is an ordered list of sections. Each holds Markdown text (what the rich-text editor
reads and writes through ``QTextDocument.toMarkdown``/``setMarkdown``); some kinds also hold
structured parts: pairs ("early warning signs and what I do", "my triggers and how I
respond") and links to support contacts (by the contact's stable ``uid``, so a renamed
contact shows its new name and an archived one is shown as such).

Why a plan: the relapse-prevention guides in ``shared/seeds/`` name a personal aftercare plan
as the best protection against relapse, and not following it as a common path back to use
(PRODUCT feature 8).
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field, replace
from datetime import datetime

MAX_TITLE_CHARACTERS = 80
MAX_BODY_CHARACTERS = 100_000  # about 30 printed pages; one section is never longer
MAX_PAIR_CHARACTERS = 300
MAX_PAIRS = 100
MAX_LABEL_CHARACTERS = 120
MAX_SECTIONS = 40


class PlanError(ValueError):
    """A section, pair or version label that cannot be saved, in plain words."""


class SectionKind(enum.Enum):
    """What a section is about; the value is stored. ``CUSTOM`` sections are the user's own."""

    REASONS = "reasons"
    TRIGGERS = "triggers"
    WARNING_SIGNS = "warning_signs"
    COPING = "coping"
    ROUTINE = "routine"
    SUPPORT = "support"
    MEETINGS = "meetings"
    MEDICATION = "medication"
    HARD_TIMES = "hard_times"
    CRISIS = "crisis"
    AFTER_LAPSE = "after_lapse"
    CUSTOM = "custom"

    @property
    def has_pairs(self) -> bool:
        """Whether the section holds a table of pairs (sign → what I do)."""
        return self in (SectionKind.TRIGGERS, SectionKind.WARNING_SIGNS)

    @property
    def has_contacts(self) -> bool:
        """Whether the section holds links to support contacts."""
        return self is SectionKind.SUPPORT

    @property
    def pair_headings(self) -> tuple[str, str]:
        """The two column headings of the section's pairs."""
        if self is SectionKind.TRIGGERS:
            return ("Trigger", "How I respond")
        return ("Warning sign", "What I do")


# The default sections, in their default order, with their default titles.
DEFAULT_TITLES: dict[SectionKind, str] = {
    SectionKind.REASONS: "My reasons for recovery",
    SectionKind.TRIGGERS: "My triggers and how I respond",
    SectionKind.WARNING_SIGNS: "Early warning signs and what I do",
    SectionKind.COPING: "My coping toolbox",
    SectionKind.ROUTINE: "My daily routine",
    SectionKind.SUPPORT: "My support people",
    SectionKind.MEETINGS: "Meetings and groups",
    SectionKind.MEDICATION: "Medication and appointments",
    SectionKind.HARD_TIMES: "When things are getting hard",
    SectionKind.CRISIS: "My crisis plan",
    SectionKind.AFTER_LAPSE: "After a lapse",
}


@dataclass(frozen=True)
class PlanPair:
    """One row of a pairs table: ``first`` (a warning sign, a trigger) and ``second``
    (what I do, how I respond). Either may be empty while the user types."""

    first: str
    second: str = ""

    @property
    def is_empty(self) -> bool:
        return not self.first.strip() and not self.second.strip()


@dataclass(frozen=True)
class PlanSection:
    """One section of the plan. ``uid`` is stable (32 hex digits) across versions, export
    and import; ``body`` is Markdown; ``pairs`` only for kinds with ``has_pairs``;
    ``contacts`` (contact uids, in the order shown) only for ``has_contacts``;
    ``dismissed`` holds the template suggestions the user accepted or dismissed, which are
    not offered again."""

    uid: str
    kind: SectionKind
    title: str
    body: str = ""
    hidden: bool = False
    pairs: tuple[PlanPair, ...] = ()
    contacts: tuple[str, ...] = ()
    dismissed: tuple[str, ...] = ()

    def validate(self) -> None:
        """Raise :class:`PlanError` for a section that cannot be saved."""
        if not self.title.strip():
            raise PlanError("Please give the section a title.")
        if len(self.title) > MAX_TITLE_CHARACTERS:
            raise PlanError(f"Section titles can be at most {MAX_TITLE_CHARACTERS} characters.")
        if len(self.body) > MAX_BODY_CHARACTERS:
            raise PlanError(
                f"A section can hold at most {MAX_BODY_CHARACTERS:,} characters; "
                "please split it into two sections."
            )
        if len(self.pairs) > MAX_PAIRS:
            raise PlanError(f"A table can hold at most {MAX_PAIRS} rows.")
        for pair in self.pairs:
            if max(len(pair.first), len(pair.second)) > MAX_PAIR_CHARACTERS:
                raise PlanError(
                    f"Each entry in the table can be at most {MAX_PAIR_CHARACTERS} characters."
                )

    @property
    def is_empty(self) -> bool:
        """True when nothing is written in it: no text, no non-empty pair, no linked person."""
        return not self.body.strip() and all(p.is_empty for p in self.pairs) and not self.contacts

    def with_body(self, body: str) -> PlanSection:
        return replace(self, body=body)


@dataclass(frozen=True)
class Plan:
    """The whole plan: sections in the order shown (hidden ones included)."""

    sections: tuple[PlanSection, ...] = ()

    @property
    def visible(self) -> tuple[PlanSection, ...]:
        """The sections printed and shown in the document (not hidden)."""
        return tuple(s for s in self.sections if not s.hidden)

    def section(self, uid: str) -> PlanSection:
        """The section with ``uid``; ``KeyError`` if there is none."""
        for found in self.sections:
            if found.uid == uid:
                return found
        raise KeyError(uid)

    def of_kind(self, kind: SectionKind) -> PlanSection | None:
        """The first section of ``kind`` (hidden or not), if any."""
        return next((s for s in self.sections if s.kind is kind), None)

    @property
    def is_empty(self) -> bool:
        """True when nothing has been written anywhere (a fresh template)."""
        return all(s.is_empty for s in self.sections)


class VersionReason(enum.Enum):
    """Why a version was kept; the value is stored."""

    AUTOMATIC = "automatic"  # the content changed meaningfully while editing
    SAVED = "saved"  # the user chose "Save version" (with an optional label)
    BEFORE_RESTORE = "before_restore"  # the plan as it was just before a restore
    RESTORED = "restored"  # the plan after restoring an older version
    IMPORTED = "imported"


@dataclass(frozen=True)
class PlanVersion:
    """A saved copy of the whole plan. ``number`` counts from 1 in the order kept;
    ``saved_at`` is local time without a zone (as the user saw it); ``changed`` lists the
    titles of the sections that differ from the version before (for the first, those with
    something written); ``plan`` is the full snapshot (read only when asked for: see the
    repository). ``private_changed`` counts changed sections left out of ``changed``
    because they are hidden in the plan now (only in versions read for the summary)."""

    id: int
    number: int
    saved_at: datetime
    reason: VersionReason
    label: str = ""
    changed: tuple[str, ...] = ()
    plan: Plan | None = field(default=None, compare=False)
    private_changed: int = 0


@dataclass(frozen=True)
class PlanContact:
    """A support contact as the plan shows it, read live from People: ``uid`` the
    contact's stable id; ``missing`` when the contact was deleted (its uid is kept in the
    plan, shown as "no longer in People")."""

    uid: str
    name: str
    role: str = ""
    phone: str = ""
    archived: bool = False
    missing: bool = False


_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])\s+(.*\S)\s*$")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_)(\S(?:.*?\S)?)\1")
_ASIDE = 0xF0000  # a private-use plane: escaped characters wait there while emphasis goes
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>|~])")


def toolbox_steps(plan: Plan, limit: int = 8) -> tuple[str, ...]:
    """The first ``limit`` list items of the plan's coping toolbox (a visible COPING
    section), as plain words: the steps the craving panel shows from the user's own plan
    (PRODUCT feature 2). Markdown emphasis, links and escapes are taken off; a toolbox
    written as paragraphs, or hidden, gives none."""
    section = plan.of_kind(SectionKind.COPING)
    if section is None or section.hidden:
        return ()
    steps: list[str] = []
    for line in section.body.splitlines():
        found = _LIST_ITEM.match(line)
        if found is None:
            continue
        # Escaped characters ("\*") are set aside first, so they never end an emphasis.
        words = _ESCAPE.sub(lambda m: chr(_ASIDE + ord(m.group(1))), found.group(1))
        words = _EMPHASIS.sub(r"\2", _LINK.sub(r"\1", words))
        words = "".join(
            chr(ord(c) - _ASIDE) if _ASIDE <= ord(c) < _ASIDE + 128 else c for c in words
        ).strip()
        if words and words not in steps:
            steps.append(words)
        if len(steps) == limit:
            break
    return tuple(steps)
