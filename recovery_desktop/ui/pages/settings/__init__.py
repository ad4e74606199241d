"""The Settings page: preferences, the journal's key, backups, export and import.

``page`` holds :class:`SettingsPage`; ``backups`` its backups section. Nothing is imported
here, so importing a sibling stays cheap.
"""
