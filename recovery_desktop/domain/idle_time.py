"""Idle time: the waking minutes of a day that no block of its plan covers.

The rules (README, "How idle time is counted"):
- only minutes inside the waking window count; a block partly outside it counts only for
  its part inside, a block wholly outside not at all;
- overlapping or nested blocks cover their minutes once;
- a block of no length covers nothing;
- undone blocks count as structure until the day is over; from then on only done ones
  (the caller decides whether the day is over: ``day_plan.day_is_over``).

All minutes are on the day's scale of ``domain/day_plan.py`` (0..2880). Nothing here
imports the block types at run time: any object with ``start`` and ``end`` (and ``done``
where asked) will do, so ``BlockTimes`` and ``DayBlock`` both fit.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, TypeVar

if TYPE_CHECKING:
    from recovery_desktop.domain.day_plan import DayBlock, WakingWindow


class Span(Protocol):
    """Anything with a start and an end minute: a block or its times."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


class Tickable(Span, Protocol):
    @property
    def done(self) -> bool: ...


T = TypeVar("T", bound=Tickable)


@dataclass(frozen=True)
class IdleStretch:
    """Waking minutes ``start``..``end`` (day scale) that no counted block covers."""

    start: int
    end: int

    @property
    def minutes(self) -> int:
        return self.end - self.start


@dataclass(frozen=True)
class DayStructure:
    """A day's plan in numbers (minutes of the waking window, counts of blocks).

    ``planned_minutes + idle_minutes`` is always the window's length. A day with no plan is
    all idle; ``has_plan`` tells it apart (charts leave such days out).
    """

    has_plan: bool  # at least one block on the day
    planned_minutes: int  # waking minutes covered by blocks that count (overlaps once)
    idle_minutes: int  # waking minutes not covered by any block that counts
    longest_idle: IdleStretch | None  # the first of the longest stretches; None if no idle
    done: int  # blocks ticked done
    planned: int  # blocks on the day


def counted_blocks(blocks: Iterable[T], day_over: bool) -> list[T]:
    """The blocks that count as structure: all of them until the day is over, then only
    those ticked done."""
    return [block for block in blocks if block.done or not day_over]


def covered(blocks: Iterable[Span], span: tuple[int, int]) -> list[tuple[int, int]]:
    """The minutes of ``span`` (start, end) the blocks cover, as sorted, disjoint intervals
    (overlapping or touching blocks merged; parts outside ``span`` and empty blocks left out)."""
    low, high = span
    clipped = sorted(
        (max(block.start, low), min(block.end, high))
        for block in blocks
        if min(block.end, high) > max(block.start, low)
    )
    merged: list[tuple[int, int]] = []
    for start, end in clipped:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def idle_stretches(blocks: Iterable[Span], window: WakingWindow) -> list[IdleStretch]:
    """The window's minutes no block covers, in order, as stretches of at least a minute.

    Every block given counts (use ``counted_blocks`` first to leave undone ones out)."""
    low, high = window.span
    stretches: list[IdleStretch] = []
    at = low
    for start, end in covered(blocks, (low, high)):
        if start > at:
            stretches.append(IdleStretch(at, start))
        at = max(at, end)
    if at < high:
        stretches.append(IdleStretch(at, high))
    return stretches


def day_structure(blocks: Sequence[T], window: WakingWindow, *, day_over: bool) -> DayStructure:
    """Planned and idle minutes, the longest idle stretch and done of planned for one day."""
    stretches = idle_stretches(counted_blocks(blocks, day_over), window)
    idle = sum(stretch.minutes for stretch in stretches)
    # max() keeps the first of equals: the earliest of the longest stretches.
    longest = max(stretches, key=lambda stretch: stretch.minutes, default=None)
    return DayStructure(
        has_plan=bool(blocks),
        planned_minutes=window.minutes - idle,
        idle_minutes=idle,
        longest_idle=longest,
        done=sum(1 for block in blocks if block.done),
        planned=len(blocks),
    )


def idle_split(blocks: Sequence[T], window: WakingWindow, now_minute: int) -> tuple[int, int]:
    """Today's idle minutes so far (window start → now) and still to come (now → window end).

    ``now_minute`` is on the day's scale (``day_plan.waking_day`` gives it). Once the
    window's end has passed the day is over, so only done blocks count and all idle time
    lies in the past."""
    day_over = now_minute >= window.span[1]
    so_far = to_come = 0
    for stretch in idle_stretches(counted_blocks(blocks, day_over), window):
        so_far += max(0, min(stretch.end, now_minute) - stretch.start)
        to_come += max(0, stretch.end - max(stretch.start, now_minute))
    return so_far, to_come


def overlaps(times: Span, others: Sequence[DayBlock], ignore_id: int = 0) -> list[DayBlock]:
    """The blocks among ``others`` that share at least a minute with ``times``, leaving out
    the block whose id is ``ignore_id`` (the one being moved or edited; 0 leaves none out)."""
    return [
        other
        for other in others
        if not (ignore_id and other.id == ignore_id)
        and other.start < times.end
        and times.start < other.end
    ]
