"""The Medication & visits page (issue 14): medications, the doses of a day, appointments.

``page`` holds :class:`MedicationPage`; ``medications`` the list and its buttons, ``doses``
the day's doses, ``editor`` (with ``schedule_fields``, ``taper`` and ``weekdays``) the
medication dialog, ``stop`` the question for the last day, ``appointments`` the
appointments half. Nothing is imported here, so importing a sibling stays cheap.
"""
