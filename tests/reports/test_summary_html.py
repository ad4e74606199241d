"""The summary HTML: escaped, sections switchable, discreet when asked."""

from datetime import date

from recovery_desktop.domain.checkin import CheckIn
from recovery_desktop.domain.periods import parse_week
from recovery_desktop.domain.summary import SummaryNotes, SummaryOptions, summarise
from recovery_desktop.reports.sections import SECTIONS, SummaryContext
from recovery_desktop.reports.summary_html import initials, render

WEEK = parse_week("2026-W47")
NOTE = '<b>bold?</b> & "quotes"'


def _render(options=None, notes=None, previous=()):
    options = options or SummaryOptions()
    notes = notes or SummaryNotes()
    checkins = [CheckIn(date(2026, 11, 17), mood=6, note=NOTE)]
    images = {"mood_craving": "mood.png", "stress_sleep": "sleep.png"}
    context = SummaryContext(
        summarise(WEEK, checkins, today=date(2026, 11, 24)), notes, previous, images
    )
    return render(context, options, date(2026, 11, 24))


def test_notes_are_private_until_switched_on():
    """By default no check-in note is printed."""
    assert "bold?" not in _render().html
    assert not next(s for s in SECTIONS if s.key == "notes").default_on


def test_user_text_is_escaped():
    """A note with markup prints as text, never as HTML."""
    html = _render(SummaryOptions(sections={"notes": True})).html
    assert "&lt;b&gt;bold?&lt;/b&gt; &amp; &quot;quotes&quot;" in html
    assert "<b>bold?" not in html


def test_discreet_uses_initials_and_leaves_out_the_app_name():
    """Discretion: "A. R." instead of the name, and no "Recovery Desktop" anywhere."""
    plain = _render(SummaryOptions(name="Alex Rivera"))
    assert "Alex Rivera" in plain.html and "Recovery Desktop" in plain.html + plain.footer
    discreet = _render(SummaryOptions(name="Alex Rivera", discreet=True))
    assert "Alex Rivera" not in discreet.html + discreet.footer
    assert "A. R." in discreet.html
    assert "Recovery Desktop" not in discreet.html + discreet.footer


def test_footer_says_self_reported_and_the_print_date():
    """The footer names the data as self-reported and dates the print."""
    footer = _render().footer
    assert "Self-reported" in footer and "24 November 2026" in footer


def test_a_section_without_data_says_so_in_one_line():
    """Empty lists and charts without images print a single plain line."""
    html = _render().html
    assert "Nothing added." in html
    assert "No mood or craving answers" not in html  # mood was answered...
    assert 'src="mood.png"' in html and 'src="sleep.png"' not in html
    assert "No sleep or stress answers in this period." in html  # ...sleep was not


def test_switching_a_section_off_removes_it():
    """Unticked sections are not printed at all."""
    html = _render(SummaryOptions(sections={"halt": False})).html
    assert "HALT" not in html


def test_goals_show_last_time_and_this_time():
    """Last period's goals appear above this period's."""
    html = _render(notes=SummaryNotes(goals=("walk daily",)), previous=("call Sam",)).html
    assert html.index("call Sam") < html.index("walk daily")
    assert "Goals I set last time" in html


def test_initials():
    """First and last word, upper-cased."""
    assert initials("alex van dijk") == "A. D."
    assert initials("Sam") == "S."
    assert initials("  ") == ""
