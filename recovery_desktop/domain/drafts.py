"""Unfinished dialogs kept across a lock: what the user had typed, one draft per kind of dialog.

A draft holds plain values (text, whole numbers, yes/no, nothing) by field name, so it can be
stored as JSON inside the encrypted journal and put back into the same dialog after unlock.
Passphrases and keys are never part of a draft.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Union

DraftValue = Union[str, int, bool, None]  # noqa: UP007 (a runtime alias on Python 3.10)


class DraftKind(enum.Enum):
    """The dialogs whose unfinished input is kept when the journal locks."""

    LAPSE = "lapse"
    CONTACT = "contact"
    REACH_OUT = "reach_out"
    CRISIS_LINE = "crisis_line"
    LIBRARY_ITEM = "library_item"
    CLEAN_DATE = "clean_date"
    DAY_BLOCK = "day_block"  # a block of My day being added or edited
    MEDICATION = "medication"  # a medication being added or edited, with its taper notes
    # A key wizard closed by the lock after showing a key: only the fact is kept, never the key.
    NEW_RECOVERY_KEY = "new_recovery_key"
    ADD_PASSPHRASE = "add_passphrase"
    NEW_ENCRYPTION_KEY = "new_encryption_key"


@dataclass(frozen=True)
class Draft:
    """One dialog's unfinished input, by field name."""

    kind: DraftKind
    values: Mapping[str, DraftValue] = field(default_factory=dict)

    def text(self, name: str) -> str:
        value = self.values.get(name)
        return value if isinstance(value, str) else ""

    def number(self, name: str) -> int | None:
        value = self.values.get(name)
        return value if isinstance(value, int) and not isinstance(value, bool) else None

    def flag(self, name: str) -> bool:
        return self.values.get(name) is True

    def answer(self, name: str) -> bool | None:
        """A yes / no / not answered value."""
        value = self.values.get(name)
        return value if isinstance(value, bool) else None


def draft_values(raw: object) -> dict[str, DraftValue] | None:
    """The values of a stored draft, or None when ``raw`` is not what a draft holds."""
    if not isinstance(raw, dict):
        return None
    values: dict[str, DraftValue] = {}
    for name, value in raw.items():
        if not isinstance(name, str) or not isinstance(value, (str, int, bool, type(None))):
            return None
        values[name] = value
    return values


def draft_kind(raw: object) -> DraftKind | None:
    """The kind named ``raw``, or None for a kind this version does not know."""
    return next((kind for kind in DraftKind if kind.value == raw), None)
