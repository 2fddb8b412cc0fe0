"""``fieldact self-check``: whether this installation works, step by step, for support on a tablet.

It loads the shipped standard and brand, migrates a throw-away database, signs and verifies the sample act,
reads the act's QR code back from the page QtPdf renders and from the screen widget, and loads the central
database driver. It never touches the tablet's own database and never shows a window. Each step prints one
line; the last line is OK, or what failed and what to do. The Qt steps live in ``fieldact.ui.selfcheck``.

Each step imports what it checks inside itself: in a bundle that lacks a module, that step fails with a
sentence and the others still run, instead of the whole command ending in a traceback.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from fieldact import __version__
from fieldact.resources import resources_root
from fieldact.text import say

if TYPE_CHECKING:
    from fieldact.act import Sealer, SignedAct
    from fieldact.standard import Brand, Standard

REQUIRED_RESOURCES = (
    "standards/service-standard.toml",
    "brand/brand.toml",
    "fonts/DejaVuSans.ttf",
    "fonts/DejaVuSans-Bold.ttf",
    "fonts/LICENSE",
    "i18n/fieldact_ru.qm",
    "styles/app.qss",
)


class CheckFailed(Exception):
    """A step found a fault; the message is the sentence to print."""


@dataclass
class Options:
    standard_file: Path | None = None
    brand_file: Path | None = None
    language: str = "ru"


@dataclass
class State:
    """What earlier steps made for later ones; a step runs only when those it needs have passed."""

    options: Options
    standard: Standard | None = None
    brand: Brand | None = None
    act: SignedAct | None = None
    url: str = ""

    def need_brand(self) -> Brand:
        assert self.brand is not None
        return self.brand


@dataclass(frozen=True, slots=True)
class Step:
    key: str
    label_ru: str
    label_en: str
    run: Callable[[State], str]
    needs: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return say(self.label_ru, self.label_en)


@dataclass(frozen=True, slots=True)
class Finding:
    step: Step
    status: str  # one of OK, FAILED, NOT_RUN
    detail: str

    @property
    def ok(self) -> bool:
        return self.status == OK


OK, FAILED, NOT_RUN = "ok", "FAIL", "skip"


# --- the steps -------------------------------------------------------------------------------------------------


def check_resources(state: State) -> str:
    try:
        root = resources_root()
    except FileNotFoundError as error:
        raise CheckFailed(str(error)) from None
    missing = [name for name in REQUIRED_RESOURCES if not (root / name).is_file()]
    if missing:
        raise CheckFailed(
            say(
                f"в {root} нет файлов: {', '.join(missing)}. Переустановите fieldact.",
                f"{root} lacks {', '.join(missing)}. Reinstall fieldact.",
            )
        )
    return str(root)


def check_standard(state: State) -> str:
    from fieldact.standard import StandardError, load_standard

    try:
        standard = load_standard(state.options.standard_file)
    except StandardError as error:
        raise CheckFailed(_standard_sentence(error.problems)) from None
    state.standard = standard
    stages = sum(len(kind.stages) for kind in standard.kinds.values())
    return say(
        f"{standard.title}: видов визита {len(standard.kinds)}, этапов {stages}",
        f"{standard.title}: {len(standard.kinds)} visit kinds, {stages} stages",
    )


def check_brand(state: State) -> str:
    from fieldact.standard import StandardError, load_brand

    try:
        brand = load_brand(state.options.brand_file)
    except StandardError as error:
        raise CheckFailed(_standard_sentence(error.problems)) from None
    state.brand = brand
    return f"{brand.name}, {brand.city}"


def _standard_sentence(problems: Sequence[str]) -> str:
    listed = "; ".join(problems[:3]) + (" …" if len(problems) > 3 else "")
    return say(
        f"файл не принят ({listed}). Исправьте файл или переустановите fieldact.",
        f"the file is not accepted ({listed}). Fix the file or reinstall fieldact.",
    )


def check_time_zone(state: State) -> str:
    """The brand's zone from the shipped tzdata: Windows has no zone database of its own."""
    from importlib.resources import files
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    name = state.need_brand().timezone
    try:
        ZoneInfo(name)
        shipped = files("tzdata").joinpath("zoneinfo", *name.split("/")).is_file()
    except (ZoneInfoNotFoundError, ModuleNotFoundError, ValueError):
        shipped = False
    if not shipped:
        raise CheckFailed(
            say(
                f"часовой пояс {name} не найден в tzdata: время в актах будет неверным. Переустановите fieldact.",
                f"the time zone {name} is not in tzdata: acts would show wrong times. Reinstall fieldact.",
            )
        )
    return name


