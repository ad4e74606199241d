"""Small helpers that build escaped HTML for Qt's rich-text engine (QTextDocument)."""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

from recovery_desktop.domain.wording import plural


def esc(text: object) -> str:
    """Escape anything that came from the user or the journal."""
    return html.escape(str(text), quote=True)


def html_page(title: str, css: str, body: str) -> str:
    """A whole page that declares its encoding (doctype, then ``<meta charset="utf-8">``
    within the first 1024 bytes), so a browser reading it from a web server or another
    system shows "16–22 November" and never "16â€“22 November". ``body`` is HTML."""
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{esc(title)}</title><style>{css}</style></head><body>{body}</body></html>"
    )


def paragraph(text: str, css_class: str = "") -> str:
    """A paragraph of user text: escaped, line breaks kept."""
    body = esc(text).replace("\n", "<br>")
    attribute = f' class="{css_class}"' if css_class else ""
    return f"<p{attribute}>{body}</p>"


def bullet_list(items: Iterable[str]) -> str:
    rows = "".join(f"<li>{esc(item)}</li>" for item in items)
    return f"<ul>{rows}</ul>" if rows else ""


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A simple bordered table; every cell is escaped."""
    head = "".join(f"<th>{esc(cell)}</th>" for cell in header)
    body = "".join(
        "<tr>" + "".join(f"<td>{esc(cell)}</td>" for cell in row) + "</tr>" for row in rows
    )
    return (
        '<table class="data" cellspacing="0" cellpadding="5" border="1">'
        f"<tr>{head}</tr>{body}</table>"
    )


def days(count: int) -> str:
    return plural(count, "day")


def number(value: float | None, unit: str = "") -> str:
    if value is None:
        return "—"
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return f"{text}{unit}"


def change(value: float | None) -> str:
    """Signed change with a real minus sign; "no change" for a difference under 0.05."""
    if value is None:
        return "—"
    if abs(value) < 0.05:
        return "no change"
    sign = "+" if value > 0 else "\u2212"
    return f"{sign}{abs(value):.1f}"
