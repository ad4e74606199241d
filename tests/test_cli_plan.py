"""`plan` on the command line (DESIGN §5): the plan or its crisis card as a PDF, with the
passphrase, exit codes and output-file safety of `report`."""

from __future__ import annotations

from dataclasses import replace

import pytest

from recovery_desktop.data.journal import JournalFiles, create_journal
from recovery_desktop.domain.contacts import Contact, Role
from recovery_desktop.domain.plan import PlanPair, SectionKind
from tests.conftest import folder_hashes
from tests.pdf_text import page_width_points, pdf_pages, pdf_text
from tests.test_cli import cli

SECRET = "a passphrase for the plan"
CRISIS = "Leave the party, call Robin, wait it out at home."


@pytest.fixture(scope="module")
def plan_dir(tmp_path_factory):
    """A protected journal with a filled plan, closed (as between two commands)."""
    files = JournalFiles(tmp_path_factory.mktemp("plan") / "journal")
    journal = create_journal(files, SECRET)
    try:
        journal.contacts.save(Contact(None, "Robin Park", Role.SPONSOR, "555 0123"))
        plan = journal.plan.plan()
        signs = plan.of_kind(SectionKind.WARNING_SIGNS)
        crisis = plan.of_kind(SectionKind.CRISIS)
        reasons = plan.of_kind(SectionKind.REASONS)
        save = journal.plan.save_section
        save(replace(signs, pairs=(PlanPair("Lying about small things", "Tell Robin"),)))
        save(crisis.with_body(CRISIS))
        save(reasons.with_body("Being there for my nephew."))
        journal.plan.end_editing()
    finally:
        journal.close()
    return files.folder


def test_plan_writes_the_plan_as_a_pdf(plan_dir, tmp_path):
    out = tmp_path / "plan.pdf"
    result = cli("plan", "--data-dir", str(plan_dir), "--out", str(out), passphrase=SECRET)
    assert result.returncode == 0, result.stderr
    assert f"Saved your recovery plan: {out} (" in result.stderr
    text = pdf_text(out)
    assert "Being there for my nephew." in text and "Lying about small things Tell Robin" in text
    assert "nephew" not in result.stderr  # never journal content in messages


@pytest.mark.parametrize(("paper", "width"), [("A4", 595), ("Letter", 612)])
def test_crisis_card_writes_one_page(plan_dir, tmp_path, paper, width):
    out = tmp_path / "card.pdf"
    args = ("--out", str(out), "--crisis-card", "--page-size", paper)
    result = cli("plan", "--data-dir", str(plan_dir), *args, passphrase=SECRET)
    assert result.returncode == 0, result.stderr
    assert f"Saved your crisis card: {out} (1 page)." in result.stderr
    assert pdf_pages(out) == 1 and round(page_width_points(out)) == width
    text = pdf_text(out)
    assert CRISIS in text and "Robin Park (Sponsor): 555 0123" in text
    assert "Lying about small things" in text


def test_a_wrong_passphrase_is_exit_2_and_writes_nothing(plan_dir, tmp_path):
    out = tmp_path / "plan.pdf"
    before = folder_hashes(plan_dir)
    result = cli("plan", "--data-dir", str(plan_dir), "--out", str(out), passphrase="wrong")
    assert result.returncode == 2
    assert "didn't open" in result.stderr
    assert not out.exists() and folder_hashes(plan_dir) == before


def test_a_missing_folder_is_exit_1_naming_the_file(plan_dir, tmp_path):
    out = tmp_path / "nowhere" / "plan.pdf"
    result = cli("plan", "--data-dir", str(plan_dir), "--out", str(out), passphrase=SECRET)
    assert result.returncode == 1
    assert str(out) in result.stderr and "does not exist" in result.stderr
    assert not out.parent.exists()


def test_the_journals_own_folder_is_refused_before_it_opens(plan_dir):
    before = folder_hashes(plan_dir)
    out = plan_dir / "journal.db"
    result = cli("plan", "--data-dir", str(plan_dir), "--out", str(out), "--crisis-card")
    assert result.returncode == 2  # bad usage, as `report`; no passphrase was needed
    assert "Nothing was saved" in result.stderr
    assert folder_hashes(plan_dir) == before
