"""Build fieldact for this platform: the one-folder bundle, and on Windows with Inno Setup, the installer.

    python installer/build.py [--check] [--no-installer | --require-installer] [--without-seal]

Needs PyInstaller in the running Python (``pip install .[bundle]``). Writes:
    dist/fieldact/                         the bundle (fieldact or fieldact.exe, and _internal/)
    dist/installer/fieldact-VERSION-setup.exe   on Windows, when Inno Setup 6.3+ (ISCC.exe) is found
Build files go to build/pyinstaller/. ``--check`` runs the bundle's own ``self-check`` afterwards. With
FIELDACT_SIGN_PFX set (installer/signing.py) every .exe/.dll/.pyd of the bundle is signed before the check, and
Inno Setup signs the setup and its uninstaller with the same certificate.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

from signing import Signer, SigningError, sign_tree, signer_from_environment
from version_info import version_tuple

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SPEC = HERE / "fieldact.spec"
ISS = HERE / "fieldact.iss"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
BUNDLE = DIST / "fieldact"
INSTALLER_DIR = DIST / "installer"
WINDOWS = sys.platform == "win32"
SELF_CHECK_SECONDS = 300


def version() -> str:
    text = (ROOT / "src" / "fieldact" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r'__version__ = "([^"]+)"', text)
    if found is None:
        raise SystemExit("build: no __version__ in src/fieldact/__init__.py")
    return found.group(1)


def executable(name: str = "fieldact") -> Path:
    return BUNDLE / (f"{name}.exe" if WINDOWS else name)


def build_bundle(seal: bool) -> None:
    environment = dict(os.environ, FIELDACT_BUNDLE_SEAL="1" if seal else "0")
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN"]
    command += ["--distpath", str(DIST), "--workpath", str(WORK), str(SPEC)]
    run(command, environment)
    for name in ("fieldact", "fieldact-cli") if WINDOWS else ("fieldact",):
        if not executable(name).is_file():
            raise SystemExit(f"build: PyInstaller finished but {executable(name)} is missing")


def bundle_megabytes() -> float:
    total = sum(path.stat().st_size for path in BUNDLE.rglob("*") if path.is_file() and not path.is_symlink())
    return total / 2**20


def self_check() -> None:
    """The bundle checks itself; offscreen on Linux, where CI has no display."""
    environment = dict(os.environ)
    if sys.platform.startswith("linux") and not environment.get("DISPLAY"):
        environment.setdefault("QT_QPA_PLATFORM", "offscreen")
    # The console program, as support runs it: it waits, prints and sets the exit code (Windows; elsewhere the
    # one program has the terminal's streams).
    try:
        result = subprocess.run(
            [str(executable("fieldact-cli" if WINDOWS else "fieldact")), "self-check"],
            env=environment,
            capture_output=True,
            encoding="utf-8",
            errors="replace",
            timeout=SELF_CHECK_SECONDS,
        )
    except subprocess.TimeoutExpired:
        # A windowed bundle that dies early shows an error dialog and waits for a click that never comes in CI.
        raise SystemExit(f"build: the bundle's self-check did not end in {SELF_CHECK_SECONDS} s") from None
    print(result.stdout + result.stderr, end="")
    if result.returncode != 0:
        raise SystemExit(f"build: the bundle's self-check failed (exit {result.returncode})")


def find_iscc(environ: dict[str, str] | None = None) -> Path | None:
    """Inno Setup 6's compiler: $ISCC, PATH, the installed Inno Setup in the registry, the usual folders."""
    environ = dict(os.environ) if environ is None else environ
    candidates = [environ.get("ISCC"), shutil.which("ISCC", path=environ.get("PATH")), *registered_iscc()]
    for variable in ("ProgramFiles(x86)", "ProgramFiles", "ProgramW6432", "LOCALAPPDATA", "ChocolateyInstall"):
        base = environ.get(variable)
        if not base:
            continue
        if variable == "ChocolateyInstall":
            candidates.append(str(Path(base) / "bin" / "ISCC.exe"))
            continue
        programs = Path(base) / "Programs" if variable == "LOCALAPPDATA" else Path(base)
        candidates.append(str(programs / "Inno Setup 6" / "ISCC.exe"))
        candidates += [str(path) for path in sorted(programs.glob("Inno Setup */ISCC.exe"), reverse=True)]
    for candidate in candidates:
        if candidate and Path(candidate).is_file():
            return Path(candidate)
    return None


