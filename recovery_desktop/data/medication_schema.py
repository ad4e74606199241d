"""The tables of migration m010 (``data/migrations.py``), kept apart so the history of
migrations stays short. Append-only like the migrations: never edit after it landed.

Days are ISO dates, times of day ``HH:MM`` local clock; lists of weekdays (0 Monday … 6
Sunday) and times are JSON arrays."""

from __future__ import annotations

MEDICATION_TABLES = (
    "medications",
    "medication_schedules",
    "medication_doses",
    "taper_notes",
    "appointments",
)

_DAY = "CHECK ({0} = date({0}))"
_OPTIONAL_DAY = "CHECK ({0} IS NULL OR {0} = date({0}))"
_CLOCK = "CHECK ({0} GLOB '[0-2][0-9]:[0-5][0-9]')"

M010 = (
    f"""
    CREATE TABLE medications (
        id INTEGER PRIMARY KEY,
        uid TEXT,
        position INTEGER NOT NULL,
        name TEXT NOT NULL CHECK (length(trim(name)) > 0),
        kind TEXT NOT NULL,
        dose TEXT NOT NULL DEFAULT '',
        started TEXT {_OPTIONAL_DAY.format("started")},
        stopped TEXT {_OPTIONAL_DAY.format("stopped")},
        prescriber TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        clinic_days TEXT NOT NULL DEFAULT '[]',
        take_home_days TEXT NOT NULL DEFAULT '[]',
        created_at TEXT NOT NULL
    )
    """,
    f"""
    CREATE TABLE medication_schedules (
        id INTEGER PRIMARY KEY,
        uid TEXT,
        medication_id INTEGER NOT NULL REFERENCES medications (id) ON DELETE CASCADE,
        since TEXT NOT NULL {_DAY.format("since")},
        repeat TEXT NOT NULL,
        times TEXT NOT NULL DEFAULT '[]',
        weekdays TEXT NOT NULL DEFAULT '[]',
        every INTEGER NOT NULL DEFAULT 1 CHECK (every >= 1),
        anchor TEXT {_OPTIONAL_DAY.format("anchor")},
        UNIQUE (medication_id, since)
    )
    """,
    f"""
    CREATE TABLE medication_doses (
        id INTEGER PRIMARY KEY,
        uid TEXT,
        medication_id INTEGER NOT NULL REFERENCES medications (id) ON DELETE CASCADE,
        day TEXT NOT NULL {_DAY.format("day")},
        at TEXT NOT NULL {_CLOCK.format("at")},
        mark TEXT NOT NULL CHECK (mark IN ('taken', 'missed')),
        taken_at TEXT CHECK (taken_at IS NULL OR taken_at GLOB '[0-2][0-9]:[0-5][0-9]'),
        UNIQUE (medication_id, day, at)
    )
    """,
    "CREATE INDEX medication_doses_day ON medication_doses (day)",
    f"""
    CREATE TABLE taper_notes (
        id INTEGER PRIMARY KEY,
        uid TEXT,
        medication_id INTEGER NOT NULL REFERENCES medications (id) ON DELETE CASCADE,
        day TEXT NOT NULL {_DAY.format("day")},
        text TEXT NOT NULL CHECK (length(trim(text)) > 0)
    )
    """,
    "CREATE INDEX taper_notes_medication ON taper_notes (medication_id, day)",
    f"""
    CREATE TABLE appointments (
        id INTEGER PRIMARY KEY,
        uid TEXT,
        series_id INTEGER,
        day TEXT NOT NULL {_DAY.format("day")},
        at TEXT CHECK (at IS NULL OR at GLOB '[0-2][0-9]:[0-5][0-9]'),
        minutes INTEGER NOT NULL CHECK (minutes BETWEEN 5 AND 1440),
        kind TEXT NOT NULL,
        title TEXT NOT NULL DEFAULT '',
        place TEXT NOT NULL DEFAULT '',
        with_whom TEXT NOT NULL DEFAULT '',
        contact_uid TEXT,
        notes TEXT NOT NULL DEFAULT '',
        attendance TEXT
            CHECK (attendance IS NULL OR attendance IN ('attended', 'missed', 'rescheduled'))
    )
    """,
    "CREATE INDEX appointments_day ON appointments (day, at)",
    "CREATE INDEX appointments_series ON appointments (series_id, day)",
)
