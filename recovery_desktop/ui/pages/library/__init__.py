"""The Triggers and coping page: the user's own lists of triggers and coping steps.

``page`` holds :class:`LibraryPage`; ``item_list`` one editable list of either kind.
Nothing is imported here, so importing a sibling stays cheap.
"""
