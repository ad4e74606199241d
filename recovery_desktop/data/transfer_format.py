"""The export format (docs/export-format.md): its kinds, their fields, and the rules each
field's value follows. Export writes what this module describes; import checks against it.

A kind is stored in one table. Records of kinds with integer ids carry their stable id
(``uid``, 32 lower-case hex digits) as ``"id"``; check-ins, summary notes and preferences
are named by their natural keys (``day``, ``period_key``, ``key``). References between
records name the other record's stable id.
"""

from __future__ import annotations

from recovery_desktop.data.transfer_fields import (
    CREATED,
    ID,
    MAX_LIST_ITEMS,
    MAX_POSITION,
    NAME_CHARACTERS,
    NOTE_CHARACTERS,
    POSITION,
    PREFERENCE_CHARACTERS,
    STAMP_CHARACTERS,
    UPDATED,
    Field,
    ImportProblem,
    Kind,
    Type,
    flag,
    ref,
    score,
    text,
)
from recovery_desktop.data.transfer_journal import JOURNAL_KINDS
from recovery_desktop.data.transfer_medication import MEDICATION_KINDS
from recovery_desktop.domain.day_plan import (
    LAST_MINUTE,
    MAX_NOTE_CHARACTERS,
    MAX_TITLE_CHARACTERS,
    BlockCategory,
)
from recovery_desktop.domain.plan import (
    MAX_BODY_CHARACTERS,
    MAX_LABEL_CHARACTERS,
    MAX_PAIR_CHARACTERS,
    SectionKind,
    VersionReason,
)
from recovery_desktop.domain.plan import MAX_TITLE_CHARACTERS as MAX_SECTION_TITLE

FORMAT = "recovery-desktop-export"
VERSION = 5
"""Raised whenever a change would make an older version misread a file; an older version
refuses a file with a higher version ("made by a newer version; please update").
Version 2 added My day's ``day_blocks`` and ``day_template_blocks``; version 3 the
aftercare plan (``plan_sections``, ``plan_pairs``, ``plan_contacts``, ``plan_versions``);
version 4 medication and visits (``medications``, ``medication_schedules``,
``medication_doses``, ``taper_notes``, ``appointments``); version 5 the journal's
``journal_entries``. Older files (without them) are read as before."""

MAX_FILE_BYTES = 64 * 1024 * 1024
"""The largest file import reads (64 MB): about a thousand years of daily check-ins."""

