"""What the user typed is drawn exactly as typed: "$", "^", "_", "\\" and braces are text,
never a formula, in every chart, style and output."""

from datetime import date, datetime, timedelta

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.text import Text

from recovery_desktop.domain.cravings import Craving, Tag
from recovery_desktop.domain.periods import Period
from recovery_desktop.domain.trends import TrendData
from recovery_desktop.reports.chart_kit import Chart, image
from recovery_desktop.reports.charts import CHARTS, chart_spec
from recovery_desktop.reports.style import DARK, LIGHT, PRINT

NAMES = (
    "Got $20 from mum, owed $15",
    "Payday ($$)",
    "a_b^c \\x {y}",
    "<b>bold</b> & co",
)
MONDAY = date(2026, 11, 2)
PERIOD = Period(MONDAY, MONDAY + timedelta(days=13))
STYLES = {"light": LIGHT, "dark": DARK, "print": PRINT}


def _data() -> TrendData:
    """Three rated cravings per name, each naming it as trigger and as coping step."""
    cravings = tuple(
        Craving(
            None,
            datetime.combine(MONDAY + timedelta(days=day), datetime.min.time()).replace(hour=20),
            7,
            triggers=(Tag(None, name),),
            coping=(Tag(None, name),),
            intensity_after=3,
        )
        for name in NAMES
        for day in range(3)
    )
    return TrendData(PERIOD, cravings=cravings)


def _drawn_texts(chart: Chart) -> list[Text]:
    """Every piece of text in the figure after a full draw (ticks are made while drawing)."""
    FigureCanvasAgg(chart.figure).draw()
    return [t for t in chart.figure.findobj(Text) if t.get_visible() and t.get_text()]


def _literal_width(text: Text) -> float:
    """The width of ``text`` drawn as plain characters in the same font."""
    figure = text.get_figure(root=True)
    plain = figure.text(0, 0, text.get_text(), fontproperties=text.get_fontproperties())
    plain.set_parse_math(False)
    width = plain.get_window_extent(figure.canvas.get_renderer()).width
    plain.remove()
    return width


@pytest.mark.parametrize("style", STYLES.values(), ids=STYLES.keys())
@pytest.mark.parametrize("spec", CHARTS, ids=lambda s: s.key)
def test_every_chart_draws_user_text_as_typed(spec, style):
    """Each chart draws without error, and every text on it (tick labels, legends, notes,
    titles) is plain text with the width of its characters, not a formula."""
    texts = _drawn_texts(spec.build(_data(), style))
    for text in texts:
        assert not text.get_usetex()
        assert not text.get_parse_math(), text.get_text()
    for text in texts:
        if text.get_text() in NAMES:
            assert text.get_window_extent().width == pytest.approx(_literal_width(text), abs=0.5)


@pytest.mark.parametrize("key", ["triggers", "coping"])
def test_names_on_the_ranked_charts_are_the_typed_names(key):
    """The Triggers and coping charts label their bars with the names exactly as typed."""
    chart = chart_spec(key).build(_data(), LIGHT)
    labels = [t.get_text() for t in chart.figure.axes[0].get_yticklabels()]
    assert sorted(labels) == sorted(NAMES)
    hovered = [p.text.split("\n")[0] for p in chart.points]
    assert sorted(hovered) == sorted(NAMES)


@pytest.mark.parametrize("fmt", ["png", "svg"])
def test_a_saved_triggers_chart_with_dollar_signs_is_made(fmt):
    """The image "Save image…" writes is made with "Payday ($$)" on the chart."""
    made = image(chart_spec("triggers").build(_data(), LIGHT), fmt)
    assert len(made) > 1000
    if fmt == "svg":
        assert b"Payday ($$)" in made  # its text comment keeps the name as typed
