"""The summary's recovery sections as HTML: escaped, names only when asked, clean time at
the period's end, one plain line when there is nothing to show."""

from dataclasses import replace
from datetime import date, datetime

from recovery_desktop.domain.checkin import CheckIn
from recovery_desktop.domain.contacts import Contact, ReachOut, Role
from recovery_desktop.domain.cravings import Craving, Outcome, Tag
from recovery_desktop.domain.periods import parse_week
from recovery_desktop.domain.recovery_time import CleanPeriod, Lapse
from recovery_desktop.domain.summary import (
    SummaryInputs,
    SummaryNotes,
    SummaryOptions,
    summarise,
)
from recovery_desktop.domain.summary_events import summarise_events
from recovery_desktop.domain.trends import TrendData
from recovery_desktop.reports.sections import SECTIONS, SummaryContext
from recovery_desktop.reports.summary_html import render

WEEK = parse_week("2026-W47")  # 16–22 November 2026
PRINTED = date(2026, 11, 24)
OPIOIDS = "Heroin and other opioids"
CONTACTS = (Contact(1, "Sam <Sponsor>", Role.SPONSOR), Contact(2, "Jordan", Role.FRIEND))
LAPSE = Lapse(
    1,
    datetime(2026, 11, 18, 21, 30),
    OPIOIDS,
    what_used="kept private",
    before="Payday & <script>alert(1)</script>",
    would_help="Give my card to Kim\nand call Sam",
    tell="",
)
PERIODS = (
    CleanPeriod(1, OPIOIDS, date(2026, 9, 1), date(2026, 11, 18), lapse_id=1),
    CleanPeriod(2, OPIOIDS, date(2026, 11, 19)),
    CleanPeriod(3, "Alcohol", date(2026, 12, 1)),  # started after the week
)


def _craving(day, hour, intensity, after, triggers, coping, outcome=Outcome.PASSED):
    return Craving(
        None,
        datetime(2026, 11, day, hour),
        intensity,
        triggers=tuple(Tag(None, t) for t in triggers),
        coping=tuple(Tag(None, c) for c in coping),
        intensity_after=after,
        outcome=outcome,
    )


CRAVINGS = (
    _craving(16, 8, 5, 2, ("Money worries",), ("Walk <fast>",)),
    _craving(17, 19, 9, 3, ("Money worries", "Poor sleep"), ("Call Sam",)),
    _craving(18, 21, 10, None, ("Payday",), (), Outcome.USED),
    _craving(20, 23, 6, 6, ("Poor sleep",), ("Music",)),
)
REACH = (
    ReachOut(None, 1, datetime(2026, 11, 17, 19, 5)),
    ReachOut(None, 1, datetime(2026, 11, 19, 10, 0), helped=True),
    ReachOut(None, 2, datetime(2026, 11, 20, 12, 0), helped=False),
)


def _inputs(cravings=CRAVINGS, reach=REACH, lapses=(LAPSE,), periods=PERIODS):
    trend = TrendData(WEEK, cravings=cravings, reach_outs=reach, lapses=lapses)
    checkins = (CheckIn(date(2026, 11, 16), mood=5),)
    return SummaryInputs(WEEK, checkins, SummaryNotes(), (), trend, CONTACTS, periods)


def _html(options=None, **changes):
    options = options or SummaryOptions()
    inputs = _inputs(**changes)
    context = SummaryContext(
        summarise(WEEK, inputs.checkins, today=PRINTED),
        events=summarise_events(inputs, PRINTED),
        show_names=options.show_names,
    )
    return render(context, options, PRINTED).html


def _section(html, title):
    start = html.index(f"<h2>{title}</h2>")
    end = html.find("<h2>", start + 1)
    return html[start : end if end != -1 else None]


def test_new_sections_are_on_by_default_in_a_sensible_order():
    """Clean time and lapses follow the days used; cravings and what helped come next;
    people follow meetings and therapy."""
    keys = [spec.key for spec in SECTIONS]
    expected = ["use", "clean_time", "lapses", "cravings", "helped", "halt", "support", "people"]
    assert [k for k in keys if k in expected] == expected
    assert all(spec.default_on for spec in SECTIONS if spec.key in expected)


def test_cravings_give_count_peak_triggers_and_times_of_day():
    """Four cravings, strongest 10, the two most common triggers, and when they came."""
    text = _section(_html(), "Cravings")
    assert "Cravings logged: 4" in text
    assert "strongest 10, average 7.5" in text
    assert "passed: 3" in text and "ended in using: 1" in text
    assert "Most common triggers: Money worries (2), Poor sleep (2), Payday (1)" in text
    assert "morning 1 \u00b7 afternoon 0 \u00b7 evening 2 \u00b7 night 1" in text


