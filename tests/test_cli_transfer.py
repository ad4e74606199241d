"""`export` and `import` (DESIGN.md §5), run as a user runs them."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys

import pytest

from tests.conftest import folder_hashes
from tests.test_cli import SECRET, cli


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory):
    """A protected three-week demo journal made through the CLI."""
    folder = tmp_path_factory.mktemp("transfer") / "journal"
    made = cli("demo-data", "--data-dir", str(folder), "--weeks", "3", passphrase=SECRET)
    assert made.returncode == 0, made.stderr
    return folder


def check_json(folder, passphrase=SECRET):
    result = cli("check", "--data-dir", str(folder), "--json", passphrase=passphrase)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def exported(demo_dir, tmp_path_factory):
    out = tmp_path_factory.mktemp("out") / "everything.json"
    result = cli("export", "--data-dir", str(demo_dir), "--out", str(out), passphrase=SECRET)
    assert result.returncode == 0, result.stderr
    return out, result


def test_export_writes_one_private_json_file_and_says_it_is_not_encrypted(exported, demo_dir):
    out, result = exported
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    document = json.loads(out.read_text(encoding="utf-8"))
    assert (document["format"], document["version"]) == ("recovery-desktop-export", 5)
    counts = check_json(demo_dir)["counts"]
    assert len(document["records"]["checkins"]) == counts["checkins"]
    assert str(out) in result.stderr and "NOT encrypted" in result.stderr


def test_export_as_csv_files(demo_dir, tmp_path):
    folder = tmp_path / "spreadsheets"
    result = cli("export", "--data-dir", str(demo_dir), "--csv", str(folder), passphrase=SECRET)
    assert result.returncode == 0, result.stderr
    assert "NOT encrypted" in result.stderr
    header = (folder / "checkins.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert header.startswith("day,mood,craving_peak,")
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in folder.iterdir())


@pytest.mark.parametrize(
    "args",
    [
        (),
        ("--out", "a.json", "--csv", "folder"),
    ],
)
def test_export_needs_exactly_one_place(demo_dir, args):
    result = cli("export", "--data-dir", str(demo_dir), *args, passphrase=SECRET)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_export_refuses_the_journals_own_folder(demo_dir):
    before = folder_hashes(demo_dir)
    out = demo_dir / "backups" / "export.json"
    result = cli("export", "--data-dir", str(demo_dir), "--out", str(out), passphrase=SECRET)
    assert result.returncode == 2
    assert "Nothing was saved" in result.stderr
    assert folder_hashes(demo_dir) == before


def test_import_into_a_new_folder_makes_a_protected_journal_that_exports_the_same(
    exported, demo_dir, tmp_path
):
    out, _ = exported
    new = tmp_path / "new"
    result = cli("import", "--data-dir", str(new), str(out), passphrase="another passphrase")
    assert result.returncode == 0, result.stderr
    assert "Added:" in result.stderr and "check-ins" in result.stderr
    assert check_json(new, "another passphrase")["counts"] == check_json(demo_dir)["counts"]
    again = tmp_path / "again.json"
    cli("export", "--data-dir", str(new), "--out", str(again), passphrase="another passphrase")
    first, second = (json.loads(p.read_text(encoding="utf-8")) for p in (out, again))
    first.pop("exported_at")
    second.pop("exported_at")
    assert first == second
    twice = cli("import", "--data-dir", str(new), str(out), passphrase="another passphrase")
    assert twice.returncode == 0, twice.stderr
    assert "Added: nothing." in twice.stderr and "Skipped, already in the journal" in twice.stderr
    assert check_json(new, "another passphrase")["counts"] == check_json(demo_dir)["counts"]


def test_a_rejected_import_changes_nothing_and_names_the_problem(exported, demo_dir, tmp_path):
    out, _ = exported
    document = json.loads(out.read_text(encoding="utf-8"))
    document["records"]["checkins"][3]["mood"] = 12
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(document), encoding="utf-8")
    counts = check_json(demo_dir)
    before = folder_hashes(demo_dir)
    result = cli("import", "--data-dir", str(demo_dir), str(bad), passphrase=SECRET)
    assert result.returncode == 1
    assert result.stderr.startswith(
        "records.checkins[3].mood: must be a whole number from 0 to 10. Nothing was imported"
    )
    assert folder_hashes(demo_dir) == before
    assert check_json(demo_dir) == counts
    nowhere = tmp_path / "nowhere"
    result = cli("import", "--data-dir", str(nowhere), str(bad), passphrase=SECRET)
    assert result.returncode == 1 and not nowhere.exists()


def test_import_needs_a_file(demo_dir):
    result = cli("import", "--data-dir", str(demo_dir), passphrase=SECRET)
    assert result.returncode == 2 and "Traceback" not in result.stderr


FULL_DISK_EXPORT = """
import resource, signal, sys
from recovery_desktop.data import export
from recovery_desktop.cli import main

def records_then_a_full_disk(db, read=export.export_records):
    records = read(db)  # the journal is opened and read before the "disk" fills
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (5000, resource.RLIM_INFINITY))
    return records

export.export_records = records_then_a_full_disk
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")
@pytest.mark.parametrize("existing", [False, True])
def test_a_csv_export_that_fails_partway_leaves_no_csv_file(demo_dir, tmp_path, existing):
    """A "disk" that takes the small CSV files but not cravings.csv (a file size limit,
    as a full disk): no CSV file of this export is left anywhere (they are not encrypted
    and hold notes), no temporary folder either, and the message says so truthfully."""
    folder = tmp_path / "spreadsheets"
    if existing:
        folder.mkdir()
        (folder / "mine.txt").write_text("kept")
    env = {k: v for k, v in os.environ.items() if not k.startswith("RECOVERY_DESKTOP_")}
    env["RECOVERY_DESKTOP_PASSPHRASE"] = SECRET
    args = ["export", "--data-dir", str(demo_dir), "--csv", str(folder)]
    result = subprocess.run(
        [sys.executable, "-c", FULL_DISK_EXPORT, *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert result.returncode == 1, result.stderr
    assert result.stderr.startswith("Nothing was exported. ")
    assert "too big for this disk" in result.stderr
    assert "Traceback" not in result.stderr
    left = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*"))
    assert left == (["spreadsheets", "spreadsheets/mine.txt"] if existing else [])
