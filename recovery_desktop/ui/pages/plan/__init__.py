"""The Plan page: the aftercare plan, section by section."""
