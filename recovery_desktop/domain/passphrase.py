"""Passphrase rules and a plain-words strength hint (no dictionary download, no network)."""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass

MIN_LENGTH = 8

_COMMON = frozenset(
    {
        "password",
        "passw0rd",
        "password1",
        "12345678",
        "123456789",
        "1234567890",
        "qwertyuiop",
        "qwerty123",
        "iloveyou",
        "letmein1",
        "abcdefgh",
        "11111111",
        "00000000",
        "recovery",
        "sobriety",
        "trustno1",
        "welcome1",
        "sunshine",
        "football",
        "baseball",
    }
)


def normalise(passphrase: str) -> str:
    """The canonical form used for key derivation: Unicode NFC.

    The same words typed on different systems (composed or decomposed accents) unlock
    the same journal.
    """
    return unicodedata.normalize("NFC", passphrase)


@dataclass(frozen=True)
class Strength:
    """A rough, honest guess at how hard a passphrase is to guess."""

    score: int  # 0 (very weak) .. 4 (strong)
    label: str
    advice: str


def _alphabet_size(text: str) -> int:
    size = 0
    if any(c.islower() for c in text):
        size += 26
    if any(c.isupper() for c in text):
        size += 26
    if any(c.isdigit() for c in text):
        size += 10
    if any(not c.isalnum() and c.isascii() for c in text):
        size += 33
    if any(not c.isascii() for c in text):
        size += 100
    return max(size, 1)


def estimated_bits(passphrase: str) -> float:
    """Estimated guessing entropy in bits, deliberately on the cautious side."""
    text = normalise(passphrase)
    if not text or text.lower() in _COMMON:
        return 0.0
    distinct = len(set(text))
    # Repeated characters add little: count each repeat as a fraction of a fresh one.
    effective_length = distinct + (len(text) - distinct) * 0.25
    if all(c.islower() or c == " " for c in text):
        # Ordinary lower-case words: about 2 bits per character, as for English text;
        # a handful of letters repeated over and over earns little.
        bits = min(len(text), distinct * 4) * 2.0
    else:
        bits = effective_length * math.log2(_alphabet_size(text))
    words = [w for w in text.split() if w]
    if len(words) >= 4:
        # Several words: credit them like randomly chosen dictionary words.
        bits = max(bits, len(words) * 11.0)
    return bits


def assess(passphrase: str) -> Strength:
    """A strength label with one practical suggestion."""
    text = normalise(passphrase)
    if len(text) < MIN_LENGTH:
        return Strength(0, "Too short", f"Use at least {MIN_LENGTH} characters.")
    bits = estimated_bits(text)
    if bits < 30:
        return Strength(1, "Weak", "Easy to guess. Try a short sentence only you would think of.")
    if bits < 45:
        return Strength(2, "Fair", "Adding another word or two would make it much stronger.")
    if bits < 60:
        return Strength(3, "Good", "A solid choice. Make sure you can remember it.")
    return Strength(4, "Strong", "Hard to guess. Make sure you can remember it.")


def problem_with(new: str, confirm: str) -> str | None:
    """Why a new passphrase cannot be used, in plain words; None when it is acceptable."""
    text = normalise(new)
    if not text.strip():
        return "Please type a passphrase."
    if len(text) < MIN_LENGTH:
        return f"Your passphrase needs at least {MIN_LENGTH} characters."
    if text != normalise(confirm):
        return "The two passphrases don't match yet."
    return None
