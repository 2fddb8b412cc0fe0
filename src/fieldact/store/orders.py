"""Work orders down: the day's orders from a dispatch system's CSV into the central database.

Every row is checked before anything is loaded; a file with a bad row loads nothing, and each bad row is
reported with its line number. A good file loads in one transaction.

A visit belongs to one technician for good: its id is made from the request number and the technician. An order
given to another technician gets a new visit; the first technician's visit is marked reassigned (and cancelled
while it is still planned), so his tablet learns of it. An order that is simply missing from a later file is left
as it was: only a row whose status says so cancels it.
"""

from __future__ import annotations

import csv
import io
import json
import re
import uuid
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, bindparam, text

from fieldact.standard import Brand, Service, VisitKind
from fieldact.store.db import Database
from fieldact.store.encoding import EncodingRefused, decode_text
from fieldact.store.validation import check_contract, clean_text
from fieldact.text import InputError, say
from fieldact.visit import Plan, Subscriber, subscriber_from_name

ORDER_NAMESPACE = uuid.UUID("0b9f4f3e-7d0a-4f57-8a63-3c3f5f9a2d41")
REQUIRED = (
    "request_number",
    "kind",
    "services",
    "planned_start",
    "subscriber",
    "contract",
    "address",
    "phone",
    "technician",
)
OPTIONAL = ("planned_end", "status")
HEADER_ALIASES = {
    "номер заявки": "request_number",
    "заявка": "request_number",
    "вид": "kind",
    "вид визита": "kind",
    "услуги": "services",
    "время": "planned_start",
    "начало": "planned_start",
    "окончание": "planned_end",
    "абонент": "subscriber",
    "договор": "contract",
    "адрес": "address",
    "телефон": "phone",
    "техник": "technician",
    "статус": "status",
}
KINDS = {"connection": VisitKind.CONNECTION, "подключение": VisitKind.CONNECTION, "service": VisitKind.SERVICE}
KINDS |= {"сервис": VisitKind.SERVICE}
SERVICES = {"tv": Service.TV, "тв": Service.TV, "internet": Service.INTERNET, "интернет": Service.INTERNET}
SERVICES |= {"phone": Service.PHONE, "телефон": Service.PHONE, "телефония": Service.PHONE}
CANCELLED = {"cancelled", "canceled", "отменена", "отменён", "отменен"}
ASSIGNED = {"", "assigned", "назначена", "new", "новая"}
PHONE = re.compile(r"\+?[0-9 ()\-]{5,31}")
MAX_FILE_BYTES = 20_000_000


def order_visit_id(request_number: str, technician_id: str) -> str:
    return str(uuid.uuid5(ORDER_NAMESPACE, f"{request_number}/{technician_id}"))


@dataclass(frozen=True, slots=True)
class Order:
    line: int
    request_number: str
    kind: VisitKind
    services: frozenset[Service]
    plan: Plan
    subscriber: Subscriber
    technician_id: str
    cancelled: bool

    @property
    def visit_id(self) -> str:
        return order_visit_id(self.request_number, self.technician_id)


@dataclass(frozen=True, slots=True)
class BadRow:
    """What is wrong on one line (counted from 1, as a person counts), or with the whole file (line None)."""

    line: int | None
    problems: tuple[str, ...]

    def __str__(self) -> str:
        where = "" if self.line is None else say(f"Строка {self.line}: ", f"Line {self.line}: ")
        return where + " ".join(self.problems)


class OrdersRefused(InputError):
    """The file has bad rows (or cannot be read at all); nothing of it was loaded."""

    def __init__(self, bad_rows: list[BadRow]) -> None:
        self.bad_rows = bad_rows
        lines = [bad for bad in bad_rows if bad.line is not None]
        if lines:
            message = say(
                f"Файл не загружен: ошибок в строках — {len(lines)}. Исправьте их и загрузите файл снова.",
                f"Nothing was loaded: {len(lines)} line(s) have errors. Fix them and load the file again.",
            )
        else:
            message = say(
                "Файл не загружен; в базе ничего не изменилось.", "Nothing was loaded; the database is as it was."
            )
        super().__init__(message)


@dataclass(frozen=True, slots=True)
class SubscriberChange:
    """A file's row that would change what the central database holds of a contract's subscriber."""

    line: int
    contract: str
    field_ru: str
    field_en: str
    old: str
    new: str

    def __str__(self) -> str:
        return say(
            f"Строка {self.line}, договор {self.contract}: {self.field_ru} «{self.old}» → «{self.new}».",
            f"Line {self.line}, contract {self.contract}: {self.field_en} '{self.old}' → '{self.new}'.",
        )


