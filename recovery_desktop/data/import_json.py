"""Reading and checking an export before anything is imported: a pure validator.

:func:`read_plan` reads a file (a regular file of at most :data:`MAX_FILE_BYTES`, UTF-8
JSON of our format and a version this app knows) and checks every record completely:
types, ranges (the journal's own CHECKs), days inside ``domain.dates``, characters per
field, duplicate ids and references to records the file does not hold. It returns an
:class:`ImportPlan` of checked rows, or raises :class:`ImportProblem` naming the JSON path
(``records.checkins[3].mood: must be a whole number from 0 to 10``).
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from recovery_desktop.data.import_file import parse, read_bounded, shown_key
from recovery_desktop.data.transfer_format import (
    BY_NAME,
    FORMAT,
    KINDS,
    MAX_FILE_BYTES,
    MAX_LIST_ITEMS,
    NAME_CHARACTERS,
    PREFERENCE_CHARACTERS,
    TAG_KIND,
    TAG_LISTS,
    VERSION,
    Field,
    ImportProblem,
    Kind,
    Type,
)
from recovery_desktop.data.transfer_journal import checked_entry
from recovery_desktop.data.transfer_medication import keepable_schedule
from recovery_desktop.domain.contacts import has_hidden_characters
from recovery_desktop.domain.dates import parse_day, parse_moment
from recovery_desktop.domain.day_plan import MAX_BLOCK_MINUTES
from recovery_desktop.domain.medication import MAX_TIMES_A_DAY

_UID = re.compile(r"[0-9a-f]{32}")
_CLOCK = re.compile(r"[0-2][0-9]:[0-5][0-9]")
_MB = MAX_FILE_BYTES // (1024 * 1024)


@dataclass(frozen=True)
class Row:
    """One checked record: ``key`` (its stable id or natural key), the values of its
    table's columns (references still as stable ids), and a craving's tags as
    ``(kind, item stable id or None, name)`` in order."""

    key: str
    values: dict[str, Any]
    tags: tuple[tuple[str, str | None, str], ...] = ()


@dataclass(frozen=True)
class ImportPlan:
    """A whole checked file: rows per kind name, in the format's order."""

    rows: dict[str, list[Row]] = field(default_factory=dict)

    def counts(self) -> dict[str, int]:
        return {kind.name: len(self.rows.get(kind.name, [])) for kind in KINDS}


# -- the file ------------------------------------------------------------------------------
def read_plan(path: Path) -> ImportPlan:
    """Read and check ``path``; raises :class:`ImportProblem` (never ``OSError``)."""
    return check_document(parse(read_bounded(path), path.name))


# -- the document --------------------------------------------------------------------------
def check_document(document: Any) -> ImportPlan:
    """Check a parsed export completely; returns its rows or raises :class:`ImportProblem`."""
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ImportProblem("format", "this is not a Recovery Desktop export")
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ImportProblem("version", "must be a whole number from 1")
    if version > VERSION:
        raise ImportProblem("version", "the file was made by a newer version; please update")
    records = document.get("records")
    if not isinstance(records, dict):
        raise ImportProblem("records", "must be an object of record lists")
    for name in records:
        if name not in BY_NAME:
            raise ImportProblem(f"records.{shown_key(name)}", "is not a kind of record")
    rows = {kind.name: _kind_rows(kind, records.get(kind.name, [])) for kind in KINDS}
    plan = ImportPlan(rows)
    _check_references(plan)
    _check_open_periods(plan)
    return plan


