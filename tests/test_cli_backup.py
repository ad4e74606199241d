"""``recovery-desktop backup --data-dir DIR``: a checked backup now, and where it went."""

from pathlib import Path

from recovery_desktop.data.backup_files import list_backups
from recovery_desktop.data.backup_place import choose_folder
from recovery_desktop.data.journal import JournalFiles
from tests.conftest import folder_hashes
from tests.test_cli import SECRET, cli
from tests.test_cli import demo_dir as demo_dir  # the shared demo journal fixture


def test_backup_prints_where_and_exits_0(demo_dir):
    """The path printed is a listed backup with its key copy; stderr says where."""
    result = cli("backup", "--data-dir", str(demo_dir), passphrase=SECRET)
    assert result.returncode == 0, result.stderr
    made = Path(result.stdout.strip())
    listed = list_backups(JournalFiles(demo_dir).backups)
    assert listed[-1].path == made
    assert listed[-1].keys_path.exists()
    # The file itself, not only its folder, also when only stderr is read.
    assert f"Backed up the journal to {made} (1 backup kept in {made.parent})." in result.stderr


def test_wrong_passphrase_exits_2_and_makes_no_backup(demo_dir):
    before = folder_hashes(demo_dir)
    result = cli("backup", "--data-dir", str(demo_dir), passphrase="not it")
    assert result.returncode == 2
    assert "didn't open" in result.stderr
    assert folder_hashes(demo_dir) == before


def test_a_missing_backup_drive_exits_1_calmly(demo_dir, tmp_path):
    """The chosen folder is gone: one calm sentence naming it, exit 1, nothing created."""
    stick = tmp_path / "stick"
    stick.mkdir()
    choose_folder(demo_dir, stick)
    stick.rmdir()
    try:
        result = cli("backup", "--data-dir", str(demo_dir), passphrase=SECRET)
    finally:
        choose_folder(demo_dir, None)
    assert result.returncode == 1
    assert "is not there (is the drive plugged in?)" in result.stderr
    assert "Traceback" not in result.stderr
    assert not stick.exists()


def test_no_journal_exits_1(tmp_path):
    result = cli("backup", "--data-dir", str(tmp_path / "none"))
    assert result.returncode == 1
    assert "There is no journal" in result.stderr
