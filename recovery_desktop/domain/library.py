"""The triggers and coping library: user-editable lists, each item in a category.

A new journal starts with the risk factors and prevention steps that relapse research keeps
finding, written in our own words. Archived items leave the lists but stay on past records.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass

MAX_NAME_CHARACTERS = 120


class Kind(enum.Enum):
    TRIGGER = "trigger"
    COPING = "coping"

    @property
    def label(self) -> str:
        return "Trigger" if self is Kind.TRIGGER else "Coping action"


TRIGGER_CATEGORIES = (
    "People",
    "Places",
    "Situations",
    "Feelings",
    "Stress",
    "Boredom and idle time",
    "Physical",
    "Transitions",
)
COPING_CATEGORIES = ("Reach out", "Move", "Calm", "Distract", "Meeting", "Plan")
CATEGORIES = {Kind.TRIGGER: TRIGGER_CATEGORIES, Kind.COPING: COPING_CATEGORIES}


class LibraryError(ValueError):
    """A library entry that cannot be saved, in plain words."""


@dataclass(frozen=True)
class LibraryItem:
    id: int | None
    kind: Kind
    name: str
    category: str
    position: int = 0
    archived: bool = False
    favourite: bool = False  # coping steps shown in the craving panel

    def validate(self) -> None:
        if not self.name.strip():
            raise LibraryError("Please give it a name.")
        if len(self.name) > MAX_NAME_CHARACTERS:
            raise LibraryError(f"Names can be at most {MAX_NAME_CHARACTERS} characters.")
        if self.category not in CATEGORIES[self.kind]:
            raise LibraryError("Please choose one of the listed categories.")


def name_key(name: str) -> str:
    """How two names in one list are compared: without surrounding spaces, ignoring case."""
    return name.strip().casefold()


def same_name(
    items: Iterable[LibraryItem], name: str, other_than: int | None = None
) -> LibraryItem | None:
    """The first of ``items`` called ``name`` (see :func:`name_key`), leaving out the item
    with id ``other_than`` (the one being renamed); None when no other item has that name."""
    wanted = name_key(name)
    return next((i for i in items if i.id != other_than and name_key(i.name) == wanted), None)


class DuplicateName(LibraryError):
    """The list already holds ``existing`` (perhaps archived) under the name given.

    The message does not quote the name (errors never carry journal text)."""

    def __init__(self, existing: LibraryItem) -> None:
        super().__init__("That name is already in the list.")
        self.existing = existing


DEFAULT_TRIGGERS: tuple[tuple[str, str], ...] = (
    ("People", "Friends or people who still use"),
    ("People", "Someone pushing me to use"),
    ("People", "An argument at home"),
    ("Places", "Places where I used to use"),
    ("Places", "Driving past the old neighbourhood"),
    ("Situations", "Payday, or having cash on me"),
    ("Situations", "Seeing things I used with (spoons, foil, needles)"),
    ("Situations", "Parties and drinking"),
    ("Feelings", "Feeling alone or hopeless"),
    ("Feelings", "Grief or a loss"),
    ("Feelings", "Anxiety or low mood"),
    ("Feelings", "Thinking I could use just once and stay in control"),
    ("Stress", "Pressure at work or school"),
    ("Stress", "Money worries"),
    ("Stress", "Bad news out of nowhere"),
    ("Boredom and idle time", "A day with nothing planned"),
    ("Boredom and idle time", "Evenings on my own"),
    ("Boredom and idle time", "Weekends without a routine"),
    ("Physical", "Pain"),
    ("Physical", "Poor sleep"),
    ("Physical", "Being hungry or worn out"),
    ("Transitions", "Coming home from treatment"),
    ("Transitions", "Moving house"),
    ("Transitions", "Starting or losing a job"),
    ("Transitions", "A relationship ending"),
)

DEFAULT_COPING: tuple[tuple[str, str, bool], ...] = (
    ("Reach out", "Call my sponsor", True),
    ("Reach out", "Text someone who backs my recovery", True),
    ("Reach out", "Talk it through with family", False),
    ("Move", "Go for a walk", True),
    ("Move", "Exercise hard for twenty minutes", False),
    ("Move", "Leave the place I'm in", False),
    ("Calm", "Slow breathing for five minutes", True),
    ("Calm", "Ride out the urge until it passes", True),
    ("Calm", "Take a hot shower", False),
    ("Distract", "Cook or eat something", False),
    ("Distract", "Clean or tidy one thing", False),
    ("Distract", "Music, a book or a show", False),
    ("Distract", "Make something: draw, write, fix", False),
    ("Meeting", "Go to a meeting", False),
    ("Meeting", "Join an online meeting", False),
    ("Plan", "Read my reasons for recovery", False),
    ("Plan", "Plan the rest of my day, hour by hour", False),
    ("Plan", "Think the first use through to the next morning", False),
    ("Plan", "Take my medication as prescribed", False),
)


def default_items() -> list[LibraryItem]:
    """The pre-filled library, in display order."""
    items = [
        LibraryItem(None, Kind.TRIGGER, name, category, position)
        for position, (category, name) in enumerate(DEFAULT_TRIGGERS)
    ]
    items += [
        LibraryItem(None, Kind.COPING, name, category, position, favourite=favourite)
        for position, (category, name, favourite) in enumerate(DEFAULT_COPING)
    ]
    return items
