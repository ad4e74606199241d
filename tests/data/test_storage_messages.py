"""What the data layer says when the journal cannot be written: the storage problem only.
Each screen adds its own line about what it kept ("Your entry is kept on screen."), so a
message that spoke of the screen too would say the same thing twice."""

from __future__ import annotations

import pytest

from recovery_desktop.data import connection


class _SqlFailure(Exception):
    def __init__(self, code: int) -> None:
        super().__init__("failed")
        self.sqlite_errorcode = code


@pytest.mark.parametrize("code", range(256))
def test_no_storage_message_speaks_of_the_screen(code):
    said = str(connection.translate(_SqlFailure(code))).lower()
    for screen_word in ("on screen", "still here", "what you typed", "kept"):
        assert screen_word not in said
