"""Commands of the service: ``serve``, ``enrol`` (on the tablet), and the office's ``central enrol``,
``central revoke``, ``central devices`` and ``central registry check``."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from fieldact.text import InputError, say


def add_serve(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    serve = commands.add_parser("serve", help="the central HTTPS service for tablets (uvicorn)")
    serve.add_argument("--url", help="the service's database login URL (default: $FIELDACT_SERVICE_DB, central.toml)")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1, behind nginx)")
    serve.add_argument("--port", type=int, default=8443)
    serve.add_argument("--workers", type=int, default=1, help="processes (default 1)")
    serve.add_argument("--ssl-certfile", type=Path, help="TLS certificate (without it: plain HTTP for a local proxy)")
    serve.add_argument("--ssl-keyfile", type=Path, help="TLS key")
    serve.add_argument("--ca-cert", type=Path, help="the company CA certificate (device certificates, act seals)")
    serve.add_argument("--ca-key", type=Path, help="the company CA key (to sign device certificates at enrolment)")
    serve.add_argument("--pool", type=int, default=10, help="database connections per process (default 10)")
    serve.add_argument("--rate", type=float, default=120.0, help="requests per minute per device (default 120)")
    serve.add_argument("--proxy-headers", action="store_true", help="trust X-Forwarded-For from the local proxy")
    serve.add_argument(
        "--check-seconds", type=float, default=30.0, help="longest check of one visit's acts; longer: refused (30)"
    )
    serve.add_argument(
        "--check-memory-mb", type=int, default=2048, help="memory of one act-checking process, MB (2048; Linux)"
    )

    enrol = commands.add_parser("enrol", help="connect this tablet to the central service with the office's code")
    enrol.add_argument("--server", required=True, help="the service's address, https://...")
    enrol.add_argument("--code", required=True, help="the one-time code the office printed")
    enrol.add_argument("--tls-ca", help="the CA file of the server's TLS certificate (when not a public one)")
    enrol.add_argument("--db", default=argparse.SUPPRESS, help="the tablet's database file")


def add_central_actions(actions: argparse._SubParsersAction[argparse.ArgumentParser], add_url) -> None:  # noqa: ANN001
    enrol = actions.add_parser("enrol", help="a one-time code to enrol a tablet of this technician")
    enrol.add_argument("--technician", required=True, help="the technician's id")
    enrol.add_argument("--hours", type=float, default=12.0, help="how long the code works (default 12)")
    add_url(enrol)
    revoke = actions.add_parser(
        "revoke", help="stop an enrolled tablet at once and withdraw its sealing certificate (lost tablet; audited)"
    )
    revoke.add_argument("device", help="the device id")
    revoke.add_argument("--reason", required=True)
    add_url(revoke)
    add_url(actions.add_parser("devices", help="the enrolled devices"))
    registry = actions.add_parser("registry", help="the registry of accepted acts")
    registry_actions = registry.add_subparsers(dest="registry_command", metavar="ACTION", required=True)
    add_url(registry_actions.add_parser("check", help="walk the hash chain; say where it breaks"))


CENTRAL_ACTIONS = ("enrol", "revoke", "devices", "registry")


def _actor() -> str:
    return os.environ.get("USERNAME") or os.environ.get("USER") or "office"


def central_action(args: argparse.Namespace) -> int:
    from fieldact.service import devices, registry
    from fieldact.store.central import open_central

    database = open_central(args.url)
    try:
        if args.central_command == "enrol":
            code = devices.new_enrolment(database, args.technician, _actor(), args.hours)
            print(
                say(
                    f"Код подключения планшета техника {args.technician}: {code} (действует {args.hours:g} ч, "
                    "один раз).",
                    f"Enrolment code for a tablet of technician {args.technician}: {code} (works once, for "
                    f"{args.hours:g} h).",
                )
            )
        elif args.central_command == "revoke":
            technician = devices.revoke_device(database, args.device, _actor(), args.reason)
            print(say(f"Устройство {args.device} (техник {technician}) отозвано.", f"Device {args.device} revoked."))
        elif args.central_command == "devices":
            for row in devices.list_devices(database):
                revoked = row["revoked_at"]
                state = f"revoked {revoked:%Y-%m-%d %H:%M} ({row['revoke_reason']})" if revoked else ""
                print(f"{row['id']}  {row['technician_id']}  {row['enrolled_at']:%Y-%m-%d %H:%M}  {state}")
        else:
            with database.engine.connect() as connection:
                report = registry.check_chain(connection)
            for problem in report.problems:
                print(problem, file=sys.stderr)
            if not report.ok:
                return 1
            print(say(f"Реестр цел: {report.entries} записей.", f"The registry is intact: {report.entries} entries."))
    finally:
        database.dispose()
    return 0


def serve(args: argparse.Namespace) -> int:
    import uvicorn

    from fieldact.service import app

    if args.url:
        os.environ[app.ENV_DB] = args.url
    for variable, value in ((app.ENV_CA_CERT, args.ca_cert), (app.ENV_CA_KEY, args.ca_key)):
        if value is not None:
            os.environ[variable] = str(value.resolve())
    os.environ[app.ENV_POOL] = str(args.pool)
    os.environ[app.ENV_RATE] = str(args.rate)
    os.environ[app.ENV_CHECK_SECONDS] = str(args.check_seconds)
    os.environ[app.ENV_CHECK_MEMORY_MB] = str(args.check_memory_mb)
    uvicorn.run(
        "fieldact.service.app:create_app",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        ssl_certfile=str(args.ssl_certfile) if args.ssl_certfile else None,
        ssl_keyfile=str(args.ssl_keyfile) if args.ssl_keyfile else None,
        access_log=False,  # our own structured access log
        proxy_headers=args.proxy_headers,
        log_level="warning",
        timeout_graceful_shutdown=10,
    )
    return 0


def enrol_tablet(args: argparse.Namespace) -> int:
    from fieldact.service.client import ServiceError, enrol_tablet
    from fieldact.store.db import open_database

    database = open_database(getattr(args, "db", None))
    try:
        technician = enrol_tablet(database, args.server, args.code, args.tls_ca)
    except (ServiceError, InputError) as error:
        print(error, file=sys.stderr)
        return 2 if getattr(error, "offline", False) else 1
    finally:
        database.dispose()
    print(say(f"Планшет подключён к серверу, техник {technician}.", f"The tablet is enrolled ({technician})."))
    return 0
