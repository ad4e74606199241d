"""How a block looks: its category's colour, and the category's mark and name as the second
cue, so no two categories are told apart by colour alone."""

from __future__ import annotations

from PySide6.QtGui import QColor, QIcon, QPalette, QPixmap

from recovery_desktop.domain.day_plan import BlockCategory

# Okabe–Ito's colour-blind-safe set, with four more of distinct lightness; each is the
# block's stripe, and a light (or, on a dark palette, dark) tint of it its background.
CATEGORY_COLOURS: dict[BlockCategory, str] = {
    BlockCategory.WORK: "#0072b2",
    BlockCategory.MEETING: "#009e73",
    BlockCategory.THERAPY: "#cc79a7",
    BlockCategory.EXERCISE: "#e69f00",
    BlockCategory.MEALS: "#d55e00",
    BlockCategory.REST: "#56b4e9",
    BlockCategory.CHORES: "#8c6d31",
    BlockCategory.SOCIAL: "#c9b800",
    BlockCategory.HOBBY: "#6a3d9a",
    BlockCategory.APPOINTMENT: "#b2182b",
    BlockCategory.OTHER: "#7f7f7f",
}


def stripe(category: BlockCategory) -> QColor:
    return QColor(CATEGORY_COLOURS[category])


def tint(category: BlockCategory, palette: QPalette) -> QColor:
    """The block's background: its colour mixed into the page's base colour, light enough
    (or dark enough) for the palette's text to read on it."""
    base = palette.color(QPalette.ColorRole.Base)
    colour = stripe(category)
    share = 0.28
    return QColor(
        round(base.red() + (colour.red() - base.red()) * share),
        round(base.green() + (colour.green() - base.green()) * share),
        round(base.blue() + (colour.blue() - base.blue()) * share),
    )


def category_text(category: BlockCategory) -> str:
    """The category's name as a block shows it under its title (its ``mark`` stands in for
    it where there is no room)."""
    return category.label


def category_icon(category: BlockCategory, size: int) -> QIcon:
    """A square of the category's colour, for lists and the category field."""
    pixmap = QPixmap(size, size)
    pixmap.fill(stripe(category))
    return QIcon(pixmap)
