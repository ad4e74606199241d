"""`report` writes its files whole or not at all, and says which file failed and why."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from recovery_desktop import cli
from recovery_desktop.data.demo import fill_demo
from recovery_desktop.data.journal import JournalFiles, create_journal
from recovery_desktop.domain.periods import last_full_week
from tests.pdf_text import pdf_pages, pdf_text
from tests.test_cli import cli as run_cli

WEEK = last_full_week(date.today())


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory) -> Path:
    """An unprotected three-week demo journal."""
    folder = tmp_path_factory.mktemp("output") / "journal"
    journal = create_journal(JournalFiles(folder), None)
    try:
        fill_demo(journal, 3, date.today(), 5)
    finally:
        journal.close()
    return folder


def report(demo_dir: Path, out: Path | str, *extra: str):
    """`report` run as a user runs it, in its own process."""
    return run_cli(
        "report", "--data-dir", str(demo_dir), "--week", WEEK.key, "--out", str(out), *extra
    )


def report_here(capsys, demo_dir: Path, out: Path, *extra: str) -> tuple[int, str]:
    """`report` run in this process (so the operating system can be made to refuse)."""
    argv = ["report", "--data-dir", str(demo_dir), "--week", WEEK.key, "--out", str(out), *extra]
    code = cli.main(argv)
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def full_disk(monkeypatch, room: int = 64 * 1024) -> None:
    """The disk takes ``room`` more bytes, then every write fails with "No space left"."""
    real_write = os.write
    taken = 0

    def write(fd: int, data) -> int:
        nonlocal taken
        if taken >= room:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        count = real_write(fd, bytes(data[: room - taken]))
        taken += count
        return count

    monkeypatch.setattr(os, "write", write)


def refuse_opening_in(monkeypatch, folder: Path, code: int) -> None:
    """Creating any file in ``folder`` fails with ``code`` (EROFS, EACCES…)."""
    real_open = os.open

    def open_(path, flags, *args, **kwargs):
        if Path(path).parent == folder and flags & os.O_CREAT:
            raise OSError(code, os.strerror(code), str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", open_)


def test_dev_full_is_reported_as_a_full_disk(demo_dir):
    """--out /dev/full: exit 1, the file and "the disk is full" named, nothing says Saved."""
    result = report(demo_dir, "/dev/full")
    assert result.returncode == 1
    assert "/dev/full could not be written: the disk is full" in result.stderr
    assert "Saved" not in result.stdout + result.stderr
    assert "printer" not in result.stderr


def test_a_disk_that_fills_up_leaves_no_file(qapp, capsys, monkeypatch, demo_dir, tmp_path):
    """The disk fills after 64 KiB: exit 1, the reason named, no PDF and no temp file left."""
    out = tmp_path / "week.pdf"
    full_disk(monkeypatch)
    code, said = report_here(capsys, demo_dir, out)
    assert code == 1
    assert f"{out} could not be written: the disk is full" in said
    assert "Saved" not in said
    assert list(tmp_path.iterdir()) == []


def test_a_full_disk_keeps_the_earlier_file_as_it_was(
    qapp, capsys, monkeypatch, demo_dir, tmp_path
):
    """Saving over last week's PDF on a full disk leaves last week's PDF untouched."""
    out = tmp_path / "week.pdf"
    out.write_bytes(b"last week's summary")
    full_disk(monkeypatch, room=1000)
    code, said = report_here(capsys, demo_dir, out)
    assert code == 1 and "the disk is full" in said
    assert out.read_bytes() == b"last week's summary"
    assert [p.name for p in tmp_path.iterdir()] == ["week.pdf"]


def test_a_full_disk_found_at_fsync_is_reported(qapp, capsys, monkeypatch, demo_dir, tmp_path):
    """Some disks only refuse when the data is flushed: still exit 1 and no file."""

    def fsync(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", fsync)
    out = tmp_path / "week.pdf"
    code, said = report_here(capsys, demo_dir, out)
    assert code == 1 and f"{out} could not be written: the disk is full" in said
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        (errno.EROFS, "the folder {folder} is on a read-only disk"),
        (errno.EACCES, "not allowed to write in the folder {folder} (permission denied)"),
    ],
    ids=["read-only-disk", "permission-denied"],
)
def test_a_refusing_output_folder_is_named_not_the_journal(
    qapp, capsys, monkeypatch, demo_dir, tmp_path, code, reason
):
    """A read-only or forbidden output folder is named as such, never "the journal's folder"."""
    out = tmp_path / "week.pdf"
    refuse_opening_in(monkeypatch, tmp_path, code)
    exit_code, said = report_here(capsys, demo_dir, out)
    assert exit_code == 1
    assert f"{out} could not be written: " in said and reason.format(folder=tmp_path) in said
    assert "journal" not in said.lower()
    assert "Saved" not in said
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores folder modes")
def test_a_read_only_output_folder_really_refuses(demo_dir, tmp_path):
    """A folder made read-only with chmod: exit 1, "permission denied", nothing inside."""
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        result = report(demo_dir, folder / "week.pdf")
        assert result.returncode == 1
        assert "permission denied" in result.stderr and "journal" not in result.stderr
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)


def test_a_file_where_the_folder_should_be_is_named(demo_dir, tmp_path):
    """--out notes.txt/week.pdf: the message names notes.txt as a file, not a folder."""
    in_the_way = tmp_path / "notes.txt"
    in_the_way.write_text("mine")
    result = report(demo_dir, in_the_way / "week.pdf")
    assert result.returncode == 1
    assert f"{in_the_way} is a file, not a folder" in result.stderr
    assert in_the_way.read_text() == "mine"
    assert "Saved" not in result.stderr


def test_a_missing_output_folder_is_named(demo_dir, tmp_path):
    """--out into a folder that does not exist says so, and creates nothing."""
    out = tmp_path / "nowhere" / "week.pdf"
    result = report(demo_dir, out)
    assert result.returncode == 1
    assert f"the folder {out.parent} does not exist" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_folder_as_the_output_is_refused(demo_dir, tmp_path):
    """--out naming a folder: exit 1, "a folder, not a file", the folder untouched."""
    result = report(demo_dir, tmp_path)
    assert result.returncode == 1
    assert f"{tmp_path} could not be written: that is a folder" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_an_html_that_cannot_be_written_is_named_and_the_pdf_stays(demo_dir, tmp_path):
    """The PDF is written, the HTML's folder is missing: exit 1, the HTML named, the PDF whole."""
    out, html = tmp_path / "week.pdf", tmp_path / "gone" / "week.html"
    result = report(demo_dir, out, "--html", str(html))
    assert result.returncode == 1
    assert f"{html} could not be written: the folder" in result.stderr
    assert f"The PDF was saved to {out}" in result.stderr
    assert pdf_pages(out) >= 1


