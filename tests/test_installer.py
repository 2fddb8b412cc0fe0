"""The build files in installer/, checked without building: the bundle's trimming rules, and that the spec, the
Inno Setup script, build.py and the Windows workflow name the same things (the Windows side cannot run here).
`.ci/bundle` builds and runs the real bundle in CI."""

from __future__ import annotations

import importlib.util
import re
import stat
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
INSTALLER = ROOT / "installer"
sys.path.insert(0, str(INSTALLER))

from bundle_rules import (  # noqa: E402
    QT_MODULES,
    excluded_modules,
    is_dropped_plugin,
    is_system_library,
    prune_binaries,
    prune_datas,
)
from version_info import version_tuple  # noqa: E402

from fieldact import __version__  # noqa: E402

ISS = (INSTALLER / "fieldact.iss").read_text(encoding="utf-8")
SPEC = (INSTALLER / "fieldact.spec").read_text(encoding="utf-8")
WORKFLOW = (ROOT / ".github" / "workflows" / "windows-installer.yml").read_text(encoding="utf-8")
APP_ID = "C4054C8B-5CBA-4BA3-B54E-E10BDE410FFD"

# Loaded by path under a name of its own: "build" alone is also the name of PyPA's build package.
_spec = importlib.util.spec_from_file_location("fieldact_installer_build", INSTALLER / "build.py")
assert _spec is not None and _spec.loader is not None
build = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(build)


# --- what the bundle keeps --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("destination", "dropped"),
    [
        ("PySide6/plugins/platforms/qwindows.dll", False),  # the tablets
        ("PySide6\\plugins\\platforms\\qoffscreen.dll", False),
        ("PySide6/plugins/styles/qmodernwindowsstyle.dll", False),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", False),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", False),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", True),
        ("PySide6/plugins/platforminputcontexts/qtvirtualkeyboardplugin.dll", True),
        ("PySide6/plugins/imageformats/qsvg.dll", True),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", True),
        ("PySide6/Qt/lib/libQt6Gui.so.6", False),  # not a plugin
    ],
)
def test_plugins_kept_are_those_the_app_runs_on(destination: str, dropped: bool) -> None:
    assert is_dropped_plugin(destination) is dropped


def test_only_unused_qt_modules_are_excluded() -> None:
    installed = ["QtCore", "QtGui", "QtWidgets", "QtPdf", "QtPdfWidgets", "QtQml", "QtWebEngineCore", "QtNetwork"]
    excluded = excluded_modules(installed, seal=False)
    assert {"PySide6.QtQml", "PySide6.QtWebEngineCore", "PySide6.QtNetwork"} <= set(excluded)
    assert not any(f"PySide6.{module}" in excluded for module in QT_MODULES)
    assert "pyhanko" in excluded and "pyhanko" not in excluded_modules(installed, seal=True)


def test_system_libraries_are_left_to_linux_only() -> None:
    assert is_system_library("libX11.so.6", "linux") and is_system_library("libxcb-render-util.so.0", "linux")
    assert is_system_library("libstdc++.so.6", "linux")
    assert not is_system_library("libxcb-9065bb12.so.1.1.0", "linux")  # Pillow's own copy, not the system's
    assert not is_system_library("libX11.so.6", "win32")


def test_pruning_drops_what_only_dropped_files_need() -> None:
    binaries = [
        ("PySide6/QtGui.abi3.so", "/w/QtGui.abi3.so", "EXTENSION"),
        ("PySide6/Qt/lib/libQt6Gui.so.6", "/w/libQt6Gui.so.6", "BINARY"),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", "/w/libqoffscreen.so", "BINARY"),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", "/w/libqwayland.so", "BINARY"),
        ("PySide6/Qt/lib/libQt6WaylandClient.so.6", "/w/libQt6WaylandClient.so.6", "BINARY"),
        ("libwayland-client.so.0", "/w/libwayland-client.so.0", "BINARY"),
        ("libX11.so.6", "/w/libX11.so.6", "BINARY"),
        ("libxcb.so.1", "/w/libxcb.so.1", "BINARY"),
        ("libz.so.1", "/w/libz.so.1", "BINARY"),
    ]
    links = {
        "/w/QtGui.abi3.so": ["libQt6Gui.so.6"],
        "/w/libQt6Gui.so.6": ["libX11.so.6", "libz.so.1"],
        "/w/libqoffscreen.so": ["libQt6Gui.so.6"],
        "/w/libqwayland.so": ["libQt6WaylandClient.so.6", "libQt6Gui.so.6", "libz.so.1"],
        "/w/libQt6WaylandClient.so.6": ["libwayland-client.so.0"],
        "/w/libX11.so.6": ["libxcb.so.1"],
    }
    kept, removed = prune_binaries(binaries, lambda source: links.get(source, []), "linux")
    assert [destination for destination, _, _ in kept] == [
        "PySide6/QtGui.abi3.so",
        "PySide6/Qt/lib/libQt6Gui.so.6",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "libz.so.1",
    ]
    assert "libqt6waylandclient.so.6" in removed and "libxcb.so.1" in removed
    datas = [
        ("libQt6WaylandClient.so.6", "PySide6/Qt/lib/libQt6WaylandClient.so.6", "SYMLINK"),
        ("libQt6Gui.so.6", "PySide6/Qt/lib/libQt6Gui.so.6", "SYMLINK"),
        ("PySide6/Qt/translations/qtbase_ru.qm", "/w/qtbase_ru.qm", "DATA"),
        ("resources/i18n/fieldact_ru.qm", "/w/fieldact_ru.qm", "DATA"),
    ]
    assert [entry[0] for entry in prune_datas(datas, removed)] == ["libQt6Gui.so.6", "resources/i18n/fieldact_ru.qm"]


