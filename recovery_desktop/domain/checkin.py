"""The daily check-in: one record per day, every field optional."""

from __future__ import annotations

import enum
import math
from dataclasses import dataclass, field, fields, replace
from datetime import date

from recovery_desktop.domain.scales import SCALE_MAX, SCALE_MIN

MAX_SLEEP_HOURS = 24.0
MAX_EXERCISE_MINUTES = 24 * 60
MAX_NOTE_CHARACTERS = 20_000


class Halt(enum.Enum):
    """The four HALT states: a quick check of basic needs."""

    HUNGRY = "hungry"
    ANGRY = "angry"
    LONELY = "lonely"
    TIRED = "tired"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class CheckInError(ValueError):
    """A value that cannot be saved; the message names the field in plain words."""


@dataclass(frozen=True)
class CheckIn:
    """One day's check-in. ``None`` always means "not answered", never "no" or zero."""

    day: date
    mood: int | None = None
    craving_peak: int | None = None
    stress: int | None = None
    sleep_hours: float | None = None
    sleep_quality: int | None = None
    energy: int | None = None
    halt: frozenset[Halt] = field(default_factory=frozenset)
    used: bool | None = None
    meeting: bool | None = None
    therapy: bool | None = None
    medication_taken: bool | None = None
    exercise_minutes: int | None = None
    note: str = ""

    def is_empty(self) -> bool:
        """True when nothing at all has been answered or written."""
        blank = CheckIn(self.day)
        answered = (
            f.name
            for f in fields(self)
            if f.name not in ("day", "note") and getattr(self, f.name) != getattr(blank, f.name)
        )
        return next(answered, None) is None and not self.note.strip()

    def validate(self) -> None:
        """Raise :class:`CheckInError` when a value is out of its range."""
        for name, label in SCALE_FIELDS.items():
            _check_scale(getattr(self, name), label)
        if self.sleep_hours is not None and not (
            math.isfinite(self.sleep_hours) and 0 <= self.sleep_hours <= MAX_SLEEP_HOURS
        ):
            raise CheckInError("Sleep hours must be between 0 and 24.")
        if self.exercise_minutes is not None and not (
            0 <= self.exercise_minutes <= MAX_EXERCISE_MINUTES
        ):
            raise CheckInError("Exercise minutes must be between 0 and 1440.")
        if len(self.note) > MAX_NOTE_CHARACTERS:
            raise CheckInError(f"The note is longer than {MAX_NOTE_CHARACTERS:,} characters.")

    def with_changes(self, **changes: object) -> CheckIn:
        """A copy with some fields changed."""
        return replace(self, **changes)  # type: ignore[arg-type]


SCALE_FIELDS: dict[str, str] = {
    "mood": "Mood",
    "craving_peak": "Craving peak",
    "stress": "Stress",
    "sleep_quality": "Sleep quality",
    "energy": "Energy",
}


def _check_scale(value: int | None, label: str) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int):
        raise CheckInError(f"{label} must be a whole number from 0 to 10.")
    if not SCALE_MIN <= value <= SCALE_MAX:
        raise CheckInError(f"{label} must be from 0 to 10.")
