"""Clean time and lapses: streaks that restart, and a history that is never erased.

Rules (all in local calendar days):
- A clean date is the first day without using. The streak on a day is the number of whole
  days since the clean date: 0 on the clean date itself, 1 the next day, and so on.
- A lapse on day L ends the current attempt on L; that attempt counted L − start days.
- The new attempt starts on the chosen day (by default L + 1), never before L. It remembers
  the lapse that started it, so a lapse recorded by mistake can be undone (``lapse_undo``).
- A lapse for something without a running count may leave counting off (no new attempt).
- Cumulative clean days add up every attempt, so a lapse costs the lapse day, not the past.
- An attempt that starts tomorrow is not counted yet: not as an attempt, not in any sentence
  that says "since".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from recovery_desktop.domain.calendar_text import short_day
from recovery_desktop.domain.dates import earliest_text, too_early
from recovery_desktop.domain.wording import plural

DEFAULT_SUBSTANCE = "Heroin and other opioids"
MAX_TEXT_CHARACTERS = 5_000


class RecoveryTimeError(ValueError):
    """A clean date or lapse that cannot be recorded, in plain words."""


@dataclass(frozen=True)
class CleanPeriod:
    """One attempt: from ``start`` until ``end`` (the lapse day), or still going.

    ``lapse_id`` is the lapse that ended it; ``started_by`` the lapse that started it.
    """

    id: int | None
    substance: str
    start: date
    end: date | None = None
    lapse_id: int | None = None
    started_by: int | None = None

    def days(self, today: date) -> int:
        last = self.end if self.end is not None else today
        return max(0, (last - self.start).days)

    @property
    def current(self) -> bool:
        return self.end is None

    def started(self, today: date) -> bool:
        return self.start <= today


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


def check_day(day: date) -> None:
    """A clean date or lapse before ``dates.EARLIEST_DAY`` is a slipped year, not a record."""
    if too_early(day):
        raise RecoveryTimeError(f"Please choose a day from {earliest_text()} on.")


def latest_clean_date(last_lapse: date | None, today: date) -> date:
    """The latest clean date that can be set, and the one suggested for a new count: today,
    or the day after the latest lapse when that is later (a lapse today: tomorrow, as the
    lapse flow suggests, never "day one" on the day of the use)."""
    return today if last_lapse is None else max(today, default_new_start(last_lapse))


def check_clean_date(start: date, last_lapse: date | None, today: date) -> None:
    """Raise :class:`RecoveryTimeError` for a clean date that can't be: too early, later
    than :func:`latest_clean_date`, or before the latest lapse."""
    check_day(start)
    latest = latest_clean_date(last_lapse, today)
    if start > latest:
        if latest == today:
            raise RecoveryTimeError("A clean date can't be in the future.")
        raise RecoveryTimeError(f"The clean date can be {short_day(latest)} at the latest.")
    if last_lapse is not None and start < last_lapse:
        raise RecoveryTimeError("That date is before your last lapse. Your history stays as it is.")


def check_lapse(
    periods: Sequence[CleanPeriod],
    substance: str,
    lapse_day: date,
    new_start: date | None,
    today: date,
) -> None:
    """Raise :class:`RecoveryTimeError` when the lapse and new clean date don't fit.

    ``new_start`` None records the lapse without counting, which only fits when nothing is
    being counted for ``substance``.
    """
    current = current_period(periods, substance)
    check_day(lapse_day)
    if lapse_day > today:
        raise RecoveryTimeError("A lapse can't be recorded for a day that hasn't come yet.")
    if current is not None and lapse_day < current.start:
        if current.start > today:
            raise RecoveryTimeError(
                f"Your new count starts tomorrow, {short_day(current.start)}, after the lapse "
                "already recorded. Nothing more needs recording before then."
            )
        raise RecoveryTimeError(
            f"That day is before your current clean date ({short_day(current.start)} "
            f"{current.start.year}). Change the clean date instead if it was set wrongly."
        )
    if new_start is None:
        if current is not None:
            raise RecoveryTimeError("Please choose the day your count starts again.")
        return
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
    started = [p for p in own if p.started(today)] or [current]
    return CleanTime(
        substance=substance,
        since=current.start,
        streak=current.days(today),
        cumulative=sum(p.days(today) for p in own),
        first=min(p.start for p in started),
        attempts=sum(1 for p in own if p.started(today)),
    )


def main_clean_time(periods: Sequence[CleanPeriod], today: date) -> CleanTime | None:
    """Clean time of the first substance (opioids unless the user has only others)."""
    names = substances(periods)
    return clean_time(periods, names[0], today) if names else None


def streak_text(time: CleanTime, today: date) -> str:
    """The big number: "42 days", "1 day", "Day one is today" or "Day one starts tomorrow"."""
    if time.since > today:
        return "Day one starts tomorrow"
    if time.streak == 0:
        return "Day one is today"
    return plural(time.streak, "day")


def badge_text(time: CleanTime, today: date) -> str:
    """Short enough for one line of a badge: "42 days clean", "Day one today"."""
    if time.since > today:
        return "Day one tomorrow"
    if time.streak == 0:
        return "Day one today"
    return f"{plural(time.streak, 'day')} clean"


def count_sentence(time: CleanTime, today: date, named: bool = False) -> str:
    """When the current count began, in the right tense; a day still to come is never
    called "since". ``named`` says what is counted."""
    what = f" from {time.substance.lower()}" if named else ""
    count = f" for {time.substance.lower()}" if named else ""
    if time.since > today:
        return f"Your new count{count} starts tomorrow, {short_day(time.since)}."
    if time.since == today:
        return f"Your count{count} starts today."
    return f"Clean{what} since {short_day(time.since)} {time.since.year}."


def restart_sentence(time: CleanTime, today: date) -> str:
    """After a lapse: "Your new count starts tomorrow, Mon 30 Nov", "… starts today", or
    "… started on Tue 24 Nov" (no full stop)."""
    if time.since > today:
        return f"Your new count starts tomorrow, {short_day(time.since)}"
    if time.since == today:
        return "Your new count starts today"
    return f"Your new count started on {short_day(time.since)}"


def cumulative_sentence(time: CleanTime) -> str:
    """ "59 clean days in all since Sat 1 Aug 2026, over 2 attempts": attempts that have
    started only; empty while none has."""
    if time.attempts == 0:
        return ""
    attempts = f", over {time.attempts} attempts" if time.attempts > 1 else ""
    return (
        f"{plural(time.cumulative, 'clean day')} in all since "
        f"{short_day(time.first)} {time.first.year}{attempts}."
    )


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
