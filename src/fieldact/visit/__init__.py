"""The visit engine: stages, checklist, evidence, scripts, greeting and payment. Pure Python."""

from fieldact.visit.checklist import Answer, Blocker, Checklist, Entry, ItemState
from fieldact.visit.clock import Plan, greeting_for, precall_moment, reschedule_contact
from fieldact.visit.payment import Payment, PaymentLine, format_rubles, parse_rubles, settle
from fieldact.visit.people import Subscriber, Technician, subscriber_from_name, technician_from_name
from fieldact.visit.scripts import ScriptContext, ScriptValueMissing, render, render_script
from fieldact.visit.visit import BranchRecord, Material, Visit, VisitStatus

__all__ = [
    "Answer",
    "Blocker",
    "BranchRecord",
    "Checklist",
    "Entry",
    "ItemState",
    "Material",
    "Payment",
    "PaymentLine",
    "Plan",
    "ScriptContext",
    "ScriptValueMissing",
    "Subscriber",
    "Technician",
    "Visit",
    "VisitStatus",
    "format_rubles",
    "greeting_for",
    "parse_rubles",
    "precall_moment",
    "render",
    "render_script",
    "reschedule_contact",
    "settle",
    "subscriber_from_name",
    "technician_from_name",
]
