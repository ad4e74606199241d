"""Saving from the app never writes over the journal's own files, and the file dialogs ask
before replacing a file under the name that is really written (suffix included)."""

# ruff: noqa: F811 (pytest fixtures imported from other test modules are used as arguments)
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QFileDialog, QLineEdit, QMessageBox

from recovery_desktop.domain.demo import demo_checkins
from tests.conftest import folder_hashes
from tests.ui.conftest import shown_summary_page
from tests.ui.modal import stop_watching, when_shown  # noqa: F401 (an autouse fixture)
from tests.ui.test_output_files import (  # noqa: F401 (fixtures)
    boxes,
    key_view,
    out,
)
from tests.ui.test_trends_page import page  # noqa: F401 (the Trends page fixture)


@pytest.fixture
def summary_page(qtbot, journal, worker):
    journal.checkins.save_many(demo_checkins(14, date.today(), seed=3))
    journal.backup()
    return shown_summary_page(qtbot, journal, worker)


@pytest.mark.parametrize("name", ["journal.db", "keys.json", "backups/week.pdf", "week.pdf"])
def test_save_as_pdf_refuses_the_journals_folder(summary_page, boxes, files, name):
    """Save as PDF onto journal.db (or anywhere in its folder): "Not saved", the file and the
    folder named, the journal's files unchanged."""
    before = folder_hashes(files.folder)
    path = files.folder / name
    assert summary_page.save_pdf_to(path) == 0
    [(title, text)] = boxes
    assert title == "Not saved"
    assert f"{path} could not be written: it is in the journal's" in text
    assert "Saved" not in summary_page.status.text()
    assert folder_hashes(files.folder) == before


def test_print_to_file_refuses_the_journals_folder(summary_page, boxes, files):
    """Print… with "Print to file" set to keys.json: refused, keys.json unchanged."""
    before = folder_hashes(files.folder)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFileName(str(files.keys))
    assert summary_page.print_with(printer) == 0
    assert boxes[0][0] == "Not saved" and f"{files.keys} could not be written" in boxes[0][1]
    assert folder_hashes(files.folder) == before


@pytest.mark.parametrize("suffix", ["png", "svg"])
def test_a_chart_image_is_never_saved_in_the_journals_folder(page, boxes, suffix):
    """Save image… into the journal's folder: "Not saved" names it; nothing changes."""
    folder = page.journal.files.folder
    before = folder_hashes(folder)
    path = folder / f"mood.{suffix}"
    assert not page.views["mood_craving"].save_to(path)
    assert boxes[0][0] == "Not saved" and f"{path} could not be written" in boxes[0][1]
    assert folder_hashes(folder) == before


def test_the_recovery_key_is_never_saved_over_the_journal(key_view, journal, files, boxes):
    """The key's text file or its printed PDF onto the journal's files: refused, unchanged."""
    before = folder_hashes(files.folder)
    assert not key_view.save_to(files.database)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFileName(str(files.keys))
    assert not key_view.print_to(printer)
    assert [title for title, _ in boxes] == ["Not saved", "Not saved"]
    assert f"{files.database} could not be written" in boxes[0][1]
    assert folder_hashes(files.folder) == before
    assert key_view.status.text() == "Not saved."


# -- the file dialogs ---------------------------------------------------------------------
def answer_questions(answer: QMessageBox.StandardButton) -> list[str]:
    """Every "replace?" question asked (its text), answered with ``answer``."""
    asked: list[str] = []

    def reply(box) -> None:
        asked.append(box.text())
        box.button(answer).click()

    when_shown(QMessageBox, reply)
    return asked


def type_in_dialog(typed: str, filter_steps: int = 0) -> None:
    """In the next file dialog: choose a type ``filter_steps`` down the list (with the
    keyboard, as a person does), type ``typed`` as the name, then Save."""

    def act(dialog: QFileDialog) -> None:
        combo = dialog.findChild(QComboBox, "fileTypeCombo")
        for _step in range(filter_steps):
            QTest.keyClick(combo, Qt.Key.Key_Down)
        dialog.findChild(QLineEdit, "fileNameEdit").setText(typed)  # no completer pop-up
        dialog.accept()

    when_shown(QFileDialog, act)


