"""What the frozen bundle keeps and leaves out (freeze/bundle_contents.py, used by build.spec).

The bundle weighed 283 MB: every Qt plugin with the libraries it links to (the GTK 3 theme
brought GTK, Pango and Cairo; CUPS brought GnuTLS and Kerberos), all of matplotlib's fonts and
libraries full of debugging information. These tests hold the rules that left that out to the
things the app really loads: the platforms, printing, the app's icons and the chart fonts.
"""

import ctypes
import shutil
import sys
from datetime import date, datetime, time, timedelta
from pathlib import Path

import matplotlib
import pytest
from matplotlib import font_manager
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.text import Text

from freeze.bundle_contents import (
    keep_live_links,
    keep_wanted,
    leave_out_unlinked,
    strip_binaries,
    strip_mode,
    wanted,
)
from recovery_desktop.domain.cravings import Craving, Tag
from recovery_desktop.domain.periods import Period
from recovery_desktop.domain.trends import TrendData
from recovery_desktop.reports.charts import CHARTS, chart_spec
from recovery_desktop.reports.style import DARK, LIGHT

QT = "PySide6/Qt/plugins"
MONDAY = date(2026, 11, 2)
PERIOD = Period(MONDAY, MONDAY + timedelta(days=6))
LINUX_WITH_BINUTILS = sys.platform.startswith("linux") and bool(
    shutil.which("strip") and shutil.which("readelf")
)


def test_the_plugins_the_app_loads_are_kept():
    """Windows on X11 and Wayland, the headless self-test, printing and the app's icons."""
    for dest in (
        f"{QT}/platforms/libqxcb.so",
        f"{QT}/platforms/libqwayland.so",
        f"{QT}/platforms/libqoffscreen.so",
        f"{QT}/wayland-shell-integration/libxdg-shell.so",
        f"{QT}/xcbglintegrations/libqxcb-glx-integration.so",
        f"{QT}/printsupport/libcupsprintersupport.so",
        f"{QT}/imageformats/libqsvg.so",
        f"{QT}/imageformats/qico.dll",
        f"{QT}/iconengines/libqsvgicon.so",
        f"{QT}/platforminputcontexts/libcomposeplatforminputcontextplugin.so",
        f"{QT}/platformthemes/libqxdgdesktopportal.so",
        "PySide6/Qt/lib/libQt6PrintSupport.so.6",
        "PySide6/Qt/lib/libQt6Svg.so.6",
        "resources/app.qss",
        "matplotlib/mpl-data/matplotlibrc",
    ):
        assert wanted(dest), dest


def test_what_the_app_never_loads_is_left_out():
    """The GTK 3 theme, Qt's translations, network and embedded-device plugins, image
    formats the app never reads, type stubs and matplotlib's sample data."""
    for dest in (
        f"{QT}/platformthemes/libqgtk3.so",
        "PySide6/Qt/translations/qtbase_fr.qm",
        "PySide6/Qt/lib/libQt6Network.so.6",
        f"{QT}/platforms/libqvnc.so",
        f"{QT}/platforms/libqeglfs.so",
        f"{QT}/generic/libqtuiotouchplugin.so",
        f"{QT}/egldeviceintegrations/libqeglfs-kms-integration.so",
        f"{QT}/imageformats/libqjpeg.so",
        f"{QT}/imageformats/qtiff.dll",
        f"{QT}/wayland-graphics-integration-client/libvulkan-server.so",
        "PySide6/QtCore.pyi",
        "matplotlib/mpl-data/sample_data/goog.npz",
        "matplotlib/mpl-data/fonts/ttf/STIXGeneral.ttf",
        "matplotlib/mpl-data/fonts/ttf/cmr10.ttf",
        "matplotlib/mpl-data/fonts/ttf/DejaVuSerif.ttf",
        "matplotlib/mpl-data/fonts/afm/phvr8a.afm",
        "matplotlib/mpl-data/fonts/pdfcorefonts/Helvetica.afm",
    ):
        assert not wanted(dest), dest
    entries = [("a/kept.py", "src", "DATA"), (f"{QT}/platformthemes/libqgtk3.so", "s", "BINARY")]
    assert keep_wanted(entries) == entries[:1]


def _drawn_texts() -> list[Text]:
    """Every text of every chart, drawn light and dark, with a trigger in Hebrew and one in
    Arabic (the charts a user sees, prints and saves)."""
    craving = Craving(
        None,
        datetime.combine(MONDAY, time(20)),
        6,
        triggers=(Tag(None, "שינה גרועה"), Tag(None, "تعب"), Tag(None, "Boredom")),
    )
    data = TrendData(PERIOD, cravings=(craving,))
    texts = []
    for spec in CHARTS:
        for style in (LIGHT, DARK):
            figure = spec.build(data, style).figure
            FigureCanvasAgg(figure).draw()
            texts += [text for text in figure.findobj(Text) if text.get_text()]
    assert chart_spec("triggers").build(data, LIGHT).figure.findobj(Text)
    return texts


def test_every_font_the_charts_draw_with_is_in_the_bundle():
    """A chart drawn in the bundle finds the same fonts as in development: each text's font
    (titles in bold, labels, Hebrew and Arabic names) is one the bundle keeps."""
    mpl_data = Path(matplotlib.get_data_path())
    used = {
        Path(font_manager.findfont(text.get_fontproperties(), fallback_to_default=False))
        for text in _drawn_texts()
    }
    assert used, "no text drawn"
    for font in used:
        assert mpl_data in font.parents, f"{font} is not matplotlib's own"
        assert wanted(f"matplotlib/mpl-data/{font.relative_to(mpl_data).as_posix()}"), font.name
    last_resort = mpl_data / "fonts" / "ttf" / "LastResortHE-Regular.ttf"
    assert last_resort.exists() and wanted("matplotlib/mpl-data/fonts/ttf/" + last_resort.name)


