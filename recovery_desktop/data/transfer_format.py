"""The export format (docs/export-format.md): its kinds, their fields, and the rules each
field's value follows. Export writes what this module describes; import checks against it.

A kind is stored in one table. Records of kinds with integer ids carry their stable id
(``uid``, 32 lower-case hex digits) as ``"id"``; check-ins, summary notes and preferences
are named by their natural keys (``day``, ``period_key``, ``key``). References between
records name the other record's stable id.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from recovery_desktop.data.errors import JournalError
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
VERSION = 3
"""Raised whenever a change would make an older version misread a file; an older version
refuses a file with a higher version ("made by a newer version; please update").
Version 2 added My day's ``day_blocks`` and ``day_template_blocks``; version 3 the
aftercare plan (``plan_sections``, ``plan_pairs``, ``plan_contacts``, ``plan_versions``).
Older files (without them) are read as before."""

MAX_FILE_BYTES = 64 * 1024 * 1024
"""The largest file import reads (64 MB): about a thousand years of daily check-ins."""

NOTE_CHARACTERS = 100_000
"""The most characters in one free-text field (notes, thoughts, what happened)."""
NAME_CHARACTERS = 1_000
"""The most characters in one short field (names, roles, phone numbers, categories)."""
STAMP_CHARACTERS = 64
"""The most characters in a time stamp (``created_at``, ``updated_at``)."""
PREFERENCE_CHARACTERS = 100_000
"""The most characters in one preference's value, written as JSON."""
MAX_LIST_ITEMS = 1_000
"""The most entries in one list (a craving's triggers, a summary's goals)."""
MAX_POSITION = 1_000_000_000
"""The largest place in a user-ordered list."""


class ImportProblem(JournalError):
    """A file that cannot be imported. ``where`` is the JSON path of the problem (or the
    file's name), ``reason`` what is wrong with it; neither quotes the file's content."""

    def __init__(self, where: str, reason: str) -> None:
        super().__init__(f"{where}: {reason}. Nothing was imported or changed.")
        self.where = where
        self.reason = reason


class Type(Enum):
    INT = "a whole number"
    REAL = "a number"
    BOOL = "true or false"
    TEXT = "text"
    NAME = "text that is not blank"
    DAY = "a date like 2026-11-16"
    MOMENT = "a local time like 2026-11-16T21:40"
    STAMP = "a time stamp like 2026-11-16T20:40:00+00:00"
    CHOICE = "one of the listed words"
    TEXT_LIST = "a list of texts"
    JSON = "any JSON value"
    UID = "a stable id (32 hex digits)"


@dataclass(frozen=True)
class Field:
    """One field of a record: its JSON name, the column it is stored in, its type.

    ``low``/``high`` bound numbers, ``limit`` caps characters (or list entries' characters),
    ``choices`` lists the words a CHOICE takes, ``refers_to`` names the kind a UID field
    points at (None: the record's own id). ``nullable`` fields may be null.
    """

    name: str
    type: Type
    column: str = ""
    nullable: bool = False
    low: float = 0
    high: float = 0
    limit: int = 0
    choices: tuple[str, ...] = ()
    refers_to: str | None = None

    @property
    def stored_in(self) -> str:
        return self.column or self.name


def _score(name: str) -> Field:
    return Field(name, Type.INT, nullable=True, low=0, high=10)


def _flag(name: str, nullable: bool = True) -> Field:
    return Field(name, Type.BOOL, nullable=nullable)


def _text(name: str, limit: int = NOTE_CHARACTERS) -> Field:
    return Field(name, Type.TEXT, limit=limit)


def _ref(name: str, kind: str, column: str, nullable: bool = True) -> Field:
    return Field(name, Type.UID, column=column, nullable=nullable, refers_to=kind)


_ID = Field("id", Type.UID, column="uid")
_POSITION = Field("position", Type.INT, low=0, high=MAX_POSITION)
_CREATED = Field("created_at", Type.STAMP, limit=STAMP_CHARACTERS)
_UPDATED = Field("updated_at", Type.STAMP, limit=STAMP_CHARACTERS)


@dataclass(frozen=True)
class Kind:
    """One kind of record: its name in ``records``, its table, its fields (the key first),
    and the order records are written in (SQL, deterministic, no integer ids)."""

    name: str
    table: str
    fields: tuple[Field, ...]
    order: str
    day_from: str | None = None  # the stored ``day`` column is this field's date
    has_tags: bool = False

    @property
    def key(self) -> Field:
        return self.fields[0]

    @property
    def has_uid(self) -> bool:
        return self.key.type is Type.UID


