"""A kill during first-run creation never locks the user out, and journals half-created by
older versions get a fresh start with their files set aside, never deleted (issue 10)."""

from __future__ import annotations

import json
import random
import time

import pytest

from recovery_desktop import cli
from recovery_desktop.data import creation
from recovery_desktop.data.backup_place import choose_folder
from recovery_desktop.data.journal import create_journal, open_unprotected
from tests import children

KILLS = 30
# Creating an unprotected journal takes 0.1-0.2 s here: kills land before, inside and after.
LONGEST_WAIT_S = 0.25


def _kill_during_creation(folder, wait: float) -> None:
    child = children.start(children.CREATE, folder)
    children.go(child)
    time.sleep(wait)  # the random moment of the kill, not a wait for something to happen
    children.kill(child)


def test_a_kill_at_any_moment_of_creation_leaves_no_journal_or_a_whole_one(tmp_path, capsys):
    """30 SIGKILLs at random moments: each time `check` either finds a sound journal or
    finds none, and then a new journal can be made there. Never "damaged"."""
    rng = random.Random(10)
    outcomes = {"whole": 0, "none": 0}
    for n in range(KILLS):
        folder = tmp_path / f"journal-{n}"
        _kill_during_creation(folder, rng.uniform(0, LONGEST_WAIT_S))
        code = cli.main(["check", "--data-dir", str(folder), "--json"])
        captured = capsys.readouterr()
        if code == 0:
            assert json.loads(captured.out)["integrity"] == "ok"
            outcomes["whole"] += 1
            continue
        assert "There is no journal" in captured.err, f"kill {n}: {captured.err}"
        assert not [p for p in folder.glob(".creating-*")], "the temporary folder is cleaned"
        assert cli.main(["demo-data", "--data-dir", str(folder), "--weeks", "1"]) == 0
        outcomes["none"] += 1
    assert sum(outcomes.values()) == KILLS


def test_a_creation_killed_between_its_two_renames_is_finished(files):
    """journal.db is in place, keys.json still in the temporary folder: the next start
    moves it in and the journal opens."""
    create_journal(files, None).close()
    building = files.folder / ".creating-test"
    building.mkdir()
    files.keys.rename(building / "keys.json")
    assert creation.interrupted(files)
    creation.finish_interrupted(files)
    assert not building.exists()
    open_unprotected(files).close()


@pytest.mark.parametrize("left", ["journal.db", "keys.json"])
def test_demo_data_sets_a_half_created_journal_aside_and_starts_fresh(files, capsys, left):
    """An older version killed mid-creation left one of the two files and no backups:
    demo-data moves it into a set-aside folder, byte for byte, and creates the journal."""
    create_journal(files, None).close()
    other = files.keys if left == "journal.db" else files.database
    other.unlink()
    kept_bytes = (files.folder / left).read_bytes()
    assert cli.main(["demo-data", "--data-dir", str(files.folder), "--weeks", "1"]) == 0
    assert "moved to" in capsys.readouterr().err
    [aside] = files.folder.glob("set-aside-*")
    assert (aside / left).read_bytes() == kept_bytes
    open_unprotected(files).close()


def test_a_half_journal_with_backups_is_not_set_aside(journal, files, capsys):
    """With backups there is something to restore: demo-data refuses as for any journal."""
    journal.backup()
    journal.close()
    files.keys.unlink()
    assert cli.main(["demo-data", "--data-dir", str(files.folder), "--weeks", "1"]) == 1
    assert "already holds a journal" in capsys.readouterr().err
    assert not list(files.folder.glob("set-aside-*"))


def test_a_journal_with_backups_only_in_the_usual_folder_is_no_orphan(
    plain_journal, files, tmp_path
):
    """Another backup folder was chosen later (its drive now missing): keys.json lost, the
    backup in ``<journal>/backups`` can still bring the journal back, so it is not set
    aside as half-created."""
    plain_journal.backup("manual")
    stick = tmp_path / "stick"
    stick.mkdir()
    choose_folder(files.folder, stick)
    plain_journal.close()
    stick.rmdir()
    files.keys.unlink()
    assert not creation.is_orphan(files)
