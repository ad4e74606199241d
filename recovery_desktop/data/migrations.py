"""Schema migrations: named, append-only functions. Never edit one after it has landed;
add a new one instead. Each runs in its own transaction (sqlite-utils ``Migrations``)."""

from __future__ import annotations

from itertools import pairwise

from recovery_desktop.data.journal_schema import create_journal_tables
from recovery_desktop.data.medication_schema import M010, MEDICATION_TABLES
from recovery_desktop.data.sqlite_utils_import import Database, Migrations

MIGRATIONS = Migrations("recovery_desktop")


@MIGRATIONS()
def m001_checkins(db: Database) -> None:
    """One row per day. NULL always means "not answered"."""
    db.execute(
        """
        CREATE TABLE checkins (
            day TEXT PRIMARY KEY CHECK (day = date(day)),
            mood INTEGER CHECK (mood BETWEEN 0 AND 10),
            craving_peak INTEGER CHECK (craving_peak BETWEEN 0 AND 10),
            stress INTEGER CHECK (stress BETWEEN 0 AND 10),
            sleep_hours REAL CHECK (sleep_hours BETWEEN 0 AND 24),
            sleep_quality INTEGER CHECK (sleep_quality BETWEEN 0 AND 10),
            energy INTEGER CHECK (energy BETWEEN 0 AND 10),
            halt_hungry INTEGER NOT NULL DEFAULT 0 CHECK (halt_hungry IN (0, 1)),
            halt_angry INTEGER NOT NULL DEFAULT 0 CHECK (halt_angry IN (0, 1)),
            halt_lonely INTEGER NOT NULL DEFAULT 0 CHECK (halt_lonely IN (0, 1)),
            halt_tired INTEGER NOT NULL DEFAULT 0 CHECK (halt_tired IN (0, 1)),
            used INTEGER CHECK (used IN (0, 1)),
            meeting INTEGER CHECK (meeting IN (0, 1)),
            therapy INTEGER CHECK (therapy IN (0, 1)),
            medication_taken INTEGER CHECK (medication_taken IN (0, 1)),
            exercise_minutes INTEGER CHECK (exercise_minutes BETWEEN 0 AND 1440),
            note TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """
    )


@MIGRATIONS()
def m002_preferences(db: Database) -> None:
    """Per-journal preferences (kept inside the encrypted journal, not in QSettings)."""
    db.execute(
        """
        CREATE TABLE preferences (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        )
        """
    )


