"""The printed plan and the crisis card, as escaped HTML documents (no Qt).

Both are :class:`~recovery_desktop.reports.summary_html.SummaryDocument` values, so they go
through the weekly summary's own printing path (``ui/printing.py``): the same page layout,
the same footer, and the same "hide my name and the app's title" choice
(``SummaryOptions.discreet``). The crisis card's contents follow the plan's contract
(docs/decisions.md, "Printing the plan"): the crisis plan section, the first
:data:`~recovery_desktop.domain.contacts.CALL_FIRST` call-first contacts with their
numbers, the crisis lines, and the first :data:`TOP_WARNING_SIGNS` warning signs.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

from recovery_desktop.domain.calendar_text import long_date
from recovery_desktop.domain.contacts import CALL_FIRST, Contact, CrisisLine, call_first
from recovery_desktop.domain.plan import Plan, PlanContact, PlanPair, PlanSection, SectionKind
from recovery_desktop.domain.summary import SummaryOptions
from recovery_desktop.reports.html_kit import esc, html_page
from recovery_desktop.reports.markdown_print import cut_markdown, markdown_html
from recovery_desktop.reports.summary_html import (
    APP_NAME,
    SummaryDocument,
    page_header,
    printed_name,
)

PLAN_TITLE = "My recovery plan"
CARD_TITLE = "My crisis card"
TOP_WARNING_SIGNS = 5
CUT_NOTE = "\u2026 (the rest is in your plan)"
LINES_CUT_NOTE = "\u2026 (more crisis lines are on the People page)"

PLAN_CSS = """
body { font-size: 11pt; color: #000000; }
.title { font-size: 18pt; font-weight: bold; }
.period { font-size: 12pt; }
.who { font-size: 11pt; }
h2 { font-weight: bold; margin-top: 12px; margin-bottom: 3px; }
h3 { font-weight: bold; margin-top: 6px; margin-bottom: 2px; }
h4, h5, h6 { font-weight: bold; margin-top: 6px; margin-bottom: 2px; }
p { margin-top: 3px; margin-bottom: 3px; }
ul, ol { margin-top: 3px; margin-bottom: 3px; }
table.data { border-color: #888888; border-style: solid; }
th { background-color: #eeeeee; font-weight: bold; text-align: left; }
.small { font-size: 9pt; color: #333333; }
.empty { font-style: italic; color: #333333; }
"""


@dataclass(frozen=True)
class PlanPrintInputs:
    """Everything the printed plan and the crisis card show, already read.

    ``contacts`` maps the uids linked in support sections to the contact as People has it
    now (renamed, archived or missing); ``call_first`` are People's active contacts in
    call-first order; ``options`` holds the name and the discretion choice of the weekly
    summary, which the plan prints the same way."""

    plan: Plan
    contacts: Mapping[str, PlanContact]
    call_first: tuple[Contact, ...]
    crisis_lines: tuple[CrisisLine, ...]
    printed_on: date
    options: SummaryOptions = field(default_factory=SummaryOptions)


class _Plans(Protocol):
    def plan(self) -> Plan: ...

    def contacts_for(self, uids: Sequence[str]) -> list[PlanContact]: ...


class _Contacts(Protocol):
    def contacts(self, include_archived: bool = False) -> list[Contact]: ...

    def crisis_lines(self) -> list[CrisisLine]: ...


class _Preferences(Protocol):
    def summary_options(self) -> SummaryOptions: ...


class PlanSource(Protocol):
    """What the plan is printed from: an open journal (``data.journal.Journal``)."""

    @property
    def plan(self) -> _Plans: ...

    @property
    def contacts(self) -> _Contacts: ...

    @property
    def preferences(self) -> _Preferences: ...


def read_plan_inputs(source: PlanSource, today: date) -> PlanPrintInputs:
    """Read what the plan and its card print from ``source`` now, printed on ``today``.
    Raises :class:`~recovery_desktop.data.errors.JournalError` when it cannot be read."""
    plan = source.plan.plan()
    linked = list(dict.fromkeys(uid for s in plan.sections for uid in s.contacts))
    contacts = {c.uid: c for c in source.plan.contacts_for(linked)} if linked else {}
    return PlanPrintInputs(
        plan=plan,
        contacts=contacts,
        call_first=tuple(call_first(source.contacts.contacts())),
        crisis_lines=tuple(source.contacts.crisis_lines()),
        printed_on=today,
        options=source.preferences.summary_options(),
    )


def plan_document(inputs: PlanPrintInputs) -> SummaryDocument:
    """The whole plan: title, printed date, then every visible section in order (its
    Markdown, its table of pairs, its support contacts)."""
    who = printed_name(inputs.options)
    parts = [page_header(PLAN_TITLE, f"Printed {long_date(inputs.printed_on)}", inputs.options)]
    parts += [_section_html(section, inputs.contacts) for section in inputs.plan.visible]
    if not inputs.plan.visible:
        parts.append("<p class='empty'>Every section of the plan is hidden.</p>")
    whose = f"The recovery plan of {who}" if who else "The recovery plan"
    footer = (whose if whose.endswith(".") else f"{whose}.", _printed(inputs))
    return SummaryDocument(PLAN_TITLE, html_page(PLAN_TITLE, PLAN_CSS, "".join(parts)), footer, who)


def _printed(inputs: PlanPrintInputs) -> str:
    where = "." if inputs.options.discreet else f" from {APP_NAME}."
    return f"Printed {long_date(inputs.printed_on)}{where}"


def _section_html(section: PlanSection, contacts: Mapping[str, PlanContact]) -> str:
    parts = [f"<h2>{esc(section.title)}</h2>", markdown_html(section.body)]
    pairs = [p for p in section.pairs if not p.is_empty]
    if section.kind.has_pairs and pairs:
        parts.append(_pairs_table(section.kind.pair_headings, pairs))
    if section.kind.has_contacts and section.contacts:
        parts.append(_contacts_list([contacts.get(uid) for uid in section.contacts]))
    if len(parts) == 2 and not section.body.strip():
        parts.append("<p class='empty'>Nothing written yet.</p>")
    return "".join(parts)


def _pairs_table(headings: tuple[str, str], pairs: list[PlanPair]) -> str:
    head = "".join(f'<th width="50%">{esc(h)}</th>' for h in headings)
    rows = "".join(f"<tr><td>{esc(p.first)}</td><td>{esc(p.second)}</td></tr>" for p in pairs)
    return (
        '<table class="data" width="100%" cellspacing="0" cellpadding="5" border="1">'
        f"<tr>{head}</tr>{rows}</table>"
    )


def contact_line(contact: PlanContact | None) -> str:
    """ "Sam (Sponsor) · 555 0101", "(archived)" or "(no longer in People)" after it."""
    if contact is None or contact.missing:
        return "A contact no longer in People"
    text = contact.name + (f" ({contact.role})" if contact.role else "")
    if contact.phone:
        text += f" \u00b7 {contact.phone}"
    return text + (" (archived)" if contact.archived else "")


def _contacts_list(contacts: list[PlanContact | None]) -> str:
    rows = "".join(f"<li>{esc(contact_line(c))}</li>" for c in contacts)
    return f"<h4>People I can turn to</h4><ul>{rows}</ul>"  # a heading: kept with its list


# -- the crisis card ---------------------------------------------------------------------
@dataclass(frozen=True)
class CardCut:
    """How much of a card that does not fit is kept: ``crisis_characters`` of the crisis
    plan's text (None: all), ``crisis_lines`` lines (None: all), and each warning sign's
    text to ``sign_characters`` (None: whole)."""

    crisis_characters: int | None = None
    crisis_lines: int | None = None
    sign_characters: int | None = None


def card_css(point_size: float) -> str:
    """Large, black-and-white type: everything scales with ``point_size``. Qt sizes
    ``<h1>``–``<h6>`` relative to the document's default font whatever the style sheet
    says, so the card's headings are styled paragraphs (one page: nothing to keep together)."""
    return f"""
body {{ font-size: {point_size}pt; color: #000000; }}
.title {{ font-size: {round(point_size * 1.5)}pt; font-weight: bold; }}
.period {{ font-size: {round(point_size * 0.7)}pt; }}
.who {{ font-size: {round(point_size * 0.7)}pt; }}
.head {{ font-size: {round(point_size * 1.2)}pt; font-weight: bold; margin-top: 10px; }}
.sub {{ font-weight: bold; }}
p {{ margin-top: 2px; margin-bottom: 2px; }}
ul, ol {{ margin-top: 2px; margin-bottom: 2px; }}
.number {{ font-weight: bold; }}
.small {{ font-size: {round(point_size * 0.7)}pt; }}
.empty {{ font-style: italic; }}
"""


def warning_signs(plan: Plan) -> tuple[PlanPair, ...]:
    """The card's top warning signs: the first non-empty pairs of the first warning-signs
    section (not when it is hidden)."""
    section = shown_section(plan, SectionKind.WARNING_SIGNS)
    pairs = () if section is None else section.pairs
    return tuple(p for p in pairs if p.first.strip() or p.second.strip())[:TOP_WARNING_SIGNS]


def shown_section(plan: Plan, kind: SectionKind) -> PlanSection | None:
    """The first visible section of ``kind``: a hidden section is printed nowhere, not on
    the card either."""
    return next((s for s in plan.visible if s.kind is kind), None)


def crisis_text(plan: Plan) -> str:
    section = shown_section(plan, SectionKind.CRISIS)
    return "" if section is None else section.body.strip()


def cut_text(text: str, characters: int) -> str:
    """``text`` cut to at most ``characters`` by :func:`markdown_print.cut_markdown`, ending
    with :data:`CUT_NOTE`: a crisis card never ends an instruction half-way when a whole
    one can end it instead."""
    return cut_markdown(text, characters, CUT_NOTE)


def crisis_card_document(
    inputs: PlanPrintInputs, point_size: float, cut: CardCut | None = None
) -> SummaryDocument:
    """The one-page crisis card at ``point_size`` (the caller chooses the largest size that
    fits one page, ``ui/plan_printing.py``), shortened as ``cut`` says."""
    cut = cut or CardCut()
    section = shown_section(inputs.plan, SectionKind.CRISIS)
    crisis_title = section.title if section is not None else "My crisis plan"
    text = crisis_text(inputs.plan)
    if cut.crisis_characters is not None:
        text = cut_text(text, cut.crisis_characters)
    parts = [
        page_header(CARD_TITLE, f"Printed {long_date(inputs.printed_on)}", inputs.options),
        _card_heading(crisis_title),
        _card_markdown(text) if text else _nothing(inputs.plan, SectionKind.CRISIS),
        _card_heading("Call first"),
        _call_first(inputs.call_first),
        _card_heading("Crisis lines"),
        _crisis_lines(inputs.crisis_lines, cut.crisis_lines),
        _card_heading("Warning signs to watch for"),
        _signs(warning_signs(inputs.plan), cut.sign_characters)
        or _nothing(inputs.plan, SectionKind.WARNING_SIGNS),
    ]
    html = html_page(CARD_TITLE, card_css(point_size), "".join(parts))
    return SummaryDocument(CARD_TITLE, html, (_printed(inputs),), printed_name(inputs.options))


def _nothing(plan: Plan, kind: SectionKind) -> str:
    """What the card says where a part of the plan has nothing to show: hidden (kept off
    paper by the user's choice) or not written yet."""
    section = plan.of_kind(kind)
    if section is not None and section.hidden:
        return "<p class='empty'>Not printed: this part of your plan is hidden.</p>"
    return "<p class='empty'>Nothing written in the plan yet.</p>"


def _card_heading(text: str) -> str:
    return f"<p class='head'>{esc(text)}</p>"


def _card_markdown(text: str) -> str:
    """The crisis plan's Markdown, its headings as bold paragraphs of the card's size."""
    html = markdown_html(text)
    return re.sub(r"<(/?)h[3-6]>", lambda m: "</p>" if m.group(1) else "<p class='sub'>", html)


def _call_first(contacts: tuple[Contact, ...]) -> str:
    chosen = [c for c in contacts if not c.archived][:CALL_FIRST]
    if not chosen:
        return "<p class='empty'>No one to call first yet: add people on the People page.</p>"
    rows = "".join(
        f"<li>{esc(c.name)} ({esc(c.role.label)})"
        + (f": <span class='number'>{esc(c.phone)}</span>" if c.phone else "")
        + "</li>"
        for c in chosen
    )
    return f"<ul>{rows}</ul>"


def _crisis_lines(lines: tuple[CrisisLine, ...], keep: int | None) -> str:
    if not lines:
        return "<p class='empty'>No crisis lines on the People page.</p>"
    shown = lines if keep is None else lines[:keep]
    rows = "".join(
        f"<li>{esc(line.name)}: <span class='number'>{esc(line.number)}</span></li>"
        for line in shown
    )
    more = f"<p class='empty'>{esc(LINES_CUT_NOTE)}</p>" if len(shown) < len(lines) else ""
    return f"<ul>{rows}</ul>{more}"


def _signs(pairs: tuple[PlanPair, ...], characters: int | None) -> str:
    if not pairs:
        return ""

    def short(text: str) -> str:
        text = text.strip()
        if characters is None or len(text) <= characters:
            return text
        return text[: max(1, characters - 1)].rstrip() + "\u2026"

    rows = "".join(
        f"<li><b>{esc(short(p.first))}</b>"
        + (f" \u2192 {esc(short(p.second))}" if p.second.strip() else "")
        + "</li>"
        for p in pairs
    )
    return f"<ul>{rows}</ul>"
