"""Journal entries in export and import (format version 5): entries with their tags and
share switch travel whole, are found by search in the new journal and export the same
again; importing the same file again adds nothing; an edited copy keeps the journal's own;
broken entries are refused; older files import as before."""

from __future__ import annotations

import copy
from datetime import date, datetime

import pytest

from recovery_desktop.data.export import csv_bytes, document_bytes, export_document
from recovery_desktop.data.import_apply import import_plan
from recovery_desktop.data.import_json import check_document, parse
from recovery_desktop.data.journal import Journal, JournalFiles, create_journal
from recovery_desktop.data.transfer_format import BY_NAME, VERSION, ImportProblem
from recovery_desktop.data.transfer_text import result_text
from recovery_desktop.domain.journal_entries import JournalEntry


@pytest.fixture
def fresh(tmp_path):
    opened = create_journal(JournalFiles(tmp_path / "fresh"), None)
    yield opened
    opened.close()


def _kept(journal: Journal) -> Journal:
    save = journal.entries.save
    save(
        JournalEntry(
            datetime(2026, 11, 16, 21, 0),
            "Hard evening",
            "**Called** Sam.",
            ("cravings", "family time"),
            shared=True,
        )
    )
    save(JournalEntry(datetime(2026, 11, 17, 7, 30), "", "Slept well, café after", ("sleep",)))
    save(JournalEntry(datetime(2026, 11, 18, 12, 0), "Private", "Not for the summary"))
    return journal


def _document(journal: Journal) -> dict:
    return parse(document_bytes(export_document(journal.db)))


def _everything(journal: Journal) -> list[JournalEntry]:
    return [
        e.with_changes(id=None)
        for e in (journal.entries.get(r.id) for r in journal.entries.entries())
    ]


def test_entries_travel_whole_are_searchable_and_export_the_same_again(journal, fresh):
    first = export_document(_kept(journal).db)
    assert first["version"] == VERSION == 5
    entry = first["records"]["journal_entries"][0]
    assert entry["tags"] == ["cravings", "family time"] and entry["shared"] is True
    result = import_plan(fresh, check_document(_document(journal)), new_journal=True)
    assert result.added["journal_entries"] == 3
    assert _everything(fresh) == _everything(journal)
    assert [r.title for r in fresh.entries.search("family")] == ["Hard evening"]
    assert [r.first_line for r in fresh.entries.search("cafe")] == ["Slept well, café after"]
    shared = fresh.entries.shared_between(date(2026, 11, 16), date(2026, 11, 22))
    assert [e.title for e in shared] == ["Hard evening"]
    again = export_document(fresh.db)
    again.pop("exported_at"), first.pop("exported_at")
    assert document_bytes(again) == document_bytes(first)
    rows = csv_bytes(BY_NAME["journal_entries"], first["records"]["journal_entries"]).decode()
    assert "cravings; family time" in rows


def test_importing_its_own_file_again_adds_nothing(journal):
    result = import_plan(journal, check_document(_document(_kept(journal))))
    assert result.added["journal_entries"] == 0 and result.skipped["journal_entries"] == 3
    assert journal.entries.count() == 3


def test_an_edited_copy_keeps_the_journals_own(journal, fresh):
    document = _document(_kept(journal))
    import_plan(fresh, check_document(document), new_journal=True)
    other = copy.deepcopy(document)
    other["records"]["journal_entries"][0]["body"] = "Changed elsewhere"
    result = import_plan(fresh, check_document(other))
    assert result.differ["journal_entries"] == 1
    assert fresh.entries.search("elsewhere") == []
    assert "1 journal entry differs" in result_text(result)


def test_an_older_file_without_journal_entries_still_imports(journal, fresh):
    document = _document(_kept(journal))
    document["version"] = 4
    del document["records"]["journal_entries"]
    import_plan(fresh, check_document(document), new_journal=True)
    assert fresh.entries.count() == 0


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("tags", ["a"] * 2),
        ("tags", ["Work", "work"]),  # the same tag twice, case aside
        ("tags", [" padded"]),
        ("tags", ["a,b"]),
        ("tags", [""]),
        ("tags", [f"t{n}" for n in range(21)]),
        ("tags", ["x" * 41]),
        ("title", "t" * 201),
        ("written_at", "2026-11-16"),
        ("shared", None),
    ],
)
def test_broken_entries_are_refused_with_their_path(journal, field, value):
    bad = _document(_kept(journal))
    bad["records"]["journal_entries"][0][field] = value
    with pytest.raises(ImportProblem) as refused:
        check_document(bad)
    assert refused.value.where.startswith("records.journal_entries[0]")


@pytest.mark.parametrize("tags", [[f"t{n}" for n in range(21)], ["x" * 41]])
def test_too_many_or_too_long_tags_are_refused_with_one_rule(journal, tags):
    bad = _document(_kept(journal))
    bad["records"]["journal_entries"][0]["tags"] = tags
    with pytest.raises(ImportProblem) as refused:
        check_document(bad)
    assert refused.value.where == "records.journal_entries[0].tags"
    assert "up to 20 texts of at most 40 characters" in str(refused.value)
