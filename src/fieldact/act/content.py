"""The act's canonical content: what the subscriber signs, as one JSON document with a SHA-256.

The content is built once, at signing, from the visit; the PDF is only a view of it. Its canonical form is
JSON with sorted keys, no whitespace, UTF-8 without escapes, and no floating-point numbers anywhere (money is
integer kopecks, quantities and speeds are decimal strings), so the same content always gives the same bytes
and the same hash on every machine.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any, TypedDict
from zoneinfo import ZoneInfo

from fieldact.act.photo_records import DeviceRecord, PhotoRecord, device_records, photo_records
from fieldact.hashing import sha256_hex
from fieldact.ink import Signature
from fieldact.ink import sha256 as ink_sha256
from fieldact.standard.schema import EvidenceKind, Service, VisitKind
from fieldact.visit import Answer, Entry, ItemState, Material, Payment, Visit
from fieldact.visit.evidence import EVIDENCE_CLASS, Check, Evidence, describe, to_json

CONTENT_FORMAT = "fieldact-act/1"
# The layout the PDF is drawn with (``fieldact.act.pdf``); ``verify`` draws the act again with this version.
TEMPLATE_VERSION = 3  # 2: the equipment table and the photo appendix; 3: fonts cut to a fixed repertoire


SERVICE_TITLES: dict[Service, str] = {
    Service.TV: "Телевидение",
    Service.INTERNET: "Интернет",
    Service.PHONE: "Телефония",
}

ACT_TITLES: dict[VisitKind, str] = {
    VisitKind.CONNECTION: "Акт сдачи-приёмки услуг",
    VisitKind.SERVICE: "Акт выполненных работ",
}

RESULT_TITLES: dict[str, str] = {
    ItemState.DONE.value: "Выполнено",
    ItemState.NOT_APPLICABLE.value: "Не требуется",
    ItemState.FAILED.value: "Не выполнено",
    ItemState.PENDING.value: "Не отмечено",
}

# What the subscriber's signature confirms. Full completion is claimed only when nothing failed.
STATEMENT_COMPLETE: dict[VisitKind, str] = {
    VisitKind.CONNECTION: (
        "Услуги подключены и показаны мне в работе. Работы выполнены в полном объёме, качество проверено, "
        "претензий не имею."
    ),
    VisitKind.SERVICE: "Работы выполнены в полном объёме, качество проверено, претензий не имею.",
}
STATEMENT_WITH_FAILURES = (
    "С перечнем работ и их результатами, в том числе с невыполненными пунктами и их причинами, ознакомлен(а)."
)

_KIND_OF_CLASS: dict[type, EvidenceKind] = {cls: kind for kind, cls in EVIDENCE_CLASS.items()}


# --- the shape of the content ---------------------------------------------------------------------------


class ActRef(TypedDict):
    id: str
    number: str


class ActHeader(TypedDict):
    id: str
    number: str
    version: int
    supersedes: ActRef | None
    title: str


class Company(TypedDict):
    name: str
    legal_name: str
    city: str
    hotline: str


class SignedAt(TypedDict):
    local: str
    utc: str
    zone: str


class Party(TypedDict):
    name: str


class TechnicianRecord(TypedDict):
    name: str
    role: str


class SubscriberRecord(TypedDict):
    name: str
    contract: str
    address: str


class VisitRecord(TypedDict):
    id: str
    kind: str
    kind_title: str


class ServiceRecord(TypedDict):
    key: str
    title: str


class StageRecord(TypedDict):
    number: int
    title: str


class EvidenceRecord(TypedDict):
    kind: str
    data: dict[str, Any]


class ItemRecord(TypedDict):
    key: str
    stage: StageRecord
    text: str
    result: str
    evidence: EvidenceRecord | None
    evidence_text: str
    reason: str


class MaterialRecord(TypedDict):
    code: str
    name: str
    quantity: str
    unit: str


class PaymentLineRecord(TypedDict):
    description: str
    quantity: int
    unit_price: int
    amount: int


class PaymentRecord(TypedDict):
    currency: str
    lines: list[PaymentLineRecord]
    total: int
    received: int
    change: int
    credited: int
    bso_number: str
    bso_amount: int


class InkRecord(TypedDict):
    sha256: str
    strokes: int
    samples: int


class SealRecord(TypedDict):
    """The device seal the act is made to carry: ``verify`` fails an act that names a seal it does not have."""

    device: str
    certificate_sha256: str  # of the device certificate's DER bytes


class ActContent(TypedDict):
    """``photos`` and ``devices`` came with the photo evidence; acts made before have neither (read as empty)."""

    format: str
    template: int
    act: ActHeader
    company: Company
    signed_at: SignedAt
    visit: VisitRecord
    subscriber: SubscriberRecord
    technician: TechnicianRecord
    services: list[ServiceRecord]
    items: list[ItemRecord]
    materials: list[MaterialRecord]
    payment: PaymentRecord | None
    statement: str
    signer: Party
    account_url: str
    ink: InkRecord
    refusal: str | None  # the subscriber refused to sign, and why; the act records it instead of a signature
    photos: list[PhotoRecord]
    devices: list[DeviceRecord]
    seal: SealRecord | None


# --- act metadata given at signing ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ActMeta:
    """What the act is, beyond the visit: its number and version, when and by whom it is signed.

    ``signed_at`` must carry a time zone; the act shows it in the brand's zone. A correction is a new act
    with ``version`` + 1 that ``supersedes`` the act it replaces.
    """

    number: str
    signed_at: datetime
    signer_name: str
    version: int = 1
    id: uuid.UUID = field(default_factory=uuid.uuid4)
    supersedes: ActRef | None = None

    def __post_init__(self) -> None:
        if not self.number.strip():
            raise ValueError("an act needs a number")
        if self.signed_at.tzinfo is None or self.signed_at.utcoffset() is None:
            raise ValueError("signed_at must carry a time zone")
        if self.version < 1:
            raise ValueError("an act's version starts at 1")
        if self.version > 1 and self.supersedes is None:
            raise ValueError("a corrected act (version > 1) must name the act it supersedes")
        if not self.signer_name.strip():
            raise ValueError("an act needs the signer's name")


# --- building ---------------------------------------------------------------------------------------------


def build_content(
    visit: Visit,
    meta: ActMeta,
    signature: Signature,
    refusal: str | None = None,
    seal: SealRecord | None = None,
) -> ActContent:
    """The act's content from the visit at the moment of signing, bound to the signature's SHA-256.

    With ``refusal`` the subscriber did not sign: the signature is empty and the reason is recorded. ``seal``
    names the device seal the act will carry.
    """
    brand = visit.brand
    zone = ZoneInfo(brand.timezone)
    items = act_items(visit)
    return ActContent(
        format=CONTENT_FORMAT,
        template=TEMPLATE_VERSION,
        act=ActHeader(
            id=str(meta.id),
            number=meta.number.strip(),
            version=meta.version,
            supersedes=meta.supersedes,
            title=ACT_TITLES[visit.kind],
        ),
        company=Company(name=brand.name, legal_name=brand.legal_name, city=brand.city, hotline=brand.hotline),
        signed_at=signed_at_record(meta.signed_at, zone, brand.timezone),
        visit=VisitRecord(id=str(visit.id), kind=visit.kind.value, kind_title=visit.definition.title),
        subscriber=SubscriberRecord(
            name=visit.subscriber.full_name,
            contract=visit.subscriber.contract,
            address=visit.subscriber.address,
        ),
        technician=TechnicianRecord(name=visit.technician.surname_name, role=visit.definition.role),
        services=[ServiceRecord(key=s.value, title=SERVICE_TITLES[s]) for s in Service if s in visit.services],
        items=items,
        materials=[material_record(material) for material in visit.materials],
        payment=payment_record(visit.payment) if visit.payment is not None else None,
        statement=statement_for(visit.kind, items),
        signer=Party(name=meta.signer_name.strip()),
        account_url=account_url(brand.account_url_template, visit.subscriber.contract),
        ink=InkRecord(
            sha256=ink_sha256(signature),
            strokes=len(signature.strokes),
            samples=signature.sample_count,
        ),
        refusal=refusal.strip() if refusal else None,
        photos=photo_records(visit, zone),
        devices=device_records(visit),
        seal=seal,
    )


def signed_at_record(moment: datetime, zone: ZoneInfo, zone_name: str) -> SignedAt:
    local = moment.astimezone(zone).replace(microsecond=0)
    utc = moment.astimezone(UTC).replace(microsecond=0)
    return SignedAt(local=local.isoformat(), utc=utc.isoformat().replace("+00:00", "Z"), zone=zone_name)


def act_items(visit: Visit) -> list[ItemRecord]:
    """Every item the visit showed up to and including the documents stage, in the standard's order."""
    checklist = visit.checklist
    return [
        item_record(entry, checklist.answer(entry.key))
        for entry in checklist.entries
        if visit.before_act(entry.stage) and checklist.is_shown(entry)
    ]


