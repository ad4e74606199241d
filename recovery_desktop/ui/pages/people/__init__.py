"""The People page: the support network, the reach-out log and crisis lines.

``page`` holds :class:`PeoplePage`; ``contacts``, ``log`` and ``crisis`` its three sections.
Nothing is imported here, so importing a sibling stays cheap.
"""