def _graph(links: dict[str, set[str]]):
    return lambda source: links[source]


def test_libraries_only_left_out_plugins_used_are_left_out_too():
    """GTK's libraries go with the GTK theme; what a kept plugin or module loads stays."""
    binaries = [
        ("numpy/_core/_multiarray.so", "multiarray", "EXTENSION"),
        (f"{QT}/platforms/libqxcb.so", "xcb", "BINARY"),
        ("PySide6/Qt/lib/libQt6Gui.so.6", "gui", "BINARY"),
        ("numpy.libs/libopenblas.so", "openblas", "BINARY"),
        ("libz.so.1", "z", "BINARY"),
        ("libgtk-3.so.0", "gtk", "BINARY"),
        ("libpango-1.0.so.0", "pango", "BINARY"),
        ("libpython3.11.so.1.0", "python", "BINARY"),
    ]
    links = {
        "multiarray": {"libopenblas.so"},
        "xcb": {"libQt6Gui.so.6", "libz.so.1"},
        "python": {"libc.so.6"},
    }
    kept = leave_out_unlinked(binaries, system_owned=(), links=_graph(links))
    assert [dest for dest, _, _ in kept] == [
        "numpy/_core/_multiarray.so",
        f"{QT}/platforms/libqxcb.so",
        "PySide6/Qt/lib/libQt6Gui.so.6",
        "numpy.libs/libopenblas.so",
        "libz.so.1",
        "libpython3.11.so.1.0",
    ]


def test_libcups_and_what_only_it_loads_are_left_to_the_system():
    """The CUPS plugin stays (the print dialog lists printers where CUPS is installed);
    libcups, GnuTLS and Kerberos come from the system, zlib stays for Qt."""
    binaries = [
        (f"{QT}/printsupport/libcupsprintersupport.so", "cups-plugin", "BINARY"),
        (f"{QT}/platforms/libqxcb.so", "xcb", "BINARY"),
        ("PySide6/Qt/lib/libQt6PrintSupport.so.6", "print", "BINARY"),
        ("libcups.so.2", "cups", "BINARY"),
        ("libgnutls.so.30", "gnutls", "BINARY"),
        ("libkrb5.so.3", "krb5", "BINARY"),
        ("libz.so.1", "z", "BINARY"),
    ]
    links = {
        "cups-plugin": {"libQt6PrintSupport.so.6", "libcups.so.2", "libgnutls.so.30", "libz.so.1"}
        | {"libkrb5.so.3"},
        "cups": {"libgnutls.so.30", "libkrb5.so.3", "libz.so.1"},
        "xcb": {"libz.so.1"},
    }
    kept = leave_out_unlinked(binaries, system_owned={"libcups.so.2"}, links=_graph(links))
    assert [dest for dest, _, _ in kept] == [
        f"{QT}/printsupport/libcupsprintersupport.so",
        f"{QT}/platforms/libqxcb.so",
        "PySide6/Qt/lib/libQt6PrintSupport.so.6",
        "libz.so.1",
    ]


def test_a_link_to_a_library_left_out_goes_with_it():
    """PyInstaller links top-level names to libraries in sub-folders; a link whose library
    is left out would dangle in the bundle."""
    kept = [("PySide6/Qt/lib/libQt6Gui.so.6", "gui", "BINARY")]
    datas = [
        ("libQt6Gui.so.6", "PySide6/Qt/lib/libQt6Gui.so.6", "SYMLINK"),
        ("libQt6Network.so.6", "PySide6/Qt/lib/libQt6Network.so.6", "SYMLINK"),
        ("resources/icon.svg", "/src/icon.svg", "DATA"),
    ]
    assert keep_live_links(datas, kept) == [datas[0], datas[2]]


@pytest.mark.skipif(not LINUX_WITH_BINUTILS, reason="strips ELF files with binutils")
def test_libraries_auditwheel_patched_are_never_fully_stripped():
    """numpy's OpenBLAS fails to load after a full strip ("ELF load command address/offset
    not page-aligned"), so such files lose only debugging information, if they have any."""
    import numpy

    libs = Path(numpy.__file__).parent.parent / "numpy.libs"
    openblas = next(libs.glob("libscipy_openblas*.so*"))
    multiarray = next((Path(numpy.__file__).parent / "_core").glob("_multiarray_umath*.so"))
    assert strip_mode(f"numpy.libs/{openblas.name}", str(openblas)) is None
    assert strip_mode(f"numpy/_core/{multiarray.name}", str(multiarray)) is None
    libpython = Path(sys.executable)  # any plain ELF file will do
    assert strip_mode("python", str(libpython)) == "--strip-unneeded"


@pytest.mark.skipif(not LINUX_WITH_BINUTILS, reason="strips ELF files with binutils")
def test_a_stripped_library_is_smaller_and_still_loads(tmp_path):
    """sqlcipher3's module carries debugging information; stripped, it still loads."""
    import sqlcipher3

    module = next(Path(sqlcipher3.__file__).parent.glob("_sqlite3*.so"))
    entries = [(f"sqlcipher3/{module.name}", str(module), "EXTENSION")]
    [(dest, stripped, kind)] = strip_binaries(entries, tmp_path)
    assert (dest, kind) == entries[0][::2]
    assert Path(stripped).parent == tmp_path / "sqlcipher3"
    assert Path(stripped).stat().st_size < module.stat().st_size
    ctypes.CDLL(stripped)
