"""Names and numbers show exactly what they are: no hidden characters that change them."""

import pytest

from recovery_desktop.domain.contacts import (
    Contact,
    ContactError,
    CrisisLine,
    has_hidden_characters,
)


@pytest.mark.parametrize(
    "text",
    [
        "\u202e1119",
        "91\u200f1",
        "Sam\x00",
        "Line\x1b[2J",
        "\u2066988\u2069",
        "1\u200b2\u200b3",
        "QA\u2028Line",
        "9\u20601\u00ad1",
        "\ufeff988",
    ],
)
def test_unseen_characters_are_hidden_characters(text):
    """Overrides, isolates, marks, controls, zero-width spaces, word joiners, soft hyphens,
    byte-order marks and line separators are all caught."""
    assert has_hidden_characters(text)


@pytest.mark.parametrize("text", ["1-800-662-4357", "Text HOME to 741741", "Zoë 🌱", "ليلى"])
def test_ordinary_names_and_numbers_are_fine(text):
    """Accents, emoji and right-to-left scripts are ordinary text."""
    assert not has_hidden_characters(text)


def test_joiners_are_fine_in_names_but_not_in_numbers():
    """Persian names need the zero-width non-joiner; a number never does."""
    CrisisLine(None, "می\u200cخواهم", "988").validate()
    with pytest.raises(ContactError, match="Number"):
        CrisisLine(None, "Line", "9\u200d88").validate()


def test_a_crisis_line_whose_number_would_show_reversed_is_refused():
    """ "\u202e1119" would be shown as 9111 while Copy copies something else."""
    with pytest.raises(ContactError, match="hidden characters"):
        CrisisLine(None, "Emergency", "\u202e1119").validate()


def test_a_contacts_phone_with_hidden_characters_is_refused_but_notes_keep_line_breaks():
    """Phone numbers are checked too; notes may have line breaks and tabs."""
    with pytest.raises(ContactError, match="Phone"):
        Contact(None, "Sam", phone="555\u202e0142").validate()
    Contact(None, "Sam", phone="555-0142", notes="Call after 6.\n\tNot on Sundays.").validate()
