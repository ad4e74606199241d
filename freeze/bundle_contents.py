"""What goes into the frozen bundle: the rules build.spec applies to PyInstaller's lists.

PyInstaller collects every plugin of each Qt module the app imports, every library those
plugins link to, and every data file of the packages. Much of it is never loaded by this
app. The functions here take PyInstaller's lists of entries, ``(destination in the bundle,
source path, type code)``, and return the entries to keep; the reasons are in the comments
beside each rule and in docs/decisions.md ("Bundle size").

No Qt, no PyInstaller import: plain Python, so the rules are tested like any other code
(``tests/test_bundle_contents.py``).
"""

from __future__ import annotations

import os
import posixpath
import shutil
import subprocess
from collections.abc import Callable, Collection, Iterable
from pathlib import Path

Entry = tuple[str, str, str]  # (destination, source, type code: BINARY, EXTENSION, DATA, ...)

# Qt plugin folders and files the app never loads. Kept: platforms xcb, wayland, offscreen and
# minimal; wayland's shell and decoration plugins and its EGL client buffers; xcb's GL
# integrations; printsupport (CUPS printers in the print dialog); imageformats svg, ico and
# icns (the app's icons; PNG is built into QtGui); iconengines svg; input contexts (compose
# keys, IBus); the xdg-desktop-portal theme (Flatpak and Snap desktops).
UNWANTED_PLUGIN_DIRS = frozenset(
    {
        "networkinformation",
        "tls",
        "sqldrivers",
        "qmltooling",
        "multimedia",
        "generic",  # evdev and TUIO input for embedded devices; TUIO pulls in QtNetwork
        "egldeviceintegrations",  # for eglfs only
    }
)
_IMAGE_FORMATS_NEVER_USED = ("tiff", "webp", "gif", "jpeg", "tga", "wbmp")
UNWANTED_PLUGIN_FILES = frozenset(
    {
        # embedded-device and remote platforms (VNC pulls in QtNetwork)
        "libqvnc.so",
        "libqeglfs.so",
        "libqlinuxfb.so",
        "libqminimalegl.so",
        "libqvkkhrdisplay.so",
        # The GTK 3 platform theme pulls in GTK, GDK, Pango, Cairo, ATK and GIO (7 MB and
        # more), and its GTK file dialog can add the files it opens to GTK's recently-used
        # list. The app draws with Fusion and its own palette and follows the desktop's light
        # or dark setting without it (Qt's built-in GNOME theme reads the portal).
        "libqgtk3.so",
        # wayland server-buffer plugins: only for clients of a Qt-based compositor
        "libdmabuf-server.so",
        "libdrm-egl-server.so",
        "libshm-emulation-server.so",
        "libvulkan-server.so",
    }
    | {f"libq{name}.so" for name in _IMAGE_FORMATS_NEVER_USED}
    | {f"libq{name}.dylib" for name in _IMAGE_FORMATS_NEVER_USED}
    | {f"q{name}.dll" for name in _IMAGE_FORMATS_NEVER_USED}
)

# matplotlib's fonts the charts use: DejaVu Sans, the default family (it has Hebrew and
# Arabic), in the weights and slants a chart asks for, and Last Resort, which matplotlib loads
# itself to draw a box for a character no font has. Left out: the serif, mono, STIX and
# Computer Modern fonts (other families and mathtext, which chart_kit turns off), the AFM
# metrics of the PostScript and PDF backends (charts are saved as PNG or SVG) and the sample
# data of matplotlib's examples.
MPL_FONTS = frozenset(
    {
        "DejaVuSans.ttf",
        "DejaVuSans-Bold.ttf",
        "DejaVuSans-Oblique.ttf",
        "DejaVuSans-BoldOblique.ttf",
        "LastResortHE-Regular.ttf",
        "LICENSE_DEJAVU",
    }
)


def wanted(dest: str) -> bool:
    """Whether a file PyInstaller collected belongs in the bundle, by its destination."""
    parts = dest.replace("\\", "/").split("/")
    if parts[-1].endswith(".pyi"):
        return False  # type stubs: for type checkers, never loaded
    if "mpl-data" in parts:
        return _wanted_mpl_data(parts)
    if "PySide6" in parts:
        return _wanted_qt(parts)
    return True


def _wanted_mpl_data(parts: list[str]) -> bool:
    if {"sample_data", "afm", "pdfcorefonts"} & set(parts):
        return False
    return "fonts" not in parts or parts[-1] in MPL_FONTS


def _wanted_qt(parts: list[str]) -> bool:
    if "translations" in parts:
        return False  # Qt's own translations: the app is English only (ui/dates.py)
    if parts[-1].startswith(("libQt6Network", "Qt6Network", "QtNetwork")):
        return False  # no network code; only left-out plugins link to it
    if "plugins" in parts:
        return parts[-1] not in UNWANTED_PLUGIN_FILES and not UNWANTED_PLUGIN_DIRS & set(parts)
    return True


