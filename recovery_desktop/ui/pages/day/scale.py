"""Where minutes of the waking window lie on the timeline, in plain Python (no Qt), so the
geometry is tested without painting.

Everything follows the text: an hour is ``HOUR_LINES`` lines of the font in use tall, so a
larger font (or a 150 % screen, where Qt's logical pixels grow with it) gives a taller
timeline, and a 30-minute block always holds one line of its title. Positions are rounded
to whole device pixels (``device_ratio``), so hour lines stay sharp on any screen.
"""

from __future__ import annotations

from dataclasses import dataclass

from recovery_desktop.domain.day_plan import STEP_MINUTES, WakingWindow

HOUR_LINES = 3.2  # text lines per hour: a 30-minute block holds one line and its margins
EDGE_GRAB_LINES = 0.35  # how close to a block's bottom edge a press resizes it


@dataclass(frozen=True)
class TimelineScale:
    """The timeline's vertical scale. ``line`` is the font's line height and ``top`` the
    room above the window's first minute, both in logical pixels."""

    window: WakingWindow
    line: int
    device_ratio: float = 1.0
    top: int = 0

    @property
    def per_minute(self) -> float:
        return self.line * HOUR_LINES / 60

    @property
    def height(self) -> int:
        """Pixels from the top to the end of the window, with half a line below it."""
        return round(self.y(self.window.span[1]) + self.line / 2)

    @property
    def edge_grab(self) -> float:
        return max(3.0, self.line * EDGE_GRAB_LINES)

    def y(self, minute: int) -> float:
        """The height of ``minute`` (on the day's scale), on a whole device pixel."""
        exact = self.top + (minute - self.window.span[0]) * self.per_minute
        return round(exact * self.device_ratio) / self.device_ratio

    def minute_at(self, y: float) -> int:
        """The minute (on the day's scale, not snapped) at height ``y``, within the window."""
        start, end = self.window.span
        minute = start + round((y - self.top) / self.per_minute)
        return min(max(minute, start), end)

    def steps(self, pixels: float) -> int:
        """A drag of ``pixels`` as whole steps of ``STEP_MINUTES``, in minutes."""
        return round(pixels / self.per_minute / STEP_MINUTES) * STEP_MINUTES

    def hours(self) -> list[int]:
        """The whole hours of the window, on the day's scale: where lines and labels go."""
        start, end = self.window.span
        first = -(-start // 60) * 60
        return list(range(first, end + 1, 60))
