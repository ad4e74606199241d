"""What happens before a journal is opened for writing: keep a copy after a crash, read
its write-ahead log, check it for damage through a read-only connection.

Nothing here writes to ``journal.db`` or its ``-wal``: a damaged journal is found and
reported as it is (:class:`JournalDamaged`), never "repaired" by SQLite on the way.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from recovery_desktop.data import crash_copies
from recovery_desktop.data.connection import require_database_file
from recovery_desktop.data.errors import JournalDamaged, StorageProblem
from recovery_desktop.data.fsutil import storage_errors
from recovery_desktop.data.integrity import find_problems
from recovery_desktop.data.wal_check import check_wal

LOST_ENTRIES = (
    "Some of the most recent entries could not be read. "
    "A copy of the journal as it was is kept in {folder}. "
    "This is said each time the journal opens, until you remove that folder."
)


@dataclass(frozen=True)
class OpeningReport:
    """``problems``: damage found (plain sentences; the journal must not be opened);
    ``notes``: warnings to show that do not stop the opening (one per kept copy whose
    log lost entries, every time, until the user removes it); ``kept_copy``: the
    ``kept-after-crash-…`` folder made this time, or None after a clean shutdown;
    ``lost_copies``: the kept copies whose log lost entries (the notes name them)."""

    problems: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    kept_copy: Path | None = None
    lost_copies: tuple[Path, ...] = ()


def inspect(database: Path, data_key: bytes, full: bool = False) -> OpeningReport:
    """Look at ``database`` before it is opened. After an unclean shutdown (a non-empty
    ``-wal``; the caller holds the instance lock) a copy is kept first and the full
    integrity check runs; ``full`` asks for it always.

    Raises :class:`JournalDamaged` for a missing, empty or too short ``journal.db`` and
    :class:`StorageProblem` when the files cannot be read or the copy cannot be made."""
    require_database_file(database)
    kept = None
    unclean = crash_copies.needs_keeping(database)
    if unclean:
        with storage_errors():
            loses_data = check_wal(crash_copies.wal_path(database)).loses_data
        kept = _keep(database, required=loses_data)
    # Told on every opening, not only the first: once the log is checkpointed the loss
    # would otherwise be invisible. The copies stay until the user removes them.
    lost = tuple(crash_copies.copies_with_lost_entries(database.parent))
    notes = tuple(LOST_ENTRIES.format(folder=copy) for copy in lost)
    problems = find_problems(database, data_key, full=full or unclean)
    return OpeningReport(tuple(problems), notes, kept, lost)


def _keep(database: Path, required: bool) -> Path | None:
    """The crash copy. When it cannot be made (a full disk) and the log is sound, opening
    goes on without it: nothing would be lost, and a full disk must not lock anyone out."""
    try:
        return crash_copies.keep_copy(database)
    except StorageProblem:
        if required:
            raise
        return None


def prepare(database: Path, data_key: bytes, full: bool = False) -> OpeningReport:
    """:func:`inspect`, raising :class:`JournalDamaged` when problems are found (the
    error carries them, the damaged file and the kept copy)."""
    report = inspect(database, data_key, full)
    if report.problems:
        raise JournalDamaged(
            " ".join(report.problems),
            damaged_files=(database,),
            kept_copy=report.kept_copy,
            problems=report.problems,
        )
    return report
