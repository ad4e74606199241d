"""Reading keys.json safely, and the key slots inside it, each checked before use.

keys.json is read from a regular file only (opened non-blocking, so a FIFO in its place
cannot hang the app), at most :data:`MAX_KEY_FILE_BYTES`, and every field of every slot is
checked for its type and exact length before any cryptography runs. Argon2id costs are
limited to :data:`ARGON2_LIMITS` so that one unlock stays within seconds on a modest
machine. Anything else is :class:`JournalDamaged` with the calm key-file message.
"""

from __future__ import annotations

import base64
import json
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from recovery_desktop.data.errors import JournalDamaged, JournalTooNew
from recovery_desktop.data.fsutil import NotASmallFile, read_small_file, storage_errors
from recovery_desktop.domain.passphrase import normalise

FORMAT = 1
DATA_KEY_BYTES = 32
NONCE_BYTES = 12
SALT_BYTES = 16
WRAPPED_KEY_BYTES = DATA_KEY_BYTES + 16  # AES-GCM appends a 16-byte tag
MAX_KEY_FILE_BYTES = 64 * 1024  # a real keys.json is under 2 KiB
DAMAGED = "The key file (keys.json) is damaged or unreadable."


@dataclass(frozen=True)
class Argon2Params:
    """Argon2id cost; stored in each passphrase slot so it can be raised later.

    ``memory_kib`` in KiB, ``iterations`` passes, ``lanes`` parallel lanes."""

    memory_kib: int = 64 * 1024
    iterations: int = 3
    lanes: int = 4

    def is_sane(self) -> bool:
        """Within :data:`ARGON2_LIMITS`: 8 MiB to 1 GiB of memory, 1 to 10 passes, 1 to 16
        lanes. DESIGN.md's floor for new slots is 64 MiB and 3 passes (the default); the
        ceiling keeps one unlock to seconds on a modest machine, so a hostile keys.json
        cannot make opening cost minutes and gigabytes."""
        low, high = ARGON2_LIMITS
        return all(
            getattr(low, name) <= getattr(self, name) <= getattr(high, name)
            for name in ("memory_kib", "iterations", "lanes")
        )


# The lowest and highest Argon2id costs a passphrase slot may ask for.
ARGON2_LIMITS = (Argon2Params(8 * 1024, 1, 1), Argon2Params(1024 * 1024, 10, 16))
DEFAULT_ARGON2 = Argon2Params()


def damaged() -> JournalDamaged:
    return JournalDamaged(DAMAGED)


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: object, length: int) -> bytes:
    """Base64 text of exactly ``length`` bytes, else :class:`JournalDamaged`."""
    if not isinstance(text, str) or len(text) > 4 * length:
        raise damaged()
    try:
        data = base64.b64decode(text, validate=True)
    except ValueError as error:
        raise damaged() from error
    if len(data) != length:
        raise damaged()
    return data


def whole_number(value: object) -> int:
    """An int that is not a bool, else :class:`JournalDamaged`."""
    if type(value) is not int:
        raise damaged()
    return value


# -- reading the file ------------------------------------------------------------------------
def read_key_file(path: Path) -> dict[str, Any]:
    """The JSON object in ``path``: a regular file of at most :data:`MAX_KEY_FILE_BYTES`.

    Raises :class:`JournalDamaged` for anything else (a FIFO, a folder, too big, not UTF-8,
    not JSON, nested too deeply), :class:`JournalTooNew` for a newer format number and
    :class:`StorageProblem` when the system refuses to read it."""
    raw = read_key_bytes(path)
    try:
        document = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        raise damaged() from error
    if not isinstance(document, dict):
        raise damaged()
    version = document.get("format")
    if type(version) is int and version > FORMAT:
        raise JournalTooNew()
    if type(version) is not int or version != FORMAT:
        raise damaged()
    return document


def read_key_bytes(path: Path) -> bytes:
    """The raw bytes of a key file, read as :func:`read_key_file` reads it (bounded, a
    regular file only). Raises :class:`JournalDamaged` or :class:`StorageProblem`."""
    with storage_errors():
        try:
            return read_small_file(path, MAX_KEY_FILE_BYTES)
        except NotASmallFile as error:
            raise damaged() from error