def item_record(entry: Entry, answer: Answer) -> ItemRecord:
    evidence = answer.evidence
    return ItemRecord(
        key=entry.key,
        stage=StageRecord(number=entry.stage.number, title=entry.stage.title),
        text=entry.item.text,
        result=answer.state.value,
        evidence=evidence_record(evidence),
        evidence_text=describe(evidence) if evidence is not None else "",
        reason=answer.reason,
    )


def evidence_record(evidence: Evidence | None) -> EvidenceRecord | None:
    if evidence is None or isinstance(evidence, Check):
        return None
    return EvidenceRecord(kind=_KIND_OF_CLASS[type(evidence)].value, data=to_json(evidence))


def material_record(material: Material) -> MaterialRecord:
    return MaterialRecord(
        code=material.code,
        name=material.name,
        quantity=decimal_text(material.quantity),
        unit=material.unit,
    )


def decimal_text(value: Decimal | float | int) -> str:
    """A quantity as a plain decimal string without exponent or trailing zeros: 12.5, 3, 0.25."""
    number = value if isinstance(value, Decimal) else Decimal(str(value))
    return format(number.normalize(), "f")


def payment_record(payment: Payment) -> PaymentRecord:
    return PaymentRecord(
        currency="RUB",
        lines=[
            PaymentLineRecord(
                description=line.description,
                quantity=line.quantity,
                unit_price=line.unit_price,
                amount=line.amount,
            )
            for line in payment.lines
        ],
        total=payment.total,
        received=payment.received,
        change=payment.change,
        credited=payment.credited,
        bso_number=payment.bso_number,
        bso_amount=payment.bso_amount,
    )


