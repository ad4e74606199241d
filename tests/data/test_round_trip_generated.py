"""Round trip with generated records: any file export could have written imports into a new
journal and exports again unchanged (emoji, right-to-left text, combining marks, empty and
very long fields, the first and last day the journal accepts)."""

from __future__ import annotations

import json
import tempfile
from datetime import datetime, time, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from recovery_desktop.data.export import document_bytes, export_document
from recovery_desktop.data.import_apply import import_plan
from recovery_desktop.data.import_json import check_document, parse
from recovery_desktop.data.journal import JournalFiles, create_journal
from recovery_desktop.data.transfer_format import FORMAT, NAME_CHARACTERS, NOTE_CHARACTERS, VERSION
from recovery_desktop.domain.contacts import has_hidden_characters
from recovery_desktop.domain.dates import EARLIEST_DAY, LATEST_DAY
from recovery_desktop.domain.day_plan import (
    LAST_MINUTE,
    MAX_NOTE_CHARACTERS,
    MAX_TITLE_CHARACTERS,
    BlockCategory,
)
from recovery_desktop.domain.journal_entries import (
    MAX_BODY_CHARACTERS,
    normalise_tags,
)
from recovery_desktop.domain.journal_entries import (
    MAX_TITLE_CHARACTERS as MAX_ENTRY_TITLE,
)
from recovery_desktop.domain.medication import MedicationKind, Repeat
from recovery_desktop.domain.plan import MAX_PAIR_CHARACTERS, SectionKind, VersionReason
from recovery_desktop.domain.sessions import AppointmentKind, Attendance

SPECIAL = [
    "",
    "🧘\u200d♀️ one day at a time 💪🏽",
    "שלום, היום היה קשה",
    "مرحبا، يوم جيد",
    "e\u0301\u0302\u0303 Zalgo\u0336\u0337",
    "\u202eright-to-left override",
    "line one\nline two\r\nthree\ttabbed",
    "=1+1",
    "a\x00b",
]
LONG_NOTE = "ن" * (NOTE_CHARACTERS - 1) + "😀"
LONG_NAME = "x" * NAME_CHARACTERS


def texts(longest: str = LONG_NOTE) -> st.SearchStrategy[str]:
    return st.one_of(st.text(max_size=30), st.sampled_from([*SPECIAL, longest]))


def names() -> st.SearchStrategy[str]:
    return texts(LONG_NAME).filter(lambda s: s.strip() != "" and "\x00" not in s)


def seen(strategy: st.SearchStrategy[str], **rule: bool) -> st.SearchStrategy[str]:
    """Text without the hidden characters the dialogs refuse in that field (an import
    refuses them too: tests/data/test_import_fuzzing.py)."""
    return strategy.filter(lambda s: not has_hidden_characters(s, **rule))


uids = st.uuids().map(lambda u: u.hex)
days = st.dates(EARLIEST_DAY, LATEST_DAY)
moments = st.datetimes(
    datetime.combine(EARLIEST_DAY, time()), datetime.combine(LATEST_DAY, time(23, 59))
).map(lambda m: m.isoformat(timespec="minutes"))
stamps = st.datetimes(timezones=st.just(timezone.utc)).map(
    lambda m: m.isoformat(timespec="seconds")
)
scores = st.none() | st.integers(0, 10)
flags = st.none() | st.booleans()


@st.composite
def block_times(draw: st.DrawFn) -> dict:
    """A My day block's minutes (ending after the start, at most a day later) and texts."""
    start = draw(st.integers(0, LAST_MINUTE - 1))
    title = texts("t" * MAX_TITLE_CHARACTERS).filter(lambda s: s.strip() and "\x00" not in s)
    return {
        "start": start,
        "end": draw(st.integers(start + 1, min(start + 1440, LAST_MINUTE))),
        "title": draw(seen(title)),
        "category": draw(st.sampled_from([c.value for c in BlockCategory])),
        "note": draw(seen(texts("ن" * (MAX_NOTE_CHARACTERS - 1) + "😀"), allow_line_breaks=True)),
    }


