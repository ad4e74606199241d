"""The triggers and coping library against a real encrypted journal."""

from datetime import datetime

import pytest

from recovery_desktop.domain.cravings import Craving, Tag
from recovery_desktop.domain.library import (
    CATEGORIES,
    DEFAULT_COPING,
    DEFAULT_TRIGGERS,
    DuplicateName,
    Kind,
    LibraryError,
    LibraryItem,
)


def _names(journal, kind, include_archived=False):
    return [i.name for i in journal.library.items(kind, include_archived)]


def test_a_new_journal_starts_with_the_common_triggers_and_coping_steps(journal):
    """25 triggers and 19 coping steps, in the listed order, each in a known category."""
    triggers = journal.library.items(Kind.TRIGGER)
    coping = journal.library.items(Kind.COPING)
    assert (len(triggers), len(coping)) == (25, 19)
    assert journal.library.count(Kind.TRIGGER) == 25
    assert [i.name for i in triggers] == [name for _category, name in DEFAULT_TRIGGERS]
    assert [i.name for i in coping] == [name for _category, name, _fav in DEFAULT_COPING]
    for item in triggers + coping:
        assert item.category in CATEGORIES[item.kind]
        assert not item.archived
    assert not any(i.favourite for i in triggers)


def test_some_coping_steps_start_in_the_craving_panel(journal):
    """The pre-filled favourites are coping steps, and only some of them."""
    favourites = journal.library.favourites()
    assert 0 < len(favourites) < journal.library.count(Kind.COPING)
    assert {i.kind for i in favourites} == {Kind.COPING}
    assert "Call my sponsor" in [i.name for i in favourites]


def test_an_added_item_goes_to_the_end_of_its_own_list(journal):
    """Adding trims the name, gives an id and puts the item last in its list only."""
    added = journal.library.add(LibraryItem(None, Kind.TRIGGER, "  Sunday evenings  ", "Feelings"))
    assert added.id is not None
    assert added.name == "Sunday evenings"
    assert _names(journal, Kind.TRIGGER)[-1] == "Sunday evenings"
    assert "Sunday evenings" not in _names(journal, Kind.COPING)
    assert journal.library.get(added.id) == added


@pytest.mark.parametrize(
    ("name", "category"),
    [("   ", "Feelings"), ("x" * 121, "Feelings"), ("Fine name", "Reach out")],
)
def test_invalid_items_are_refused_and_nothing_is_saved(journal, name, category):
    """An empty or too long name, or a category of the other list, is refused."""
    with pytest.raises(LibraryError):
        journal.library.add(LibraryItem(None, Kind.TRIGGER, name, category))
    assert journal.library.count(Kind.TRIGGER) == 25


def test_update_renames_recategorises_and_favourites(journal):
    """Every editable field of an item reads back after an update."""
    item = journal.library.items(Kind.COPING)[-1]
    assert not item.favourite
    journal.library.update(
        LibraryItem(item.id, Kind.COPING, "Take my meds", "Calm", item.position, favourite=True)
    )
    changed = journal.library.get(item.id)
    assert (changed.name, changed.category, changed.favourite) == ("Take my meds", "Calm", True)
    assert changed in journal.library.favourites()


def test_move_changes_the_order_and_stops_at_the_ends(journal):
    """Moving up and down reorders the list; moving past an end keeps the item there."""
    first, second = journal.library.items(Kind.TRIGGER)[:2]
    journal.library.move(second.id, -1)
    assert _names(journal, Kind.TRIGGER)[:2] == [second.name, first.name]
    journal.library.move(second.id, -5)
    assert _names(journal, Kind.TRIGGER)[0] == second.name
    journal.library.move(second.id, 100)
    assert _names(journal, Kind.TRIGGER)[-1] == second.name
    assert journal.library.count(Kind.TRIGGER) == 25


def test_archived_items_leave_the_list_but_can_be_restored(journal):
    """Archiving hides an item (and its favourite); restoring brings it back in place."""
    sponsor = journal.library.items(Kind.COPING)[0]
    journal.library.set_archived(sponsor.id, True)
    assert sponsor.name not in _names(journal, Kind.COPING)
    assert sponsor.name in _names(journal, Kind.COPING, include_archived=True)
    assert sponsor.id not in [i.id for i in journal.library.favourites()]
    assert journal.library.count(Kind.COPING) == 19
    journal.library.set_archived(sponsor.id, False)
    assert _names(journal, Kind.COPING)[0] == sponsor.name