def check_database(state: State) -> str:
    from fieldact.store.db import DatabaseUnavailable, open_database
    from fieldact.store.migrate import current_revision, head_revision

    with tempfile.TemporaryDirectory(prefix="fieldact-self-check-", ignore_cleanup_errors=True) as folder:
        try:
            database = open_database(Path(folder) / "self-check.db")
        except DatabaseUnavailable as error:
            raise CheckFailed(str(error)) from None
        try:
            revision, head = current_revision(database), head_revision()
        finally:
            database.dispose()
    if revision != head:
        raise CheckFailed(
            say(
                f"миграции остановились на {revision}, последняя {head}. Переустановите fieldact.",
                f"migrations stopped at {revision}, the newest is {head}. Reinstall fieldact.",
            )
        )
    return say(f"временная база создана, схема {revision}", f"a temporary database migrated to {revision}")


def check_pins(state: State) -> str:
    """Sign-in hashes PINs with scrypt, which only Python's OpenSSL build provides."""
    from fieldact.store.pins import hash_pin, pin_matches

    salt, digest = hash_pin("2580")
    if not pin_matches("2580", salt, digest) or pin_matches("2581", salt, digest):
        raise CheckFailed(
            say(
                "проверка PIN даёт неверный ответ: вход техников не работает. Переустановите fieldact.",
                "PIN checking answers wrongly: technicians cannot sign in. Reinstall fieldact.",
            )
        )
    return say("scrypt для PIN работает", "scrypt for PINs works")


def check_seal(state: State) -> str:
    """A brand that seals its acts needs pyHanko and its key here, or no act can be signed on this tablet."""
    from fieldact.act import SealError, sealer_for, sealing_available
    from fieldact.store.sealing import company_ca_certificate

    brand = state.need_brand()
    try:
        sealer = sealer_for(brand)
    except SealError as error:
        raise CheckFailed(str(error)) from None
    if sealer is not None:
        return say(f"печать {sealer.subject} готова", f"the seal {sealer.subject} is ready")
    if brand.trust is None:
        return say("бренд не заверяет акты печатью", "the brand does not seal its acts")
    if not sealing_available():
        raise CheckFailed(
            say(
                "pyHanko не установлен: акты не будут заверены печатью планшета. Переустановите fieldact.",
                "pyHanko is missing: acts will not be sealed by the tablet. Reinstall fieldact.",
            )
        )
    try:
        company_ca_certificate(brand)
    except OSError as error:
        raise CheckFailed(
            say(
                f"сертификат центра компании не читается ({error.strerror}). Переустановите fieldact.",
                f"the company CA certificate cannot be read ({error.strerror}). Reinstall fieldact.",
            )
        ) from None
    return _tablet_identity()


def _tablet_identity() -> str:
    """This tablet's sealing key and certificate, read (never changed) from the data folder."""
    from fieldact.store.db import data_dir
    from fieldact.trust import EnrolmentError, load_device

    try:
        identity = load_device(data_dir())
    except EnrolmentError as error:
        raise CheckFailed(str(error)) from None
    if identity is None:
        return say(
            "центр компании на месте; планшет ещё не зарегистрирован", "the company CA is in place; tablet not enrolled"
        )
    return say(f"планшет «{identity.device}» зарегистрирован", f"tablet '{identity.device}' is enrolled")


