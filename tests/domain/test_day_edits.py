"""Editing a day's plan in quarter hours (domain/day_edits.py), the timeline's scale
(ui/pages/day/scale.py, plain Python) and the day's numbers in words (domain/day_words.py)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from recovery_desktop.domain.day_edits import (
    drawn,
    moved,
    next_free_slot,
    resized,
    side_by_side,
    time_choices,
)
from recovery_desktop.domain.day_plan import (
    BlockCategory,
    BlockTimes,
    DayStructure,
    IdleStretch,
    WakingWindow,
)
from recovery_desktop.domain.day_words import (
    duration_text,
    outside_line,
    outside_waking,
    structure_lines,
)
from recovery_desktop.ui.pages.day.scale import TimelineScale

WINDOW = WakingWindow()  # 07:00–23:00
LATE = WakingWindow(10 * 60, 2 * 60)  # 10:00–02:00, crossing midnight: 600..1560


def _times(start: int, end: int, title: str = "Block") -> BlockTimes:
    return BlockTimes(start, end, title, BlockCategory.OTHER)


def test_moving_keeps_the_length_and_stops_at_the_window_edges():
    lunch = _times(720, 780)
    assert (moved(lunch, 15, WINDOW).start, moved(lunch, 15, WINDOW).end) == (735, 795)
    assert (moved(lunch, -600, WINDOW).start, moved(lunch, -600, WINDOW).end) == (420, 480)
    assert (moved(lunch, 900, WINDOW).start, moved(lunch, 900, WINDOW).end) == (1320, 1380)
    assert moved(lunch, 7, WINDOW) == lunch  # under half a step: no move


def test_a_block_outside_the_window_moves_without_jumping_into_it():
    """A block planned before the window was narrowed moves a step at a time."""
    early = _times(300, 360)  # 05:00–06:00, before 07:00
    assert (moved(early, 15, WINDOW).start, moved(early, -15, WINDOW).start) == (315, 300)


def test_resizing_moves_the_end_by_steps_and_keeps_one_step_at_least():
    lunch = _times(720, 780)
    assert resized(lunch, 15, WINDOW).end == 795
    assert resized(lunch, -120, WINDOW).end == 735
    assert resized(lunch, 10_000, WINDOW).end == 1380


def test_a_window_crossing_midnight_lets_a_block_reach_into_the_small_hours():
    evening = _times(1380, 1440)  # 23:00–00:00
    assert moved(evening, 120, LATE).end == 1560  # stops at 02:00 the next night
    assert resized(evening, 180, LATE).end == 1560


def test_drawing_snaps_to_the_nearest_quarter_either_way_up_and_stays_in_the_window():
    assert drawn(545, 620, WINDOW) == (540, 615)
    assert drawn(620, 545, WINDOW) == (540, 615)
    assert drawn(540, 601, WINDOW) == (540, 600)  # a pixel past 10:00 ends at 10:00
    assert drawn(539, 606, WINDOW) == (540, 600)
    assert drawn(553, 608, WINDOW) == (555, 615)
    assert drawn(600, 600, WINDOW) == (600, 615)
    assert drawn(1379, 1390, WINDOW) == (1365, 1380)
    assert drawn(1500, 1555, LATE) == (1500, 1560)


@given(
    st.integers(0, 2880),
    st.integers(0, 2880),
    st.sampled_from([WINDOW, LATE, WakingWindow(0, 23 * 60 + 45), WakingWindow(23 * 60, 60)]),
)
def test_a_drawn_block_is_always_on_the_grid_inside_the_window(first, second, window):
    start, end = drawn(first, second, window)
    low, high = window.span
    assert start % 15 == 0 and end % 15 == 0
    assert low <= start < end <= high


@given(st.integers(-3000, 3000), st.integers(-3000, 3000))
def test_moves_and_resizes_stay_on_the_grid_and_in_the_window(move, resize):
    block = _times(720, 780)
    for changed in (moved(block, move, WINDOW), resized(block, resize, WINDOW)):
        assert changed.start % 15 == 0 and changed.end % 15 == 0
        assert 420 <= changed.start < changed.end <= 1380


def test_the_next_free_slot_is_the_first_gap_long_enough():
    blocks = [_times(420, 540), _times(570, 600), _times(600, 720)]
    assert next_free_slot(blocks, WINDOW) == (720, 780)
    assert next_free_slot(blocks, WINDOW, length=30) == (540, 570)
    assert next_free_slot(blocks, WINDOW, after=1000) == (1005, 1065)  # from now, on the grid
    assert next_free_slot([], WINDOW) == (420, 480)


def test_without_an_hour_free_the_longest_shorter_gap_is_offered_and_none_when_full():
    assert next_free_slot([_times(420, 1350)], WINDOW) == (1350, 1380)
    assert next_free_slot([_times(420, 1380)], WINDOW) is None
    assert next_free_slot([_times(300, 1500)], WINDOW) is None  # covering more than it


def test_time_fields_offer_the_window_in_quarter_hours_and_a_block_outside_it():
    choices = time_choices(WINDOW, 300)
    assert choices[:2] == [300, 420] and choices[-1] == 1380 and len(choices) == 66
    assert time_choices(LATE)[-1] == 1560


def test_the_scale_follows_the_font_and_lands_on_device_pixels():
    small, large = TimelineScale(WINDOW, 16), TimelineScale(WINDOW, 24)
    assert large.height > small.height
    assert small.y(420) == 0 and small.y(480) == round(16 * 3.2)
    retina = TimelineScale(WINDOW, 17, device_ratio=2.0)
    assert all((retina.y(m) * 2).is_integer() for m in range(420, 1381, 5))
    assert small.minute_at(small.y(750)) == 750
    assert small.minute_at(-50) == 420 and small.minute_at(10_000) == 1380
    assert small.steps(small.per_minute * 37) == 30  # a drag of 37 minutes: two steps
    assert small.hours()[0] == 420 and small.hours()[-1] == 1380
    assert TimelineScale(LATE, 16).hours()[-1] == 1560


def test_durations_read_like_a_clock():
    assert [duration_text(m) for m in (0, 45, 60, 150)] == ["0 min", "45 min", "1 h", "2 h 30 min"]


def test_the_day_in_words_says_what_is_without_judging():
    structure = DayStructure(True, 390, 570, IdleStretch(1080, 1380), 2, 5)
    assert structure_lines(structure, WINDOW, day_over=False) == [
        "Planned: 6 h 30 min",
        "Idle: 9 h 30 min",
        "Longest idle stretch: 18:00–23:00 (5 h)",
        "Done: 2 of 5 blocks",
        "Waking day 07:00–23:00 (16 h)",
    ]
    over = structure_lines(structure, LATE, day_over=True)
    assert over[0].startswith("Planned and done:") and over[-1].startswith("Once a day is over")
    assert "10:00–02:00 (16 h)" in over[4]
    empty = DayStructure(False, 0, 960, IdleStretch(420, 1380), 0, 0)
    assert structure_lines(empty, WINDOW, day_over=False)[0] == "Nothing planned for this day yet."
    full = DayStructure(True, 960, 0, None, 1, 1)
    assert "none, every waking hour is planned" in structure_lines(full, WINDOW, False)[2]


def test_overlapping_blocks_sit_side_by_side():
    """Work 09–17 with Lunch 12:30–13 and a call 12:45–13:30 inside it: three columns for
    the group; a walk at 18:00 overlaps nothing and has the width to itself."""
    blocks = [
        _times(540, 1020, "Work"),
        _times(750, 780, "Lunch"),
        _times(765, 810, "Call"),
        _times(1080, 1140, "Walk"),
        _times(780, 840, "After lunch"),  # starts as Lunch ends: Lunch's column again
    ]
    assert side_by_side(blocks) == [(0, 3), (1, 3), (2, 3), (0, 1), (1, 3)]
    assert side_by_side([]) == []
    assert side_by_side([_times(540, 600), _times(600, 660)]) == [(0, 1), (0, 1)]


@given(st.lists(st.tuples(st.integers(0, 95), st.integers(1, 16)), max_size=12))
def test_blocks_sharing_a_column_never_overlap(spans):
    blocks = [_times(15 * a, 15 * (a + n)) for a, n in spans]
    placed = side_by_side(blocks)
    for i, (column, columns) in enumerate(placed):
        assert 0 <= column < columns
        for j in range(i):
            if placed[j][0] == column:
                a, b = blocks[i], blocks[j]
                assert a.end <= b.start or b.end <= a.start


def test_blocks_outside_the_waking_day_are_named_wholly_or_partly():
    window = WakingWindow(7 * 60, 12 * 60 + 30)
    inside = _times(9 * 60, 10 * 60)
    partly = BlockTimes(12 * 60, 13 * 60, "Lunch", BlockCategory.MEALS)
    wholly = BlockTimes(13 * 60, 14 * 60 + 30, "Walk", BlockCategory.EXERCISE)
    early = BlockTimes(6 * 60, 7 * 60, "Run", BlockCategory.EXERCISE)
    assert [outside_waking(b, window) for b in (inside, partly, wholly, early)] == [
        False,
        True,
        True,
        True,
    ]
    assert outside_line([inside], window) == ""
    assert outside_line([early, inside, wholly], window) == (
        "Outside your waking day: Run 06:00–07:00, Walk 13:00–14:30"
    )
    late = WakingWindow(10 * 60, 2 * 60)  # crosses midnight: 01:00 is inside
    assert (
        outside_line([BlockTimes(24 * 60 + 60, 24 * 60 + 90, "Read", BlockCategory.OTHER)], late)
        == ""
    )
