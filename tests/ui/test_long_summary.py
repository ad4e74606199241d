"""A summary longer than Qt can lay out is refused in plain words, never cut short silently.

Qt's text layout stops placing lines 2^23 pixels down (about 2,760 pages of A4 at the
summary's 300 dpi) and leaves the rest out without a word: a two-year summary with long
notes once "saved" 2,768 pages whose text ended a year early.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from recovery_desktop import cli
from recovery_desktop.data.journal import JournalFiles, create_journal, open_unprotected
from recovery_desktop.domain.checkin import MAX_NOTE_CHARACTERS, CheckIn
from recovery_desktop.domain.summary import SummaryOptions
from recovery_desktop.ui.dates import to_qdate
from tests.ui.conftest import shown_summary_page

LAST_DAY = date(2026, 11, 22)
FIRST_DAY = LAST_DAY - timedelta(days=729)
LINE = "Slept badly, walked to the river, called Sam after the meeting and felt steadier. "
NOTE = "\n".join(LINE * 5 for _ in range(60))[:MAX_NOTE_CHARACTERS]


@pytest.fixture(scope="module")
def two_long_years(tmp_path_factory):
    """Two years of check-ins, each with a note as long as a note may be; notes printed."""
    folder = tmp_path_factory.mktemp("long") / "journal"
    journal = create_journal(JournalFiles(folder), None)
    try:
        days = (FIRST_DAY + timedelta(days=n) for n in range(730))
        journal.checkins.save_many(CheckIn(day, mood=5, note=NOTE) for day in days)
        journal.preferences.set_summary_options(SummaryOptions(sections={"notes": True}))
    finally:
        journal.close()
    return folder


def test_the_cli_refuses_a_summary_too_long_to_lay_out(qapp, capsys, two_long_years, tmp_path):
    """`report` over two years of long notes: exit 1, the limit and a way out named, no file."""
    out = tmp_path / "two-years.pdf"
    argv = ["report", "--data-dir", str(two_long_years), "--out", str(out), "--page-size", "A4"]
    argv += ["--from", FIRST_DAY.isoformat(), "--to", LAST_DAY.isoformat()]
    code = cli.main(argv)
    said = capsys.readouterr().err
    assert code == 1
    assert "too long" in said and "pages of A4" in said and "2,7" in said
    assert "shorter period" in said and "Nothing was saved" in said
    assert "Saved" not in said
    assert list(tmp_path.iterdir()) == []


def test_the_summary_page_says_so_and_saves_nothing(
    qtbot, monkeypatch, two_long_years, tmp_path, worker
):
    """Weekly summary over the same two years: the preview explains the limit instead of
    showing a cut summary, Save as PDF shows a calm box and writes nothing, and a shorter
    period brings the preview back."""
    boxes = []
    monkeypatch.setattr(
        "PySide6.QtWidgets.QMessageBox.warning",
        lambda _parent, title, text, *_a: boxes.append((title, text)),
    )
    journal = open_unprotected(JournalFiles(two_long_years))
    try:
        page = shown_summary_page(qtbot, journal, worker)
        page.picker.range_mode.setChecked(True)
        page.picker.start.setDate(to_qdate(FIRST_DAY))
        page.picker.end.setDate(to_qdate(LAST_DAY))
        qtbot.waitUntil(lambda: "too long" in page.status.text(), timeout=60000)
        assert "shorter period" in page.status.text() and page.page_count == 0
        assert page.save_pdf_to(tmp_path / "two-years.pdf") == 0
        assert page.status.text() == "Not saved."
        page.picker.start.setDate(to_qdate(LAST_DAY - timedelta(days=6)))  # a shorter period
        qtbot.waitUntil(lambda: page.page_count > 0, timeout=20000)
        assert "too long" not in page.status.text()
    finally:
        journal.close()
    [(title, text)] = boxes
    assert title == "Not saved" and "too long" in text
    assert list(tmp_path.iterdir()) == []


def test_the_readme_states_the_limit(qapp):
    """README.md gives the same page limits the app enforces, for A4 and Letter."""
    from pathlib import Path

    from recovery_desktop.ui.print_footer import footer_height
    from recovery_desktop.ui.printing import LAYOUT_DPI, max_pages, page_layout

    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    readme = " ".join(readme.split())
    limits = {}
    for paper in ("A4", "Letter"):
        body = page_layout(paper).paintRectPixels(LAYOUT_DPI).height() - footer_height(LAYOUT_DPI)
        limits[paper] = f"{max_pages(body):,}"
    assert f"at most {limits['A4']} pages of A4 or {limits['Letter']} of Letter" in readme
