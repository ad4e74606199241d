"""Trigger names in Hebrew and Arabic read correctly in the charts.

matplotlib before 3.11 drew every label left to right, one letter at a time: Hebrew came out
backwards and Arabic letters stood apart. Each test compares the chart drawn from the name as
typed with the same chart drawn from the name laid out by hand, letter by letter in the order
and form a reader sees (forced left to right with U+202D ... U+202C).
"""

import re
from datetime import date, datetime, time, timedelta

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg

from recovery_desktop.domain.cravings import Craving, Tag
from recovery_desktop.domain.periods import Period
from recovery_desktop.domain.trends import TrendData
from recovery_desktop.reports.chart_kit import Chart, image
from recovery_desktop.reports.charts import chart_spec
from recovery_desktop.reports.style import LIGHT

MONDAY = date(2026, 11, 2)
PERIOD = Period(MONDAY, MONDAY + timedelta(days=6))
LEFT_TO_RIGHT, END = "\u202d", "\u202c"  # draw exactly in this order, then back to normal

HEBREW = "שינה גרועה"  # "poor sleep", as typed (first letter first)
HEBREW_SEEN = HEBREW[::-1]  # as read on screen from left to right
ARABIC = "تعب"  # "tiredness": three letters that all join
ARABIC_SEEN = "\ufe90\ufecc\ufe97"  # final beh, medial ain, initial teh, left to right
ARABIC_APART = "\ufe8f\ufec9\ufe95"  # the same letters in their stand-alone forms


def _forced(text: str) -> str:
    return LEFT_TO_RIGHT + text + END


def _chart(trigger: str) -> Chart:
    """The Triggers chart for a week with one craving, set off by ``trigger``."""
    craving = Craving(None, datetime.combine(MONDAY, time(20)), 6, triggers=(Tag(None, trigger),))
    chart = chart_spec("triggers").build(TrendData(PERIOD, cravings=(craving,)), LIGHT)
    assert [label.get_text() for label in chart.figure.axes[0].get_yticklabels()] == [trigger]
    return chart


def _drawn(trigger: str) -> np.ndarray:
    """The Triggers chart's pixels, as on screen and in the printed summary (Agg)."""
    canvas = FigureCanvasAgg(_chart(trigger).figure)
    canvas.draw()
    return np.asarray(canvas.buffer_rgba()).copy()


def _saved_svg_glyphs(trigger: str) -> list[str]:
    """The visible glyphs of the trigger's label, left to right with their places, in the
    Triggers chart saved as an SVG image (text is saved as glyph outlines)."""
    svg = image(_chart(trigger), "svg").decode("utf-8")
    start = svg.index(f"<!-- {trigger} -->")
    label = svg[start : svg.index("</g>", start)]
    blank = set(re.findall(r'<path id="([^"]+)"(?: transform="[^"]*")?/>', svg))  # spaces
    glyphs = re.findall(r'<use xlink:href="#([^"]+)"(?: transform="([^"]*)")?/>', label)
    return [f"{glyph} {place}" for glyph, place in glyphs if glyph not in blank]


def _pixels_apart(one: np.ndarray, other: np.ndarray) -> int:
    return int(np.any(one != other, axis=-1).sum())


def test_a_hebrew_trigger_reads_right_to_left():
    """The first letter typed is drawn rightmost, exactly as the name laid out by hand."""
    as_typed = _drawn(HEBREW)
    by_hand = _drawn(_forced(HEBREW_SEEN))
    backwards = _drawn(_forced(HEBREW))  # what matplotlib 3.10 drew
    assert _pixels_apart(by_hand, backwards) > 0, "the comparison must see the letter order"
    assert _pixels_apart(as_typed, by_hand) == 0, "Hebrew is drawn in typing order, backwards"


def test_an_arabic_trigger_has_its_letters_joined():
    """The letters take their joined forms, right to left, as the name laid out by hand."""
    as_typed = _drawn(ARABIC)
    by_hand = _drawn(_forced(ARABIC_SEEN))
    apart = _drawn(_forced(ARABIC_APART[::-1]))  # what matplotlib 3.10 drew
    assert _pixels_apart(by_hand, apart) > 0, "the comparison must see the joins"
    assert _pixels_apart(as_typed, by_hand) == 0, "Arabic is drawn unjoined or backwards"


def test_a_chart_saved_as_svg_draws_hebrew_right_to_left_and_arabic_joined():
    """ "Save image…" as SVG places the same glyphs as the names laid out by hand."""
    for typed, seen in ((HEBREW, HEBREW_SEEN), (ARABIC, ARABIC_SEEN)):
        as_typed = _saved_svg_glyphs(typed)
        assert len(as_typed) >= 3
        assert as_typed == _saved_svg_glyphs(_forced(seen)), typed
        assert as_typed != _saved_svg_glyphs(_forced(typed)), "order must count"
