"""Charts of events rather than daily answers: cravings, triggers, coping actions,
reach-outs and lapses. A day or week without an event is an honest zero here, because the
user logs events when they happen; the check-in gaps rule does not apply."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from matplotlib.axes import Axes
from matplotlib.colors import LinearSegmentedColormap
from matplotlib.ticker import MaxNLocator

from recovery_desktop.domain.calendar_text import date_text
from recovery_desktop.domain.contacts import Role, reach_outs_by_role_per_week
from recovery_desktop.domain.cravings import (
    MIN_USES_FOR_RANKING,
    Craving,
    coping_effects,
    trigger_counts,
    weekday_hour_counts,
)
from recovery_desktop.domain.periods import Period, monday_of, mondays
from recovery_desktop.domain.trends import TrendData
from recovery_desktop.domain.wording import plural, plural_decimal
from recovery_desktop.reports.bars import vertical_bars
from recovery_desktop.reports.chart_kit import (
    DENSE_DAYS,
    Chart,
    HoverPoint,
    bar_edges,
    day_number,
    dress,
    legend,
    new_chart,
    no_data_note,
    set_period,
    short,
    week_bar,
    week_name,
    week_span,
)
from recovery_desktop.reports.style import ChartStyle

TOP_TRIGGERS = 10
TOP_COPING = 10
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
NO_CRAVINGS = "No cravings logged in this period"


def _integer_ticks(axes: Axes, axis: str = "y") -> None:
    target = axes.yaxis if axis == "y" else axes.xaxis
    target.set_major_locator(MaxNLocator(integer=True, min_n_ticks=1))


# -- cravings per day (per week on long ranges) ------------------------------------------
def _group(cravings: Sequence[Craving], weekly: bool) -> dict[date, list[Craving]]:
    """Cravings by day, or by the Monday of their week."""
    groups: dict[date, list[Craving]] = {}
    for craving in cravings:
        key = monday_of(craving.day) if weekly else craving.day
        groups.setdefault(key, []).append(craving)
    return groups


def _strongest(cravings: Sequence[Craving]) -> int | None:
    rated = [c.intensity for c in cravings if c.intensity is not None]
    return max(rated) if rated else None


def cravings_per_day(data: TrendData, style: ChartStyle) -> Chart:
    """Bars: how many cravings were logged each day; diamonds: the strongest that day.
    Past :data:`DENSE_DAYS` days a bar per day no longer reads, so both go per week."""
    weekly = data.period.days > DENSE_DAYS
    unit = "week" if weekly else "day"
    chart, axes = new_chart(f"Cravings logged per {unit}, and the strongest", style, data.period)
    groups = _group([c for c in data.cravings if data.period.contains(c.day)], weekly)
    xs, widths = _craving_bars(list(groups), data.period, weekly)
    counts = [len(found) for found in groups.values()]
    vertical_bars(
        axes,
        xs,
        counts,
        widths,
        facecolor=style.colour("cravings"),
        label="Cravings logged",
        **bar_edges(style, style.colour("cravings"), data.period),
    )
    axes.set_ylim(0, max(4.4, max(counts, default=0) + 0.6))
    _integer_ticks(axes)
    axes.set_ylabel(f"cravings logged per {unit}")
    strength = _strength_axes(axes, xs, groups, unit, style)
    for (key, found), x in zip(groups.items(), xs, strict=True):
        peak = _strongest(found)
        text = plural(len(found), "craving") + ("" if peak is None else f", strongest {peak}")
        when = week_name(key, data.period) if weekly else date_text(key, "%a %-d %b %Y")
        chart.points.append(HoverPoint(0, x, len(found), f"{when}\n{text}"))
    set_period(axes, data.period)
    if groups:
        legend(axes, style, 3, strength)
    else:
        no_data_note(axes, style, NO_CRAVINGS)
    return chart


def _craving_bars(
    keys: list[date], period: Period, weekly: bool
) -> tuple[list[float], list[float]]:
    """Centres and widths of the bars: 0.7 of a day, or 6/7 of each week's days so far
    (this axis centres day d on d, so weeks move back half a day)."""
    if not weekly:
        return [day_number(key) for key in keys], [0.7] * len(keys)
    slots = [week_bar(key, period, 6 / 7) for key in keys]
    return [x - 0.5 for x, _w in slots], [w for _x, w in slots]


def _strength_axes(
    axes: Axes, xs: list[float], groups: dict[date, list[Craving]], unit: str, style: ChartStyle
) -> Axes:
    """The strongest intensity of each day (or week), on its own 0–10 scale at the right."""
    strength = axes.twinx()
    dress(strength, style)
    strength.grid(False)
    peaks = [
        (x, peak)
        for x, found in zip(xs, groups.values(), strict=True)
        if (peak := _strongest(found)) is not None
    ]
    strength.plot(
        [x for x, _peak in peaks],
        [peak for _x, peak in peaks],
        linestyle="none",
        marker=style.marker("craving_intensity"),
        markersize=5 if unit == "day" else 3.5,
        color=style.colour("craving_intensity"),
        label=f"Strongest craving that {unit} (0 to 10)",
        clip_on=False,
    )
    strength.set_ylim(0, 10.8)  # the same baseline as the bars
    strength.set_yticks(range(0, 11, 2))
    strength.set_ylabel("intensity, 0 to 10")
    strength.spines["right"].set_visible(True)
    return strength


# -- ranked horizontal bars: triggers and coping actions -------------------------------
def _ranked_bars(
    axes: Axes, names: list[str], values: list[float], key: str, style: ChartStyle
) -> None:
    """One bar per name, the first at the top; room for four bars at least."""
    rows = range(len(values))
    axes.barh(rows, values, height=0.65, color=style.colour(key), edgecolor=style.bar_edge)
    axes.set_yticks(list(rows), [short(name) for name in names])
    axes.set_ylim(max(len(values), 4) - 0.5, -0.6)
    axes.grid(False, axis="y")
    axes.grid(True, axis="x", color=style.grid, linewidth=0.6)
    axes.tick_params(axis="y", length=0)


def _nothing_ranked(axes: Axes, style: ChartStyle, text: str) -> None:
    axes.set_xticks([])
    axes.set_yticks([])
    no_data_note(axes, style, text)


def trigger_frequency(data: TrendData, style: ChartStyle) -> Chart:
    """The most common triggers, most frequent at the top."""
    chart, axes = new_chart("Triggers: how often each came up", style, data.period)
    counts = trigger_counts(data.cravings)
    shown = counts[:TOP_TRIGGERS]
    _ranked_bars(axes, [name for name, _n in shown], [n for _name, n in shown], "triggers", style)
    axes.set_xlim(0, max((n for _name, n in shown), default=4) * 1.12 + 0.2)
    _integer_ticks(axes, "x")
    hidden = len(counts) - len(shown)
    more = f" ({hidden} less common not shown)" if hidden > 0 else ""
    axes.set_xlabel(f"cravings with this trigger{more}", color=style.muted)
    for row, (name, count) in enumerate(shown):
        axes.text(count, row, f" {count}", va="center", color=style.foreground)
        chart.points.append(HoverPoint(0, count, row, f"{name}\n{plural(count, 'craving')}"))
    if not counts:
        _nothing_ranked(axes, style, "No triggers recorded in this period")
    return chart


# -- weekday × hour ----------------------------------------------------------------------
def _heat_colours(style: ChartStyle) -> LinearSegmentedColormap:
    """From the background (no cravings) to the measure's colour (the most)."""
    return LinearSegmentedColormap.from_list(
        f"heat-{style.name}", [style.background, style.colour("heat")]
    )


