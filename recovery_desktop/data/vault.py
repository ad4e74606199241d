"""keys.json: the journal's random data key, wrapped in key slots.

The database is encrypted with a random 256-bit data key. That key is stored only wrapped
(AES-256-GCM) under a key derived from the passphrase (Argon2id) and under the recovery key
(HKDF: it already has 160 random bits). A journal created without a passphrase keeps the
data key in a plain slot, honestly labelled. Changing the passphrase rewraps 32 bytes.
"""

from __future__ import annotations

import base64
import json
import secrets
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from recovery_desktop.data.errors import (
    JournalDamaged,
    JournalTooNew,
    NoPassphraseSet,
    WrongPassphrase,
    WrongRecoveryKey,
)
from recovery_desktop.data.fsutil import atomic_write, storage_errors
from recovery_desktop.domain import recovery_key
from recovery_desktop.domain.passphrase import normalise

FORMAT = 1
DATA_KEY_BYTES = 32
_DAMAGED = "The key file (keys.json) is damaged or unreadable."


@dataclass(frozen=True)
class Argon2Params:
    """Argon2id cost; stored in each passphrase slot so it can be raised later."""

    memory_kib: int = 64 * 1024
    iterations: int = 3
    lanes: int = 4

    def is_sane(self) -> bool:
        return (
            8 * 1024 <= self.memory_kib <= 4 * 1024 * 1024
            and 1 <= self.iterations <= 64
            and 1 <= self.lanes <= 64
        )


DEFAULT_ARGON2 = Argon2Params()


def new_data_key() -> bytes:
    return secrets.token_bytes(DATA_KEY_BYTES)


def new_recovery_key() -> str:
    """A fresh recovery key, formatted for showing to the user."""
    return recovery_key.encode(secrets.token_bytes(recovery_key.KEY_BYTES))


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: object) -> bytes:
    if not isinstance(text, str):
        raise JournalDamaged(_DAMAGED)
    try:
        return base64.b64decode(text, validate=True)
    except ValueError as error:
        raise JournalDamaged(_DAMAGED) from error


def _passphrase_bytes(passphrase: str) -> bytes:
    if not passphrase:
        raise ValueError("a passphrase cannot be empty")
    return normalise(passphrase).encode("utf-8", "surrogatepass")


def _argon2(passphrase: str, salt: bytes, params: Argon2Params) -> bytes:
    kdf = Argon2id(
        salt=salt,
        length=32,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    )
    return kdf.derive(_passphrase_bytes(passphrase))


def _hkdf(raw_recovery: bytes, salt: bytes) -> bytes:
    kdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=b"recovery-desktop/recovery")
    return kdf.derive(raw_recovery)


def _aad(kind: str) -> bytes:
    return f"recovery-desktop/keys/v{FORMAT}/{kind}".encode("ascii")


def _wrap(kind: str, wrapping_key: bytes, data_key: bytes) -> dict[str, str]:
    nonce = secrets.token_bytes(12)
    sealed = AESGCM(wrapping_key).encrypt(nonce, data_key, _aad(kind))
    return {"nonce": _b64(nonce), "wrapped_key": _b64(sealed)}


def _unwrap(kind: str, wrapping_key: bytes, slot: dict[str, Any]) -> bytes:
    data_key = AESGCM(wrapping_key).decrypt(
        _unb64(slot.get("nonce")), _unb64(slot.get("wrapped_key")), _aad(kind)
    )
    if len(data_key) != DATA_KEY_BYTES:
        raise JournalDamaged(_DAMAGED)
    return data_key


def passphrase_slot(data_key: bytes, passphrase: str, params: Argon2Params) -> dict[str, Any]:
    salt = secrets.token_bytes(16)
    kdf = {"name": "argon2id", "salt": _b64(salt), **asdict(params)}
    return {
        "kind": "passphrase",
        "kdf": kdf,
        **_wrap("passphrase", _argon2(passphrase, salt, params), data_key),
    }


def recovery_slot(data_key: bytes, formatted_key: str) -> dict[str, Any]:
    salt = secrets.token_bytes(16)
    wrapping = _hkdf(recovery_key.decode(formatted_key), salt)
    kdf = {"name": "hkdf-sha256", "salt": _b64(salt)}
    return {"kind": "recovery", "kdf": kdf, **_wrap("recovery", wrapping, data_key)}


