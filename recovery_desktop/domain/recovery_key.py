"""Recovery keys: 160 random bits shown as eight groups of four letters and digits.

Crockford's base-32 alphabet avoids look-alike characters; when reading a key back,
O is taken as 0 and I or L as 1, case and separators are ignored.
"""

from __future__ import annotations

import secrets

from recovery_desktop.domain.wording import plural

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
KEY_BYTES = 20
GROUP_SIZE = 4
GROUPS = KEY_BYTES * 8 // 5 // GROUP_SIZE  # 8 groups

_ALIASES = {"O": "0", "I": "1", "L": "1"}


class RecoveryKeyError(ValueError):
    """Text that is not a recovery key."""


def new_key() -> str:
    """A fresh recovery key from the system's secure random source, formatted for showing."""
    return encode(secrets.token_bytes(KEY_BYTES))


def encode(raw: bytes) -> str:
    """Format key bytes as "ABCD-EFGH-…"."""
    if len(raw) != KEY_BYTES:
        raise RecoveryKeyError("A recovery key has exactly 20 bytes.")
    number = int.from_bytes(raw, "big")
    chars = []
    for _ in range(KEY_BYTES * 8 // 5):
        chars.append(ALPHABET[number & 31])
        number >>= 5
    text = "".join(reversed(chars))
    return "-".join(text[i : i + GROUP_SIZE] for i in range(0, len(text), GROUP_SIZE))


def canonical(text: str) -> str:
    """Upper-case symbols only, separators dropped and look-alikes mapped."""
    out = []
    for char in text.upper():
        if char in " -_\t\n\r":
            continue
        char = _ALIASES.get(char, char)
        if char not in ALPHABET:
            raise RecoveryKeyError("A recovery key only has letters and digits.")
        out.append(char)
    return "".join(out)


def decode(text: str) -> bytes:
    """Key bytes from typed text; raises :class:`RecoveryKeyError` when it cannot be one."""
    symbols = canonical(text)
    if len(symbols) != GROUPS * GROUP_SIZE:
        raise RecoveryKeyError(
            f"A recovery key has {GROUPS} groups of {GROUP_SIZE} characters; "
            f"this has {plural(len(symbols), 'character')}."
        )
    number = 0
    for char in symbols:
        number = (number << 5) | ALPHABET.index(char)
    return number.to_bytes(KEY_BYTES, "big")


def groups(formatted: str) -> list[str]:
    """The groups of a formatted key."""
    symbols = canonical(formatted)
    return [symbols[i : i + GROUP_SIZE] for i in range(0, len(symbols), GROUP_SIZE)]


def group_matches(formatted: str, index: int, typed: str) -> bool:
    """Whether ``typed`` is group number ``index`` (0-based) of the key."""
    try:
        return canonical(typed) == groups(formatted)[index]
    except (RecoveryKeyError, IndexError):
        return False
