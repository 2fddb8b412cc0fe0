"""Names of domain values as the interface shows them, translated."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from fieldact.standard import Service, VisitKind
from fieldact.visit import ItemState, VisitStatus


def service_name(service: Service) -> str:
    names = {
        Service.TV: QCoreApplication.translate("labels", "TV"),
        Service.INTERNET: QCoreApplication.translate("labels", "Internet"),
        Service.PHONE: QCoreApplication.translate("labels", "Phone"),
    }
    return names[service]


def kind_name(kind: VisitKind) -> str:
    names = {
        VisitKind.CONNECTION: QCoreApplication.translate("labels", "Connection"),
        VisitKind.SERVICE: QCoreApplication.translate("labels", "Service"),
    }
    return names[kind]


def status_name(status: VisitStatus) -> str:
    names = {
        VisitStatus.PLANNED: QCoreApplication.translate("labels", "planned"),
        VisitStatus.IN_PROGRESS: QCoreApplication.translate("labels", "in progress"),
        VisitStatus.AWAITING_SIGNATURE: QCoreApplication.translate("labels", "awaiting signature"),
        VisitStatus.SIGNED: QCoreApplication.translate("labels", "signed"),
        VisitStatus.REFUSED: QCoreApplication.translate("labels", "refused to sign"),
        VisitStatus.RESCHEDULED: QCoreApplication.translate("labels", "rescheduled"),
        VisitStatus.CANCELLED: QCoreApplication.translate("labels", "cancelled"),
    }
    return names[status]


# the act's colours (fieldact.act.pdf.RESULT_COLORS), also in resources/styles/app.qss
STATE_COLORS = {
    ItemState.PENDING: "#966400",
    ItemState.DONE: "#19783c",
    ItemState.NOT_APPLICABLE: "#6c757d",
    ItemState.FAILED: "#b02020",
}


def state_name(state: ItemState) -> str:
    names = {
        ItemState.PENDING: QCoreApplication.translate("labels", "not marked"),
        ItemState.DONE: QCoreApplication.translate("labels", "done"),
        ItemState.NOT_APPLICABLE: QCoreApplication.translate("labels", "not applicable"),
        ItemState.FAILED: QCoreApplication.translate("labels", "not done"),
    }
    return names[state]


def kept_text(summary: dict[str, object]) -> str:
    """The "standard kept" summary in words, for the technician and the office."""
    yes, no = "✓", "✗"
    late = summary.get("arrival_late_minutes")
    arrival = (
        QCoreApplication.translate("labels", "arrival on time")
        if summary.get("arrival_on_time")
        else QCoreApplication.translate("labels", "arrival late by {n} min").format(n=late)
        if late
        else QCoreApplication.translate("labels", "arrival not recorded")
    )
    parts = [
        f"{yes if summary.get('precall_on_time') else no} " + QCoreApplication.translate("labels", "pre-call on time"),
        f"{yes if summary.get('arrival_on_time') else no} " + arrival,
        f"{yes if summary.get('required_done') else no} " + QCoreApplication.translate("labels", "required items done"),
        f"{yes if summary.get('closing_done') else no} " + QCoreApplication.translate("labels", "closing done"),
    ]
    minutes = summary.get("stage_minutes")
    if isinstance(minutes, dict) and minutes:
        parts.append(
            QCoreApplication.translate("labels", "Minutes per stage: {minutes}").format(
                minutes=" · ".join(str(value) for value in minutes.values())
            )
        )
    return QCoreApplication.translate("labels", "The standard:") + "\n" + "\n".join(parts)
