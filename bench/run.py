"""``make bench``: how fast Recovery Desktop starts, shows its pages, saves and prints, on a
ten-year demo journal, beside the targets of issue 11. Prints a table and writes
``bench/results.json``. Never part of ``make test``; takes under three minutes.

Run with the project's venv: ``.venv/bin/python bench/run.py [--runs N] [--out FILE]``.
Every start-up figure is the median of N fresh processes (``driver.py``), started in turn
(bare, new, ten-year, unlock, bare, …) so that a busy moment on a shared machine touches
them all alike; the in-process figures come from one more process (``scenario.py``).
Qt runs on the current display (``xcb``) when ``DISPLAY`` is set, else offscreen.
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import figures
import table

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
CACHE = ROOT / "build" / "bench"
BUNDLE = ROOT / "dist" / "recovery-desktop"
WEEKS = 520
CHILD_TIMEOUT_S = 150
PASSPHRASE_ENV = "RECOVERY_DESKTOP_PASSPHRASE"
sys.path.insert(0, str(BENCH))
from watch import PASSPHRASE  # noqa: E402


def qpa() -> tuple[str, str]:
    """The Qt platform for the children and how to describe it."""
    display = os.environ.get("DISPLAY")
    if not display:
        return "offscreen", "offscreen (no DISPLAY)"
    xvfb = "xvfb-run" in os.environ.get("XAUTHORITY", "")
    return "xcb", f"xcb on DISPLAY={display}" + (" (Xvfb)" if xvfb else "")


def child_env(platform_name: str, home: Path) -> dict[str, str]:
    """The user's environment with its own Qt platform and empty settings, log and cache
    folders, so that no setting or file of the user's counts (or is touched)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("RECOVERY_DESKTOP_")}
    env["QT_QPA_PLATFORM"] = platform_name
    for name in ("CONFIG", "DATA", "STATE", "CACHE"):
        env[f"XDG_{name}_HOME"] = str(home / name.lower())
    return env


def app(*args: str) -> list[str]:
    return [sys.executable, "-m", "recovery_desktop", *args]


def demo_journals(env: dict[str, str]) -> tuple[Path, Path]:
    """The ten-year demo journal without and with a passphrase, made once per day and
    version of the app's sources (the demo ends today) and kept in build/bench/."""
    digest = hashlib.sha256(datetime.date.today().isoformat().encode())
    for path in sorted((ROOT / "recovery_desktop").rglob("*.py")):
        digest.update(path.read_bytes())
    folder = CACHE / digest.hexdigest()[:12]
    plain, protected = folder / "plain", folder / "protected"
    if not (folder / "done").exists():
        if CACHE.exists():
            shutil.rmtree(CACHE)
        print(f"Making the ten-year demo journal ({WEEKS} weeks) in {folder} …", flush=True)
        for target, secret in ((plain, None), (protected, PASSPHRASE)):
            run_env = {**env, PASSPHRASE_ENV: secret} if secret else env
            command = app("demo-data", "--data-dir", str(target), "--weeks", str(WEEKS))
            subprocess.run(command, env=run_env, check=True, capture_output=True)
        (folder / "done").touch()
    return plain, protected


def fresh_copy(journal: Path | None, scratch: Path) -> Path:
    """A copy of ``journal`` (or an empty place) that one child may change."""
    target = Path(tempfile.mkdtemp(dir=scratch)) / "journal"
    if journal is not None:
        shutil.copytree(journal, target)
    return target


def run_child(mode: str, journal: Path | None, env: dict[str, str], scratch: Path) -> dict:
    """Start ``driver.py MODE``; its result, with ``elapsed``: seconds from just before
    the process was started to the moment it measured."""
    folder = fresh_copy(journal, scratch)
    command = [sys.executable, str(BENCH / "driver.py"), mode, str(folder)]
    start = time.monotonic()
    child = subprocess.run(
        command, env=env, capture_output=True, text=True, timeout=CHILD_TIMEOUT_S
    )
    lines = child.stdout.strip().splitlines()
    result: dict[str, Any] = json.loads(lines[-1]) if lines else {}
    if "t" not in result:
        detail = result.get("error") or child.stderr.strip()[-2000:]
        raise SystemExit(f"bench: the {mode} process failed: {detail}")
    result["elapsed"] = result["t"] - start
    shutil.rmtree(folder.parent, ignore_errors=True)
    return result


def startup(runs: int, journals: tuple[Path, Path], env: dict, scratch: Path) -> dict:
    plain, protected = journals
    raw: dict[str, Any] = {
        "startup": {"bare": [], "new": [], "plain": []},
        "rss_start": [],
        "unlock": [],
        "argon2": [],
    }
    for _ in range(runs):
        for mode, journal in (("bare", None), ("new", None), ("plain", plain)):
            result = run_child(mode, journal, env, scratch)
            raw["startup"][mode].append(result["elapsed"])
            if mode == "plain":
                raw["rss_start"].append(result["rss"])
        result = run_child("unlock", protected, env, scratch)
        raw["unlock"].append(result["since_click"])
        raw["argon2"].append(result["argon2"])
    return raw


