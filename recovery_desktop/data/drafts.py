"""Unfinished dialogs kept across a lock, inside the encrypted journal (never in plain files)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime, timezone
from typing import TYPE_CHECKING

from recovery_desktop.data.connection import sql_errors
from recovery_desktop.domain.drafts import Draft, DraftKind, draft_kind, draft_values

if TYPE_CHECKING:
    from sqlite_utils import Database


class DraftRepository:
    """The ``drafts`` table: at most one draft per kind of dialog."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def keep(self, drafts: Sequence[Draft]) -> None:
        """Store ``drafts``, each replacing an older one of its kind, in one committed
        transaction."""
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        with sql_errors(), self._db.atomic():
            for draft in drafts:
                self._db.execute(
                    "INSERT INTO drafts (kind, fields, kept_at) VALUES (?, ?, ?) "
                    "ON CONFLICT(kind) DO UPDATE SET fields = excluded.fields, "
                    "kept_at = excluded.kept_at",
                    [draft.kind.value, json.dumps(dict(draft.values)), now],
                )

    def drafts(self) -> list[Draft]:
        """Every kept draft, oldest first; a row this version cannot read is left alone."""
        with sql_errors():
            rows = self._db.execute(
                "SELECT kind, fields FROM drafts ORDER BY kept_at, rowid"
            ).fetchall()
        found = []
        for kind_text, fields in rows:
            kind = draft_kind(kind_text)
            values = draft_values(_json(fields))
            if kind is not None and values is not None:
                found.append(Draft(kind, values))
        return found

    def discard(self, kind: DraftKind) -> None:
        """Forget the draft of ``kind`` (it was saved, cancelled or shown)."""
        with sql_errors(), self._db.atomic():
            self._db.execute("DELETE FROM drafts WHERE kind = ?", [kind.value])


def _json(text: str) -> object:
    try:
        return json.loads(text)
    except (TypeError, json.JSONDecodeError):
        return None
