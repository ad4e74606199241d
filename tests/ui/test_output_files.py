"""Files saved from the app (summary PDF, printed-to-file PDFs, chart images, the recovery-key
file) are whole or absent, and a failure is a calm box naming the file and the reason."""

from __future__ import annotations

import errno
import os
from datetime import date

import pytest
from PySide6.QtPrintSupport import QPrinter

from recovery_desktop.domain.demo import demo_checkins
from recovery_desktop.ui.widgets.recovery_key import RecoveryKeyView
from tests.pdf_text import pdf_pages, pdf_text
from tests.test_cli_output_files import full_disk
from tests.ui.conftest import shown_summary_page
from tests.ui.test_trends_page import page  # noqa: F401 (the Trends page fixture)

KEY = "K7QM-2XRP-9WZB-4HTD-M3NV-8CJF-6YQA-1EKS"


@pytest.fixture
def boxes(monkeypatch):
    """Every warning box shown, as (title, text), instead of waiting for a click."""
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        "PySide6.QtWidgets.QMessageBox.warning",
        lambda _parent, title, text, *_args: shown.append((title, text)),
    )
    return shown


@pytest.fixture
def out(tmp_path):
    """An empty folder for the files (the journal lives beside it)."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


@pytest.fixture
def in_the_way(tmp_path):
    """A file where the output's folder should be."""
    path = tmp_path / "notes.txt"
    path.write_text("mine")
    return path


@pytest.fixture
def summary_page(qtbot, journal, worker):
    journal.checkins.save_many(demo_checkins(14, date.today(), seed=3))
    return shown_summary_page(qtbot, journal, worker)


def test_save_as_pdf_into_a_file_names_it_and_claims_nothing(summary_page, boxes, in_the_way):
    """Save as PDF where a file stands in for the folder: a box names it, nothing says Saved."""
    assert summary_page.save_pdf_to(in_the_way / "week.pdf") == 0
    [(title, text)] = boxes
    assert title == "Not saved"
    assert f"{in_the_way / 'week.pdf'} could not be written" in text
    assert f"{in_the_way} is a file, not a folder" in text
    assert "Saved" not in summary_page.status.text()
    assert in_the_way.read_text() == "mine"


def test_save_as_pdf_on_a_full_disk_leaves_nothing(summary_page, boxes, monkeypatch, out):
    """The disk fills during Save as PDF: a box says so, and no PDF or temp file is left."""
    full_disk(monkeypatch, room=4096)
    assert summary_page.save_pdf_to(out / "week.pdf") == 0
    [(_title, text)] = boxes
    assert "the disk is full" in text
    assert "Saved" not in summary_page.status.text()
    assert list(out.iterdir()) == []


def test_print_to_file_goes_through_the_same_checks(summary_page, boxes, tmp_path):
    """ "Print to file" in the print dialog: saved whole when it can be, else a box."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    pages = summary_page.print_with(printer)
    assert pages >= 1 and pdf_pages(tmp_path / "printed.pdf") == pages
    assert summary_page.status.text().startswith(f"Saved {pages} page")
    printer.setOutputFileName(str(tmp_path / "missing" / "printed.pdf"))
    assert summary_page.print_with(printer) == 0
    [(title, text)] = boxes
    assert title == "Not saved" and f"the folder {tmp_path / 'missing'} does not exist" in text
    assert "Saved" not in summary_page.status.text()


@pytest.fixture
def chart(page):  # noqa: F811 (the fixture imported above)
    """The mood and craving chart, drawn on the Trends page."""
    return page.views["mood_craving"]


@pytest.mark.parametrize("suffix", ["png", "svg"])
def test_a_chart_image_that_cannot_be_saved_is_named(chart, boxes, tmp_path, suffix):
    """Save image… into a missing folder: a box names the file and the missing folder."""
    path = tmp_path / "gone" / f"mood.{suffix}"
    assert not chart.save_to(path)
    [(title, text)] = boxes
    assert title == "Not saved"
    assert f"{path} could not be written: the folder {path.parent} does not exist" in text


def test_a_chart_image_on_a_full_disk_leaves_nothing(chart, boxes, monkeypatch, out):
    """The disk fills while the image is written: a box says so; no image, no temp file."""
    full_disk(monkeypatch, room=2000)
    assert not chart.save_to(out / "mood.png")
    assert "the disk is full" in boxes[0][1]
    assert list(out.iterdir()) == []


@pytest.fixture
def key_view(qtbot, files):
    view = RecoveryKeyView(files.app_folders())
    qtbot.addWidget(view)
    view.set_key(KEY)
    return view


def test_the_recovery_key_file_is_saved_whole(key_view, tmp_path):
    """Save to a file…: the file holds the key, and the line below says it was saved."""
    path = tmp_path / "recovery-key.txt"
    assert key_view.save_to(path)
    assert KEY in path.read_text(encoding="utf-8")
    assert key_view.status.text().startswith("Saved.")


def test_a_recovery_key_file_that_cannot_be_written_is_named(key_view, boxes, in_the_way):
    """Saving the key where a file stands in for the folder: a box names it; never "Saved"."""
    path = in_the_way / "recovery-key.txt"
    assert not key_view.save_to(path)
    [(title, text)] = boxes
    assert title == "Not saved" and f"{in_the_way} is a file, not a folder" in text
    assert not key_view.status.text().startswith("Saved")


def test_the_recovery_key_printed_to_a_full_disk_leaves_nothing(
    key_view, boxes, monkeypatch, tmp_path
):
    """Print… to a PDF file on a full disk: a box says so, and no PDF or temp file is left;
    on a disk with room the PDF holds the key."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFileName(str(tmp_path / "key.pdf"))
    with monkeypatch.context() as patch:
        full_disk(patch, room=1000)
        assert not key_view.print_to(printer)
    assert "the disk is full" in boxes[0][1]
    assert list(tmp_path.iterdir()) == []
    assert key_view.print_to(printer)
    assert KEY in pdf_text(tmp_path / "key.pdf")
    assert key_view.status.text().startswith(f"Saved to {tmp_path / 'key.pdf'}")


def test_disk_errors_at_the_last_step_leave_the_old_file(key_view, boxes, monkeypatch, tmp_path):
    """The rename itself fails: the earlier key file stays as it was, no temp file is left."""
    path = tmp_path / "recovery-key.txt"
    path.write_text("the earlier key")

    def replace(_source, _target):
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(os, "replace", replace)
    assert not key_view.save_to(path)
    assert path.read_text() == "the earlier key"
    assert [p.name for p in tmp_path.iterdir()] == ["recovery-key.txt"]
    assert "could not be written" in boxes[0][1]
