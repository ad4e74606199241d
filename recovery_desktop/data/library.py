"""The triggers and coping library."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from recovery_desktop.data.changes import Change, ChangeFeed
from recovery_desktop.data.connection import sql_errors
from recovery_desktop.data.ordering import moved, next_position, set_order
from recovery_desktop.domain.library import DuplicateName, Kind, LibraryItem, same_name

if TYPE_CHECKING:
    from sqlite_utils import Database

_COLUMNS = "id, kind, name, category, position, archived, favourite"


def _item(row: Any) -> LibraryItem:
    return LibraryItem(
        id=row[0],
        kind=Kind(row[1]),
        name=row[2],
        category=row[3],
        position=row[4],
        archived=bool(row[5]),
        favourite=bool(row[6]),
    )


def _new(item: LibraryItem) -> LibraryItem:
    """``item`` as a new entry: trimmed, not archived, checked (raises ``LibraryError``)."""
    clean = LibraryItem(None, item.kind, item.name.strip(), item.category, 0, False, item.favourite)
    clean.validate()
    return clean


class LibraryRepository:
    def __init__(self, db: Database, changes: ChangeFeed) -> None:
        self._db = db
        self._changes = changes

    def items(self, kind: Kind, include_archived: bool = False) -> list[LibraryItem]:
        """Items of one kind in the user's order; archived ones only when asked."""
        where = "kind = ?" + ("" if include_archived else " AND archived = 0")
        with sql_errors():
            rows = self._db.execute(
                f"SELECT {_COLUMNS} FROM library_items WHERE {where} ORDER BY position, id",
                [kind.value],
            ).fetchall()
        return [_item(row) for row in rows]

    def favourites(self) -> list[LibraryItem]:
        """Coping steps the user chose to see in the craving panel."""
        return [i for i in self.items(Kind.COPING) if i.favourite]

    def get(self, item_id: int) -> LibraryItem | None:
        with sql_errors():
            row = self._db.execute(
                f"SELECT {_COLUMNS} FROM library_items WHERE id = ?", [item_id]
            ).fetchone()
        return _item(row) if row else None

    def add(self, item: LibraryItem) -> LibraryItem:
        """Add at the end of its list; returns the item with its id.

        Raises ``LibraryError`` for an invalid item and ``DuplicateName`` (holding the item
        found) when its list, archived items included, already has that name."""
        clean = _new(item)
        with sql_errors(), self._changes.writing(self._db, Change.LIBRARY):
            twin = self._twin(clean)
            if twin is not None:
                raise DuplicateName(twin)
            item_id = self._insert(clean)
        return self._stored(item_id)

    def find_or_add(self, item: LibraryItem) -> LibraryItem:
        """The item of ``item``'s list with ``item``'s name, brought back from the archive
        if it was there (keeping its own category), else ``item`` added at the end.

        Raises ``LibraryError`` for an invalid item."""
        clean = _new(item)
        with sql_errors(), self._changes.writing(self._db):  # changed only if not found
            twin = self._twin(clean)
            if twin is not None and not twin.archived:
                return twin
            self._changes.announce([Change.LIBRARY])
            if twin is not None and twin.id is not None:
                item_id = twin.id
                self._db.execute("UPDATE library_items SET archived = 0 WHERE id = ?", [item_id])
            else:
                item_id = self._insert(clean)
        return self._stored(item_id)

    def _twin(self, item: LibraryItem) -> LibraryItem | None:
        return same_name(self.items(item.kind, include_archived=True), item.name, item.id)

    def _insert(self, item: LibraryItem) -> int:
        position = next_position(self._db, "library_items", "kind = ?", [item.kind.value])
        cursor = self._db.execute(
            "INSERT INTO library_items (kind, name, category, position, favourite) "
            "VALUES (?, ?, ?, ?, ?)",
            [item.kind.value, item.name, item.category, position, int(item.favourite)],
        )
        return int(cursor.lastrowid or 0)

    def _stored(self, item_id: int) -> LibraryItem:
        stored = self.get(item_id)
        assert stored is not None
        return stored

    def update(self, item: LibraryItem) -> None:
        """Rename, recategorise or (un)favourite. Past cravings keep the name they had.

        Raises ``LibraryError`` for an invalid item and ``DuplicateName`` when another item
        of its list, archived or not, has the new name."""
        assert item.id is not None
        item = replace(item, name=item.name.strip())
        item.validate()
        with sql_errors(), self._changes.writing(self._db, Change.LIBRARY):
            twin = self._twin(item)
            if twin is not None:
                raise DuplicateName(twin)
            self._db.execute(
                "UPDATE library_items SET name = ?, category = ?, favourite = ?, archived = ? "
                "WHERE id = ?",
                [item.name, item.category, int(item.favourite), int(item.archived), item.id],
            )

    def set_archived(self, item_id: int, archived: bool = True) -> None:
        with sql_errors(), self._changes.writing(self._db, Change.LIBRARY):
            self._db.execute(
                "UPDATE library_items SET archived = ? WHERE id = ?", [int(archived), item_id]
            )

    def move(self, item_id: int, delta: int) -> None:
        """Move an item up (negative) or down (positive) in its list."""
        item = self.get(item_id)
        if item is None:
            return
        ids = [i.id for i in self.items(item.kind, include_archived=True) if i.id is not None]
        self.reorder(moved(ids, item_id, delta))

    def reorder(self, ids: list[int]) -> None:
        with sql_errors(), self._changes.writing(self._db, Change.LIBRARY):
            set_order(self._db, "library_items", ids)

    def count(self, kind: Kind) -> int:
        with sql_errors():
            row = self._db.execute(
                "SELECT count(*) FROM library_items WHERE kind = ?", [kind.value]
            ).fetchone()
        return int(row[0])
