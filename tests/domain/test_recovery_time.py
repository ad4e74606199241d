"""Streaks, cumulative clean days and lapses as pure maths."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recovery_desktop.domain.recovery_time import (
    DEFAULT_SUBSTANCE,
    CleanPeriod,
    RecoveryTimeError,
    badge_text,
    check_clean_date,
    check_lapse,
    clean_time,
    count_sentence,
    cumulative_sentence,
    default_new_start,
    latest_clean_date,
    restart_sentence,
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


def _after_a_lapse_today():
    """Two earlier attempts, and a lapse today whose new count starts tomorrow."""
    return [
        CleanPeriod(1, OPIOIDS, date(2026, 8, 1), date(2026, 9, 1), lapse_id=1),
        CleanPeriod(2, OPIOIDS, date(2026, 9, 2), TODAY, lapse_id=2, started_by=1),
        CleanPeriod(3, OPIOIDS, TODAY + timedelta(days=1), started_by=2),
    ]


def test_an_attempt_that_starts_tomorrow_is_not_counted_yet():
    """ "over 3 attempts" counted an attempt that had not started: now it says 2."""
    time = clean_time(_after_a_lapse_today(), OPIOIDS, TODAY)
    assert time.attempts == 2 and time.streak == 0
    assert time.cumulative == 31 + (TODAY - date(2026, 9, 2)).days
    assert cumulative_sentence(time).endswith(", over 2 attempts.")


def test_a_count_that_starts_tomorrow_is_never_called_since():
    """ "Clean since Sun 22 Nov" named tomorrow; the sentence now says when it starts."""
    time = clean_time(_after_a_lapse_today(), OPIOIDS, TODAY)
    assert count_sentence(time, TODAY) == "Your new count starts tomorrow, Sun 22 Nov."
    assert restart_sentence(time, TODAY) == "Your new count starts tomorrow, Sun 22 Nov"
    assert badge_text(time, TODAY) == "Day one tomorrow"
    assert "since" not in count_sentence(time, TODAY, named=True)


def test_the_restart_is_told_in_the_right_tense():
    """A count that began earlier "started on", one that begins today "starts today"."""
    started = clean_time([CleanPeriod(1, OPIOIDS, date(2026, 11, 17))], OPIOIDS, TODAY)
    assert restart_sentence(started, TODAY) == "Your new count started on Tue 17 Nov"
    assert count_sentence(started, TODAY) == "Clean since Tue 17 Nov 2026."
    assert badge_text(started, TODAY) == "4 days clean"
    today = clean_time([CleanPeriod(1, OPIOIDS, TODAY)], OPIOIDS, TODAY)
    assert restart_sentence(today, TODAY) == "Your new count starts today"
    assert badge_text(today, TODAY) == "Day one today"


def test_nothing_is_summed_up_before_any_attempt_has_started():
    """A first count that starts tomorrow has no "clean days in all since" yet."""
    time = clean_time([CleanPeriod(1, OPIOIDS, TODAY + timedelta(days=1))], OPIOIDS, TODAY)
    assert time.attempts == 0 and cumulative_sentence(time) == ""


def test_a_lapse_without_a_running_count_may_start_none():
    """No new clean date is needed when nothing is counted; with a count it is."""
    check_lapse([], OPIOIDS, TODAY, None, TODAY)
    with pytest.raises(RecoveryTimeError, match="day your count starts again"):
        check_lapse([CleanPeriod(1, OPIOIDS, date(2026, 6, 1))], OPIOIDS, TODAY, None, TODAY)


def test_a_second_lapse_before_the_new_count_starts_is_explained():
    """Not "before your current clean date" about a count that starts tomorrow."""
    periods = _after_a_lapse_today()
    with pytest.raises(RecoveryTimeError, match="Your new count starts tomorrow, Sun 22 Nov"):
        check_lapse(periods, OPIOIDS, TODAY, TODAY + timedelta(days=1), TODAY)


def test_a_new_count_after_a_lapse_today_is_suggested_for_tomorrow():
    """Today, or the day after the latest lapse when that is later."""
    assert latest_clean_date(None, TODAY) == TODAY
    assert latest_clean_date(TODAY, TODAY) == TODAY + timedelta(days=1)
    assert latest_clean_date(TODAY - timedelta(days=3), TODAY) == TODAY


@pytest.mark.parametrize(
    ("start", "last_lapse", "message"),
    [
        (date(1886, 11, 30), None, "from 1 January 1950 on"),
        (TODAY + timedelta(days=1), None, "can't be in the future"),
        (TODAY + timedelta(days=2), TODAY, "at the latest"),
        (TODAY - timedelta(days=4), TODAY - timedelta(days=3), "before your last lapse"),
    ],
)
def test_impossible_clean_dates_are_refused_in_plain_words(start, last_lapse, message):
    """Too early, in the future, or before the latest lapse."""
    with pytest.raises(RecoveryTimeError, match=message):
        check_clean_date(start, last_lapse, TODAY)
