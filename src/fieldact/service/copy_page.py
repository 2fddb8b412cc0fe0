"""The subscriber's copy of his act: a small page and the PDF, found by the unguessable token of the QR
«Ваш экземпляр акта» on the done screen. Before the technician's tablet has synced, the page says the act will
appear after that sync; after the brand's period it says the link has expired. An unknown token gets the same
"not yet" page as one not yet synced, so a guess learns nothing."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from html import escape
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Engine, text

from fieldact.service.exchange import as_technician, token_digest


@dataclass(frozen=True, slots=True)
class ActCopy:
    act_id: str
    number: str
    version: int
    signed_at: datetime
    signer_name: str
    outcome: str
    content: dict[str, Any]
    registered_at: datetime | None
    pdf: bytes


def find_copy(engine: Engine, token: str) -> ActCopy | None:
    if not 16 <= len(token) <= 64:
        return None
    with engine.begin() as connection:
        link = connection.execute(
            text("SELECT act_id, technician_id FROM act_copy_link WHERE token_sha256 = :h"), {"h": token_digest(token)}
        ).first()
        if link is None:
            return None
        as_technician(connection, link.technician_id)
        row = connection.execute(
            text(
                "SELECT a.id, a.number, a.version, a.signed_at, a.signer_name, a.outcome, a.content, a.pdf, "
                "r.registered_at FROM act a LEFT JOIN registry r ON r.act_id = a.id WHERE a.id = :a"
            ),
            {"a": link.act_id},
        ).first()
    if row is None:
        return None
    return ActCopy(
        row.id, row.number, row.version, row.signed_at, row.signer_name, row.outcome, json.loads(row.content),
        row.registered_at, bytes(row.pdf),
    )  # fmt: skip


def expired(copy: ActCopy, days: int, now: datetime | None = None) -> bool:
    return (now or datetime.now(UTC)) > copy.signed_at + timedelta(days=days)


STYLE = (
    "body{font-family:sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#222}"
    "h1{font-size:1.4rem}dt{font-weight:bold;margin-top:.6rem}a.button{display:inline-block;margin-top:1.2rem;"
    "padding:.8rem 1.4rem;background:#1565c0;color:#fff;border-radius:.4rem;text-decoration:none}"
)


def _page(title: str, body: str) -> str:
    return (
        f'<!doctype html><html lang="ru"><head><meta charset="utf-8"><meta name="viewport" '
        f'content="width=device-width,initial-scale=1"><title>{escape(title)}</title><style>{STYLE}</style>'
        f"</head><body><h1>{escape(title)}</h1>{body}</body></html>"
    )


def not_yet_page() -> str:
    return _page(
        "Ваш экземпляр акта",
        "<p>Акт появится здесь после следующей синхронизации планшета техника — обычно в течение дня. "
        "Откройте эту ссылку позже.</p>",
    )


def expired_page(days: int) -> str:
    return _page(
        "Ваш экземпляр акта",
        f"<p>Срок этой ссылки истёк: акт доступен по ней {days} дней после подписания. Копию акта можно "
        "запросить по телефону горячей линии.</p>",
    )


def _money(kopecks: int) -> str:
    return f"{kopecks // 100:,}".replace(",", " ") + f",{kopecks % 100:02d} ₽"


def copy_page(copy: ActCopy, token: str, zone: str) -> str:
    content = copy.content
    when = copy.signed_at.astimezone(ZoneInfo(zone))
    technician = content.get("technician", {}).get("name", "")
    services = ", ".join(service.get("title", "") for service in content.get("services", []))
    payment = content.get("payment")
    signed = (
        f"подписан абонентом {escape(copy.signer_name)}"
        if copy.outcome == "signed"
        else f"абонент {escape(copy.signer_name)} отказался подписать: {escape(str(content.get('refusal') or ''))}"
    )
    rows = [
        ("Акт", f"№ {escape(copy.number)}" + (f", версия {copy.version}" if copy.version > 1 else "")),
        ("Когда", f"{when:%d.%m.%Y %H:%M} ({escape(zone)})"),
        ("Подпись", signed),
        ("Техник", escape(technician)),
        ("Работы", escape(services) or "—"),
        ("Оплата", _money(int(payment["total"])) if isinstance(payment, dict) and "total" in payment else "—"),
    ]
    if copy.registered_at is not None:
        rows.append(("В реестре компании", f"{copy.registered_at.astimezone(ZoneInfo(zone)):%d.%m.%Y %H:%M}"))
    listed = "".join(f"<dt>{name}</dt><dd>{value}</dd>" for name, value in rows)
    return _page(
        "Ваш экземпляр акта",
        f'<dl>{listed}</dl><a class="button" id="download" href="/copy/{escape(token)}/act.pdf" download>'
        "Скачать акт (PDF)</a><p>Подлинность файла проверяет команда <code>fieldact verify</code> компании.</p>",
    )