def test_the_html_declares_its_encoding(demo_dir, tmp_path):
    """The HTML starts with a doctype and <meta charset="utf-8">, so "16–22 November" shows
    as written when the file is served over HTTP (browsers only look at the first 1024 bytes)."""
    html = tmp_path / "week.html"
    result = report(demo_dir, tmp_path / "week.pdf", "--html", str(html))
    assert result.returncode == 0, result.stderr
    data = html.read_bytes()
    assert data.lower().startswith(b"<!doctype html>")
    assert b'<meta charset="utf-8">' in data[:1024]
    assert WEEK.label.encode("utf-8") in data


def test_one_page_is_one_page(qapp, capsys, demo_dir, tmp_path):
    """A summary of one page says "(1 page)", never "(1 pages)"."""
    from recovery_desktop.data.journal import open_unprotected
    from recovery_desktop.domain.summary import SummaryOptions
    from recovery_desktop.reports.sections import SECTIONS

    journal = open_unprotected(JournalFiles(demo_dir))
    try:
        before = journal.preferences.summary_options()
        journal.preferences.set_summary_options(
            SummaryOptions(sections={s.key: s.key == "glance" for s in SECTIONS})
        )
    finally:
        journal.close()
    out = tmp_path / "week.pdf"
    try:
        code, said = report_here(capsys, demo_dir, out)
    finally:
        journal = open_unprotected(JournalFiles(demo_dir))
        journal.preferences.set_summary_options(before)
        journal.close()
    assert code == 0, said
    assert pdf_pages(out) == 1 and "(1 page)." in said
    assert WEEK.label in pdf_text(out)


def test_out_dev_stdout_pipes_the_whole_pdf(demo_dir):
    """--out /dev/stdout writes the checked PDF into the pipe (a link to a pipe is followed,
    never replaced)."""
    args = ["report", "--data-dir", str(demo_dir), "--week", WEEK.key, "--out", "/dev/stdout"]
    result = subprocess.run(
        [sys.executable, "-m", "recovery_desktop", *args],
        capture_output=True,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(b"%PDF-") and result.stdout.rstrip().endswith(b"%%EOF")
