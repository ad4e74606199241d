"""The navigation names each page's class as a ``"module:Class"`` string, so that a page's
module loads only when the page is first shown: every string must lead to the page the
navigation entry is for, or the page could never open."""

from __future__ import annotations

from recovery_desktop.ui.session import Session


def test_every_navigation_entry_names_the_class_of_its_page(window_for, journal, files):
    session = Session(files)
    session.adopt(journal)
    window = window_for(session)
    specs = window.workspace.specs
    assert [spec.title for spec in specs] == [
        "Today",
        "Cravings",
        "Trends",
        "People",
        "Clean time",
        "Triggers & coping",
        "Weekly summary",
        "Settings",
    ]
    for spec in specs:
        page_class = spec.page_class()
        assert (page_class.title, spec.is_of(page_class)) == (spec.title, True), spec.kind
