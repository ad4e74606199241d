"""The weekly summary's "Structure of my days": the numbers of a planned week in the PDF
read back as text, the section's switch, and the `report` command printing it."""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta

import pytest

from recovery_desktop.data.journal import JournalFiles, open_with_passphrase
from recovery_desktop.domain.calendar_text import date_text
from recovery_desktop.domain.cravings import Craving
from recovery_desktop.domain.day_plan import BlockCategory, BlockTimes
from recovery_desktop.domain.periods import last_full_week
from recovery_desktop.domain.summary import SummaryOptions
from tests.pdf_text import pdf_text
from tests.test_cli import SECRET, cli
from tests.ui.conftest import save_summary_pdf, shown_summary_page

WEEK = last_full_week(date.today()).previous()  # a whole ISO week, well over
MONDAY = WEEK.start
H = 60


def _fill(journal):
    """Mon: work 9–17 done (8 h idle). Tue: walk 9–11 done (14 h idle, a craving).
    Wed: 07–23 done (no idle). Thu: work 9–13 NOT done: the day is over, so it does not
    count (16 h idle, a craving). Sat: no plan, a craving (left out). Window 07:00–23:00."""
    plans = [
        (0, 9, 17, True),
        (1, 9, 11, True),
        (2, 7, 23, True),
        (3, 9, 13, False),
    ]
    for offset, start, end, done in plans:
        block = journal.day_plan.add(
            MONDAY + timedelta(days=offset),
            BlockTimes(start * H, end * H, "Block", BlockCategory.WORK),
        )
        if done:
            journal.day_plan.set_done(block.id, True)
    for offset, hour in ((1, 20), (3, 21), (5, 15)):
        when = datetime.combine(MONDAY + timedelta(days=offset), time(hour))
        journal.cravings.save(Craving(None, when, 6))


THURSDAY = date_text(MONDAY + timedelta(days=3), "%a %-d %b")
EXPECTED = (
    "Structure of my days",
    f"Days with a plan: 4 of 7 · longest idle stretch: {THURSDAY}, 07:00–23:00 (16 h)",
    "Average idle time: 9.5 h · 2 days with cravings: 15 h · 2 days without: 4 h",
)


@pytest.fixture
def page(qtbot, journal, worker):
    _fill(journal)
    shown = shown_summary_page(qtbot, journal, worker)
    shown.picker.set_week(WEEK)
    return shown


def test_the_pdf_holds_the_weeks_structure_numbers(page, tmp_path):
    """Days planned, the average idle time, the longest idle stretch with its day and
    times, and idle time on days with cravings vs without, read back from the PDF."""
    _path, text = save_summary_pdf(page, tmp_path)
    for line in EXPECTED:
        assert line in text


def test_the_section_follows_its_switch(page, tmp_path):
    """Switched off on the page, the section is not printed."""
    box = page.section_boxes["day_structure"]
    assert box.text().replace("&", "") == "Structure of my days" and box.isChecked()
    box.click()
    _path, text = save_summary_pdf(page, tmp_path, "off.pdf")
    assert "Structure of my days" not in text


def test_a_side_without_days_says_so(qtbot, journal, worker, tmp_path):
    """Plans but no cravings: the comparison says there were no days with cravings."""
    work = journal.day_plan.add(MONDAY, BlockTimes(9 * H, 17 * H, "Work", BlockCategory.WORK))
    journal.day_plan.set_done(work.id, True)
    shown = shown_summary_page(qtbot, journal, worker)
    shown.picker.set_week(WEEK)
    _path, text = save_summary_pdf(shown, tmp_path)
    assert "Average idle time: 8 h · no days with cravings · 1 day without: 8 h" in text
    assert "Days with a plan: 1 of 7" in text


def test_without_plans_the_section_says_so(qtbot, journal, worker, tmp_path):
    shown = shown_summary_page(qtbot, journal, worker)
    shown.picker.set_week(WEEK)
    _path, text = save_summary_pdf(shown, tmp_path)
    assert "Structure of my days No day plans in this period." in text


def test_the_report_command_prints_the_section(tmp_path):
    """`report` on the command line prints the same section, with the same numbers."""
    folder = tmp_path / "journal"
    made = cli("demo-data", "--data-dir", str(folder), "--weeks", "1", passphrase=SECRET)
    assert made.returncode == 0, made.stderr
    journal = open_with_passphrase(JournalFiles(folder), SECRET)
    try:
        _fill(journal)
        journal.preferences.set_summary_options(SummaryOptions())
    finally:
        journal.close()
    out = tmp_path / "week.pdf"
    args = ("report", "--data-dir", str(folder), "--week", WEEK.key, "--out", str(out))
    result = cli(*args, passphrase=SECRET)
    assert result.returncode == 0, result.stderr
    text = pdf_text(out)
    for line in EXPECTED:
        assert line in text
    checked = json.loads(
        cli("check", "--data-dir", str(folder), "--json", passphrase=SECRET).stdout
    )
    assert checked["integrity"] == "ok"
