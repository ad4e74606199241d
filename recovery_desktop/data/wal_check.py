"""Reading a write-ahead log (``journal.db-wal``) the way SQLite does, without SQLite.

SQLite replays a WAL frame by frame and stops, silently, at the first frame whose salts or
cumulative checksum do not match (https://www.sqlite.org/fileformat2.html#walformat). A
torn last write after a crash ends the log that way by design; but one damaged byte in the
middle of the log ends it there too, and every transaction committed after it is dropped
without a word. This module finds that case before SQLite is allowed to open the journal.

SQLCipher encrypts the page inside each frame; the 32-byte header and the 24-byte frame
headers (page number, commit size, salts, checksums) are written by SQLite as usual.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

HEADER_BYTES = 32
FRAME_HEADER_BYTES = 24
_MAGIC_LITTLE, _MAGIC_BIG = 0x377F0682, 0x377F0683
_MASK = 0xFFFFFFFF
# Reading more than this is refused (SQLite's own WALs stay far below it).
MAX_WAL_BYTES = 1 << 30


@dataclass(frozen=True)
class WalReport:
    """What a WAL holds. ``frames``: frames with the log's current salts that SQLite
    would read; ``lost_frames``: frames with the current salts after the first bad one
    (SQLite would skip them; ``lost_commits`` of them end a transaction)."""

    frames: int
    lost_frames: int
    lost_commits: int
    header_ok: bool

    @property
    def loses_data(self) -> bool:
        """True when opening the journal would silently drop committed transactions."""
        return self.lost_commits > 0 or (not self.header_ok and self.lost_frames > 0)


EMPTY = WalReport(frames=0, lost_frames=0, lost_commits=0, header_ok=True)


def checksum(data: bytes, big_endian: bool, seed: tuple[int, int] = (0, 0)) -> tuple[int, int]:
    """SQLite's WAL checksum of ``data`` (a multiple of 8 bytes), continuing from ``seed``."""
    s0, s1 = seed
    words = struct.iter_unpack(">II" if big_endian else "<II", data)
    for x0, x1 in words:
        s0 = (s0 + x0 + s1) & _MASK
        s1 = (s1 + x1 + s0) & _MASK
    return s0, s1


def check_wal(path: Path) -> WalReport:
    """Read the WAL at ``path`` (missing or empty: :data:`EMPTY`).

    Raises ``OSError`` when it cannot be read."""
    with path.open("rb") as handle:
        data = handle.read(MAX_WAL_BYTES)
    if len(data) < HEADER_BYTES:
        return EMPTY
    return _scan(data)


def _scan(data: bytes) -> WalReport:
    header = _header(data)
    if header is None:
        # Without a header SQLite reads no frame: count every frame-sized piece as lost.
        page_size = struct.unpack(">I", data[8:12])[0]
        return WalReport(0, _raw_frames(data, page_size), 0, header_ok=False)
    frames = lost = lost_commits = 0
    for _page, commit, readable in _current_frames(data, header):
        if readable:
            frames += 1
        else:
            lost += 1
            lost_commits += commit != 0
    return WalReport(frames, lost, lost_commits, header_ok=header[3])


def committed_pages(path: Path) -> frozenset[int]:
    """The numbers of the pages SQLite reads from the WAL at ``path`` rather than from the
    database file: those of every readable frame up to the last one that ends a
    transaction. Their copies in the database file are stale (the next checkpoint
    overwrites them). Missing or empty log: none. Raises ``OSError`` when it cannot be read."""
    with path.open("rb") as handle:
        data = handle.read(MAX_WAL_BYTES)
    header = _header(data) if len(data) >= HEADER_BYTES else None
    pages: set[int] = set()
    pending: set[int] = set()
    for page, commit, readable in _current_frames(data, header) if header else ():
        if not readable:
            break
        pending.add(page)
        if commit:
            pages |= pending
            pending.clear()
    return frozenset(pages)


# (salts, big-endian, page size, header checksum ok) of a log whose header SQLite accepts.
_Header = tuple[tuple[int, int], bool, int, bool]


def _header(data: bytes) -> _Header | None:
    magic, _version, page_size, _seq, salt1, salt2, c0, c1 = struct.unpack(">8I", data[:32])
    if magic not in (_MAGIC_LITTLE, _MAGIC_BIG) or not _valid_page_size(page_size):
        return None
    big = magic == _MAGIC_BIG
    return (salt1, salt2), big, page_size, checksum(data[:24], big) == (c0, c1)


def _current_frames(data: bytes, header: _Header) -> Iterator[tuple[int, int, bool]]:
    """(page number, commit size, readable) of each frame with the log's current salts;
    a frame is readable while every checksum up to it matches, as SQLite replays."""
    salts, big, page_size, header_ok = header
    running = checksum(data[:24], big)
    broken = not header_ok
    step = FRAME_HEADER_BYTES + page_size
    for start in range(HEADER_BYTES, len(data) - step + 1, step):
        frame = data[start : start + step]
        page, commit, f_salt1, f_salt2, f0, f1 = struct.unpack(">6I", frame[:24])
        if (f_salt1, f_salt2) != salts:
            continue  # left over from before the last restart of the log: never read
        if not broken:
            running = checksum(frame[24:], big, checksum(frame[:8], big, running))
            broken = running != (f0, f1)
        yield page, commit, not broken


def _valid_page_size(size: int) -> bool:
    return 512 <= size <= 65536 and size & (size - 1) == 0


def _raw_frames(data: bytes, page_size: int) -> int:
    size = page_size if _valid_page_size(page_size) else 4096
    return max(0, (len(data) - HEADER_BYTES) // (FRAME_HEADER_BYTES + size))
