"""Look and feel: Fusion everywhere, a calm accent, the palette following light or dark."""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import QApplication

from recovery_desktop.paths import resource_path

ACCENT_LIGHT = QColor("#2b7a78")
ACCENT_DARK = QColor("#5fb3ae")


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def apply_theme(app: QApplication) -> None:
    app.setStyle("Fusion")
    _apply_palette(app, QGuiApplication.palette())
    qss = resource_path("app.qss")
    if qss.exists():
        app.setStyleSheet(qss.read_text(encoding="utf-8"))
    icon = resource_path("icon.svg")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    # Follow the system when it switches between light and dark while the app runs.
    QGuiApplication.styleHints().colorSchemeChanged.connect(
        lambda _scheme: _apply_palette(app, app.style().standardPalette())
    )


def _apply_palette(app: QApplication, palette: QPalette) -> None:
    accent = ACCENT_DARK if is_dark(palette) else ACCENT_LIGHT
    palette.setColor(QPalette.ColorRole.Highlight, accent)
    text = QColor("#0b1f1e") if is_dark(palette) else QColor("#ffffff")
    palette.setColor(QPalette.ColorRole.HighlightedText, text)
    app.setPalette(palette)