# Text fields checked for hidden characters (text-direction overrides and isolates,
# zero-width spaces, …) exactly as the app's own dialogs check them (domain.contacts).
_NAME: dict[str, bool] = {}
_NUMBER = {"allow_joiners": False}
_NOTE = {"allow_line_breaks": True}
_SHOWN_TEXT: dict[str, dict[str, dict[str, bool]]] = {
    "contacts": {"name": _NAME, "email": _NAME, "phone": _NUMBER, "notes": _NOTE},
    "reach_outs": {"note": _NOTE},
    "crisis_lines": {"name": _NAME, "number": _NUMBER, "details": _NOTE},
    "day_blocks": {"title": _NAME, "note": _NOTE},
    "day_template_blocks": {"title": _NAME, "note": _NOTE},
    "medications": {"name": _NAME, "dose": _NAME, "prescriber": _NAME, "notes": _NOTE},
    "taper_notes": {"text": _NOTE},
    "appointments": {"title": _NAME, "place": _NAME, "with_whom": _NAME, "notes": _NOTE},
}
_HIDDEN = (
    "holds hidden characters that change how it is shown (such as text-direction "
    "controls), which the app does not accept in it"
)

_BLOCK_KINDS = ("day_blocks", "day_template_blocks")

# What a record's key is, in words (a check-in is named by its day, not an id).
_KEY_WORDS = {"day": "day", "period_key": "period", "key": "setting", "id": "id"}


def _kind_rows(kind: Kind, items: Any) -> list[Row]:
    where = f"records.{kind.name}"
    if not isinstance(items, list):
        raise ImportProblem(where, "must be a list")
    rows: list[Row] = []
    seen: set[str] = set()
    for index, item in enumerate(items):
        row = _row(kind, item, f"{where}[{index}]")
        if row.key in seen:
            what = _KEY_WORDS.get(kind.key.name, "id")
            raise ImportProblem(
                f"{where}[{index}].{kind.key.name}", f"the same {what} appears twice"
            )
        seen.add(row.key)
        rows.append(row)
    return rows


def _row(kind: Kind, item: Any, where: str) -> Row:
    if not isinstance(item, dict):
        raise ImportProblem(where, "must be an object")
    known = {f.name for f in kind.fields} | (set(TAG_LISTS) if kind.has_tags else set())
    for name in item:
        if name not in known:
            raise ImportProblem(f"{where}.{shown_key(str(name))}", "is not a field of this kind")
    values = {}
    for spec in kind.fields:
        if spec.name not in item:
            raise ImportProblem(f"{where}.{spec.name}", "is missing")
        values[spec.stored_in] = check_value(spec, item[spec.name], f"{where}.{spec.name}")
    for field_name, rule in _SHOWN_TEXT.get(kind.name, {}).items():
        if has_hidden_characters(values[field_name], **rule):
            raise ImportProblem(f"{where}.{field_name}", _HIDDEN)
    if kind.day_from is not None:
        values["day"] = values[kind.day_from][:10]
    if kind.name == "clean_periods" and (values["end"] or "9") < values["start"]:
        raise ImportProblem(f"{where}.end", "must not be before start")
    if kind.name in _BLOCK_KINDS and not (
        0 < values["end_minute"] - values["start_minute"] <= MAX_BLOCK_MINUTES
    ):
        raise ImportProblem(f"{where}.end", "must be after start, and at most a day after it")
    if kind.name == "plan_versions" and not _is_snapshot(values["snapshot"]):
        raise ImportProblem(f"{where}.snapshot", "must be a plan written as JSON")
    if kind.name == "medication_schedules" and not keepable_schedule(values):
        raise ImportProblem(where, "is not a schedule the app can keep")
    if kind.name == "medications" and (values["stopped"] or "9") < (values["started"] or ""):
        raise ImportProblem(f"{where}.stopped", "must not be before started")
    if kind.name == "journal_entries":
        checked_entry(values, where)
    tags = _tags(item, where) if kind.has_tags else ()
    return Row(str(values[kind.key.stored_in]), values, tags)


def _is_snapshot(text: str) -> bool:
    """A plan version's snapshot: JSON of an object whose ``sections`` is a list."""
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):
        return False
    return isinstance(value, dict) and isinstance(value.get("sections"), list)


