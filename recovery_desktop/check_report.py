"""What ``recovery-desktop check`` prints (DESIGN.md §5): one JSON object with ``--json``,
else plain lines; a damaged journal gets a calm message on stderr and exit code 1.

The JSON keys of a sound journal stay as they were (``integrity``, ``schema``, ``counts``,
``protected``). A damaged one gives ``{"integrity": "damaged", "problems": [...],
"damaged_files": [...], "kept_copy": ... | null}``; ``problems`` are plain sentences such
as "Page 5 of journal.db is damaged (it could not be decrypted).", never SQLite's text.
A write-ahead log that lost saved entries makes ``integrity`` "damaged" too, with the
counts of what could be read, the kept copy's log in ``damaged_files`` and the copy in
``kept_copy``, on every run until the user removes that copy. Any problem is also said on
stderr.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from recovery_desktop.data.errors import JournalDamaged
from recovery_desktop.data.journal import Journal

EXIT_OK, EXIT_FAILURE = 0, 1
_INNER = "The inner structure of journal.db is damaged (the integrity check failed)."


def report_journal(journal: Journal, folder: Path, as_json: bool) -> int:
    """Print the check of an opened journal; exit code 0 when nothing is wrong."""
    from recovery_desktop.data.schema_upgrade import applied, pending

    names = applied(journal.db)
    integrity = journal.integrity()
    problems = [] if integrity == "ok" else [_INNER]
    problems += list(journal.opening_notes)
    damaged = [journal.files.database] if integrity != "ok" else []
    damaged += [copy / "journal.db-wal" for copy in journal.lost_copies]
    result: dict[str, Any] = {
        "integrity": "ok" if not problems else "damaged",
        "schema": {
            "applied": len(names),
            "latest": names[-1] if names else None,
            "pending": pending(journal.db),
        },
        "counts": journal.counts(),
        "protected": journal.is_protected,
    }
    if problems:
        result["problems"] = problems
        result["damaged_files"] = [str(path) for path in damaged]
        kept = journal.lost_copies[-1] if journal.lost_copies else None
        result["kept_copy"] = str(kept) if kept else None
    _print(result, as_json, folder)
    if problems and sys.stderr is not None:
        print(" ".join(problems), file=sys.stderr)
    return EXIT_OK if not problems else EXIT_FAILURE


def report_damage(error: JournalDamaged, folder: Path, as_json: bool) -> int:
    """Print what :class:`JournalDamaged` found (the message itself goes to stderr)."""
    result = {
        "integrity": "damaged",
        "problems": list(error.problems),
        "damaged_files": [str(path) for path in error.damaged_files],
        "kept_copy": str(error.kept_copy) if error.kept_copy else None,
    }
    _print(result, as_json, folder)
    if sys.stderr is not None:
        print(str(error), file=sys.stderr)
    return EXIT_FAILURE


def _print(result: dict[str, Any], as_json: bool, folder: Path) -> None:
    if as_json:
        print(json.dumps(result, sort_keys=True))
        return
    print(f"Journal: {folder}")
    print(f"Integrity: {result['integrity']}")
    for problem in result.get("problems", []):
        print(f"- {problem}")
    for kind, count in sorted(result.get("counts", {}).items()):
        print(f"{kind}: {count}")
