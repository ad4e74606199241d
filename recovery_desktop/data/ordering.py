"""User-chosen order ("call first", library order) kept in a ``position`` column."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database


# Only these tables are ordered; names are never taken from user input.
ORDERED_TABLES = frozenset({"library_items", "contacts", "crisis_lines"})


def _check(table: str) -> None:
    if table not in ORDERED_TABLES:
        raise ValueError(f"{table} has no user order")


def next_position(db: Database, table: str, scope: str = "1", args: Sequence[object] = ()) -> int:
    _check(table)
    row = db.execute(
        f"SELECT coalesce(max(position), -1) + 1 FROM {table} WHERE {scope}", list(args)
    ).fetchone()
    return int(row[0])


def set_order(db: Database, table: str, ids: Sequence[int]) -> None:
    """Give ``ids`` positions 0, 1, 2… in that order (inside the caller's transaction)."""
    _check(table)
    for position, row_id in enumerate(ids):
        db.execute(f"UPDATE {table} SET position = ? WHERE id = ?", [position, row_id])


def moved(ids: Sequence[int], row_id: int, delta: int) -> list[int]:
    """``ids`` with ``row_id`` moved ``delta`` places (clamped to the ends)."""
    order = list(ids)
    if row_id not in order:
        return order
    index = order.index(row_id)
    target = max(0, min(len(order) - 1, index + delta))
    order.insert(target, order.pop(index))
    return order
