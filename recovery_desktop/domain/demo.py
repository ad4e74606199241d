"""A deterministic, realistic sample journal for ``--demo`` and ``demo-data``.

Weekdays carry more stress, weekends more idle time; cravings rise with stress, poor sleep
and idle days; midway there is a lapse, preceded by the warning signs the seeds describe
(rising stress, poor sleep, a skipped meeting) and followed by a slow recovery.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta

from recovery_desktop.domain import demo_notes as notes
from recovery_desktop.domain.checkin import CheckIn, Halt

MAX_WEEKS = 520


@dataclass(frozen=True)
class DemoShape:
    """Where the story's lapse falls, for tests and later record kinds."""

    start: date
    end: date
    lapse_day: date


def shape(weeks: int, end: date) -> DemoShape:
    if not 1 <= weeks <= MAX_WEEKS:
        raise ValueError(f"weeks must be between 1 and {MAX_WEEKS}")
    start = end - timedelta(days=weeks * 7 - 1)
    return DemoShape(start, end, start + timedelta(days=(weeks * 7) // 2))


def _clip(value: float, low: float = 0, high: float = 10) -> int:
    return round(min(high, max(low, value)))


class _Story:
    """Carries the slow-moving state from one day to the next."""

    def __init__(self, rng: random.Random, plan: DemoShape) -> None:
        self.rng = rng
        self.plan = plan
        self.mood_drift = 0.0

    def day(self, day: date) -> CheckIn | None:
        rng = self.rng
        to_lapse = (self.plan.lapse_day - day).days
        weekend = day.weekday() >= 5
        progress = min(1.0, (day - self.plan.start).days / 120)
        self.mood_drift = 0.8 * self.mood_drift + rng.gauss(0, 0.6)
        warning = 0 < to_lapse <= 4
        after = -10 <= to_lapse < 0
        if rng.random() < 0.07 and not 0 <= to_lapse <= 4:
            return None  # a day without a check-in (never in the lapse story's days)
        bad_day = rng.random() < 0.06
        stress = (2.5 if weekend else 4.8) + rng.gauss(0, 1.4) + (3.5 if bad_day else 0)
        stress += 2.5 if warning else 0
        if warning and not weekend:
            stress = max(stress, 6.5)  # the lapse note speaks of stress at work
        sleep = 7.3 - max(0.0, stress - 5) * 0.4 + rng.gauss(0, 0.7) - (1.3 if warning else 0)
        sleep = round(min(6.0 if warning else 11.0, max(2.5, sleep)) * 2) / 2
        sleep_quality = _clip(sleep - 1.5 + rng.gauss(0, 1.2))
        mood = 5.2 + 1.8 * progress + self.mood_drift - max(0.0, stress - 5) * 0.5
        mood -= (2.5 if after and to_lapse > -5 else 0) + (2.0 if bad_day else 0)
        idle = weekend and rng.random() < 0.5
        craving = 4.5 - 2.0 * progress + max(0.0, stress - 4) * 0.5 + (1.8 if idle else 0)
        craving += (7 - sleep) * 0.3 + rng.gauss(0, 1.0) + (3.0 if warning else 0)
        used = True if to_lapse == 0 else (None if rng.random() < 0.08 else False)
        if to_lapse == 0:
            craving, mood = 9.5, 2.5
        checkin = CheckIn(
            day=day,
            mood=_clip(mood),
            craving_peak=_clip(craving),
            stress=_clip(stress),
            sleep_hours=sleep,
            sleep_quality=sleep_quality,
            energy=_clip(sleep_quality * 0.5 + mood * 0.4 + rng.gauss(0, 1)),
            halt=self._halt(sleep, stress, weekend, idle),
            used=used,
            meeting=self._meeting(day, warning, to_lapse),
            therapy=True if day.weekday() == 1 else None,
            medication_taken=None if rng.random() < 0.03 else rng.random() > 0.05,
            exercise_minutes=None if rng.random() < 0.2 else rng.choice((0, 10, 20, 30, 45, 60)),
        )
        return replace(checkin, note=self._note(checkin, to_lapse, stress, craving))

    def _halt(self, sleep: float, stress: float, weekend: bool, idle: bool) -> frozenset[Halt]:
        rng = self.rng
        states = set()
        if sleep < 6 or rng.random() < 0.1:
            states.add(Halt.TIRED)
        if (idle or weekend) and rng.random() < 0.35:
            states.add(Halt.LONELY)
        if stress > 6.5 and rng.random() < 0.5:
            states.add(Halt.ANGRY)
        if rng.random() < 0.12:
            states.add(Halt.HUNGRY)
        return frozenset(states)

    def _meeting(self, day: date, warning: bool, to_lapse: int) -> bool | None:
        if to_lapse == -1:
            return True  # "Back to meetings"
        if day.weekday() in (0, 2, 5):
            return not warning and self.rng.random() < 0.85
        return True if self.rng.random() < 0.08 else None

    def _note(self, checkin: CheckIn, to_lapse: int, stress: float, craving: float) -> str:
        """A note that agrees with the day's answers (or none)."""
        story = {0: notes.LAPSE_DAY, -1: notes.DAY_AFTER, -6: notes.WEEK_AFTER}
        if to_lapse in story:
            return story[to_lapse]
        if self.rng.random() > 0.45:
            return ""
        pool = notes.HARD if stress > 6 or craving > 6 else notes.CALM
        fitting = notes.fitting(pool, checkin)
        return self.rng.choice(fitting) if fitting else ""


def demo_checkins(weeks: int, end: date, seed: int = 1) -> Iterator[CheckIn]:
    """Check-ins for ``weeks`` weeks ending on ``end``; the same seed gives the same data."""
    plan = shape(weeks, end)
    story = _Story(random.Random(seed), plan)
    day = plan.start
    while day <= plan.end:
        checkin = story.day(day)
        if checkin is not None:
            yield checkin
        day += timedelta(days=1)
