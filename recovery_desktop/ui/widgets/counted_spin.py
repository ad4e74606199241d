"""Spin boxes whose unit agrees with their number: "1 minute", "5 minutes", "7.5 hours".

The suffix is set again whenever the value changes (as KDE's plural-handling spin box does),
so typing, the arrow keys and the wheel all keep the word in step with the number.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDoubleSpinBox, QSpinBox

from recovery_desktop.domain.wording import noun


def count_unit(spin: QSpinBox | QDoubleSpinBox, one: str, many: str | None = None) -> None:
    """Show ``one`` (singular) or ``many`` after the number, as the value asks."""

    def follow(value: float) -> None:
        suffix = f" {noun(value, one, many)}"
        if spin.suffix() != suffix:
            spin.setSuffix(suffix)

    spin.valueChanged.connect(follow)
    follow(spin.value())
