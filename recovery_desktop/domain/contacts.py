"""The support network: people to call first, the reach-out log, and crisis lines."""

from __future__ import annotations

import enum
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from recovery_desktop.domain.periods import monday_of

MAX_FIELD_CHARACTERS = 200
MAX_NOTE_CHARACTERS = 5_000
CALL_FIRST = 3
DEFAULT_REACH_OUT_REMINDER_DAYS = 4


class Role(enum.Enum):
    SPONSOR = "sponsor"
    FAMILY = "family"
    FRIEND = "friend"
    THERAPIST = "therapist"
    DOCTOR = "doctor"
    PEER = "peer"
    GROUP = "group"
    CRISIS_LINE = "crisis_line"

    @property
    def label(self) -> str:
        return "Crisis line" if self is Role.CRISIS_LINE else self.value.capitalize()


class Method(enum.Enum):
    CALL = "call"
    TEXT = "text"
    IN_PERSON = "in_person"
    MEETING = "meeting"
    ONLINE = "online"

    @property
    def label(self) -> str:
        return {"in_person": "In person"}.get(self.value, self.value.capitalize())


class ContactError(ValueError):
    """Contact details that cannot be saved, in plain words."""


# Characters that are not seen but change what is shown or copied: controls (Cc), format
# characters (Cf: the text-direction overrides, isolates and marks of Unicode TR 9, zero-width
# spaces, the word joiner, byte-order marks, soft hyphens) and line and paragraph separators.
# "\u202e1119" would show 9111; "1\u200b2\u200b3" shows 123 but copies as something else.
_UNSEEN = frozenset({"Cc", "Cf", "Zl", "Zp"})
# The zero-width (non-)joiners shape Persian and other scripts and join emoji: allowed in
# names and notes, never in a number.
_JOINERS = "\u200c\u200d"


def has_hidden_characters(
    text: str, allow_line_breaks: bool = False, allow_joiners: bool = True
) -> bool:
    """True when ``text`` holds a character that is not seen (see ``_UNSEEN``); line breaks
    and tabs count as seen with ``allow_line_breaks`` (notes), joiners with ``allow_joiners``."""
    allowed = ("\n\r\t" if allow_line_breaks else "") + (_JOINERS if allow_joiners else "")
    return any(unicodedata.category(c) in _UNSEEN and c not in allowed for c in text)


def _check_fields(
    fields: Iterable[tuple[str, str]], note: str, numbers: Iterable[tuple[str, str]] = ()
) -> None:
    for label, value in fields:
        _check_field(label, value, allow_joiners=True)
    for label, value in numbers:
        _check_field(label, value, allow_joiners=False)
    if has_hidden_characters(note, allow_line_breaks=True):
        raise ContactError("The notes hold hidden characters. Please type them again.")
    if len(note) > MAX_NOTE_CHARACTERS:
        raise ContactError(f"Notes can be at most {MAX_NOTE_CHARACTERS:,} characters.")


def _check_field(label: str, value: str, allow_joiners: bool) -> None:
    if len(value) > MAX_FIELD_CHARACTERS:
        raise ContactError(f"{label} can be at most {MAX_FIELD_CHARACTERS} characters.")
    if has_hidden_characters(value, allow_joiners=allow_joiners):
        raise ContactError(
            f"{label} holds hidden characters that change how it is shown. Please type it again."
        )


@dataclass(frozen=True)
class Contact:
    id: int | None
    name: str
    role: Role = Role.FRIEND
    phone: str = ""
    email: str = ""
    notes: str = ""
    position: int = 0
    archived: bool = False

    def validate(self) -> None:
        if not self.name.strip():
            raise ContactError("Please give a name (a first name or a nickname is fine).")
        _check_fields(
            (("Name", self.name), ("Email", self.email)), self.notes, (("Phone", self.phone),)
        )
        if self.email and ("@" not in self.email or " " in self.email.strip()):
            raise ContactError("That email address doesn't look complete.")


@dataclass(frozen=True)
class ReachOut:
    id: int | None
    contact_id: int
    at: datetime
    how: Method = Method.CALL
    helped: bool | None = None
    note: str = ""
    craving_id: int | None = None

    def validate(self) -> None:
        _check_fields((), self.note)


@dataclass(frozen=True)
class CrisisLine:
    id: int | None
    name: str
    number: str
    details: str = ""
    position: int = 0

    def validate(self) -> None:
        if not self.name.strip() or not self.number.strip():
            raise ContactError("A crisis line needs a name and a number.")
        _check_fields((("Name", self.name),), self.details, (("Number", self.number),))


# United States defaults; every line can be edited for another country.
DEFAULT_CRISIS_LINES: tuple[tuple[str, str, str], ...] = (
    ("Emergency services", "911", "If someone is in danger, not breathing, or cannot be woken."),
    ("988 Suicide & Crisis Lifeline", "988", "Call or text 988, day or night."),
    (
        "SAMHSA National Helpline",
        "1-800-662-4357",
        "Free and confidential, 24 hours a day: treatment referral and information.",
    ),
    ("Poison Control", "1-800-222-1222", "Advice on a possible overdose or poisoning."),
)


def default_crisis_lines() -> list[CrisisLine]:
    """The default crisis lines in their default order (shown when no other list is known)."""
    return [
        CrisisLine(None, name, number, details, position)
        for position, (name, number, details) in enumerate(DEFAULT_CRISIS_LINES)
    ]


def call_first(contacts: Iterable[Contact], count: int = CALL_FIRST) -> list[Contact]:
    """The first ``count`` active contacts in the user's call-first order."""
    active = sorted((c for c in contacts if not c.archived), key=lambda c: (c.position, c.id or 0))
    return active[:count]


def days_without_reaching_out(last: datetime | None, today: date) -> int | None:
    """Whole days since the last reach-out; None if there has never been one."""
    return None if last is None else max(0, (today - last.date()).days)


def needs_gentle_note(last: datetime | None, today: date, after_days: int) -> bool:
    """True when nobody has been reached for ``after_days`` days or more."""
    days = days_without_reaching_out(last, today)
    return days is not None and days >= after_days


def reach_outs_by_role_per_week(
    reach_outs: Iterable[ReachOut], roles: dict[int, Role]
) -> dict[date, dict[Role, int]]:
    """Monday of each week -> role -> number of reach-outs."""
    weeks: dict[date, dict[Role, int]] = {}
    for reach in reach_outs:
        role = roles.get(reach.contact_id, Role.FRIEND)
        bucket = weeks.setdefault(monday_of(reach.at.date()), {})
        bucket[role] = bucket.get(role, 0) + 1
    return weeks
