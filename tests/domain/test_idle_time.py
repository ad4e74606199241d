"""Idle-time maths: the waking window, overlaps counted once, blocks outside the window,
undone blocks once the day is over, today's split at now, and invariants under hypothesis."""

import itertools
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from recovery_desktop.domain.day_plan import (
    BlockCategory,
    BlockTimes,
    DayBlock,
    IdleStretch,
    WakingWindow,
    counted_blocks,
    day_structure,
    idle_split,
    idle_stretches,
    overlaps,
)
from recovery_desktop.domain.idle_time import Span, covered

DAY = date(2026, 11, 30)
DEFAULT = WakingWindow()  # 07:00–23:00
LATE = WakingWindow(10 * 60, 2 * 60)  # 10:00–02:00, crossing midnight


def _block(start, end, done=False, block_id=0):
    times = BlockTimes(start, end, "Block", BlockCategory.OTHER)
    return DayBlock(block_id, DAY, times, done)


def _h(hours, minutes=0):
    return hours * 60 + minutes


def test_a_day_without_blocks_is_all_idle():
    """No plan: the whole 16-hour window is one idle stretch, and the day says it has no plan."""
    structure = day_structure([], DEFAULT, day_over=False)
    assert structure.has_plan is False
    assert (structure.planned_minutes, structure.idle_minutes) == (0, 16 * 60)
    assert structure.longest_idle == IdleStretch(_h(7), _h(23))
    assert (structure.done, structure.planned) == (0, 0)


def test_overlapping_and_nested_blocks_are_counted_once():
    """Work 9–17 with a meeting 10–11 inside it and lunch 12:30–13:30 overlapping: 8 hours."""
    blocks = [_block(_h(9), _h(17)), _block(_h(10), _h(11)), _block(_h(12, 30), _h(13, 30))]
    structure = day_structure(blocks, DEFAULT, day_over=False)
    assert structure.planned_minutes == 8 * 60
    assert structure.idle_minutes == 8 * 60
    assert idle_stretches(blocks, DEFAULT) == [
        IdleStretch(_h(7), _h(9)),
        IdleStretch(_h(17), _h(23)),
    ]


def test_blocks_outside_the_window_count_only_inside_it():
    """A 05:00–08:00 run counts from 07:00; 23:30–00:30 does not count at all."""
    blocks = [_block(_h(5), _h(8)), _block(_h(23, 30), _h(24, 30))]
    structure = day_structure(blocks, DEFAULT, day_over=False)
    assert structure.planned_minutes == 60
    assert structure.idle_minutes == 15 * 60


def test_a_window_crossing_midnight_counts_the_small_hours():
    """10:00–02:00: a block 00:30–01:30 after midnight (1470–1530) is inside the window."""
    assert LATE.crosses_midnight and LATE.span == (600, 1560) and LATE.minutes == 16 * 60
    blocks = [_block(_h(22), _h(24, 30)), _block(1470, 1530)]
    stretches = idle_stretches(blocks, LATE)
    assert stretches == [IdleStretch(600, _h(22)), IdleStretch(1530, 1560)]
    assert day_structure(blocks, LATE, day_over=False).planned_minutes == 150 + 60


def test_a_block_before_midnight_of_a_crossing_window_is_clipped_at_its_end():
    """A block running from 01:00 to 03:00 after midnight counts until the window ends at 02:00."""
    assert day_structure([_block(1500, 1620)], LATE, day_over=False).planned_minutes == 60


def test_undone_blocks_count_until_the_day_is_over():
    """Two blocks, one ticked: both count while the day runs, only the ticked one after."""
    blocks = [_block(_h(9), _h(10), done=True), _block(_h(18), _h(20))]
    running = day_structure(blocks, DEFAULT, day_over=False)
    over = day_structure(blocks, DEFAULT, day_over=True)
    assert running.planned_minutes == 180 and over.planned_minutes == 60
    assert (over.done, over.planned) == (1, 2)
    assert over.longest_idle == IdleStretch(_h(10), _h(23))
    assert counted_blocks(blocks, day_over=True) == [blocks[0]]


def test_the_longest_idle_stretch_is_the_first_of_equals():
    """Two 3-hour gaps: the morning one is named; a fully planned day has none."""
    blocks = [_block(_h(10), _h(13)), _block(_h(16), _h(20))]
    assert day_structure(blocks, DEFAULT, day_over=False).longest_idle == IdleStretch(_h(7), _h(10))
    full = day_structure([_block(_h(6), _h(24))], DEFAULT, day_over=False)
    assert full.longest_idle is None and full.idle_minutes == 0


def test_a_zero_length_block_covers_nothing():
    """A block ending where it starts (not storable, but possible mid-drag) changes nothing."""
    blocks = [_block(_h(12), _h(12))]
    assert idle_stretches(blocks, DEFAULT) == [IdleStretch(_h(7), _h(23))]
    assert day_structure(blocks, DEFAULT, day_over=False).has_plan is True


def test_today_is_split_at_now():
    """At 14:00 with a block 12–13: 6 hours idle so far (07–12, 13–14), 9 to come."""
    blocks = [_block(_h(12), _h(13))]
    assert idle_split(blocks, DEFAULT, _h(14)) == (_h(6), _h(9))
    assert idle_split(blocks, DEFAULT, _h(6)) == (0, _h(15))