def weekday_hour(data: TrendData, style: ChartStyle) -> Chart:
    """A 7 × 24 grid of when cravings started: Monday at the top, midnight on the left."""
    chart, axes = new_chart("When cravings came: day of the week and hour", style, data.period, 3.2)
    grid = weekday_hour_counts(c for c in data.cravings if data.period.contains(c.day))
    top = max(max(row) for row in grid)
    axes.imshow(grid, cmap=_heat_colours(style), vmin=0, vmax=max(top, 1), aspect="auto")
    axes.set_yticks(range(7), [day[:3] for day in WEEKDAYS])
    axes.set_xticks(range(0, 24, 3), [f"{hour:02d}:00" for hour in range(0, 24, 3)])
    axes.set_xticks([x - 0.5 for x in range(1, 24)], minor=True)
    axes.set_yticks([y - 0.5 for y in range(1, 7)], minor=True)
    axes.grid(False, which="major")
    axes.grid(True, which="minor", color=style.grid, linewidth=0.5)
    axes.tick_params(which="minor", length=0)
    axes.set_xlabel("hour the craving started", color=style.muted)
    for weekday, row in enumerate(grid):
        for hour, count in enumerate(row):
            if count:
                _heat_cell(chart, axes, weekday, hour, count / max(top, 1), count, style)
    if not top:
        no_data_note(axes, style, NO_CRAVINGS)
    return chart


def _heat_cell(
    chart: Chart, axes: Axes, weekday: int, hour: int, share: float, count: int, style: ChartStyle
) -> None:
    ink = style.background if share > 0.55 else style.foreground
    axes.text(hour, weekday, str(count), ha="center", va="center", color=ink, fontsize=8)
    when = f"{WEEKDAYS[weekday]}s, {hour:02d}:00\u2013{(hour + 1) % 24:02d}:00"
    chart.points.append(HoverPoint(0, hour, weekday, f"{when}\n{plural(count, 'craving')}"))


# -- coping actions ----------------------------------------------------------------------
COPING_AXIS = (
    "points lower afterwards, on average\n"
    f"(actions used fewer than {MIN_USES_FOR_RANKING} times are not shown)"
)
NO_COPING = (
    f"No coping action has been used {MIN_USES_FOR_RANKING} times or more\n"
    "with the intensity recorded before and after"
)


