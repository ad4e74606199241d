"""Columns sharing a table's width: short ones whole, only the longest shortened."""

from hypothesis import given
from hypothesis import strategies as st

from recovery_desktop.ui.widgets.tables import MIN_COLUMN, fair_shares

WANTS = st.dictionaries(st.integers(0, 9), st.integers(MIN_COLUMN, 600), min_size=1)


@given(WANTS, st.integers(0, 3000))
def test_room_enough_gives_every_column_what_it_asks(wanted, extra):
    """When everything fits, nothing is shortened."""
    assert fair_shares(wanted, sum(wanted.values()) + extra) == wanted


@given(WANTS, st.integers(0, 3000))
def test_only_the_longest_are_shortened_and_the_room_is_kept(wanted, room):
    """No column gets more than it asks; a shortened column is never narrower than one
    that shows whole; within the room whenever the room holds every column's least."""
    widths = fair_shares(wanted, room)
    assert set(widths) == set(wanted)
    assert all(MIN_COLUMN <= widths[c] <= max(MIN_COLUMN, wanted[c]) for c in wanted)
    shortened = [widths[c] for c in wanted if widths[c] < wanted[c]]
    whole = [wanted[c] for c in wanted if widths[c] >= wanted[c]]
    if shortened and whole and min(shortened) > MIN_COLUMN:
        assert min(shortened) >= max(whole) - len(wanted)
    if room >= MIN_COLUMN * len(wanted):
        assert sum(widths.values()) <= room
