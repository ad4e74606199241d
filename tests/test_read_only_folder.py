"""A journal folder on a read-only disk (or without write permission) is refused calmly
by the command line: a plain message, exit 1, nothing changed, never a traceback."""

from recovery_desktop.data.journal import create_journal
from tests.conftest import folder_hashes
from tests.read_only import read_only
from tests.test_cli import cli


def test_check_on_a_read_only_folder_says_so(files):
    """``check`` says the folder is read-only (or not writable) and exits 1."""
    create_journal(files, None).close()
    before = folder_hashes(files.folder)
    with read_only(files.folder):
        result = cli("check", "--data-dir", str(files.folder))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith(
        "The journal's folder cannot be written to (a read-only disk, or no permission), "
        "so the journal cannot be opened. Nothing in it was changed."
    )
    assert folder_hashes(files.folder) == before