class Vault:
    """The key slots of one journal, read from and written to ``keys.json``."""

    def __init__(self, path: Path, document: dict[str, Any]) -> None:
        self.path = path
        self._doc = document

    @classmethod
    def load(cls, path: Path) -> Vault:
        with storage_errors():
            raw = path.read_bytes()
        try:
            document = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise JournalDamaged(_DAMAGED) from error
        if not isinstance(document, dict):
            raise JournalDamaged(_DAMAGED)
        version = document.get("format")
        if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT:
            raise JournalTooNew()
        if version != FORMAT:
            raise JournalDamaged(_DAMAGED)
        slots = document.get("slots")
        if not isinstance(slots, list) or not all(isinstance(s, dict) for s in slots):
            raise JournalDamaged(_DAMAGED)
        return cls(path, document)

    @classmethod
    def create(
        cls,
        path: Path,
        data_key: bytes,
        passphrase: str | None,
        recovery: str | None,
        params: Argon2Params = DEFAULT_ARGON2,
    ) -> Vault:
        """Write a new keys.json: passphrase and recovery slots, or one plain slot."""
        slots: list[dict[str, Any]] = []
        if passphrase is None:
            slots.append({"kind": "plain", "key": _b64(data_key)})
        else:
            slots.append(passphrase_slot(data_key, passphrase, params))
        if recovery is not None:
            slots.append(recovery_slot(data_key, recovery))
        vault = cls(path, {"format": FORMAT, "cipher": "sqlcipher4-raw-key", "slots": slots})
        vault.save()
        return vault

    def save(self) -> None:
        text = json.dumps(self._doc, indent=2, sort_keys=True) + "\n"
        atomic_write(self.path, text.encode("utf-8"))

    def _slot(self, kind: str) -> dict[str, Any] | None:
        return next((s for s in self._doc["slots"] if s.get("kind") == kind), None)

    @property
    def is_protected(self) -> bool:
        return self._slot("plain") is None

    @property
    def has_recovery_key(self) -> bool:
        return self._slot("recovery") is not None

    def unlock_plain(self) -> bytes:
        slot = self._slot("plain")
        if slot is None:
            raise WrongPassphrase()
        key = _unb64(slot.get("key"))
        if len(key) != DATA_KEY_BYTES:
            raise JournalDamaged(_DAMAGED)
        return key

    def unlock(self, passphrase: str) -> bytes:
        """The data key, or :class:`WrongPassphrase`. Never writes anything."""
        slot = self._slot("passphrase")
        if slot is None:
            raise NoPassphraseSet()
        if not passphrase:
            raise WrongPassphrase()
        kdf = slot.get("kdf")
        if not isinstance(kdf, dict) or kdf.get("name") != "argon2id":
            raise JournalDamaged(_DAMAGED)
        try:
            params = Argon2Params(int(kdf["memory_kib"]), int(kdf["iterations"]), int(kdf["lanes"]))
        except (KeyError, TypeError, ValueError) as error:
            raise JournalDamaged(_DAMAGED) from error
        if not params.is_sane():
            raise JournalDamaged(_DAMAGED)
        try:
            return _unwrap("passphrase", _argon2(passphrase, _unb64(kdf.get("salt")), params), slot)
        except InvalidTag as error:
            raise WrongPassphrase() from error

    def unlock_recovery(self, typed_key: str) -> bytes:
        """The data key from a typed recovery key, or :class:`WrongRecoveryKey`."""
        slot = self._slot("recovery")
        if slot is None:
            raise WrongRecoveryKey("This journal has no recovery key.")
        try:
            raw = recovery_key.decode(typed_key)
        except recovery_key.RecoveryKeyError as error:
            raise WrongRecoveryKey(str(error)) from error
        kdf = slot.get("kdf")
        if not isinstance(kdf, dict):
            raise JournalDamaged(_DAMAGED)
        try:
            return _unwrap("recovery", _hkdf(raw, _unb64(kdf.get("salt"))), slot)
        except InvalidTag as error:
            raise WrongRecoveryKey() from error

    def set_passphrase(
        self, data_key: bytes, passphrase: str, params: Argon2Params = DEFAULT_ARGON2
    ) -> None:
        """Replace the passphrase slot (dropping any plain slot) and save atomically."""
        slots = [s for s in self._doc["slots"] if s.get("kind") not in ("passphrase", "plain")]
        slots.insert(0, passphrase_slot(data_key, passphrase, params))
        self._replace_slots(slots)

    def set_recovery_key(self, data_key: bytes, formatted_key: str) -> None:
        """Replace the recovery slot and save atomically."""
        slots = [s for s in self._doc["slots"] if s.get("kind") != "recovery"]
        slots.append(recovery_slot(data_key, formatted_key))
        self._replace_slots(slots)

    def protect(self, data_key: bytes, passphrase: str, formatted_key: str) -> None:
        """Passphrase and recovery slots replace every other slot, in one atomic write."""
        self._replace_slots(
            [
                passphrase_slot(data_key, passphrase, DEFAULT_ARGON2),
                recovery_slot(data_key, formatted_key),
            ]
        )

    def _replace_slots(self, slots: list[dict[str, Any]]) -> None:
        previous = self._doc
        self._doc = {**previous, "slots": slots}
        try:
            self.save()
        except BaseException:
            self._doc = previous
            raise