def _demo_sealer(folder: Path, brand: Brand) -> tuple[Sealer | None, list[bytes]]:
    """A throw-away tablet enrolled with the brand's demo CA, when the brand ships one and pyHanko is here."""
    from fieldact.act import sealing_available
    from fieldact.act.seal import device_sealer
    from fieldact.store.sealing import company_ca_certificate, enrol_demo

    if brand.trust is None or brand.trust.demo_ca_key is None or not sealing_available():
        return None, []
    from fieldact.trust import load_device

    enrol_demo(folder, brand)
    identity = load_device(folder)
    ca = company_ca_certificate(brand)
    return (device_sealer(identity), [ca]) if identity is not None and ca is not None else (None, [])


def check_act(state: State) -> str:
    from fieldact.act import Level, sign_act, verify_pdf
    from fieldact.act.sample import sample_meta, sample_signature, sample_visit

    assert state.standard is not None
    brand = state.need_brand()
    with tempfile.TemporaryDirectory() as folder:
        sealer, trust = _demo_sealer(Path(folder), brand)
        signed = sign_act(sample_visit(state.standard, brand), sample_meta(brand), sample_signature(), sealer=sealer)
    level = Level.TRUSTED if sealer is not None else Level.CONTENT
    problems = verify_pdf(signed.pdf, trust, level=level)
    if problems:
        raise CheckFailed(
            say(
                f"образец акта не прошёл проверку: {'; '.join(problems)} Переустановите fieldact.",
                f"the sample act does not verify: {'; '.join(problems)} Reinstall fieldact.",
            )
        )
    state.act = signed
    return say(
        f"акт № {signed.content['act']['number']} подписан и проверен, {len(signed.pdf)} байт",
        f"act No. {signed.content['act']['number']} signed and verified, {len(signed.pdf)} bytes",
    )


def check_qr_link(state: State) -> str:
    from fieldact.act.sample import SAMPLE_CONTRACT

    assert state.act is not None
    expected = state.need_brand().account_url_template.replace("{contract}", SAMPLE_CONTRACT)
    actual = state.act.content["account_url"]
    if actual != expected:
        raise CheckFailed(
            say(
                f"ссылка QR-кода {actual!r}, а по шаблону бренда {expected!r}.",
                f"the QR link is {actual!r}, the brand's template makes {expected!r}.",
            )
        )
    state.url = expected
    return expected


def check_qt(state: State) -> str:
    from fieldact.ui.selfcheck import QtCheckFailed, start_application

    try:
        return start_application(state.options.language)
    except QtCheckFailed as error:
        raise CheckFailed(say(f"{error}. Переустановите fieldact.", f"{error}. Reinstall fieldact.")) from None


def check_act_page(state: State) -> str:
    from fieldact.barcodes import BarcodeError, read_gray
    from fieldact.ui.selfcheck import QtCheckFailed, render_pages, viewer_pages

    assert state.act is not None
    try:
        pages = render_pages(state.act.pdf)
        shown = viewer_pages(state.act.pdf)
    except QtCheckFailed as error:
        raise CheckFailed(say(f"{error}. Переустановите fieldact.", f"{error}. Reinstall fieldact.")) from None
    errors = []
    for number, page in enumerate(pages, start=1):
        try:
            text = read_gray(page.data, page.width, page.height, page.stride)
        except BarcodeError as error:
            errors.append(f"{number}: {error}")
            continue
        _same_link(text, state)
        return say(
            f"QtPdf: страниц {len(pages)} (в просмотре {shown}), QR-код на странице {number} читается: {text}",
            f"QtPdf: {len(pages)} page(s) ({shown} in the viewer), the QR code on page {number} reads: {text}",
        )
    raise CheckFailed(
        say(
            f"QR-код не найден ни на одной странице акта ({'; '.join(errors)}).",
            f"no page of the act has a readable QR code ({'; '.join(errors)}).",
        )
    )


