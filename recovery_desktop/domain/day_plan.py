"""My day: the plan of a waking day as time blocks, and the waking window they sit in.

Minutes are whole numbers counted from midnight at the START of the block's day (the waking
day it belongs to). A waking window that crosses midnight (10:00–02:00) runs from 600 to
1560 on its day, so block minutes lie in 0..2880: a block at 00:30–01:30 after the midnight
of a 10:00–02:00 day is 1470–1530 on the day before the calendar day. The idle-time maths
over these minutes live in ``domain/idle_time.py``.

Why idle time: treatment centres and relapse-prevention guides name boredom and a lack of
daily structure among the common relapse triggers, and advise structuring the days to leave
very little idle time (PRODUCT feature 4, and the seeds in ``shared/seeds/``).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from recovery_desktop.domain.contacts import has_hidden_characters

# The idle-time maths are part of this module's contract; they live in their own module.
from recovery_desktop.domain.idle_time import (
    DayStructure,
    IdleStretch,
    counted_blocks,
    day_structure,
    idle_split,
    idle_stretches,
    overlaps,
)

STEP_MINUTES = 15
DAY_MINUTES = 24 * 60
LAST_MINUTE = 2 * DAY_MINUTES  # a block ends by the end of the calendar day after its day
MAX_BLOCK_MINUTES = DAY_MINUTES
MAX_TITLE_CHARACTERS = 80
MAX_NOTE_CHARACTERS = 1000
DEFAULT_WAKING_START = 7 * 60
DEFAULT_WAKING_END = 23 * 60


class DayPlanError(ValueError):
    """A block, template or waking window that cannot be saved, in plain words."""


class BlockCategory(enum.Enum):
    """What a block is for; the value is stored, ``label`` is for people, ``mark`` a short
    word that tells categories apart without colour (on the timeline and in charts)."""

    WORK = "work"
    MEETING = "meeting"
    THERAPY = "therapy"
    EXERCISE = "exercise"
    MEALS = "meals"
    REST = "rest"
    CHORES = "chores"
    SOCIAL = "social"
    HOBBY = "hobby"
    APPOINTMENT = "appointment"
    OTHER = "other"

    @property
    def label(self) -> str:
        return _LABELS[self.value]

    @property
    def mark(self) -> str:
        return _MARKS[self.value]


_LABELS = {
    "work": "Work or school",
    "meeting": "Meeting or group",
    "therapy": "Therapy or counselling",
    "exercise": "Exercise",
    "meals": "Meals",
    "rest": "Rest",
    "chores": "Chores",
    "social": "Social",
    "hobby": "Hobby",
    "appointment": "Appointment",
    "other": "Other",
}
_MARKS = {
    "work": "Work",
    "meeting": "Group",
    "therapy": "Therapy",
    "exercise": "Move",
    "meals": "Meal",
    "rest": "Rest",
    "chores": "Chores",
    "social": "Social",
    "hobby": "Hobby",
    "appointment": "Appt",
    "other": "Other",
}


def _check_clock_minute(minute: int, what: str) -> None:
    if isinstance(minute, bool) or not isinstance(minute, int):
        raise DayPlanError(f"The {what} must be a whole number of minutes.")
    if not 0 <= minute < DAY_MINUTES:
        raise DayPlanError(f"The {what} must be a time of day, from 00:00 to 23:59.")


@dataclass(frozen=True)
class WakingWindow:
    """The waking hours of every day: ``start`` and ``end`` in minutes after midnight
    (0..1439). ``end`` before ``start`` means the window crosses midnight (10:00–02:00).

    Raises ``DayPlanError`` (a ``ValueError``) for a minute outside 0..1439 or a window of
    no length (``start == end``).
    """

    start: int = DEFAULT_WAKING_START
    end: int = DEFAULT_WAKING_END

    def __post_init__(self) -> None:
        _check_clock_minute(self.start, "start of the waking day")
        _check_clock_minute(self.end, "end of the waking day")
        if self.start == self.end:
            raise DayPlanError("The waking day must start and end at different times.")

    @property
    def crosses_midnight(self) -> bool:
        return self.end < self.start

    @property
    def span(self) -> tuple[int, int]:
        """(start, end) on the day's minute scale; end is above 1440 when crossing midnight."""
        return self.start, self.end + (DAY_MINUTES if self.crosses_midnight else 0)

    @property
    def minutes(self) -> int:
        start, end = self.span
        return end - start