def report_command(runs: int, journal: Path, env: dict, scratch: Path) -> list[float]:
    """``recovery-desktop report`` for last week, as a whole process, ``runs`` times."""
    week = datetime.date.today() - datetime.timedelta(days=7)
    year, number, _ = week.isocalendar()
    folder = fresh_copy(journal, scratch)
    out = scratch / "week.pdf"
    command = app(
        "report", "--data-dir", str(folder), "--week", f"{year}-W{number:02d}", "--out", str(out)
    )
    times = []
    for _ in range(runs):
        out.unlink(missing_ok=True)
        start = time.monotonic()
        subprocess.run(command, env=env, check=True, capture_output=True, timeout=CHILD_TIMEOUT_S)
        times.append(time.monotonic() - start)
    return times


def bundle_mb() -> float | None:
    """The unpacked bundle's size (every file's length), in MB of 10⁶ bytes."""
    if not BUNDLE.is_dir():
        return None
    files = (p for p in BUNDLE.rglob("*") if p.is_file() and not p.is_symlink())
    return sum(p.stat().st_size for p in files) / 1e6


def git(*args: str) -> str:
    done = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True)
    return done.stdout.strip()


def describe_run(runs: int, platform_text: str) -> dict[str, Any]:
    from PySide6 import __version__ as pyside

    dirty = bool(git("status", "--porcelain", "--untracked-files=no", "recovery_desktop"))
    return {
        "when": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": git("rev-parse", "--short", "HEAD") + (" + changes" if dirty else ""),
        "branch": git("rev-parse", "--abbrev-ref", "HEAD"),
        "qpa": platform_text,
        "runs": runs,
        "cpus": os.cpu_count(),
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "python": platform.python_version(),
        "pyside6": pyside,
    }


def compact_json(document: dict[str, dict[str, Any]]) -> str:
    """``document`` as JSON with one line per entry of each section, easy to diff."""
    sections = []
    for name, entries in document.items():
        lines = [
            f"  {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in entries.items()
        ]
        sections.append(f" {json.dumps(name)}: {{\n" + ",\n".join(lines) + "\n }")
    return "{\n" + ",\n".join(sections) + "\n}\n"


def journal_figures(journal: Path, env: dict[str, str], scratch: Path) -> dict[str, Any]:
    """The Journal page's first show (in the running app) and its search (data layer)."""
    raw: dict[str, Any] = {"pages": run_child("journal", journal, env, scratch)["pages"]}
    raw["search"] = run_child("search", journal, env, scratch)
    return raw


def only_journal() -> int:
    """``--only journal``: the issue-15 figures alone, printed (results.json untouched)."""
    platform_name, platform_text = qpa()
    with tempfile.TemporaryDirectory(prefix="recovery-bench-") as scratch_name:
        scratch = Path(scratch_name)
        env = child_env(platform_name, scratch / "home")
        plain, _protected = demo_journals(env)
        raw = journal_figures(plain, env, scratch)
    title = f"make bench --only journal · {platform_text}"
    print(table.render(title, figures.sections(raw, 1), ["One process each."]))
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description="Measure Recovery Desktop (make bench).")
    parser.add_argument(
        "--runs", type=int, default=5, help="fresh processes per start-up figure (default 5)"
    )
    parser.add_argument("--out", type=Path, default=BENCH / "results.json")
    parser.add_argument(
        "--only",
        choices=["journal"],
        help="measure only the Journal (page first show and search); prints, writes nothing",
    )
    args = parser.parse_args()
    if args.only:
        return only_journal()
    platform_name, platform_text = qpa()
    began = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="recovery-bench-") as scratch_name:
        scratch = Path(scratch_name)
        env = child_env(platform_name, scratch / "home")
        journals = demo_journals(env)
        run = describe_run(args.runs, platform_text)
        print(f"Measuring on {platform_text}, {args.runs} run(s) each …", flush=True)
        raw = startup(args.runs, journals, env, scratch)
        raw.update(run_child("pages", journals[0], env, scratch))
        raw["search"] = run_child("search", journals[0], env, scratch)
        raw["report"] = report_command(args.runs, journals[0], env, scratch)
    raw["bundle_mb"] = bundle_mb()
    run["seconds"] = round(time.monotonic() - began)
    sections = figures.sections(raw, args.runs)
    title = (
        f"make bench · {run['when']} · {run['commit']} ({run['branch']}) · "
        f"{platform_text} · {run['cpus']} CPUs, load {run['load_average'][0]}"
    )
    notes = [
        "✓ met, ✗ +X missed by X. Start-up ratios are to the bare window of this run: compare",
        "ratios between machines, not seconds. Times vary with the machine's load: "
        f"this run took {run['seconds']} s.",
    ]
    print(table.render(title, sections, notes))
    samples = {k: [round(x, 4) for x in v] for k, v in raw["startup"].items()}
    samples |= {k: [round(x, 4) for x in raw[k]] for k in ("unlock", "argon2", "report")}
    document = {"run": run, "figures": table.as_json(sections), "samples_s": samples}
    args.out.write_text(compact_json(document))
    return 0


if __name__ == "__main__":
    sys.exit(main())