def coping_ranked(data: TrendData, style: ChartStyle) -> Chart:
    """Coping actions by how much intensity fell on average, with how often each was used."""
    chart, axes = new_chart("What lowered cravings: how much lower afterwards", style, data.period)
    effects = coping_effects(data.cravings, MIN_USES_FOR_RANKING)[:TOP_COPING]
    drops = [e.average_drop for e in effects]
    _ranked_bars(axes, [e.name for e in effects], drops, "coping", style)
    axes.set_xlim(min([0.0, *drops]) - 0.2, max([0.0, *drops]) * 1.35 + 1.0)
    axes.set_xlabel(COPING_AXIS, color=style.muted)
    if not effects:
        _nothing_ranked(axes, style, NO_COPING)
        return chart
    axes.axvline(0, color=style.muted, linewidth=0.8)
    for row, effect in enumerate(effects):
        uses = plural(effect.uses, "use")
        drop = effect.average_drop
        axes.text(max(drop, 0), row, f" {drop:.1f} ({uses})", va="center", color=style.foreground)
        text = f"{effect.name}\n{_change_in_words(drop)}, on average ({uses})"
        chart.points.append(HoverPoint(0, drop, row, text))
    return chart


def _change_in_words(drop: float) -> str:
    """ "2 points lower afterwards", "1 point higher afterwards", "no change afterwards"."""
    if round(drop, 1) == 0:
        return "no change afterwards"
    direction = "lower" if drop > 0 else "higher"
    return f"{plural_decimal(abs(drop), 'point')} {direction} afterwards"


# -- reach-outs --------------------------------------------------------------------------
def reach_outs_per_week(data: TrendData, style: ChartStyle) -> Chart:
    """Reach-outs each week, stacked by the role of the person reached."""
    chart, axes = new_chart(
        "Reaching out: people contacted per week, by role", style, data.period, 2.8
    )
    per_week = reach_outs_by_role_per_week(data.reach_outs, dict(data.roles))
    weeks = mondays(data.period)
    slots = [week_bar(w, data.period) for w in weeks]
    xs = [x for x, _width in slots]
    bottoms = [0.0] * len(weeks)
    for role in Role:
        heights = [float(per_week.get(w, {}).get(role, 0)) for w in weeks]
        if any(heights):
            bars = _RoleBars(xs, [width for _x, width in slots], heights, bottoms)
            _role_bars(axes, bars, role, style, data.period)
            bottoms = [b + h for b, h in zip(bottoms, heights, strict=True)]
    for week, x, total in zip(weeks, xs, bottoms, strict=True):
        counts = per_week.get(week, {})
        parts = ", ".join(f"{r.label} {counts[r]}" for r in Role if r in counts) or "none"
        text = f"{week_name(week, data.period)}\n{plural(int(total), 'reach-out')}: {parts}"
        chart.points.append(HoverPoint(0, x, total, text))
    week_span(axes, data.period)
    axes.set_ylim(0, max(4.4, max(bottoms) + 0.6))
    _integer_ticks(axes)
    axes.set_ylabel("reach-outs, stacked")
    if not any(bottoms):
        no_data_note(axes, style, "No reach-outs logged in this period")
    legend(axes, style, columns=4)
    return chart


@dataclass(frozen=True)
class _RoleBars:
    """One role's layer of the weekly stacks."""

    xs: list[float]
    widths: list[float]
    heights: list[float]
    bottoms: list[float]


def _role_bars(axes: Axes, bars: _RoleBars, role: Role, style: ChartStyle, period: Period) -> None:
    key = f"role_{role.value}"
    vertical_bars(
        axes,
        bars.xs,
        bars.heights,
        bars.widths,
        bars.bottoms,
        facecolor=style.colour(key),
        hatch=style.hatch(key),
        label=role.label,
        **bar_edges(style, style.colour(key), period),
    )


# -- lapses ------------------------------------------------------------------------------
def mark_lapses(chart: Chart, axes: Axes, data: TrendData, style: ChartStyle) -> None:
    """A labelled vertical line on each day with a lapse recorded."""
    lapses = [lapse for lapse in data.lapses if data.period.contains(lapse.day)]
    for index, lapse in enumerate(lapses):
        x = day_number(lapse.day)
        axes.axvline(
            x,
            color=style.colour("lapse"),
            linestyle=style.dash("lapse"),
            linewidth=1.4,
            label=None if index else "Lapse",
            zorder=2,
        )
        if data.period.days <= DENSE_DAYS:
            near_end = (data.period.end - lapse.day).days < data.period.days * 0.15
            axes.annotate(
                "Lapse",
                xy=(x, 0.0),
                xycoords=("data", "axes fraction"),
                xytext=(-3 if near_end else 3, 3),
                textcoords="offset points",
                ha="right" if near_end else "left",
                color=style.colour("lapse"),
                fontsize=style.font_size,
                fontweight="bold",
            )
        text = date_text(lapse.at, "%a %-d %b %Y, %H:%M") + "\nLapse recorded"
        chart.points.append(HoverPoint(0, x, 0.0, text))