# -- wrapping --------------------------------------------------------------------------------
def aad(kind: str) -> bytes:
    return f"recovery-desktop/keys/v{FORMAT}/{kind}".encode("ascii")


@dataclass(frozen=True)
class Sealed:
    """A 32-byte key sealed with AES-256-GCM: 12-byte nonce, 48 bytes of ciphertext + tag."""

    nonce: bytes
    wrapped_key: bytes

    @classmethod
    def seal(cls, kind: str, wrapping_key: bytes, data_key: bytes) -> Sealed:
        nonce = secrets.token_bytes(NONCE_BYTES)
        return cls(nonce, AESGCM(wrapping_key).encrypt(nonce, data_key, aad(kind)))

    @classmethod
    def parse(cls, fields: dict[str, Any]) -> Sealed:
        return cls(
            unb64(fields.get("nonce"), NONCE_BYTES),
            unb64(fields.get("wrapped_key"), WRAPPED_KEY_BYTES),
        )

    def open(self, kind: str, wrapping_key: bytes) -> bytes:
        """The key inside; ``InvalidTag`` when ``wrapping_key`` is not the one it was
        sealed with (or the slot was tampered with)."""
        key = AESGCM(wrapping_key).decrypt(self.nonce, self.wrapped_key, aad(kind))
        if len(key) != DATA_KEY_BYTES:
            raise damaged()
        return key

    def opens_with(self, kind: str, wrapping_key: bytes) -> bytes | None:
        try:
            return self.open(kind, wrapping_key)
        except InvalidTag:
            return None

    def to_json(self) -> dict[str, str]:
        return {"nonce": b64(self.nonce), "wrapped_key": b64(self.wrapped_key)}


def passphrase_bytes(passphrase: str) -> bytes:
    if not passphrase:
        raise ValueError("a passphrase cannot be empty")
    return normalise(passphrase).encode("utf-8", "surrogatepass")


def argon2(passphrase: str, salt: bytes, params: Argon2Params) -> bytes:
    kdf = Argon2id(
        salt=salt,
        length=32,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    )
    return kdf.derive(passphrase_bytes(passphrase))


def hkdf(raw_recovery: bytes, salt: bytes) -> bytes:
    kdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=b"recovery-desktop/recovery")
    return kdf.derive(raw_recovery)


# -- checking slots --------------------------------------------------------------------------
def check_slots(slots: object) -> list[dict[str, Any]]:
    """``slots`` as a list of slots whose every field has its type and exact length.

    A plain slot holds a 32-byte key; passphrase and recovery slots a 16-byte salt, a
    12-byte nonce and a 48-byte wrapped key; a passphrase slot's Argon2id costs are whole
    numbers within :data:`ARGON2_LIMITS`. At most one slot of each kind. Anything else
    raises :class:`JournalDamaged`."""
    if not isinstance(slots, list) or not all(isinstance(s, dict) for s in slots):
        raise damaged()
    kinds = [slot.get("kind") for slot in slots]
    if len(set(kinds)) != len(kinds):
        raise damaged()
    for slot in slots:
        _check_slot(slot)
    return slots


def _check_slot(slot: dict[str, Any]) -> None:
    kind = slot.get("kind")
    if kind == "plain":
        unb64(slot.get("key"), DATA_KEY_BYTES)
        return
    if kind not in ("passphrase", "recovery"):
        raise damaged()
    Sealed.parse(slot)
    kdf = slot.get("kdf")
    if not isinstance(kdf, dict):
        raise damaged()
    unb64(kdf.get("salt"), SALT_BYTES)
    expected = "argon2id" if kind == "passphrase" else "hkdf-sha256"
    if kdf.get("name") != expected:
        raise damaged()
    if kind == "passphrase":
        argon2_params(kdf)


def argon2_params(kdf: dict[str, Any]) -> Argon2Params:
    """The checked Argon2id costs of a passphrase slot's ``kdf``."""
    params = Argon2Params(
        whole_number(kdf.get("memory_kib")),
        whole_number(kdf.get("iterations")),
        whole_number(kdf.get("lanes")),
    )
    if not params.is_sane():
        raise damaged()
    return params