@dataclass(frozen=True)
class BlockTimes:
    """A block's place on the day and what it is (what a template and a block share).

    ``start`` and ``end`` are minutes on the day's scale (0..2880). ``validate()`` raises
    ``DayPlanError`` (a ``ValueError``) unless ``start < end`` and the block lasts at most a
    day, the title is given and short (``MAX_TITLE_CHARACTERS``), the note at most
    ``MAX_NOTE_CHARACTERS``, and neither holds hidden characters.
    """

    start: int
    end: int
    title: str
    category: BlockCategory
    note: str = ""

    @property
    def minutes(self) -> int:
        return max(0, self.end - self.start)

    def validate(self) -> None:
        for minute in (self.start, self.end):
            if isinstance(minute, bool) or not isinstance(minute, int):
                raise DayPlanError("A block's times must be whole numbers of minutes.")
            if not 0 <= minute <= LAST_MINUTE:
                raise DayPlanError("A block must lie within its day and the night after it.")
        if self.end <= self.start:
            raise DayPlanError("A block must end after it starts.")
        if self.end - self.start > MAX_BLOCK_MINUTES:
            raise DayPlanError("A block can last at most a day.")
        if not isinstance(self.category, BlockCategory):
            raise DayPlanError("Please choose one of the listed categories.")
        _check_title(self.title)
        _check_note(self.note)


def _check_title(title: str) -> None:
    if not title.strip():
        raise DayPlanError("Please give the block a title.")
    if len(title) > MAX_TITLE_CHARACTERS:
        raise DayPlanError(f"A title can be at most {MAX_TITLE_CHARACTERS} characters.")
    if has_hidden_characters(title):
        raise DayPlanError("The title holds hidden characters. Please type it again.")


def _check_note(note: str) -> None:
    if len(note) > MAX_NOTE_CHARACTERS:
        raise DayPlanError(f"A note can be at most {MAX_NOTE_CHARACTERS:,} characters.")
    if has_hidden_characters(note, allow_line_breaks=True):
        raise DayPlanError("The note holds hidden characters. Please type it again.")


@dataclass(frozen=True)
class DayBlock:
    """A stored block: ``id`` is its row id (0 for one not stored yet), ``day`` the waking
    day it belongs to, ``done`` whether it was ticked done."""

    id: int
    day: date
    times: BlockTimes
    done: bool = False

    @property
    def start(self) -> int:
        return self.times.start

    @property
    def end(self) -> int:
        return self.times.end

    @property
    def title(self) -> str:
        return self.times.title

    @property
    def category(self) -> BlockCategory:
        return self.times.category

    @property
    def note(self) -> str:
        return self.times.note

    @property
    def minutes(self) -> int:
        return self.times.minutes


@dataclass(frozen=True)
class DayTemplate:
    """The usual plan of one weekday (0 = Monday … 6 = Sunday, as ``date.weekday()``)."""

    weekday: int
    blocks: tuple[BlockTimes, ...]


def check_weekday(weekday: int) -> None:
    """Raises ``DayPlanError`` unless ``weekday`` is 0 (Monday) to 6 (Sunday)."""
    if isinstance(weekday, bool) or weekday not in range(7):
        raise DayPlanError("A weekday is 0 (Monday) to 6 (Sunday).")


def snap(minute: int) -> int:
    """``minute`` rounded to the nearest ``STEP_MINUTES`` (halves round up)."""
    return (minute + STEP_MINUTES // 2) // STEP_MINUTES * STEP_MINUTES


def minute_text(minute: int) -> str:
    """A day-scale minute as a 24-hour clock time: 1080 → "18:00", 1530 → "01:30"."""
    return f"{minute // 60 % 24:02d}:{minute % 60:02d}"


def waking_day(moment: datetime, window: WakingWindow) -> tuple[date, int]:
    """The waking day ``moment`` belongs to and its minute on that day's scale.

    With a window crossing midnight, the small hours up to the window's end belong to the
    day before: 01:00 on 3 March in a 10:00–02:00 window is minute 1500 of 2 March.
    """
    minute = moment.hour * 60 + moment.minute
    if window.crosses_midnight and minute < window.end:
        return moment.date() - timedelta(days=1), minute + DAY_MINUTES
    return moment.date(), minute


def day_is_over(day: date, window: WakingWindow, now: datetime) -> bool:
    """A day before today is over; today is over once its waking window's end has passed
    (today being the waking day ``now`` belongs to)."""
    today, minute = waking_day(now, window)
    return day < today or (day == today and minute >= window.span[1])


# Idle hours per day, in bands for "idle hours vs cravings": (from, to or None, label).
IDLE_BANDS: tuple[tuple[int, int | None, str], ...] = (
    (0, 120, "0–2 h"),
    (120, 240, "2–4 h"),
    (240, 360, "4–6 h"),
    (360, None, "6 h or more"),
)
# A band holding fewer days is hidden: a rate over one or two days would mislead.
MIN_DAYS_PER_BAND = 3

__all__ = [
    "IDLE_BANDS",
    "MIN_DAYS_PER_BAND",
    "BlockCategory",
    "BlockTimes",
    "DayBlock",
    "DayPlanError",
    "DayStructure",
    "DayTemplate",
    "IdleStretch",
    "WakingWindow",
    "counted_blocks",
    "day_is_over",
    "day_structure",
    "idle_split",
    "idle_stretches",
    "minute_text",
    "overlaps",
    "snap",
    "waking_day",
]
