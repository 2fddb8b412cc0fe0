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


def state_name(state: ItemState) -> str:
    names = {
        ItemState.PENDING: QCoreApplication.translate("labels", "not marked"),
        ItemState.DONE: QCoreApplication.translate("labels", "done"),
        ItemState.NOT_APPLICABLE: QCoreApplication.translate("labels", "not applicable"),
        ItemState.FAILED: QCoreApplication.translate("labels", "not done"),
    }
    return names[state]
