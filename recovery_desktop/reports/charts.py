"""Chart builders: plain matplotlib ``Figure`` objects (never pyplot), used on screen and paper."""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from datetime import date, timedelta

import numpy as np
from matplotlib.figure import Figure

from recovery_desktop.domain.checkin import CheckIn

MOOD_COLOUR = "#2b7a78"
CRAVING_COLOUR = "#c0392b"


def daily_series(
    checkins: Sequence[CheckIn], start: date, end: date, field: str
) -> tuple[list[date], list[float]]:
    """One value per day from ``start`` to ``end``; missing days are NaN (a gap, never 0)."""
    by_day = {c.day: getattr(c, field) for c in checkins}
    days = [start + timedelta(days=n) for n in range((end - start).days + 1)]
    values = [math.nan if by_day.get(d) is None else float(by_day[d]) for d in days]
    return days, values


def mood_and_craving(checkins: Sequence[CheckIn], start: date, end: date) -> Figure:
    """Mood and craving peak per day, 0–10, with gaps for days without an answer."""
    figure = Figure(figsize=(8, 3.2), layout="constrained")
    axes = figure.add_subplot()
    for field, label, colour in (
        ("mood", "Mood", MOOD_COLOUR),
        ("craving_peak", "Craving peak", CRAVING_COLOUR),
    ):
        days, values = daily_series(checkins, start, end, field)
        axes.plot(
            np.array(days, dtype="datetime64[D]"),
            values,
            marker="o",
            markersize=3,
            linewidth=1.5,
            label=label,
            color=colour,
        )
    axes.set_ylim(-0.5, 10.5)
    axes.set_ylabel("0 to 10")
    axes.set_title("Mood and craving")
    axes.legend(loc="upper left", frameon=False)
    axes.grid(axis="y", alpha=0.3)
    figure.autofmt_xdate()
    return figure


def to_png(figure: Figure, dpi: int = 150) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi)
    return buffer.getvalue()
