"""The words of Today's day card at a minute, and the minute they next change (the card's
single-shot timer): checked against every minute in between, under hypothesis."""

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from recovery_desktop.domain.day_now import (
    day_now,
    next_change,
    next_day_starts,
    quarter_hours_text,
)
from recovery_desktop.domain.day_plan import (
    BlockCategory,
    BlockTimes,
    DayBlock,
    WakingWindow,
)

DAY = date(2026, 11, 30)


def _block(start, end, done=False, title="Block"):
    return DayBlock(0, DAY, BlockTimes(start, end, title, BlockCategory.OTHER), done)


def test_durations_are_shown_to_the_quarter_hour():
    assert [quarter_hours_text(m) for m in (0, 7, 8, 45, 60, 130, 290)] == [
        "0 min",
        "0 min",
        "15 min",
        "45 min",
        "1 h",
        "2 h 15 min",
        "4 h 45 min",
    ]


def test_overlapping_blocks_under_way_name_the_latest_started():
    blocks = [_block(540, 1020, title="Work"), _block(600, 660, title="Call")]
    assert day_now(blocks, WakingWindow(), 610).line == "Now: Call until 11:00"


def test_the_next_waking_day_starts_at_midnight_or_at_a_late_windows_end():
    assert next_day_starts(WakingWindow()) == 1440
    assert next_day_starts(WakingWindow(600, 120)) == 1560


blocks = st.lists(
    st.tuples(st.integers(0, 2800), st.integers(1, 600), st.booleans()).map(
        lambda t: _block(t[0], min(t[0] + t[1], 2880), t[2])
    ),
    min_size=1,
    max_size=5,
)
windows = st.tuples(st.integers(0, 1439), st.integers(0, 1439)).filter(lambda w: w[0] != w[1])


@settings(max_examples=60, deadline=None)
@given(blocks, windows, st.integers(0, 2879))
def test_the_words_stay_the_same_until_the_minute_next_change_names(plan, bounds, minute):
    """Every minute before the one found says the same; that one says something else;
    with none found, nothing changes to the end of the day's scale."""
    window = WakingWindow(*bounds)
    shown = day_now(plan, window, minute)
    found = next_change(plan, window, minute)
    last = found if found is not None else 2881
    for at in range(minute + 1, last):
        assert day_now(plan, window, at) == shown, at
    if found is not None:
        assert day_now(plan, window, found) != shown
