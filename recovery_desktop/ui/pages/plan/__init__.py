"""The Plan page: the private aftercare plan, its history and its printouts.

Nothing is imported here, so importing a sibling stays cheap.
"""
