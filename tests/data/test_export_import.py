"""Export and import: the round trip, merging, and files written like every output file."""

from __future__ import annotations

import csv
import json
import stat
from dataclasses import replace
from datetime import date, datetime

import pytest

from recovery_desktop.data.backup_place import BackupPlaceProblem, choose_folder
from recovery_desktop.data.demo import fill_demo
from recovery_desktop.data.export import document_bytes, export_document, save_csv, save_json
from recovery_desktop.data.import_apply import import_plan, preview
from recovery_desktop.data.import_json import check_document, parse, read_plan
from recovery_desktop.data.journal import JournalFiles, create_journal
from recovery_desktop.data.output_files import OutputProblem
from recovery_desktop.data.transfer_text import result_text
from recovery_desktop.domain.checkin import CheckIn
from recovery_desktop.domain.contacts import Contact
from recovery_desktop.domain.cravings import Craving, Tag
from recovery_desktop.domain.drafts import Draft, DraftKind
from recovery_desktop.domain.library import Kind
from recovery_desktop.domain.periods import week_of
from recovery_desktop.domain.recovery_time import Lapse, clean_time
from recovery_desktop.domain.summary import SummaryNotes
from tests.read_only import read_only

END = date(2026, 11, 20)


def plan_of(journal):
    return check_document(parse(document_bytes(export_document(journal.db))))


@pytest.fixture
def demo(journal):
    fill_demo(journal, 6, END, 3)
    journal.summary_notes.save(week_of(END), SummaryNotes(("sleep",), ("call Sam",)))
    return journal


@pytest.fixture
def fresh(tmp_path):
    opened = create_journal(JournalFiles(tmp_path / "fresh"), None)
    yield opened
    opened.close()


def test_export_import_export_gives_the_same_document(demo, fresh):
    """Into a new journal (its default library and crisis lines replaced), everything comes
    back with the same ids and references, and exports the same, byte for byte."""
    first = export_document(demo.db)
    result = import_plan(fresh, plan_of(demo), new_journal=True)
    again = export_document(fresh.db)
    assert again["exported_at"] and again.pop("exported_at") and first.pop("exported_at")
    assert document_bytes(again) == document_bytes(first)
    assert result.added == {kind: len(rows) for kind, rows in first["records"].items()}
    assert fresh.counts() == demo.counts()
    assert fresh.first_day() == demo.first_day()


def test_drafts_are_not_exported(journal):
    journal.drafts.keep([Draft(DraftKind.CONTACT, {"notes": "typed when it locked"})])
    assert "typed when it locked" not in document_bytes(export_document(journal.db)).decode()


def test_importing_the_same_file_twice_skips_everything_the_second_time(demo, fresh):
    plan = plan_of(demo)
    import_plan(fresh, plan, new_journal=True)
    counts = fresh.counts()
    result = import_plan(fresh, plan)
    assert result.total_added == 0
    assert result.skipped == plan.counts()
    assert not any(result.differ.values())
    assert fresh.counts() == counts
    assert list(fresh.files.backups.glob("*before-import*"))


def test_merging_keeps_both_journals_records_and_links_tags_to_the_library(journal, fresh):
    """A craving tagged with a library item the other journal also has (same name, another
    id) is linked to this journal's item, which is not added twice."""
    trigger = journal.library.items(Kind.TRIGGER)[0]
    journal.cravings.save(
        Craving(None, datetime(2026, 11, 2, 21, 0), 7, (Tag(trigger.id, trigger.name),))
    )
    journal.checkins.save(CheckIn(date(2026, 11, 2), mood=4, note="from the old laptop"))
    fresh.checkins.save(CheckIn(date(2026, 11, 2), mood=8, note="already here"))
    fresh.checkins.save(CheckIn(date(2026, 11, 3), mood=6))
    preview_result = preview(fresh, plan_of(journal))
    result = import_plan(fresh, plan_of(journal))
    assert result == preview_result
    assert result.added["cravings"] == 1 and result.added["library_items"] == 0
    assert result.differ["checkins"] == 1 and result.skipped["library_items"] > 0
    assert fresh.checkins.get(date(2026, 11, 2)).note == "already here"
    [craving] = fresh.cravings.between(date(2026, 11, 2), date(2026, 11, 2))
    [own] = [i for i in fresh.library.items(Kind.TRIGGER) if i.name == trigger.name]
    assert craving.triggers == (Tag(own.id, trigger.name),)
    assert fresh.library.count(Kind.TRIGGER) == journal.library.count(Kind.TRIGGER)


def test_records_that_differ_from_the_journals_are_counted_apart_and_told(demo, fresh):
    """Check-ins of the same day with another note or mood are not "already in the
    journal": they are counted apart, the preview and the result say so, and the
    journal's own are kept, never overwritten."""
    plan = plan_of(demo)
    import_plan(fresh, plan, new_journal=True)
    days = sorted(c.day for c in fresh.checkins.between(date(1950, 1, 1), END))[:12]
    for day in days:
        own = fresh.checkins.get(day)
        fresh.checkins.save(replace(own, note="edited here", mood=(own.mood or 0) % 10 + 1))
    expected = preview(fresh, plan)
    result = import_plan(fresh, plan)
    assert result == expected
    assert result.differ["checkins"] == 12
    assert result.skipped["checkins"] == plan.counts()["checkins"] - 12
    told = result_text(result)
    assert (
        "12 check-ins differ from this journal's and were not imported; "
        "the journal's own were kept." in told
    )
    assert all(fresh.checkins.get(day).note == "edited here" for day in days)


