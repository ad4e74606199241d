"""Blocks, the waking window and times of day: what can be saved, and how times are shown."""

from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recovery_desktop.domain.day_plan import (
    STEP_MINUTES,
    BlockCategory,
    BlockTimes,
    DayPlanError,
    WakingWindow,
    check_weekday,
    day_is_over,
    minute_text,
    snap,
    waking_day,
)


def _times(start=540, end=600, title="Work", note=""):
    return BlockTimes(start, end, title, BlockCategory.WORK, note)


def test_every_category_has_its_own_label_and_mark():
    """Eleven categories, each told apart by a label and a short mark, not only colour."""
    assert len(BlockCategory) == 11
    assert len({c.label for c in BlockCategory}) == len({c.mark for c in BlockCategory}) == 11
    assert BlockCategory.THERAPY.label == "Therapy or counselling"
    assert BlockCategory("meeting") is BlockCategory.MEETING


def test_the_default_waking_window_is_seven_to_eleven():
    """07:00–23:00, sixteen hours, not crossing midnight."""
    window = WakingWindow()
    assert (window.start, window.end, window.minutes) == (420, 1380, 960)
    assert not window.crosses_midnight and window.span == (420, 1380)


@pytest.mark.parametrize("start, end", [(600, 600), (-1, 600), (600, 1440), (0, 1500)])
def test_a_waking_window_of_no_length_or_outside_the_day_is_refused(start, end):
    """Start and end are times of day (0..1439) and must differ."""
    with pytest.raises(ValueError):
        WakingWindow(start, end)


def test_a_valid_block_passes_and_invalid_ones_say_why():
    """End after start, at most a day long, a title, short texts without hidden characters."""
    _times().validate()
    _times(1470, 1530).validate()
    cases = {
        "end after it starts": _times(600, 600),
        "within its day": _times(2800, 2881),
        "at most a day": _times(0, 1441),
        "give the block a title": _times(title="  "),
        "80 characters": _times(title="x" * 81),
        "hidden characters": _times(title="Wo\u202erk"),
        "1,000 characters": _times(note="n" * 1001),
    }
    for words, times in cases.items():
        with pytest.raises(DayPlanError, match=words):
            times.validate()
    _times(note="line one\nline two").validate()


def test_snap_rounds_to_the_nearest_quarter_hour():
    """7 minutes round down, 8 round up."""
    assert [snap(m) for m in (0, 7, 8, 22, 23, 1439)] == [0, 0, 15, 15, 30, 1440]


@given(st.integers(0, 2880))
def test_snap_is_a_step_and_never_more_than_half_a_step_away(minute):
    """A snapped minute is a multiple of 15 within 7 minutes of the original."""
    snapped = snap(minute)
    assert snapped % STEP_MINUTES == 0 and abs(snapped - minute) <= STEP_MINUTES // 2


def test_minute_text_is_a_24_hour_clock_past_midnight_too():
    """1080 is 18:00; 1530 (the night after) is 01:30; 2880 is 00:00."""
    assert [minute_text(m) for m in (0, 425, 1080, 1530, 2880)] == [
        "00:00",
        "07:05",
        "18:00",
        "01:30",
        "00:00",
    ]


def test_the_small_hours_of_a_crossing_window_belong_to_the_day_before():
    """01:00 on 3 March in a 10:00–02:00 window is minute 1500 of 2 March; 09:00 is 3 March."""
    late = WakingWindow(600, 120)
    assert waking_day(datetime(2026, 3, 3, 1, 0), late) == (date(2026, 3, 2), 1500)
    assert waking_day(datetime(2026, 3, 3, 9, 0), late) == (date(2026, 3, 3), 540)
    assert waking_day(datetime(2026, 3, 3, 1, 0), WakingWindow()) == (date(2026, 3, 3), 60)


def test_a_day_is_over_after_its_window_ends_and_every_earlier_day_is_over():
    """Today runs until 23:00 (or until 02:00 the next morning for a late window)."""
    today = date(2026, 3, 3)
    assert day_is_over(date(2026, 3, 2), WakingWindow(), datetime(2026, 3, 3, 8, 0))
    assert not day_is_over(today, WakingWindow(), datetime(2026, 3, 3, 22, 59))
    assert day_is_over(today, WakingWindow(), datetime(2026, 3, 3, 23, 0))
    late = WakingWindow(600, 120)
    assert not day_is_over(today, late, datetime(2026, 3, 4, 1, 30))
    assert day_is_over(today, late, datetime(2026, 3, 4, 2, 0))
    assert not day_is_over(date(2026, 3, 4), WakingWindow(), datetime(2026, 3, 3, 12, 0))


def test_weekdays_are_monday_zero_to_sunday_six():
    """7 and True are not weekdays."""
    check_weekday(0)
    check_weekday(6)
    for wrong in (7, -1, True):
        with pytest.raises(DayPlanError):
            check_weekday(wrong)
