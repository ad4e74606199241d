"""The figures of ``make bench`` beside their targets (issue 11), as a table of at most 100
columns and as the ``figures`` of ``bench/results.json``."""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from typing import Any

WIDTH = 100
COLUMNS = (43, 17, 18)  # figure, measured, target; the verdict takes the rest

# The targets: start-up as ratios to the bare window, the rest in ms, MB or s.
NEW_JOURNAL_RATIO = 1.5
TEN_YEAR_RATIO = 2.5
UNLOCK_OVER_ARGON2_MS = 250
PAGE_FIRST_MS, PAGE_REVISIT_MS = 150, 30
FIRST_CHART_MS, STALL_MS = 150, 50
SAVE_P95_MS = 15
PREVIEW_MS = 500
RSS_START_MB, RSS_PAGES_MB = 120, 220
REPORT_S = 1.2
BUNDLE_MB = 180
SEARCH_MS = 20  # issue 15: a search's first page on the ten-year journal (3,000+ entries)


@dataclass(frozen=True)
class Figure:
    """One measured figure: ``value`` in ``unit`` (None: not measured), its target (the
    largest value that meets it, None: no target) and the row's label."""

    key: str
    label: str
    value: float | None
    unit: str
    target: float | None = None
    shown: str = ""  # the measured column when it says more than the value
    target_text: str = ""

    @property
    def met(self) -> bool | None:
        if self.value is None or self.target is None:
            return None
        return self.value <= self.target

    def measured(self) -> str:
        return self.shown or amount(self.value, self.unit)

    def wanted(self) -> str:
        if self.target_text:
            return self.target_text
        return "—" if self.target is None else f"≤ {amount(self.target, self.unit)}"

    def verdict(self) -> str:
        """✓ when met, ✗ +X when missed by X, nothing without a target."""
        if self.met is None:
            return "" if self.target is None else "—"
        if self.met:
            return "✓"
        assert self.value is not None and self.target is not None
        return f"✗ +{amount(self.value - self.target, self.unit)}"

    def as_json(self) -> dict[str, Any]:
        value = None if self.value is None else round(self.value, 4)
        target = None if self.target is None else round(self.target, 4)
        return {
            "label": self.label.strip(),
            "value": value,
            "unit": self.unit,
            "target": target,
            "met": self.met,
        }


def amount(value: float | None, unit: str) -> str:
    if value is None:
        return "n/a"
    if unit == "×":
        return f"{value:.2f}×" if abs(value) < 100 else f"{value:.0f}×"
    if unit == "ms" and abs(value) >= 1000:
        seconds = value / 1000
        digits = 0 if abs(seconds) >= 100 else 1 if abs(seconds) >= 10 else 2
        return f"{seconds:.{digits}f} s"
    if unit == "ms":
        return f"{value:.0f} ms" if abs(value) >= 10 else f"{value:.1f} ms"
    if unit == "s":
        return f"{value:.3f} s" if abs(value) < 10 else f"{value:.1f} s"
    return f"{value:.0f} {unit}"


def median(values: list[float]) -> float | None:
    return statistics.median(values) if values else None


def ms(seconds: float | None) -> float | None:
    return None if seconds is None else seconds * 1000


def percentile(values: list[float], share: float) -> float | None:
    """Nearest-rank percentile (``share`` 0.95 for p95)."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * share // 1))
    return ordered[int(rank) - 1]


def row(cells: tuple[str, str, str, str]) -> str:
    verdict = cells[-1]
    parts = [f"{text} ".ljust(width) for text, width in zip(cells, COLUMNS, strict=False)]
    return ("".join(parts) + verdict).rstrip()


def both(first: str, second: str) -> str:
    """``first / second``, the unit said once when both have the same one."""
    unit = second.rpartition(" ")[2]
    if first.endswith(f" {unit}") and not unit.startswith("+"):
        first = first.removesuffix(f" {unit}")
    return f"{first} / {second}"


def pair(first: Figure, second: Figure) -> tuple[str, str, str, str]:
    """Two figures of one thing (first show / revisit) on one row."""
    return (
        "  " + first.label,
        both(first.measured(), second.measured()),
        both(first.wanted(), second.wanted()),
        both(first.verdict() or "—", second.verdict() or "—"),
    )


def render(
    title: str, sections: list[tuple[str, list[Figure | tuple[Figure, Figure]]]], notes: list[str]
) -> str:
    """The table: a heading line per section, one row per figure or pair of figures."""
    lines = [title, "", row(("Figure", "Measured", "Target", "Result")), "─" * WIDTH]
    for heading, items in sections:
        lines.append(heading)
        for item in items:
            if isinstance(item, tuple):
                lines.append(row(pair(*item)))
            else:
                lines.append(
                    row(("  " + item.label, item.measured(), item.wanted(), item.verdict()))
                )
    return "\n".join([*lines, "─" * WIDTH, *notes])


def as_json(sections: list[tuple[str, list[Figure | tuple[Figure, Figure]]]]) -> dict[str, Any]:
    """Every figure by key, for ``results.json``."""
    figures: dict[str, Any] = {}
    for _heading, items in sections:
        for item in items:
            for figure in item if isinstance(item, tuple) else (item,):
                figures[figure.key] = figure.as_json()
    return figures
