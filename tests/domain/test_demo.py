"""The demo journal: deterministic, realistic, and never contradicting itself."""

import re
from datetime import date, timedelta
from statistics import mean

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recovery_desktop.domain.checkin import Halt
from recovery_desktop.domain.contacts import Role
from recovery_desktop.domain.demo import MAX_WEEKS, demo_checkins, shape
from recovery_desktop.domain.demo_events import CONTACTS, demo_events

END = date(2026, 11, 21)


def test_the_same_seed_gives_the_same_journal():
    """Deterministic for a seed; a different seed differs."""
    assert list(demo_checkins(4, END, seed=3)) == list(demo_checkins(4, END, seed=3))
    assert list(demo_checkins(4, END, seed=3)) != list(demo_checkins(4, END, seed=4))


def test_demo_covers_the_period_with_a_few_days_missing():
    """Most days have a check-in, some do not, none fall outside the period."""
    checkins = list(demo_checkins(8, END))
    plan = shape(8, END)
    assert all(plan.start <= c.day <= END for c in checkins)
    assert 45 <= len(checkins) < 56


def test_one_lapse_midway_after_warning_signs():
    """Exactly one "used" day, in the middle, after days of rising stress and cravings."""
    checkins = list(demo_checkins(8, END))
    used = [c.day for c in checkins if c.used]
    assert used == [shape(8, END).lapse_day]
    before = [c for c in checkins if 0 < (used[0] - c.day).days <= 4]
    calm = [c for c in checkins if (used[0] - c.day).days > 10]
    assert mean(c.craving_peak for c in before) > mean(c.craving_peak for c in calm)


def test_weekdays_carry_more_stress_than_weekends():
    """The weekday and weekend rhythm shows in the numbers."""
    checkins = list(demo_checkins(26, END, seed=7))
    weekday = mean(c.stress for c in checkins if c.day.weekday() < 5)
    weekend = mean(c.stress for c in checkins if c.day.weekday() >= 5)
    assert weekday > weekend + 1


def test_not_answered_appears_as_well_as_no():
    """Some days leave "used today" unanswered, which must stay distinct from "no"."""
    checkins = list(demo_checkins(8, END))
    assert any(c.used is None for c in checkins)
    assert any(c.used is False for c in checkins)


def test_every_generated_checkin_is_valid():
    """Ten years of demo data pass validation."""
    for checkin in demo_checkins(MAX_WEEKS, END, seed=2):
        checkin.validate()


@pytest.mark.parametrize("weeks", [0, MAX_WEEKS + 1])
def test_weeks_outside_the_range_are_refused(weeks):
    """1 to 520 weeks."""
    with pytest.raises(ValueError):
        list(demo_checkins(weeks, END))


# -- notes agree with the day they were written on -----------------------------------------
# What a note says (found by its words) and what that day's answers must then show.
CLAIMS = (
    (r"\bmeetings?\b", "a meeting", lambda c: c.meeting is True),
    (r"\btherapy today\b", "therapy", lambda c: c.therapy is True),
    (r"\bwalk(ed)?\b", "exercise", lambda c: (c.exercise_minutes or 0) > 0),
    (r"\bslept well\b", "good sleep", lambda c: (c.sleep_hours or 0) >= 7),
    (r"\bslept well\b", "not HALT tired", lambda c: Halt.TIRED not in c.halt),
    (r"\bcouldn't sleep\b", "poor sleep", lambda c: (c.sleep_hours or 24) < 6),
    (r"\btired\b", "HALT tired", lambda c: Halt.TIRED in c.halt),
    (r"\bargued\b", "HALT angry", lambda c: Halt.ANGRY in c.halt),
    (r"\bwork\b", "a working day", lambda c: c.day.weekday() < 5),
    (r"\bnothing planned\b", "a weekend", lambda c: c.day.weekday() >= 5),
    (
        r"\bnothing planned\b",
        "no meeting or therapy",
        lambda c: c.meeting is not True and c.therapy is not True,
    ),
    (r"\bi used\b", "used: yes", lambda c: c.used is True),
    (r"\bdinner\b", "not HALT hungry", lambda c: Halt.HUNGRY not in c.halt),
)


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 10_000), offset=st.integers(0, 364))
def test_every_note_agrees_with_that_days_answers(seed, offset):
    """A note about a meeting, therapy, a walk, sleep, work… is only on a day that shows it."""
    end = END - timedelta(days=offset)
    for checkin in demo_checkins(12, end, seed):
        text = checkin.note.lower()
        for pattern, what, holds in CLAIMS:
            if re.search(pattern, text):
                assert holds(checkin), f"{checkin.day}: {checkin.note!r} needs {what}"


@settings(max_examples=15, deadline=None)
@given(seed=st.integers(0, 10_000), offset=st.integers(0, 364))
def test_the_lapse_story_agrees_with_the_days_around_it(seed, offset):
    """Before the lapse: bad sleep, a skipped meeting, nobody reached; after: the sponsor called."""
    end = END - timedelta(days=offset)
    plan = shape(8, end)
    checkins = list(demo_checkins(8, end, seed))
    story = demo_events(checkins, plan, seed)
    before = [c for c in checkins if 0 < (plan.lapse_day - c.day).days <= 4]
    assert len(before) == 4
    assert all(c.sleep_hours < 6.5 for c in before)
    assert any(c.meeting is False for c in before)
    assert any(c.stress >= 6 for c in before if c.day.weekday() < 5)
    reached = [(CONTACTS[i], r.at.date()) for i, r, _craving in story.reach_outs]
    assert not [day for _who, day in reached if 0 < (plan.lapse_day - day).days <= 5]
    day_after = plan.lapse_day + timedelta(days=1)
    noted = [c for c in checkins if c.day == day_after and "sponsor" in c.note]
    for _checkin in noted:
        assert any(who.role is Role.SPONSOR and day == day_after for who, day in reached)
    for craving in story.cravings:
        at_work = "work" in craving.place.lower() or "work" in craving.with_whom.lower()
        assert not at_work or (craving.day.weekday() < 5 and 8 <= craving.started_at.hour < 18)


@settings(max_examples=15, deadline=None)
@given(seed=st.integers(0, 10_000), weeks=st.integers(1, 60))
def test_nothing_happens_later_than_the_demo_is_made(seed, weeks):
    """The last day has its check-in but no craving, reach-out or lapse yet: made at any hour,
    the sample journal never shows a craving at 17:30 when it is 09:00."""
    plan = shape(weeks, END)
    story = demo_events(list(demo_checkins(weeks, END, seed)), plan, seed)
    moments = [c.started_at for c in story.cravings] + [r.at for _i, r, _c in story.reach_outs]
    if story.lapse is not None:
        moments.append(story.lapse.at)
    assert all(moment.date() < END for moment in moments)
