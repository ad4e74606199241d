"""The plan's tables row by row, and a whole plan as JSON (the snapshot of each version).

Reading is forgiving where a newer version or a damaged row could surprise: an unknown
section kind reads as ``CUSTOM``, a snapshot that is not the expected JSON reads as an
empty plan. Writing happens inside the caller's ``ChangeFeed.writing`` transaction.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from recovery_desktop.domain.plan import Plan, PlanPair, PlanSection, SectionKind

if TYPE_CHECKING:
    from sqlite_utils import Database


def stored_kind(value: object) -> SectionKind:
    """A stored section kind; one this version does not know reads as ``CUSTOM``."""
    try:
        return SectionKind(str(value))
    except ValueError:
        return SectionKind.CUSTOM


def _texts(value: object) -> tuple[str, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(str(item) for item in value if isinstance(item, str))


def _json(text: object) -> object:
    try:
        return json.loads(str(text))
    except (TypeError, ValueError):
        return None


# -- snapshots -------------------------------------------------------------------------------
def section_to_dict(section: PlanSection) -> dict[str, Any]:
    return {
        "uid": section.uid,
        "kind": section.kind.value,
        "title": section.title,
        "body": section.body,
        "hidden": section.hidden,
        "pairs": [[pair.first, pair.second] for pair in section.pairs],
        "contacts": list(section.contacts),
        "dismissed": list(section.dismissed),
    }


def plan_to_json(plan: Plan) -> str:
    """The whole plan as compact JSON: ``{"sections": [{uid, kind, title, body, hidden,
    pairs: [[first, second]], contacts: [uid], dismissed: [text]}]}``."""
    sections = [section_to_dict(s) for s in plan.sections]
    return json.dumps({"sections": sections}, ensure_ascii=False, separators=(",", ":"))


def _pair(value: object) -> PlanPair | None:
    if isinstance(value, list) and len(value) == 2 and all(isinstance(v, str) for v in value):
        return PlanPair(value[0], value[1])
    return None


def section_from_dict(value: object) -> PlanSection | None:
    """A section from :func:`section_to_dict`'s shape; None for anything unusable."""
    if not isinstance(value, dict):
        return None
    uid, title = value.get("uid"), value.get("title")
    if not isinstance(uid, str) or not uid or not isinstance(title, str):
        return None
    body = value.get("body")
    pairs = value.get("pairs")
    found = [_pair(p) for p in pairs] if isinstance(pairs, list) else []
    return PlanSection(
        uid,
        stored_kind(value.get("kind")),
        title,
        body if isinstance(body, str) else "",
        bool(value.get("hidden")),
        tuple(p for p in found if p is not None),
        _texts(value.get("contacts")),
        _texts(value.get("dismissed")),
    )


def plan_from_json(text: object) -> Plan:
    """A plan from :func:`plan_to_json`; unusable sections are left out."""
    data = _json(text)
    sections = data.get("sections") if isinstance(data, dict) else None
    if not isinstance(sections, list):
        return Plan()
    found = (section_from_dict(s) for s in sections)
    return Plan(tuple(s for s in found if s is not None))


def changed_to_json(titles: Sequence[str]) -> str:
    return json.dumps(list(titles), ensure_ascii=False)


def changed_from_json(text: object) -> tuple[str, ...]:
    return _texts(_json(text))


# -- the current plan ------------------------------------------------------------------------
def read_sections(db: Database) -> tuple[PlanSection, ...]:
    """The stored sections in their order, with pairs and contact links (() if none)."""
    rows = db.execute(
        "SELECT id, uid, kind, title, body, hidden, dismissed FROM plan_sections "
        "ORDER BY position, id"
    ).fetchall()
    if not rows:
        return ()
    pairs: dict[int, list[PlanPair]] = {}
    for section_id, first, second in db.execute(
        "SELECT section_id, first, second FROM plan_pairs ORDER BY section_id, position, id"
    ).fetchall():
        pairs.setdefault(section_id, []).append(PlanPair(first, second))
    links: dict[int, list[str]] = {}
    for section_id, contact_uid in db.execute(
        "SELECT section_id, contact_uid FROM plan_contacts ORDER BY section_id, position, id"
    ).fetchall():
        links.setdefault(section_id, []).append(contact_uid)
    return tuple(
        PlanSection(
            str(uid),
            stored_kind(kind),
            title,
            body,
            bool(hidden),
            tuple(pairs.get(section_id, ())),
            tuple(links.get(section_id, ())),
            _texts(_json(dismissed)),
        )
        for section_id, uid, kind, title, body, hidden, dismissed in rows
    )


def section_count(db: Database) -> int:
    return int(db.execute("SELECT count(*) FROM plan_sections").fetchone()[0])


def delete_sections(db: Database, uids: Iterable[str]) -> None:
    """Remove sections with their pairs and contact links (inside the caller's write)."""
    for uid in uids:
        row = db.execute("SELECT id FROM plan_sections WHERE uid = ?", [uid]).fetchone()
        if row is not None:
            db.execute("DELETE FROM plan_pairs WHERE section_id = ?", [row[0]])
            db.execute("DELETE FROM plan_contacts WHERE section_id = ?", [row[0]])
            db.execute("DELETE FROM plan_sections WHERE id = ?", [row[0]])


def write_section(db: Database, section: PlanSection, position: int) -> None:
    """Insert or replace one section with its pairs and contact links at ``position``."""
    delete_sections(db, [section.uid])
    cursor = db.execute(
        "INSERT INTO plan_sections (uid, position, kind, title, body, hidden, dismissed) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            section.uid,
            position,
            section.kind.value,
            section.title,
            section.body,
            int(section.hidden),
            json.dumps(list(section.dismissed), ensure_ascii=False),
        ],
    )
    section_id = int(cursor.lastrowid or 0)
    for index, pair in enumerate(section.pairs):
        db.execute(
            "INSERT INTO plan_pairs (section_id, position, first, second) VALUES (?, ?, ?, ?)",
            [section_id, index, pair.first, pair.second],
        )
    for index, contact_uid in enumerate(section.contacts):
        db.execute(
            "INSERT INTO plan_contacts (section_id, position, contact_uid) VALUES (?, ?, ?)",
            [section_id, index, contact_uid],
        )


def write_plan(db: Database, plan: Plan) -> None:
    """Make ``plan`` the stored plan: sections it lacks are removed, the rest written in
    its order."""
    keep = {s.uid for s in plan.sections}
    stored = [str(row[0]) for row in db.execute("SELECT uid FROM plan_sections").fetchall()]
    delete_sections(db, [uid for uid in stored if uid not in keep])
    for position, section in enumerate(plan.sections):
        write_section(db, section, position)