CHECKINS = Kind(
    "checkins",
    "checkins",
    (
        Field("day", Type.DAY),
        score("mood"),
        score("craving_peak"),
        score("stress"),
        Field("sleep_hours", Type.REAL, nullable=True, low=0, high=24),
        score("sleep_quality"),
        score("energy"),
        flag("halt_hungry", False),
        flag("halt_angry", False),
        flag("halt_lonely", False),
        flag("halt_tired", False),
        flag("used"),
        flag("meeting"),
        flag("therapy"),
        flag("medication_taken"),
        Field("exercise_minutes", Type.INT, nullable=True, low=0, high=1440),
        text("note"),
        CREATED,
        UPDATED,
    ),
    "day",
)
SUMMARY_NOTES = Kind(
    "summary_notes",
    "summary_notes",
    (
        Field("period_key", Type.NAME, limit=NAME_CHARACTERS),
        Field("start", Type.DAY),
        Field("end", Type.DAY),
        Field("talk_about", Type.TEXT_LIST, limit=NOTE_CHARACTERS),
        Field("goals", Type.TEXT_LIST, limit=NOTE_CHARACTERS),
        UPDATED,
    ),
    "period_key",
)
PREFERENCES = Kind(
    "preferences",
    "preferences",
    (Field("key", Type.NAME, limit=NAME_CHARACTERS), Field("value", Type.JSON)),
    "key",
)
LIBRARY_ITEMS = Kind(
    "library_items",
    "library_items",
    (
        ID,
        Field("kind", Type.CHOICE, choices=("trigger", "coping")),
        Field("name", Type.NAME, limit=NAME_CHARACTERS),
        text("category", NAME_CHARACTERS),
        POSITION,
        flag("archived", False),
        flag("favourite", False),
    ),
    "kind, position, uid",
)
CRAVINGS = Kind(
    "cravings",
    "cravings",
    (
        ID,
        Field("started_at", Type.MOMENT),
        score("intensity"),
        text("place"),
        text("with_whom"),
        text("thoughts"),
        score("intensity_after"),
        Field("outcome", Type.CHOICE, nullable=True, choices=("passed", "used")),
        Field("duration_minutes", Type.INT, nullable=True, low=0, high=1440),
        CREATED,
        UPDATED,
    ),
    "started_at, uid",
    day_from="started_at",
    has_tags=True,
)
CONTACTS = Kind(
    "contacts",
    "contacts",
    (
        ID,
        Field("name", Type.NAME, limit=NAME_CHARACTERS),
        text("role", NAME_CHARACTERS),
        text("phone", NAME_CHARACTERS),
        text("email", NAME_CHARACTERS),
        text("notes"),
        POSITION,
        flag("archived", False),
    ),
    "position, uid",
)
REACH_OUTS = Kind(
    "reach_outs",
    "reach_outs",
    (
        ID,
        ref("contact", "contacts", "contact_id", nullable=False),
        Field("at", Type.MOMENT),
        Field("how", Type.CHOICE, choices=("call", "text", "in_person", "meeting", "online")),
        flag("helped"),
        text("note"),
        ref("craving", "cravings", "craving_id"),
    ),
    "at, uid",
    day_from="at",
)
CRISIS_LINES = Kind(
    "crisis_lines",
    "crisis_lines",
    (
        ID,
        text("name", NAME_CHARACTERS),
        text("number", NAME_CHARACTERS),
        text("details"),
        POSITION,
    ),
    "position, uid",
)
LAPSES = Kind(
    "lapses",
    "lapses",
    (
        ID,
        Field("at", Type.MOMENT),
        text("substance", NAME_CHARACTERS),
        text("what_used"),
        text("before"),
        text("would_help"),
        text("tell"),
        ref("craving", "cravings", "craving_id"),
        CREATED,
    ),
    "at, uid",
    day_from="at",
)
CLEAN_PERIODS = Kind(
    "clean_periods",
    "clean_periods",
    (
        ID,
        Field("substance", Type.NAME, limit=NAME_CHARACTERS),
        Field("start", Type.DAY),
        Field("end", Type.DAY, nullable=True),
        ref("lapse", "lapses", "lapse_id"),
        ref("started_by", "lapses", "started_by"),
    ),
    "substance, start, uid",
)


def _block_times() -> tuple[Field, ...]:
    """A time block's place and texts (My day, ``domain/day_plan.py``): minutes from the
    midnight that starts its day; import also checks that it ends after it starts and
    lasts at most a day, and that title and note hold no hidden characters."""
    return (
        Field("start", Type.INT, column="start_minute", low=0, high=LAST_MINUTE),
        Field("end", Type.INT, column="end_minute", low=1, high=LAST_MINUTE),
        Field("title", Type.NAME, limit=MAX_TITLE_CHARACTERS),
        Field("category", Type.CHOICE, choices=tuple(c.value for c in BlockCategory)),
        text("note", MAX_NOTE_CHARACTERS),
    )


DAY_BLOCKS = Kind(
    "day_blocks",
    "day_blocks",
    (ID, Field("day", Type.DAY), *_block_times(), flag("done", False), CREATED, UPDATED),
    "day, start_minute, uid",
)
DAY_TEMPLATE_BLOCKS = Kind(
    "day_template_blocks",
    "day_template_blocks",
    (ID, Field("weekday", Type.INT, low=0, high=6), *_block_times()),
    "weekday, start_minute, uid",
)