CHECKINS = Kind(
    "checkins",
    "checkins",
    (
        Field("day", Type.DAY),
        _score("mood"),
        _score("craving_peak"),
        _score("stress"),
        Field("sleep_hours", Type.REAL, nullable=True, low=0, high=24),
        _score("sleep_quality"),
        _score("energy"),
        _flag("halt_hungry", False),
        _flag("halt_angry", False),
        _flag("halt_lonely", False),
        _flag("halt_tired", False),
        _flag("used"),
        _flag("meeting"),
        _flag("therapy"),
        _flag("medication_taken"),
        Field("exercise_minutes", Type.INT, nullable=True, low=0, high=1440),
        _text("note"),
        _CREATED,
        _UPDATED,
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
        _UPDATED,
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
        _ID,
        Field("kind", Type.CHOICE, choices=("trigger", "coping")),
        Field("name", Type.NAME, limit=NAME_CHARACTERS),
        _text("category", NAME_CHARACTERS),
        _POSITION,
        _flag("archived", False),
        _flag("favourite", False),
    ),
    "kind, position, uid",
)
CRAVINGS = Kind(
    "cravings",
    "cravings",
    (
        _ID,
        Field("started_at", Type.MOMENT),
        _score("intensity"),
        _text("place"),
        _text("with_whom"),
        _text("thoughts"),
        _score("intensity_after"),
        Field("outcome", Type.CHOICE, nullable=True, choices=("passed", "used")),
        Field("duration_minutes", Type.INT, nullable=True, low=0, high=1440),
        _CREATED,
        _UPDATED,
    ),
    "started_at, uid",
    day_from="started_at",
    has_tags=True,
)
CONTACTS = Kind(
    "contacts",
    "contacts",
    (
        _ID,
        Field("name", Type.NAME, limit=NAME_CHARACTERS),
        _text("role", NAME_CHARACTERS),
        _text("phone", NAME_CHARACTERS),
        _text("email", NAME_CHARACTERS),
        _text("notes"),
        _POSITION,
        _flag("archived", False),
    ),
    "position, uid",
)
REACH_OUTS = Kind(
    "reach_outs",
    "reach_outs",
    (
        _ID,
        _ref("contact", "contacts", "contact_id", nullable=False),
        Field("at", Type.MOMENT),
        Field("how", Type.CHOICE, choices=("call", "text", "in_person", "meeting", "online")),
        _flag("helped"),
        _text("note"),
        _ref("craving", "cravings", "craving_id"),
    ),
    "at, uid",
    day_from="at",
)
CRISIS_LINES = Kind(
    "crisis_lines",
    "crisis_lines",
    (
        _ID,
        _text("name", NAME_CHARACTERS),
        _text("number", NAME_CHARACTERS),
        _text("details"),
        _POSITION,
    ),
    "position, uid",
)
LAPSES = Kind(
    "lapses",
    "lapses",
    (
        _ID,
        Field("at", Type.MOMENT),
        _text("substance", NAME_CHARACTERS),
        _text("what_used"),
        _text("before"),
        _text("would_help"),
        _text("tell"),
        _ref("craving", "cravings", "craving_id"),
        _CREATED,
    ),
    "at, uid",
    day_from="at",
)
CLEAN_PERIODS = Kind(
    "clean_periods",
    "clean_periods",
    (
        _ID,
        Field("substance", Type.NAME, limit=NAME_CHARACTERS),
        Field("start", Type.DAY),
        Field("end", Type.DAY, nullable=True),
        _ref("lapse", "lapses", "lapse_id"),
        _ref("started_by", "lapses", "started_by"),
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
        _text("note", MAX_NOTE_CHARACTERS),
    )


DAY_BLOCKS = Kind(
    "day_blocks",
    "day_blocks",
    (_ID, Field("day", Type.DAY), *_block_times(), _flag("done", False), _CREATED, _UPDATED),
    "day, start_minute, uid",
)
DAY_TEMPLATE_BLOCKS = Kind(
    "day_template_blocks",
    "day_template_blocks",
    (_ID, Field("weekday", Type.INT, low=0, high=6), *_block_times()),
    "weekday, start_minute, uid",
)

PLAN_SECTIONS = Kind(
    "plan_sections",
    "plan_sections",
    (
        _ID,
        _POSITION,
        Field("kind", Type.CHOICE, choices=tuple(k.value for k in SectionKind)),
        Field("title", Type.NAME, limit=MAX_SECTION_TITLE),
        _text("body", MAX_BODY_CHARACTERS),
        _flag("hidden", False),
        Field("dismissed", Type.TEXT_LIST, limit=NAME_CHARACTERS),
    ),
    "position, uid",
)
_SECTION_ORDER = "(SELECT s.position FROM plan_sections s WHERE s.id = section_id), position, uid"
PLAN_PAIRS = Kind(
    "plan_pairs",
    "plan_pairs",
    (
        _ID,
        _ref("section", "plan_sections", "section_id", nullable=False),
        _POSITION,
        _text("first", MAX_PAIR_CHARACTERS),
        _text("second", MAX_PAIR_CHARACTERS),
    ),
    _SECTION_ORDER,
)
PLAN_CONTACTS = Kind(
    "plan_contacts",
    "plan_contacts",
    (
        _ID,
        _ref("section", "plan_sections", "section_id", nullable=False),
        _POSITION,
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
        _ID,
        Field("saved_at", Type.MOMENT),
        Field("reason", Type.CHOICE, choices=tuple(r.value for r in VersionReason)),
        _text("label", MAX_LABEL_CHARACTERS),
        Field("changed", Type.TEXT_LIST, limit=MAX_SECTION_TITLE),
        _text("snapshot", SNAPSHOT_CHARACTERS),
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
