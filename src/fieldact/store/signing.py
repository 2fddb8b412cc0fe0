"""Signing a visit: the act content, its PDF and the store, in one step; also the preview and a refusal.

The PDF is rendered once, here, and stored; everything after (the screen, the office, exports) shows those
bytes and never renders the act again.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from fieldact.act.content import ActMeta, ActRef, build_content
from fieldact.act.pdf import render_pdf
from fieldact.act.photo_records import photo_files
from fieldact.act.signed import make_act
from fieldact.ink import CaptureContext, PointerType, Signature
from fieldact.store import tables
from fieldact.store.acts import NewAct, act_number, correction_of, store_act
from fieldact.store.repository import FrozenVisit, Store
from fieldact.store.sealing import store_sealer
from fieldact.text import InputError, say
from fieldact.visit import Visit, VisitStatus


def no_signature(at: datetime) -> Signature:
    """The empty signature of a preview or a refusal: no strokes, a nominal pad."""
    context = CaptureContext(1.0, 1.0, 1.0, 1.0, 1.0, frozenset({PointerType.TOUCH}), False, at.astimezone(UTC))
    return Signature(context, ())


def act_meta(store: Store, visit: Visit, at: datetime, signer_name: str) -> ActMeta:
    """Number and version: a correction continues the number of the act it supersedes."""
    visit_id = str(visit.id)
    correction = correction_of(store, visit_id)
    if correction is None:
        return ActMeta(act_number(visit_id, at), at, signer_name)
    number, version, superseded_id = correction
    return ActMeta(number, at, signer_name, version, supersedes=ActRef(id=superseded_id, number=number))


def preview_pdf(store: Store, visit_id: str, at: datetime) -> bytes:
    """The act as it will be signed, marked as a preview; not stored."""
    visit = store.load_visit(visit_id)
    signature = no_signature(at)
    content = build_content(visit, act_meta(store, visit, at, visit.subscriber.full_name), signature)
    return render_pdf(content, signature, preview=True, photos=photo_files(visit))


def _refuse_blocked(visit: Visit) -> None:
    if visit.status in (VisitStatus.RESCHEDULED, VisitStatus.CANCELLED):
        raise FrozenVisit(
            say(
                "Этот визит закрыт (перенесён или отменён) — акт по нему не подписывается.",
                "This visit is closed (rescheduled or cancelled); no act is signed for it.",
            )
        )
    blockers = visit.signing_blockers()
    if blockers:
        raise InputError(
            say(
                f"Акт пока нельзя подписать: {blockers[0].sentence}",
                f"The act cannot be signed yet: {blockers[0].sentence}",
            )
        )


def sign_visit(
    store: Store, visit_id: str, signature: Signature, signer_name: str, at: datetime, actor: str
) -> tables.Act:
    """Render and store the signed act in one transaction; the visit is frozen from then on."""
    visit = store.load_visit(visit_id)
    _refuse_blocked(visit)
    if signature.is_empty:
        raise InputError(say("Нет подписи — распишитесь, пожалуйста.", "There is no signature; please sign."))
    meta = act_meta(store, visit, at, signer_name)
    signed = make_act(
        build_content(visit, meta, signature),
        signature,
        sealer=store_sealer(store.database, store.brand),
        photos=photo_files(visit),
    )
    return _store(store, visit_id, meta, signed.pdf, signed.content_json, signed.ink, signed.ink_sha256, actor)


def refuse_visit(store: Store, visit_id: str, reason: str, signer_name: str, at: datetime, actor: str) -> tables.Act:
    """The subscriber refused to sign: an act recording the refusal and its reason, frozen like a signed one."""
    if len(reason.strip()) < 3:
        raise InputError(say("Укажите причину отказа.", "Give the reason for the refusal."))
    visit = store.load_visit(visit_id)
    _refuse_blocked(visit)
    meta = act_meta(store, visit, at, signer_name or visit.subscriber.full_name)
    signature = no_signature(at)
    signed = make_act(
        build_content(visit, meta, signature, refusal=reason),
        signature,
        sealer=store_sealer(store.database, store.brand),
        photos=photo_files(visit),
    )
    return _store(
        store, visit_id, meta, signed.pdf, signed.content_json, None, "", actor, outcome="refused", reason=reason
    )


def _store(
    store: Store,
    visit_id: str,
    meta: ActMeta,
    pdf: bytes,
    content: bytes,
    ink: bytes | None,
    ink_sha256: str,
    actor: str,
    outcome: str = "signed",
    reason: str = "",
) -> tables.Act:
    return store_act(
        store,
        NewAct(
            id=str(meta.id),
            number=meta.number,
            version=meta.version,
            visit_id=visit_id,
            signed_at=meta.signed_at,
            signer_name=meta.signer_name,
            pdf=pdf,
            content=content,
            ink=ink,
            ink_sha256=ink_sha256,
            supersedes_id=meta.supersedes["id"] if meta.supersedes else None,
            outcome=outcome,
            refusal_reason=reason.strip(),
        ),
        actor,
    )


def sign_demo_visit(store: Store, visit_id: str, finished_at: datetime) -> None:
    """A past demo visit done by the book and signed with a synthesized signature: real PDF, real hashes, and a
    trail with the times a real visit has (pre-call, arrival, each answer, each stage, payment, signature)."""
    from fieldact.act.sample import complete_up_to_signing, sample_signature
    from fieldact.store.devices import add_device
    from fieldact.store.photos import add_sample_photos
    from fieldact.visit import PaymentLine, settle
    from fieldact.visit.equipment import Device, DeviceAction

    visit = store.load_visit(visit_id)
    actor = visit.technician.surname_name
    complete_up_to_signing(visit)
    moments = demo_timeline(finished_at, len(visit.checklist.answers) + len(visit.definition.stages))
    precall_before = timedelta(minutes=visit.definition.precall_minutes_before)
    store.mark(visit_id, "precall_at", actor, at=moments[0] - precall_before)
    store.mark(visit_id, "arrived_at", actor, at=moments[0])
    evidence_at = moments[0] + timedelta(seconds=30)  # before the first answer, which may need a photo
    photos = add_sample_photos(store, visit_id, actor, at=evidence_at)
    if visit.kind.value == "connection" and any(kind.key == "router" for kind in store.brand.equipment):
        digits = visit_id.replace("-", "").upper()
        mac = ":".join(digits[i : i + 2] for i in range(0, 12, 2))
        router = Device(DeviceAction.INSTALLED, "router", "ZX" + digits[:10], mac)
        add_device(store, visit_id, router, actor, at=evidence_at + timedelta(seconds=5 * photos))
    step = iter(moments[1:])
    answered = visit.checklist.answers
    for number, stage in enumerate(visit.definition.stages):
        if not visit.before_act(stage):
            break
        for entry in visit.checklist.entries:
            if entry.stage.key == stage.key and entry.key in answered:
                store.save_answer(visit_id, entry.key, answered[entry.key], actor, at=next(step))
        if not stage.signing:
            store.set_stage(visit_id, number + 1, actor, completed=stage.key, at=next(step))
    if visit.kind.value == "connection":
        payment = settle((PaymentLine("Подключение услуг", 1, 100_000),), 100_000, 0, "АБ 0" + visit_id[:5].upper())
        store.save_payment(visit_id, payment, actor, at=finished_at - timedelta(minutes=4))
    sign_visit(
        store, visit_id, sample_signature(started_at=finished_at), visit.subscriber.full_name, finished_at, actor
    )


def demo_timeline(finished_at: datetime, steps: int) -> list[datetime]:
    """The arrival an hour before the signature, then ``steps`` moments up to five minutes before it, a little
    uneven as real work is (the same visit gets the same times every run)."""
    arrived = finished_at - timedelta(hours=1)
    span = (finished_at - timedelta(minutes=5) - arrived).total_seconds()
    moments = [arrived]
    for n in range(1, steps + 1):
        even = span * n / (steps + 1)
        moments.append(arrived + timedelta(seconds=round(even + (n * 37 % 41) - 20)))
    return moments
