"""The one way a printable summary is made, for the Weekly summary page, ``report`` on the
command line and ``--self-test``.

Two steps, so that the slow one can run on a worker thread:

1. :func:`read_request` reads everything from the journal (on the thread that owns the
   journal's connection) into a :class:`SummaryRequest` of plain, immutable data;
2. :func:`build_summary` turns a request into a :class:`BuiltSummary` (the HTML, its title
   and footer, and the chart images as PNG bytes). It reads nothing, touches no widget and
   no Qt object, so it may run on any thread.

Laying the HTML out on paper (preview, printer, PDF) is Qt's part:
:mod:`recovery_desktop.ui.printing`.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass, replace
from datetime import date
from typing import Protocol

from recovery_desktop.domain.day_trends import summarise_days
from recovery_desktop.domain.periods import Period
from recovery_desktop.domain.summary import SummaryInputs, SummaryOptions, summarise
from recovery_desktop.domain.summary_events import summarise_events
from recovery_desktop.reports.sections import SummaryContext
from recovery_desktop.reports.sections_journal import SHORTER_STEPS
from recovery_desktop.reports.summary import chart_png, entries_so_far
from recovery_desktop.reports.summary_html import SummaryDocument, charts_needed, render


class SummaryPreferences(Protocol):
    def summary_options(self) -> SummaryOptions: ...


class SummarySource(Protocol):
    """What a summary is read from: an open journal (``data.journal.Journal``)."""

    @property
    def preferences(self) -> SummaryPreferences: ...

    def summary_inputs(self, period: Period) -> SummaryInputs: ...


@dataclass(frozen=True)
class SummaryRequest:
    """Everything one summary is built from, already read: the journal's records for
    ``inputs.period``, what to print, and ``today``, the day it is printed (a period not
    yet over is counted to today and says "so far")."""

    inputs: SummaryInputs
    options: SummaryOptions
    today: date


@dataclass(frozen=True)
class BuiltSummary:
    """The finished summary: ``document`` (title, HTML, footer) whose ``<img>`` sources
    are the keys of ``images`` (image name -> PNG bytes at print resolution).

    ``shorter``: the same document with the shared journal entries printed shorter, step
    by step (``sections_journal.SHORTER_STEPS``), each differing from the one before; empty
    when the summary shares no journal entry. Paper that the whole document would fill
    past two pages takes the first of them that fits (``ui.printing.fit_pages``); the HTML
    file is always the whole ``document``.
    """

    document: SummaryDocument
    images: dict[str, bytes]
    shorter: tuple[SummaryDocument, ...] = ()

    def shorter_versions(self) -> list[BuiltSummary]:
        """:attr:`shorter` as summaries of their own (same charts), longest first."""
        return [BuiltSummary(document, self.images) for document in self.shorter]

    def standalone_html(self) -> str:
        """The HTML with its charts embedded, for saving as a single file."""
        html = self.document.html
        for name, png in self.images.items():
            uri = "data:image/png;base64," + base64.b64encode(png).decode("ascii")
            html = html.replace(f'src="{name}"', f'src="{uri}"')
        return html


def read_request(
    source: SummarySource, period: Period, today: date, options: SummaryOptions | None = None
) -> SummaryRequest:
    """Read the summary of ``period`` from ``source``, printed with ``options`` (the page's
    current choices) or, when None, with the choices the journal remembers (the command
    line, the self-test). ``today`` is read at the edge (``date.today()``).

    Raises :class:`~recovery_desktop.data.errors.JournalError` when the journal cannot be
    read.
    """
    chosen = source.preferences.summary_options() if options is None else options
    return SummaryRequest(source.summary_inputs(period), chosen, today)


def build_summary(request: SummaryRequest) -> BuiltSummary:
    """The summary of ``request``: its HTML and its charts drawn as PNG (the slow part,
    about 0.1–0.3 s a chart). A plain function of plain data, safe on a worker thread."""
    inputs, options, today = request.inputs, request.options, request.today
    counted = inputs.period.so_far(today)
    summary = summarise(inputs.period, inputs.checkins, inputs.checkins, today=today)
    keys = charts_needed(options, summary.started, inputs.visits.held)
    images = {f"chart-{key}.png": chart_png(inputs, key, today) for key in keys}
    context = SummaryContext(
        summary=summary,
        notes=inputs.notes,
        previous_goals=inputs.previous_goals,
        images={key: f"chart-{key}.png" for key in keys},
        events=summarise_events(inputs, today),
        days=summarise_days(inputs.trend, counted),
        show_names=options.show_names,
        plan_versions=inputs.plan_versions,
        visits=inputs.visits,
        shared_entries=entries_so_far(inputs.shared_entries, counted),
    )
    document = render(context, options, today)
    return BuiltSummary(document, images, _shorter(context, options, today, document))


def _shorter(
    context: SummaryContext, options: SummaryOptions, today: date, whole: SummaryDocument
) -> tuple[SummaryDocument, ...]:
    """The document with the shared entries cut to each of ``SHORTER_STEPS`` in turn,
    leaving out a step that prints the same as the one before (entries already short)."""
    if not context.shared_entries:
        return ()
    versions = [whole]
    for characters in SHORTER_STEPS:
        version = render(replace(context, shared_characters=characters), options, today)
        if version.html != versions[-1].html:
            versions.append(version)
    return tuple(versions[1:])
