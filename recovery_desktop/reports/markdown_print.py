"""The plan's Markdown as printable HTML for Qt's rich-text engine, every character of the
user's text escaped.

The plan editor stores each section as Markdown written by ``QTextDocument.toMarkdown``
(CommonMark with GitHub's strikethrough and task lists). This reads the part of it that
editor writes: headings, paragraphs (a single line break is a soft break, as Qt reads it
back), bulleted and numbered lists (nested by indent), task boxes, quotes, code blocks,
rules, **bold**, *italic*, ~~strikethrough~~, `code`, links and backslash escapes.
Anything else is printed as the text it is, never as markup: the output holds only the
tags made here (docs/decisions.md, "Printing the plan").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from recovery_desktop.reports.html_kit import esc

_FENCE = re.compile(r"^ {0,3}(```+|~~~+)")
_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_RULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_QUOTE = re.compile(r"^ {0,3}> ?(.*)$")
_ITEM = re.compile(r"^( *)([-*+]|\d{1,9}[.)])(?:[ \t]+(.*))?$")
_ITEM_HEADING = re.compile(r"^#{1,6}\s+(.*?)(?:\s+#+)?\s*$")
_TASK = re.compile(r"^\[([ xX])\][ \t]+")

_INLINE = re.compile(
    r"(?P<escape>\\[!-/:-@\[-`{-~])"
    r"|(?P<code>(?P<ticks>`+)(?P<code_text>.+?)(?P=ticks))"
    r"|<(?P<autolink>(?:https?://|mailto:)[^<>\s]+)>"
    r"|\[(?P<link_text>(?:\\.|[^\]\\])*)\]\((?P<url>[^()\s]*)(?:[ \t]+\"[^\"]*\")?\)"
    r"|\*\*\*(?P<both>(?=[^\s*])(?:\\.|[^\\])+?(?<=[^\s\\*]))\*\*\*(?!\*)"
    r"|\*\*(?P<strong>(?=\S)(?:\\.|[^\\])+?(?<=[^\s\\]))\*\*(?!\*)"
    r"|(?<!\w)__(?P<strong2>(?=\S)(?:\\.|[^\\])+?(?<=\S))(?<!\\)__(?!\w)"
    r"|\*(?P<em>(?=[^\s*])(?:\\.|[^\\])+?(?<=[^\s\\*]))\*(?!\*)"
    r"|(?<!\w)_(?P<em2>(?=\S)(?:\\.|[^\\])+?(?<=[^\s\\]))_(?!\w)"
    r"|~~(?P<strike>(?=\S)(?:\\.|[^\\])+?(?<=\S))~~"
)


def inline_html(text: str) -> str:
    """One line or paragraph of Markdown as escaped HTML with its inline formatting."""
    out: list[str] = []
    position = 0
    for found in _INLINE.finditer(text):
        out.append(esc(text[position : found.start()]))
        out.append(_inline_piece(found))
        position = found.end()
    out.append(esc(text[position:]))
    return "".join(out)


def _inline_piece(found: re.Match[str]) -> str:
    groups = found.groupdict()
    if groups["escape"]:
        return esc(groups["escape"][1])
    if groups["code"]:
        return f"<code>{esc(groups['code_text'].strip())}</code>"
    if groups["autolink"]:
        return f"<u>{esc(groups['autolink'])}</u>"
    if groups["link_text"] is not None:
        return _link(groups["link_text"], groups["url"])
    if groups["both"]:
        return f"<b><i>{inline_html(groups['both'])}</i></b>"
    for name, tag in (("strong", "b"), ("strong2", "b"), ("em", "i"), ("em2", "i")):
        if groups[name]:
            return f"<{tag}>{inline_html(groups[name])}</{tag}>"
    return f"<s>{inline_html(groups['strike'])}</s>"


def _link(text: str, url: str) -> str:
    """A link on paper: its text underlined, the address after it unless it is the text."""
    shown = inline_html(text) or esc(url)
    if not url or url == text:
        return f"<u>{shown}</u>"
    return f"<u>{shown}</u> <span class='small'>({esc(url)})</span>"


@dataclass
class _Paragraph:
    lines: list[str] = field(default_factory=list)

    def html(self) -> str:
        if not self.lines:
            return ""
        parts = []
        for index, line in enumerate(self.lines):
            last = index == len(self.lines) - 1
            hard = not last and (line.endswith("  ") or line.endswith("\\"))
            text = line.rstrip()[:-1] if hard and line.rstrip().endswith("\\") else line.strip()
            parts.append(inline_html(text) + ("<br>" if hard else " " if not last else ""))
        return f"<p>{''.join(parts)}</p>"


def markdown_html(markdown: str, top_heading: int = 3) -> str:
    """``markdown`` as escaped HTML blocks; its level-1 headings become ``<h{top_heading}>``
    (the section's own title is the level above), deeper ones follow down to ``<h6>``."""
    lines = markdown.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return _blocks(lines, top_heading)


def _blocks(lines: list[str], top: int) -> str:
    out: list[str] = []
    paragraph = _Paragraph()
    index = 0
    while index < len(lines):
        line = lines[index]
        block, index = _block_at(lines, index, top, bool(paragraph.lines))
        if block is None:
            if line.strip():
                paragraph.lines.append(line)
            else:
                out.append(paragraph.html())
                paragraph = _Paragraph()
            index += 1
            continue
        out += [paragraph.html(), block]
        paragraph = _Paragraph()
    out.append(paragraph.html())
    return "".join(out)


def _block_at(lines: list[str], index: int, top: int, in_paragraph: bool) -> tuple[str | None, int]:
    """The block starting at ``lines[index]`` and the index after it; None for a line that
    belongs to a paragraph (or is blank)."""
    line = lines[index]
    if fence := _FENCE.match(line):
        return _code_block(lines, index, fence.group(1))
    if heading := _HEADING.match(line):
        level = min(6, top + len(heading.group(1)) - 1)
        return f"<h{level}>{inline_html(heading.group(2) or '')}</h{level}>", index + 1
    if _RULE.match(line) and not (in_paragraph and line.strip().startswith("-")):
        return "<hr>", index + 1
    if _QUOTE.match(line):
        end = index
        while end < len(lines) and _QUOTE.match(lines[end]):
            end += 1
        inner = [m.group(1) for m in map(_QUOTE.match, lines[index:end]) if m]
        return f"<blockquote>{_blocks(inner, top)}</blockquote>", end
    if (item := _ITEM.match(line)) and (not in_paragraph or _interrupts(item)):
        return _list_block(lines, index)
    return None, index


def _interrupts(item: re.Match[str]) -> bool:
    """Whether a list item may start in the middle of a paragraph (CommonMark: a bullet,
    or a numbered item starting at 1, with text)."""
    marker = item.group(2)
    return bool(item.group(3)) and (not marker[0].isdigit() or marker[:-1] == "1")


def _code_block(lines: list[str], index: int, fence: str) -> tuple[str, int]:
    end = index + 1
    while end < len(lines) and not lines[end].strip().startswith(fence):
        end += 1
    body = "\n".join(lines[index + 1 : end])
    return f"<pre>{esc(body)}</pre>", min(end + 1, len(lines))


@dataclass
class _Item:
    indent: int
    ordered: bool
    number: int
    text: list[str] = field(default_factory=list)
    children: list[_Item] = field(default_factory=list)


def _list_block(lines: list[str], index: int) -> tuple[str, int]:
    """A list and its nested lists, up to the first line that continues neither."""
    roots: list[_Item] = []
    stack: list[_Item] = []
    while index < len(lines):
        line = lines[index]
        item = _ITEM.match(line)
        if item and not _RULE.match(line):
            marker = item.group(2)
            ordered = marker[0].isdigit()
            new = _Item(len(item.group(1)), ordered, int(marker[:-1]) if ordered else 0)
            new.text.append(item.group(3) or "")
            while stack and stack[-1].indent >= new.indent:
                stack.pop()
            (stack[-1].children if stack else roots).append(new)
            stack.append(new)
        elif line.strip() and stack and not _starts_block(line):
            stack[-1].text.append(line.strip())
        elif not line.strip() and _list_goes_on(lines, index + 1):
            pass
        else:
            break
        index += 1
    return _list_html(roots), index


def _starts_block(line: str) -> bool:
    return any(p.match(line) for p in (_FENCE, _HEADING, _RULE, _QUOTE))


def _list_goes_on(lines: list[str], index: int) -> bool:
    """After a blank line, a list goes on with the next item or an indented line."""
    following = next((line for line in lines[index:] if line.strip()), "")
    return bool(_ITEM.match(following)) or following.startswith("  ")


def _list_html(items: list[_Item]) -> str:
    out: list[str] = []
    for group in _runs(items):
        first = group[0]
        tag = "ol" if first.ordered else "ul"
        start = f' start="{first.number}"' if first.ordered and first.number != 1 else ""
        rows = "".join(f"<li>{_item_text(item)}{_list_html(item.children)}</li>" for item in group)
        out.append(f"<{tag}{start}>{rows}</{tag}>")
    return "".join(out)


def _runs(items: list[_Item]) -> list[list[_Item]]:
    """Items split where a bulleted list turns into a numbered one or back."""
    runs: list[list[_Item]] = []
    for item in items:
        if runs and runs[-1][0].ordered == item.ordered:
            runs[-1].append(item)
        else:
            runs.append([item])
    return runs


def _item_text(item: _Item) -> str:
    return _boxed(" ".join(part.strip() for part in item.text).strip())


def _boxed(text: str) -> str:
    """A list item's text, a task's box before it; a heading written inside the item
    ("- # Long plan", as Qt writes a heading in a list) in bold, without its marks."""
    heading = _ITEM_HEADING.match(text)
    if heading:
        return f"<b>{inline_html(heading.group(1))}</b>"
    task = _TASK.match(text)
    if task:
        box = "\u2610 " if task.group(1) == " " else "\u2611 "
        return box + inline_html(text[task.end() :])
    return inline_html(text)


def line_html(line: str) -> str:
    """One line of the editor's Markdown, read alone, as escaped inline HTML (no block
    tags), for showing a text line by line (the plan's compare view). The editor keeps one
    line per paragraph, list item, heading and quote (``domain/markdown_lines.py``), so a
    line holds whole formatting. A heading is bold; a list item is "•" or its number after
    an indent of two spaces per space of its own, a task its box; a quote follows a bar;
    a rule is a line of dashes; anything else is :func:`inline_html`."""
    if heading := _HEADING.match(line):
        return f"<b>{inline_html(heading.group(2) or '')}</b>"
    if _RULE.match(line):
        return "—" * 6
    if quote := _QUOTE.match(line):
        return "│&nbsp;" + line_html(quote.group(1))
    if item := _ITEM.match(line):
        marker = item.group(2)
        shown = marker[:-1] + "." if marker[0].isdigit() else "•"
        indent = "&nbsp;" * (2 * len(item.group(1)))
        return f"{indent}{shown} {_boxed((item.group(3) or '').strip())}"
    return inline_html(line)


def lines_html(lines: Sequence[str]) -> list[str]:
    """The lines of one Markdown text, in order, each as :func:`line_html`; the lines of a
    fenced code block, and its fences, as their escaped text."""
    out: list[str] = []
    fence = ""
    for line in lines:
        opening = _FENCE.match(line)
        if fence or opening:
            out.append(esc(line))
            if opening and not fence:
                fence = opening.group(1)
            elif line.strip().startswith(fence):
                fence = ""
            continue
        out.append(line_html(line))
    return out


def cut_markdown(text: str, characters: int, note: str) -> str:
    """``text`` cut to at most ``characters`` between whole paragraphs or steps (at a line
    break), else after a whole sentence, else at a space, with ``note`` in italics on a line
    of its own; ``text`` itself when it is short enough. A cut that would keep under a
    third of ``characters`` takes the next finer boundary instead."""
    if characters >= len(text):
        return text
    kept = text[: characters + 1]  # a line break just after the last whole step counts
    line = kept.rfind("\n")
    sentence = max(kept.rfind(end, 0, characters) for end in (". ", "! ", "? "))
    space = kept.rfind(" ", 0, characters)
    enough = characters // 3  # a cut that keeps less than this is not worth its neatness
    if line > enough:
        kept = kept[:line]
    elif sentence > enough:
        kept = kept[: sentence + 1]
    else:
        kept = kept[:space] if space > characters // 2 else kept[:characters]
    return f"{kept.rstrip()}\n\n*{note}*" if kept.strip() else f"*{note}*"
