"""A child process that saves records through the data layer and says which were saved.

Run as ``python tests/saving_child.py FOLDER FIRST [FILE_SIZE_LIMIT]``. It takes the
journal's lock, opens the (unprotected) journal in FOLDER and saves, for i = FIRST, FIRST+1,
..., a check-in, a craving and a reach-out, printing one line once each save call has
returned (flushed at once), so the parent knows what was acknowledged:

    checkin I      craving ID I      reach ID I

With FILE_SIZE_LIMIT (bytes) the process may not write past that size in any file (as on
a full disk): it saves until a save is refused and prints ``not saved: MESSAGE``, tries
the app's small files too (``drafts: ...``, ``keys: ...``), lifts the limit, saves once more
and stops. Used by tests/test_crash_safety.py and tests/test_full_disk.py.
"""

from __future__ import annotations

import resource
import signal
import sys
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

from recovery_desktop.data.errors import JournalError
from recovery_desktop.data.fsutil import atomic_write
from recovery_desktop.data.instance_lock import InstanceLock
from recovery_desktop.data.journal import Journal, JournalFiles, create_journal, open_unprotected
from recovery_desktop.domain.checkin import CheckIn
from recovery_desktop.domain.contacts import Contact, ReachOut
from recovery_desktop.domain.cravings import Craving
from recovery_desktop.domain.drafts import Draft, DraftKind

FIRST_DAY = date(2000, 1, 1)
KEYS_LIMIT = 64  # bytes: smaller than keys.json
NOTE_SIZE = 2000  # characters per record: the journal grows by pages, not bytes


def day_of(i: int) -> date:
    return FIRST_DAY + timedelta(days=i)


def note_of(kind: str, i: int) -> str:
    return f"{kind} {i} ".ljust(NOTE_SIZE, ".")


def contact_id(journal: Journal) -> int:
    contact = journal.contacts.contacts()[0]
    assert contact.id is not None
    return contact.id


def save_one(journal: Journal, i: int, contact: int) -> None:
    journal.checkins.save(CheckIn(day_of(i), mood=i % 11, note=note_of("checkin", i)))
    print("checkin", i, flush=True)
    at = datetime.combine(day_of(i), datetime.min.time()) + timedelta(hours=12)
    craving = Craving(None, at, intensity=i % 11, thoughts=note_of("craving", i))
    craving = journal.cravings.save(craving)
    print("craving", craving.id, i, flush=True)
    reach = journal.contacts.log_reach_out(ReachOut(None, contact, at, note=note_of("reach", i)))
    print("reach", reach.id, i, flush=True)


def save_forever(journal: Journal, first: int) -> None:
    contact = contact_id(journal)
    i = first
    while True:
        save_one(journal, i, contact)
        i += 1


def fill_the_disk(journal: Journal, first: int) -> None:
    """Save until refused, try the small files, then lift the limit and save once more."""
    contact = contact_id(journal)
    i = first
    try:
        while True:
            save_one(journal, i, contact)
            i += 1
    except JournalError as error:  # the UI shows "Not saved: " and the message
        print("not saved:", type(error).__name__, error, flush=True)
    try:
        journal.drafts.keep([Draft(DraftKind.CONTACT, {"name": "x" * 200_000})])
        print("drafts: saved", flush=True)
    except JournalError as error:
        print("drafts:", type(error).__name__, error, flush=True)
    keys = journal.files.keys
    resource.setrlimit(resource.RLIMIT_FSIZE, (KEYS_LIMIT, resource.RLIM_INFINITY))
    try:  # the way keys.json, the crisis-line copy and settings are written
        atomic_write(keys, keys.read_bytes())
        print("keys: saved", flush=True)
    except JournalError as error:
        print("keys:", type(error).__name__, error, flush=True)
    resource.setrlimit(resource.RLIMIT_FSIZE, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
    save_one(journal, i + 1, contact)
    print("saved again", flush=True)


# -- for the parent ------------------------------------------------------------------------
@dataclass
class Acknowledged:
    """What a child said it saved: check-in numbers, and craving and reach-out ids with
    their numbers."""

    checkins: set[int] = field(default_factory=set)
    cravings: dict[int, int] = field(default_factory=dict)
    reach_outs: dict[int, int] = field(default_factory=dict)

    def read(self, output: str) -> None:
        """Take the whole lines of ``output`` (a killed child may leave half a line)."""
        for line in output.splitlines(keepends=True):
            words = line.split()
            if not line.endswith("\n") or not words:
                continue
            if words[0] == "checkin":
                self.checkins.add(int(words[1]))
            elif words[0] == "craving":
                self.cravings[int(words[1])] = int(words[2])
            elif words[0] == "reach":
                self.reach_outs[int(words[1])] = int(words[2])

    @property
    def total(self) -> int:
        return len(self.checkins) + len(self.cravings) + len(self.reach_outs)

    @property
    def next_number(self) -> int:
        return max(self.checkins, default=-1) + 1

    def lost(self, journal: Journal) -> list[str]:
        """The acknowledged records that are missing or not as saved."""
        lost = [
            f"check-in {i}"
            for i in sorted(self.checkins)
            if (saved := journal.checkins.get(day_of(i))) is None
            or saved.note != note_of("checkin", i)
        ]
        for craving_id, i in self.cravings.items():
            craving = journal.cravings.get(craving_id)
            if craving is None or craving.thoughts != note_of("craving", i):
                lost.append(f"craving {craving_id}")
        notes = {r.id: r.note for r in journal.contacts.reach_outs(FIRST_DAY, date.max)}
        lost += [
            f"reach-out {reach_id}"
            for reach_id, i in self.reach_outs.items()
            if notes.get(reach_id) != note_of("reach", i)
        ]
        return lost


def new_journal(files: JournalFiles) -> None:
    """An unprotected journal with one contact to log reach-outs with."""
    journal = create_journal(files, None)
    try:
        journal.contacts.save(Contact(None, "Sam", phone="555-0100"))
    finally:
        journal.close()


def main(folder: Path, first: int, size_limit: int | None) -> None:
    files = JournalFiles(folder)
    with InstanceLock(files.lock):
        journal = open_unprotected(files)
        try:
            if size_limit is None:
                save_forever(journal, first)
            else:
                signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # writes fail with EFBIG instead
                resource.setrlimit(resource.RLIMIT_FSIZE, (size_limit, resource.RLIM_INFINITY))
                fill_the_disk(journal, first)
        finally:
            journal.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]) if len(sys.argv) > 3 else None)
