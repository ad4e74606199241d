"""What a day's plan adds up to, in plain words for My day: planned and idle time, the
longest idle stretch with its times, and blocks done of planned. Numbers only, no
judgement (the seeds name long idle stretches as a risk; the page says what is, not what
it means). The rules behind the numbers are ``domain/idle_time.py``'s."""

from __future__ import annotations

from collections.abc import Sequence

from recovery_desktop.domain.day_plan import (
    BlockTimes,
    DayBlock,
    DayStructure,
    WakingWindow,
    minute_text,
)
from recovery_desktop.domain.wording import plural, shortened


def duration_text(minutes: int) -> str:
    """A length of time as a clock reader says it: "45 min", "2 h", "2 h 30 min"."""
    hours, rest = divmod(max(0, minutes), 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h {rest} min" if rest else f"{hours} h"


def window_text(window: WakingWindow) -> str:
    """ "07:00–23:00" (a window crossing midnight reads "10:00–02:00")."""
    return f"{minute_text(window.start)}–{minute_text(window.end)}"


def structure_lines(structure: DayStructure, window: WakingWindow, day_over: bool) -> list[str]:
    """The lines My day shows beside the timeline for ``structure`` of a day."""
    waking = f"Waking day {window_text(window)} ({duration_text(window.minutes)})"
    if not structure.has_plan:
        return [
            "Nothing planned for this day yet.",
            waking + ".",
            "Drag on the timeline or press Insert to add a block.",
        ]
    planned = "Planned and done" if day_over else "Planned"
    lines = [
        f"{planned}: {duration_text(structure.planned_minutes)}",
        f"Idle: {duration_text(structure.idle_minutes)}",
        _longest(structure),
        f"Done: {structure.done} of {plural(structure.planned, 'block')}",
        waking,
    ]
    if day_over and structure.done < structure.planned:
        lines.append("Once a day is over, only blocks ticked done count; the rest is idle.")
    return lines


def _longest(structure: DayStructure) -> str:
    stretch = structure.longest_idle
    if stretch is None:
        return "Longest idle stretch: none, every waking hour is planned"
    return (
        f"Longest idle stretch: {minute_text(stretch.start)}–{minute_text(stretch.end)} "
        f"({duration_text(stretch.minutes)})"
    )


def outside_waking(block: BlockTimes | DayBlock, window: WakingWindow) -> bool:
    """True when ``block`` lies wholly or partly outside the waking day (a window changed
    in Settings after the block was planned): the timeline shows the window only."""
    low, high = window.span
    return block.start < low or block.end > high


def block_times_text(block: BlockTimes | DayBlock) -> str:
    """ "Walk 13:00–14:30" """
    return f"{shortened(block.title)} {minute_text(block.start)}–{minute_text(block.end)}"


def outside_line(blocks: Sequence[BlockTimes | DayBlock], window: WakingWindow) -> str:
    """ "Outside your waking day: Walk 13:00–14:30", or "" when every block lies inside."""
    outside = [block_times_text(b) for b in blocks if outside_waking(b, window)]
    return f"Outside your waking day: {', '.join(outside)}" if outside else ""
