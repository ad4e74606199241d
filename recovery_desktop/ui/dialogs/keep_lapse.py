"""Asked when an answer no longer says "used" while a lapse is recorded for it.

Keeping the lapse is the default (Enter and Esc both keep it). Removing it is for a lapse
recorded by mistake: the data layer undoes it with what it did to the clean time, in one
transaction, or refuses in plain words and changes nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtWidgets import QMessageBox, QWidget

from recovery_desktop.data.errors import JournalError
from recovery_desktop.data.recovery_time import RecoveryTimeRepository
from recovery_desktop.domain.calendar_text import short_day_seen_from
from recovery_desktop.domain.recovery_time import Lapse, RecoveryTimeError

KEEP = "&Keep the lapse"
REMOVE = "&Remove it, it was a mistake"


def _question(lapses: Sequence[Lapse], if_kept: str) -> tuple[str, str]:
    days = sorted({lapse.day for lapse in lapses})
    today = date.today()
    when = ", ".join(short_day_seen_from(day, today) for day in days)
    text = (
        f"A lapse is recorded for {when}."
        if len(lapses) == 1
        else f"{len(lapses)} lapses are recorded for {when}."
    )
    detail = (
        "If it was recorded by mistake, you can remove it: your clean time then runs on as "
        "if it had not happened, and what you wrote about it is removed too.\n\n"
        f"If you keep it, {if_kept}. Nothing else changes."
    )
    return text, detail


def keep_or_remove(
    parent: QWidget | None,
    recovery_time: RecoveryTimeRepository,
    lapses: Sequence[Lapse],
    if_kept: str,
) -> bool:
    """Ask whether ``lapses`` stay; True only when they were removed."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle("Keep the lapse?")
    text, detail = _question(lapses, if_kept)
    box.setText(text)
    box.setInformativeText(detail)
    keep = box.addButton(KEEP, QMessageBox.ButtonRole.RejectRole)
    remove = box.addButton(REMOVE, QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    if box.clickedButton() is not remove:
        return False
    try:
        recovery_time.remove_lapses([lapse.id for lapse in lapses if lapse.id is not None])
    except (RecoveryTimeError, JournalError) as error:
        QMessageBox.information(parent, "The lapse stays", str(error))
        return False
    return True
