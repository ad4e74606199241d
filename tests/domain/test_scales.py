import pytest

from recovery_desktop.domain.scales import ALL_SCALES, MOOD


@pytest.mark.parametrize("scale", ALL_SCALES, ids=lambda s: s.key)
def test_every_value_of_every_scale_has_its_own_word(scale):
    """Eleven distinct words, one for each of 0 to 10."""
    assert len(set(scale.words)) == 11


def test_describe_shows_number_and_word_or_not_answered():
    """Labels read "7 · Good"; None reads "Not answered"."""
    assert MOOD.describe(7) == "7 · Good"
    assert MOOD.describe(None) == "Not answered"