@MIGRATIONS()
def m003_summary_notes(db: Database) -> None:
    """Things to talk about and goals, kept with each summary period."""
    db.execute(
        """
        CREATE TABLE summary_notes (
            period_key TEXT PRIMARY KEY,
            start TEXT NOT NULL CHECK (start = date(start)),
            end TEXT NOT NULL CHECK (end = date(end)),
            talk_about TEXT NOT NULL DEFAULT '[]',
            goals TEXT NOT NULL DEFAULT '[]',
            updated_at TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX summary_notes_end ON summary_notes (end)")


@MIGRATIONS()
def m004_cravings_people_clean_time(db: Database) -> None:
    """Cravings with their triggers and coping, the library, people, clean time, lapses."""
    for statement in _M004:
        db.execute(statement)
    _m004_defaults(db)


_M004 = (
    """
    CREATE TABLE library_items (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('trigger', 'coping')),
        name TEXT NOT NULL CHECK (length(trim(name)) > 0),
        category TEXT NOT NULL,
        position INTEGER NOT NULL,
        archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
        favourite INTEGER NOT NULL DEFAULT 0 CHECK (favourite IN (0, 1))
    )
    """,
    """
    CREATE TABLE cravings (
        id INTEGER PRIMARY KEY,
        started_at TEXT NOT NULL,
        day TEXT NOT NULL CHECK (day = date(day)),
        intensity INTEGER CHECK (intensity BETWEEN 0 AND 10),
        place TEXT NOT NULL DEFAULT '',
        with_whom TEXT NOT NULL DEFAULT '',
        thoughts TEXT NOT NULL DEFAULT '',
        intensity_after INTEGER CHECK (intensity_after BETWEEN 0 AND 10),
        outcome TEXT CHECK (outcome IN ('passed', 'used')),
        duration_minutes INTEGER CHECK (duration_minutes BETWEEN 0 AND 1440),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )
    """,
    "CREATE INDEX cravings_day ON cravings (day)",
    """
    CREATE TABLE craving_tags (
        craving_id INTEGER NOT NULL REFERENCES cravings (id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('trigger', 'coping')),
        item_id INTEGER REFERENCES library_items (id),
        name TEXT NOT NULL,
        position INTEGER NOT NULL
    )
    """,
    "CREATE INDEX craving_tags_craving ON craving_tags (craving_id)",
    """
    CREATE TABLE contacts (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(trim(name)) > 0),
        role TEXT NOT NULL,
        phone TEXT NOT NULL DEFAULT '',
        email TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        position INTEGER NOT NULL,
        archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1))
    )
    """,
    """
    CREATE TABLE reach_outs (
        id INTEGER PRIMARY KEY,
        contact_id INTEGER NOT NULL REFERENCES contacts (id),
        at TEXT NOT NULL,
        day TEXT NOT NULL CHECK (day = date(day)),
        how TEXT NOT NULL CHECK (how IN ('call', 'text', 'in_person', 'meeting', 'online')),
        helped INTEGER CHECK (helped IN (0, 1)),
        note TEXT NOT NULL DEFAULT '',
        craving_id INTEGER REFERENCES cravings (id) ON DELETE SET NULL
    )
    """,
    "CREATE INDEX reach_outs_day ON reach_outs (day)",
    """
    CREATE TABLE crisis_lines (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        number TEXT NOT NULL,
        details TEXT NOT NULL DEFAULT '',
        position INTEGER NOT NULL
    )
    """,
    """
    CREATE TABLE lapses (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        day TEXT NOT NULL CHECK (day = date(day)),
        substance TEXT NOT NULL,
        what_used TEXT NOT NULL DEFAULT '',
        before TEXT NOT NULL DEFAULT '',
        would_help TEXT NOT NULL DEFAULT '',
        tell TEXT NOT NULL DEFAULT '',
        craving_id INTEGER REFERENCES cravings (id) ON DELETE SET NULL,
        created_at TEXT NOT NULL
    )
    """,
    """
    CREATE TABLE clean_periods (
        id INTEGER PRIMARY KEY,
        substance TEXT NOT NULL CHECK (length(trim(substance)) > 0),
        start TEXT NOT NULL CHECK (start = date(start)),
        end TEXT CHECK (end IS NULL OR (end = date(end) AND end >= start)),
        lapse_id INTEGER REFERENCES lapses (id)
    )
    """,
    "CREATE UNIQUE INDEX clean_periods_current ON clean_periods (substance) WHERE end IS NULL",
)


def _m004_defaults(db: Database) -> None:
    """The pre-filled library and crisis lines, as the domain module defines them today."""
    from recovery_desktop.domain.contacts import DEFAULT_CRISIS_LINES
    from recovery_desktop.domain.library import default_items

    for item in default_items():
        db.execute(
            "INSERT INTO library_items (kind, name, category, position, favourite) "
            "VALUES (?, ?, ?, ?, ?)",
            [item.kind.value, item.name, item.category, item.position, int(item.favourite)],
        )
    for position, (name, number, details) in enumerate(DEFAULT_CRISIS_LINES):
        db.execute(
            "INSERT INTO crisis_lines (name, number, details, position) VALUES (?, ?, ?, ?)",
            [name, number, details, position],
        )


@MIGRATIONS()
def m005_lapse_started_periods(db: Database) -> None:
    """Each attempt remembers the lapse that started it, so a mistaken lapse can be undone.

    Before this, a lapse closed the current attempt and inserted the next one in the same
    transaction, and attempts were never deleted; so the attempt after one closed by a lapse
    (same substance, next id) is the one that lapse started, and a lapse that closed nothing
    started the substance's very first attempt.
    """
    db.execute("ALTER TABLE clean_periods ADD COLUMN started_by INTEGER REFERENCES lapses (id)")
    rows = db.execute("SELECT id, substance, lapse_id FROM clean_periods ORDER BY id").fetchall()
    by_substance: dict[str, list[tuple[int, int | None]]] = {}
    for period_id, substance, lapse_id in rows:
        by_substance.setdefault(substance, []).append((period_id, lapse_id))
    for own in by_substance.values():
        for (_id, lapse_id), (next_id, _next) in pairwise(own):
            if lapse_id is not None:
                db.execute(
                    "UPDATE clean_periods SET started_by = ? WHERE id = ?", [lapse_id, next_id]
                )
    db.execute(
        """
        UPDATE clean_periods SET started_by = (
            SELECT l.id FROM lapses l
            WHERE l.substance = clean_periods.substance
              AND l.id NOT IN (SELECT lapse_id FROM clean_periods WHERE lapse_id IS NOT NULL)
              AND clean_periods.start BETWEEN l.day AND date(l.day, '+1 day')
        )
        WHERE started_by IS NULL
          AND id = (SELECT min(id) FROM clean_periods p WHERE p.substance = clean_periods.substance)
          AND (SELECT count(*) FROM lapses l
               WHERE l.substance = clean_periods.substance
                 AND l.id NOT IN (SELECT lapse_id FROM clean_periods WHERE lapse_id IS NOT NULL)
              ) = 1
        """
    )


@MIGRATIONS()
def m006_dialog_drafts(db: Database) -> None:
    """What was typed in a dialog when the journal locked: one row per kind of dialog,
    its fields as JSON, offered back after the next unlock and deleted once used."""
    db.execute(
        """
        CREATE TABLE drafts (
            kind TEXT PRIMARY KEY,
            fields TEXT NOT NULL,
            kept_at TEXT NOT NULL
        )
        """
    )


UID_TABLES = (
    "library_items",
    "cravings",
    "contacts",
    "reach_outs",
    "crisis_lines",
    "lapses",
    "clean_periods",
)
"""Tables whose rows have integer ids, and so a stable id (``uid``) for export and import."""

_NEW_UID = "lower(hex(randomblob(16)))"


@MIGRATIONS()
def m007_stable_ids(db: Database) -> None:
    """Every record with an integer id gets a stable id: 128 random bits as 32 lower-case
    hex digits, the same in every copy, export and import of the journal. A trigger fills
    it for new rows, so no insert has to know about it."""
    for table in UID_TABLES:
        db.execute(f"ALTER TABLE {table} ADD COLUMN uid TEXT")
        db.execute(f"UPDATE {table} SET uid = {_NEW_UID} WHERE uid IS NULL")
        db.execute(f"CREATE UNIQUE INDEX {table}_uid ON {table} (uid)")
        db.execute(
            f"CREATE TRIGGER {table}_new_uid AFTER INSERT ON {table} WHEN NEW.uid IS NULL "
            f"BEGIN UPDATE {table} SET uid = {_NEW_UID} WHERE id = NEW.id; END"
        )


@MIGRATIONS()
def m008_day_plan(db: Database) -> None:
    """My day: the time blocks of each day and the usual plan of each weekday (templates).

    Minutes count from midnight at the start of the block's day (``domain/day_plan.py``);
    both tables have a stable ``uid`` from the start, as m007 gave the older tables."""
    for statement in _M008:
        db.execute(statement)
    for table in ("day_blocks", "day_template_blocks"):
        db.execute(f"CREATE UNIQUE INDEX {table}_uid ON {table} (uid)")
        db.execute(
            f"CREATE TRIGGER {table}_new_uid AFTER INSERT ON {table} WHEN NEW.uid IS NULL "
            f"BEGIN UPDATE {table} SET uid = {_NEW_UID} WHERE id = NEW.id; END"
        )


_M008 = (
    """
    CREATE TABLE day_blocks (
        id INTEGER PRIMARY KEY,
        uid TEXT,
        day TEXT NOT NULL CHECK (day = date(day)),
        start_minute INTEGER NOT NULL CHECK (start_minute BETWEEN 0 AND 2880),
        end_minute INTEGER NOT NULL
            CHECK (end_minute > start_minute AND end_minute <= start_minute + 1440
                   AND end_minute <= 2880),
        title TEXT NOT NULL CHECK (length(trim(title)) > 0),
        category TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        done INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )
    """,
    "CREATE INDEX day_blocks_day ON day_blocks (day, start_minute)",
    """
    CREATE TABLE day_template_blocks (
        id INTEGER PRIMARY KEY,
        uid TEXT,
        weekday INTEGER NOT NULL CHECK (weekday BETWEEN 0 AND 6),
        start_minute INTEGER NOT NULL CHECK (start_minute BETWEEN 0 AND 2880),
        end_minute INTEGER NOT NULL
            CHECK (end_minute > start_minute AND end_minute <= start_minute + 1440
                   AND end_minute <= 2880),
        title TEXT NOT NULL CHECK (length(trim(title)) > 0),
        category TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT ''
    )
    """,
    "CREATE INDEX day_template_blocks_weekday ON day_template_blocks (weekday, start_minute)",
)


@MIGRATIONS()
def m009_aftercare_plan(db: Database) -> None:
    """The aftercare plan: its sections (Markdown bodies), their pairs and contact links (a
    contact by its stable uid, so a renamed one shows its new name), the versions kept
    (each a JSON snapshot of the whole plan) and a little state (the editing-session
    marker, the time of the last save). Every table but the state has integer ids and a
    stable ``uid``, as m007 gave the older tables; a section's uid is its id in the plan."""
    for statement in _M009:
        db.execute(statement)
    for table in PLAN_TABLES:
        db.execute(f"CREATE UNIQUE INDEX {table}_uid ON {table} (uid)")
        db.execute(
            f"CREATE TRIGGER {table}_new_uid AFTER INSERT ON {table} WHEN NEW.uid IS NULL "
            f"BEGIN UPDATE {table} SET uid = {_NEW_UID} WHERE id = NEW.id; END"
        )


