"""`make bench`'s table (bench/table.py, bench/figures.py): read at 100 columns, each figure
beside its target, a missed target said with by how much. The bench itself never runs here."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
import figures
import table

PAGES = ("Today", "Cravings", "Trends", "People", "Clean time", "Triggers & coping")


def raw_run(scale: float, bundle: float | None) -> dict:
    """One run's raw figures, every time ``scale`` times a plausible one (seconds, MB)."""
    pages = {title: {"first": 0.09 * scale, "revisit": 0.02 * scale} for title in PAGES}
    pages["Today"]["first"] = None  # shown at start-up
    pages["Weekly summary"] = {"first": 0.12 * scale, "revisit": 0.025 * scale}
    drawn = {"first_chart": 0.1 * scale, "all_charts": 2.0 * scale, "stall": 0.04 * scale}
    return {
        "startup": {"bare": [0.1], "new": [0.14 * scale], "plain": [0.2 * scale]},
        "unlock": [0.5 * scale],
        "argon2": [0.3],
        "pages": pages,
        "trends": {"open": drawn, "to_all": drawn, "to_week": {}},
        "saves": [0.002 * scale] * 40 + [0.012 * scale] * 10,
        "summary": {"preview": 0.4 * scale, "pdf": 0.2 * scale},
        "rss_start": [110 * scale],
        "rss_settled": 150 * scale,
        "rss_pages": 200 * scale,
        "report": [1.0 * scale],
        "bundle_mb": bundle,
    }


@pytest.mark.parametrize("scale", [0.5, 1.0, 13.0, 100.0])
def test_every_line_fits_100_columns(scale):
    text = table.render("make bench", figures.sections(raw_run(scale, 209.1), 5), ["note"])
    assert max(len(line) for line in text.splitlines()) <= table.WIDTH
    assert "Weekly summary" in text and "frozen bundle" in text


def test_met_and_missed_targets_are_told_apart():
    sections = figures.sections(raw_run(0.5, 150.0), 5)
    assert "✗" not in table.render("quiet", sections, [])
    missed = table.render("busy", figures.sections(raw_run(2.0, 250.0), 5), [])
    width = table.COLUMNS[0]
    lines = {line[:width].strip(): line for line in missed.splitlines() if line.startswith("  ")}
    assert lines["resident at start (Today painted)"].endswith("✗ +100 MB")
    assert lines["frozen bundle, dist/recovery-desktop"].endswith("✗ +70 MB")
    assert "0.280 s = 2.80×" in lines["first window, new journal (setup wizard)"]


def test_json_has_every_figure_with_its_target():
    document = table.as_json(figures.sections(raw_run(2.0, None), 5))
    assert document["save.p95"] == {
        "label": "check-in save p95",
        "value": 24.0,
        "unit": "ms",
        "target": 15,
        "met": False,
    }
    assert document["bundle.size"]["value"] is None  # not built
    assert document["page.trends.revisit"]["met"] is False


def test_the_journal_search_is_the_median_of_its_searches_beside_its_target():
    raw = raw_run(1.0, None) | {
        "search": {"entries": 3120, "searches": {"craving": 0.004, "walk": 0.006, "x": 0.03}}
    }
    document = table.as_json(figures.sections(raw, 5))
    assert document["search.median"]["value"] == 6.0 and document["search.median"]["met"]
    assert document["search.slowest"]["value"] == 30.0
    text = table.render("journal", figures.sections(raw, 5), [])
    assert "3,120 entries" in text and "slowest: x" in text


def test_the_journal_alone_has_its_page_and_search_only():
    raw = {
        "pages": {"Journal": {"first": 0.2, "revisit": 0.01}},
        "search": {"entries": 10, "searches": {"walk": 0.001}},
    }
    text = table.render("only", figures.sections(raw, 1), [])
    assert "Journal" in text and "✗ +50 ms" in text and "Start-up" not in text