@st.composite
def plan_records(draw: st.DrawFn) -> dict:
    """The aftercare plan's four kinds: sections, their table rows and contact links (a
    contact's stable id, whether People holds it or not), versions with JSON snapshots."""
    ids = iter(draw(st.lists(uids, unique=True, min_size=20, max_size=20)))
    title = texts("t" * 80).filter(lambda s: s.strip() and "\x00" not in s)
    sections = [
        {
            "id": next(ids),
            "position": draw(st.integers(0, 1000)),
            "kind": draw(st.sampled_from([k.value for k in SectionKind])),
            "title": draw(title),
            "body": draw(texts()),
            "hidden": draw(st.booleans()),
            "dismissed": draw(st.lists(texts(LONG_NAME), max_size=3)),
        }
        for _ in range(draw(st.integers(0, 3)))
    ]
    section_ids = [s["id"] for s in sections]
    pair_text = texts("p" * MAX_PAIR_CHARACTERS)
    pairs = [
        {
            "id": next(ids),
            "section": draw(st.sampled_from(section_ids)),
            "position": draw(st.integers(0, 1000)),
            "first": draw(pair_text),
            "second": draw(pair_text),
        }
        for _ in range(draw(st.integers(0, 3)) if sections else 0)
    ]
    links = [
        {
            "id": next(ids),
            "section": draw(st.sampled_from(section_ids)),
            "position": draw(st.integers(0, 1000)),
            "contact": draw(uids),
        }
        for _ in range(draw(st.integers(0, 2)) if sections else 0)
    ]
    versions = [
        {
            "id": next(ids),
            "saved_at": draw(moments),
            "reason": draw(st.sampled_from([r.value for r in VersionReason])),
            "label": draw(texts("l" * 120)),
            "changed": draw(st.lists(title, max_size=3)),
            "snapshot": json.dumps({"sections": sections[: draw(st.integers(0, 3))]}),
        }
        for _ in range(draw(st.integers(0, 3)))
    ]
    return {
        "plan_sections": sections,
        "plan_pairs": pairs,
        "plan_contacts": links,
        "plan_versions": versions,
    }


def unfiltered(longest: str, blank: bool = True, **rule: bool) -> st.SearchStrategy[str]:
    """Like :func:`seen` (``blank``: "" may come too), built without filtering, as a record
    with many texts would otherwise be drawn too rarely."""
    special = [s for s in SPECIAL if not has_hidden_characters(s, **rule) and "\x00" not in s]
    plain = st.text(st.characters(categories=("L", "N", "P")), min_size=0 if blank else 1)
    return st.one_of(plain, st.sampled_from([s for s in [*special, longest] if blank or s]))


clocks = st.times().map(lambda t: t.strftime("%H:%M"))
weekday_lists = st.lists(st.integers(0, 6), unique=True, max_size=7).map(sorted)


@st.composite
def schedule(draw: st.DrawFn) -> dict:
    """A schedule span the app could save: times unless "as needed", days for weekdays, a
    first day for every N days or weeks."""
    repeat = draw(st.sampled_from([r.value for r in Repeat]))
    times = (
        [] if repeat == "as_needed" else draw(st.lists(clocks, unique=True, min_size=1, max_size=4))
    )
    chosen = st.lists(st.integers(0, 6), unique=True, min_size=1, max_size=7).map(sorted)
    weekdays = draw(chosen if repeat == "weekdays" else weekday_lists)
    anchor = draw(days) if repeat.startswith("every") else draw(st.none() | days)
    return {
        "repeat": repeat,
        "times": times,
        "weekdays": weekdays,
        "every": draw(st.integers(1, 365)),
        "anchor": anchor.isoformat() if anchor else None,
    }