def registered_iscc() -> list[str]:
    """Where Inno Setup 6's own uninstall entry says it is installed (any folder, per machine or per user)."""
    if not WINDOWS:
        return []
    import winreg

    found = []
    key_name = r"Software\Microsoft\Windows\CurrentVersion\Uninstall\Inno Setup 6_is1"
    for root in (winreg.HKEY_LOCAL_MACHINE, winreg.HKEY_CURRENT_USER):
        for view in (winreg.KEY_WOW64_32KEY, winreg.KEY_WOW64_64KEY):
            try:
                with winreg.OpenKey(root, key_name, 0, winreg.KEY_READ | view) as key:
                    found.append(str(Path(winreg.QueryValueEx(key, "InstallLocation")[0]) / "ISCC.exe"))
            except OSError:
                continue
    return found


def sign_bundle() -> Signer | None:
    """Sign the bundle's PE files when a certificate is configured; the signer, for the setup too."""
    try:
        signer = signer_from_environment()
        if signer is not None:
            signed = sign_tree(signer, BUNDLE)
            print(f"build: signed {len(signed)} files with {Path(signer.executable).name}")
    except SigningError as error:
        raise SystemExit(f"build: {error}") from None
    return signer


def build_installer(iscc: Path, app_version: str, signer: Signer | None = None) -> Path:
    file_version = ".".join(str(number) for number in version_tuple(app_version))
    command = [str(iscc), "/Q", f"/DAppVersion={app_version}", f"/DFileVersion={file_version}"]
    if signer is not None:
        command += [f"/Sfieldactsign={signer.inno_sign_tool()}", "/DSignWith=fieldactsign"]
    run([*command, f"/DBundleDir={BUNDLE}", f"/O{INSTALLER_DIR}", str(ISS)], secret=signer.password if signer else "")
    setup = INSTALLER_DIR / f"fieldact-{app_version}-setup.exe"
    if not setup.is_file():
        raise SystemExit(f"build: Inno Setup finished but {setup} is missing")
    return setup


def run(command: list[str], environment: dict[str, str] | None = None, secret: str = "") -> None:
    shown = " ".join(command)
    print("build: " + (shown.replace(secret, "***") if secret else shown), flush=True)
    result = subprocess.run(command, env=environment)
    if result.returncode != 0:
        raise SystemExit(f"build: {Path(command[0]).name} failed (exit {result.returncode})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    installer = parser.add_mutually_exclusive_group()
    installer.add_argument("--no-installer", action="store_true", help="only the bundle, even on Windows")
    installer.add_argument("--require-installer", action="store_true", help="fail unless the installer is built")
    parser.add_argument("--check", action="store_true", help="run the bundle's self-check after building it")
    parser.add_argument("--without-seal", action="store_true", help="leave pyHanko out: the tablet then seals no act")
    args = parser.parse_args(argv)

    app_version = version()
    started = time.monotonic()
    build_bundle(not args.without_seal)
    print(f"build: {BUNDLE} ({bundle_megabytes():.1f} MiB) in {time.monotonic() - started:.0f} s")
    signer = sign_bundle()
    if args.check:
        self_check()
    if args.no_installer:
        return 0
    iscc = find_iscc() if WINDOWS else None
    if iscc is None:
        message = "Inno Setup 6 (ISCC.exe) not found" if WINDOWS else "the installer is built on Windows only"
        if args.require_installer:
            raise SystemExit(f"build: {message}")
        print(f"build: no installer: {message}")
        return 0
    setup = build_installer(iscc, app_version, signer)
    print(f"build: {setup} ({setup.stat().st_size / 2**20:.1f} MiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
