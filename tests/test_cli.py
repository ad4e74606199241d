"""The command line contract of DESIGN.md §5, run as a user would run it."""

import json
import os
import subprocess
import sys

import pytest

from recovery_desktop import __version__
from recovery_desktop.data.instance_lock import InstanceLock
from recovery_desktop.data.journal import JournalFiles
from tests.conftest import folder_hashes

SECRET = "demo passphrase for tests"


def cli(*args, passphrase=None, stdin=subprocess.DEVNULL, locale_env=None):
    """The command run as a user would; ``locale_env`` replaces the LANG/LC_* variables."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("RECOVERY_DESKTOP_")}
    if locale_env is not None:
        env = {k: v for k, v in env.items() if not k.startswith(("LC_", "LANG"))} | locale_env
    if passphrase is not None:
        env["RECOVERY_DESKTOP_PASSPHRASE"] = passphrase
    return subprocess.run(
        [sys.executable, "-m", "recovery_desktop", *args],
        capture_output=True,
        text=True,
        env=env,
        stdin=stdin,
        timeout=120,
    )


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory):
    """A protected demo journal made once through the CLI."""
    folder = tmp_path_factory.mktemp("cli") / "journal"
    result = cli(
        "demo-data", "--data-dir", str(folder), "--weeks", "3", "--seed", "5", passphrase=SECRET
    )
    assert result.returncode == 0, result.stderr
    return folder


def test_version():
    """--version prints the version and exits 0."""
    result = cli("--version")
    assert result.returncode == 0
    assert __version__ in result.stdout


def test_check_json_reports_integrity_schema_and_counts(demo_dir):
    """check --json prints one JSON object with the counts of each kind of record."""
    result = cli("check", "--data-dir", str(demo_dir), "--json", passphrase=SECRET)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["integrity"] == "ok"
    assert report["schema"]["pending"] == []
    assert 15 <= report["counts"]["checkins"] <= 21
    assert (report["counts"]["plan_sections"], report["counts"]["plan_versions"]) == (11, 8)
    assert report["counts"]["medications"] == 2
    assert report["counts"]["doses"] >= 20 and report["counts"]["appointments"] >= 6
    assert 12 <= report["counts"]["journal_entries"] <= 21  # about six a week


def test_wrong_passphrase_exits_2_and_changes_nothing(demo_dir):
    """Exit code 2 with a clear message; the files are untouched."""
    before = folder_hashes(demo_dir)
    result = cli("check", "--data-dir", str(demo_dir), passphrase="nope")
    assert result.returncode == 2
    assert "didn't open" in result.stderr
    assert folder_hashes(demo_dir) == before


def test_missing_passphrase_without_a_terminal_exits_2(demo_dir):
    """No variable and no terminal to ask on: exit code 2 naming the variable."""
    result = cli("check", "--data-dir", str(demo_dir))
    assert result.returncode == 2
    assert "RECOVERY_DESKTOP_PASSPHRASE" in result.stderr


def test_no_journal_exits_1(tmp_path):
    """A folder without a journal is a failure with a message, and nothing is created."""
    result = cli("check", "--data-dir", str(tmp_path / "nothing"))
    assert result.returncode == 1
    assert "no journal" in result.stderr
    assert not (tmp_path / "nothing").exists()


def test_a_file_in_place_of_the_data_folder_is_explained(tmp_path):
    """--data-dir naming a file fails with a plain sentence and leaves the file alone."""
    in_the_way = tmp_path / "notes.txt"
    in_the_way.write_text("mine")
    result = cli("demo-data", "--data-dir", str(in_the_way), "--weeks", "1")
    assert result.returncode == 1
    assert "A file is in the way where a folder should be" in result.stderr
    assert "Traceback" not in result.stderr
    assert in_the_way.read_text() == "mine"


def test_demo_data_refuses_an_existing_journal(demo_dir):
    """demo-data never touches a folder that already holds a journal."""
    before = folder_hashes(demo_dir)
    result = cli("demo-data", "--data-dir", str(demo_dir), passphrase=SECRET)
    assert result.returncode == 1
    assert "already holds a journal" in result.stderr
    assert folder_hashes(demo_dir) == before


def test_demo_data_without_passphrase_is_unprotected_and_deterministic(tmp_path):
    """No variable: an unprotected journal; the same seed gives the same counts."""
    counts = []
    for name in ("a", "b"):
        folder = tmp_path / name
        assert cli("demo-data", "--data-dir", str(folder), "--seed", "9").returncode == 0
        report = json.loads(cli("check", "--data-dir", str(folder), "--json").stdout)
        assert report["protected"] is False
        counts.append(report["counts"])
    assert counts[0] == counts[1]


@pytest.mark.parametrize("weeks", ["0", "521", "many"])
def test_demo_data_weeks_out_of_range_is_bad_usage(tmp_path, weeks):
    """--weeks outside 1..520 is exit code 2."""
    result = cli("demo-data", "--data-dir", str(tmp_path / "j"), "--weeks", weeks)
    assert result.returncode == 2


def test_a_running_instance_blocks_headless_commands(demo_dir):
    """While the journal is open elsewhere, check says so and changes nothing."""
    before = folder_hashes(demo_dir)
    with InstanceLock(JournalFiles(demo_dir).lock):
        result = cli("check", "--data-dir", str(demo_dir), passphrase=SECRET)
    assert result.returncode == 1
    assert "already open" in result.stderr
    assert folder_hashes(demo_dir) == before


def test_data_dir_from_the_environment(demo_dir):
    """RECOVERY_DESKTOP_DATA_DIR is used when --data-dir is not given."""
    env = dict(
        os.environ, RECOVERY_DESKTOP_DATA_DIR=str(demo_dir), RECOVERY_DESKTOP_PASSPHRASE=SECRET
    )
    result = subprocess.run(
        [sys.executable, "-m", "recovery_desktop", "check", "--json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, result.stderr


def test_self_test_passes():
    """The bundle's --self-test also works from source."""
    result = cli("--self-test")
    assert result.returncode == 0, result.stderr
    assert "self-test passed" in result.stdout


