import pytest
from hypothesis import given
from hypothesis import strategies as st

from recovery_desktop.domain import recovery_key as rk


@given(st.binary(min_size=rk.KEY_BYTES, max_size=rk.KEY_BYTES))
def test_encode_then_decode_gives_the_same_bytes(raw):
    """Any 20-byte key survives being shown and typed back."""
    assert rk.decode(rk.encode(raw)) == raw


def test_keys_show_as_eight_groups_of_four():
    """The shown form is easy to copy by hand."""
    text = rk.encode(bytes(range(20)))
    assert len(text.split("-")) == 8
    assert all(len(group) == 4 for group in text.split("-"))


def test_typing_is_forgiving_about_case_spaces_and_look_alikes():
    """Lower case, spaces, O for 0 and I or L for 1 are all accepted."""
    text = rk.encode(bytes(20))  # all zeros: "0000-0000-..."
    assert rk.decode(text.lower().replace("-", " ")) == bytes(20)
    assert rk.decode("O" * 32) == bytes(20)
    one = rk.encode(bytes(19) + b"\x01")
    assert rk.decode(one.replace("1", "l")) == bytes(19) + b"\x01"


@pytest.mark.parametrize("text", ["", "ABCD", "U" * 32, "0" * 33])
def test_text_that_is_not_a_key_is_refused(text):
    """Wrong length or letters outside the alphabet give a clear error."""
    with pytest.raises(rk.RecoveryKeyError):
        rk.decode(text)


def test_group_matching_for_the_confirmation_step():
    """Typing a group back is checked case-insensitively."""
    key = rk.encode(bytes(range(20)))
    second = key.split("-")[1]
    assert rk.group_matches(key, 1, second.lower())
    assert not rk.group_matches(key, 2, second) or key.split("-")[2] == second
    assert not rk.group_matches(key, 9, second)