PLAN_SECTIONS = Kind(
    "plan_sections",
    "plan_sections",
    (
        ID,
        POSITION,
        Field("kind", Type.CHOICE, choices=tuple(k.value for k in SectionKind)),
        Field("title", Type.NAME, limit=MAX_SECTION_TITLE),
        text("body", MAX_BODY_CHARACTERS),
        flag("hidden", False),
        Field("dismissed", Type.TEXT_LIST, limit=NAME_CHARACTERS),
    ),
    "position, uid",
)
_SECTION_ORDER = "(SELECT s.position FROM plan_sections s WHERE s.id = section_id), position, uid"
PLAN_PAIRS = Kind(
    "plan_pairs",
    "plan_pairs",
    (
        ID,
        ref("section", "plan_sections", "section_id", nullable=False),
        POSITION,
        text("first", MAX_PAIR_CHARACTERS),
        text("second", MAX_PAIR_CHARACTERS),
    ),
    _SECTION_ORDER,
)
PLAN_CONTACTS = Kind(
    "plan_contacts",
    "plan_contacts",
    (
        ID,
        ref("section", "plan_sections", "section_id", nullable=False),
        POSITION,
        # The contact's stable id, kept even when People no longer holds it (the plan
        # shows "no longer in People"), so it is not a reference import resolves.
        Field("contact", Type.UID, column="contact_uid"),
    ),
    _SECTION_ORDER,
)
SNAPSHOT_CHARACTERS = 20_000_000
"""The most characters in one version's snapshot: forty sections at their longest, with
room for JSON's escapes."""
PLAN_VERSIONS = Kind(
    "plan_versions",
    "plan_versions",
    (
        ID,
        Field("saved_at", Type.MOMENT),
        Field("reason", Type.CHOICE, choices=tuple(r.value for r in VersionReason)),
        text("label", MAX_LABEL_CHARACTERS),
        Field("changed", Type.TEXT_LIST, limit=MAX_SECTION_TITLE),
        text("snapshot", SNAPSHOT_CHARACTERS),
    ),
    # The order they were kept in (two can share a minute); import inserts them in the
    # file's order, so export, import and export again give the same file.
    "saved_at, id",
)
PLAN_KINDS = ("plan_sections", "plan_pairs", "plan_contacts", "plan_versions")

KINDS: tuple[Kind, ...] = (
    CHECKINS,
    SUMMARY_NOTES,
    PREFERENCES,
    LIBRARY_ITEMS,
    CRAVINGS,
    CONTACTS,
    REACH_OUTS,
    CRISIS_LINES,
    LAPSES,
    CLEAN_PERIODS,
    DAY_BLOCKS,
    DAY_TEMPLATE_BLOCKS,
    PLAN_SECTIONS,
    PLAN_PAIRS,
    PLAN_CONTACTS,
    PLAN_VERSIONS,
    *MEDICATION_KINDS,
    *JOURNAL_KINDS,
)
"""Every kind, in the order records are written and applied (a kind after those it
refers to)."""

BY_NAME = {kind.name: kind for kind in KINDS}

TAG_LISTS = ("triggers", "coping")
"""A craving's tag lists, each entry ``{"item": library item id or null, "name": text}``;
``triggers`` are stored with kind ``trigger``, ``coping`` with kind ``coping``."""
TAG_KIND = {"triggers": "trigger", "coping": "coping"}

CSV_NEUTRAL_PREFIX = "'"
CSV_RISKY_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""CSV cells starting with one of these get :data:`CSV_NEUTRAL_PREFIX` in front, so a
spreadsheet shows them as text instead of running them as a formula."""


__all__ = [
    "MAX_LIST_ITEMS",
    "MAX_POSITION",
    "NAME_CHARACTERS",
    "NOTE_CHARACTERS",
    "PREFERENCE_CHARACTERS",
    "STAMP_CHARACTERS",
    "Field",
    "ImportProblem",
    "Kind",
    "Type",
]
