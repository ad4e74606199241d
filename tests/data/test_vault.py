"""Key slots: passphrases of every shape, the recovery key, changes and upgrades."""

import json
import subprocess
import sys
import unicodedata
from dataclasses import asdict
from datetime import date
from pathlib import Path

import pytest

from recovery_desktop.data import vault
from recovery_desktop.data.errors import JournalDamaged, WrongPassphrase, WrongRecoveryKey
from recovery_desktop.data.journal import (
    JournalFiles,
    create_journal,
    new_recovery_key,
    open_unprotected,
    open_with_passphrase,
    open_with_recovery_key,
)
from recovery_desktop.domain.checkin import CheckIn
from tests.argon2_for_tests import TEST_ONLY_ARGON2
from tests.conftest import PASSPHRASE, folder_hashes

NFC = unicodedata.normalize("NFC", "Zoë's café")
NFD = unicodedata.normalize("NFD", "Zoë's café")

ODD_PASSPHRASES = [
    pytest.param("it's \"quoted\" ''; DROP TABLE checkins; --", id="quotes"),
    pytest.param("back\\slash\\\\ and x'00'", id="backslashes"),
    pytest.param("🌅 new day 🌱💪🏽", id="emoji"),
    pytest.param("x", id="one-character"),
    pytest.param("ab¢€😀" * 200, id="thousand-characters"),
    pytest.param(NFC, id="nfc"),
]


@pytest.mark.parametrize("passphrase", ODD_PASSPHRASES)
def test_any_passphrase_round_trips(files, passphrase):
    """Quotes, backslashes, emoji, 1 and 1,000 characters all create and unlock a journal."""
    if len(passphrase) > 100:
        assert len(passphrase) == 1000
    journal = create_journal(files, passphrase)
    journal.checkins.save(CheckIn(date(2026, 1, 2), mood=4))
    journal.close()
    reopened = open_with_passphrase(files, passphrase)
    assert reopened.checkins.count() == 1
    reopened.close()


def test_nfd_typing_unlocks_a_journal_made_with_nfc(files):
    """The same words with decomposed accents open the journal."""
    create_journal(files, NFC).close()
    open_with_passphrase(files, NFD).close()


@pytest.mark.parametrize(
    "wrong", ["", "correct horse battery stapl", "CORRECT HORSE BATTERY STAPLE"]
)
def test_wrong_passphrase_is_refused_and_nothing_on_disk_changes(journal, files, wrong):
    """A refused unlock leaves every file byte-for-byte as it was."""
    journal.close()
    before = folder_hashes(files.folder)
    with pytest.raises(WrongPassphrase):
        open_with_passphrase(files, wrong)
    assert folder_hashes(files.folder) == before


def test_the_passphrase_never_appears_in_keys_json(journal, files):
    """keys.json holds wrapped keys and salts, not the passphrase."""
    text = files.keys.read_text()
    assert PASSPHRASE not in text
    assert {slot["kind"] for slot in json.loads(text)["slots"]} == {"passphrase", "recovery"}


def test_recovery_key_unlocks_and_sets_a_new_passphrase(files):
    """Forgot the passphrase: the recovery key sets a new one; the old one stops working."""
    key = new_recovery_key()
    create_journal(files, PASSPHRASE, key).close()
    typed = key.lower().replace("-", " ")
    open_with_recovery_key(files, typed, "a brand new passphrase").close()
    open_with_passphrase(files, "a brand new passphrase").close()
    with pytest.raises(WrongPassphrase):
        open_with_passphrase(files, PASSPHRASE)
    open_with_recovery_key(files, key, "and another one again").close()


def test_wrong_recovery_key_changes_nothing(journal, files):
    """A mistyped or foreign recovery key is refused and no file changes."""
    journal.close()
    before = folder_hashes(files.folder)
    with pytest.raises(WrongRecoveryKey):
        open_with_recovery_key(files, new_recovery_key(), "whatever passphrase")
    with pytest.raises(WrongRecoveryKey, match="groups"):
        open_with_recovery_key(files, "ABCD-EFGH", "whatever passphrase")
    assert folder_hashes(files.folder) == before


