"""Journal entries in the export format (version 5, ``transfer_format.py``).

An entry carries its tags as a list of texts and the "include in my therapy summary"
switch as ``shared``. Import checks the tags as the app keeps them (at most 20, each at
most 40 characters, no commas, each once ignoring case: ``domain.journal_entries``) and
fills the plain ``tags_text`` column the search index reads (``data/journal_schema.py``).
"""

from __future__ import annotations

import json
from typing import Any

from recovery_desktop.data.transfer_fields import (
    CREATED,
    ID,
    UPDATED,
    Field,
    ImportProblem,
    Kind,
    Type,
    flag,
    text,
)
from recovery_desktop.domain.journal_entries import (
    MAX_BODY_CHARACTERS,
    MAX_TAG_CHARACTERS,
    MAX_TAGS,
    MAX_TITLE_CHARACTERS,
    normalise_tags,
)

JOURNAL_ENTRIES = Kind(
    "journal_entries",
    "journal_entries",
    (
        ID,
        Field("written_at", Type.MOMENT),
        text("title", MAX_TITLE_CHARACTERS),
        text("body", MAX_BODY_CHARACTERS),
        Field("tags", Type.TEXT_LIST, limit=MAX_TAG_CHARACTERS, items=MAX_TAGS),
        flag("shared", False),
        CREATED,
        UPDATED,
    ),
    "written_at, uid",
)
JOURNAL_KINDS = (JOURNAL_ENTRIES,)


def checked_entry(values: dict[str, Any], where: str) -> None:
    """Check a ``journal_entries`` row's tags (stored JSON in ``values["tags"]``, already
    checked for their number and length by the field) as the app keeps them and add
    ``tags_text``. Raises :class:`ImportProblem`."""
    tags = json.loads(values["tags"])
    if list(normalise_tags(tags)) != tags:
        raise ImportProblem(
            f"{where}.tags",
            "must hold each tag once (letter case aside), trimmed, without commas or blanks",
        )
    values["tags_text"] = " ".join(tags)
