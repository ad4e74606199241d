"""keys.json: the journal's random data key, wrapped in key slots.

The database is encrypted with a random 256-bit data key. That key is stored only wrapped
(AES-256-GCM) under a key derived from the passphrase (Argon2id) and under the recovery key
(HKDF: it already has 160 random bits). A journal created without a passphrase keeps the
data key in a plain slot, honestly labelled. Changing the passphrase rewraps 32 bytes.

While the journal moves to a new data key (``data/rekey.py``), keys.json also holds a
``pending_rekey`` record: the slots of the old key, and each key sealed under the other, so
that whichever credential still works (old or new) finds both keys and the move can finish.
Reading is bounded and every field is checked first (``data/key_slots.py``).
"""

from __future__ import annotations

import json
import secrets
from dataclasses import asdict
from pathlib import Path
from typing import Any

from recovery_desktop.data.errors import (
    NoPassphraseSet,
    WrongPassphrase,
    WrongRecoveryKey,
)
from recovery_desktop.data.fsutil import atomic_write
from recovery_desktop.data.key_slots import (
    DATA_KEY_BYTES,
    DEFAULT_ARGON2,
    FORMAT,
    SALT_BYTES,
    Argon2Params,
    Sealed,
    argon2,
    argon2_params,
    b64,
    check_slots,
    damaged,
    hkdf,
    read_key_file,
    unb64,
)
from recovery_desktop.domain import recovery_key

__all__ = ["DEFAULT_ARGON2", "Argon2Params", "Vault", "new_data_key", "new_recovery_key"]

PENDING = "pending_rekey"
_NEXT, _PREVIOUS = "rekey-next", "rekey-previous"


def new_data_key() -> bytes:
    return secrets.token_bytes(DATA_KEY_BYTES)


def new_recovery_key() -> str:
    """A fresh recovery key, formatted for showing to the user."""
    return recovery_key.new_key()


def passphrase_slot(data_key: bytes, passphrase: str, params: Argon2Params) -> dict[str, Any]:
    salt = secrets.token_bytes(SALT_BYTES)
    kdf = {"name": "argon2id", "salt": b64(salt), **asdict(params)}
    sealed = Sealed.seal("passphrase", argon2(passphrase, salt, params), data_key)
    return {"kind": "passphrase", "kdf": kdf, **sealed.to_json()}


def recovery_slot(data_key: bytes, formatted_key: str) -> dict[str, Any]:
    salt = secrets.token_bytes(SALT_BYTES)
    sealed = Sealed.seal("recovery", hkdf(recovery_key.decode(formatted_key), salt), data_key)
    kdf = {"name": "hkdf-sha256", "salt": b64(salt)}
    return {"kind": "recovery", "kdf": kdf, **sealed.to_json()}


def protected_slots(data_key: bytes, passphrase: str, formatted_key: str) -> list[dict[str, Any]]:
    """A passphrase slot and a recovery slot for ``data_key`` (the Argon2id run takes
    a moment)."""
    return [
        passphrase_slot(data_key, passphrase, DEFAULT_ARGON2),
        recovery_slot(data_key, formatted_key),
    ]


def _find(slots: list[dict[str, Any]], kind: str) -> dict[str, Any] | None:
    return next((s for s in slots if s.get("kind") == kind), None)


def _unlock_passphrase(slot: dict[str, Any], passphrase: str) -> bytes | None:
    kdf = slot["kdf"]
    salt = unb64(kdf["salt"], SALT_BYTES)
    return Sealed.parse(slot).opens_with("passphrase", argon2(passphrase, salt, argon2_params(kdf)))


def _unlock_recovery(slot: dict[str, Any], raw: bytes) -> bytes | None:
    salt = unb64(slot["kdf"]["salt"], SALT_BYTES)
    return Sealed.parse(slot).opens_with("recovery", hkdf(raw, salt))