def test_what_helped_lists_biggest_drops_with_uses_and_escapes_names():
    """Call Sam (−6) before Walk (−3); Music changed nothing and is left out."""
    text = _section(_html(), "What helped most")
    assert text.index("Call Sam: 6 points lower") < text.index("Walk &lt;fast&gt;: 3 points")
    assert "(used 1 time)" in text
    assert "Music" not in text and "<fast>" not in text


def test_people_are_counted_by_role_and_named_only_when_asked():
    """By default roles only; with show_names the escaped names appear."""
    hidden = _section(_html(), "People I reached out to")
    assert "Reach-outs: 3 (it helped 1)" in hidden
    assert "Sponsor 2" in hidden and "Friend 1" in hidden
    assert "Sam" not in hidden and "Jordan" not in hidden
    shown = _section(_html(SummaryOptions(show_names=True)), "People I reached out to")
    assert "Sponsor: Sam &lt;Sponsor&gt; 2" in shown and "Friend: Jordan 1" in shown


def test_lapses_print_when_and_what_was_written_escaped():
    """The lapse's day and time and the user's answers print as text, never as markup."""
    text = _section(_html(), "Lapses")
    assert "Lapses recorded: 1" in text
    assert "Wednesday 18 November, 21:30" in text
    assert "Payday &amp; &lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "Give my card to Kim<br>and call Sam" in text
    assert "<script>" not in text
    assert "Who I want to tell" not in text  # left blank, so not printed
    assert "kept private" not in text


def test_clean_time_is_given_as_of_the_last_day_of_the_period():
    """On Sunday 22 November the new count (from 19 November) is 3 days; the earlier attempt
    adds 78 days; alcohol's clean date came later and is left out."""
    text = _section(_html(), "Clean time")
    assert f"{OPIOIDS}: 3 days in a row on 22 November" in text
    assert "81 clean days in all" in text
    assert "Alcohol" not in text


def test_clean_time_before_a_later_lapse_keeps_the_old_streak():
    """A lapse after the period does not shorten the streak printed for it."""
    later = (
        CleanPeriod(1, OPIOIDS, date(2026, 9, 1), date(2026, 12, 3), lapse_id=1),
        CleanPeriod(2, OPIOIDS, date(2026, 12, 4)),
    )
    text = _section(_html(periods=later, lapses=()), "Clean time")
    assert "82 days in a row on 22 November" in text and "82 clean days in all" in text


def test_empty_sections_say_so_in_one_line():
    """Nothing recorded: each new section prints a single plain sentence."""
    html = _html(cravings=(), reach=(), lapses=(), periods=())
    for title, line in (
        ("Cravings", "No cravings logged in this period."),
        ("What helped most", "No coping action lowered a craving"),
        ("People I reached out to", "No reach-outs logged in this period."),
        ("Lapses", "No lapses recorded in this period."),
        ("Clean time", "No clean date set."),
    ):
        text = _section(html, title)
        assert line in text
        assert text.count("<p") == 1


def test_sections_can_be_switched_off():
    """An unticked recovery section is not printed at all."""
    html = _html(SummaryOptions(sections={"lapses": False, "people": False}))
    assert "<h2>Lapses</h2>" not in html and "Reach-outs" not in html
    assert "<h2>Clean time</h2>" in html


def test_what_helped_says_1_point_lower_for_a_one_point_drop():
    """A drop of exactly one point reads "1 point lower", never "1 points"."""
    cravings = (_craving(16, 8, 5, 4, ("Money worries",), ("Breathe",)),)
    text = _section(_html(cravings=cravings), "What helped most")
    assert "Breathe: 1 point lower on average (used 1 time)" in text


def test_a_week_ending_on_a_lapse_day_names_it_and_the_restart():
    """Lapse on Sunday 22 November, counting again from the 23rd: the week's clean time
    names both days and keeps the days counted before."""
    lapse = Lapse(1, datetime(2026, 11, 22, 23, 0), OPIOIDS)
    periods = (
        CleanPeriod(1, OPIOIDS, date(2026, 9, 1), date(2026, 11, 22), lapse_id=1),
        CleanPeriod(2, OPIOIDS, date(2026, 11, 23), started_by=1),
    )
    inputs = replace(_inputs(lapses=(lapse,), periods=periods), lapse_history=(lapse,))
    context = SummaryContext(
        summarise(WEEK, inputs.checkins, today=PRINTED),
        events=summarise_events(inputs, PRINTED),
    )
    text = _section(render(context, SummaryOptions(), PRINTED).html, "Clean time")
    assert f"{OPIOIDS}: last lapse 22 November; counting again from 23 November" in text
    assert "82 clean days in all" in text
