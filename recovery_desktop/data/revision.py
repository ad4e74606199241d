"""A counter bumped by every committed write, so screens redraw only when data changed."""

from __future__ import annotations


class Revision:
    def __init__(self) -> None:
        self.value = 0

    def bump(self) -> None:
        self.value += 1