class ChangesNeedConsent(InputError):
    """The file would change existing subscribers' names or addresses; nothing was loaded."""

    def __init__(self, changes: list[SubscriberChange]) -> None:
        self.changes = changes
        super().__init__(
            say(
                f"Файл не загружен: он меняет данные существующих абонентов ({len(changes)}). Проверьте изменения "
                "выше; если они верны, загрузите файл снова с --accept-changes.",
                f"Nothing was loaded: the file changes existing subscribers' details ({len(changes)}). Check the "
                "changes above; if they are right, load the file again with --accept-changes.",
            )
        )


@dataclass
class ImportReport:
    added: int = 0
    changed: int = 0
    cancelled: int = 0
    reassigned: int = 0
    unchanged: int = 0
    subscribers_changed: list[SubscriberChange] = field(default_factory=list)

    def __str__(self) -> str:
        return say(
            f"Заявок: новых {self.added}, изменённых {self.changed}, отменённых {self.cancelled}, "
            f"переданных другому технику {self.reassigned}, без изменений {self.unchanged}; "
            f"изменено данных абонентов: {len(self.subscribers_changed)}.",
            f"Orders: {self.added} new, {self.changed} changed, {self.cancelled} cancelled, "
            f"{self.reassigned} reassigned, {self.unchanged} unchanged; "
            f"subscriber details changed: {len(self.subscribers_changed)}.",
        )


# --- reading and checking ---------------------------------------------------------------------------------------


