"""The building blocks of the export format (``transfer_format.py``): a field's type and
rules, a kind of record, the limits every kind shares, and the error import raises."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from recovery_desktop.data.errors import JournalError

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
    CLOCK = "a time of day like 08:00"
    CLOCK_LIST = "a list of different times of day like 08:00"
    WEEKDAYS = "a list of different days of the week, 0 (Monday) to 6 (Sunday)"


@dataclass(frozen=True)
class Field:
    """One field of a record: its JSON name, the column it is stored in, its type.

    ``low``/``high`` bound numbers, ``limit`` caps characters (or list entries' characters),
    ``items`` caps a TEXT_LIST's entries,
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
    items: int = MAX_LIST_ITEMS
    choices: tuple[str, ...] = ()
    refers_to: str | None = None

    @property
    def stored_in(self) -> str:
        return self.column or self.name


def score(name: str) -> Field:
    return Field(name, Type.INT, nullable=True, low=0, high=10)


def flag(name: str, nullable: bool = True) -> Field:
    return Field(name, Type.BOOL, nullable=nullable)


def text(name: str, limit: int = NOTE_CHARACTERS) -> Field:
    return Field(name, Type.TEXT, limit=limit)


def ref(name: str, kind: str, column: str, nullable: bool = True) -> Field:
    return Field(name, Type.UID, column=column, nullable=nullable, refers_to=kind)


ID = Field("id", Type.UID, column="uid")
POSITION = Field("position", Type.INT, low=0, high=MAX_POSITION)
CREATED = Field("created_at", Type.STAMP, limit=STAMP_CHARACTERS)
UPDATED = Field("updated_at", Type.STAMP, limit=STAMP_CHARACTERS)


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
