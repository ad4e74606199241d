"""The Journal's search on the ten-year demo journal, timed in the data layer: what the page
waits for before it can show a first page of results (run by ``driver.py search``).

Searches are what people type: common words and rare ones, a word still being typed (its
prefix), a quoted phrase, FTS syntax typed literally and a word no entry holds. Each is
timed :data:`REPEATS` times, the first (cold) one included; a search's figure is its
median, and the figure of the run the median over every search.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

REPEATS = 5
FIRST_PAGE = 50  # what JournalEntryRepository.search returns by default
SEARCHES = (  # common and rare in the demo's entries (counts in its ten years: 3,111 entries)
    "craving",  # common: more than a page of matches
    "meeting",
    "sleep",
    "work",  # 639
    "today",
    "mum kitchen",  # two words, AND
    "cra",  # a word still being typed: a prefix
    '"first year"',  # a phrase (264)
    "tired",  # rarer (41)
    "sponsor",  # 13
    "payday",  # 1
    "lecture",  # 1
    "NEAR (alone) -sad",  # FTS syntax, searched as words
    "xylophone",  # in no entry
)


def _rare_tag(journal: object) -> list[str]:
    """The least used tag, searched as a rare word (tags are searched too)."""
    tags = journal.entries.tags()  # type: ignore[attr-defined]
    return [min(tags, key=lambda pair: pair[1])[0]] if tags else []


def run(data_dir: str) -> dict[str, object]:
    """Open the journal (no passphrase) and time every search; seconds per search."""
    from recovery_desktop.data.journal import JournalFiles, open_unprotected

    journal = open_unprotected(JournalFiles(Path(data_dir)))
    timings: dict[str, float] = {}
    found: dict[str, int] = {}
    for text in (*SEARCHES, *_rare_tag(journal)):
        times = []
        for _ in range(REPEATS):
            start = time.perf_counter()
            rows = journal.entries.search(text, limit=FIRST_PAGE)
            times.append(time.perf_counter() - start)
        timings[text] = statistics.median(times)
        found[text] = len(rows)
    return {"entries": journal.entries.count(), "searches": timings, "found": found}