def test_change_passphrase_needs_the_old_one(journal, files):
    """The old passphrase is checked; afterwards only the new one opens the journal."""
    keys_before = files.keys.read_bytes()
    with pytest.raises(WrongPassphrase):
        journal.change_passphrase("not it", "new passphrase here")
    assert files.keys.read_bytes() == keys_before
    journal.change_passphrase(PASSPHRASE, "new passphrase here")
    journal.close()
    open_with_passphrase(files, "new passphrase here").close()
    with pytest.raises(WrongPassphrase):
        open_with_passphrase(files, PASSPHRASE)


def test_unprotected_journal_can_be_given_a_passphrase(plain_journal, files):
    """No passphrase at first, then one added: the plain key is gone from keys.json."""
    assert not plain_journal.is_protected
    key = new_recovery_key()
    plain_journal.add_passphrase("now it is protected", key)
    plain_journal.close()
    slots = json.loads(files.keys.read_text())["slots"]
    assert {slot["kind"] for slot in slots} == {"passphrase", "recovery"}
    with pytest.raises(WrongPassphrase):
        open_unprotected(files)
    open_with_passphrase(files, "now it is protected").close()
    open_with_recovery_key(files, key, "after forgetting it").close()


def test_new_recovery_key_replaces_the_old_one(journal, files):
    """After replacing the key, the old one no longer works."""
    old = new_recovery_key()
    journal.replace_recovery_key(old)
    new = new_recovery_key()
    journal.replace_recovery_key(new)
    journal.close()
    with pytest.raises(WrongRecoveryKey):
        open_with_recovery_key(files, old, "whatever passphrase")
    open_with_recovery_key(files, new, "whatever passphrase").close()


@pytest.mark.parametrize("content", [b"", b"{not json", b'{"format": 0, "slots": []}', b"\xff\xfe"])
def test_damaged_keys_file_gives_a_clear_message_and_is_left_alone(journal, files, content):
    """A damaged keys.json is reported as damaged and never overwritten."""
    journal.close()
    files.keys.write_bytes(content)
    with pytest.raises(JournalDamaged, match=r"keys\.json"):
        open_with_passphrase(files, PASSPHRASE)
    assert files.keys.read_bytes() == content


# A process without the tests' hook: it creates a journal with a passphrase, then opens one
# made by the tests and counts its check-ins.
_OUTSIDE_THE_TESTS = """
import sys
from pathlib import Path
from recovery_desktop.data.fsutil import set_private_umask
from recovery_desktop.data.journal import JournalFiles, create_journal, open_with_passphrase
set_private_umask()
made, ours, passphrase = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
create_journal(JournalFiles(made), passphrase).close()
journal = open_with_passphrase(JournalFiles(ours), passphrase)
print(journal.checkins.count())
journal.close()
"""


def _argon2_costs(keys: Path) -> dict[str, int]:
    [kdf] = [s["kdf"] for s in json.loads(keys.read_text())["slots"] if s["kind"] == "passphrase"]
    return {name: kdf[name] for name in ("memory_kib", "iterations", "lanes")}


def test_the_app_derives_passphrase_keys_with_the_real_argon2_costs(journal, files, tmp_path):
    """The tests' cheap Argon2id costs (TEST_ONLY_ARGON2) never reach the app: a journal
    made by a process without the tests' hook records DESIGN's costs (64 MiB, 3 passes,
    4 lanes), and a journal made here unlocks there, as keys.json records each slot's
    costs. No module but vault.py even names the costs of new slots."""
    assert _argon2_costs(files.keys) == asdict(TEST_ONLY_ARGON2)
    journal.checkins.save(CheckIn(date(2026, 1, 2), mood=4))
    journal.close()
    made = JournalFiles(tmp_path / "made outside")
    child = subprocess.run(
        [sys.executable, "-c", _OUTSIDE_THE_TESTS, str(made.folder), str(files.folder), PASSPHRASE],
        capture_output=True,
        text=True,
        check=True,
    )
    assert child.stdout == "1\n"
    assert _argon2_costs(made.keys) == {"memory_kib": 64 * 1024, "iterations": 3, "lanes": 4}
    package = Path(vault.__file__).parent.parent
    mentions = [p for p in package.rglob("*.py") if "new_slot_argon2" in p.read_text("utf-8")]
    assert [path.relative_to(package).as_posix() for path in mentions] == ["data/vault.py"]
