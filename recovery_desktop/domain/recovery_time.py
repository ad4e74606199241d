"""Clean time and lapses: streaks that restart, and a history that is never erased.

Rules (all in local calendar days):
- A clean date is the first day without using. The streak on a day is the number of whole
  days since the clean date: 0 on the clean date itself, 1 the next day, and so on.
- A lapse on day L ends the current attempt on L; that attempt counted L − start days.
- The new attempt starts on the chosen day (by default L + 1), never before L.
- Cumulative clean days add up every attempt, so a lapse costs the lapse day, not the past.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

DEFAULT_SUBSTANCE = "Heroin and other opioids"
MAX_TEXT_CHARACTERS = 5_000


class RecoveryTimeError(ValueError):
    """A clean date or lapse that cannot be recorded, in plain words."""


@dataclass(frozen=True)
class CleanPeriod:
    """One attempt: from ``start`` until ``end`` (the lapse day), or still going."""

    id: int | None
    substance: str
    start: date
    end: date | None = None
    lapse_id: int | None = None

    def days(self, today: date) -> int:
        last = self.end if self.end is not None else today
        return max(0, (last - self.start).days)

    @property
    def current(self) -> bool:
        return self.end is None


@dataclass(frozen=True)
class Lapse:
    id: int | None
    at: datetime
    substance: str
    what_used: str = ""
    before: str = ""
    would_help: str = ""
    tell: str = ""
    craving_id: int | None = None

    @property
    def day(self) -> date:
        return self.at.date()

    def validate(self) -> None:
        for text in (self.what_used, self.before, self.would_help, self.tell):
            if len(text) > MAX_TEXT_CHARACTERS:
                raise RecoveryTimeError(
                    f"Keep each answer under {MAX_TEXT_CHARACTERS:,} characters."
                )


@dataclass(frozen=True)
class CleanTime:
    substance: str
    since: date
    streak: int
    cumulative: int
    first: date
    attempts: int


def default_new_start(lapse_day: date) -> date:
    return lapse_day + timedelta(days=1)


def check_lapse(
    periods: Sequence[CleanPeriod], substance: str, lapse_day: date, new_start: date, today: date
) -> None:
    """Raise :class:`RecoveryTimeError` when the lapse and new clean date don't fit."""
    current = current_period(periods, substance)
    if lapse_day > today:
        raise RecoveryTimeError("A lapse can't be recorded for a day that hasn't come yet.")
    if current is not None and lapse_day < current.start:
        raise RecoveryTimeError(
            f"That day is before your current clean date ({current.start:%d %B %Y}). "
            "Change the clean date instead if it was set wrongly."
        )
    if new_start < lapse_day:
        raise RecoveryTimeError("The new clean date can't be before the lapse.")
    if new_start > today + timedelta(days=1):
        raise RecoveryTimeError("The new clean date can be tomorrow at the latest.")


def current_period(periods: Sequence[CleanPeriod], substance: str) -> CleanPeriod | None:
    return next((p for p in periods if p.substance == substance and p.current), None)


def substances(periods: Sequence[CleanPeriod]) -> list[str]:
    """Substances with a clean date, the default first, then in the order they were added."""
    seen: list[str] = []
    for period in sorted(periods, key=lambda p: p.id or 0):
        if period.substance not in seen:
            seen.append(period.substance)
    if DEFAULT_SUBSTANCE in seen:
        seen.remove(DEFAULT_SUBSTANCE)
        seen.insert(0, DEFAULT_SUBSTANCE)
    return seen


def clean_time(periods: Sequence[CleanPeriod], substance: str, today: date) -> CleanTime | None:
    """Current streak and cumulative days for ``substance``; None if it has no clean date."""
    own = [p for p in periods if p.substance == substance]
    current = current_period(own, substance)
    if current is None:
        return None
    return CleanTime(
        substance=substance,
        since=current.start,
        streak=current.days(today),
        cumulative=sum(p.days(today) for p in own),
        first=min(p.start for p in own),
        attempts=len(own),
    )


def streak_text(time: CleanTime, today: date) -> str:
    """ "42 days", "1 day", or a kind word when the count starts today or tomorrow."""
    if time.since > today:
        return "Day one starts tomorrow"
    if time.streak == 0:
        return "Day one is today"
    return f"{time.streak} day{'s' if time.streak != 1 else ''}"


SAFETY_FACTS: tuple[str, ...] = (
    "After time away from opioids your tolerance drops fast. An amount you used to take can "
    "now stop your breathing.",
    "If you use, don't use alone. Have someone with you who knows what to do, or who can "
    "check on you.",
    "Keep naloxone (Narcan) where you and the people around you can reach it, and show them "
    "how to use it.",
    "If someone can't be woken, is breathing very slowly or not at all, or their lips turn "
    "blue: call emergency services now, then give naloxone if you have it.",
)
