"""Demo plans for My day: a usual plan per weekday and days filled from them with variation.

Weekdays are busy (work, meals, a group meeting on Monday and Wednesday evenings, therapy on
Tuesdays, the gym on Thursdays), weekends emptier. Some days have no plan at all, more of
them in the days before the lapse (unstructured days come first, as the seeds describe).
Past blocks are mostly ticked done; a meeting the check-in says was skipped, or exercise on
a day it reports none, stays unticked. Evenings with a craving are mostly left unplanned (a long
idle evening) and evenings without one mostly planned, so the charts show idle evenings and
evening cravings together more often than not. Deterministic for a seed.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from recovery_desktop.domain.checkin import CheckIn
from recovery_desktop.domain.cravings import Craving
from recovery_desktop.domain.day_plan import (
    STEP_MINUTES,
    BlockCategory,
    BlockTimes,
    DayBlock,
    WakingWindow,
    day_structure,
    idle_stretches,
)
from recovery_desktop.domain.demo import DemoShape

W, M, T, E = (
    BlockCategory.WORK,
    BlockCategory.MEETING,
    BlockCategory.THERAPY,
    BlockCategory.EXERCISE,
)
MEALS, REST, CHORES = BlockCategory.MEALS, BlockCategory.REST, BlockCategory.CHORES
SOCIAL, HOBBY, APPOINTMENT = BlockCategory.SOCIAL, BlockCategory.HOBBY, BlockCategory.APPOINTMENT


def _b(start: str, end: str, title: str, category: BlockCategory, note: str = "") -> BlockTimes:
    def minute(text: str) -> int:
        hours, minutes = text.split(":")
        return int(hours) * 60 + int(minutes)

    return BlockTimes(minute(start), minute(end), title, category, note)


_BREAKFAST = _b("07:30", "08:00", "Breakfast", MEALS)
_LUNCH = _b("12:30", "13:00", "Lunch", MEALS)  # inside work: counted once
_DINNER = _b("18:00", "18:30", "Dinner", MEALS)
_GROUP = _b("19:00", "20:30", "Group meeting", M, "Community centre, room 2")

TEMPLATES: dict[int, tuple[BlockTimes, ...]] = {
    0: (_BREAKFAST, _b("09:00", "17:00", "Work", W), _LUNCH, _DINNER, _GROUP),
    1: (
        _BREAKFAST,
        _b("09:00", "16:30", "Work", W),
        _LUNCH,
        _b("17:00", "18:00", "Therapy with Alex", T),
        _b("18:30", "19:00", "Dinner", MEALS),
    ),
    2: (_BREAKFAST, _b("09:00", "17:00", "Work", W), _LUNCH, _DINNER, _GROUP),
    3: (
        _BREAKFAST,
        _b("09:00", "17:00", "Work", W),
        _LUNCH,
        _b("17:30", "18:30", "Gym", E),
        _b("19:00", "19:30", "Dinner", MEALS),
    ),
    4: (_BREAKFAST, _b("09:00", "16:00", "Work", W), _LUNCH, _DINNER),
    5: (
        _b("09:30", "10:00", "Breakfast", MEALS),
        _b("10:30", "12:00", "Saturday meeting", M),
        _b("14:00", "15:00", "Laundry and shopping", CHORES),
        _b("18:30", "19:00", "Dinner", MEALS),
    ),
    6: (
        _b("10:00", "11:30", "Walk with Jordan", E),
        _b("13:00", "13:30", "Lunch", MEALS),
        _b("18:30", "19:00", "Dinner", MEALS),
    ),
}
"""The demo's usual plan of each weekday (0 = Monday)."""

# Evening plans added on evenings the template leaves mostly free (each 90 minutes or more).
EXTRAS = (
    _b("19:30", "21:00", "Guitar practice", HOBBY),
    _b("19:30", "21:30", "Dinner with Jordan", SOCIAL),
    _b("20:00", "22:00", "Film night at home", SOCIAL),
    _b("19:30", "21:00", "Cook for the week", CHORES),
    _b("20:00", "21:30", "Read and wind down", REST),
)
_DAYTIME_EXTRAS = (
    _b("10:00", "11:00", "Dentist", APPOINTMENT),
    _b("15:00", "16:00", "Nap", REST),
    _b("16:00", "17:00", "Garden", HOBBY),
)
EVENING = 17 * 60 + 30  # from here on, blocks are the evening's
EVENING_WINDOW = WakingWindow(EVENING, 23 * 60)
IDLE_EVENING_MINUTES = 4 * 60  # an evening with at most 90 planned minutes
PLANNED_EVENING_MINUTES = 2 * 60  # a planned evening is filled up to this
NO_PLAN = 0.1  # days left without a plan
NO_PLAN_BEFORE_LAPSE = 0.6  # in the warning days before the lapse
IDLE_EVENING_WITH_CRAVING = 0.8
IDLE_EVENING_WITHOUT = 0.05
DONE = 0.9  # past blocks ticked done (when nothing says they were skipped)
DONE_PLANNED_EVENING = 0.97  # evening blocks of an evening without a craving
WARNING_DAYS = 7


