"""A plain copy of the crisis lines beside the journal, so "Get help now" works while locked.

The crisis lines live in the encrypted journal, which cannot be read without the key. This
small JSON file holds only their names, numbers and details, in the user's order. It is
rewritten (atomically, 0600) after every change to the lines and whenever the journal is
opened. Reading it never fails: a missing, unreadable, damaged or hostile file gives the
default lines instead.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from recovery_desktop.data.errors import StorageProblem
from recovery_desktop.data.fsutil import NotASmallFile, atomic_write, read_small_file
from recovery_desktop.domain.contacts import CrisisLine, default_crisis_lines

COPY_NAME = "crisis_lines.json"
FORMAT_VERSION = 1
MAX_BYTES = 64 * 1024
MAX_LINES = 50
_FIELDS = ("name", "number", "details")


class CrisisCopy:
    """The copy at ``path``: ``write`` after every change, ``read`` while locked."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def write(self, lines: Sequence[CrisisLine]) -> None:
        """Replace the copy with ``lines`` (in that order). Raises :class:`StorageProblem`."""
        document = {
            "version": FORMAT_VERSION,
            "lines": [{field: getattr(line, field) for field in _FIELDS} for line in lines],
        }
        data = (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
        if _read_small_file(self.path) != data:  # unchanged: leave the file alone
            atomic_write(self.path, data)

    def refresh(self, lines: Sequence[CrisisLine]) -> bool:
        """Write the copy, keeping quiet if the disk refuses: the journal holds the real
        list, and the copy is written again the next time the journal opens."""
        try:
            self.write(lines)
        except StorageProblem:
            return False
        return True

    def read(self) -> list[CrisisLine]:
        """The lines in the copy; the defaults when there is no usable copy."""
        lines = _parse(_read_small_file(self.path))
        return default_crisis_lines() if lines is None else lines


def _read_small_file(path: Path) -> bytes | None:
    """At most ``MAX_BYTES`` from a regular file; None for anything else or too much."""
    try:
        return read_small_file(path, MAX_BYTES)
    except (OSError, NotASmallFile):
        return None


def _parse(data: bytes | None) -> list[CrisisLine] | None:
    if data is None:
        return None
    try:
        document = json.loads(data.decode("utf-8"))
    except (ValueError, RecursionError):
        return None
    if not isinstance(document, dict) or document.get("version") != FORMAT_VERSION:
        return None
    entries = document.get("lines")
    if not isinstance(entries, list) or len(entries) > MAX_LINES:
        return None
    lines: list[CrisisLine] = []
    for position, entry in enumerate(entries):
        line = _line(entry, position)
        if line is None:
            return None
        lines.append(line)
    return lines


def _line(entry: object, position: int) -> CrisisLine | None:
    if not isinstance(entry, dict):
        return None
    values = [entry.get(field) for field in _FIELDS]
    if not all(isinstance(value, str) for value in values):
        return None
    name, number, details = (str(value) for value in values)
    line = CrisisLine(None, name.strip(), number.strip(), details, position)
    try:
        line.validate()
    except ValueError:
        return None
    return line