def check_screen_qr(state: State) -> str:
    from fieldact.barcodes import BarcodeError, read_gray
    from fieldact.ui.selfcheck import screen_qr

    image = screen_qr(state.url)
    try:
        text = read_gray(image.data, image.width, image.height, image.stride)
    except BarcodeError as error:
        raise CheckFailed(
            say(
                f"QR-код экрана подписи не читается ({error}).",
                f"the signing screen's QR code cannot be read ({error}).",
            )
        ) from None
    _same_link(text, state)
    return say(f"QR-код экрана подписи читается: {text}", f"the signing screen's QR code reads: {text}")


def _same_link(text: str, state: State) -> None:
    if text != state.url:
        raise CheckFailed(
            say(
                f"QR-код ведёт на {text!r}, а должен на {state.url!r}.",
                f"the QR code leads to {text!r}, not to {state.url!r}.",
            )
        )


def check_central_driver(state: State) -> str:
    """The PostgreSQL driver that sync needs loads with its libpq; no connection is made."""
    try:
        import psycopg
    except ImportError as error:
        raise CheckFailed(
            say(
                f"драйвер PostgreSQL не загружается ({error}): синхронизация не работает. Переустановите fieldact.",
                f"the PostgreSQL driver does not load ({error}): sync cannot work. Reinstall fieldact.",
            )
        ) from None
    version = psycopg.pq.version()
    return f"psycopg {psycopg.__version__} ({psycopg.pq.__impl__}), libpq {version // 10000}.{version % 10000}"


STEPS = (
    Step("resources", "ресурсы", "resources", check_resources),
    Step("standard", "стандарт", "standard", check_standard, ("resources",)),
    Step("brand", "бренд", "brand", check_brand, ("resources",)),
    Step("timezone", "часовой пояс", "time zone", check_time_zone, ("brand",)),
    Step("database", "база данных", "database", check_database),
    Step("pins", "вход по PIN", "PIN sign-in", check_pins),
    Step("seal", "печать", "seal", check_seal, ("brand",)),
    Step("act", "акт", "act", check_act, ("standard", "brand")),
    Step("qr_link", "ссылка QR", "QR link", check_qr_link, ("act",)),
    Step("qt", "интерфейс", "interface", check_qt, ("resources",)),
    Step("act_page", "страница акта", "act page", check_act_page, ("qr_link", "qt")),
    Step("screen_qr", "QR на экране", "screen QR", check_screen_qr, ("qr_link", "qt")),
    Step("central", "драйвер центральной базы", "central database driver", check_central_driver),
)


# --- running ------------------------------------------------------------------------------------------------


def run_steps(options: Options, steps: Sequence[Step] = STEPS) -> list[Finding]:
    state = State(options)
    findings: list[Finding] = []
    passed: set[str] = set()
    for step in steps:
        blocked = [need for need in step.needs if need not in passed]
        if blocked:
            names = ", ".join(_label(steps, need) for need in blocked)
            findings.append(Finding(step, NOT_RUN, say(f"не проверено, нужно «{names}»", f"not run, needs {names}")))
            continue
        findings.append(_run(step, state))
        if findings[-1].ok:
            passed.add(step.key)
    return findings


def _run(step: Step, state: State) -> Finding:
    try:
        return Finding(step, OK, step.run(state))
    except CheckFailed as error:
        return Finding(step, FAILED, str(error))
    except ImportError as error:  # a module the bundle should carry is missing
        return Finding(
            step,
            FAILED,
            say(
                f"не хватает части программы ({error}). Переустановите fieldact.",
                f"part of the program is missing ({error}). Reinstall fieldact.",
            ),
        )
    except Exception as error:  # anything else is reported as a sentence; support needs the line, not a trace
        detail = str(error).splitlines()[0] if str(error) else ""
        return Finding(
            step,
            FAILED,
            say(
                f"неожиданная ошибка {type(error).__name__}: {detail}. Сообщите в поддержку.",
                f"unexpected {type(error).__name__}: {detail}. Report it to support.",
            ),
        )


def _label(steps: Sequence[Step], key: str) -> str:
    return next(step.label for step in steps if step.key == key)


