"""One section of the plan, on the right of the Plan page: its title and prompt, the
template's suggestions (each added or dismissed with one click), its text, and its table or
its people where the section has them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.domain.plan import (
    MAX_BODY_CHARACTERS,
    PlanContact,
    PlanPair,
    PlanSection,
    SectionKind,
)
from recovery_desktop.domain.plan_template import (
    accept_suggestion,
    dismiss_suggestion,
    open_suggestions,
    template_for,
)
from recovery_desktop.ui.pages.plan.pairs import PairsTable
from recovery_desktop.ui.pages.plan.support import SupportList
from recovery_desktop.ui.widgets.layout import clear_layout
from recovery_desktop.ui.widgets.markdown_editor import MarkdownEditor

SUGGESTIONS_SHOWN = 3  # at a time: the next one appears as one is added or dismissed
HIDDEN_NOTE = "This section is hidden: it keeps its text, and is left out when you print."


def _hint(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName("hintLabel")
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class SuggestionRow(QFrame):
    """One suggestion with "Add" and "Dismiss"."""

    def __init__(self, text: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("suggestion")
        self.text = text
        self.label = QLabel(text, self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.add_button = QPushButton("Add", self)
        self.add_button.setAccessibleName(f"Add: {text}")
        self.dismiss_button = QPushButton("Dismiss", self)
        self.dismiss_button.setAccessibleName(f"Dismiss: {text}")
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 2, 2, 2)
        row.addWidget(self.label, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.dismiss_button)


class SectionEditor(QWidget):
    """Edits one :class:`PlanSection`. ``edited`` on every change the user makes; the
    ``*_wanted`` signals ask the page to pick from People or from the library."""

    edited = Signal()
    contacts_wanted = Signal()
    pair_from_library_wanted = Signal()
    coping_from_library_wanted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._section = PlanSection("", SectionKind.CUSTOM, "")
        self.title = QLabel(self)
        self.title.setObjectName("sectionHeading")
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.title.setFont(font)
        self.prompt = _hint("", self)
        self.hidden_note = _hint(HIDDEN_NOTE, self)
        self.suggestions_box = QWidget(self)
        self.suggestions = QVBoxLayout(self.suggestions_box)
        self.suggestions.setContentsMargins(0, 0, 0, 0)
        self.suggestions.setSpacing(2)
        self.notes_label = _hint("In your own words:", self)
        self.body = MarkdownEditor("Section text", self)
        self.body.set_limit(MAX_BODY_CHARACTERS)  # never more than the plan keeps
        self.body.setMinimumHeight(150)
        self.pairs = PairsTable(self)
        self.trigger_library = self.pairs.add_library_button(self.pair_from_library_wanted.emit)
        self.support = SupportList(self)
        self.coping_button = QPushButton("From my &library…", self)
        self.coping_button.setToolTip("Add coping steps from Triggers & coping as a list")
        self.coping_button.clicked.connect(self.coping_from_library_wanted.emit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.prompt)
        layout.addWidget(self.hidden_note)
        layout.addWidget(self.suggestions_box)
        layout.addWidget(self.pairs, 3)
        layout.addWidget(self.support, 3)
        layout.addWidget(self.notes_label)
        layout.addWidget(self.body, 3)
        layout.addWidget(self.coping_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.layout_ = layout
        self.body.edited.connect(self.edited)
        self.pairs.edited.connect(self.edited)
        self.support.edited.connect(self.edited)
        self.support.add_wanted.connect(self.contacts_wanted)

    # -- showing -------------------------------------------------------------------------
    @property
    def uid(self) -> str:
        return self._section.uid

    def show_section(self, section: PlanSection, contacts: Sequence[PlanContact] = ()) -> None:
        """Show ``section``; ``contacts`` are its linked people read live from People."""
        self._section = section
        kind = section.kind
        self.title.setText(section.title)
        template = template_for(kind)
        self.prompt.setText(template.prompt if template else "")
        self.prompt.setVisible(template is not None)
        self.hidden_note.setVisible(section.hidden)
        self.body.set_markdown(section.body)
        self.pairs.setVisible(kind.has_pairs)
        self.trigger_library.setVisible(kind is SectionKind.TRIGGERS)
        if kind.has_pairs:
            self.pairs.set_pairs(section.pairs, kind.pair_headings)
            self.pairs.table.setAccessibleName(section.title)
        self.support.setVisible(kind.has_contacts)
        self.support.set_contacts(contacts)
        self.coping_button.setVisible(kind is SectionKind.COPING)
        parts = kind.has_pairs or kind.has_contacts
        self.notes_label.setVisible(parts)  # the text comes after the table or the people
        self.layout_.setStretchFactor(self.body, 2 if parts else 3)
        self._show_suggestions()

    def show_title(self, section: PlanSection) -> None:
        """A new title or hidden state, the text as it is on screen."""
        self._section = replace(self._section, title=section.title, hidden=section.hidden)
        self.title.setText(section.title)
        self.hidden_note.setVisible(section.hidden)

    def show_contacts(self, contacts: Sequence[PlanContact]) -> None:
        """The linked people again (a name changed on People)."""
        self.support.set_contacts(contacts)

    def current(self) -> PlanSection:
        """The section as it is on screen."""
        section = self._section
        return replace(
            section,
            body=self.body.markdown(),
            pairs=self.pairs.pairs() if section.kind.has_pairs else section.pairs,
            contacts=self.support.uids() if section.kind.has_contacts else section.contacts,
        )

    # -- suggestions ---------------------------------------------------------------------
    def _show_suggestions(self) -> None:
        clear_layout(self.suggestions)
        offered = open_suggestions(self._section)
        for text in offered[:SUGGESTIONS_SHOWN]:
            row = SuggestionRow(text, self.suggestions_box)
            row.add_button.clicked.connect(lambda _c=False, t=text: self.accept(t))
            row.dismiss_button.clicked.connect(lambda _c=False, t=text: self.dismiss(t))
            self.suggestions.addWidget(row)
        more = len(offered) - SUGGESTIONS_SHOWN
        if more > 0:
            self.suggestions.addWidget(
                _hint(f"{more} more suggestion{'s' if more != 1 else ''} after these.", self)
            )
        self.suggestions_box.setVisible(bool(offered))

    def suggestion_rows(self) -> list[SuggestionRow]:
        """The suggestions on screen, in order."""
        items = (self.suggestions.itemAt(i) for i in range(self.suggestions.count()))
        rows = (item.widget() for item in items if item is not None)
        return [row for row in rows if isinstance(row, SuggestionRow)]

    def accept(self, suggestion: str) -> None:
        """Add ``suggestion`` (a row of the table, or a bullet at the end of the text)."""
        self._replace(accept_suggestion(self.current(), suggestion))

    def dismiss(self, suggestion: str) -> None:
        self._replace(dismiss_suggestion(self.current(), suggestion), text_changed=False)

    def _replace(self, section: PlanSection, text_changed: bool = True) -> None:
        """Show ``section`` (the one on screen with a suggestion added or dismissed)."""
        self._section = section
        if text_changed:
            if section.kind.has_pairs:
                self.pairs.set_pairs(section.pairs, section.kind.pair_headings)
            else:
                self.body.set_markdown(section.body)
        focus = self.suggestion_rows()
        index = next(
            (
                i
                for i, row in enumerate(focus)
                if row.add_button.hasFocus() or row.dismiss_button.hasFocus()
            ),
            0,
        )
        self._show_suggestions()
        rows = self.suggestion_rows()
        if rows:  # the keyboard stays among the suggestions
            rows[min(index, len(rows) - 1)].add_button.setFocus()
        self.edited.emit()

    # -- filled from elsewhere -----------------------------------------------------------
    def append_pair(self, pair: PlanPair) -> None:
        self.pairs.append(pair)

    def append_bullets(self, lines: Sequence[str]) -> None:
        """Add ``lines`` as a bulleted list at the end of the text."""
        if not lines:
            return
        body = self.body.markdown().rstrip("\n")
        bullets = "\n".join(f"- {line}" for line in lines)
        if not body:
            body = bullets
        elif body.splitlines()[-1].lstrip().startswith(("- ", "* ")):
            body = f"{body}\n{bullets}"  # more items of the list the text ends with
        else:
            body = f"{body}\n\n{bullets}"
        self.body.set_markdown(body)
        self.edited.emit()

    def add_contacts(self, contacts: Sequence[PlanContact]) -> None:
        """Link ``contacts`` after the people already linked (each person once)."""
        shown = set(self.support.uids())
        new = [c for c in contacts if c.uid not in shown]
        if new:
            self.support.set_contacts([*self.support.contacts(), *new])
            self.edited.emit()
