"""The register of exported acts: one line an act, as CSV or XLSX, beside the PDFs."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from enum import StrEnum

from fieldact.office.queries import ActStatus
from fieldact.office.sheets import Cell, csv_bytes, xlsx_bytes
from fieldact.standard import Service, VisitKind
from fieldact.text import say


class RegisterFormat(StrEnum):
    CSV = "csv"
    XLSX = "xlsx"


@dataclass(frozen=True, slots=True)
class ExportedAct:
    """An act as exported: where it went and what it is."""

    file: str
    act_id: str
    number: str
    version: int
    status: ActStatus
    signed_at: datetime  # local, in the visit's zone
    contract: str
    subscriber: str
    address: str
    technician: str
    kind: VisitKind
    services: tuple[Service, ...]
    total: int | None  # kopecks paid, when the act has a payment
    pdf_sha256: str
    content_sha256: str
    ink_sha256: str
    size: int
    photos: int = 0  # photos the act carries
    equipment: str = ""  # devices installed or taken away, as equipment_text writes them


def equipment_text(devices: Sequence[dict[str, str]]) -> str:
    """«Wi-Fi роутер ZX1234567890 (установлено); ТВ-приставка 354400123456 (снято)»."""
    return "; ".join(
        f"{device.get('name')} {device.get('serial')} "
        f"({say('установлено', 'installed') if device.get('action') == 'installed' else say('снято', 'taken away')})"
        for device in devices
    )


def status_word(status: ActStatus) -> str:
    return {
        ActStatus.SIGNED: say("подписан", "signed"),
        ActStatus.REFUSED: say("отказ от подписи", "refused to sign"),
        ActStatus.SUPERSEDED: say("заменён исправленным", "superseded"),
    }[status]


def kind_word(kind: VisitKind) -> str:
    return {VisitKind.CONNECTION: say("подключение", "connection"), VisitKind.SERVICE: say("сервис", "service")}[kind]


def service_word(service: Service) -> str:
    return {
        Service.TV: say("ТВ", "TV"),
        Service.INTERNET: say("интернет", "internet"),
        Service.PHONE: say("телефон", "phone"),
    }[service]


def rubles(kopecks: int | None) -> Decimal | None:
    return None if kopecks is None else (Decimal(kopecks) / 100).quantize(Decimal("0.01"))


@dataclass(frozen=True, slots=True)
class Column:
    ru: str
    en: str
    width: int
    value: Callable[[int, ExportedAct], Cell]


COLUMNS = (
    Column("№", "No.", 6, lambda n, _: n),
    Column("Файл", "File", 44, lambda _, a: a.file),
    Column("Номер акта", "Act number", 18, lambda _, a: a.number),
    Column("Версия", "Version", 8, lambda _, a: a.version),
    Column("Статус", "Status", 20, lambda _, a: status_word(a.status)),
    Column("Подписан", "Signed", 18, lambda _, a: a.signed_at),
    Column("Договор", "Contract", 16, lambda _, a: a.contract),
    Column("Абонент", "Subscriber", 32, lambda _, a: a.subscriber),
    Column("Адрес", "Address", 40, lambda _, a: a.address),
    Column("Техник", "Technician", 24, lambda _, a: a.technician),
    Column("Вид визита", "Visit kind", 14, lambda _, a: kind_word(a.kind)),
    Column("Услуги", "Services", 22, lambda _, a: ", ".join(service_word(s) for s in a.services)),
    Column("Сумма, ₽", "Total, RUB", 12, lambda _, a: rubles(a.total)),
    Column("Фото", "Photos", 7, lambda _, a: a.photos),
    Column("Оборудование", "Equipment", 48, lambda _, a: a.equipment),
    Column("SHA-256 PDF", "PDF SHA-256", 68, lambda _, a: a.pdf_sha256),
)


def headers() -> list[str]:
    return [say(column.ru, column.en) for column in COLUMNS]


def rows(acts: Sequence[ExportedAct]) -> list[list[Cell]]:
    return [[column.value(n, act) for column in COLUMNS] for n, act in enumerate(acts, start=1)]


def register_bytes(acts: Sequence[ExportedAct], kind: RegisterFormat) -> bytes:
    if kind is RegisterFormat.CSV:
        return csv_bytes(headers(), rows(acts))
    title = say("Реестр актов", "Register of acts")
    return xlsx_bytes(title, headers(), rows(acts), [column.width for column in COLUMNS])


def register_name(kind: RegisterFormat, stamp: str = "") -> str:
    return f"register{stamp}.{kind.value}"
