"""The aftercare plan in export and import: sections, table rows, contact links, versions
with their snapshots and dismissed suggestions travel, are checked like every record, and
never lay one plan over another."""

from __future__ import annotations

import copy
import json
from dataclasses import replace
from datetime import datetime, timedelta

import pytest

from recovery_desktop.data.export import document_bytes, export_document
from recovery_desktop.data.import_apply import import_plan
from recovery_desktop.data.import_json import check_document, parse
from recovery_desktop.data.journal import JournalFiles, create_journal
from recovery_desktop.data.transfer_format import ImportProblem
from recovery_desktop.data.transfer_text import result_text
from recovery_desktop.domain.contacts import Contact, Role
from recovery_desktop.domain.plan import PlanPair, SectionKind
from recovery_desktop.domain.plan_template import dismiss_suggestion, open_suggestions

NOON = datetime(2026, 11, 30, 12, 0)


@pytest.fixture
def fresh(tmp_path):
    opened = create_journal(JournalFiles(tmp_path / "fresh"), None)
    yield opened
    opened.close()


def _planned(journal):
    sam = journal.contacts.save(Contact(None, "Sam", Role.SPONSOR, phone="555 0101"))
    uid = journal.db.execute("SELECT uid FROM contacts WHERE id = ?", [sam.id]).fetchone()[0]
    plan = journal.plan
    signs = plan.plan().of_kind(SectionKind.WARNING_SIGNS)
    signs = replace(signs, pairs=(PlanPair("Poor sleep", "Call Sam"), PlanPair("Snapping", "")))
    signs = dismiss_suggestion(signs, open_suggestions(signs)[0])
    plan.save_section(signs, now=NOON)
    support = plan.plan().of_kind(SectionKind.SUPPORT)
    plan.save_section(replace(support, contacts=(uid, "f" * 32)), now=NOON)
    reasons = plan.plan().of_kind(SectionKind.REASONS)
    plan.save_section(reasons.with_body("**My kids**\n\n- work\n"), now=NOON)
    plan.save_version("Reviewed with my counsellor", now=NOON + timedelta(minutes=1))
    plan.add_section("Music that helps")
    plan.end_editing(NOON + timedelta(minutes=2))
    return journal


def _document(journal):
    return parse(document_bytes(export_document(journal.db)))


def test_the_plan_travels_whole_and_exports_the_same_again(journal, fresh):
    first = export_document(_planned(journal).db)
    assert first["version"] >= 3  # the plan came with version 3
    result = import_plan(fresh, check_document(_document(journal)), new_journal=True)
    assert result.added["plan_sections"] == 12 and result.added["plan_pairs"] == 2
    assert result.added["plan_contacts"] == 2
    assert fresh.plan.plan() == journal.plan.plan()
    assert fresh.plan.versions() == journal.plan.versions()
    newest = fresh.plan.versions()[0]
    assert fresh.plan.version(newest.id).plan == journal.plan.version(newest.id).plan
    support = fresh.plan.plan().of_kind(SectionKind.SUPPORT)
    assert [c.name for c in fresh.plan.contacts_for(support.contacts)] == ["Sam", ""]
    assert fresh.counts()["plan_versions"] == journal.counts()["plan_versions"]
    again = export_document(fresh.db)
    again.pop("exported_at"), first.pop("exported_at")
    assert document_bytes(again) == document_bytes(first)


def test_a_journal_with_a_plan_keeps_its_own(journal, fresh):
    document = _document(_planned(journal))
    own = fresh.plan.plan().of_kind(SectionKind.REASONS)
    fresh.plan.save_section(own.with_body("Mine, not the file's"), now=NOON)
    before = fresh.plan.plan()
    result = import_plan(fresh, check_document(document))
    assert fresh.plan.plan() == before
    assert result.added["plan_sections"] == 0 and result.differ["plan_sections"] == 12
    assert result.differ["plan_versions"] == journal.plan.count_versions()
    assert "12 plan sections" in result_text(result)
    again = import_plan(journal, check_document(document))  # its own file: all skipped
    assert again.differ["plan_sections"] == 0 and again.skipped["plan_sections"] == 12


def test_an_older_file_without_a_plan_still_imports(journal, fresh):
    document = _document(journal)
    document["version"] = 2
    for name in ("plan_sections", "plan_pairs", "plan_contacts", "plan_versions"):
        del document["records"][name]
    import_plan(fresh, check_document(document), new_journal=True)
    assert fresh.plan.count_sections() == 0 and fresh.plan.plan().is_empty


def test_broken_plan_records_are_refused_with_their_path(journal):
    document = _document(_planned(journal))
    bad = copy.deepcopy(document)
    bad["records"]["plan_versions"][0]["snapshot"] = "not json"
    with pytest.raises(ImportProblem) as refused:
        check_document(bad)
    assert refused.value.where == "records.plan_versions[0].snapshot"
    bad = copy.deepcopy(document)
    bad["records"]["plan_pairs"][0]["section"] = "0" * 32
    with pytest.raises(ImportProblem) as refused:
        check_document(bad)
    assert refused.value.where == "records.plan_pairs[0].section"
    bad = copy.deepcopy(document)
    bad["records"]["plan_sections"][0]["kind"] = "nonsense"
    with pytest.raises(ImportProblem):
        check_document(bad)
    snapshot = json.loads(document["records"]["plan_versions"][0]["snapshot"])
    assert [s["title"] for s in snapshot["sections"]][:1] == ["My reasons for recovery"]
