"""Charts rendered to pixels off the GUI thread: the picture has the size asked for, and
hover positions match where the points are drawn."""

import pytest

from recovery_desktop.reports.chart_render import SCREEN_DPI, render
from recovery_desktop.reports.charts import CHARTS, chart_spec
from recovery_desktop.reports.style import LIGHT
from tests.reports.test_charts import DATA


@pytest.mark.parametrize("ratio", [1.0, 1.5, 2.0])
@pytest.mark.parametrize("width", [741, 928, 1201])
def test_the_picture_has_exactly_the_pixels_of_its_place(width, ratio):
    """A chart for a place 741 logical pixels wide on a 1.5× screen is 1112 pixels wide."""
    shown = render(chart_spec("energy").build(DATA, LIGHT), width, 260, ratio)
    assert (shown.width, shown.height) == (round(width * ratio), round(260 * ratio))
    assert len(shown.rgba) == shown.width * shown.height * 4


def test_hover_positions_are_where_the_points_are_drawn():
    """Each hover point is described where its marker is, and nowhere far from it."""
    shown = render(chart_spec("mood_craving").build(DATA, LIGHT), 900, 300)
    point = next(p for p in shown.chart.points if "Mood:" in p.text)
    x, y = shown.chart.figure.axes[point.axes].transData.transform((point.x, point.y))
    assert shown.point_text_at(x + 2, y + 2, 12) == point.text
    assert shown.point_text_at(x + 200, -500, 12) is None


@pytest.mark.parametrize("spec", CHARTS, ids=lambda spec: spec.key)
def test_each_chart_keeps_the_room_its_spec_promises(spec):
    """The room kept on screen before a chart is drawn is the height it is drawn at, so
    nothing moves when it arrives."""
    assert spec.build(DATA, LIGHT).figure.get_figheight() == spec.height
    assert round(spec.height * SCREEN_DPI) > 0
