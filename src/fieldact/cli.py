"""The ``fieldact`` command: the app by default, and subcommands for trainers, support and the office."""

from __future__ import annotations

import argparse
import errno
import sys
from collections.abc import Sequence
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from sqlalchemy.exc import SQLAlchemyError

from fieldact import __version__
from fieldact.launch import AppStart, split_qt_options, start_app
from fieldact.office.commands import OFFICE_COMMANDS, add_office_commands
from fieldact.office.quality_commands import add_quality_command, quality_report_command
from fieldact.office.sheets import write_atomically
from fieldact.service.commands import (
    CENTRAL_ACTIONS,
    add_central_actions,
    add_serve,
    central_action,
    enrol_tablet,
    serve,
)
from fieldact.standard import Service, Standard, StandardError, VisitKind, load_brand, load_standard
from fieldact.standard.schema import Kind, Stage, missing_phones
from fieldact.store.db import ENV_URL, Database, DatabaseUnavailable, backup_to, default_path, open_database
from fieldact.store.demo import fill as fill_demo
from fieldact.store.doctor import full_check
from fieldact.store.repository import Store
from fieldact.text import InputError, say, set_language
from fieldact.visit import Plan, ScriptValueMissing, subscriber_from_name, technician_from_name
from fieldact.visit.scripts import ScriptContext, render_script, render_title

