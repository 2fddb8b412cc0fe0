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
    installed = ["QtCore", "QtGui", "QtWidgets", "QtPdf", "QtPdfWidgets", "QtQml", "QtWebEngineCore", "QtSql"]
    excluded = excluded_modules(installed, seal=False)
    assert {"PySide6.QtQml", "PySide6.QtWebEngineCore", "PySide6.QtSql"} <= set(excluded)
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
        ("PySide6/Qt/translations/qtbase_de.qm", "/w/qtbase_de.qm", "DATA"),
        ("PySide6/Qt/translations/qtdeclarative_ru.qm", "/w/qtdeclarative_ru.qm", "DATA"),
        ("resources/i18n/fieldact_ru.qm", "/w/fieldact_ru.qm", "DATA"),
    ]
    # Qt's own Russian texts stay (OK/Cancel, the context menu); other languages and Qt's tools go.
    assert [entry[0] for entry in prune_datas(datas, removed)] == [
        "libQt6Gui.so.6",
        "PySide6/Qt/translations/qtbase_ru.qm",
        "resources/i18n/fieldact_ru.qm",
    ]


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
    assert 'NAME = "fieldact"' in SPEC and "program(NAME, console=False)" in SPEC
    assert 'program(NAME + "-cli", console=True)' in SPEC and "COLLECT(*programs," in SPEC
    assert '#define AppExe "fieldact.exe"' in ISS and '#define CliExe "fieldact-cli.exe"' in ISS
    assert '#define BundleDir "..\\dist\\fieldact"' in ISS and 'Source: "{#BundleDir}\\*"' in ISS
    assert "OutputBaseFilename={#AppName}-{#AppVersion}-setup" in ISS
    assert 'INSTALLER_DIR / f"fieldact-{app_version}-setup.exe"' in (INSTALLER / "build.py").read_text()
    assert "path: dist/installer/fieldact-*-setup.exe" in WORKFLOW


def test_the_installer_keeps_its_identity_and_the_technicians_data() -> None:
    # never change: upgrades and the uninstaller find the product by it
    assert f'#define AppGuid "{APP_ID}"' in ISS and "AppId={{{#AppGuid}}" in ISS
    assert "PrivilegesRequired=admin" in ISS and "DefaultDirName={autopf}\\{#AppName}" in ISS
    assert re.search(r'Name: "desktopicon";.*Flags: unchecked', ISS)
    assert "Box.Checked := False;" in ISS and "if UninstallSilent() or" in ISS
    assert "DelTree(DataDir()" in ISS and "and RemoveData then" in ISS
    # one database per machine, where the app looks for it, and never removed by an upgrade or a silent uninstall
    assert "Result := ExpandConstant('{commonappdata}\\{#AppName}');" in ISS
    assert ISS.count('Name: "{commonappdata}\\{#AppName}";') == 2 and "uninsneveruninstall" in ISS


def test_inno_setup_versions_are_handled() -> None:
    assert "#if Ver < EncodeVer(6, 3, 0)\n  #error fieldact.iss needs Inno Setup 6.3 or newer" in ISS
    new, old = ISS.split("#if Ver >= EncodeVer(6, 6, 0)", 1)[1].split("#else", 1)
    assert "CreateCustomForm(ScaleX(460), ScaleY(170), False, False);" in new
    assert "CreateCustomForm();" in old.split("#endif", 1)[0] and "CreateCustomForm();" not in new
    after = ISS.split("#if Ver >= EncodeVer(6, 6, 0)", 1)[1].split("#endif", 1)[1]
    assert "Form.ClientWidth :=" not in after and "Form.ClientHeight :=" not in after, "read-only in 6.6+"
    assert ISS.count("#if ") + ISS.count("#ifdef ") + ISS.count("#ifndef ") == ISS.count("#endif")
    assert "MinVersion=10.0.17763" in ISS  # Qt 6: Windows 10 1809
    assert "ArchitecturesAllowed=x64compatible" in ISS


def test_autostart_is_for_the_kiosk_account_only_and_the_office_has_its_shortcut() -> None:
    assert "{autostartup}" not in ISS and "{commonstartup}" not in ISS, "no start at every account's log-on"
    assert 'Name: "kiosk";' in ISS and 'Name: "office";' in ISS
    assert re.search(
        r'Name: "{autoprograms}\\{cm:OfficeShortcut}"; Filename: "{app}\\{#AppExe}"; '
        r'Parameters: "office"; Components: office',
        ISS,
    )
    kiosk = (INSTALLER / "kiosk.ps1").read_text(encoding="utf-8")
    declared = set(re.findall(r"\[(?:string|switch)\]\$(\w+)", kiosk))
    params = ISS.split("Params := ", 1)[1].split(";", 1)[0]
    passed = set(re.findall(r"-(\w+) \"", params)) - {"File"}  # -File is PowerShell's own
    assert {"Account", "AppPath", "DataDir", "LogFile"} <= declared and "Remove" in declared
    assert passed == {"Account", "AppPath", "DataDir", "LogFile"} and passed <= declared, passed
    for policy in (
        "DisableTaskMgr",
        "NoWinKeys",
        "AllowEdgeSwipe",
        "AllowWindowsInkWorkspace",
        "SetCustomShell",
        "-AtLogOn -User $Account",
        "EnableDesktopModeAutoInvoke",
        "/inheritance:r",
    ):
        assert policy in kiosk, policy
    assert 'kiosk.ps1"" -Remove' in ISS, "the uninstaller undoes the kiosk"


