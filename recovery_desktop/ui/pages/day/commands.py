"""Changes to the day's plan as undo steps (Ctrl+Z): each is done once, saved, before it is
pushed, so the first "redo" Qt asks for is skipped; undo and redo are each one saved change
per block through the repository (a deleted block comes back through ``restore``, with its
content and its stable uid).

A block brought back may get a new row id; :class:`BlockIds` follows those, so an older
step still finds the block it changed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from recovery_desktop.data.errors import JournalError
from recovery_desktop.domain.day_plan import DayBlock

if TYPE_CHECKING:
    from recovery_desktop.data.day_plan import DayPlanRepository

Failed = Callable[[str], object]  # shows why an undo or redo was not saved


class BlockIds:
    """The row id each block has now, by the id it first had on this page."""

    def __init__(self) -> None:
        self._now: dict[int, int] = {}

    def now(self, block_id: int) -> int:
        while block_id in self._now:
            block_id = self._now[block_id]
        return block_id

    def moved(self, old: int, new: int) -> None:
        if old != new:
            self._now[old] = new

    def current(self, block: DayBlock) -> DayBlock:
        return replace(block, id=self.now(block.id))


class PlanStep(QUndoCommand):
    """One step already saved; subclasses say how to take it back and do it again."""

    def __init__(self, plan: DayPlanRepository, ids: BlockIds, failed: Failed, text: str) -> None:
        super().__init__(text)
        self.plan = plan
        self.ids = ids
        self.failed = failed
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._guarded(self.again, "Not done again")

    def undo(self) -> None:
        self._guarded(self.back, "Not undone")

    def _guarded(self, action: Callable[[], None], what: str) -> None:
        try:
            action()
        except JournalError as error:
            self.failed(f"{what}: {error}")

    def again(self) -> None:
        raise NotImplementedError

    def back(self) -> None:
        raise NotImplementedError

    def _delete(self, block: DayBlock) -> DayBlock:
        return self.plan.delete(self.ids.now(block.id))

    def _restore(self, block: DayBlock) -> DayBlock:
        back = self.plan.restore(self.ids.current(block))
        self.ids.moved(self.ids.now(block.id), back.id)
        return back


class Added(PlanStep):
    """Blocks added (one, or a day filled from a usual day or copied)."""

    def __init__(
        self,
        plan: DayPlanRepository,
        ids: BlockIds,
        failed: Failed,
        blocks: Sequence[DayBlock],
        text: str,
    ) -> None:
        super().__init__(plan, ids, failed, text)
        self.blocks = list(blocks)

    def back(self) -> None:
        self.blocks = [replace(self._delete(b), id=b.id) for b in self.blocks]

    def again(self) -> None:
        for block in self.blocks:
            self._restore(block)


class Deleted(PlanStep):
    def __init__(
        self, plan: DayPlanRepository, ids: BlockIds, failed: Failed, block: DayBlock
    ) -> None:
        super().__init__(plan, ids, failed, f"delete {block.title}")
        self.block = block

    def back(self) -> None:
        self._restore(self.block)

    def again(self) -> None:
        self._delete(self.block)


class Changed(PlanStep):
    """A block's times, title, category, note or tick changed from ``before`` to ``after``."""

    def __init__(
        self,
        plan: DayPlanRepository,
        ids: BlockIds,
        failed: Failed,
        before: DayBlock,
        after: DayBlock,
    ) -> None:
        super().__init__(plan, ids, failed, f"change {before.title}")
        self.before = before
        self.after = after

    def back(self) -> None:
        self.plan.update(self.ids.current(self.before))

    def again(self) -> None:
        self.plan.update(self.ids.current(self.after))
