"""Counts agree with their nouns everywhere: "1 day", "2 days", "1 point", "1.5 points"."""

import pytest

from recovery_desktop.domain.wording import decimal, noun, plural, plural_decimal


@pytest.mark.parametrize(
    ("count", "expected"), [(0, "0 days"), (1, "1 day"), (2, "2 days"), (-1, "-1 days")]
)
def test_a_whole_count_is_singular_only_for_one(count, expected):
    """Only exactly one takes the singular; zero and more take the plural."""
    assert plural(count, "day") == expected


def test_irregular_plurals_are_given():
    """ "1 person", "3 people"."""
    assert plural(1, "person", "people") == "1 person"
    assert plural(3, "person", "people") == "3 people"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (1.0, "1 point"),
        (0.96, "1 point"),
        (1.5, "1.5 points"),
        (0.5, "0.5 points"),
        (4, "4 points"),
    ],
)
def test_a_decimal_agrees_with_the_number_as_written(value, expected):
    """A decimal that is written as 1 is singular; any other is plural."""
    assert plural_decimal(value, "point") == expected


def test_the_noun_alone_follows_the_count():
    """For suffixes beside a number shown elsewhere (a spin box)."""
    assert noun(1, "minute") == "minute" and noun(5, "minute") == "minutes"
    assert decimal(2.0) == "2" and decimal(2.25) in ("2.2", "2.3")


def test_long_names_are_shortened_inside_sentences():
    """An 80-character trigger name left "Archived “A very long … $$ ^…s keep it" on one
    line: the name is cut, the sentence stays whole."""
    from recovery_desktop.domain.wording import NAME_IN_SENTENCE, quoted, shortened

    long = "A very long trigger name " * 4
    assert quoted("Poor sleep") == "“Poor sleep”"
    assert len(shortened(long)) == NAME_IN_SENTENCE and shortened(long).endswith("…")
    assert quoted(long).endswith("…”")