def use_offscreen_without_display(environ: dict[str, str] | os._Environ[str] = os.environ) -> bool:
    """Without a display Qt needs the offscreen platform: on Linux without X or Wayland, on Windows in a
    session with no interactive desktop (WinRM, PsExec without -i, a service). macOS keeps its own."""
    if environ.get("QT_QPA_PLATFORM") or sys.platform == "darwin":
        return False
    if sys.platform == "win32":
        if windows_desktop_visible():
            return False
        environ["QT_QPA_PLATFORM"] = "offscreen"
        return True
    if environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"):
        return False
    environ["QT_QPA_PLATFORM"] = "offscreen"
    return True


UOI_FLAGS, WSF_VISIBLE = 1, 0x0001


def windows_desktop_visible() -> bool:
    """Whether this Windows process runs on a window station a user sees (not WinRM, a service, PsExec -s)."""
    import ctypes
    from ctypes import wintypes

    class UserObjectFlags(ctypes.Structure):
        _fields_ = [("fInherit", wintypes.BOOL), ("fReserved", wintypes.BOOL), ("dwFlags", wintypes.DWORD)]

    user32 = ctypes.windll.user32  # type: ignore[attr-defined]
    station = user32.GetProcessWindowStation()
    flags = UserObjectFlags()
    needed = wintypes.DWORD()
    if not station or not user32.GetUserObjectInformationW(
        station, UOI_FLAGS, ctypes.byref(flags), ctypes.sizeof(flags), ctypes.byref(needed)
    ):
        return False
    return bool(flags.dwFlags & WSF_VISIBLE)


# The libraries whose versions decide how the app behaves: printed so support sees what a tablet runs on.
VERSIONED_MODULES = (
    ("PySide6", "__version__"),
    ("sqlalchemy", "__version__"),
    ("sqlmodel", "__version__"),
    ("alembic", "__version__"),
    ("pydantic", "VERSION"),
    ("fpdf", "__version__"),
    ("pypdf", "__version__"),
    ("psycopg", "__version__"),
    ("platformdirs", "__version__"),
)


def versions() -> str:
    """Python, Qt and each library's version, as one line; a library that does not load says so."""
    import importlib
    import platform

    parts = [f"Python {platform.python_version()}"]
    try:
        from fieldact.ui.selfcheck import qt_version

        parts.append(f"Qt {qt_version()}")
    except ImportError:
        parts.append("Qt -")
    for name, attribute in VERSIONED_MODULES:
        try:
            parts.append(f"{name} {getattr(importlib.import_module(name), attribute, '?')}")
        except ImportError:
            parts.append(f"{name} -")
    return ", ".join(parts)


def self_check(options: Options, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run every step, print one line each and the verdict; 0 when all passed, else 1.

    A windowed exe started without a console has no stdout (None): the lines then go nowhere, and the exit
    code still tells; support uses fieldact-cli.exe, which has a console.
    """
    out, err = out or sys.stdout or open(os.devnull, "w"), err or sys.stderr or open(os.devnull, "w")  # noqa: SIM115
    use_offscreen_without_display()
    frozen = say("установленная сборка", "installed bundle") if getattr(sys, "frozen", False) else "Python"
    print(f"fieldact {__version__} self-check ({frozen}, {sys.platform})", file=out)
    print(f"{say('версии', 'versions')}: {versions()}", file=out)
    findings = run_steps(options)
    for finding in findings:
        print(f"  {finding.status:<4}  {finding.step.label}: {finding.detail}", file=out)
    failed = [finding.step.label for finding in findings if finding.status == FAILED]
    if not failed:
        print("OK", file=out)
        return 0
    out.flush()
    not_run = sum(1 for finding in findings if finding.status == NOT_RUN)
    print(
        say(
            f"Самопроверка не пройдена: {', '.join(failed)}"
            + (f" (и не проверено из-за этого: {not_run})" if not_run else "")
            + ". Что сделать — сказано в строках FAIL выше.",
            f"Self-check failed: {', '.join(failed)}"
            + (f" ({not_run} more not run because of it)" if not_run else "")
            + ". The FAIL lines above say what to do.",
        ),
        file=err,
    )
    return 1