def test_library_edits_do_not_change_past_cravings(journal):
    """A craving keeps the trigger and coping names it was saved with after renames and archives."""
    trigger = journal.library.items(Kind.TRIGGER)[0]
    coping = journal.library.items(Kind.COPING)[0]
    saved = journal.cravings.save(
        Craving(
            None,
            datetime(2026, 11, 16, 21, 30),
            intensity=7,
            triggers=(Tag(trigger.id, trigger.name),),
            coping=(Tag(coping.id, coping.name),),
            intensity_after=3,
        )
    )
    before = journal.cravings.get(saved.id)
    journal.library.update(LibraryItem(trigger.id, Kind.TRIGGER, "Old crowd", "Places"))
    journal.library.update(LibraryItem(coping.id, Kind.COPING, "Ring Jo", "Reach out"))
    journal.library.set_archived(trigger.id, True)
    journal.library.set_archived(coping.id, True)
    after = journal.cravings.get(saved.id)
    assert after == before
    assert after.triggers == (Tag(trigger.id, trigger.name),)
    assert after.coping == (Tag(coping.id, coping.name),)


@pytest.mark.parametrize("typed", ["Poor sleep", "poor SLEEP", "  Poor sleep  "])
def test_adding_a_name_already_in_the_list_is_refused(journal, typed):
    """A name already in the list, in any case or with spaces around it, is not added twice."""
    with pytest.raises(DuplicateName) as refused:
        journal.library.add(LibraryItem(None, Kind.TRIGGER, typed, "Physical"))
    assert refused.value.existing.name == "Poor sleep"
    assert _names(journal, Kind.TRIGGER).count("Poor sleep") == 1
    assert journal.library.count(Kind.TRIGGER) == 25


def test_the_same_name_in_the_other_list_is_not_a_duplicate(journal):
    """A trigger and a coping action may share a name; only one list is compared."""
    added = journal.library.add(LibraryItem(None, Kind.COPING, "Poor sleep", "Calm"))
    assert added.name in _names(journal, Kind.COPING)


def test_an_archived_name_is_refused_by_add_and_brought_back_by_find_or_add(journal):
    """Archived items count as taken; typing one in the craving panel restores it in place."""
    sleep = next(i for i in journal.library.items(Kind.TRIGGER) if i.name == "Poor sleep")
    journal.library.set_archived(sleep.id, True)
    with pytest.raises(DuplicateName):
        journal.library.add(LibraryItem(None, Kind.TRIGGER, "poor sleep", "Feelings"))
    found = journal.library.find_or_add(LibraryItem(None, Kind.TRIGGER, "poor sleep", "Feelings"))
    assert (found.id, found.name, found.category, found.archived) == (
        sleep.id,
        "Poor sleep",
        "Physical",
        False,
    )
    assert journal.library.count(Kind.TRIGGER) == 25


def test_find_or_add_adds_a_new_name_once(journal):
    """The same new name typed twice makes one item, the second time found, not copied."""
    first = journal.library.find_or_add(LibraryItem(None, Kind.COPING, "Walk the dog", "Move"))
    second = journal.library.find_or_add(LibraryItem(None, Kind.COPING, "walk the dog ", "Calm"))
    assert second == first
    assert _names(journal, Kind.COPING).count("Walk the dog") == 1
    assert journal.library.count(Kind.COPING) == 20


def test_renaming_into_another_items_name_is_refused(journal):
    """An update cannot make two items of one list share a name; its own name may change case."""
    pain, sleep = (
        next(i for i in journal.library.items(Kind.TRIGGER) if i.name == name)
        for name in ("Pain", "Poor sleep")
    )
    with pytest.raises(DuplicateName):
        journal.library.update(LibraryItem(pain.id, Kind.TRIGGER, "POOR SLEEP", "Physical"))
    assert journal.library.get(pain.id).name == "Pain"
    journal.library.update(LibraryItem(sleep.id, Kind.TRIGGER, "poor sleep", "Physical"))
    assert journal.library.get(sleep.id).name == "poor sleep"
