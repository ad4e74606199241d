"""From the raw measurements of one run to the table's sections of figures and targets."""

from __future__ import annotations

from typing import Any

import table as t
from table import Figure, median, ms

Section = tuple[str, list[Figure | tuple[Figure, Figure]]]


def startup(raw: dict[str, Any], runs: int) -> Section:
    times = raw["startup"]
    bare = median(times["bare"])

    def ratio(key: str, label: str, target: float) -> Figure:
        seconds = median(times[key])
        value = seconds / bare if seconds is not None and bare else None
        shown = f"{t.amount(seconds, 's')} = {t.amount(value, '×')}" if value else ""
        return Figure(f"startup.{key}", label, value, "×", target, shown)

    unlock, argon2 = median(raw["unlock"]), median(raw["argon2"])
    limit = t.UNLOCK_OVER_ARGON2_MS / 1000 + argon2 if argon2 is not None else None
    share = f"{argon2:.3f} s ({argon2 / unlock:.0%})" if unlock and argon2 is not None else ""
    return (
        f"Start-up: process start → first paint, median of {runs} fresh process(es)",
        [
            Figure("startup.bare", "bare PySide6 window (the baseline)", bare, "s"),
            ratio("new", "first window, new journal (setup wizard)", t.NEW_JOURNAL_RATIO),
            ratio("plain", "main window, Today, ten-year journal", t.TEN_YEAR_RATIO),
            Figure(
                "startup.unlock",
                "unlock → Today painted, with passphrase",
                unlock,
                "s",
                limit,
                target_text="≤ Argon2id+0.25 s",
            ),
            Figure(
                "startup.argon2",
                "  of which Argon2id (Vault.unlock alone)",
                argon2,
                "s",
                shown=share,
            ),
        ],
    )


def pages(raw: dict[str, Any]) -> Section:
    rows: list[Figure | tuple[Figure, Figure]] = []
    for title, times in raw["pages"].items():
        first = ms(times["first"])
        key = "page." + title.lower().replace(" ", "_").replace("&", "and")
        opened = Figure(key + ".first", title, first, "ms", t.PAGE_FIRST_MS)
        if times["first"] is None:  # Today: shown by the start-up rows above
            opened = Figure(key + ".first", title, None, "ms", None, "start-up")
        rows.append(
            (opened, Figure(key + ".revisit", title, ms(times["revisit"]), "ms", t.PAGE_REVISIT_MS))
        )
    return ("Pages on the ten-year journal: first show / revisit (Trends: its first chart)", rows)


TRENDS_ROWS = (  # key, label, which drawing, which figure of it, target in ms
    ("first_chart", "first chart after the page opens", "open", "first_chart", t.FIRST_CHART_MS),
    ("all_charts", "all charts drawn after it opens", "open", "all_charts", None),
    ("stall", "longest stall while the rest draw", "open", "stall", t.STALL_MS),
    ("to_all", "range week → all: all charts drawn", "to_all", "all_charts", None),
    ("to_all_stall", "range week → all: longest stall", "to_all", "stall", t.STALL_MS),
    ("to_week", "range all → week: all charts drawn", "to_week", "all_charts", None),
    ("to_week_stall", "range all → week: longest stall", "to_week", "stall", t.STALL_MS),
)


def trends(raw: dict[str, Any]) -> Section:
    drawings = raw["trends"]
    rows: list[Figure | tuple[Figure, Figure]] = [
        Figure(f"trends.{key}", label, ms((drawings.get(drawing) or {}).get(part)), "ms", target)
        for key, label, drawing, part, target in TRENDS_ROWS
    ]
    return ("Trends on the ten-year journal", rows)


def saving(raw: dict[str, Any]) -> Section:
    saves, summary = raw["saves"], raw["summary"]
    return (
        f"Saving and the weekly summary (check-in saves: {len(saves)})",
        [
            Figure("save.p50", "check-in save p50", ms(t.percentile(saves, 0.5)), "ms"),
            Figure(
                "save.p95", "check-in save p95", ms(t.percentile(saves, 0.95)), "ms", t.SAVE_P95_MS
            ),
            Figure(
                "summary.preview",
                "weekly preview, from opening the page",
                ms(summary.get("preview")),
                "ms",
                t.PREVIEW_MS,
            ),
            Figure("summary.pdf", "weekly summary saved as PDF", ms(summary.get("pdf")), "ms"),
        ],
    )


def memory_and_commands(raw: dict[str, Any], runs: int) -> Section:
    bundle = raw["bundle_mb"]
    return (
        "Memory (VmRSS, MB of 10⁶ bytes), the report command, the bundle",
        [
            Figure(
                "rss.start",
                "resident at start (Today painted)",
                median(raw["rss_start"]),
                "MB",
                t.RSS_START_MB,
            ),
            Figure(
                "rss.settled", "resident 3 s later (start-up work done)", raw["rss_settled"], "MB"
            ),
            Figure(
                "rss.pages",
                "resident after visiting every page",
                raw["rss_pages"],
                "MB",
                t.RSS_PAGES_MB,
            ),
            Figure(
                "report.week",
                f"`report` for one week (median of {runs})",
                median(raw["report"]),
                "s",
                t.REPORT_S,
            ),
            Figure(
                "bundle.size",
                "frozen bundle, dist/recovery-desktop",
                bundle,
                "MB",
                t.BUNDLE_MB,
                f"{bundle:.0f} MB = {bundle * 1e6 / 2**20:.0f} MiB" if bundle else "not built",
            ),
        ],
    )


def journal_search(raw: dict[str, Any]) -> Section:
    """The Journal's search (issue 15): the median over every search of each one's median,
    and the slowest search's median, named."""
    search = raw.get("search") or {}
    timings: dict[str, float] = search.get("searches") or {}
    slowest = max(timings, key=lambda text: timings[text]) if timings else None
    count = search.get("entries")
    return (
        f"Journal search, first page ({len(timings)} searches"
        + (f", {count:,} entries)" if count is not None else ")"),
        [
            Figure(
                "search.median",
                "median search (common, rare, phrase…)",
                ms(median(list(timings.values()))),
                "ms",
                t.SEARCH_MS,
            ),
            Figure(
                "search.slowest",
                f"  slowest: {slowest[:24]}" if slowest else "  slowest",
                ms(timings[slowest]) if slowest else None,
                "ms",
            ),
        ],
    )


def sections(raw: dict[str, Any], runs: int) -> list[Section]:
    """Every section; a run of ``--only journal`` has the Journal's figures only."""
    if "startup" not in raw:
        return [pages(raw), journal_search(raw)]
    return [
        startup(raw, runs),
        pages(raw),
        trends(raw),
        saving(raw),
        journal_search(raw),
        memory_and_commands(raw, runs),
    ]