def keep_wanted(entries: Iterable[Entry]) -> list[Entry]:
    """The entries :func:`wanted` keeps, in their order."""
    return [entry for entry in entries if wanted(entry[0])]


def _is_root(entry: Entry) -> bool:
    """A file loaded for its own sake: a Python extension, a Qt plugin or libpython."""
    dest, _, kind = entry
    parts = dest.replace("\\", "/").split("/")
    return kind == "EXTENSION" or "plugins" in parts or parts[-1].startswith("libpython")


def leave_out_unlinked(
    binaries: Iterable[Entry],
    system_owned: Collection[str],
    links: Callable[[str], set[str]],
) -> list[Entry]:
    """Binaries minus the libraries no kept extension, plugin or libpython loads.

    ``links(source)`` gives the names of every library a file loads, directly or not (as
    ``ldd`` lists them). PyInstaller added the libraries of plugins that :func:`wanted` has
    since left out (the GTK theme's GTK, Pango, Cairo); they go too. Libraries named in
    ``system_owned`` belong to the machine (libcups must match the system's CUPS), and so do
    the libraries only they load: a plugin linking to one finds it, and what it loads, on the
    system, or is not loaded at all.
    """
    binaries = list(binaries)
    by_name = {posixpath.basename(dest.replace("\\", "/")): src for dest, src, _ in binaries}
    owned = set(system_owned) & by_name.keys()
    owned_closure = set(owned).union(*(links(by_name[name]) for name in owned))
    needed: set[str] = set()
    for _, src, _ in filter(_is_root, binaries):
        loaded = links(src)
        needed |= loaded - owned_closure if loaded & owned else loaded
    return [
        entry
        for entry in binaries
        if _is_root(entry) or posixpath.basename(entry[0].replace("\\", "/")) in needed
    ]


def ldd_links(source: str) -> set[str]:
    """The names of the libraries ``source`` loads, directly or not, as ``ldd`` lists them."""
    result = subprocess.run(["ldd", source], capture_output=True, text=True, check=False)
    names = set()
    for line in result.stdout.splitlines():
        first = line.strip().split(" ", 1)[0]
        if first and not first.startswith(("/", "linux-vdso", "statically")):
            names.add(posixpath.basename(first))
    return names


def keep_live_links(datas: Iterable[Entry], kept: Iterable[Entry]) -> list[Entry]:
    """Datas minus the symbolic links whose target is no longer in the bundle."""
    present = {dest.replace("\\", "/") for dest, _, _ in kept}
    live = []
    for dest, target, kind in datas:
        if kind == "SYMLINK":
            here = posixpath.dirname(dest.replace("\\", "/"))
            if posixpath.normpath(posixpath.join(here, target)) not in present:
                continue
        live.append((dest, target, kind))
    return live


def _readelf(option: str, source: str) -> str:
    result = subprocess.run(
        ["readelf", option, "-W", source], capture_output=True, text=True, check=False
    )
    return result.stdout


def strip_mode(dest: str, source: str) -> str | None:
    """The ``strip`` option for one ELF file, or None to leave it as it is.

    Libraries auditwheel grafted into a wheel (in a ``*.libs`` folder) and the modules it
    pointed at them (an RPATH naming such a folder) were rewritten by patchelf, and a full
    strip breaks them (numpy's OpenBLAS: "ELF load command address/offset not page-aligned");
    they lose only their DWARF debugging information, if they have any. Every other file loses
    the symbols no other file links against too (``--strip-unneeded``), as PyInstaller's own
    ``strip=True`` would do.
    """
    folders = dest.replace("\\", "/").split("/")[:-1]
    patched = any(folder.endswith(".libs") for folder in folders) or ".libs" in "".join(
        line for line in _readelf("-d", source).splitlines() if "PATH" in line
    )
    if not patched:
        return "--strip-unneeded"
    return "--strip-debug" if " .debug_info " in _readelf("-S", source) else None


def strip_binaries(binaries: Iterable[Entry], folder: Path) -> list[Entry]:
    """Binaries, stripped copies in ``folder`` standing in for those :func:`strip_mode` strips.

    The dynamic symbols every library needs stay. Without binutils nothing is stripped.
    """
    if shutil.which("strip") is None or shutil.which("readelf") is None:
        return list(binaries)
    result = []
    for dest, src, kind in binaries:
        mode = strip_mode(dest, src) if kind in ("BINARY", "EXTENSION") else None
        if mode is not None:
            copy = folder / dest
            copy.parent.mkdir(parents=True, exist_ok=True)
            subprocess.run(["strip", mode, "-o", str(copy), src], check=True)
            os.chmod(copy, os.stat(src).st_mode & 0o777)
            src = str(copy)
        result.append((dest, src, kind))
    return result
