"""`report` never writes over the journal's own files, nor its PDF with its HTML."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from recovery_desktop.data.demo import fill_demo
from recovery_desktop.data.journal import JournalFiles, create_journal
from recovery_desktop.domain.periods import last_full_week
from tests.conftest import folder_hashes
from tests.test_cli import cli as run_cli
from tests.test_cli_output_files import report_here

WEEK = last_full_week(date.today())


@pytest.fixture
def journal_dir(tmp_path) -> Path:
    """A small unprotected journal with a backup, closed (as between two commands)."""
    files = JournalFiles(tmp_path / "journal")
    journal = create_journal(files, None)
    try:
        fill_demo(journal, 2, date.today(), 3)
        journal.backup()
    finally:
        journal.close()
    return files.folder


def test_the_testers_steps_leave_the_journal_whole(tmp_path):
    """demo-data, then `report --out <journal>/journal.db`: refused as bad usage, the file is
    named, nothing is written, and the journal still opens."""
    folder = tmp_path / "a"
    assert run_cli("demo-data", "--data-dir", str(folder), "--weeks", "12").returncode == 0
    before = folder_hashes(folder)
    out = folder / "journal.db"
    result = run_cli("report", "--data-dir", str(folder), "--week", WEEK.key, "--out", str(out))
    assert result.returncode == 2
    assert f"{out} could not be written: it is in the journal's folder ({folder})" in (
        result.stderr
    )
    assert "Choose another folder" in result.stderr and "Saved" not in result.stderr
    assert folder_hashes(folder) == before
    check = run_cli("check", "--data-dir", str(folder))
    assert check.returncode == 0 and "Integrity: ok" in check.stdout


@pytest.mark.parametrize(
    "name",
    [
        "keys.json",
        "journal.db-wal",
        "journal.lock",
        "crisis_lines.json",
        "summary.pdf",  # a new file: the whole folder is the journal's
        "backups/summary.pdf",
    ],
)
def test_no_file_in_the_journals_folder_is_written(capsys, journal_dir, name):
    """--out anywhere in the journal's folder: exit 2, the file named, the folder unchanged."""
    before = folder_hashes(journal_dir)
    code, said = report_here(capsys, journal_dir, journal_dir / name)
    assert code == 2
    assert f"{journal_dir / name} could not be written: it is in the journal's" in said
    assert folder_hashes(journal_dir) == before


def test_the_backups_are_never_written(capsys, journal_dir):
    """--out over a backup: refused, and the backup is as it was."""
    backup = next((journal_dir / "backups").iterdir())
    before = folder_hashes(journal_dir)
    code, said = report_here(capsys, journal_dir, backup)
    assert code == 2 and f"{backup} could not be written" in said
    assert folder_hashes(journal_dir) == before


def test_links_to_the_journals_files_are_followed(capsys, journal_dir, tmp_path):
    """A symbolic link to journal.db, a link to its folder and a second (hard) name of
    keys.json elsewhere: each refused, nothing written."""
    (tmp_path / "link.pdf").symlink_to(journal_dir / "journal.db")
    (tmp_path / "alias").symlink_to(journal_dir)
    os.link(journal_dir / "keys.json", tmp_path / "keys-copy.pdf")
    before = folder_hashes(journal_dir)
    for out in (tmp_path / "link.pdf", tmp_path / "alias" / "week.pdf"):
        code, said = report_here(capsys, journal_dir, out)
        assert code == 2 and f"{out} could not be written: it is in the journal's" in said
    code, said = report_here(capsys, journal_dir, tmp_path / "keys-copy.pdf")
    assert code == 2
    assert f"another name for {journal_dir / 'keys.json'}" in said
    assert folder_hashes(journal_dir) == before


def test_the_html_file_is_refused_there_too(capsys, journal_dir, tmp_path):
    """--html into the journal's folder: refused before the PDF is written."""
    pdf = tmp_path / "week.pdf"
    code, said = report_here(capsys, journal_dir, pdf, "--html", str(journal_dir / "keys.json"))
    assert code == 2 and "keys.json could not be written" in said
    assert not pdf.exists()


def test_the_log_folder_is_refused(capsys, journal_dir, tmp_path, monkeypatch):
    """--out into the folder of errors.log: refused like the journal's folder."""
    monkeypatch.setattr("platformdirs.user_log_dir", lambda *_a, **_k: str(tmp_path / "log"))
    (tmp_path / "log").mkdir()
    (tmp_path / "log" / "errors.log").write_text("earlier")
    code, said = report_here(capsys, journal_dir, tmp_path / "log" / "errors.log")
    assert code == 2 and "the folder of Recovery Desktop's error log" in said
    assert (tmp_path / "log" / "errors.log").read_text() == "earlier"


@pytest.mark.parametrize("html", ["week.pdf", "./sub/../week.pdf", "link.html", "WEEK.pdf"])
def test_out_and_html_naming_one_file_is_bad_usage(
    capsys, journal_dir, tmp_path, monkeypatch, html
):
    """--out X --html X (or another name for X): exit 2 before anything is written."""
    out = tmp_path / "week.pdf"
    out.write_bytes(b"my earlier file")
    (tmp_path / "sub").mkdir()
    (tmp_path / "link.html").symlink_to(out)
    monkeypatch.chdir(tmp_path)
    code, said = report_here(capsys, journal_dir, out, "--html", html)
    assert code == 2
    assert f"it is the same file as the PDF ({out})" in said and "Saved" not in said
    assert out.read_bytes() == b"my earlier file"


def test_different_files_are_both_saved(capsys, journal_dir, tmp_path):
    """The check does not get in the way: a PDF and an HTML file beside it are both saved."""
    code, said = report_here(
        capsys, journal_dir, tmp_path / "week.pdf", "--html", str(tmp_path / "week.html")
    )
    assert code == 0 and "Saved" in said
    assert (tmp_path / "week.pdf").read_bytes().startswith(b"%PDF-")
    assert (tmp_path / "week.html").read_bytes().lower().startswith(b"<!doctype html>")
