"""My day: the time blocks of each day and the usual plan of each weekday (templates).

Every write is one transaction announcing ``Change.DAY_PLAN``. Blocks and template blocks
are checked by ``BlockTimes.validate`` first (``DayPlanError``, a ``ValueError``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime, timezone
from typing import TYPE_CHECKING, Any

from recovery_desktop.data.changes import Change, ChangeFeed
from recovery_desktop.data.connection import sql_errors
from recovery_desktop.data.errors import BlockMissing, DayNotEmpty
from recovery_desktop.data.stored_dates import stored_day
from recovery_desktop.domain.dates import check_day
from recovery_desktop.domain.day_plan import (
    BlockCategory,
    BlockTimes,
    DayBlock,
    DayTemplate,
    check_weekday,
)

if TYPE_CHECKING:
    from sqlite_utils import Database

_TIMES = "start_minute, end_minute, title, category, note"
_BLOCK_COLUMNS = f"id, day, {_TIMES}, done"


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def stored_category(value: str) -> BlockCategory:
    """A stored category; one this version does not know reads as "Other"."""
    try:
        return BlockCategory(value)
    except ValueError:
        return BlockCategory.OTHER


def _times(row: Sequence[Any]) -> BlockTimes:
    start, end, title, category, note = row
    return BlockTimes(int(start), int(end), str(title), stored_category(category), str(note))


def _block(row: Sequence[Any]) -> DayBlock:
    return DayBlock(int(row[0]), stored_day(row[1]), _times(row[2:7]), bool(row[7]))


def _times_values(times: BlockTimes) -> list[object]:
    return [times.start, times.end, times.title, times.category.value, times.note]


class DayPlanRepository:
    """The ``day_blocks`` and ``day_template_blocks`` tables."""

    def __init__(self, db: Database, changes: ChangeFeed) -> None:
        self._db = db
        self._changes = changes
        # Stable ids of blocks deleted through this repository, so that undo (restore)
        # brings a block back as the same record (exports and imports know it by its uid).
        self._deleted_uids: dict[int, str] = {}

    # -- reading -------------------------------------------------------------------------
    def blocks(self, day: date) -> list[DayBlock]:
        """The blocks of ``day``, by start minute, then id."""
        return self.blocks_between(day, day).get(day, [])

    def blocks_between(self, first: date, last: date) -> dict[date, list[DayBlock]]:
        """The blocks of each day from ``first`` to ``last`` inclusive, by start then id;
        only days with blocks are keys."""
        with sql_errors():
            rows = self._db.execute(
                f"SELECT {_BLOCK_COLUMNS} FROM day_blocks WHERE day BETWEEN ? AND ? "
                "ORDER BY day, start_minute, id",
                [first.isoformat(), last.isoformat()],
            ).fetchall()
        found: dict[date, list[DayBlock]] = {}
        for row in rows:
            block = _block(row)
            found.setdefault(block.day, []).append(block)
        return found

    def get(self, block_id: int) -> DayBlock | None:
        with sql_errors():
            row = self._db.execute(
                f"SELECT {_BLOCK_COLUMNS} FROM day_blocks WHERE id = ?", [block_id]
            ).fetchone()
        return _block(row) if row is not None else None

    def template(self, weekday: int) -> DayTemplate | None:
        """The usual plan of ``weekday`` (0 = Monday), blocks by start then id; None if
        that weekday has none."""
        check_weekday(weekday)
        with sql_errors():
            rows = self._db.execute(
                f"SELECT {_TIMES} FROM day_template_blocks WHERE weekday = ? "
                "ORDER BY start_minute, id",
                [weekday],
            ).fetchall()
        return DayTemplate(weekday, tuple(_times(row) for row in rows)) if rows else None

    def count(self) -> int:
        """How many blocks the journal holds (every day)."""
        with sql_errors():
            return int(self._db.execute("SELECT count(*) FROM day_blocks").fetchone()[0])

    def template_count(self) -> int:
        """How many weekdays have a template."""
        with sql_errors():
            row = self._db.execute(
                "SELECT count(DISTINCT weekday) FROM day_template_blocks"
            ).fetchone()
        return int(row[0])

    # -- blocks --------------------------------------------------------------------------
    def add(self, day: date, times: BlockTimes) -> DayBlock:
        """Store a new, undone block on ``day`` (one transaction); returns it with its id.
        Raises ``DayPlanError`` (a ``ValueError``) for times or texts that cannot be saved."""
        check_day(day)
        times.validate()
        with sql_errors(), self._changes.writing(self._db, Change.DAY_PLAN):
            block_id = self._insert(day, times, done=False)
        return DayBlock(block_id, day, times)

    def add_many(self, blocks: Iterable[tuple[date, BlockTimes, bool]]) -> int:
        """Store many blocks, each ``(day, times, done)``, in one transaction (demo data);
        returns how many. Raises ``DayPlanError`` before anything is written."""
        now = _now()
        rows = []
        for day, times, done in blocks:
            check_day(day)
            times.validate()
            rows.append([day.isoformat(), *_times_values(times), int(done), now, now])
        with sql_errors(), self._changes.writing(self._db, Change.DAY_PLAN):
            self._db.conn.executemany(
                f"INSERT INTO day_blocks (day, {_TIMES}, done, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
            )
        return len(rows)

    def _insert(
        self, day: date, times: BlockTimes, done: bool, uid: str | None = None, row_id: int = 0
    ) -> int:
        now = _now()
        cursor = self._db.execute(
            f"INSERT INTO day_blocks (id, uid, day, {_TIMES}, done, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [row_id or None, uid, day.isoformat(), *_times_values(times), int(done), now, now],
        )
        return int(cursor.lastrowid or 0)

    def update(self, block: DayBlock) -> None:
        """Save a block's times, texts and done tick (its day stays)."""
        block.times.validate()
        with sql_errors(), self._changes.writing(self._db, Change.DAY_PLAN):
            self._db.execute(
                "UPDATE day_blocks SET start_minute = ?, end_minute = ?, title = ?, "
                "category = ?, note = ?, done = ?, updated_at = ? WHERE id = ?",
                [*_times_values(block.times), int(block.done), _now(), block.id],
            )

    def set_done(self, block_id: int, done: bool) -> None:
        """Tick a block done, or untick it."""
        with sql_errors(), self._changes.writing(self._db, Change.DAY_PLAN):
            self._db.execute(
                "UPDATE day_blocks SET done = ?, updated_at = ? WHERE id = ?",
                [int(done), _now(), block_id],
            )

    def delete(self, block_id: int) -> DayBlock:
        """Remove one block; returns what was removed (for :meth:`restore`). Raises
        :class:`BlockMissing` when it is no longer in the journal."""
        with sql_errors(), self._changes.writing(self._db, Change.DAY_PLAN):
            block = self.get(block_id)
            if block is None:
                raise BlockMissing()
            row = self._db.execute("SELECT uid FROM day_blocks WHERE id = ?", [block_id]).fetchone()
            self._db.execute("DELETE FROM day_blocks WHERE id = ?", [block_id])
        if row[0]:
            self._deleted_uids[block.id] = str(row[0])
        return block

    def restore(self, block: DayBlock) -> DayBlock:
        """Undo of :meth:`delete`: the same content and done tick, with the same stable id
        (and the same row id while it is free); returns the block as stored."""
        block.times.validate()
        uid = self._deleted_uids.pop(block.id, None)
        with sql_errors(), self._changes.writing(self._db, Change.DAY_PLAN):
            if uid is not None and self._uid_taken(uid):
                uid = None
            row_id = block.id if block.id and self.get(block.id) is None else 0
            block_id = self._insert(block.day, block.times, block.done, uid, row_id)
        return DayBlock(block_id, block.day, block.times, block.done)

    def _uid_taken(self, uid: str) -> bool:
        row = self._db.execute("SELECT 1 FROM day_blocks WHERE uid = ?", [uid]).fetchone()
        return row is not None

    # -- templates and whole days --------------------------------------------------------
    def save_template(self, weekday: int, blocks: Iterable[BlockTimes]) -> None:
        """Make ``blocks`` the usual plan of ``weekday``, replacing the one it had (no
        blocks: the weekday has no template any more). One transaction."""
        check_weekday(weekday)
        chosen = list(blocks)
        for times in chosen:
            times.validate()
        with sql_errors(), self._changes.writing(self._db, Change.DAY_PLAN):
            self._db.execute("DELETE FROM day_template_blocks WHERE weekday = ?", [weekday])
            for times in chosen:
                self._db.execute(
                    f"INSERT INTO day_template_blocks (weekday, {_TIMES}) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    [weekday, *_times_values(times)],
                )

    def fill_from_template(self, day: date) -> list[DayBlock]:
        """Add the usual plan of ``day``'s weekday to ``day`` (undone), in one transaction.
        Returns the new blocks, [] when that weekday has no template. Raises
        :class:`DayNotEmpty` when the day already has blocks."""
        template = self.template(day.weekday())
        return self._fill(day, template.blocks if template is not None else ())

    def copy_day(self, source: date, target: date) -> list[DayBlock]:
        """Copy the blocks of ``source`` to ``target`` (done ticks are not copied), in one
        transaction; returns the new blocks. Raises :class:`DayNotEmpty` when ``target``
        already has blocks."""
        return self._fill(target, [block.times for block in self.blocks(source)])

    def _fill(self, day: date, chosen: Sequence[BlockTimes]) -> list[DayBlock]:
        check_day(day)
        for times in chosen:
            times.validate()
        with sql_errors(), self._changes.writing(self._db, Change.DAY_PLAN):
            if self.blocks(day):
                raise DayNotEmpty()
            added = [DayBlock(self._insert(day, t, done=False), day, t) for t in chosen]
        return sorted(added, key=lambda block: (block.start, block.id))