@st.composite
def medication_records(draw: st.DrawFn, people: list[str]) -> dict:
    """Medication and visits: medications with schedule spans (one per day each), ticks
    (one per day and time each), taper notes, and appointments in series or on their own,
    linked to nobody or to one of ``people`` (a link to nobody in People is dropped on
    import, tests/data/test_medication_transfer.py)."""
    ids = iter(draw(st.lists(uids, unique=True, min_size=30, max_size=30)))
    text = unfiltered("m" * 2000, allow_line_breaks=True)
    line = unfiltered("m" * 2000)
    name = unfiltered("n" * 200, blank=False)
    medications = []
    for _ in range(draw(st.integers(0, 2))):
        started = draw(st.none() | days)
        length = draw(st.none() | st.integers(0, 400))
        stopped = None if started is None or length is None else started + timedelta(length)
        stopped = min(stopped, LATEST_DAY) if stopped else None
        clinic = draw(weekday_lists)
        medications.append(
            {
                "id": next(ids),
                "position": draw(st.integers(0, 1000)),
                "name": draw(name),
                "kind": draw(st.sampled_from([k.value for k in MedicationKind])),
                "dose": draw(line),
                "started": started.isoformat() if started else None,
                "stopped": stopped.isoformat() if stopped else None,
                "prescriber": draw(line),
                "notes": draw(text),
                "clinic_days": clinic,
                "take_home_days": [d for d in draw(weekday_lists) if d not in clinic],
                "created_at": draw(stamps),
            }
        )
    owners = [m["id"] for m in medications]
    spans = [
        {"id": next(ids), "medication": owner, "since": since.isoformat(), **draw(schedule())}
        for owner in owners
        for since in draw(st.lists(days, unique=True, min_size=1, max_size=2))
    ]
    doses = [
        {
            "id": next(ids),
            "medication": owner,
            "day": day.isoformat(),
            "at": at,
            "mark": mark,
            "taken_at": draw(st.none() | clocks) if mark == "taken" else None,
        }
        for owner in owners
        for day, at in draw(st.lists(st.tuples(days, clocks), unique=True, max_size=3))
        for mark in [draw(st.sampled_from(["taken", "missed"]))]
    ]
    notes = [
        {"id": next(ids), "medication": owner, "day": draw(days).isoformat(), "text": draw(name)}
        for owner in owners
        for _ in range(draw(st.integers(0, 2)))
    ]
    appointments = [
        {
            "id": next(ids),
            "series": draw(st.none() | st.integers(1, 3)),
            "day": draw(days).isoformat(),
            "at": draw(st.none() | clocks),
            "minutes": draw(st.integers(5, 1440)),
            "kind": draw(st.sampled_from([k.value for k in AppointmentKind])),
            "title": draw(name | st.just("")),
            "place": draw(line),
            "with_whom": draw(line),
            "contact": draw(st.sampled_from([None, *people])),
            "notes": draw(text),
            "attendance": draw(st.sampled_from([None, *(a.value for a in Attendance)])),
        }
        for _ in range(draw(st.integers(0, 3)))
    ]
    return {
        "medications": medications,
        "medication_schedules": spans,
        "medication_doses": doses,
        "taper_notes": notes,
        "appointments": appointments,
    }


@st.composite
def journal_records(draw: st.DrawFn) -> dict:
    """Journal entries as the app keeps them: tags trimmed, each once (case aside), no
    commas, at most 20 of at most 40 characters."""
    tag = st.text(st.characters(categories=("L", "N", "Zs", "P")), min_size=1, max_size=40)
    entries = [
        {
            "id": uid,
            "written_at": draw(moments),
            "title": draw(texts("t" * MAX_ENTRY_TITLE).filter(lambda s: len(s) <= MAX_ENTRY_TITLE)),
            "body": draw(texts("ب" * MAX_BODY_CHARACTERS)),
            "tags": list(normalise_tags(draw(st.lists(tag, max_size=4)))),
            "shared": draw(st.booleans()),
            "created_at": draw(stamps),
            "updated_at": draw(stamps),
        }
        for uid in draw(st.lists(uids, unique=True, max_size=3))
    ]
    return {"journal_entries": entries}


