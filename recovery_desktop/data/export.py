"""Everything in a journal as one JSON document or one CSV file per kind (not encrypted).

The format is described in docs/export-format.md and :mod:`transfer_format`. Drafts (what
was typed in a dialog when the journal locked) are not records and are left out.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from recovery_desktop import __version__
from recovery_desktop.data.connection import sql_errors
from recovery_desktop.data.output_files import IncompleteOutput, save_output, save_output_folder
from recovery_desktop.data.output_places import AppFolders
from recovery_desktop.data.transfer_format import (
    CSV_NEUTRAL_PREFIX,
    CSV_RISKY_STARTS,
    FORMAT,
    KINDS,
    TAG_KIND,
    TAG_LISTS,
    VERSION,
    Field,
    Kind,
    Type,
)

if TYPE_CHECKING:
    from sqlite_utils import Database

Record = dict[str, Any]


def export_records(db: Database) -> dict[str, list[Record]]:
    """Every record of every kind, in the format's order (kind name -> records)."""
    with sql_errors():
        uids = {kind.table: _uids(db, kind.table) for kind in KINDS if kind.has_uid}
        return {kind.name: _records(db, kind, uids) for kind in KINDS}


def export_document(db: Database, now: datetime | None = None) -> dict[str, Any]:
    """The whole export: format, version, app version, when (UTC) and the records."""
    moment = now or datetime.now(timezone.utc)
    return {
        "format": FORMAT,
        "version": VERSION,
        "app_version": __version__,
        "exported_at": moment.astimezone(timezone.utc).isoformat(timespec="seconds"),
        "records": export_records(db),
    }


def document_bytes(document: dict[str, Any]) -> bytes:
    """UTF-8 JSON, two-space indents, non-ASCII characters as themselves, newline at end."""
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def save_json(db: Database, path: Path, app_folders: AppFolders) -> dict[str, int]:
    """Write the JSON export to ``path`` (atomic, 0600; places among the journal's own
    files are refused). Returns the number of records per kind. Raises ``OutputProblem``."""
    document = export_document(db)
    data = document_bytes(document)
    save_output(path, data, _json_check, app_folders=app_folders)
    return {kind: len(rows) for kind, rows in document["records"].items()}


def save_csv(db: Database, folder: Path, app_folders: AppFolders) -> list[Path]:
    """Write one CSV file per kind (``checkins.csv``, …) into ``folder``, created when
    missing; all of them or none (a failure leaves no file of this export behind).
    Returns the files written. Raises ``OutputProblem`` or ``StorageProblem``."""
    records = export_records(db)
    contents = {f"{kind.name}.csv": csv_bytes(kind, records[kind.name]) for kind in KINDS}
    return save_output_folder(folder, contents, app_folders=app_folders)


def _json_check(data: bytes) -> None:
    if not data.rstrip().endswith(b"}"):
        raise IncompleteOutput("the export came out incomplete")


# -- reading the tables --------------------------------------------------------------------
def _uids(db: Database, table: str) -> dict[int, str]:
    return {row[0]: row[1] for row in db.execute(f"SELECT id, uid FROM {table}").fetchall()}


def _records(db: Database, kind: Kind, uids: dict[str, dict[int, str]]) -> list[Record]:
    columns = ", ".join(f'"{f.stored_in}"' for f in kind.fields)
    select = f"SELECT {columns}{', id' if kind.has_tags else ''} FROM {kind.table}"
    rows = db.execute(f"{select} ORDER BY {kind.order}").fetchall()
    tags = _tags(db, uids.get("library_items", {})) if kind.has_tags else {}
    records = []
    for row in rows:
        record = {f.name: _exported(f, row[i], uids) for i, f in enumerate(kind.fields)}
        if kind.has_tags:
            own = tags.get(row[-1], {})
            for name in TAG_LISTS:
                record[name] = own.get(TAG_KIND[name], [])
        records.append(record)
    return records


def _tags(db: Database, items: dict[int, str]) -> dict[int, dict[str, list[Record]]]:
    found: dict[int, dict[str, list[Record]]] = {}
    rows = db.execute(
        "SELECT craving_id, kind, item_id, name FROM craving_tags "
        "ORDER BY craving_id, kind, position, rowid"
    ).fetchall()
    for craving_id, kind, item_id, name in rows:
        tag = {"item": items.get(item_id) if item_id is not None else None, "name": name}
        found.setdefault(craving_id, {}).setdefault(kind, []).append(tag)
    return found


def _exported(field: Field, value: Any, uids: dict[str, dict[int, str]]) -> Any:
    if value is None:
        return None
    if field.type is Type.BOOL:
        return bool(value)
    if field.type is Type.REAL:
        return float(value)
    if field.type is Type.TEXT_LIST:
        return _json_list(value)
    if field.type in (Type.CLOCK_LIST, Type.WEEKDAYS):
        found = _json_value(value)
        return found if isinstance(found, list) else []
    if field.type is Type.JSON:
        return _json_value(value)
    if field.type is Type.UID and field.refers_to is not None:
        return uids[field.refers_to].get(value)
    return value


def _json_list(text: str) -> list[str]:
    value = _json_value(text)
    return [str(item) for item in value] if isinstance(value, list) else []


def _json_value(text: str) -> Any:
    try:
        return json.loads(text)
    except (json.JSONDecodeError, RecursionError):
        return text


# -- CSV -----------------------------------------------------------------------------------
def neutral_cell(text: str) -> str:
    """``text`` with a ``'`` in front when it starts like a spreadsheet formula."""
    return CSV_NEUTRAL_PREFIX + text if text.startswith(CSV_RISKY_STARTS) else text


def csv_bytes(kind: Kind, records: list[Record]) -> bytes:
    """One kind as CSV (UTF-8 with a byte-order mark, so spreadsheets read it as UTF-8):
    a header row of field names, then one row per record; every cell neutralised."""
    names = [f.name for f in kind.fields] + (list(TAG_LISTS) if kind.has_tags else [])
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(names)
    for record in records:
        writer.writerow([neutral_cell(_cell(record[name])) for name in names])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return "; ".join(_cell(v["name"] if isinstance(v, dict) else v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)