def read_text(path: Path) -> str:
    """The file's text, its encoding told only where certain (see ``fieldact.store.encoding``)."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise OrdersRefused([BadRow(None, (_too_large(size),))])
        data = path.read_bytes()
    except OSError as error:
        unreadable = say(f"Файл {path} не читается ({error.strerror}).", f"Cannot read {path} ({error.strerror}).")
        raise OrdersRefused([BadRow(None, (unreadable,))]) from None
    try:
        return decode_text(data)
    except EncodingRefused as error:
        raise OrdersRefused([BadRow(None, (str(error),))]) from None


def _too_large(size: int) -> str:
    limit, megabytes = MAX_FILE_BYTES // 1_000_000, size / 1_000_000
    return say(
        f"Файл слишком большой: {megabytes:.1f} МБ, а можно не больше {limit} МБ. Разделите его на части.",
        f"The file is too large: {megabytes:.1f} MB, at most {limit} MB is allowed. Split it into parts.",
    )


def parse_orders(content: str, brand: Brand, technicians: Collection[str]) -> list[Order]:
    """Every row checked; raises OrdersRefused listing every bad row, or returns all the orders."""
    lines = content.splitlines(keepends=True)
    if not lines:
        raise OrdersRefused([BadRow(None, (say("Файл пуст.", "The file is empty."),))])
    # newline="": a quoted field keeps its line breaks, and bare CR ends a line as CRLF and LF do
    reader = csv.reader(io.StringIO(content, newline=""), dialect=_dialect(lines[0]))
    header = _next_record(reader, 1)
    if header is None:
        raise OrdersRefused([BadRow(None, (say("Файл пуст.", "The file is empty."),))])
    columns = _columns(header)
    orders, bad, seen = [], [], {}
    zone = ZoneInfo(brand.timezone)
    while True:
        line = reader.line_num + 1  # where the record starts, counted as a person counts lines
        try:
            record = _next_record(reader, line)
        except OrdersRefused as refused:
            bad.extend(refused.bad_rows)
            break
        if record is None:
            break
        row = {column: value.strip() for column, value in zip(columns, record, strict=False) if column}
        if not any(value.strip() for value in record):
            continue
        problems = []
        if len(record) > len(columns):
            problems.append(say("Лишние поля в строке.", "The line has more fields than the header."))
        order = _order(line, row, brand, zone, technicians, problems)
        if order is not None and order.request_number in seen:
            problems.append(
                say(
                    f"Заявка {order.request_number} уже есть в строке {seen[order.request_number]}.",
                    f"Order {order.request_number} is already on line {seen[order.request_number]}.",
                )
            )
        if problems:
            bad.append(BadRow(line, tuple(problems)))
        elif order is not None:
            seen[order.request_number] = line
            orders.append(order)
    if bad:
        raise OrdersRefused(bad)
    return orders


def _next_record(reader: Any, line: int) -> list[str] | None:
    """The next CSV record, None at the end; a record the csv module cannot read is a sentence, not a traceback."""
    try:
        return next(reader)
    except StopIteration:
        return None
    except csv.Error as error:
        if "field limit" in str(error):
            limit_kb = csv.field_size_limit() // 1024
            problem = say(
                f"Поле длиннее {limit_kb} КБ — так не бывает в заявке: проверьте, что выбран файл заявок и что "
                "кавычки в нём закрыты.",
                f"A field is longer than {limit_kb} KB, which no order has: check that this is the orders file "
                "and that its quotes are closed.",
            )
        else:
            problem = say(f"Строка не читается как CSV ({error}).", f"The line cannot be read as CSV ({error}).")
        raise OrdersRefused([BadRow(line, (problem,))]) from None


def _dialect(header: str) -> type[csv.Dialect]:
    try:
        return csv.Sniffer().sniff(header, delimiters=",;\t")
    except csv.Error:
        return csv.excel


def _columns(fieldnames: Iterable[str]) -> list[str]:
    """The column each header cell names ("" for a column not used); a column named twice is refused."""
    columns: list[str] = []
    named: dict[str, str] = {}
    problems = []
    for name in fieldnames:
        cell = (name or "").strip()
        key = HEADER_ALIASES.get(cell.lower(), cell.lower().replace(" ", "_"))
        if key and key in named:
            problems.append(
                say(
                    f"Столбец {key} назван в заголовке дважды («{named[key]}» и «{cell}»): оставьте один.",
                    f"The column {key} is named twice in the header ('{named[key]}' and '{cell}'): keep one.",
                )
            )
        named.setdefault(key, cell)
        columns.append(key)
    missing = [column for column in REQUIRED if column not in named]
    if missing:
        problems.append(
            say(
                f"В заголовке нет столбцов: {', '.join(missing)}.",
                f"The header lacks the columns: {', '.join(missing)}.",
            )
        )
    if problems:
        raise OrdersRefused([BadRow(1, tuple(problems))])
    return columns


def _order(
    line: int, row: dict[str, str], brand: Brand, zone: ZoneInfo, technicians: Collection[str], problems: list[str]
) -> Order | None:
    def check(make: Any, *args: Any) -> Any:
        try:
            return make(*args)
        except InputError as error:
            problems.append(str(error))
            return None

    number = check(_request_number, row.get("request_number", ""))
    kind = check(_kind, row.get("kind", ""))
    services = check(_services, row.get("services", ""))
    plan = check(_plan, row.get("planned_start", ""), row.get("planned_end", ""), zone)
    subscriber = check(_subscriber, row, brand)
    technician = check(_technician, row.get("technician", ""), technicians)
    cancelled = check(_cancelled, row.get("status", ""))
    if problems:
        return None
    return Order(line, number, kind, services, plan, subscriber, technician, cancelled)


def _request_number(value: str) -> str:
    number = clean_text(value, "Номер заявки", "Request number", 40)
    if not number:
        raise InputError(say("Нет номера заявки.", "The request number is missing."))
    return number


def _kind(value: str) -> VisitKind:
    kind = KINDS.get(value.lower())
    if kind is None:
        raise InputError(
            say(
                f"Вид визита «{value}» неизвестен: connection (подключение) или service (сервис).",
                f"Unknown visit kind '{value}': use connection or service.",
            )
        )
    return kind


def _services(value: str) -> frozenset[Service]:
    names = [part for part in re.split(r"[;,+/\s]+", value.lower()) if part]
    unknown = [name for name in names if name not in SERVICES]
    if unknown or not names:
        raise InputError(
            say(
                f"Услуги «{value}»: перечислите tv, internet, phone (ТВ, интернет, телефон) через «;».",
                f"Services '{value}': list tv, internet, phone separated by ';'.",
            )
        )
    return frozenset(SERVICES[name] for name in names)


def _moment(value: str, zone: ZoneInfo, label_ru: str, label_en: str) -> datetime:
    moment = None
    for parse in (datetime.fromisoformat, lambda v: datetime.strptime(v, "%d.%m.%Y %H:%M")):
        try:
            moment = parse(value)
            break
        except ValueError:
            continue
    if moment is None:
        raise InputError(
            say(
                f"{label_ru} «{value}» — не дата и время: пишите 2026-11-26 14:00 или 26.11.2026 14:00.",
                f"{label_en} '{value}' is not a date and time; write 2026-11-26 14:00 or 26.11.2026 14:00.",
            )
        )
    # an explicit offset is kept as the instant it names, shown in the brand's zone like every other visit
    return moment.replace(tzinfo=zone) if moment.tzinfo is None else moment.astimezone(zone)


def _plan(start_text: str, end_text: str, zone: ZoneInfo) -> Plan:
    start = _moment(start_text, zone, "Время визита", "Planned time")
    if not end_text:
        return Plan(start)
    end = _moment(end_text, zone, "Конец окна", "Window end")
    if end <= start:
        raise InputError(
            say("Окно визита должно кончаться позже, чем начинается.", "The visit window must end after it starts.")
        )
    return Plan(start, exact=False, end=end)


def _subscriber(row: dict[str, str], brand: Brand) -> Subscriber:
    problems = []
    values: dict[str, str] = {}
    for key, check in (
        ("contract", lambda v: check_contract(v, brand.contract_pattern)),
        ("address", lambda v: _required(clean_text(v, "Адрес", "Address", 300), "Адрес", "Address")),
        ("phone", _phone),
    ):
        try:
            values[key] = check(row.get(key, ""))
        except InputError as error:
            problems.append(str(error))
    try:
        person = subscriber_from_name(clean_text(row.get("subscriber", ""), "Абонент", "Subscriber", 300))
        for part, ru, en in (
            (person.surname, "Фамилия Абонента", "Subscriber's surname"),
            (person.first_name, "Имя Абонента", "Subscriber's first name"),
            (person.patronymic, "Отчество Абонента", "Subscriber's patronymic"),
        ):
            clean_text(part, ru, en, 100)
    except InputError as error:
        problems.append(str(error))
    if problems:
        raise InputError(" ".join(problems))
    return Subscriber(person.surname, person.first_name, person.patronymic, **values)


def _required(value: str, label_ru: str, label_en: str) -> str:
    if not value:
        raise InputError(say(f"«{label_ru}» не заполнено.", f"'{label_en}' is empty."))
    return value


def _phone(value: str) -> str:
    phone = clean_text(value, "Телефон", "Phone", 32)
    if not PHONE.fullmatch(phone) or sum(ch.isdigit() for ch in phone) < 5:
        raise InputError(
            say(f"Телефон «{phone}» не похож на номер телефона.", f"Phone '{phone}' does not look like a number.")
        )
    return phone


def _technician(value: str, technicians: Collection[str]) -> str:
    if value not in technicians:
        raise InputError(
            say(
                f"Техника «{value}» нет в центральной базе (или он не работает).",
                f"Technician '{value}' is not in the central database (or is inactive).",
            )
        )
    return value


def _cancelled(value: str) -> bool:
    status = value.lower()
    if status in CANCELLED:
        return True
    if status in ASSIGNED:
        return False
    raise InputError(
        say(f"Статус «{value}»: пусто, assigned или cancelled.", f"Status '{value}': empty, assigned or cancelled.")
    )


# --- loading ----------------------------------------------------------------------------------------------------


def import_orders(
    database: Database, path: Path, brand: Brand, actor: str = "dispatch", accept_changes: bool = False
) -> ImportReport:
    """Check the whole file, then load it in one transaction: all of it or nothing.

    A file that would change an existing subscriber's name or address loads nothing (ChangesNeedConsent lists the
    changes) unless ``accept_changes``: a wrong file must not silently rewrite the people the acts name.
    """
    content = read_text(path)
    with database.engine.begin() as connection:
        technicians = {row[0] for row in connection.execute(text("SELECT id FROM technician WHERE active"))}
        orders = parse_orders(content, brand, technicians)
        report = load_orders(connection, orders, actor)
        if report.subscribers_changed and not accept_changes:
            raise ChangesNeedConsent(report.subscribers_changed)  # leaving the block rolls everything back
        return report


@dataclass
class _Loader:
    connection: Connection
    actor: str
    at: datetime = field(default_factory=lambda: datetime.now(UTC))
    report: ImportReport = field(default_factory=ImportReport)
    audit: list[dict[str, Any]] = field(default_factory=list)

    def note(self, action: str, visit_id: str | None, **details: Any) -> None:
        self.audit.append(
            {
                "at": self.at,
                "actor": self.actor,
                "action": action,
                "visit_id": visit_id,
                "details": json.dumps(details, ensure_ascii=False, sort_keys=True, default=str),
            }
        )


def load_orders(connection: Connection, orders: list[Order], actor: str = "dispatch") -> ImportReport:
    loader = _Loader(connection, actor)
    known = _known_orders(connection, [order.request_number for order in orders])
    for order in orders:
        contract_id = _contract(loader, order)
        _withdraw_from_others(loader, order, known.get(order.request_number, []))
        current = next((row for row in known.get(order.request_number, []) if row["visit_id"] == order.visit_id), None)
        if current is None:
            _add(loader, order, contract_id)
        else:
            _update(loader, order, contract_id, current)
    if loader.audit:
        connection.execute(
            text(
                "INSERT INTO audit_event (at, actor, action, visit_id, details) "
                "VALUES (:at, :actor, :action, :visit_id, :details)"
            ),
            loader.audit,
        )
    return loader.report


def _known_orders(connection: Connection, numbers: list[str]) -> dict[str, list[dict[str, Any]]]:
    statement = text(
        "SELECT w.visit_id, w.request_number, w.technician_id, w.state, v.status, v.kind, v.services, "
        "v.planned_start, v.planned_exact, v.planned_end, v.contract_id FROM work_order w "
        "JOIN visit v ON v.id = w.visit_id WHERE w.request_number IN :numbers"
    ).bindparams(bindparam("numbers", expanding=True))
    known: dict[str, list[dict[str, Any]]] = {}
    for chunk_start in range(0, len(numbers), 5000):
        chunk = numbers[chunk_start : chunk_start + 5000]
        for row in connection.execute(statement, {"numbers": chunk}).mappings():
            known.setdefault(row["request_number"], []).append(dict(row))
    return known


SUBSCRIBER_FIELDS = (
    ("surname", "фамилия", "surname"),
    ("first_name", "имя", "first name"),
    ("patronymic", "отчество", "patronymic"),
    ("address", "адрес", "address"),
)


def _contract(loader: _Loader, order: Order) -> str:
    """The contract's id, made or brought up to date: dispatch is the source of names, addresses and phones.

    Every change to a name or an address is noted in the report (and the audit) for the office to confirm."""
    connection, person = loader.connection, order.subscriber
    found = (
        connection.execute(
            text(
                "SELECT c.id, c.subscriber_id, c.address, s.surname, s.first_name, s.patronymic FROM contract c "
                "JOIN subscriber s ON s.id = c.subscriber_id WHERE c.number = :number"
            ),
            {"number": person.contract},
        )
        .mappings()
        .first()
    )
    values = {
        "surname": person.surname,
        "first_name": person.first_name,
        "patronymic": person.patronymic,
        "phone": person.phone,
        "address": person.address,
    }
    if found is not None:
        _note_changes(loader, order, dict(found), values)
        connection.execute(
            text(
                "UPDATE subscriber SET surname = :surname, first_name = :first_name, patronymic = :patronymic, "
                "phone = :phone WHERE id = :id AND (surname, first_name, patronymic, phone) "
                "IS DISTINCT FROM (:surname, :first_name, :patronymic, :phone)"
            ),
            values | {"id": found["subscriber_id"]},
        )
        connection.execute(
            text("UPDATE contract SET address = :address WHERE id = :id AND address <> :address"),
            {"address": person.address, "id": found["id"]},
        )
        return str(found["id"])
    subscriber_id, contract_id = str(uuid.uuid4()), str(uuid.uuid4())
    connection.execute(
        text(
            "INSERT INTO subscriber (id, surname, first_name, patronymic, phone) "
            "VALUES (:id, :surname, :first_name, :patronymic, :phone)"
        ),
        values | {"id": subscriber_id},
    )
    connection.execute(
        text("INSERT INTO contract (id, number, subscriber_id, address) VALUES (:id, :number, :subscriber, :address)"),
        {"id": contract_id, "number": person.contract, "subscriber": subscriber_id, "address": person.address},
    )
    return contract_id


def _note_changes(loader: _Loader, order: Order, stored: dict[str, Any], wanted: dict[str, str]) -> None:
    contract = order.subscriber.contract
    for key, field_ru, field_en in SUBSCRIBER_FIELDS:
        old, new = stored[key] or "", wanted[key]
        if old != new:
            loader.report.subscribers_changed.append(
                SubscriberChange(order.line, contract, field_ru, field_en, old, new)
            )
            loader.note("subscriber_changed", None, contract=contract, field=key, old=old, new=new, line=order.line)


def _withdraw_from_others(loader: _Loader, order: Order, rows: list[dict[str, Any]]) -> None:
    for row in rows:
        if row["visit_id"] == order.visit_id or row["state"] != "assigned":
            continue
        loader.connection.execute(
            text("UPDATE work_order SET state = 'reassigned', changed_at = :at WHERE visit_id = :id"),
            {"at": loader.at, "id": row["visit_id"]},
        )
        loader.connection.execute(
            text("UPDATE visit SET status = 'cancelled', updated_at = :at WHERE id = :id AND status = 'planned'"),
            {"at": loader.at, "id": row["visit_id"]},
        )
        row["state"] = "reassigned"
        loader.report.reassigned += 1
        loader.note("order_reassigned", row["visit_id"], request=order.request_number, to=order.technician_id)


def _visit_values(order: Order, contract_id: str) -> dict[str, Any]:
    return {
        "kind": order.kind.value,
        "services": ",".join(sorted(service.value for service in order.services)),
        "planned_start": order.plan.start.astimezone(UTC),
        "planned_exact": order.plan.exact,
        "planned_end": order.plan.end.astimezone(UTC) if order.plan.end else None,
        "contract_id": contract_id,
    }


def _add(loader: _Loader, order: Order, contract_id: str) -> None:
    state = "cancelled" if order.cancelled else "assigned"
    values = _visit_values(order, contract_id) | {
        "id": order.visit_id,
        "request_number": order.request_number,
        "technician_id": order.technician_id,
        "zone": str(getattr(order.plan.start.tzinfo, "key", "UTC")),
        "status": "cancelled" if order.cancelled else "planned",
        "at": loader.at,
    }
    loader.connection.execute(
        text(
            "INSERT INTO visit (id, request_number, kind, services, contract_id, technician_id, zone, planned_start, "
            "planned_exact, planned_end, status, stage_index, conditions, created_at, updated_at) VALUES (:id, "
            ":request_number, :kind, :services, :contract_id, :technician_id, :zone, :planned_start, :planned_exact, "
            ":planned_end, :status, 0, '{}', :at, :at)"
        ),
        values,
    )
    loader.connection.execute(
        text(
            "INSERT INTO work_order (visit_id, request_number, technician_id, state, changed_at, office_told) "
            "VALUES (:id, :number, :technician, :state, :at, '')"
        ),
        {"id": order.visit_id, "number": order.request_number, "technician": order.technician_id, "state": state}
        | {"at": loader.at},
    )
    if order.cancelled:
        loader.report.cancelled += 1
    else:
        loader.report.added += 1
    loader.note("order_added", order.visit_id, request=order.request_number, state=state, line=order.line)


def _update(loader: _Loader, order: Order, contract_id: str, current: dict[str, Any]) -> None:
    state = "cancelled" if order.cancelled else "assigned"
    wanted = _visit_values(order, contract_id)
    not_started = current["status"] in ("planned", "cancelled")
    plan_changed = not_started and any(_differs(current[key], value) for key, value in wanted.items())
    status = "cancelled" if order.cancelled else "planned"
    if current["state"] == state and not plan_changed and (not not_started or current["status"] == status):
        loader.report.unchanged += 1
        return
    if not_started:
        loader.connection.execute(
            text(
                "UPDATE visit SET kind = :kind, services = :services, planned_start = :planned_start, "
                "planned_exact = :planned_exact, planned_end = :planned_end, contract_id = :contract_id, "
                "status = :status, updated_at = :at WHERE id = :id"
            ),
            wanted | {"status": status, "at": loader.at, "id": order.visit_id},
        )
    loader.connection.execute(
        text("UPDATE work_order SET state = :state, changed_at = :at WHERE visit_id = :id"),
        {"state": state, "at": loader.at, "id": order.visit_id},
    )
    if order.cancelled and current["state"] != "cancelled":
        loader.report.cancelled += 1
    else:
        loader.report.changed += 1
    loader.note("order_changed", order.visit_id, request=order.request_number, state=state, line=order.line)


def _differs(stored: Any, wanted: Any) -> bool:
    if isinstance(stored, datetime) and isinstance(wanted, datetime):
        return stored.astimezone(UTC) != wanted.astimezone(UTC)
    return bool(stored != wanted)
