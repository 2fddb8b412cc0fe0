"""Names of domain values as the interface shows them, translated."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from fieldact.standard import Service, VisitKind


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
