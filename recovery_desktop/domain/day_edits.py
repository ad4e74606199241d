"""Editing a day's plan in 15-minute steps: moving, resizing and drawing blocks, and the
next free slot for a new one. Plain functions over minutes on the day's scale (see
``domain/day_plan.py``: minutes from midnight at the start of the block's day, 0..2880);
the My day timeline calls them and draws what they return.

Every result lies on the 15-minute grid (``STEP_MINUTES``) and lasts at least one step.
A block is kept inside the waking window when it is moved or resized, unless it already
lay outside it (a window changed in Settings after the block was planned): such a block may
move within the larger of the two, so a key press never makes it jump.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from recovery_desktop.domain.day_plan import (
    LAST_MINUTE,
    STEP_MINUTES,
    BlockTimes,
    DayBlock,
    WakingWindow,
    snap,
)

DEFAULT_LENGTH = 60  # minutes a new block lasts unless the user draws it


def _bounds(times: BlockTimes, window: WakingWindow) -> tuple[int, int]:
    """Where ``times`` may go: the waking window, widened to hold the block itself."""
    start, end = window.span
    return min(start, times.start), max(end, times.end)


def moved(times: BlockTimes, minutes: int, window: WakingWindow) -> BlockTimes:
    """``times`` moved by ``minutes`` (snapped to the grid; negative is earlier), its length
    kept, stopped at the edges of the window (see the module's note)."""
    low, high = _bounds(times, window)
    length = times.end - times.start
    start = min(max(times.start + snap(minutes), low), high - length)
    return replace(times, start=start, end=start + length)


def resized(times: BlockTimes, minutes: int, window: WakingWindow) -> BlockTimes:
    """``times`` with its end moved by ``minutes`` (snapped), never shorter than one step
    and never past the end of the window (see the module's note)."""
    _low, high = _bounds(times, window)
    end = min(max(snap(times.end + minutes), times.start + STEP_MINUTES), high)
    return replace(times, end=end)


def drawn(first: int, second: int, window: WakingWindow) -> tuple[int, int]:
    """The (start, end) a drag from minute ``first`` to ``second`` draws, either way up:
    each end snapped to the nearest line of the grid (a drag ending a pixel past 10:00
    ends at 10:00, not 10:15), at least one step long, inside the window."""
    low, high = window.span
    top, bottom = sorted((first, second))
    start = max(low, min(snap(top), high - STEP_MINUTES))
    end = min(high, max(snap(bottom), start + STEP_MINUTES))
    return start, end


def next_free_slot(
    blocks: Sequence[BlockTimes | DayBlock],
    window: WakingWindow,
    after: int | None = None,
    length: int = DEFAULT_LENGTH,
) -> tuple[int, int] | None:
    """The first free stretch of the window at or after minute ``after`` (the window's
    start when None) for a new block of ``length`` minutes, as (start, end) on the grid.

    A gap shorter than ``length`` (but at least one step) is offered when no longer one is
    free; None when the whole window from ``after`` on is planned."""
    low, high = window.span
    start = max(low, _ceil(after if after is not None else low))
    gaps = _gaps(blocks, start, high)
    for gap_start, gap_end in gaps:
        if gap_end - gap_start >= length:
            return gap_start, gap_start + length
    usable = [gap for gap in gaps if gap[1] - gap[0] >= STEP_MINUTES]
    return max(usable, key=lambda gap: gap[1] - gap[0]) if usable else None


def _gaps(blocks: Sequence[BlockTimes | DayBlock], low: int, high: int) -> list[tuple[int, int]]:
    """Free stretches between ``low`` and ``high``, each on the grid."""
    gaps: list[tuple[int, int]] = []
    cursor = low
    for start, end in sorted((b.start, b.end) for b in blocks):
        if _floor(start) > cursor:
            gaps.append((cursor, min(_floor(start), high)))
        cursor = max(cursor, _ceil(end))
        if cursor >= high:
            break
    if cursor < high:
        gaps.append((cursor, high))
    return [(a, b) for a, b in gaps if b > a]


def side_by_side(blocks: Sequence[BlockTimes | DayBlock]) -> list[tuple[int, int]]:
    """Where overlapping blocks sit, as a calendar lays them out: for each block, in the
    order given, (its column, the columns of its group). Blocks that overlap each other,
    directly or through others, form a group; each takes the first column free at its
    start. A block overlapping nothing is (0, 1)."""
    placed = [(0, 1)] * len(blocks)
    group: list[int] = []
    ends: list[int] = []  # the end of the last block in each column of the group
    group_end = -1
    for index in sorted(range(len(blocks)), key=lambda i: (blocks[i].start, blocks[i].end)):
        block = blocks[index]
        if group and block.start >= group_end:
            placed = _close(placed, group, len(ends))
            group, ends = [], []
        column = next((c for c, end in enumerate(ends) if end <= block.start), len(ends))
        if column == len(ends):
            ends.append(block.end)
        else:
            ends[column] = block.end
        placed[index] = (column, 0)
        group.append(index)
        group_end = max(group_end, block.end) if len(group) > 1 else block.end
    return _close(placed, group, len(ends)) if group else placed


def _close(placed: list[tuple[int, int]], group: list[int], columns: int) -> list[tuple[int, int]]:
    return [(p[0], columns) if i in group else p for i, p in enumerate(placed)]


def time_choices(window: WakingWindow, *extra: int) -> list[int]:
    """Every grid minute of the window, start and end included, plus ``extra`` minutes (a
    block's own times lying outside it), in order: what a time field offers."""
    low, high = window.span
    minutes = set(range(low, high + 1, STEP_MINUTES)) | set(extra)
    return sorted(m for m in minutes if 0 <= m <= LAST_MINUTE)


def _floor(minute: int) -> int:
    return minute // STEP_MINUTES * STEP_MINUTES


def _ceil(minute: int) -> int:
    return -(-minute // STEP_MINUTES) * STEP_MINUTES