def _tags(item: dict[str, Any], where: str) -> tuple[tuple[str, str | None, str], ...]:
    tags = []
    for name in TAG_LISTS:
        entries = item.get(name, [])
        if not isinstance(entries, list) or len(entries) > MAX_LIST_ITEMS:
            raise ImportProblem(f"{where}.{name}", f"must be a list of up to {MAX_LIST_ITEMS}")
        for index, entry in enumerate(entries):
            at = f"{where}.{name}[{index}]"
            if not isinstance(entry, dict) or set(entry) != {"item", "name"}:
                raise ImportProblem(at, 'must be an object with "item" and "name"')
            item_id = check_value(_TAG_ITEM, entry["item"], f"{at}.item")
            tag_name = check_value(_TAG_NAME, entry["name"], f"{at}.name")
            tags.append((TAG_KIND[name], item_id, tag_name))
    return tuple(tags)


_TAG_ITEM = Field("item", Type.UID, nullable=True, refers_to="library_items")
_TAG_NAME = Field("name", Type.TEXT, limit=NAME_CHARACTERS)


# -- one value -----------------------------------------------------------------------------
def check_value(spec: Field, value: Any, where: str) -> Any:
    """``value`` as it is stored in the journal's column, or :class:`ImportProblem`."""
    if value is None and spec.type is not Type.JSON:
        if spec.nullable:
            return None
        raise ImportProblem(where, f"must be {_expected(spec)}, not null")
    checked = _CHECKS[spec.type](spec, value)
    if checked is _BAD:
        raise ImportProblem(where, f"must be {_expected(spec)}")
    return checked


_BAD = object()


def _expected(spec: Field) -> str:
    if spec.type in (Type.INT, Type.REAL):
        return f"{spec.type.value} from {spec.low:g} to {spec.high:g}"
    if spec.type is Type.NAME:
        return f"{spec.type.value}, without NUL characters, of at most {spec.limit:,} characters"
    if spec.type is Type.TEXT:
        return f"{spec.type.value} of at most {spec.limit:,} characters"
    if spec.type is Type.TEXT_LIST:
        return f"a list of up to {spec.items:,} texts of at most {spec.limit:,} characters"
    if spec.type is Type.CHOICE:
        return "one of " + ", ".join(f'"{c}"' for c in spec.choices)
    if spec.type is Type.DAY:
        return "a date like 2026-11-16, from 1950-01-01 to 2199-12-31"
    if spec.type is Type.MOMENT:
        return "a local time like 2026-11-16T21:40, from 1950 to 2199"
    if spec.type is Type.JSON:
        return f"a JSON value of at most {PREFERENCE_CHARACTERS:,} characters"
    if spec.type is Type.CLOCK_LIST:
        return f"a list of up to {MAX_TIMES_A_DAY} different times of day like 08:00"
    return spec.type.value


def _int(spec: Field, value: Any) -> Any:
    ok = isinstance(value, int) and not isinstance(value, bool) and spec.low <= value <= spec.high
    return value if ok else _BAD


def _real(spec: Field, value: Any) -> Any:
    ok = isinstance(value, (int, float)) and not isinstance(value, bool)
    return float(value) if ok and math.isfinite(value) and spec.low <= value <= spec.high else _BAD


def _bool(_spec: Field, value: Any) -> Any:
    return int(value) if isinstance(value, bool) else _BAD


def _text(spec: Field, value: Any) -> Any:
    ok = isinstance(value, str) and len(value) <= spec.limit and _encodable(value)
    if ok and spec.type is Type.NAME and (not value.strip() or "\x00" in value):
        return _BAD  # SQLite's length() stops at a NUL: "\x00" would be a blank name
    return value if ok else _BAD


