"""A hostile keys.json (wrong lengths, deep nesting, a FIFO, ruinous KDF costs) gets the calm
"damaged" message at once: never a traceback, a hang or minutes of work."""

import base64
import copy
import json
import os
import subprocess
import sys

import pytest

from recovery_desktop.data.errors import JournalDamaged
from recovery_desktop.data.journal import open_unprotected, open_with_passphrase
from recovery_desktop.data.vault import Vault
from tests.conftest import PASSPHRASE


def b64(length):
    return base64.b64encode(b"\1" * length).decode()


def tampered(files, change):
    """keys.json with ``change(document)`` applied."""
    document = json.loads(files.keys.read_text())
    change(document)
    files.keys.write_text(json.dumps(document))


def passphrase_slot(document):
    return next(s for s in document["slots"] if s["kind"] == "passphrase")


HOSTILE_SLOTS = {
    "short nonce": lambda d: passphrase_slot(d).update(nonce=b64(8)),
    "long nonce": lambda d: passphrase_slot(d).update(nonce=b64(16)),
    "short wrapped key": lambda d: passphrase_slot(d).update(wrapped_key=b64(40)),
    "nonce not text": lambda d: passphrase_slot(d).update(nonce=12),
    "short salt": lambda d: passphrase_slot(d)["kdf"].update(salt=b64(4)),
    "memory as text": lambda d: passphrase_slot(d)["kdf"].update(memory_kib="65536"),
    "passes as bool": lambda d: passphrase_slot(d)["kdf"].update(iterations=True),
    "lanes as float": lambda d: passphrase_slot(d)["kdf"].update(lanes=4.0),
    "4 GiB of memory": lambda d: passphrase_slot(d)["kdf"].update(memory_kib=4 * 1024 * 1024),
    "64 passes": lambda d: passphrase_slot(d)["kdf"].update(iterations=64),
    "64 lanes": lambda d: passphrase_slot(d)["kdf"].update(lanes=64),
    "kdf missing": lambda d: passphrase_slot(d).pop("kdf"),
    "slot not an object": lambda d: d["slots"].append(["plain"]),
    "unknown kind": lambda d: d["slots"].append({"kind": "fingerprint"}),
    "two passphrase slots": lambda d: d["slots"].append(copy.deepcopy(passphrase_slot(d))),
    "plain key too short": lambda d: d["slots"].append({"kind": "plain", "key": b64(16)}),
    "huge base64": lambda d: passphrase_slot(d).update(nonce="A" * 60_000),
}


@pytest.mark.parametrize("change", HOSTILE_SLOTS.values(), ids=HOSTILE_SLOTS.keys())
def test_every_field_is_checked_before_use(journal, files, change):
    """A field of the wrong type, length or size, or costs beyond the limits: damaged,
    checked before any key derivation runs, and the file is left as it is."""
    journal.close()
    tampered(files, change)
    before = files.keys.read_bytes()
    with pytest.raises(JournalDamaged, match=r"keys\.json"):
        open_with_passphrase(files, PASSPHRASE)
    assert files.keys.read_bytes() == before


def test_the_stated_limits_are_the_edges():
    """1 GiB, 10 passes and 16 lanes are allowed (a slot may be made stronger later); one
    more of any is not."""
    from recovery_desktop.data.vault import Argon2Params

    assert Argon2Params(1024 * 1024, 10, 16).is_sane()
    assert Argon2Params(8 * 1024, 1, 1).is_sane()
    for beyond in [(1024 * 1024 + 1, 10, 16), (1024 * 1024, 11, 16), (1024 * 1024, 10, 17)]:
        assert not Argon2Params(*beyond).is_sane()


@pytest.mark.parametrize("depth", [100_000, 30_000])
def test_deeply_nested_brackets_are_damaged_not_a_crash(journal, files, depth):
    """100,000 nested brackets (too big) and 30,000 (small enough to parse, too deep for
    Python's parser) both give the damaged message."""
    journal.close()
    files.keys.write_text("[" * depth + "]" * depth)
    with pytest.raises(JournalDamaged, match=r"keys\.json"):
        open_with_passphrase(files, PASSPHRASE)


def test_a_key_file_larger_than_the_limit_is_refused_unread(plain_journal, files):
    """A key file padded past 64 KiB with spaces is refused even though it parses."""
    plain_journal.close()
    files.keys.write_text(files.keys.read_text() + " " * 70_000)
    with pytest.raises(JournalDamaged, match=r"keys\.json"):
        open_unprotected(files)


def test_a_folder_in_place_of_the_key_file_is_damaged(plain_journal, files):
    plain_journal.close()
    files.keys.unlink()
    files.keys.mkdir()
    with pytest.raises(JournalDamaged, match=r"keys\.json"):
        open_unprotected(files)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are a POSIX thing")
def test_a_fifo_in_place_of_the_key_file_does_not_hang(plain_journal, files):
    """A FIFO nobody writes to: opening answers "damaged" at once instead of waiting for
    ever. The open runs in a child process so a hang fails the test instead of the run."""
    plain_journal.close()
    files.keys.unlink()
    os.mkfifo(files.keys)
    script = (
        "import sys\n"
        "from recovery_desktop.data.errors import JournalDamaged\n"
        "from recovery_desktop.data.journal import JournalFiles, open_unprotected\n"
        "try:\n"
        "    open_unprotected(JournalFiles(__import__('pathlib').Path(sys.argv[1])))\n"
        "except JournalDamaged as error:\n"
        "    print(error)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(files.folder)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "keys.json" in done.stdout, done.stderr
    assert done.returncode == 0


def test_a_backup_key_copy_is_read_with_the_same_care(plain_journal, files):
    """The copies beside backups are read with the same checks."""
    plain_journal.backup("manual")
    plain_journal.close()
    [copy_path] = files.backups.glob("keys-*.json")
    copy_path.write_text("[" * 30_000 + "]" * 30_000)
    with pytest.raises(JournalDamaged):
        Vault.load(copy_path)
