"""The Today page: the day's check-in and what else the day holds.

``page`` holds :class:`TodayPage`; ``checkin_form`` its check-in form and ``story`` the
day's cravings, lapses and the questions they raise. Nothing is imported here, so importing
a sibling stays cheap.
"""