def test_the_running_app_is_closed_and_restarted_around_an_upgrade() -> None:
    assert "AppMutex={#AppMutexes}" in ISS and "CloseApplications=yes" in ISS
    assert "Exec(Cli, 'close', ''" in ISS and "CloseRunningApp();" in ISS
    assert re.search(r'Filename: "{app}\\{#AppExe}"; Flags: nowait runasoriginaluser; Check: WasRunning', ISS)


def test_find_iscc_looks_where_inno_setup_gets_installed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def compiler(folder: Path) -> Path:
        folder.mkdir(parents=True)
        (folder / "ISCC.exe").write_bytes(b"MZ")
        return folder / "ISCC.exe"

    empty = {"PATH": str(tmp_path / "nothing")}
    assert build.find_iscc(empty) is None
    x86 = compiler(tmp_path / "pf86" / "Inno Setup 6")
    assert build.find_iscc({**empty, "ProgramFiles(x86)": str(tmp_path / "pf86")}) == x86
    user = compiler(tmp_path / "local" / "Programs" / "Inno Setup 6")
    assert build.find_iscc({**empty, "LOCALAPPDATA": str(tmp_path / "local")}) == user
    choco = compiler(tmp_path / "choco" / "bin")
    assert build.find_iscc({**empty, "ChocolateyInstall": str(tmp_path / "choco")}) == choco
    later = compiler(tmp_path / "pf" / "Inno Setup 7")
    assert build.find_iscc({**empty, "ProgramFiles": str(tmp_path / "pf")}) == later
    assert build.find_iscc({**empty, "ISCC": str(user), "ProgramFiles(x86)": str(tmp_path / "pf86")}) == user


def test_the_windows_workflow_builds_and_checks_with_build_py() -> None:
    assert "runs-on: windows-latest" in WORKFLOW and 'python-version: "3.11"' in WORKFLOW
    assert "pip install --require-hashes --no-deps -r requirements/bundle.txt" in WORKFLOW
    assert "pip install --require-hashes --no-deps -r requirements/test.txt" in WORKFLOW
    assert re.search(r'INNO_SETUP_VERSION: "6\.\d+\.\d+"', WORKFLOW)
    assert 'choco install innosetup --version "$env:INNO_SETUP_VERSION"' in WORKFLOW
    assert "python installer/build.py --check --require-installer" in WORKFLOW
    assert "python -m pytest" in WORKFLOW


def test_the_windows_workflow_installs_upgrades_and_uninstalls() -> None:
    steps = [
        "/VERYSILENT",
        'fieldact-cli.exe" --lang en self-check',
        "Upgrade while the app runs",
        "the old app was not closed by the upgrade",
        "the app was not started again after the upgrade",
        "unins000.exe",
        "the uninstaller removed the database",
    ]
    positions = [WORKFLOW.index(step) for step in steps]
    assert positions == sorted(positions), "install, self-check, upgrade with the app running, uninstall"
    assert "timeout-minutes: 30" in WORKFLOW


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


ICU_PROBE = """
from PySide6.QtCore import QCollator, QCoreApplication, QLocale
app = QCoreApplication([])
names = ["Ёлкин", "Яковлев", "Абрамов", "ежов", "Есенин", "Жуков", "Zimmer", "apple"]
print(sorted(names, key=QCollator(QLocale("ru_RU")).sortKey))
print(QLocale("ru_RU").toUpper("ёлка"), QLocale("ru_RU").toString(1234567.891, "f", 2), QLocale("ru_RU").monthName(2))
print(sorted(["b", "A", "a", "B"], key=QCollator(QLocale("en_US")).sortKey))
from PySide6.QtGui import QFont, QGuiApplication, QTextLayout
from PySide6.QtCore import QTextBoundaryFinder
text = "Всё подключено и показано Абоненту в работе; претензий нет. Пётр-техник, 17:05."
finder = QTextBoundaryFinder(QTextBoundaryFinder.BoundaryType.Word, text)
words = []
while (position := finder.toNextBoundary()) != -1:
    words.append(position)
print(words)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux only: Qt uses Windows' own ICU there")
def test_the_trimmed_icu_data_sorts_and_cases_russian_and_english_as_the_full_data_does(tmp_path: Path) -> None:
    import os
    import shutil
    import subprocess

    from trim_icu import dropped, trim_library

    tools = [tool for tool in ("objcopy", "icupkg", "genccode", "gcc", "nm") if shutil.which(tool) is None]
    if tools:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{', '.join(tools)} missing under CI: .ci/run installs icu-devtools and gcc")
        pytest.skip(f"{', '.join(tools)} not installed")
    assert dropped("coll/de.res") and dropped("fr_CA.res") and dropped("translit/Latin_Cyrillic.res")
    assert not dropped("coll/ru.res") and not dropped("en.res") and not dropped("uprops.icu")
    assert not dropped("ucadata.icu") and not dropped("nfkc.nrm") and not dropped("cnvalias.icu")
    import PySide6

    (original,) = Path(PySide6.__file__).parent.glob("Qt/lib/libicudata.so.*")
    library = tmp_path / original.name
    shutil.copyfile(original, library)
    work = tmp_path / "work"
    work.mkdir()
    saved = trim_library(library, work)
    assert saved > 15_000_000, saved

    def probe(preload: Path | None) -> str:
        environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        if preload is not None:
            environment["LD_PRELOAD"] = str(preload)  # its soname stands in for the bundled one
        done = subprocess.run(
            [sys.executable, "-c", ICU_PROBE], capture_output=True, text=True, env=environment, timeout=120
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    full = probe(None)
    assert "['Абрамов', 'ежов', 'Ёлкин', 'Есенин', 'Жуков', 'Яковлев'" in full
    assert probe(library) == full
