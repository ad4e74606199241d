"""A journal saved by a newer Recovery Desktop is refused, and nothing is written: not the
migration table, not a backup before an upgrade, not the WAL, not keys.json, not the plain
copy of the crisis lines."""

import json

import pytest

from recovery_desktop.data import schema_upgrade
from recovery_desktop.data.errors import JournalTooNew
from recovery_desktop.data.journal import (
    open_unprotected,
    open_with_passphrase,
    open_with_recovery_key,
)
from tests.conftest import PASSPHRASE, folder_hashes
from tests.newer_journal import make_newer_journal
from tests.test_cli import cli

MESSAGE = "This journal was saved by a newer version of Recovery Desktop; please update"


def test_opening_with_the_passphrase_is_refused_and_writes_nothing(files):
    """The passphrase is right, but the journal is not opened; every file is as it was."""
    make_newer_journal(files, PASSPHRASE)
    before = folder_hashes(files.folder)
    with pytest.raises(JournalTooNew, match=MESSAGE):
        open_with_passphrase(files, PASSPHRASE)
    assert folder_hashes(files.folder) == before
    assert not files.backups.exists()


def test_opening_with_the_recovery_key_is_refused_before_the_new_passphrase(files):
    """The recovery key would set a new passphrase in keys.json: refused first."""
    key = make_newer_journal(files, PASSPHRASE)
    before = folder_hashes(files.folder)
    with pytest.raises(JournalTooNew, match=MESSAGE):
        open_with_recovery_key(files, key, "a brand new passphrase")
    assert folder_hashes(files.folder) == before


def test_opening_a_journal_without_a_passphrase_is_refused(files):
    """No passphrase: refused the same way, nothing written."""
    make_newer_journal(files, None)
    before = folder_hashes(files.folder)
    with pytest.raises(JournalTooNew, match=MESSAGE):
        open_unprotected(files)
    assert folder_hashes(files.folder) == before


def test_this_versions_own_journal_still_opens(journal):
    """Nothing unknown: no refusal."""
    assert schema_upgrade.unknown(journal.db) == []
    schema_upgrade.refuse_newer(journal.db)


def test_a_newer_key_file_format_is_refused(files):
    """keys.json in a format this version does not know (format 2) is a newer journal,
    not a damaged one."""
    make_newer_journal(files, None)
    document = json.loads(files.keys.read_text())
    document["format"] = 2
    files.keys.write_text(json.dumps(document))
    before = folder_hashes(files.folder)
    with pytest.raises(JournalTooNew, match=MESSAGE):
        open_unprotected(files)
    assert folder_hashes(files.folder) == before


@pytest.mark.parametrize(
    "command",
    [["check"], ["check", "--json"], ["report", "--week", "2026-W47", "--out", "OUT"]],
    ids=["check", "check-json", "report"],
)
@pytest.mark.parametrize("passphrase", [PASSPHRASE, None], ids=["protected", "unprotected"])
def test_every_command_refuses_with_exit_code_1_and_writes_nothing(
    files, tmp_path, command, passphrase
):
    """check (never "ok") and report: exit code 1, the one sentence, no file changed."""
    make_newer_journal(files, passphrase)
    before = folder_hashes(files.folder)
    out = tmp_path / "week.pdf"
    args = [str(out) if arg == "OUT" else arg for arg in command]
    result = cli(args[0], "--data-dir", str(files.folder), *args[1:], passphrase=passphrase)
    assert result.returncode == 1, result.stderr
    assert MESSAGE in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
    assert not out.exists()
    after = folder_hashes(files.folder)
    after.pop("journal.lock", None)  # the instance lock file may be made; nothing else
    assert after == before