def test_windows_drops_the_software_opengl_renderer() -> None:
    binaries = [
        ("PySide6/QtGui.pyd", "C:/w/QtGui.pyd", "EXTENSION"),
        ("PySide6/Qt6Gui.dll", "C:/w/Qt6Gui.dll", "BINARY"),
        ("PySide6/opengl32sw.dll", "C:/w/opengl32sw.dll", "BINARY"),
    ]
    links = {"C:/w/QtGui.pyd": ["Qt6Gui.dll"]}
    kept, removed = prune_binaries(binaries, lambda source: links.get(source, []), "win32")
    assert removed == ["opengl32sw.dll"] and len(kept) == 2


# --- the names the build files share -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("version", "numbers"),
    [("0.1.0", (0, 1, 0, 0)), ("1.2.3.4.5", (1, 2, 3, 4)), ("0.2.0rc1", (0, 2, 0, 0)), ("2.0.dev3", (2, 0, 0, 0))],
)
def test_windows_version_numbers(version: str, numbers: tuple[int, int, int, int]) -> None:
    assert version_tuple(version) == numbers


def test_build_reads_the_package_version() -> None:
    assert build.version() == __version__
    assert build.BUNDLE == ROOT / "dist" / "fieldact" and build.INSTALLER_DIR == ROOT / "dist" / "installer"


def test_the_installer_packs_the_bundle_the_spec_makes() -> None:
    assert 'NAME = "fieldact"' in SPEC and "console=False" in SPEC
    assert '#define AppExe "fieldact.exe"' in ISS
    assert '#define BundleDir "..\\dist\\fieldact"' in ISS and 'Source: "{#BundleDir}\\*"' in ISS
    assert "OutputBaseFilename={#AppName}-{#AppVersion}-setup" in ISS
    assert 'INSTALLER_DIR / f"fieldact-{app_version}-setup.exe"' in (INSTALLER / "build.py").read_text()
    assert "path: dist/installer/fieldact-*-setup.exe" in WORKFLOW


def test_the_installer_keeps_its_identity_and_the_technicians_data() -> None:
    assert f"AppId={{{{{APP_ID}}}" in ISS  # never change: upgrades and the uninstaller find the product by it
    assert "PrivilegesRequired=admin" in ISS and "DefaultDirName={autopf}\\{#AppName}" in ISS
    assert re.search(r'Name: "desktopicon";.*Flags: unchecked', ISS)
    assert re.search(r'Name: "{autostartup}\\{#AppName}";.*Tasks: autostart', ISS)
    assert "Box.Checked := False;" in ISS and "if UninstallSilent() or" in ISS
    assert "DelTree(DataDir()" in ISS and "and RemoveData then" in ISS


def test_the_windows_workflow_builds_and_checks_with_build_py() -> None:
    assert "runs-on: windows-latest" in WORKFLOW and 'python-version: "3.11"' in WORKFLOW
    assert 'pip install ".[bundle]"' in WORKFLOW and "choco install innosetup" in WORKFLOW
    assert "python installer/build.py --check --require-installer" in WORKFLOW


def test_ci_builds_the_bundle_after_the_tests() -> None:
    bundle = ROOT / ".ci" / "bundle"
    assert bundle.stat().st_mode & stat.S_IXUSR
    run = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert run.index("make test") < run.index(".ci/bundle")


def test_the_icon_has_the_sizes_windows_asks_for() -> None:
    from PIL import Image

    with Image.open(INSTALLER / "fieldact.ico") as icon:
        sizes = icon.info["sizes"]
    assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= sizes
