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
    "cravings": "#eba59d",
    "craving_intensity": "#922b21",
    "triggers": "#9a5b13",
    "coping": "#1e8449",
    "heat": "#b03a2e",
    "lapse": "#1b2631",
    "role_sponsor": "#0072b2",
    "role_family": "#e69f00",
    "role_friend": "#009e73",
    "role_therapist": "#cc79a7",
    "role_doctor": "#56b4e9",
    "role_peer": "#d55e00",
    "role_group": "#8c6d1f",
    "role_crisis_line": "#7f7f7f",
    "idle": "#8fa9c4",
    "craving_count": "#a93226",
    "day_planned": "#c5d9ea",
    "day_done": "#2e6b9e",
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
    "cravings": "#7b3b35",
    "craving_intensity": "#f5b7b1",
    "triggers": "#e0a458",
    "coping": "#58d68d",
    "heat": "#f1948a",
    "lapse": "#f4f6f7",
    "role_sponsor": "#5aa9e6",
    "role_family": "#f2b84b",
    "role_friend": "#3ec99a",
    "role_therapist": "#e3a1c9",
    "role_doctor": "#a6dcf7",
    "role_peer": "#f08a4b",
    "role_group": "#d9c27a",
    "role_crisis_line": "#b0b0b0",
    "idle": "#5d7fa3",
    "craving_count": "#f5b7b1",
    "day_planned": "#34495e",
    "day_done": "#7fb3e0",
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
    "cravings": "#cccccc",
    "craving_intensity": "#000000",
    "triggers": "#888888",
    "coping": "#555555",
    "heat": "#000000",
    "lapse": "#000000",
    "role_sponsor": "#000000",
    "role_family": "#ffffff",
    "role_friend": "#999999",
    "role_therapist": "#ffffff",
    "role_doctor": "#dddddd",
    "role_peer": "#ffffff",
    "role_group": "#555555",
    "role_crisis_line": "#ffffff",
    "idle": "#bbbbbb",
    "craving_count": "#000000",
    "day_planned": "#ffffff",
    "day_done": "#555555",
}
# A lapse is a dash-dot line everywhere, so it never reads as a measure's line.
LAPSE_DASH = (0, (6, 2, 1, 2))
SCREEN_DASHES: dict[str, object] = {"lapse": LAPSE_DASH}
PRINT_DASHES: dict[str, object] = {
    "craving_peak": (0, (5, 2)),
    "sleep_hours": (0, (5, 2)),
    "therapy": (0, (5, 2)),
    "medication": (0, (1, 1.5)),
    "lapse": LAPSE_DASH,
}
# Paper tells white bars apart by their hatching.
PRINT_HATCHES = {
    "role_family": "///",
    "role_therapist": "xxx",
    "role_peer": "...",
    "role_crisis_line": "\\\\\\",
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
    "craving_intensity": "D",
    "craving_count": "o",
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
    hatches: dict[str, str] = field(default_factory=dict)
    outline: str = ""  # bar edges; empty: the background colour

    @property
    def bar_edge(self) -> str:
        return self.outline or self.background

    def hatch(self, key: str) -> str:
        return self.hatches.get(key, "")

    def colour(self, key: str) -> str:
        return self.colours.get(key, self.foreground)

    def dash(self, key: str) -> object:
        return self.dashes.get(key, "solid")

    def marker(self, key: str) -> str:
        return MARKERS.get(key, "o")


LIGHT = ChartStyle(
    "light", "#ffffff", "#222222", "#666666", "#dddddd", LIGHT_COLOURS, SCREEN_DASHES
)
DARK = ChartStyle("dark", "#1e1f22", "#e6e6e6", "#a0a0a0", "#3a3b3f", DARK_COLOURS, SCREEN_DASHES)
PRINT = ChartStyle(
    "print",
    "#ffffff",
    "#000000",
    "#444444",
    "#dddddd",
    PRINT_COLOURS,
    PRINT_DASHES,
    10.0,
    PRINT_HATCHES,
    "#000000",
)