def _encodable(text: str) -> bool:
    """False for text with lone surrogates ("\\ud800"), which SQLite cannot store."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _day(_spec: Field, value: Any) -> Any:
    if not isinstance(value, str) or len(value) != 10:
        return _BAD
    try:
        return parse_day(value).isoformat()
    except ValueError:
        return _BAD


def _moment(_spec: Field, value: Any) -> Any:
    if not isinstance(value, str) or len(value) != 16 or value[10] != "T":
        return _BAD
    try:
        return parse_moment(value).isoformat(timespec="minutes")
    except ValueError:
        return _BAD


def _stamp(spec: Field, value: Any) -> Any:
    if not isinstance(value, str) or len(value) > spec.limit:
        return _BAD
    try:
        datetime.fromisoformat(value)
    except ValueError:
        return _BAD
    return value


def _choice(spec: Field, value: Any) -> Any:
    return value if isinstance(value, str) and value in spec.choices else _BAD


def _text_list(spec: Field, value: Any) -> Any:
    if not isinstance(value, list) or len(value) > spec.items:
        return _BAD
    if not all(isinstance(v, str) and len(v) <= spec.limit and _encodable(v) for v in value):
        return _BAD
    return json.dumps(value, ensure_ascii=False)


def _json(_spec: Field, value: Any) -> Any:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= PREFERENCE_CHARACTERS and _encodable(text) else _BAD


def _clock(_spec: Field, value: Any) -> Any:
    if not isinstance(value, str) or not _CLOCK.fullmatch(value):
        return _BAD
    return value if int(value[:2]) < 24 else _BAD


def _clock_list(spec: Field, value: Any) -> Any:
    if not isinstance(value, list) or len(value) > MAX_TIMES_A_DAY:
        return _BAD
    if len(set(map(str, value))) != len(value) or any(_clock(spec, v) is _BAD for v in value):
        return _BAD
    return json.dumps(value)


def _weekdays(_spec: Field, value: Any) -> Any:
    if not isinstance(value, list) or len(set(map(str, value))) != len(value):
        return _BAD
    if not all(isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= 6 for v in value):
        return _BAD
    return json.dumps(sorted(value))


def _uid(_spec: Field, value: Any) -> Any:
    return value if isinstance(value, str) and _UID.fullmatch(value) else _BAD


_CHECKS = {
    Type.INT: _int,
    Type.REAL: _real,
    Type.BOOL: _bool,
    Type.TEXT: _text,
    Type.NAME: _text,
    Type.DAY: _day,
    Type.MOMENT: _moment,
    Type.STAMP: _stamp,
    Type.CHOICE: _choice,
    Type.TEXT_LIST: _text_list,
    Type.JSON: _json,
    Type.UID: _uid,
    Type.CLOCK: _clock,
    Type.CLOCK_LIST: _clock_list,
    Type.WEEKDAYS: _weekdays,
}


# -- across records ------------------------------------------------------------------------
def _check_references(plan: ImportPlan) -> None:
    held = {kind.name: {row.key for row in plan.rows[kind.name]} for kind in KINDS}
    for kind in KINDS:
        refs = [f for f in kind.fields if f.type is Type.UID and f.refers_to is not None]
        for index, row in enumerate(plan.rows[kind.name]):
            where = f"records.{kind.name}[{index}]"
            for spec in refs:
                target = row.values[spec.stored_in]
                if target is not None and target not in held[str(spec.refers_to)]:
                    raise ImportProblem(f"{where}.{spec.name}", _dangling(spec.refers_to))
            counted = dict.fromkeys(TAG_LISTS, -1)
            for tag_kind, item, _name in row.tags:
                name = next(n for n in TAG_LISTS if TAG_KIND[n] == tag_kind)
                counted[name] += 1
                if item is not None and item not in held["library_items"]:
                    at = f"{where}.{name}[{counted[name]}].item"
                    raise ImportProblem(at, _dangling("library_items"))


def _dangling(kind: str | None) -> str:
    return f"names a record the file does not hold (in records.{kind})"


def _check_open_periods(plan: ImportPlan) -> None:
    open_ones: set[str] = set()
    for index, row in enumerate(plan.rows["clean_periods"]):
        if row.values["end"] is None:
            if row.values["substance"] in open_ones:
                raise ImportProblem(
                    f"records.clean_periods[{index}].end",
                    "a second clean period without an end for the same substance",
                )
            open_ones.add(row.values["substance"])
