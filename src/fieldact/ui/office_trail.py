"""The visit's audit trail for the office: when, who, and what happened, in a sentence."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from fieldact.office.trail import TrailNames, event_details
from fieldact.standard import VisitKind
from fieldact.store.tables import AuditEvent
from fieldact.ui.labels import kind_name, state_name
from fieldact.ui.labels import status_name as visit_status_name
from fieldact.ui.widgets.common import set_pixel_size
from fieldact.visit import ItemState, VisitStatus
from fieldact.visit.payment import format_rubles

TRAIL_PIXEL_SIZE = 16


class AuditTrail(QTableWidget):
    """One row per event, oldest first; the sentence column wraps, so nothing scrolls sideways."""

    def __init__(self, zone: ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(0, 3, parent)
        self.zone = zone
        self.setHorizontalHeaderLabels([self.tr("When"), self.tr("Who"), self.tr("What happened")])
        set_pixel_size(self, TRAIL_PIXEL_SIZE)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)

    def show_events(self, events: list[AuditEvent], names: TrailNames) -> None:
        self.setRowCount(len(events))
        for row, event in enumerate(events):
            moment = _local(event.at, self.zone).strftime("%d.%m %H:%M:%S")
            texts = (moment, actor_name(event.actor), sentence(event.action, event_details(event), names))
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.setItem(row, column, item)

    def sentences(self) -> list[str]:
        return [self.item(row, 2).text() for row in range(self.rowCount())]


def actor_name(actor: str) -> str:
    """A person's name as recorded; the app's own and the office's entries in words."""
    names = {
        "system": QCoreApplication.translate("trail", "the app"),
        "office": QCoreApplication.translate("trail", "the office"),
    }
    return names.get(actor, actor)


def _local(moment: datetime, zone: ZoneInfo) -> datetime:
    if moment.tzinfo is None:  # SQLite gives the stored UTC moment back without its zone
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(zone)


def sentence(action: str, details: dict[str, Any], names: TrailNames) -> str:
    """What an audit event records, in words; an action this version does not know is shown as recorded."""
    build = _SENTENCES.get(action)
    if build is None:
        shown = ", ".join(f"{key}: {value}" for key, value in details.items())
        return action.replace("_", " ") + (f" ({shown})" if shown else "")
    text = build(details, names)
    reason = str(details.get("reason") or "").strip()
    return (
        f"{text}. " + QCoreApplication.translate("trail", "Reason: {reason}").format(reason=reason) if reason else text
    )


def _state(value: object) -> str:
    try:
        return state_name(ItemState(value))
    except ValueError:
        return str(value)


def _visit_created(details: dict[str, Any], names: TrailNames) -> str:
    try:
        return QCoreApplication.translate("trail", "Visit created: {kind}").format(
            kind=kind_name(VisitKind(details.get("kind"))).lower()
        )
    except ValueError:
        return QCoreApplication.translate("trail", "Visit created")


def _answer(details: dict[str, Any], names: TrailNames) -> str:
    item = names.item(str(details.get("item", "")))
    if details.get("state") == ItemState.PENDING.value:
        return QCoreApplication.translate("trail", "«{item}»: the mark was taken back").format(item=item)
    return QCoreApplication.translate("trail", "«{item}»: {state}").format(
        item=item, state=_state(details.get("state"))
    )


def _closing(details: dict[str, Any], names: TrailNames) -> str:
    item = names.item(str(details.get("item", "")))
    return QCoreApplication.translate("trail", "Closing, «{item}»: {state}").format(
        item=item, state=_state(details.get("state"))
    )


def _condition(details: dict[str, Any], names: TrailNames) -> str:
    key = str(details.get("condition", ""))
    answer = (
        QCoreApplication.translate("trail", "yes")
        if details.get("value")
        else QCoreApplication.translate("trail", "no")
    )
    return QCoreApplication.translate("trail", "«{question}» — {answer}").format(
        question=names.conditions.get(key, key), answer=answer
    )


def _stage(details: dict[str, Any], names: TrailNames) -> str:
    completed = details.get("completed")
    index = details.get("stage_index")
    opened = names.stage(index=index) if isinstance(index, int) else ""
    if completed:
        return QCoreApplication.translate("trail", "Stage «{done}» completed; now «{stage}»").format(
            done=names.stage(str(completed)), stage=opened
        )
    return QCoreApplication.translate("trail", "Stage «{stage}» opened").format(stage=opened)


