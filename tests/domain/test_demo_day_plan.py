"""Demo plans for My day: deterministic, busier on weekdays, mostly ticked done, and long
idle evenings that line up with evening cravings."""

from __future__ import annotations

from datetime import date
from statistics import mean

import pytest

from recovery_desktop.domain.day_plan import DayBlock, WakingWindow, day_structure
from recovery_desktop.domain.demo import demo_checkins, shape
from recovery_desktop.domain.demo_day_plan import (
    TEMPLATES,
    demo_day_plan,
    evening_craving_days,
    idle_evening,
)
from recovery_desktop.domain.demo_events import demo_events

END = date(2026, 11, 30)


def _demo(weeks, seed=1):
    checkins = list(demo_checkins(weeks, END, seed))
    plan = shape(weeks, END)
    story = demo_events(checkins, plan, seed)
    return checkins, story, plan, demo_day_plan(checkins, story.cravings, plan, seed)


def _blocks(day, blocks):
    return [DayBlock(0, day, times, done) for times, done in blocks]


def test_the_same_seed_gives_the_same_plans():
    """Deterministic for a seed; another seed plans other days."""
    assert _demo(6, seed=3)[3] == _demo(6, seed=3)[3]
    assert _demo(6, seed=3)[3].days != _demo(6, seed=4)[3].days


def test_weekday_templates_are_busier_than_weekend_ones():
    """Every weekday's usual plan covers more of the day than Saturday's or Sunday's."""
    window = WakingWindow()

    def planned(weekday):
        blocks = [DayBlock(0, END, t) for t in TEMPLATES[weekday]]
        return day_structure(blocks, window, day_over=False).planned_minutes

    assert min(planned(d) for d in range(5)) > max(planned(5), planned(6))
    for blocks in TEMPLATES.values():
        for times in blocks:
            times.validate()


def test_a_year_of_days_is_realistic():
    """Most days planned but not all, weekdays over four hours fuller than weekends, most
    past blocks ticked, none on the last day (it has only begun), every block valid."""
    _checkins, _story, plan, demo = _demo(52, seed=2)
    days = (plan.end - plan.start).days + 1
    assert 0.75 * days <= len(demo.days) <= 0.95 * days
    assert all(plan.start <= day <= plan.end for day in demo.days)
    planned = {
        day: day_structure(_blocks(day, b), WakingWindow(), day_over=True).planned_minutes
        for day, b in demo.days.items()
        if day < END
    }
    weekdays = mean(m for d, m in planned.items() if d.weekday() < 5)
    weekends = mean(m for d, m in planned.items() if d.weekday() >= 5)
    assert weekdays > weekends + 4 * 60
    past = [done for day, blocks in demo.days.items() if day < END for _t, done in blocks]
    assert 0.8 < sum(past) / len(past) < 0.97
    assert not any(done for _t, done in demo.days.get(END, []))
    for blocks in demo.days.values():
        for times, _done in blocks:
            times.validate()


def test_a_skipped_meeting_stays_unticked():
    """When the check-in says no meeting, the day's meeting block is not ticked done."""
    checkins, _story, _plan, demo = _demo(26, seed=5)
    skipped = {c.day for c in checkins if c.meeting is False}
    meetings = [
        done
        for day, blocks in demo.days.items()
        if day in skipped
        for times, done in blocks
        if times.category.value == "meeting"
    ]
    assert meetings and not any(meetings)


def test_the_days_before_the_lapse_are_less_often_planned():
    """Unstructured days come before the lapse: the week before it has fewer plans."""
    _checkins, _story, plan, demo = _demo(520, seed=1)
    before = [(plan.lapse_day.toordinal() - n) for n in range(8)]
    unplanned_before = sum(date.fromordinal(d) not in demo.days for d in before)
    assert unplanned_before >= 3


@pytest.mark.parametrize("weeks, seed", [(8, 1), (52, 2), (520, 1), (104, 7)])
def test_idle_evenings_and_evening_cravings_coincide_more_often_than_not(weeks, seed):
    """Most evening cravings fall on a long idle evening, and most long idle evenings
    have an evening craving."""
    _checkins, story, _plan, demo = _demo(weeks, seed)
    cravings = evening_craving_days(story.cravings)
    idle = {
        day for day, blocks in demo.days.items() if idle_evening(_blocks(day, blocks), True)
    } - {END}
    planned_craving_days = cravings & set(demo.days)
    assert len(idle & planned_craving_days) > len(planned_craving_days) / 2
    assert len(idle & cravings) > len(idle) / 2
