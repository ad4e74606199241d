"""What export and import tell the user: counts per kind in words, the results."""

from __future__ import annotations

from recovery_desktop.data.import_apply import ImportResult
from recovery_desktop.data.transfer_format import KINDS
from recovery_desktop.domain.wording import plural

NOT_ENCRYPTED = (
    "The export is NOT encrypted: anyone who gets it can read everything in it. "
    "Keep it somewhere safe and delete it when you no longer need it."
)

KIND_NOUNS = {
    "checkins": ("check-in", "check-ins"),
    "summary_notes": ("summary note", "summary notes"),
    "preferences": ("setting", "settings"),
    "library_items": ("trigger or coping action", "triggers and coping actions"),
    "cravings": ("craving", "cravings"),
    "contacts": ("person", "people"),
    "reach_outs": ("reach-out", "reach-outs"),
    "crisis_lines": ("crisis line", "crisis lines"),
    "lapses": ("lapse", "lapses"),
    "clean_periods": ("clean period", "clean periods"),
    "day_blocks": ("planned block", "planned blocks"),
    "day_template_blocks": ("block of a usual day", "blocks of usual days"),
    "plan_sections": ("plan section", "plan sections"),
    "plan_pairs": ("row of a plan table", "rows of plan tables"),
    "plan_contacts": ("person linked in the plan", "people linked in the plan"),
    "plan_versions": ("plan version", "plan versions"),
    "medications": ("medication", "medications"),
    "medication_schedules": ("medication schedule", "medication schedules"),
    "medication_doses": ("dose ticked", "doses ticked"),
    "taper_notes": ("taper note", "taper notes"),
    "appointments": ("appointment", "appointments"),
    "journal_entries": ("journal entry", "journal entries"),
}


def counts_text(counts: dict[str, int]) -> str:
    """ "27 check-ins, 6 people" (kinds with none left out; "nothing" when all are 0)."""
    parts = [
        plural(counts[kind.name], *KIND_NOUNS[kind.name]) for kind in KINDS if counts.get(kind.name)
    ]
    return ", ".join(parts) if parts else "nothing"


def differ_text(result: ImportResult) -> str:
    """ "12 check-ins differ from this journal's and were not imported; the journal's own
    were kept." ("" when none differ)."""
    total = sum(result.differ.values())
    if not total:
        return ""
    if total == 1:
        return (
            f"{counts_text(result.differ)} differs from this journal's and was not imported; "
            "the journal's own was kept."
        )
    return (
        f"{counts_text(result.differ)} differ from this journal's and were not imported; "
        "the journal's own were kept."
    )


def result_text(result: ImportResult, between: str = "\n") -> str:
    """What was added, skipped and not imported because it differs, and the notes, one
    paragraph each (``between`` them)."""
    lines = [f"Added: {counts_text(result.added)}."]
    if any(result.skipped.values()):
        lines.append(f"Skipped, already in the journal: {counts_text(result.skipped)}.")
    if differ_text(result):
        lines.append(differ_text(result))
    return between.join(lines + result.notes)
