"""The printable summary as one escaped HTML document plus a footer line."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from recovery_desktop.domain.calendar_text import long_date, short_day_seen_from
from recovery_desktop.domain.summary import SummaryOptions
from recovery_desktop.reports.html_kit import esc, html_page
from recovery_desktop.reports.sections import SECTIONS, SectionSpec, SummaryContext

APP_NAME = "Recovery Desktop"

CSS = """
body { font-size: 11pt; color: #000000; }
.title { font-size: 18pt; font-weight: bold; }
.period { font-size: 12pt; }
.who { font-size: 11pt; }
h2 { font-size: 13pt; font-weight: bold; margin-top: 5px; margin-bottom: 1px; }
p { margin-top: 2px; margin-bottom: 2px; }
ul { margin-top: 3px; margin-bottom: 3px; }
table.data { border-color: #888888; border-style: solid; }
th { background-color: #eeeeee; font-weight: bold; text-align: left; }
.small { font-size: 9pt; color: #333333; }
.empty { font-style: italic; color: #333333; }
.sub { font-weight: bold; margin-bottom: 0px; }
.noteday { font-weight: bold; margin-bottom: 0px; }
.note { margin-top: 2px; }
.entry { font-weight: bold; margin-top: 9px; margin-bottom: 0px; }
"""


@dataclass(frozen=True)
class SummaryDocument:
    """The summary as HTML, and the footer every page carries.

    ``footer_parts`` are sentences printed on one line when they fit, else one per line;
    ``footer_name`` is the name (or initials) inside the first one, which may be shortened
    on paper so the footer never runs into the page number.
    """

    title: str
    html: str
    footer_parts: tuple[str, ...]
    footer_name: str = ""

    @property
    def footer(self) -> str:
        return " ".join(self.footer_parts)


def offered(spec: SectionSpec, held: frozenset[str]) -> bool:
    """Whether a section is offered: one about a kind of record (``spec.needs``) only when
    the journal holds such records (``held``), one other sections cover
    (``spec.left_out_with``) only when the journal does not hold all they are about."""
    if spec.left_out_with and spec.left_out_with <= held:
        return False
    return spec.needs is None or spec.needs in held


def printed_sections(
    options: SummaryOptions, started: bool, held: frozenset[str] = frozenset()
) -> list[SectionSpec]:
    """The switched-on sections offered for a journal holding ``held``; before the period
    starts, only the user's own lists."""
    return [
        spec
        for spec in SECTIONS
        if options.enabled(spec.key, spec.default_on)
        and (started or not spec.recorded)
        and offered(spec, held)
    ]


def charts_needed(
    options: SummaryOptions, started: bool = True, held: frozenset[str] = frozenset()
) -> list[str]:
    """The chart keys the printed sections show."""
    return [key for spec in printed_sections(options, started, held) for key in spec.charts]


def initials(name: str) -> str:
    """ "Alex van Dijk" -> "A. D."; used when the summary should be discreet."""
    words = [w for w in name.split() if w]
    if not words:
        return ""
    chosen = [words[0], words[-1]] if len(words) > 1 else words
    return " ".join(f"{w[0].upper()}." for w in chosen)


def printed_name(options: SummaryOptions) -> str:
    """The name printed: initials when the print should be discreet."""
    return initials(options.name) if options.discreet else options.name.strip()


def page_header(title: str, period_label: str, options: SummaryOptions) -> str:
    """The title and the period (or print date) on the left; the name and, unless
    discreet, the app's name on the right; a rule below."""
    right = [esc(printed_name(options))] if printed_name(options) else []
    if not options.discreet:
        right.append(esc(APP_NAME))
    return (
        '<table width="100%" cellspacing="0" cellpadding="0"><tr>'
        f'<td><span class="title">{esc(title)}</span><br>'
        f'<span class="period">{esc(period_label)}</span></td>'
        f'<td align="right" class="who">{"<br>".join(right)}</td>'
        "</tr></table><hr>"
    )


def _section(spec: SectionSpec, context: SummaryContext) -> str:
    data = spec.data(context)
    if not data and spec.omit_when_empty:
        return ""
    body = spec.html(data) if data else f"<p class='empty'>{esc(spec.empty_text)}</p>"
    return f"<h2>{esc(spec.title_for(context.visits.held))}</h2>{body}"


NOT_STARTED = "This period hasn't started yet, so there is nothing to count in it."


def render(context: SummaryContext, options: SummaryOptions, today: date) -> SummaryDocument:
    """The document as it reads on ``today`` (the day it is printed): a period not yet over
    says "so far" in its heading, one not yet started prints only the user's lists."""
    summary = context.summary
    period = summary.period
    title = "Weekly summary" if period.iso_week else "Summary"
    label = period.label_on(today)
    session = context.visits.last_session
    if session is not None:
        title = "Since my last session"
        label += f" \u00b7 my last session: {short_day_seen_from(session, today)}"
    parts = [page_header(title, label, options)]
    if not summary.started:
        parts.append(f"<p>{esc(NOT_STARTED)}</p>")
    printed = printed_sections(options, summary.started, context.visits.held)
    parts += [_section(spec, context) for spec in printed]
    who = printed_name(options)
    footer = (
        f"Self-reported{f' by {who}' if who else ''}; not a medical record.",
        f"Printed {long_date(today)}" + ("." if options.discreet else f" from {APP_NAME}."),
    )
    return SummaryDocument(title, html_page(title, CSS, "".join(parts)), footer, who)
