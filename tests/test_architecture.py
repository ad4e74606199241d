"""The layering of DESIGN.md §2 holds: the core never imports Qt or the UI."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORE = ["recovery_desktop.domain", "recovery_desktop.data", "recovery_desktop.reports"]


def test_core_packages_import_without_qt():
    """Importing every core module loads no PySide6 and no UI module."""
    modules = sorted(
        ".".join(path.relative_to(ROOT).with_suffix("").parts)
        for package in ("domain", "data", "reports")
        for path in (ROOT / "recovery_desktop" / package).glob("*.py")
    )
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'recovery_desktop.ui'))]\n"
        "print(bad); sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_import_linter_contracts_are_kept():
    """The import-linter contracts in pyproject.toml pass."""
    linter = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(linter)], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout
    assert "broken" in result.stdout and "0 broken" in result.stdout


def test_no_network_modules_anywhere():
    """The app makes no network calls: no module imports a network library."""
    banned = ("socket", "urllib", "http.client", "requests", "httpx", "aiohttp", "QtNetwork")
    for path in (ROOT / "recovery_desktop").rglob("*.py"):
        for line in path.read_text(encoding="utf-8").splitlines():
            stripped = line.strip()
            if stripped.startswith(("import ", "from ")):
                assert not any(name in stripped.split()[1] for name in banned), (path, line)


def test_widgets_never_run_sql():
    """Only the data layer talks to the database."""
    for path in (ROOT / "recovery_desktop" / "ui").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for marker in ("sqlcipher3", "sqlite_utils", ".execute(", ".query("):
            assert marker not in text, (path.name, marker)


def test_file_dialogs_are_opened_only_through_the_helper_that_leaves_no_traces():
    """Qt's file dialogs write the folders visited into a plain shared settings file; only
    ``ui/save_dialog.py`` opens them, inside ``no_folder_traces``."""
    allowed = {"save_dialog.py", "dialog_traces.py"}
    for path in (ROOT / "recovery_desktop").rglob("*.py"):
        if path.name not in allowed:
            assert "QFileDialog" not in path.read_text(encoding="utf-8"), path.name


def test_day_and_month_names_come_from_the_app_not_the_locale():
    """strftime's %a %A %b %B (also in f-strings and matplotlib's DateFormatter) follow the
    process locale, which Qt sets from the system: every name goes through calendar_text."""
    import re

    locale_names = re.compile(r"(:|strftime\(['\"]|DateFormatter\(['\"])[^'\"}]*%[aAbBcxp]")
    found = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in (ROOT / "recovery_desktop").rglob("*.py")
        if path.name != "calendar_text.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if locale_names.search(line)
    ]
    assert not found, found