PLAN_TABLES = ("plan_sections", "plan_pairs", "plan_contacts", "plan_versions")

_M009 = (
    """
    CREATE TABLE plan_sections (
        id INTEGER PRIMARY KEY,
        uid TEXT,
        position INTEGER NOT NULL,
        kind TEXT NOT NULL,
        title TEXT NOT NULL CHECK (length(trim(title)) > 0),
        body TEXT NOT NULL DEFAULT '',
        hidden INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),
        dismissed TEXT NOT NULL DEFAULT '[]'
    )
    """,
    """
    CREATE TABLE plan_pairs (
        id INTEGER PRIMARY KEY,
        uid TEXT,
        section_id INTEGER NOT NULL REFERENCES plan_sections (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        first TEXT NOT NULL DEFAULT '',
        second TEXT NOT NULL DEFAULT ''
    )
    """,
    "CREATE INDEX plan_pairs_section ON plan_pairs (section_id, position)",
    """
    CREATE TABLE plan_contacts (
        id INTEGER PRIMARY KEY,
        uid TEXT,
        section_id INTEGER NOT NULL REFERENCES plan_sections (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        contact_uid TEXT NOT NULL
    )
    """,
    "CREATE INDEX plan_contacts_section ON plan_contacts (section_id, position)",
    """
    CREATE TABLE plan_versions (
        id INTEGER PRIMARY KEY,
        uid TEXT,
        saved_at TEXT NOT NULL,
        reason TEXT NOT NULL,
        label TEXT NOT NULL DEFAULT '',
        changed TEXT NOT NULL DEFAULT '[]',
        snapshot TEXT NOT NULL
    )
    """,
    "CREATE INDEX plan_versions_saved_at ON plan_versions (saved_at)",
    """
    CREATE TABLE plan_state (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    )
    """,
)


@MIGRATIONS()
def m010_medication_and_appointments(db: Database) -> None:
    """Medication and visits: medications, their schedule spans (a schedule edited keeps
    the old one for past days), dose ticks, taper notes, and appointments (a weekly repeat
    shares a ``series_id``). Child rows of a medication go with it. Every table has a
    stable ``uid``, as m007 gave the older tables."""
    for statement in M010:
        db.execute(statement)
    for table in MEDICATION_TABLES:
        db.execute(f"CREATE UNIQUE INDEX {table}_uid ON {table} (uid)")
        db.execute(
            f"CREATE TRIGGER {table}_new_uid AFTER INSERT ON {table} WHEN NEW.uid IS NULL "
            f"BEGIN UPDATE {table} SET uid = {_NEW_UID} WHERE id = NEW.id; END"
        )


@MIGRATIONS()
def m011_journal_entries(db: Database) -> None:
    """The journal: free-written entries (Markdown), their tags and "share with my
    therapist" switch, a full-text search index kept by triggers, and the editing marker
    (``data/journal_schema.py``). Entries have a stable ``uid`` from the start."""
    create_journal_tables(db)
