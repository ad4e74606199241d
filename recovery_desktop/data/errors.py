"""Errors the user can do something about. Messages are calm and never quote journal content."""

from __future__ import annotations

from datetime import time
from pathlib import Path


class JournalError(Exception):
    """Base class: ``str(error)`` is a message fit to show the user."""


class WrongPassphrase(JournalError):
    def __init__(self) -> None:
        super().__init__(
            "That passphrase didn't open the journal. Check Caps Lock and the keyboard layout, "
            "then try again. Nothing has been changed."
        )


class WrongRecoveryKey(JournalError):
    def __init__(self, detail: str = "") -> None:
        super().__init__(
            detail
            or "That recovery key doesn't match this journal. Check each group and try again."
        )


class NoPassphraseSet(JournalError):
    def __init__(self) -> None:
        super().__init__("This journal has no passphrase, so there is nothing to check.")


class JournalMissing(JournalError):
    def __init__(self, where: str) -> None:
        super().__init__(f"There is no journal in {where}.")


class JournalExists(JournalError):
    def __init__(self, where: str) -> None:
        super().__init__(f"{where} already holds a journal; it has been left untouched.")


class JournalInUse(JournalError):
    """Another process holds the journal's lock: the app's window, or (``by_command``) a
    command-line command."""

    def __init__(self, by_command: bool = False) -> None:
        super().__init__(
            "This journal is being used by another Recovery Desktop command. Try again "
            "when it has finished. Nothing was changed."
            if by_command
            else "This journal is already open in another Recovery Desktop window. "
            "Switch to that window, or close it and try again. Nothing was changed."
        )


class JournalDamaged(JournalError):
    """``damaged_files``: the journal's files found damaged (empty when not known);
    ``kept_copy``: the folder where a copy of the journal as it was after a crash is kept
    (``kept-after-crash-…``), or None; ``problems``: plain sentences, one per problem
    (``what`` when not given)."""

    def __init__(
        self,
        what: str,
        *,
        damaged_files: tuple[Path, ...] = (),
        kept_copy: Path | None = None,
        problems: tuple[str, ...] = (),
    ) -> None:
        super().__init__(
            f"{what} It has not been changed or overwritten. "
            "Keep the folder as it is; a backup in its backups folder may help."
        )
        self.damaged_files = damaged_files
        self.kept_copy = kept_copy
        self.problems = problems or (what,)


class JournalTooNew(JournalError):
    """The journal holds changes (an applied migration, a key-file format) that only a
    newer version understands; it is opened for nothing and nothing is written to it."""

    def __init__(self) -> None:
        super().__init__(
            "This journal was saved by a newer version of Recovery Desktop; please update. "
            "Nothing in it has been changed."
        )


class StorageProblem(JournalError):
    """The computer's storage refused: disk full, read-only folder, missing permission."""


class DayNotEmpty(JournalError):
    """A day that already has blocks cannot be filled from a template or copied onto."""

    def __init__(self) -> None:
        super().__init__(
            "This day already has a plan, so nothing was added. Remove its blocks first, "
            "or add to it block by block."
        )


class BlockMissing(JournalError):
    """A block asked for by its id is no longer in the journal."""

    def __init__(self) -> None:
        super().__init__("That block is no longer in the journal. Nothing was changed.")


class MedicationMissing(JournalError):
    """A medication (or one of its taper notes) asked for by its id is no longer in the
    journal."""

    def __init__(self) -> None:
        super().__init__("That medication is no longer in the journal. Nothing was changed.")


class DoseAlreadyLogged(JournalError):
    """A dose is already logged for that medication on that day at that minute (one tick
    per medication, day and minute). ``at``: the minute, for the caller to name the
    medication in its own words; the message itself holds no journal text."""

    def __init__(self, at: time) -> None:
        super().__init__(f"A dose at {at:%H:%M} is already logged. Choose another time.")
        self.at = at


class AppointmentMissing(JournalError):
    """An appointment asked for by its id is no longer in the journal."""

    def __init__(self) -> None:
        super().__init__("That appointment is no longer in the journal. Nothing was changed.")


class JournalEntryMissing(JournalError):
    """A journal entry asked for by its id is no longer in the journal."""

    def __init__(self) -> None:
        super().__init__("That journal entry is no longer in the journal. Nothing was changed.")


class DoseNoLongerScheduled(JournalError):
    """A tick no schedule expects any more (its time was edited away, or it lies after a
    stop date) can be cleared, not changed to another mark."""

    def __init__(self) -> None:
        super().__init__("This dose is no longer scheduled; you can clear the mark.")
