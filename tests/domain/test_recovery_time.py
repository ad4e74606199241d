"""Streaks, cumulative clean days and lapses as pure maths."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recovery_desktop.domain.recovery_time import (
    DEFAULT_SUBSTANCE,
    CleanPeriod,
    RecoveryTimeError,
    check_lapse,
    clean_time,
    default_new_start,
    streak_text,
    substances,
)

TODAY = date(2026, 11, 21)
OPIOIDS = DEFAULT_SUBSTANCE


def test_the_clean_date_is_day_zero():
    """On the clean date itself the streak is 0; the next day it is 1."""
    period = CleanPeriod(1, OPIOIDS, TODAY)
    assert clean_time([period], OPIOIDS, TODAY).streak == 0
    assert clean_time([period], OPIOIDS, TODAY + timedelta(days=1)).streak == 1


def test_a_lapse_restarts_the_streak_but_keeps_cumulative_days_and_history():
    """100 days, a lapse, then 20 days: streak 20, cumulative 120, two attempts."""
    first = date(2026, 7, 4)
    lapse_day = first + timedelta(days=100)
    periods = [
        CleanPeriod(1, OPIOIDS, first, lapse_day, lapse_id=7),
        CleanPeriod(2, OPIOIDS, default_new_start(lapse_day)),
    ]
    today = default_new_start(lapse_day) + timedelta(days=20)
    time = clean_time(periods, OPIOIDS, today)
    assert (time.streak, time.cumulative, time.attempts) == (20, 120, 2)
    assert time.first == first and time.since == lapse_day + timedelta(days=1)


def test_streak_text_is_kind_at_the_start():
    """Day one is named, never "0 days"."""
    tomorrow = clean_time([CleanPeriod(1, OPIOIDS, TODAY + timedelta(days=1))], OPIOIDS, TODAY)
    assert streak_text(tomorrow, TODAY) == "Day one starts tomorrow"
    today = clean_time([CleanPeriod(1, OPIOIDS, TODAY)], OPIOIDS, TODAY)
    assert streak_text(today, TODAY) == "Day one is today"
    later = clean_time([CleanPeriod(1, OPIOIDS, TODAY - timedelta(days=1))], OPIOIDS, TODAY)
    assert streak_text(later, TODAY) == "1 day"


def test_no_clean_date_means_no_clean_time():
    """A substance without a clean date has nothing to show."""
    assert clean_time([], OPIOIDS, TODAY) is None


@pytest.mark.parametrize(
    ("lapse_day", "new_start", "message"),
    [
        (TODAY + timedelta(days=1), TODAY + timedelta(days=1), "hasn't come yet"),
        (date(2026, 1, 1), date(2026, 1, 2), "before your current clean date"),
        (TODAY, TODAY - timedelta(days=1), "can't be before the lapse"),
        (TODAY, TODAY + timedelta(days=2), "tomorrow at the latest"),
    ],
)
def test_impossible_lapses_are_refused_in_plain_words(lapse_day, new_start, message):
    """Future lapses, lapses before the clean date and odd new dates get a clear message."""
    periods = [CleanPeriod(1, OPIOIDS, date(2026, 6, 1))]
    with pytest.raises(RecoveryTimeError, match=message):
        check_lapse(periods, OPIOIDS, lapse_day, new_start, TODAY)


def test_the_default_substance_is_listed_first():
    """Opioids first, then others in the order they were added."""
    periods = [CleanPeriod(1, "Alcohol", TODAY), CleanPeriod(2, OPIOIDS, TODAY)]
    assert substances(periods) == [OPIOIDS, "Alcohol"]


@given(
    st.lists(st.tuples(st.integers(0, 400), st.integers(0, 3)), min_size=0, max_size=6),
    st.integers(0, 400),
)
def test_cumulative_days_never_fall_short_of_the_streak_or_exceed_the_whole_span(lapses, tail):
    """For any history: streak <= cumulative <= days since the first clean date."""
    start = date(2020, 1, 1)
    periods, day = [], start
    for index, (length, gap) in enumerate(lapses):
        end = day + timedelta(days=length)
        periods.append(CleanPeriod(index, OPIOIDS, day, end, lapse_id=index))
        day = end + timedelta(days=gap)
    periods.append(CleanPeriod(len(lapses), OPIOIDS, day))
    today = day + timedelta(days=tail)
    time = clean_time(periods, OPIOIDS, today)
    assert time.streak == tail
    assert time.streak <= time.cumulative <= (today - start).days
    assert time.attempts == len(lapses) + 1
