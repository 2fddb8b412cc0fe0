"""Authenticode signing of the bundle's PE files and the setup, when a certificate is configured.

Smart App Control on a clean Windows 11 blocks unsigned executables and DLLs, and SmartScreen warns on an unsigned
setup; so every .exe, .dll and .pyd of dist/fieldact/ is signed before Inno Setup packs it, and Inno Setup signs
the setup and the uninstaller with the same command (``SignTool=``). Configured by the environment:

    FIELDACT_SIGN_PFX        the PKCS#12 file with the code-signing certificate and its key (unset: no signing)
    FIELDACT_SIGN_PASSWORD   its password
    FIELDACT_SIGN_TIMESTAMP  an RFC 3161 timestamp server (default below; "" for none, as in tests)

On Windows the tool is SignTool (Windows SDK; $SIGNTOOL or PATH); elsewhere osslsigncode, which signs the same
way and lets the signing step be tested on Linux.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

PE_SUFFIXES = (".exe", ".dll", ".pyd")
DEFAULT_TIMESTAMP = "http://timestamp.digicert.com"
DESCRIPTION = "fieldact"


class SigningError(Exception):
    """Signing was configured but failed; the message names the file and the tool's answer."""


@dataclass(frozen=True, slots=True)
class Signer:
    pfx: Path
    password: str
    timestamp: str
    tool: str  # "signtool" or "osslsigncode"
    executable: str

    def command(self, file: Path, output: Path | None = None) -> list[str]:
        """The command that signs ``file`` (SignTool in place; osslsigncode into ``output``)."""
        if self.tool == "signtool":
            command = [self.executable, "sign", "/fd", "SHA256", "/f", str(self.pfx), "/p", self.password]
            command += ["/d", DESCRIPTION]
            if self.timestamp:
                command += ["/tr", self.timestamp, "/td", "SHA256"]
            return [*command, str(file)]
        command = [self.executable, "sign", "-pkcs12", str(self.pfx), "-pass", self.password, "-h", "sha256"]
        command += ["-n", DESCRIPTION]
        if self.timestamp:
            command += ["-ts", self.timestamp]
        return [*command, "-in", str(file), "-out", str(output or file)]

    def inno_sign_tool(self) -> str:
        """Inno Setup's ``/S<name>=<command>`` value: ``$f`` is the file it signs, quoted by Inno Setup."""
        parts = [f'"{part}"' if " " in part else part for part in self.command(Path("$f"))[:-1]]
        return " ".join(parts) + " $f"

    def sign(self, file: Path) -> None:
        if self.tool == "signtool":
            self._run(self.command(file), file)
            return
        signed = file.with_name(file.name + ".signed")
        signed.unlink(missing_ok=True)
        self._run(self.command(file, signed), file)
        os.replace(signed, file)

    def _run(self, command: list[str], file: Path) -> None:
        result = subprocess.run(command, capture_output=True, text=True, errors="replace")
        if result.returncode != 0:
            answer = (result.stderr or result.stdout).strip().splitlines()
            raise SigningError(f"signing {file} failed ({Path(self.executable).name}: {' '.join(answer[-2:])})")


def signer_from_environment(environ: dict[str, str] | os._Environ[str] = os.environ) -> Signer | None:
    """The configured signer, or None when no certificate is configured."""
    pfx = environ.get("FIELDACT_SIGN_PFX", "")
    if not pfx:
        return None
    if not Path(pfx).is_file():
        raise SigningError(f"FIELDACT_SIGN_PFX names {pfx}, which is not a file")
    windows = sys.platform == "win32"
    tool = "signtool" if windows else "osslsigncode"
    executable = environ.get("SIGNTOOL") if windows else None
    executable = executable or shutil.which("signtool" if windows else "osslsigncode")
    if not executable:
        raise SigningError(f"{tool} was not found: install it (see README, Signing) or unset FIELDACT_SIGN_PFX")
    timestamp = environ.get("FIELDACT_SIGN_TIMESTAMP", DEFAULT_TIMESTAMP)
    return Signer(Path(pfx), environ.get("FIELDACT_SIGN_PASSWORD", ""), timestamp, tool, executable)


def pe_files(folder: Path) -> list[Path]:
    """Every file of the bundle that Windows checks a signature on."""
    return sorted(path for path in folder.rglob("*") if path.is_file() and path.suffix.lower() in PE_SUFFIXES)


def sign_tree(signer: Signer, folder: Path) -> list[Path]:
    """Sign every PE file under ``folder``; the files signed."""
    files = pe_files(folder)
    for file in files:
        signer.sign(file)
    return files
