"""The style sheet's status colours read well on light and on dark palettes."""

import pytest
from PySide6.QtGui import QColor, QPalette

from recovery_desktop.paths import resource_path
from recovery_desktop.ui.theme import SHEET_COLOURS, is_dark, style_sheet


def luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(c) for c in (colour.redF(), colour.greenF(), colour.blueF()))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(one: QColor, other: QColor) -> float:
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_every_colour_name_is_filled_in(dark):
    sheet = style_sheet(resource_path("app.qss").read_text(encoding="utf-8"), dark)
    assert "@" not in sheet
    for colour in SHEET_COLOURS[dark].values():
        assert colour in sheet


@pytest.mark.parametrize(
    ("dark", "backgrounds"),
    [(False, ["#efefef", "#ffffff"]), (True, ["#353535", "#2a2a2a", "#1e1e1e"])],
    ids=["light", "dark"],
)
def test_status_colours_have_enough_contrast(dark, backgrounds):
    """Saved, warning and error text meet the 4.5:1 contrast of WCAG AA on window and base."""
    for background in backgrounds:
        assert is_dark(QPalette(QColor(background))) is dark
        for name, colour in SHEET_COLOURS[dark].items():
            assert contrast(QColor(colour), QColor(background)) >= 4.5, (name, background)