@st.composite
def documents(draw: st.DrawFn) -> dict:
    checkins = [
        {
            "day": day.isoformat(),
            "mood": draw(scores),
            "craving_peak": draw(scores),
            "stress": draw(scores),
            "sleep_hours": draw(st.none() | st.integers(0, 48).map(lambda h: h / 2)),
            "sleep_quality": draw(scores),
            "energy": draw(scores),
            **{f"halt_{n}": draw(st.booleans()) for n in ("hungry", "angry", "lonely", "tired")},
            **{n: draw(flags) for n in ("used", "meeting", "therapy", "medication_taken")},
            "exercise_minutes": draw(st.none() | st.integers(0, 1440)),
            "note": draw(texts()),
            "created_at": draw(stamps),
            "updated_at": draw(stamps),
        }
        for day in draw(st.lists(days, unique=True, max_size=4))
    ]
    ids = iter(draw(st.lists(uids, unique=True, min_size=40, max_size=40)))
    library = [
        {
            "id": next(ids),
            "kind": draw(st.sampled_from(["trigger", "coping"])),
            "name": draw(names()),
            "category": draw(texts(LONG_NAME)),
            "position": draw(st.integers(0, 1000)),
            "archived": draw(st.booleans()),
            "favourite": draw(st.booleans()),
        }
        for _ in range(draw(st.integers(0, 4)))
    ]
    item_ids = [None] + [i["id"] for i in library]

    def tags() -> list[dict]:
        count = draw(st.integers(0, 3))
        return [
            {"item": draw(st.sampled_from(item_ids)), "name": draw(texts(LONG_NAME))}
            for _ in range(count)
        ]

    cravings = [
        {
            "id": next(ids),
            "started_at": draw(moments),
            "intensity": draw(scores),
            "place": draw(texts()),
            "with_whom": draw(texts()),
            "thoughts": draw(texts()),
            "intensity_after": draw(scores),
            "outcome": draw(st.sampled_from([None, "passed", "used"])),
            "duration_minutes": draw(st.none() | st.integers(0, 1440)),
            "created_at": draw(stamps),
            "updated_at": draw(stamps),
            "triggers": tags(),
            "coping": tags(),
        }
        for _ in range(draw(st.integers(0, 3)))
    ]
    craving_ids = [None] + [c["id"] for c in cravings]
    contacts = [
        {
            "id": next(ids),
            "name": draw(seen(names())),
            "role": draw(texts(LONG_NAME)),
            "phone": draw(seen(texts(LONG_NAME), allow_joiners=False)),
            "email": draw(seen(texts(LONG_NAME))),
            "notes": draw(seen(texts(), allow_line_breaks=True)),
            "position": draw(st.integers(0, 1000)),
            "archived": draw(st.booleans()),
        }
        for _ in range(draw(st.integers(0, 3)))
    ]
    reach_outs = [
        {
            "id": next(ids),
            "contact": draw(st.sampled_from([c["id"] for c in contacts])),
            "at": draw(moments),
            "how": draw(st.sampled_from(["call", "text", "in_person", "meeting", "online"])),
            "helped": draw(flags),
            "note": draw(seen(texts(), allow_line_breaks=True)),
            "craving": draw(st.sampled_from(craving_ids)),
        }
        for _ in range(draw(st.integers(0, 3)) if contacts else 0)
    ]
    crisis_lines = [
        {
            "id": next(ids),
            "name": draw(seen(texts(LONG_NAME))),
            "number": draw(seen(texts(LONG_NAME), allow_joiners=False)),
            "details": draw(seen(texts(), allow_line_breaks=True)),
            "position": draw(st.integers(0, 1000)),
        }
        for _ in range(draw(st.integers(0, 3)))
    ]
    lapses = [
        {
            "id": next(ids),
            "at": draw(moments),
            "substance": draw(texts(LONG_NAME)),
            **{n: draw(texts()) for n in ("what_used", "before", "would_help", "tell")},
            "craving": draw(st.sampled_from(craving_ids)),
            "created_at": draw(stamps),
        }
        for _ in range(draw(st.integers(0, 3)))
    ]
    lapse_ids = [None] + [lapse["id"] for lapse in lapses]
    periods, counting = [], set()
    for _ in range(draw(st.integers(0, 3))):
        substance = draw(names())
        start = draw(days)
        end = (
            None
            if substance not in counting and draw(st.booleans())
            else start + timedelta(days=draw(st.integers(0, (LATEST_DAY - start).days)))
        )
        if end is None:
            counting.add(substance)
        periods.append(
            {
                "id": next(ids),
                "substance": substance,
                "start": start.isoformat(),
                "end": end.isoformat() if end else None,
                "lapse": draw(st.sampled_from(lapse_ids)),
                "started_by": draw(st.sampled_from(lapse_ids)),
            }
        )
    notes = [
        {
            "period_key": key,
            "start": draw(days).isoformat(),
            "end": draw(days).isoformat(),
            "talk_about": draw(st.lists(texts(), max_size=3)),
            "goals": draw(st.lists(texts(), max_size=3)),
            "updated_at": draw(stamps),
        }
        for key in draw(st.lists(names(), unique=True, max_size=2))
    ]
    json_values = st.recursive(
        st.none() | st.booleans() | st.integers(-(10**6), 10**6) | texts(LONG_NAME),
        lambda inner: (
            st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
        ),
        max_leaves=6,
    )
    preferences = [
        {"key": key, "value": draw(json_values)}
        for key in draw(st.lists(names(), unique=True, max_size=3))
    ]
    block_ids = iter(draw(st.lists(uids, unique=True, min_size=8, max_size=8)))
    day_blocks = [
        {"id": next(block_ids), "day": draw(days).isoformat(), **draw(block_times())}
        | {"done": draw(st.booleans()), "created_at": draw(stamps), "updated_at": draw(stamps)}
        for _ in range(draw(st.integers(0, 4)))
    ]
    template_blocks = [
        {"id": next(block_ids), "weekday": draw(st.integers(0, 6)), **draw(block_times())}
        for _ in range(draw(st.integers(0, 4)))
    ]
    plan = draw(plan_records())
    medication = draw(medication_records([c["id"] for c in contacts]))
    journal = draw(journal_records())
    return {
        "format": FORMAT,
        "version": VERSION,
        "app_version": "test",
        "exported_at": "2026-11-30T06:00:00+00:00",
        "records": {
            "checkins": checkins,
            "summary_notes": notes,
            "preferences": preferences,
            "library_items": library,
            "cravings": cravings,
            "contacts": contacts,
            "reach_outs": reach_outs,
            "crisis_lines": crisis_lines,
            "lapses": lapses,
            "clean_periods": periods,
            "day_blocks": day_blocks,
            "day_template_blocks": template_blocks,
            **plan,
            **medication,
            **journal,
        },
    }


def by_key(records: dict) -> dict:
    """Each kind's records in one order (the file's own order is free)."""
    key = {"checkins": "day", "summary_notes": "period_key", "preferences": "key"}
    return {
        kind: sorted(rows, key=lambda r: json.dumps(r[key.get(kind, "id")]))
        for kind, rows in records.items()
    }


def into_new_journal(folder: Path, data: bytes) -> dict:
    journal = create_journal(JournalFiles(folder), None)
    try:
        import_plan(journal, check_document(parse(data)), new_journal=True)
        document = export_document(journal.db)
    finally:
        journal.close()
    document.pop("exported_at")
    return document


@pytest.mark.filterwarnings("ignore:Generating overly large repr")
@settings(
    max_examples=max(10, settings.default.max_examples // 4),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    deadline=None,
)
@given(documents())
def test_generated_records_survive_import_and_export(document):
    with tempfile.TemporaryDirectory() as folder:
        first = into_new_journal(Path(folder) / "first", document_bytes(document))
        assert by_key(first["records"]) == by_key(document["records"])
        second = into_new_journal(
            Path(folder) / "second", document_bytes({**first, "exported_at": "x"})
        )
        assert document_bytes(second) == document_bytes(first)
