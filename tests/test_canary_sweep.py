"""The canary sweep: a unique string typed into every kind of text field, every feature
used, then searched for in every file the app wrote. Only deliberate outputs (the PDF and
HTML summary the user asked for) may hold it; the plain copy of the crisis lines (readable
while locked, by design) may hold only the crisis line's own text."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _forms(text: str) -> list[bytes]:
    """The ways a program may have written ``text``: UTF-8 and UTF-16 both byte orders."""
    return [text.encode(encoding) for encoding in ("utf-8", "utf-16-le", "utf-16-be")]


def _holders(folder: Path, text: str, skip: Path) -> list[str]:
    forms = _forms(text)
    found = []
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_relative_to(skip):
            data = path.read_bytes()
            if any(form in data for form in forms):
                found.append(str(path.relative_to(folder)))
    return found


def test_no_file_the_app_writes_holds_what_was_typed(tmp_path):
    sandbox = tmp_path / "home"
    journal_dir, out_dir, temp = sandbox / "journal", sandbox / "chosen-output", sandbox / "tmp"
    for folder in (out_dir, temp):
        folder.mkdir(parents=True)
    canary = "Cn" + uuid.uuid4().hex[:12]
    crisis_canary = "Cl" + uuid.uuid4().hex[:12]
    env = {
        **os.environ,
        "HOME": str(sandbox),
        "XDG_CONFIG_HOME": str(sandbox / ".config"),
        "XDG_DATA_HOME": str(sandbox / ".local/share"),
        "XDG_STATE_HOME": str(sandbox / ".local/state"),
        "XDG_CACHE_HOME": str(sandbox / ".cache"),
        "XDG_RUNTIME_DIR": str(temp),
        "TMPDIR": str(temp),
        "MPLCONFIGDIR": str(sandbox / ".config/matplotlib"),
    }
    env.pop("RECOVERY_DESKTOP_PASSPHRASE", None)
    args = [sys.executable, "-m", "tests.canary_child", str(journal_dir), str(out_dir)]
    done = subprocess.run(
        [*args, canary, crisis_canary], cwd=ROOT, env=env, capture_output=True, timeout=240
    )
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-3000:]
    assert canary.encode() not in done.stderr + done.stdout

    written = [p for p in sandbox.rglob("*") if p.is_file() and not p.is_relative_to(out_dir)]
    assert any(p.parent.name == "backups" for p in written)  # the sweep reached them
    assert any(p.parent.name.startswith("replaced-") for p in written)  # and a restore's
    assert _holders(sandbox, canary, skip=out_dir) == []
    # The deliberate outputs do hold it: the search would have found it anywhere.
    deliberate = _holders(out_dir, canary, skip=sandbox / "nothing")
    assert {"week.html", "everything.json", "csv/checkins.csv"} <= set(deliberate), deliberate
    assert sorted(_holders(sandbox, crisis_canary, skip=out_dir)) == [
        "journal/crisis_lines.json",
        "second-journal/crisis_lines.json",  # the import brought the crisis line along
    ]