def statement_for(kind: VisitKind, items: list[ItemRecord]) -> str:
    if any(item["result"] == ItemState.FAILED.value for item in items):
        return STATEMENT_WITH_FAILURES
    return STATEMENT_COMPLETE[kind]


def account_url(template: str, contract: str) -> str:
    """The personal-account page for the QR code: the contract number is the only personal value in it."""
    return template.replace("{contract}", contract.strip())


# --- canonical form and hash --------------------------------------------------------------------------------


def canonical_json(content: Mapping[str, Any]) -> bytes:
    """Sorted keys, no whitespace, UTF-8 unescaped; refuses floats, whose text form is not canonical."""
    _refuse_floats(content, "content")
    return json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def content_sha256(content: Mapping[str, Any]) -> str:
    return sha256_hex(canonical_json(content))


def parse_content(data: bytes) -> dict[str, Any]:
    """Content read back from its canonical bytes; ValueError when they are not JSON of an act."""
    try:
        parsed = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ValueError(f"not UTF-8 JSON ({error})") from None
    if not isinstance(parsed, dict) or parsed.get("format") != CONTENT_FORMAT:
        raise ValueError(f"not act content in the format {CONTENT_FORMAT}")
    return parsed


def _refuse_floats(value: object, where: str) -> None:
    if isinstance(value, float):
        raise TypeError(f"{where} is a float ({value!r}); use integers or decimal strings in act content")
    if isinstance(value, Mapping):
        for key, child in value.items():
            _refuse_floats(child, f"{where}.{key}")
    elif isinstance(value, list | tuple):
        for index, child in enumerate(value):
            _refuse_floats(child, f"{where}[{index}]")
