"""Chart colours and line styles: light and dark screens, and black-and-white paper."""

from __future__ import annotations

from dataclasses import dataclass, field

# One colour per measure everywhere in the app, so "mood" always looks like mood.
LIGHT_COLOURS = {
    "mood": "#2b7a78",
    "craving_peak": "#c0392b",
    "stress": "#b9770e",
    "sleep_hours": "#4a5aa8",
    "energy": "#6b8e23",
    "used": "#6c3483",
    "hungry": "#d35400",
    "angry": "#a93226",
    "lonely": "#2471a3",
    "tired": "#7f8c8d",
    "meetings": "#2b7a78",
    "therapy": "#8e44ad",
    "medication": "#4a5aa8",
    "no_data": "#bbbbbb",
}
DARK_COLOURS = {
    "mood": "#5fc4be",
    "craving_peak": "#f1948a",
    "stress": "#f5b041",
    "sleep_hours": "#8e9ef0",
    "energy": "#a9cf54",
    "used": "#d7a6f0",
    "hungry": "#f0a35e",
    "angry": "#ec7063",
    "lonely": "#5dade2",
    "tired": "#b2babb",
    "meetings": "#5fc4be",
    "therapy": "#c39bd3",
    "medication": "#8e9ef0",
    "no_data": "#555555",
}
# Paper: shades of grey told apart by dashes and markers, clear in black and white.
PRINT_COLOURS = {
    key: "#000000" for key in ("mood", "stress", "energy", "used", "meetings", "hungry")
} | {
    "craving_peak": "#555555",
    "sleep_hours": "#555555",
    "therapy": "#555555",
    "angry": "#555555",
    "lonely": "#999999",
    "medication": "#999999",
    "tired": "#cccccc",
    "no_data": "#eeeeee",
}
PRINT_DASHES: dict[str, object] = {
    "craving_peak": (0, (5, 2)),
    "sleep_hours": (0, (5, 2)),
    "therapy": (0, (5, 2)),
    "medication": (0, (1, 1.5)),
}
MARKERS = {
    "mood": "o",
    "craving_peak": "s",
    "stress": "o",
    "sleep_hours": "s",
    "energy": "o",
    "meetings": "o",
    "therapy": "s",
    "medication": "^",
}


@dataclass(frozen=True)
class ChartStyle:
    name: str
    background: str
    foreground: str
    muted: str
    grid: str
    colours: dict[str, str]
    dashes: dict[str, object] = field(default_factory=dict)
    font_size: float = 9.0

    def colour(self, key: str) -> str:
        return self.colours.get(key, self.foreground)

    def dash(self, key: str) -> object:
        return self.dashes.get(key, "solid")

    def marker(self, key: str) -> str:
        return MARKERS.get(key, "o")


LIGHT = ChartStyle("light", "#ffffff", "#222222", "#666666", "#dddddd", LIGHT_COLOURS)
DARK = ChartStyle("dark", "#1e1f22", "#e6e6e6", "#a0a0a0", "#3a3b3f", DARK_COLOURS)
PRINT = ChartStyle(
    "print", "#ffffff", "#000000", "#444444", "#dddddd", PRINT_COLOURS, PRINT_DASHES, 10.0
)
