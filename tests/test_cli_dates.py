"""Dates at the ends of the calendar on the command line: a plain line and exit code 2,
never an OverflowError traceback, and no file written."""

import pytest

from recovery_desktop.data.journal import JournalFiles, create_journal
from tests.conftest import folder_hashes
from tests.test_cli import cli

ACCEPTED = "outside the dates the journal accepts (1 January 1950 to 31 December 2199)"


@pytest.fixture(scope="module")
def journal_dir(tmp_path_factory):
    """An unprotected journal made once for these commands."""
    folder = tmp_path_factory.mktemp("dates") / "journal"
    create_journal(JournalFiles(folder), None).close()
    return folder


def _plain_usage_error(result):
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr and "Error:" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["--week", "0001-W01"],
        ["--week", "1949-W52"],
        ["--week", "2200-W01"],
        ["--week", "9999-W52"],
        ["--from", "0001-01-01", "--to", "0001-01-07"],
        ["--from", "1949-12-31", "--to", "1950-01-06"],
        ["--from", "2199-12-25", "--to", "2200-01-01"],
        ["--from", "9999-12-25", "--to", "9999-12-31"],
        ["--from", "2026-11-01", "--to", "9999-12-31"],
        ["--from", "0001-01-01", "--to", "2026-11-30"],
    ],
    ids=[
        "week-0001",
        "week-1949",
        "week-2200",
        "week-9999",
        "from-to-0001",
        "from-1949",
        "to-2200",
        "from-to-9999",
        "to-9999",
        "from-0001",
    ],
)
def test_report_dates_outside_the_calendar_are_one_plain_line(journal_dir, tmp_path, args):
    """report --week 0001-W01, --from 0001-01-01 --to 0001-01-07 and the like: exit code 2
    with one line naming the accepted dates; no PDF and nothing in the journal changes."""
    before = folder_hashes(journal_dir)
    out = tmp_path / "x.pdf"
    result = cli("report", "--data-dir", str(journal_dir), *args, "--out", str(out))
    _plain_usage_error(result)
    assert ACCEPTED in result.stderr
    assert not out.exists()
    assert folder_hashes(journal_dir) == before


@pytest.mark.parametrize(
    "args",
    [["--week", "1950-W01"], ["--from", "2199-12-25", "--to", "2199-12-31"]],
    ids=["first-week", "last-days"],
)
def test_report_at_the_first_and_last_accepted_days_works(journal_dir, tmp_path, args):
    """The first ISO week of 1950 and the last days of 2199 are still summaries."""
    out = tmp_path / "edge.pdf"
    result = cli("report", "--data-dir", str(journal_dir), *args, "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert out.exists()


@pytest.mark.parametrize("weeks", ["0", "521", "-1", "99999999999999999999999"])
def test_demo_data_weeks_at_both_ends_is_one_plain_line(tmp_path, weeks):
    """--weeks outside 1..520 (or absurdly large) is exit code 2 and creates nothing."""
    folder = tmp_path / "j"
    result = cli("demo-data", "--data-dir", str(folder), "--weeks", weeks)
    _plain_usage_error(result)
    assert "between 1 and 520" in result.stderr
    assert not folder.exists()


def test_demo_data_one_week_is_the_smallest_journal(tmp_path):
    """--weeks 1, the lower end, makes a journal."""
    result = cli("demo-data", "--data-dir", str(tmp_path / "j"), "--weeks", "1")
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("day", ["2026-02-30", "16/11/2026", "tomorrow"])
def test_report_days_that_are_not_dates_are_one_plain_line(journal_dir, tmp_path, day):
    """A day that is not a date is bad usage in one line too."""
    result = cli(
        "report",
        "--data-dir",
        str(journal_dir),
        "--from",
        day,
        "--to",
        day,
        "--out",
        str(tmp_path / "x.pdf"),
    )
    _plain_usage_error(result)
    assert "is not a date like 2026-11-16" in result.stderr
