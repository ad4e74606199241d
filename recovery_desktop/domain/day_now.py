"""What Today's "My day" card says at a given minute: the block under way or the next one,
and today's idle time so far and still to come. Pure: the card asks again at the first
minute its words would change (:func:`next_change`), so it never polls. On an earlier
day's check-in it describes that day instead (:func:`day_looked_back`).

Minutes are on the day's scale of ``domain/day_plan.py`` (0..2880). A block ticked done
is finished: it is never "Now" or "Next" (it still counts as structure).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from recovery_desktop.domain.day_plan import (
    DAY_MINUTES,
    LAST_MINUTE,
    DayBlock,
    WakingWindow,
    counted_blocks,
    idle_split,
    idle_stretches,
    minute_text,
)
from recovery_desktop.domain.wording import plural, shortened

# Idle time is shown to the quarter hour: calm to read, and the words change at most every
# 15 minutes while time passes idle.
IDLE_STEP = 15
TITLE_IN_LINE = 40


@dataclass(frozen=True)
class DayNow:
    """``line``: "Now: … until 17:00 · Next: … at 18:00" (or what is left); ``idle``: the
    idle time so far and still to come."""

    line: str
    idle: str


def quarter_hours_text(minutes: int) -> str:
    """Minutes to the nearest quarter hour: "2 h 15 min", "45 min", "4 h", "0 min"."""
    rounded = (minutes + IDLE_STEP // 2) // IDLE_STEP * IDLE_STEP
    hours, rest = divmod(rounded, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h" + (f" {rest} min" if rest else "")


def _now_and_next(
    blocks: Sequence[DayBlock], minute: int
) -> tuple[DayBlock | None, DayBlock | None]:
    waiting = [b for b in blocks if not b.done]
    current = [b for b in waiting if b.start <= minute < b.end]
    later = [b for b in waiting if b.start > minute]
    now = max(current, key=lambda b: b.start, default=None)  # the latest one started
    upcoming = min(later, key=lambda b: b.start, default=None)
    return now, upcoming


def _line(blocks: Sequence[DayBlock], minute: int) -> str:
    now, upcoming = _now_and_next(blocks, minute)
    parts = []
    if now is not None:
        parts.append(f"Now: {shortened(now.title, TITLE_IN_LINE)} until {minute_text(now.end)}")
    if upcoming is not None:
        title = shortened(upcoming.title, TITLE_IN_LINE)
        parts.append(f"Next: {title} at {minute_text(upcoming.start)}")
    return " \u00b7 ".join(parts) or "Nothing more planned for today."


def day_now(blocks: Sequence[DayBlock], window: WakingWindow, minute: int) -> DayNow:
    """The card's words at ``minute`` for a day with ``blocks`` (at least one)."""
    so_far, to_come = idle_split(blocks, window, minute)
    idle = f"Idle time today: {quarter_hours_text(so_far)} so far"
    idle += f", {quarter_hours_text(to_come)} still to come" if to_come else ""
    return DayNow(_line(blocks, minute), idle)


LOOKED_BACK_EMPTY_HINT = "A plan made on My day shows here for its day."


def day_looked_back(blocks: Sequence[DayBlock], window: WakingWindow, day_words: str) -> DayNow:
    """The card's words for an earlier day (``day_words``: "Sun 29 Nov"), the day being
    over: "On Sun 29 Nov: 2 blocks planned, 1 done" and "Idle time that day: 8 h" (only
    blocks ticked done count once a day is over, as in :func:`idle_split`), or "Nothing
    planned on Sun 29 Nov." Never "Now" or "today": that day is not now."""
    if not blocks:
        return DayNow(f"Nothing planned on {day_words}.", LOOKED_BACK_EMPTY_HINT)
    done = sum(1 for block in blocks if block.done)
    idle, _to_come = idle_split(blocks, window, window.span[1])
    return DayNow(
        f"On {day_words}: {plural(len(blocks), 'block')} planned, {done} done",
        f"Idle time that day: {quarter_hours_text(idle)}",
    )


def next_change(blocks: Sequence[DayBlock], window: WakingWindow, minute: int) -> int | None:
    """The first minute after ``minute`` at which :func:`day_now` says something else, or
    None when nothing changes before the day's scale ends. Between block and window edges
    the words change only while time passes idle, so the search steps a minute at a time
    there (a change comes within a quarter hour) and jumps to the next edge elsewhere."""
    shown = day_now(blocks, window, minute)
    edges = sorted({b.start for b in blocks} | {b.end for b in blocks} | set(window.span))
    at = minute + 1
    while at <= LAST_MINUTE:
        if day_now(blocks, window, at) != shown:
            return at
        if _idle_at(blocks, window, at):
            at += 1
        else:
            at = next((e for e in edges if e > at), LAST_MINUTE + 1)
    return None


def _idle_at(blocks: Sequence[DayBlock], window: WakingWindow, minute: int) -> bool:
    """Whether ``minute`` lies in an idle stretch of the blocks counted at that minute."""
    counted = counted_blocks(blocks, minute >= window.span[1])
    return any(s.start <= minute < s.end for s in idle_stretches(counted, window))


def next_day_starts(window: WakingWindow) -> int:
    """The minute of the day's scale at which the next waking day begins: midnight, or the
    window's end after midnight when it crosses it (``day_plan.waking_day``)."""
    return DAY_MINUTES + (window.end if window.crosses_midnight else 0)
