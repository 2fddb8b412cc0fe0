"""The service standard as data: schema, loader and validation errors naming file and key."""

from fieldact.standard.loader import StandardError, load_brand, load_standard
from fieldact.standard.schema import (
    ALL_SERVICES,
    Branch,
    Brand,
    EvidenceKind,
    Item,
    Kind,
    Requirement,
    Script,
    Service,
    Stage,
    Standard,
    VisitKind,
)

__all__ = [
    "ALL_SERVICES",
    "Branch",
    "Brand",
    "EvidenceKind",
    "Item",
    "Kind",
    "Requirement",
    "Script",
    "Service",
    "Stage",
    "Standard",
    "StandardError",
    "VisitKind",
    "load_brand",
    "load_standard",
]
