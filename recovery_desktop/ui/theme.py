"""Look and feel: Fusion everywhere, a calm accent, the palette following light or dark."""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import QApplication

from recovery_desktop.paths import resource_path
from recovery_desktop.ui.plain_text import install_plain_text

ACCENT_LIGHT = QColor("#2b7a78")
ACCENT_DARK = QColor("#5fb3ae")

# The style sheet names these colours as @words; each has a light and a dark variant
# with enough contrast on that background.
SHEET_COLOURS: dict[bool, dict[str, str]] = {
    False: {"@warning": "#9a5b00", "@error": "#b3261e", "@saved": "#1e6b3a"},
    True: {"@warning": "#f2b35e", "@error": "#ff8a80", "@saved": "#7fd69b"},
}


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def style_sheet(template: str, dark: bool) -> str:
    """``template`` with its @colour names filled in for a light or dark palette."""
    for name, colour in SHEET_COLOURS[dark].items():
        template = template.replace(name, colour)
    return template


def apply_theme(app: QApplication) -> None:
    install_plain_text(app)  # Fusion, labels plain (ui/plain_text.py)
    qss = resource_path("app.qss")
    template = qss.read_text(encoding="utf-8") if qss.exists() else ""
    _apply_palette(app, QGuiApplication.palette(), template)
    icon = resource_path("icon.svg")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    # Follow the system when it switches between light and dark while the app runs.
    QGuiApplication.styleHints().colorSchemeChanged.connect(
        lambda _scheme: _apply_palette(app, app.style().standardPalette(), template)
    )


def _apply_palette(app: QApplication, palette: QPalette, template: str) -> None:
    dark = is_dark(palette)
    palette.setColor(QPalette.ColorRole.Highlight, ACCENT_DARK if dark else ACCENT_LIGHT)
    text = QColor("#0b1f1e") if dark else QColor("#ffffff")
    palette.setColor(QPalette.ColorRole.HighlightedText, text)
    app.setPalette(palette)
    app.setStyleSheet(style_sheet(template, dark))
