"""Prompts for "Write about today": chosen from today's facts, always two or three."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recovery_desktop.domain.journal_prompts import DayFacts, is_milestone, prompts_for
from recovery_desktop.domain.sessions import AppointmentKind


def _keys(facts: DayFacts) -> list[str]:
    return [prompt.key for prompt in prompts_for(facts)]


def test_a_day_without_a_check_in_gets_two_general_prompts() -> None:
    assert _keys(DayFacts()) == ["today", "grateful"]


def test_a_strong_craving_asks_about_the_craving() -> None:
    assert _keys(DayFacts(craving_peak=8, has_checkin=True))[0] == "craving"
    assert "craving" not in _keys(DayFacts(craving_peak=6, has_checkin=True))


def test_a_lapse_comes_first_and_never_with_a_milestone_or_a_good_day() -> None:
    keys = _keys(DayFacts(lapse_today=True, craving_peak=9, mood=8, clean_days=0))
    assert keys[:2] == ["lapse", "craving"]
    assert "good_day" not in keys and "milestone" not in keys


def test_low_mood_and_poor_sleep() -> None:
    assert _keys(DayFacts(mood=2, sleep_hours=4.5)) == ["low_mood", "sleep"]
    assert _keys(DayFacts(sleep_quality=3))[0] == "sleep"
    assert "sleep" not in _keys(DayFacts(sleep_hours=7.5, sleep_quality=7))


def test_appointments_today_each_kind_its_prompt() -> None:
    kinds = frozenset({AppointmentKind.THERAPY, AppointmentKind.GROUP})
    assert _keys(DayFacts(appointment_today=kinds)) == ["session", "group"]
    assert _keys(DayFacts(appointment_today=frozenset({AppointmentKind.CLINIC})))[0] == "visit"


def test_a_streak_milestone_names_the_days() -> None:
    prompts = prompts_for(DayFacts(clean_days=90, mood=8))
    assert [p.key for p in prompts] == ["milestone", "good_day"]
    assert prompts[0].heading == "90 days"
    assert prompts_for(DayFacts(clean_days=730))[0].heading == "730 days"


@pytest.mark.parametrize(("days", "marked"), [(7, True), (8, False), (1095, True), (0, False)])
def test_milestones(days: int, marked: bool) -> None:
    assert is_milestone(days) is marked


@given(
    st.builds(
        DayFacts,
        craving_peak=st.none() | st.integers(0, 10),
        mood=st.none() | st.integers(0, 10),
        sleep_hours=st.none() | st.floats(0, 24),
        sleep_quality=st.none() | st.integers(0, 10),
        lapse_today=st.booleans(),
        clean_days=st.none() | st.integers(0, 20_000),
        appointment_today=st.frozensets(st.sampled_from(AppointmentKind)),
        has_checkin=st.booleans(),
    )
)
def test_always_two_or_three_different_prompts(facts: DayFacts) -> None:
    prompts = prompts_for(facts)
    assert 2 <= len(prompts) <= 3
    assert len({p.key for p in prompts}) == len(prompts)
    assert all(p.heading and p.hint for p in prompts)
