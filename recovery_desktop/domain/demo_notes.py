"""The demo journal's check-in notes, each with the day it fits.

A note that mentions something the check-in also records (a meeting, therapy, a walk, sleep,
being tired or angry, work, a weekend) is only written on a day whose answers agree with it,
so the sample journal never contradicts itself.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from recovery_desktop.domain.checkin import CheckIn, Halt

FRIDAY = 4


@dataclass(frozen=True)
class DemoNote:
    text: str
    fits: Callable[[CheckIn], bool]


def _any_day(_checkin: CheckIn) -> bool:
    return True


def _weekday(checkin: CheckIn) -> bool:
    return checkin.day.weekday() < 5


def _weekend(checkin: CheckIn) -> bool:
    return checkin.day.weekday() >= 5


def _walked(checkin: CheckIn) -> bool:
    return (checkin.exercise_minutes or 0) >= 20


def _slept_well(checkin: CheckIn) -> bool:
    rested = (checkin.sleep_hours or 0) >= 7.5 and (checkin.sleep_quality or 0) >= 6
    return rested and Halt.TIRED not in checkin.halt


def _empty_weekend(checkin: CheckIn) -> bool:
    return _weekend(checkin) and checkin.meeting is not True and checkin.therapy is not True


CALM = (
    DemoNote("Quiet day. Made soup and did the crossword.", lambda c: (c.stress or 0) <= 5),
    DemoNote(
        "Walked to the park after work. Felt steady.",
        lambda c: _weekday(c) and _walked(c) and (c.stress or 0) <= 6,
    ),
    DemoNote("Slept well for once. Cleaned the kitchen.", _slept_well),
    DemoNote("Good talk at the meeting tonight.", lambda c: c.meeting is True),
    DemoNote("Therapy today. We talked about weekends.", lambda c: c.therapy is True),
    DemoNote("Helped a neighbour carry boxes. Nice to be useful.", lambda c: (c.mood or 0) >= 5),
    DemoNote("Read for an hour before bed instead of scrolling.", _any_day),
    DemoNote("Cooked a proper dinner and ate at the table.", lambda c: Halt.HUNGRY not in c.halt),
)
HARD = (
    DemoNote(
        "Work was a lot today. Took a break outside when it got too loud in my head.",
        lambda c: _weekday(c) and (c.stress or 0) >= 6,
    ),
    DemoNote(
        "Drove past the old street and my stomach dropped. Kept driving.",
        lambda c: (c.craving_peak or 0) >= 5,
    ),
    DemoNote(
        "Argued with dad. Went for a walk instead of stewing.",
        lambda c: Halt.ANGRY in c.halt and _walked(c),
    ),
    DemoNote(
        "Couldn't sleep, thoughts racing. Tired and short with everyone.",
        lambda c: (c.sleep_hours or 24) < 6 and Halt.TIRED in c.halt,
    ),
    DemoNote(
        "Payday. Always a strange day. Gave the card to my partner to hold.",
        lambda c: c.day.weekday() == FRIDAY,
    ),
    DemoNote("Long afternoon with nothing planned. That is when it creeps in.", _empty_weekend),
)
# The lapse story: on the day, the day after (the sponsor is called and there is a meeting,
# see demo.py and demo_events.py) and six days after.
LAPSE_DAY = "I used tonight. Writing it down so I can bring it to therapy."
DAY_AFTER = "Told my sponsor about yesterday. She didn't lecture me. Back to meetings."
WEEK_AFTER = "Rough couple of days. Going to the Tuesday group and my counsellor."


def fitting(pool: tuple[DemoNote, ...], checkin: CheckIn) -> list[str]:
    """The notes of ``pool`` that agree with the day's answers."""
    return [note.text for note in pool if note.fits(checkin)]
