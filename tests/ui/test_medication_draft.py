"""The medication dialog's draft values read back as the same medication; a damaged draft
falls back to what the dialog had."""

from datetime import date, time

from recovery_desktop.domain.drafts import Draft, DraftKind
from recovery_desktop.domain.medication import (
    Medication,
    MedicationKind,
    Repeat,
    Schedule,
    TaperNote,
)
from recovery_desktop.ui.pages.medication.editor_draft import (
    ids_from,
    ids_text,
    medication_from,
    medication_values,
    notes_from,
    notes_text,
)

METHADONE = Medication(
    "Methadone",
    MedicationKind.METHADONE,
    Schedule(Repeat.EVERY_N_DAYS, (time(8, 30), time(20, 0)), every=2, anchor=date(2026, 11, 2)),
    "60 mg",
    started=date(2026, 9, 1),
    stopped=date(2026, 12, 24),
    prescriber="Harbour clinic",
    notes="Bring the card",
    clinic_days=frozenset(range(6)),
    take_home_days=frozenset({6}),
    id=7,
)
BLANK = Medication("", MedicationKind.OTHER, Schedule(Repeat.AS_NEEDED))


def test_a_medication_reads_back_from_its_draft():
    draft = Draft(DraftKind.MEDICATION, medication_values(METHADONE))
    assert medication_from(draft, BLANK) == METHADONE.__class__(
        **{**METHADONE.__dict__, "id": None}
    )
    assert medication_from(draft, METHADONE) == METHADONE


def test_a_damaged_draft_gives_back_what_the_dialog_had():
    values = medication_values(METHADONE) | {"kind": "heroin", "times": "8 o'clock"}
    assert medication_from(Draft(DraftKind.MEDICATION, values), BLANK) == BLANK


def test_taper_notes_and_removed_ids_read_back():
    notes = [
        TaperNote(date(2026, 11, 3), "From 70 mg to 60 mg"),
        TaperNote(date(2026, 11, 30), "x"),
    ]
    assert notes_from(notes_text(notes)) == notes
    assert notes_from("not a day\tword\n2026-11-30") == []
    assert ids_from(ids_text([3, 12])) == [3, 12]