def test_today_after_the_window_counts_only_done_blocks_and_nothing_to_come():
    """At 23:30 the day is over: the undone block is idle time, and none is still to come."""
    blocks = [_block(_h(12), _h(13))]
    assert idle_split(blocks, DEFAULT, _h(23, 30)) == (_h(16), 0)
    assert idle_split(blocks, LATE, 1500) == (900 - 60, 60)


def test_overlaps_finds_blocks_sharing_a_minute_and_ignores_the_one_being_moved():
    """Touching blocks do not overlap; the block itself is left out by its id."""
    others = [_block(_h(9), _h(10), block_id=1), _block(_h(10), _h(11), block_id=2)]
    moved = BlockTimes(_h(9, 30), _h(10), "Block", BlockCategory.OTHER)
    assert overlaps(moved, others) == [others[0]]
    assert overlaps(moved, others, ignore_id=1) == []
    assert overlaps(BlockTimes(_h(11), _h(12), "B", BlockCategory.REST), others) == []


# --- invariants -------------------------------------------------------------------------

minutes = st.integers(min_value=0, max_value=2880)
windows = (
    st.tuples(st.integers(0, 1439), st.integers(0, 1439))
    .filter(lambda pair: pair[0] != pair[1])
    .map(lambda pair: WakingWindow(*pair))
)


@st.composite
def spans(draw):
    """A block's done tick and minutes, zero-length ones included."""
    start = draw(minutes)
    end = draw(st.integers(min_value=start, max_value=2880))
    return draw(st.booleans()), start, end


block_lists = st.lists(spans(), max_size=12).map(
    lambda rows: [_block(s, e, done, i + 1) for i, (done, s, e) in enumerate(rows)]
)


def _minute_set(blocks, window):
    low, high = window.span
    return {m for b in blocks for m in range(max(b.start, low), min(b.end, high))}


@given(block_lists, windows, st.booleans())
def test_planned_and_idle_make_the_window_and_match_a_minute_count(blocks, window, day_over):
    """planned + idle == window minutes, and planned is the number of distinct covered minutes."""
    structure = day_structure(blocks, window, day_over=day_over)
    assert structure.planned_minutes + structure.idle_minutes == window.minutes
    counted = counted_blocks(blocks, day_over)
    assert structure.planned_minutes == len(_minute_set(counted, window))
    assert 0 <= structure.done <= structure.planned == len(blocks)


@given(block_lists, windows)
def test_stretches_are_ordered_disjoint_inside_the_window_and_cover_no_block(blocks, window):
    """Each stretch lies in the window, after the one before, and shares no minute with a block."""
    low, high = window.span
    stretches = idle_stretches(blocks, window)
    for before, after in itertools.pairwise(stretches):
        assert before.end < after.start
    covered_minutes = _minute_set(blocks, window)
    for stretch in stretches:
        assert low <= stretch.start < stretch.end <= high
        assert not covered_minutes & set(range(stretch.start, stretch.end))


@given(block_lists, windows, st.randoms(use_true_random=False))
def test_order_does_not_matter(blocks, window, random):
    """Shuffled blocks give the same structure."""
    shuffled = list(blocks)
    random.shuffle(shuffled)
    assert day_structure(shuffled, window, day_over=True) == day_structure(
        blocks, window, day_over=True
    )


@given(block_lists, windows, st.booleans())
def test_the_longest_stretch_is_no_longer_than_the_idle_time(blocks, window, day_over):
    """longest ≤ idle; None exactly when there is no idle time; no stretch is longer."""
    structure = day_structure(blocks, window, day_over=day_over)
    if structure.longest_idle is None:
        assert structure.idle_minutes == 0
    else:
        assert 0 < structure.longest_idle.minutes <= structure.idle_minutes
        counted = counted_blocks(blocks, day_over)
        assert all(
            s.minutes <= structure.longest_idle.minutes for s in idle_stretches(counted, window)
        )


@given(block_lists, windows, minutes)
def test_the_split_at_now_adds_up_to_the_day(blocks, window, now):
    """So far + to come is the day's idle time, by the rule in force at ``now``."""
    so_far, to_come = idle_split(blocks, window, now)
    day_over = now >= window.span[1]
    assert so_far + to_come == day_structure(blocks, window, day_over=day_over).idle_minutes
    assert so_far <= max(0, now - window.span[0])
    if day_over:
        assert to_come == 0


@given(st.lists(st.tuples(minutes, minutes), max_size=10), st.tuples(minutes, minutes))
def test_covered_intervals_are_sorted_and_disjoint(pairs, span):
    """Merged intervals never touch or overlap, and cover exactly the blocks' minutes."""
    items: list[Span] = [_block(min(a, b), max(a, b)) for a, b in pairs]
    low, high = min(span), max(span)
    merged = covered(items, (low, high))
    for before, after in itertools.pairwise(merged):
        assert before[1] < after[0]
    minute_set = {m for s, e in merged for m in range(s, e)}
    assert minute_set == {m for b in items for m in range(max(b.start, low), min(b.end, high))}