def _last_week():
    from datetime import date

    from recovery_desktop.domain.periods import last_full_week

    return last_full_week(date.today())


def test_report_for_a_week_writes_the_pdf_and_html(demo_dir, tmp_path):
    """report --week writes a PDF with the week in it, and a self-contained HTML file."""
    from tests.pdf_text import pdf_pages, pdf_text

    week = _last_week()
    out, html = tmp_path / "week.pdf", tmp_path / "week.html"
    result = cli(
        "report",
        "--data-dir",
        str(demo_dir),
        "--week",
        week.key,
        "--out",
        str(out),
        "--html",
        str(html),
        passphrase=SECRET,
    )
    assert result.returncode == 0, result.stderr
    assert week.label in pdf_text(out)
    assert 1 <= pdf_pages(out) <= 2
    page = html.read_text(encoding="utf-8")
    assert week.label in page and "data:image/png;base64," in page


def test_report_for_a_date_range(demo_dir, tmp_path):
    """--from and --to give a summary of exactly those days."""
    from tests.pdf_text import pdf_text

    week = _last_week()
    out = tmp_path / "range.pdf"
    result = cli(
        "report",
        "--data-dir",
        str(demo_dir),
        "--from",
        week.start.isoformat(),
        "--to",
        week.end.isoformat(),
        "--out",
        str(out),
        "--page-size",
        "Letter",
        passphrase=SECRET,
    )
    assert result.returncode == 0, result.stderr
    text = pdf_text(out)
    assert "Summary" in text and "Days checked in:" in text


@pytest.mark.parametrize(
    "args",
    [
        ["--week", "2026-W99"],
        ["--week", "next week"],
        ["--from", "2026-11-01"],
        ["--from", "2026-11-10", "--to", "2026-11-01"],
        ["--week", "2026-W47", "--to", "2026-11-30"],
    ],
    ids=["no-such-week", "not-a-week", "from-without-to", "backwards", "week-with-to"],
)
def test_report_bad_periods_are_bad_usage(demo_dir, tmp_path, args):
    """A period that cannot be understood is exit code 2, and no file is written."""
    out = tmp_path / "x.pdf"
    result = cli("report", "--data-dir", str(demo_dir), *args, "--out", str(out), passphrase=SECRET)
    assert result.returncode == 2
    assert not out.exists()


def test_report_into_a_missing_folder_fails_calmly(demo_dir, tmp_path):
    """An output folder that does not exist is exit code 1 with a message."""
    out = tmp_path / "no" / "such" / "folder" / "week.pdf"
    result = cli(
        "report",
        "--data-dir",
        str(demo_dir),
        "--week",
        _last_week().key,
        "--out",
        str(out),
        passphrase=SECRET,
    )
    assert result.returncode == 1
    assert "could not be written" in result.stderr


# A command that holds the journal until told to stop: the CLI's own locking and opening.
HOLDING_COMMAND = """
import sys
from pathlib import Path
from recovery_desktop.cli import with_journal
from recovery_desktop.data.journal import JournalFiles

def hold(journal):
    print("holding", flush=True)
    sys.stdin.readline()
    return 0

sys.exit(with_journal(JournalFiles(Path(sys.argv[1])), hold))
"""


def test_a_running_command_is_named_as_a_command(demo_dir):
    """While another command has the journal, a second one is told a command (not a
    window) has it; once the first has finished, the lock file holds no name any more."""
    env = dict(os.environ, RECOVERY_DESKTOP_PASSPHRASE=SECRET)
    first = subprocess.Popen(
        [sys.executable, "-c", HOLDING_COMMAND, str(demo_dir)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert first.stdout.readline() == "holding\n"
        result = cli("check", "--data-dir", str(demo_dir), passphrase=SECRET)
    finally:
        first.communicate("\n", timeout=60)
    assert result.returncode == 1
    assert "being used by another Recovery Desktop command" in result.stderr
    assert "window" not in result.stderr
    assert first.returncode == 0
    assert JournalFiles(demo_dir).lock.read_bytes() == b""