class Vault:
    """The key slots of one journal, read from and written to ``keys.json``."""

    def __init__(self, path: Path, document: dict[str, Any]) -> None:
        self.path = path
        self._doc = document

    @classmethod
    def load(cls, path: Path) -> Vault:
        """Read and check ``path`` (see :func:`key_slots.read_key_file`): raises
        :class:`JournalDamaged`, :class:`JournalTooNew` or :class:`StorageProblem`."""
        document = read_key_file(path)
        check_slots(document.get("slots"))
        pending = document.get(PENDING)
        if pending is not None:
            if not isinstance(pending, dict):
                raise damaged()
            check_slots(pending.get("slots"))
            for name in ("next_key", "previous_key"):
                sealed = pending.get(name)
                if not isinstance(sealed, dict):
                    raise damaged()
                Sealed.parse(sealed)
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
            slots.append({"kind": "plain", "key": b64(data_key)})
        else:
            slots.append(passphrase_slot(data_key, passphrase, params))
        if recovery is not None:
            slots.append(recovery_slot(data_key, recovery))
        vault = cls(path, {"format": FORMAT, "cipher": "sqlcipher4-raw-key", "slots": slots})
        vault.save()
        return vault

    @staticmethod
    def _encode(document: dict[str, Any]) -> bytes:
        return (json.dumps(document, indent=2, sort_keys=True) + "\n").encode("utf-8")

    def save(self) -> None:
        atomic_write(self.path, self._encode(self._doc))

    def settled_bytes(self) -> bytes:
        """keys.json as it reads once no move to a new key is pending: what every key
        copy of a backup holds."""
        return self._encode({k: v for k, v in self._doc.items() if k != PENDING})

    @property
    def _slots(self) -> list[dict[str, Any]]:
        slots: list[dict[str, Any]] = self._doc["slots"]
        return slots

    def _pending_slots(self) -> list[dict[str, Any]]:
        pending = self._doc.get(PENDING)
        return pending["slots"] if isinstance(pending, dict) else []

    @property
    def is_protected(self) -> bool:
        return _find(self._slots, "plain") is None

    @property
    def has_recovery_key(self) -> bool:
        return _find(self._slots, "recovery") is not None

    @property
    def rekey_pending(self) -> bool:
        """True while a move to a new data key was started and not finished."""
        return PENDING in self._doc

    # -- unlocking: the current slots first, then (mid-rekey) the old key's --------------------
    def unlock_plain(self) -> bytes:
        for slots in (self._slots, self._pending_slots()):
            slot = _find(slots, "plain")
            if slot is not None:
                return unb64(slot["key"], DATA_KEY_BYTES)
        raise WrongPassphrase()

    def unlock(self, passphrase: str) -> bytes:
        """The data key, or :class:`WrongPassphrase`. Never writes anything."""
        found = [s for s in (_find(x, "passphrase") for x in self._all()) if s is not None]
        if not found:
            raise NoPassphraseSet()
        if not passphrase:
            raise WrongPassphrase()
        for slot in found:
            key = _unlock_passphrase(slot, passphrase)
            if key is not None:
                return key
        raise WrongPassphrase()

    def unlock_recovery(self, typed_key: str) -> bytes:
        """The data key from a typed recovery key, or :class:`WrongRecoveryKey`."""
        found = [s for s in (_find(x, "recovery") for x in self._all()) if s is not None]
        if not found:
            raise WrongRecoveryKey("This journal has no recovery key.")
        try:
            raw = recovery_key.decode(typed_key)
        except recovery_key.RecoveryKeyError as error:
            raise WrongRecoveryKey(str(error)) from error
        for slot in found:
            key = _unlock_recovery(slot, raw)
            if key is not None:
                return key
        raise WrongRecoveryKey()

    def _all(self) -> tuple[list[dict[str, Any]], ...]:
        return (self._slots, self._pending_slots())

    # -- changing slots -----------------------------------------------------------------------
    def set_passphrase(
        self, data_key: bytes, passphrase: str, params: Argon2Params = DEFAULT_ARGON2
    ) -> None:
        """Replace the passphrase slot (dropping any plain slot) and save atomically."""
        slots = [s for s in self._slots if s.get("kind") not in ("passphrase", "plain")]
        slots.insert(0, passphrase_slot(data_key, passphrase, params))
        self._replace({**self._doc, "slots": slots})

    def set_recovery_key(self, data_key: bytes, formatted_key: str) -> None:
        """Replace the recovery slot and save atomically."""
        slots = [s for s in self._slots if s.get("kind") != "recovery"]
        slots.append(recovery_slot(data_key, formatted_key))
        self._replace({**self._doc, "slots": slots})

    def begin_rekey(self, old_key: bytes, new_key: bytes, slots: list[dict[str, Any]]) -> None:
        """Save ``slots`` (for ``new_key``) as the current slots, keeping the old slots and
        each key sealed under the other until :meth:`finish_rekey`."""
        pending = {
            "slots": self._slots,
            "next_key": Sealed.seal(_NEXT, old_key, new_key).to_json(),
            "previous_key": Sealed.seal(_PREVIOUS, new_key, old_key).to_json(),
        }
        self._replace({**self._doc, "slots": slots, PENDING: pending})

    def rekey_keys(self, key: bytes) -> tuple[bytes, bytes]:
        """Mid-rekey, from either key: ``(new_key, old_key)``. Raises
        :class:`JournalDamaged` when ``key`` is neither (keys.json was tampered with)."""
        pending = self._doc.get(PENDING)
        if not isinstance(pending, dict):
            return key, key
        new = Sealed.parse(pending["next_key"]).opens_with(_NEXT, key)
        if new is not None:
            return new, key
        old = Sealed.parse(pending["previous_key"]).opens_with(_PREVIOUS, key)
        if old is not None:
            return key, old
        raise damaged()

    def finish_rekey(self) -> None:
        """Drop the old key's slots: from now on only the new key exists."""
        self._replace({k: v for k, v in self._doc.items() if k != PENDING})

    def abandon_rekey(self) -> None:
        """The database could not be re-encrypted: the old slots are the current ones again."""
        restored = {k: v for k, v in self._doc.items() if k != PENDING}
        self._replace({**restored, "slots": self._pending_slots()})

    def _replace(self, document: dict[str, Any]) -> None:
        previous = self._doc
        self._doc = document
        try:
            self.save()
        except BaseException:
            self._doc = previous
            raise
