"""sqlite-utils, imported when a database is first opened, without what the app never uses.

Importing sqlite-utils costs about 90 ms, and 40 ms of it (with about 10 MB of memory) is
numpy, which sqlite-utils loads only to map numpy's number types to column types. The
journal stores plain Python values, so numpy (and pandas, for the same reason) is refused
to this one import; the charts still import numpy later, on their own thread. Every other
module imports ``Database`` for type hints only (under ``TYPE_CHECKING``) and gets the
class at run time from here, so nothing pulls sqlite-utils in before a database is opened.

``Database(conn)`` would also load every installed sqlite-utils plugin (scanning every
installed package's metadata): :func:`wrap` turns plugins off, so no code from outside
the app ever runs on the journal's connection.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import sys
import threading
from collections.abc import Sequence
from types import ModuleType
from typing import TYPE_CHECKING

import sqlcipher3

# Optional imports of sqlite-utils that only add types this app never stores.
UNUSED_OPTIONAL = ("numpy", "pandas")


class _RefuseOnThisThread(importlib.abc.MetaPathFinder):
    """Makes ``names`` unimportable, for the thread that installed it only (so a chart
    import running on another thread at that moment is not disturbed)."""

    def __init__(self, names: Sequence[str]) -> None:
        self.names = frozenset(names)
        self.thread = threading.get_ident()

    def find_spec(
        self,
        fullname: str,
        path: Sequence[str] | None,
        target: ModuleType | None = None,
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname in self.names and threading.get_ident() == self.thread:
            raise ModuleNotFoundError(f"{fullname} is not used with sqlite-utils", name=fullname)
        return None


def _import_sqlite_utils() -> ModuleType:
    # New lists, never changed in place: another thread may be walking the old one (an
    # element removed under it would make it skip a finder and fail an import).
    refuse = _RefuseOnThisThread(UNUSED_OPTIONAL)
    sys.meta_path = [refuse, *sys.meta_path]
    try:
        import sqlite_utils
    finally:
        sys.meta_path = [finder for finder in sys.meta_path if finder is not refuse]
    return sqlite_utils


if TYPE_CHECKING:
    from sqlite_utils import Database, Migrations
else:
    _sqlite_utils = _import_sqlite_utils()
    Database = _sqlite_utils.Database
    Migrations = _sqlite_utils.Migrations

__all__ = ["Database", "Migrations", "in_memory", "wrap"]


def wrap(conn: sqlcipher3.dbapi2.Connection) -> Database:
    """``conn`` in sqlite-utils, with no plugins loaded or run."""
    return Database(conn, execute_plugins=False)


def in_memory() -> Database:
    """An empty in-memory database (no plugins)."""
    return Database(memory=True, execute_plugins=False)
