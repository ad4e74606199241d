"""TEST ONLY: cheap Argon2id costs for the passphrase slots the tests make.

Deriving a key with the app's costs (64 MiB, 3 passes, 4 lanes: DESIGN's floor) takes a
noticeable fraction of a second on a busy machine, and the tests make and unlock thousands
of passphrase slots. In the test process (``tests/conftest.py``) and in the children the
tests start to change keys, new slots use :data:`TEST_ONLY_ARGON2` instead. keys.json
records each slot's costs and unlocking reads them from there, so such journals open
anywhere. Nothing in ``recovery_desktop`` imports this module;
``tests/data/test_vault.py`` proves that a journal made outside the tests records the
app's own costs.
"""

from __future__ import annotations

from recovery_desktop.data import vault
from recovery_desktop.data.key_slots import Argon2Params

# TEST ONLY: the cheapest costs a passphrase slot may record (8 MiB, one pass, one lane).
TEST_ONLY_ARGON2 = Argon2Params(memory_kib=8 * 1024, iterations=1, lanes=1)


def use_test_only_argon2() -> Argon2Params:
    """TEST ONLY: from now on this process makes new passphrase slots with
    :data:`TEST_ONLY_ARGON2`. Returns the costs used until now, to put back."""
    before = vault.new_slot_argon2
    vault.new_slot_argon2 = TEST_ONLY_ARGON2
    return before
