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


@pytest.fixture
def app_palette(qapp):
    """Set the application palette for one test (the style sheet's palette() reads it)."""
    before = QPalette(qapp.palette())
    yield qapp.setPalette
    qapp.setPalette(before)


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_a_multi_line_text_field_shows_where_the_typing_goes(qtbot, app_palette, dark):
    """A focused note field is framed in the highlight colour; unfocused, it is not."""
    from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

    from recovery_desktop.ui.theme import ACCENT_DARK, ACCENT_LIGHT

    palette = QPalette(QColor("#2a2a2a" if dark else "#efefef"))
    accent = ACCENT_DARK if dark else ACCENT_LIGHT
    palette.setColor(QPalette.ColorRole.Highlight, accent)
    app_palette(palette)
    window = QWidget()
    window.setStyleSheet(style_sheet(resource_path("app.qss").read_text(encoding="utf-8"), dark))
    note, other = QPlainTextEdit(window), QLineEdit(window)
    layout = QVBoxLayout(window)
    layout.addWidget(note)
    layout.addWidget(other)
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    window.activateWindow()

    def left_edge():
        return note.grab().toImage().pixelColor(0, note.height() // 2)

    other.setFocus()
    qtbot.waitUntil(other.hasFocus)
    assert left_edge() != accent
    note.setFocus()
    qtbot.waitUntil(note.hasFocus)
    assert left_edge() == accent
