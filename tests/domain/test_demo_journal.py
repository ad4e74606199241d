"""The demo's journal entries: deterministic, about six a week, a few shared, tagged, and
never saying what the day's check-in and cravings contradict."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, datetime, time, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from recovery_desktop.domain.demo import demo_checkins, shape
from recovery_desktop.domain.demo_events import demo_events
from recovery_desktop.domain.demo_journal import demo_entries
from recovery_desktop.domain.journal_entries import JournalEntry

END = date(2026, 11, 30)
TAGS = {"cravings", "family", "work", "meeting", "sleep", "therapy", "gratitude", "lapse"}


def _story(weeks: int, seed: int = 1, end: date = END):
    plan = shape(weeks, end)
    checkins = list(demo_checkins(weeks, end, seed))
    cravings = demo_events(checkins, plan, seed).cravings
    return plan, checkins, cravings, demo_entries(checkins, cravings, plan, seed)


def test_the_same_seed_gives_the_same_entries() -> None:
    assert _story(8, seed=3)[3] == _story(8, seed=3)[3]
    assert _story(8, seed=3)[3] != _story(8, seed=4)[3]


def test_about_six_entries_a_week_a_few_shared_all_valid() -> None:
    plan, _, _, entries = _story(52)
    assert 5.0 <= len(entries) / 52 <= 7.0
    shared = [e for e in entries if e.shared]
    assert 3 <= len(shared) <= len(entries) // 10
    for entry in entries:
        entry.validate()
        assert not entry.is_empty and set(entry.tags) <= TAGS
        assert plan.start <= entry.written_at.date() < plan.end  # never the unfinished last day
    assert entries == sorted(entries, key=lambda e: e.written_at)
    used = Counter(tag for e in entries for tag in e.tags)
    assert {"cravings", "work", "meeting", "sleep", "family"} <= set(used)


def test_the_lapse_story_is_written_and_shared_from_the_week_after() -> None:
    """Nothing is shared in the lapse's own week (its summary has no room left on two
    pages); the entry a week on is, when it falls in another week."""
    plan, _, _, entries = _story(20)
    on = {e.written_at.date(): e for e in entries}
    lapse, after = on[plan.lapse_day], on[plan.lapse_day + timedelta(days=1)]
    week_on = on[plan.lapse_day + timedelta(days=6)]
    assert "lapse" in lapse.tags and not lapse.shared and not after.shared
    assert "I used tonight" in lapse.body and "called Sam" in after.body
    assert week_on.shared == (plan.lapse_day.weekday() != 0)  # a Monday's week ends Sunday
    lapse_week = plan.lapse_day.isocalendar()[:2]
    assert not [e for e in entries if e.shared and e.written_at.isocalendar()[:2] == lapse_week]


@settings(max_examples=10, deadline=None)
@given(weeks=st.integers(1, 30), seed=st.integers(1, 50))
def test_entries_agree_with_the_days_they_are_written_on(weeks: int, seed: int) -> None:
    _, checkins, cravings, entries = _story(weeks, seed)
    days = {c.day: c for c in checkins}
    strong = {(c.started_at, c.intensity) for c in cravings if (c.intensity or 0) >= 6}
    for entry in entries:
        day = days[entry.written_at.date()]
        story = "lapse" in entry.tags
        assert ("meeting" not in entry.tags) or day.meeting is True
        assert ("therapy" not in entry.tags) or day.therapy is True or story
        if "cravings" in entry.tags and not story:
            told = re.search(r"(\d\d):(\d\d), (\d+)/10", entry.body)
            assert told is not None
            hour, minute, intensity = map(int, told.groups())
            at = datetime.combine(day.day, time(hour, minute))
            assert (at, intensity) in strong  # the day's own craving
            assert entry.written_at > at  # written once it had passed
        assert ("work" not in entry.tags) or day.day.weekday() < 5
        if "Barely slept" in entry.body or "Awake half the night" in entry.body:
            assert (day.sleep_hours or 24) < 6
        assert "Walked" not in entry.body or (day.exercise_minutes or 0) >= 20


def test_ten_years_give_over_three_thousand_entries() -> None:
    entries: list[JournalEntry] = _story(520)[3]
    assert len(entries) >= 3000
