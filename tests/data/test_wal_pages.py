"""Which pages SQLite reads from a write-ahead log (``wal_check.committed_pages``): only
those of whole transactions, up to the first frame it cannot read. The damage check skips
journal.db's stale copy of exactly these pages, so a page outside them is always checked."""

import struct

from recovery_desktop.data.wal_check import checksum, committed_pages

PAGE = 512
SALTS = (0x1234, 0x5678)


def log(frames, broken=None):
    """A log of ``frames`` ((page number, commit size) each); frame number ``broken``
    gets a wrong checksum."""
    head = struct.pack(">6I", 0x377F0682, 3007000, PAGE, 0, *SALTS)
    running = checksum(head, big_endian=False)
    data = head + struct.pack(">2I", *running)
    for n, (page, commit) in enumerate(frames):
        body = bytes([n + 1]) * PAGE
        start = struct.pack(">2I", page, commit)
        running = checksum(body, False, checksum(start, False, running))
        sums = (running[0] ^ 1, running[1]) if n == broken else running
        data += start + struct.pack(">4I", *SALTS, *sums) + body
    return data


def pages_of(tmp_path, data):
    path = tmp_path / "journal.db-wal"
    path.write_bytes(data)
    return committed_pages(path)


def test_pages_of_committed_transactions_only(tmp_path):
    frames = [(2, 0), (3, 5), (4, 0), (5, 6), (7, 0)]  # the last one is not committed
    assert pages_of(tmp_path, log(frames)) == {2, 3, 4, 5}


def test_nothing_after_a_frame_sqlite_cannot_read(tmp_path):
    frames = [(2, 0), (3, 5), (4, 0), (5, 6)]
    assert pages_of(tmp_path, log(frames, broken=2)) == {2, 3}
    assert pages_of(tmp_path, log(frames, broken=0)) == set()


def test_an_empty_or_headless_log_replaces_no_page(tmp_path):
    assert pages_of(tmp_path, b"") == set()
    assert pages_of(tmp_path, b"\0" * 32 + log([(2, 3)])[32:]) == set()