if TYPE_CHECKING:
    from fieldact.act.verify import Revoked, Verification


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="fieldact",
        description="The service standard on the technician's tablet; signed acts for the office.",
    )
    parser.add_argument("--version", action="version", version=f"fieldact {__version__}")
    parser.add_argument("--lang", choices=("ru", "en"), default="ru", help="language of the interface (default ru)")
    parser.add_argument("--windowed", action="store_true", help="start the app in a window, not as a kiosk")
    parser.add_argument("--db", default=None, help="database file or URL for the app (as `run --db`)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    run = commands.add_parser("run", help="start the tablet app (the default)")
    run.add_argument(
        "--windowed", action="store_true", default=argparse.SUPPRESS, help="a window instead of the kiosk (development)"
    )
    run.add_argument(
        "--demo", action="store_true", help="an empty database gets the demo technicians and visits (training)"
    )
    add_db_option(run)

    doctor = commands.add_parser("doctor", help="full check of the database and every act's hashes")
    add_db_option(doctor)

    demo = commands.add_parser("demo", help="fill the database with demo technicians and visits")
    add_db_option(demo)

    backup = commands.add_parser("backup", help="a consistent copy of the database file")
    backup.add_argument("--to", required=True, type=Path, help="the backup file to write")
    add_db_option(backup)

    standard = commands.add_parser("standard", help="the service standard file")
    standard_commands = standard.add_subparsers(dest="standard_command", metavar="ACTION", required=True)
    check = standard_commands.add_parser("check", help="validate a standard file and summarise it")
    check.add_argument("file", nargs="?", type=Path, help="the standard TOML (default: the shipped one)")
    check.add_argument("--brand", type=Path, help="the brand TOML (default: the shipped one)")

    script = commands.add_parser("script", help="print a stage's scripts with names and the greeting filled in")
    script.add_argument("--kind", required=True, choices=[kind.value for kind in VisitKind])
    script.add_argument("--stage", required=True, help="stage key (e.g. precall) or number 1-6")
    script.add_argument("--at", required=True, help="local date and time, e.g. 2026-11-26T11:59")
    script.add_argument("--subscriber", required=True, help="«Фамилия Имя Отчество»")
    script.add_argument("--technician", required=True, help="«Фамилия Имя»")
    script.add_argument("--planned", help="planned local time of the visit (default: as the pre-call rule implies)")
    script.add_argument("--without-time", action="store_true", help="the visit has no exact time")
    script.add_argument("--standard", type=Path, help="the standard TOML (default: the shipped one)")
    script.add_argument("--brand", type=Path, help="the brand TOML (default: the shipped one)")

    verify = commands.add_parser("verify", help="check a signed act PDF: content, signature, footer, file, seal")
    verify.add_argument("file", type=Path, help="the act PDF")
    verify.add_argument(
        "--trust",
        type=Path,
        action="append",
        default=[],
        help="the company CA certificate (PEM/DER) the seal must chain to (default: the brand's CA)",
    )
    verify.add_argument(
        "--level",
        choices=("content", "sealed", "trusted"),
        default="trusted",
        help="what must hold for exit code 0: content consistent; sealed by a device; sealed with a certificate "
        "of the trusted company CA (default)",
    )
    verify.add_argument(
        "--db", default=None, help="the database whose list of revoked device certificates counts (default: this PC's)"
    )
    verify.add_argument("--registry", help="the central service's address: also say when the act was registered")
    verify.add_argument("--tls-ca", help="the CA file of the service's TLS certificate (when not a public one)")

    act = commands.add_parser("act", help="signed acts")
    act_commands = act.add_subparsers(dest="act_command", metavar="ACTION", required=True)
    sample = act_commands.add_parser("sample", help="render a sample act from demo content, to review the template")
    sample.add_argument("--out", type=Path, required=True, help="where to write the PDF")
    sample.add_argument("--kind", choices=[kind.value for kind in VisitKind], default=VisitKind.CONNECTION.value)
    sample.add_argument("--seal", action="store_true", help="seal it with the brand's PKCS#12 (needs pyHanko)")
    sample.add_argument("--brand", type=Path, help="the brand TOML (default: the shipped one)")
    add_central_commands(commands)

    self_check = commands.add_parser("self-check", help="check this installation works; prints OK or what failed")
    self_check.add_argument("--standard", type=Path, help="the standard TOML (default: the shipped one)")
    self_check.add_argument("--brand", type=Path, help="the brand TOML (default: the shipped one)")

    close = commands.add_parser("close", help="close the app running on this database (the installer uses it)")
    add_db_option(close)

    office = commands.add_parser("office", help="the office window: find, open and export signed acts")
    add_db_option(office)
    add_office_commands(commands, f"database file or URL (default: ${ENV_URL}, else {default_path()})")
    add_quality_command(commands, f"database file or URL (default: ${ENV_URL}, else {default_path()})")
    return parser


def add_db_option(parser: argparse.ArgumentParser) -> None:
    # SUPPRESS keeps the top-level --db when the subcommand's is not given.
    parser.add_argument(
        "--db",
        default=argparse.SUPPRESS,
        help=f"database file or URL (default: ${ENV_URL}, else {default_path()})",
    )


def main(argv: Sequence[str] | None = None) -> int:
    ours, qt_options = split_qt_options(sys.argv[1:] if argv is None else argv)
    args = build_parser().parse_args(ours)
    args.qt_options = qt_options
    set_language(args.lang)
    command = args.command or "run"
    if command == "standard":
        return standard_check(args.file, args.brand)
    if command == "script":
        return print_script(args)
    if command == "verify":
        return verify_act(args.file, args.trust, args.level, args.db, args.registry, args.tls_ca)
    if command == "act":
        return sample_act(args.out, VisitKind(args.kind), args.seal, args.brand)
    if command in CENTRAL_COMMANDS:
        return central_command(args)
    if command in OFFICE_COMMANDS:
        return OFFICE_COMMANDS[command](args)
    if command == "quality-report":
        return quality_report_command(args)
    if command == "office":
        return run_office(args)
    if command == "close":
        return close_running(getattr(args, "db", None))
    if command == "self-check":
        from fieldact.selfcheck import Options, self_check

        return self_check(Options(args.standard, args.brand, args.lang))
    if command in DATABASE_COMMANDS:
        try:
            return DATABASE_COMMANDS[command](args)
        except DatabaseUnavailable as error:
            print(error, file=sys.stderr)
            return 2
        except (SQLAlchemyError, OSError) as error:
            print(database_failed_sentence(command, error), file=sys.stderr)
            return 2
    return run_app(args)


def run_office(args: argparse.Namespace) -> int:
    from fieldact.ui.office_window import run  # Qt only when the window really opens

    return run(language=args.lang, db=getattr(args, "db", None))


def run_app(args: argparse.Namespace) -> int:
    return start_app(
        AppStart(
            windowed=getattr(args, "windowed", False),
            demo=getattr(args, "demo", False),
            db=getattr(args, "db", None),
            language=args.lang,
            qt_options=tuple(getattr(args, "qt_options", ())),
        )
    )


def close_running(db: str | None) -> int:
    """Ask the app running on this database to close, and wait until it has; 0 also when none runs."""
    from fieldact.ui.instance import close_running_app  # Qt only for this command

    closed = close_running_app(db)
    if closed is None:
        print(say("fieldact не запущен.", "fieldact is not running."))
        return 0
    if closed:
        print(say("fieldact закрыт.", "fieldact has closed."))
        return 0
    print(
        say(
            "fieldact не закрылся. Закройте его (PIN техника) или перезагрузите планшет, затем повторите.",
            "fieldact did not close. Close it (the technician's PIN) or restart the tablet, then try again.",
        ),
        file=sys.stderr,
    )
    return 1


# --- database commands ------------------------------------------------------------------------------------------


def doctor_command(args: argparse.Namespace) -> int:
    database = open_database(args.db)
    problems = full_check(database)
    for problem in problems:
        print(problem)
    print(f"{len(problems)} problem(s) in {database.shown}" if problems else "OK")
    return 1 if problems else 0


def demo_command(args: argparse.Namespace) -> int:
    store = open_store(args.db)
    from fieldact.store.signing import sign_demo_visit  # drawing and sealing acts load only for the demo

    report = fill_demo(store, sign_past=sign_demo_visit)
    where = store.database.shown
    print(f"Demo data in {where}: {report.visits_added} visit(s) added, {report.acts_added} signed act(s).")
    for name, pin in report.technicians:
        print(f"  {name}: PIN {pin}")
    return 0


def backup_command(args: argparse.Namespace) -> int:
    database = open_database(args.db)
    target = backup_to(database, args.to)
    print(f"Backup written: {target}")
    return 0


def open_store(db: str | None) -> Store:
    return Store(open_database(db), load_standard(), load_brand())


DATABASE_COMMANDS = {"doctor": doctor_command, "demo": demo_command, "backup": backup_command}


def database_failed_sentence(command: str, error: Exception) -> str:
    detail = str(getattr(error, "orig", error)).splitlines()[0]
    full = "disk is full" in detail or getattr(error, "errno", None) == errno.ENOSPC
    cause = say("на диске нет места", "the disk is full") if full else detail
    if command == "demo":
        fix_ru, fix_en = ("освободите место", "free some space") if full else ("исправьте причину", "fix the cause")
        return say(
            f"Демо-данные добавлены не полностью ({cause}). Каждое записанное посещение цело; {fix_ru} и "
            "запустите demo снова — оно допишет недостающее.",
            f"The demo data was only partly added ({cause}). Every visit written is whole; {fix_en} and run "
            "demo again: it adds what is missing.",
        )
    return say(
        f"Команда {command} не выполнена ({cause}). Исправьте причину и повторите; база не изменена.",
        f"{command} failed ({cause}). Fix the cause and run it again; the database is unchanged.",
    )


# --- standard check -----------------------------------------------------------------------------------------


def standard_check(file: Path | None, brand_file: Path | None) -> int:
    try:
        standard = load_standard(file)
        missing = missing_phones(standard, load_brand(brand_file))
        if missing:
            raise StandardError(missing)
    except StandardError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        print(f"{len(error.problems)} error(s); the standard was not accepted.", file=sys.stderr)
        return 1
    print(summary(standard))
    return 0


def summary(standard: Standard) -> str:
    lines = [standard.title, ""]
    for kind_key, kind in standard.kinds.items():
        lines.append(f"{kind_key.value}: {kind.title} ({kind.role}), pre-call {kind.precall_minutes_before} min before")
        for stage in kind.stages:
            lines.append(f"  {stage.number}. {stage.key}: {stage.title} — {_stage_counts(stage)}")
        for branch in kind.branches:
            lines.append(f"  branch {branch.key} (stage {branch.stage}): {branch.title}")
        lines.append(f"  items per service: {_service_counts(kind)}")
    lines.append(f"day rules: {len(standard.day_rules)}")
    lines.append("OK")
    return "\n".join(lines)


def _stage_counts(stage: Stage) -> str:
    kinds: dict[str, int] = {}
    for item in stage.items:
        kinds[item.requirement.value] = kinds.get(item.requirement.value, 0) + 1
    counts = ", ".join(f"{count} {name}" for name, count in kinds.items())
    photos = sum(1 for item in stage.items if item.photos)
    with_photos = f", {photos} with photos" if photos else ""
    return f"{len(stage.items)} items ({counts}{with_photos}), {len(stage.scripts)} scripts"


def _service_counts(kind: Kind) -> str:
    counts = []
    for service in Service:
        total = sum(1 for stage in kind.stages for item in stage.items if service in item.services)
        counts.append(f"{service.value} {total}")
    return ", ".join(counts)


# --- script ---------------------------------------------------------------------------------------------------


def print_script(args: argparse.Namespace) -> int:
    try:
        standard = load_standard(args.standard)
        brand = load_brand(args.brand)
        kind = standard.kind(VisitKind(args.kind))
        stage = _find_stage(kind, args.stage)
        zone = ZoneInfo(brand.timezone)
        at = _local_time(args.at, zone, "--at")
        planned = _local_time(args.planned, zone, "--planned") if args.planned else None
        plan = Plan(planned or _implied_plan(at, kind), exact=not args.without_time)
        context = ScriptContext(
            brand,
            kind,
            at,
            subscriber_from_name(args.subscriber),
            technician_from_name(args.technician),
            plan,
        )
        print(_render_stage(standard, kind, stage, context))
    except StandardError as error:
        print("\n".join(error.problems), file=sys.stderr)
        return 1
    except (InputError, ScriptValueMissing) as error:
        print(error, file=sys.stderr)
        return 1
    return 0


def _find_stage(kind: Kind, name: str) -> Stage:
    for stage in kind.stages:
        if name in (stage.key, str(stage.number)):
            return stage
    known = ", ".join(f"{stage.number} {stage.key}" for stage in kind.stages)
    raise InputError(f"No stage {name!r} in this visit kind; use one of: {known}.")


def _local_time(text: str, zone: ZoneInfo, option: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise InputError(f"{option} {text!r} is not a date and time; write it as 2026-11-26T11:59.") from None
    return moment.replace(tzinfo=zone) if moment.tzinfo is None else moment.astimezone(zone)


def _render_stage(standard: Standard, kind: Kind, stage: Stage, context: ScriptContext) -> str:
    blocks = [f"{stage.number}. {stage.title}"]
    for script in stage.scripts:
        blocks.append(f"[{render_title(script, context, standard)}]\n{render_script(script, context, standard)}")
    for branch in kind.branches:
        if branch.stage == stage.key:
            for script in branch.scripts:
                title = f"{branch.title}: {render_title(script, context, standard)}"
                blocks.append(f"[{title}]\n{render_script(script, context, standard)}")
    if stage.phrases:
        blocks.append("[Фразы активного слушания]\n" + "\n".join(stage.phrases))
    if stage.wishes:
        blocks.append("[Пожелания (правило ППП)]\n" + "\n".join(stage.wishes))
    return "\n\n".join(blocks)


def _implied_plan(call_at: datetime, kind: Kind) -> datetime:
    """The planned time a call at ``call_at`` implies by the pre-call rule, to the nearest whole hour."""
    implied = call_at + timedelta(minutes=kind.precall_minutes_before)
    rounded = implied.replace(minute=0, second=0, microsecond=0)
    return rounded + timedelta(hours=1) if implied.minute >= 30 else rounded


# --- acts ---------------------------------------------------------------------------------------------------------


def verify_act(
    file: Path,
    trust_files: Sequence[Path],
    level_name: str = "trusted",
    db: str | None = None,
    registry: str | None = None,
    tls_ca: str | None = None,
) -> int:
    """Say which levels the act passes (and, with ``registry``, whether the central registry holds it); exit 0
    when it passes ``level_name`` and is registered where asked, 1 when not, 2 on a bad --trust."""
    from fieldact.act import LEVEL_NAMES, inspect_act

    level = LEVEL_NAMES[level_name]
    try:
        data = file.read_bytes()
        trust = trusted_certificates(trust_files)
    except OSError as error:
        name = error.filename or file
        print(
            say(f"{name}: файл не читается ({error.strerror}).", f"{name}: cannot be read ({error.strerror})."),
            file=sys.stderr,
        )
        return 1
    except InputError as error:
        print(error, file=sys.stderr)
        return 2
    result = inspect_act(data, trust, level=level, revoked=revoked_devices(db))
    for fact in result.facts:
        print(fact)
    for verdict in result.verdicts():
        print(verdict)
    for problem in _beyond(result):
        print(say(f"Примечание: {problem}", f"Note: {problem}"))
    registered = _registered(registry, data, tls_ca) if registry else True
    if result.ok and registered:
        print("OK")
        return 0
    for problem in result.problems:
        print(problem, file=sys.stderr)
    print(
        say(
            f"{file}: акт не прошёл проверку на уровне «{LEVEL_WORDS[level_name][0]}».",
            f"{file}: the act does not verify at the level '{LEVEL_WORDS[level_name][1]}'.",
        ),
        file=sys.stderr,
    )
    return 1


LEVEL_WORDS = {
    "content": ("содержание сходится", "content consistent"),
    "sealed": ("заверен печатью", "sealed"),
    "trusted": ("печать компании", "sealed by the company"),
}


def _beyond(result: Verification) -> list[str]:
    """What fails above the level asked: said as a note, not counted."""
    from fieldact.act.verify import Level

    asked = set(result.problems)
    return [problem for problem in result.problems_at(Level.TRUSTED) if problem not in asked]


def trusted_certificates(trust_files: Sequence[Path]) -> list[bytes]:
    """The certificates given with --trust, each checked to hold one; the brand's CA when none are given."""
    from fieldact.act.seal import certificates_from

    if not trust_files:
        return [brand_ca] if (brand_ca := brand_ca_certificate()) else []
    trust = [path.read_bytes() for path in trust_files]
    for path, certificate in zip(trust_files, trust, strict=True):
        if not certificates_from(certificate):
            raise InputError(
                say(
                    f"{path}: в файле нет сертификата (нужен PEM или DER сертификат центра компании, а не ключ); "
                    "акт не проверялся.",
                    f"{path}: the file holds no certificate (the company CA's PEM or DER certificate is needed, "
                    "not a key); the act was not checked.",
                )
            )
    return trust


def brand_ca_certificate() -> bytes | None:
    from fieldact.store.sealing import company_ca_certificate

    try:
        return company_ca_certificate(load_brand())
    except (StandardError, OSError):
        return None


def revoked_devices(db: str | None) -> list[Revoked]:
    """The revoked device certificates this PC knows: from ``db``, else from the default database if there is one."""
    from fieldact.store.sealing import revoked_list

    if db is None and not default_path().is_file():
        return []
    try:
        database = open_database(db)
    except (DatabaseUnavailable, SQLAlchemyError):
        return []
    try:
        return revoked_list(database)
    finally:
        database.engine.dispose()


def _registered(registry: str, data: bytes, tls_ca: str | None) -> bool:
    from fieldact.service.client import ServiceError, registry_verdict

    try:
        found, sentence = registry_verdict(registry, data, tls_ca)
    except ServiceError as error:
        print(error, file=sys.stderr)
        return False
    print(sentence, file=sys.stdout if found else sys.stderr)
    return found


def sample_act(out: Path, kind: VisitKind, seal: bool, brand_file: Path | None = None) -> int:
    """Render the demo act to ``out`` for reviewing the template."""
    from fieldact.act import SealError, sealer_for, sign_act
    from fieldact.act.sample import add_sample_evidence, sample_meta, sample_signature, sample_visit

    try:
        standard, brand = load_standard(), load_brand(brand_file)
        sealer = sealer_for(brand) if seal else None
        if seal and sealer is None:
            raise SealError(
                say("В файле бренда не задана печать (раздел [seal]).", "The brand file names no seal ([seal]).")
            )
        services = frozenset(Service) if kind is VisitKind.CONNECTION else frozenset({Service.INTERNET})
        visit = sample_visit(standard, brand, kind=kind, services=services)
        add_sample_evidence(visit, photos=6 if kind is VisitKind.CONNECTION else 2)
        if kind is not VisitKind.CONNECTION:
            visit.devices = []
        signed = sign_act(
            visit,
            sample_meta(brand),
            sample_signature(),
            sealer=sealer,
        )
        write_atomically(out, signed.pdf)  # a full disk leaves no empty or cut-off PDF behind
    except StandardError as error:
        print("\n".join(error.problems), file=sys.stderr)
        return 1
    except (SealError, InputError) as error:
        print(error, file=sys.stderr)
        return 1
    except OSError as error:
        print(
            say(f"{out}: не записать ({error.strerror}).", f"{out}: cannot be written ({error.strerror})."),
            file=sys.stderr,
        )
        return 1
    print(f"{out}: {len(signed.pdf)} bytes, content SHA-256 {signed.content_sha256}")
    return 0


# --- central database, orders and sync ----------------------------------------------------------------------------

CENTRAL_COMMANDS = ("central", "orders", "sync", "serve", "enrol")


def add_central_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    central = commands.add_parser("central", help="the central office database (PostgreSQL)")
    actions = central.add_subparsers(dest="central_command", metavar="ACTION", required=True)
    add_url_option(actions.add_parser("init", help="create or upgrade the central schema, roles and row security"))
    technician = actions.add_parser("technician", help="add or rename a technician; --pin takes $FIELDACT_PIN or asks")
    technician.add_argument("--id", required=True, help="the technician's id (personnel number), as in orders files")
    technician.add_argument("--surname", required=True)
    technician.add_argument("--first-name", required=True)
    technician.add_argument("--pin", action="store_true", help="set his PIN (from $FIELDACT_PIN, else asked)")
    add_url_option(technician)
    login = actions.add_parser("login", help="a database login; its password from $FIELDACT_LOGIN_PASSWORD or asked")
    login.add_argument("name", help="the login (role) name")
    login.add_argument(
        "--kind",
        required=True,
        choices=("office", "dispatch", "service"),
        help="office and dispatch for LAN use; service for fieldact serve (tablets enrol with a code instead)",
    )
    add_url_option(login)
    revoke = actions.add_parser(
        "revoke-device", help="revoke a tablet's sealing certificate (lost or stolen tablet); audited"
    )
    revoke.add_argument("certificate", help="the device certificate's SHA-256, or its PEM file (device-seal-chain.pem)")
    revoke.add_argument("--reason", required=True, help="why, e.g. «планшет утерян»")
    revoke.add_argument("--device", default="", help="the device's name, when only the SHA-256 is given")
    add_url_option(revoke)
    add_central_actions(actions, add_url_option)

    orders = commands.add_parser("orders", help="work orders from the dispatch system")
    order_actions = orders.add_subparsers(dest="orders_command", metavar="ACTION", required=True)
    load = order_actions.add_parser("import", help="check a dispatch CSV and load all of it, or nothing")
    load.add_argument("file", type=Path, help="the orders CSV")
    load.add_argument(
        "--accept-changes",
        action="store_true",
        help="load even though the file changes existing subscribers' names or addresses (shown first)",
    )
    add_url_option(load)

    add_serve(commands)
    sync = commands.add_parser(
        "sync", help="pull this tablet's orders and push its finished visits, once, over HTTPS (once enrolled)"
    )
    add_db_option(sync)
    sync.add_argument("--retries", type=int, default=4, help="tries while the network is down (default 4)")


def add_url_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--url", help="central database URL (default: $FIELDACT_CENTRAL_URL, else the config file central.toml)"
    )


def central_command(args: argparse.Namespace) -> int:
    from fieldact.store.central import CentralUnavailable

    try:
        if args.command == "sync":
            return sync_command(args)
        if args.command == "orders":
            return orders_command(args)
        if args.command == "serve":
            return serve(args)
        if args.command == "enrol":
            return enrol_tablet(args)
        if args.central_command in CENTRAL_ACTIONS:
            return central_action(args)
        return central_admin_command(args)
    except (CentralUnavailable, DatabaseUnavailable) as error:
        print(error, file=sys.stderr)
        return 2
    except InputError as error:
        for detail in [*getattr(error, "bad_rows", []), *getattr(error, "changes", [])]:
            print(detail, file=sys.stderr)
        print(error, file=sys.stderr)
        return 1


def central_admin_command(args: argparse.Namespace) -> int:
    from fieldact.store.central import init_central, open_central, save_login, save_technician

    if args.central_command == "init":
        revision = init_central(args.url)
        print(say(f"Центральная база готова, версия схемы {revision}.", f"The central database is ready: {revision}."))
        return 0
    database = open_central(args.url)
    try:
        if args.central_command == "revoke-device":
            return revoke_command(database, args)
        if args.central_command == "technician":
            pin = _secret("FIELDACT_PIN", "PIN: ") if args.pin else None
            save_technician(database, args.id, args.surname, args.first_name, pin)
            print(say(f"Техник {args.id} сохранён.", f"Technician {args.id} saved."))
        else:
            password = _secret("FIELDACT_LOGIN_PASSWORD", "Password: ")
            save_login(database, args.name, password, args.kind)
            print(say(f"Вход {args.name} ({args.kind}) готов.", f"Login {args.name} ({args.kind}) is ready."))
    finally:
        database.dispose()
    return 0


def revoke_command(database: Database, args: argparse.Namespace) -> int:
    import getpass

    from fieldact.store.sealing import revoke_device
    from fieldact.store.sync import now_utc

    fingerprint, device = args.certificate, args.device
    given = Path(args.certificate)
    if given.is_file():
        from cryptography.hazmat.primitives.serialization import Encoding

        from fieldact.trust import describe_device, load_chain

        chain = load_chain(given.read_bytes())
        if not chain:
            raise InputError(
                say(f"{given}: в файле нет сертификата планшета.", f"{given}: the file holds no device certificate.")
            )
        described = describe_device(chain[0].public_bytes(Encoding.DER))
        fingerprint, device = described.sha256, device or described.device
    actor = f"office:{getpass.getuser()}"
    if revoke_device(database, fingerprint, device, args.reason, actor, now_utc()):
        print(
            say(
                f"Сертификат планшета {device or fingerprint} отозван: его акты с этой минуты не пройдут проверку.",
                f"The device certificate {device or fingerprint} is revoked: its acts from now on fail verify.",
            )
        )
    else:
        print(say("Этот сертификат уже отозван.", "This certificate is already revoked."))
    return 0


def _secret(variable: str, prompt: str) -> str:
    import getpass
    import os

    value = os.environ.get(variable)
    if value:
        return value
    if sys.stdin is None or not sys.stdin.isatty():  # None: a windowed exe has no stdin at all
        raise InputError(say(f"Задайте переменную {variable} или запустите в терминале.", f"Set {variable}."))
    return getpass.getpass(prompt)


def orders_command(args: argparse.Namespace) -> int:
    from fieldact.store.central import open_central
    from fieldact.store.orders import import_orders

    database = open_central(args.url)
    try:
        report = import_orders(database, args.file, load_brand(), accept_changes=args.accept_changes)
    except SQLAlchemyError as error:
        print(
            say(
                f"Заявки не загружены: центральная база ответила ошибкой ({_first_line(error)}). Из файла ничего не "
                "загружено; проверьте, что база обновлена (fieldact central init) и что вход — для диспетчерской.",
                f"The orders were not loaded: the central database answered with an error ({_first_line(error)}). "
                "Nothing of the file was loaded; check that the database is up to date (fieldact central init) "
                "and that the login is a dispatch login.",
            ),
            file=sys.stderr,
        )
        return 2
    finally:
        database.dispose()
    for change in report.subscribers_changed:
        print(change)
    print(report)
    return 0


def _first_line(error: Exception) -> str:
    return str(getattr(error, "orig", error)).strip().splitlines()[0]


def sync_command(args: argparse.Namespace) -> int:
    """The tablet syncs only through the central service, never with a database login."""
    from fieldact.service.client import is_enrolled, sync_service_with_retries

    database = open_database(args.db)
    try:
        if not is_enrolled(database):
            print(
                say(
                    "Планшет не подключён к серверу компании. Получите в офисе код подключения и выполните: "
                    "fieldact enrol --server https://… --code КОД",
                    "The tablet is not enrolled with the company's server. Get an enrolment code from the office "
                    "and run: fieldact enrol --server https://… --code CODE",
                ),
                file=sys.stderr,
            )
            return 2
        report = sync_service_with_retries(database, attempts=max(args.retries, 1))
    finally:
        database.dispose()
    for line in report.lines():
        print(line, file=sys.stderr if report.error else sys.stdout)
    for line in report.warnings():
        print(line, file=sys.stderr)
    if report.error:
        return 2 if report.offline else 1
    return 0 if report.complete else 1
