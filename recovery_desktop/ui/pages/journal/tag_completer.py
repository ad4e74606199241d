"""Completes the tag being typed in a comma-separated line from the tags already used:
only the last tag of the line is completed, and choosing one keeps the tags before it."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QLineEdit


def last_tag(text: str) -> str:
    """The tag being typed: what follows the last comma, trimmed."""
    return text.rsplit(",", 1)[-1].strip()


def with_last_tag(text: str, tag: str) -> str:
    """``text`` with its last tag replaced by ``tag``, ready for the next one."""
    before = text.rsplit(",", 1)[0] if "," in text else ""
    return f"{before.rstrip()}, {tag}, " if before.strip() else f"{tag}, "


class TagCompleter(QCompleter):
    """Offers used tags (case ignored) for the last tag of ``line``."""

    def __init__(self, line: QLineEdit) -> None:
        super().__init__(line)
        self.line = line
        self.tags = QStringListModel(self)
        self.setModel(self.tags)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterMode(Qt.MatchFlag.MatchStartsWith)
        self.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setWidget(line)
        line.textEdited.connect(self._typed)
        self.activated.connect(self._take)

    def set_tags(self, tags: Sequence[str]) -> None:
        self.tags.setStringList(list(tags))

    def _typed(self, text: str) -> None:
        prefix = last_tag(text)
        self.setCompletionPrefix(prefix)
        if prefix and self.completionCount():
            self.complete()
        elif (popup := self.popup()) is not None:
            popup.hide()

    def offered(self) -> list[str]:
        """The tags offered now for what is typed (tests, screen readers)."""
        model = self.completionModel()
        return [str(model.index(row, 0).data()) for row in range(model.rowCount())]

    def _take(self, tag: str) -> None:
        self.line.setText(with_last_tag(self.line.text(), tag))