@dataclass
class DemoDayPlan:
    """The demo's templates, and each planned day's blocks with their done ticks."""

    templates: dict[int, tuple[BlockTimes, ...]] = field(default_factory=lambda: TEMPLATES)
    days: dict[date, list[tuple[BlockTimes, bool]]] = field(default_factory=dict)


def idle_evening(blocks: Iterable[DayBlock], day_over: bool) -> bool:
    """A long idle evening: at least four of the evening's hours (17:30–23:00) idle, by
    the rules of ``domain/idle_time.py``."""
    structure = day_structure(list(blocks), EVENING_WINDOW, day_over=day_over)
    return structure.idle_minutes >= IDLE_EVENING_MINUTES


def _evening_planned(blocks: Sequence[BlockTimes]) -> int:
    return EVENING_WINDOW.minutes - sum(s.minutes for s in idle_stretches(blocks, EVENING_WINDOW))


def evening_craving_days(cravings: Iterable[Craving]) -> set[date]:
    """Days with a craving that started in the evening (17:30 or later)."""
    return {c.day for c in cravings if c.started_at.hour * 60 + c.started_at.minute >= EVENING}


def demo_day_plan(
    checkins: Sequence[CheckIn], cravings: Sequence[Craving], shape: DemoShape, seed: int
) -> DemoDayPlan:
    """Plans for the days of ``shape`` (the last day's blocks all unticked: it has only
    begun); the same seed gives the same plans."""
    rng = random.Random(seed * 104_729 + 31)
    answers = {checkin.day: checkin for checkin in checkins}
    evenings = evening_craving_days(cravings)
    plan = DemoDayPlan()
    day = shape.start
    while day <= shape.end:
        blocks = _day(rng, day, answers.get(day), day in evenings, shape)
        if blocks:
            plan.days[day] = blocks
        day = date.fromordinal(day.toordinal() + 1)
    return plan


def _day(
    rng: random.Random, day: date, answers: CheckIn | None, craving_evening: bool, shape: DemoShape
) -> list[tuple[BlockTimes, bool]]:
    to_lapse = (shape.lapse_day - day).days
    no_plan = NO_PLAN_BEFORE_LAPSE if 0 <= to_lapse <= WARNING_DAYS else NO_PLAN
    if rng.random() < no_plan:
        return []
    blocks = [_varied(rng, b) for b in TEMPLATES[day.weekday()] if rng.random() > 0.06]
    idle_evening = rng.random() < (
        IDLE_EVENING_WITH_CRAVING if craving_evening else IDLE_EVENING_WITHOUT
    )
    if idle_evening:
        blocks = [b for b in blocks if b.start < EVENING]
    elif _evening_planned(blocks) < PLANNED_EVENING_MINUTES and rng.random() < 0.95:
        latest = max((b.end for b in blocks if b.end > EVENING), default=EVENING)
        fitting = [extra for extra in EXTRAS if extra.start >= latest]
        if fitting:
            blocks.append(rng.choice(fitting))
    if rng.random() < 0.08:
        extra = rng.choice(_DAYTIME_EXTRAS)
        if day.weekday() >= 5 or extra.category is APPOINTMENT:
            blocks.append(extra)
    past = day < shape.end
    calm = not craving_evening
    return [(b, past and _done(rng, b, answers, calm)) for b in sorted(blocks, key=_start)]


def _start(times: BlockTimes) -> int:
    return times.start


def _varied(rng: random.Random, times: BlockTimes) -> BlockTimes:
    """A block moved by up to half an hour either way (most stay where they are)."""
    shift = rng.choice((0, 0, 0, 0, 1, -1, 2, -2)) * STEP_MINUTES
    return replace(times, start=times.start + shift, end=times.end + shift)


def _done(rng: random.Random, times: BlockTimes, answers: CheckIn | None, evening: bool) -> bool:
    """Ticked done, unless the day's check-in says it did not happen (no meeting, no
    exercise); a planned evening without a craving mostly went as planned."""
    if answers is not None and times.category is M and answers.meeting is not True:
        return False
    if answers is not None and times.category is E and answers.exercise_minutes == 0:
        return False
    chance = DONE_PLANNED_EVENING if evening and times.end > EVENING else DONE
    return rng.random() < chance
