"""The one way output files are written: checked first, whole or absent, never a device replaced."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest

from recovery_desktop.data.output_files import (
    OutputProblem,
    html_check,
    pdf_check,
    png_check,
    save_output,
)
from recovery_desktop.data.output_places import AppFolders

NO_APP_FILES = AppFolders(())  # these tests are about the content and the kind of target

# A minimal one-page PDF as Qt writes them: objects, a cross-reference table, a trailer.
_BODY = (
    b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
    b"2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n"
    b"3 0 obj\n<< /Type /Page /Parent 2 0 R >>\nendobj\n"
)
PDF = (
    _BODY
    + b"xref\n0 4\ntrailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n"
    + (str(len(_BODY)).encode() + b"\n%%EOF\n")
)


def test_a_whole_pdf_passes_and_is_written(tmp_path):
    """The check accepts a whole PDF with the right page count; the file holds it exactly."""
    path = tmp_path / "a.pdf"
    save_output(path, PDF, pdf_check(1), app_folders=NO_APP_FILES)
    assert path.read_bytes() == PDF
    assert stat.S_IMODE(path.stat().st_mode) == 0o600  # private, like everything we write


@pytest.mark.parametrize("cut", [10, len(_BODY), len(PDF) - 7, len(PDF) - 3])
def test_a_cut_pdf_is_refused_and_nothing_is_written(tmp_path, cut):
    """A PDF cut anywhere is refused before any file is made."""
    path = tmp_path / "a.pdf"
    with pytest.raises(OutputProblem, match="the PDF came out"):
        save_output(path, PDF[:cut], pdf_check(1), app_folders=NO_APP_FILES)
    assert list(tmp_path.iterdir()) == []


def test_a_pdf_with_pages_missing_is_refused(tmp_path):
    """The page objects must match the pages painted."""
    with pytest.raises(OutputProblem, match="pages missing"):
        save_output(tmp_path / "a.pdf", PDF, pdf_check(2), app_folders=NO_APP_FILES)


def test_empty_content_is_never_saved(tmp_path):
    with pytest.raises(OutputProblem, match="came out empty"):
        save_output(tmp_path / "a.txt", b"", app_folders=NO_APP_FILES)
    assert list(tmp_path.iterdir()) == []


def test_html_without_its_encoding_is_refused(tmp_path):
    """An HTML page must declare UTF-8 near its start."""
    with pytest.raises(OutputProblem, match="heading"):
        save_output(
            tmp_path / "a.html",
            b"<html><body>16\xe2\x80\x9322</body></html>",
            html_check,
            app_folders=NO_APP_FILES,
        )


def test_a_png_cut_short_is_refused(tmp_path):
    with pytest.raises(OutputProblem, match="image came out incomplete"):
        save_output(
            tmp_path / "a.png",
            b"\x89PNG\r\n\x1a\n" + b"\0" * 40,
            png_check,
            app_folders=NO_APP_FILES,
        )


@pytest.mark.skipif(not os.path.exists("/dev/null"), reason="needs /dev/null")
def test_a_device_is_written_to_never_replaced():
    """--out /dev/null (or /dev/stdout) writes through; the device itself stays a device."""
    save_output(Path("/dev/null"), PDF, pdf_check(1), app_folders=NO_APP_FILES)
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_a_pipe_receives_the_whole_file(tmp_path):
    """A named pipe gets the checked content written straight into it."""
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()))
    reader.start()
    save_output(pipe, PDF, pdf_check(1), app_folders=NO_APP_FILES)
    reader.join(timeout=10)
    assert received == [PDF]
    assert stat.S_ISFIFO(os.stat(pipe).st_mode)


def test_saving_over_a_link_fills_the_linked_file(tmp_path):
    """A summary saved to a symbolic link replaces the file it points to; the link stays."""
    real = tmp_path / "real.pdf"
    real.write_bytes(b"old")
    link = tmp_path / "link.pdf"
    link.symlink_to(real)
    save_output(link, PDF, pdf_check(1), app_folders=NO_APP_FILES)
    assert link.is_symlink() and real.read_bytes() == PDF