def _payment(details: dict[str, Any], names: TrailNames) -> str:
    total, received = details.get("total"), details.get("received")
    if total is None:
        return QCoreApplication.translate("trail", "Payment removed")
    return QCoreApplication.translate("trail", "Payment: {total} due, {received} received").format(
        total=format_rubles(int(total)), received=format_rubles(int(received or 0))
    )


def _branch(details: dict[str, Any], names: TrailNames) -> str:
    key, outcome = str(details.get("branch", "")), str(details.get("outcome", ""))
    title = names.branches.get(key, key)
    if not outcome:
        return QCoreApplication.translate("trail", "Branch «{branch}»").format(branch=title)
    return QCoreApplication.translate("trail", "Branch «{branch}»: {outcome}").format(
        branch=title, outcome=names.outcomes.get((key, outcome), outcome)
    )


def _status(details: dict[str, Any], names: TrailNames) -> str:
    try:
        status = visit_status_name(VisitStatus(details.get("status")))
    except ValueError:
        status = str(details.get("status"))
    return QCoreApplication.translate("trail", "Visit status: {status}").format(status=status)


def _act(signed: bool):  # type: ignore[no-untyped-def]
    def build(details: dict[str, Any], names: TrailNames) -> str:
        number, version = details.get("number", ""), details.get("version", 1)
        if signed:
            return QCoreApplication.translate("trail", "Act {number} v{version} signed by the subscriber").format(
                number=number, version=version
            )
        return QCoreApplication.translate("trail", "The subscriber refused to sign act {number} v{version}").format(
            number=number, version=version
        )

    return build


def _time_of(value: object) -> str:
    try:
        return datetime.fromisoformat(str(value)).strftime("%H:%M")
    except ValueError:
        return str(value)


_SENTENCES = {
    "visit_created": _visit_created,
    "order_received": lambda d, n: QCoreApplication.translate("trail", "Order {request} received").format(
        request=d.get("request", "")
    ),
    "order_changed": lambda d, n: QCoreApplication.translate("trail", "Order {request} changed").format(
        request=d.get("request", "")
    ),
    "precall": lambda d, n: QCoreApplication.translate("trail", "Pre-call made"),
    "precall_missed": lambda d, n: QCoreApplication.translate("trail", "Pre-call not answered (try {attempt})").format(
        attempt=d.get("attempt", "")
    ),
    "expected_arrival": lambda d, n: QCoreApplication.translate("trail", "Expected arrival: {time}").format(
        time=_time_of(d.get("at"))
    ),
    "arrived": lambda d, n: QCoreApplication.translate("trail", "The technician arrived"),
    "answer": _answer,
    "closing": _closing,
    "condition": _condition,
    "stage": _stage,
    "material": lambda d, n: QCoreApplication.translate("trail", "Material added: {name}, {quantity}").format(
        name=d.get("name", ""), quantity=d.get("quantity", "")
    ),
    "material_removed": lambda d, n: QCoreApplication.translate("trail", "Material removed: {name}").format(
        name=d.get("name", "")
    ),
    "photo": lambda d, n: (
        QCoreApplication.translate("trail", "Photo retaken: «{item}»")
        if d.get("replaces")
        else QCoreApplication.translate("trail", "Photo taken: «{item}»")
    ).format(item=n.item(str(d.get("item", "")))),
    "photo_removed": lambda d, n: QCoreApplication.translate("trail", "Photo removed: «{item}»").format(
        item=n.item(str(d.get("item", "")))
    ),
    "device": lambda d, n: (
        QCoreApplication.translate("trail", "Device installed: {name} № {serial}")
        if d.get("what") == "installed"
        else QCoreApplication.translate("trail", "Device taken away: {name} № {serial}")
    ).format(name=n.device(str(d.get("type", ""))), serial=d.get("serial", "")),
    "device_removed": lambda d, n: QCoreApplication.translate("trail", "Device struck out: {name} № {serial}").format(
        name=n.device(str(d.get("type", ""))), serial=d.get("serial", "")
    ),
    "payment": _payment,
    "branch": _branch,
    "status": _status,
    "act_signed": _act(signed=True),
    "act_refused": _act(signed=False),
    "correction_started": lambda d, n: QCoreApplication.translate("trail", "Correction of the act started"),
    "standard_kept": lambda d, n: QCoreApplication.translate("trail", "Keeping of the standard measured"),
}
