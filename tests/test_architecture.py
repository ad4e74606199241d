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


PAGES = ROOT / "recovery_desktop" / "ui" / "pages"


def _imported_modules(path: Path) -> set[str]:
    """Every module ``path`` imports, at the top or inside a function, with relative
    imports resolved against its package."""
    import ast

    package = ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package.rsplit(".", node.level - 1)[0] if node.level else ""
            module = ".".join(part for part in (base, node.module or "") if part)
            names.add(module)
            names.update(f"{module}.{alias.name}" for alias in node.names)
    return names


def _page_of(module: str) -> str | None:
    """The page a module under ``ui/pages`` belongs to: its sub-package, or the module
    itself."""
    prefix = "recovery_desktop.ui.pages."
    if not module.startswith(prefix) or module == prefix.rstrip("."):
        return None
    first = module[len(prefix) :].split(".")[0]
    return first


def test_no_page_imports_another_page():
    """A page imports only its own modules (a page sub-package its own parts): what two
    pages share lives in ``ui/widgets`` or ``ui/dialogs``."""
    crossings = [
        f"{path.relative_to(ROOT)} imports {name}"
        for path in PAGES.rglob("*.py")
        for own in [_page_of(".".join(path.relative_to(ROOT).with_suffix("").parts))]
        for name in sorted(_imported_modules(path))
        if _page_of(name) not in (None, own)
    ]
    assert not crossings, crossings


# Dialogs, widgets and the parts of a page that act on the journal as a whole (its key,
# files, backups, export and import) take the Journal; every other one takes the
# repositories it uses.
JOURNAL_LEVEL = {
    "dialogs/change_passphrase.py",
    "dialogs/restore_dialog.py",
    "dialogs/transfer_dialogs.py",
    "widgets/damaged_panel.py",
    "pages/settings/backups.py",
}


def test_dialogs_and_widgets_take_repositories_not_the_journal():
    """A dialog that edits contacts gets the contacts, not the whole journal and its key;
    so do widgets, table models and the parts of a page (People's contacts, log and crisis
    lines, Today's form). Pages themselves are composed with the journal."""
    ui = ROOT / "recovery_desktop" / "ui"
    modules = [
        path for folder in ("dialogs", "widgets", "models") for path in (ui / folder).glob("*.py")
    ]
    modules += [
        path for path in PAGES.glob("*/*.py") if path.name not in ("page.py", "__init__.py")
    ]
    modules.append(ui / "draft_keeper.py")
    takers = [
        path.relative_to(ui).as_posix()
        for path in modules
        if "recovery_desktop.data.journal" in _imported_modules(path)
    ]
    assert len(modules) > 40, modules  # every dialog, widget, model and page part was found
    assert sorted(set(takers) - JOURNAL_LEVEL) == []


# Pages that read across kinds of records through the journal's named queries
# (``day_records``, ``first_day``, ``trend_data``, ``summary_inputs``), and Settings, which
# acts on the journal as a whole (its key, files, backups, export and import).
JOURNAL_LEVEL_PAGES = {
    "today/page.py",
    "cravings.py",
    "trends.py",
    "summary/page.py",
    "settings/page.py",
}


def test_pages_take_repositories_unless_they_query_the_journal():
    """Clean time gets the clean-time repository, Triggers & coping the library, People
    the contacts and preferences; only the pages listed above are composed with the
    journal."""
    pages = [path for path in PAGES.glob("*.py") if path.stem != "__init__"]
    pages += list(PAGES.glob("*/page.py"))
    takers = [
        path.relative_to(PAGES).as_posix()
        for path in pages
        if "recovery_desktop.data.journal" in _imported_modules(path)
    ]
    assert len(pages) >= 8, pages  # every page module was found
    assert sorted(set(takers) - JOURNAL_LEVEL_PAGES) == []