def test_a_second_clean_date_for_a_substance_is_skipped_with_a_note(journal, fresh):
    journal.recovery_time.set_clean_date("Opioids", date(2026, 1, 5), END)
    fresh.recovery_time.set_clean_date("Opioids", date(2026, 6, 1), END)
    result = import_plan(fresh, plan_of(journal))
    assert result.not_merged["clean_periods"] == 1 and result.notes
    [period] = fresh.recovery_time.periods()
    assert period.start == date(2026, 6, 1)


def test_merging_keeps_clean_time_of_a_tracked_substance_consistent(journal, fresh):
    """The file's attempts at a substance this journal already tracks (an ended attempt
    and the lapse that ended it, inside the journal's ongoing attempt) are not merged: no
    lapse inside a clean stretch, no day counted twice; the result says so. Another
    substance's attempts and lapses come in whole."""
    journal.recovery_time.set_clean_date("Alcohol", date(2026, 1, 5), END)
    journal.recovery_time.record_lapse(
        Lapse(None, datetime(2026, 7, 1, 22, 0), "Alcohol"), date(2026, 7, 2), END
    )
    journal.recovery_time.set_clean_date("Cannabis", date(2026, 3, 1), END)
    fresh.recovery_time.set_clean_date("alcohol ", date(2026, 6, 1), END)
    before = clean_time(fresh.recovery_time.periods(), "alcohol", END)
    expected = preview(fresh, plan_of(journal))
    result = import_plan(fresh, plan_of(journal))
    assert result == expected
    assert result.not_merged == {"lapses": 1, "clean_periods": 2}
    assert result.added["clean_periods"] == 1  # Cannabis
    assert (
        "2 clean periods and 1 lapse not imported: this journal already tracks clean time "
        "for that substance" in result_text(result)
    )
    periods = fresh.recovery_time.periods()
    assert clean_time(periods, "alcohol", END) == before
    assert fresh.recovery_time.lapses(date(2026, 1, 1), END) == []
    assert clean_time(periods, "Cannabis", END).since == date(2026, 3, 1)


def test_people_merged_in_come_after_the_journals_own(journal, fresh):
    journal.contacts.save(Contact(None, "Sam"))
    fresh.contacts.save(Contact(None, "Robin"))
    import_plan(fresh, plan_of(journal))
    assert [c.name for c in fresh.contacts.contacts()] == ["Robin", "Sam"]


def test_export_files_are_private_and_never_among_the_journals_files(demo, tmp_path):
    out = tmp_path / "out" / "everything.json"
    out.parent.mkdir()
    counts = save_json(demo.db, out, demo.files.app_folders())
    assert counts["checkins"] == demo.checkins.count()
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert read_plan(out).counts() == counts
    written = save_csv(demo.db, tmp_path / "csv", demo.files.app_folders())
    assert {p.name for p in written} >= {"checkins.csv", "cravings.csv", "contacts.csv"}
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in written)
    assert not list((tmp_path / "out").glob(".*tmp"))
    for place in (demo.files.folder / "x.json", demo.files.backups / "x.json"):
        with pytest.raises(OutputProblem):
            save_json(demo.db, place, demo.files.app_folders())
        assert not place.exists()
    with pytest.raises(OutputProblem):
        save_csv(demo.db, demo.files.folder / "csv", demo.files.app_folders())
    assert not (demo.files.folder / "csv").exists()


RISKY = ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\tTab", "\rReturn"]


def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised(journal, tmp_path):
    """Every cell starting with = + - @ tab or carriage return gets a single quote in front;
    other cells are exactly as typed."""
    for index, text in enumerate(RISKY):
        journal.checkins.save(CheckIn(date(2026, 11, 1 + index), mood=5, note=text))
    journal.contacts.save(Contact(None, "=cmd|' /C calc'!A0", phone="+44 20 7946 0000"))
    journal.checkins.save(CheckIn(date(2026, 11, 20), mood=5, note="plain, with a comma"))
    save_csv(journal.db, tmp_path / "csv", journal.files.app_folders())
    with open(tmp_path / "csv" / "checkins.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [row["note"] for row in rows] == [f"'{t}" for t in RISKY] + ["plain, with a comma"]
    with open(tmp_path / "csv" / "contacts.csv", encoding="utf-8-sig", newline="") as f:
        [contact] = list(csv.DictReader(f))
    assert contact["name"] == "'=cmd|' /C calc'!A0"
    assert contact["phone"] == "'+44 20 7946 0000"
    exported = json.loads((document_bytes(export_document(journal.db))).decode())
    assert exported["records"]["checkins"][0]["note"] == RISKY[0]  # JSON keeps text as is


def test_a_read_only_place_for_the_csv_folder_speaks_of_that_folder(journal, tmp_path):
    """The folder the CSV files go into cannot be made (a read-only disk): the message names
    that place, never "the journal's folder", and nothing is left behind."""
    place = tmp_path / "usb"
    place.mkdir()
    with read_only(place), pytest.raises(OutputProblem) as caught:
        save_csv(journal.db, place / "spreadsheets", journal.files.app_folders())
    message = str(caught.value)
    assert "journal's folder" not in message
    assert str(place) in message and "read-only" in message
    assert list(place.iterdir()) == []


def test_a_read_only_backup_folder_speaks_of_that_folder(journal, tmp_path):
    place = tmp_path / "usb"
    place.mkdir()
    with read_only(place), pytest.raises(BackupPlaceProblem) as caught:
        choose_folder(journal.files.folder, place)
    message = str(caught.value)
    assert "journal's folder" not in message
    assert str(place) in message and "read-only" in message
