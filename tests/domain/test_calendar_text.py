"""Dates in the app's words."""

from datetime import date

from recovery_desktop.domain.calendar_text import short_day_seen_from


def test_a_short_day_names_its_year_only_when_it_is_another_year():
    today = date(2026, 11, 30)
    assert short_day_seen_from(date(2026, 3, 2), today) == "Mon 2 Mar"
    assert short_day_seen_from(date(2024, 12, 2), today) == "Mon 2 Dec 2024"