@pytest.mark.parametrize(
    ("typed", "answer"),
    [("week", QMessageBox.StandardButton.No), ("week.v2", QMessageBox.StandardButton.Yes)],
)
def test_save_as_pdf_asks_before_replacing_the_pdf(qtbot, summary_page, out, typed, answer):
    """Typing "week" where week.pdf exists (or "week.v2", to which Qt adds no suffix, as
    it has a dot): the question names the PDF; No keeps it, Yes replaces it."""
    earlier = out / f"{typed}.pdf"
    earlier.write_bytes(b"my earlier summary")
    asked = answer_questions(answer)
    type_in_dialog(str(out / typed))
    summary_page.save_pdf()
    qtbot.waitUntil(lambda: not summary_page.pdf_jobs.busy, timeout=20000)  # written by the worker
    assert asked == [f"{typed}.pdf already exists.\nDo you want to replace it?"]
    replaced = answer == QMessageBox.StandardButton.Yes
    assert earlier.read_bytes().startswith(b"%PDF-") == replaced
    assert summary_page.status.text().startswith("Saved") == replaced
    assert [p.name for p in out.iterdir()] == [earlier.name]


def test_a_name_without_the_suffix_is_not_asked_about(qtbot, summary_page, tmp_path):
    """The /dev/full case, in a folder of one's own: typing "full" where a file "full"
    exists asks nothing about "full" (it is not what is written) and leaves it alone; the
    summary goes to full.pdf, the name the status line shows."""
    (tmp_path / "full").write_text("not a PDF")
    asked = answer_questions(QMessageBox.StandardButton.Yes)
    type_in_dialog(str(tmp_path / "full"))
    summary_page.save_pdf()
    qtbot.waitUntil(lambda: not summary_page.pdf_jobs.busy, timeout=20000)  # written by the worker
    assert asked == []
    assert (tmp_path / "full").read_text() == "not a PDF"
    assert (tmp_path / "full.pdf").read_bytes().startswith(b"%PDF-")
    assert summary_page.status.text().endswith(f"to {tmp_path / 'full.pdf'}.")


def test_save_image_asks_about_the_svg_it_writes(qtbot, page, out):
    """SVG chosen, "mood" typed, mood.svg exists: asked about mood.svg; No keeps it."""
    earlier = out / "mood.svg"
    earlier.write_text("<svg>mine</svg>")
    asked = answer_questions(QMessageBox.StandardButton.No)
    type_in_dialog(str(out / "mood"), filter_steps=1)
    page.views["mood_craving"].save_image()
    assert asked == ["mood.svg already exists.\nDo you want to replace it?"]
    assert earlier.read_text() == "<svg>mine</svg>"
    assert sorted(p.name for p in out.iterdir()) == ["mood.svg"]


def test_save_image_writes_the_type_chosen(qtbot, page, out):
    """SVG chosen and "mood" typed: mood.svg is written, an SVG image."""
    answer_questions(QMessageBox.StandardButton.No)
    type_in_dialog(str(out / "mood"), filter_steps=1)
    page.views["mood_craving"].save_image()
    assert sorted(p.name for p in out.iterdir()) == ["mood.svg"]
    assert (out / "mood.svg").read_text().rstrip().endswith("</svg>")


def test_save_recovery_key_asks_before_replacing(qtbot, key_view, tmp_path):
    """Typing "recovery-key" where recovery-key.txt exists: asked about recovery-key.txt."""
    earlier = tmp_path / "recovery-key.txt"
    earlier.write_text("the earlier key")
    asked = answer_questions(QMessageBox.StandardButton.No)
    type_in_dialog(str(tmp_path / "recovery-key"))
    key_view.save()
    assert asked == ["recovery-key.txt already exists.\nDo you want to replace it?"]
    assert earlier.read_text() == "the earlier key"
    assert not key_view.status.text().startswith("Saved")


def test_the_dialogs_open_in_the_home_folder_with_the_suggested_name(qtbot, key_view):
    """The start folder and name are kept (the dialog is cancelled)."""
    seen: list[str] = []
    when_shown(QFileDialog, lambda dialog: seen.append(dialog.selectedFiles()[0]))
    key_view.save()
    assert seen == [str(Path.home() / "recovery-key.txt")]
