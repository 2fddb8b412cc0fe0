"""The subscriber's screen: only this act, a large pad, sign or refuse. Leaving needs the technician's PIN."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QProgressBar, QStackedWidget, QVBoxLayout, QWidget

from fieldact.act.content import act_items, statement_for
from fieldact.ink import Signature
from fieldact.text import language
from fieldact.ui.context import AppContext
from fieldact.ui.labels import service_name, state_name
from fieldact.ui.signature_pad import SignatureField
from fieldact.ui.widgets.common import big_button, card, heading, labelled, note, set_pixel_size
from fieldact.ui.widgets.pdf_viewer import PdfViewer
from fieldact.ui.widgets.touch import kinetic
from fieldact.visit import ItemState, Visit, format_rubles
from fieldact.visit.evidence import describe

SUBSCRIBER_TEXT_PX = 22  # for an older person without glasses
ZOOM_STEP = 1.25
MIN_ZOOM, MAX_ZOOM = 0.5, 4.0


class SigningScreen(QWidget):
    """Emits ``sign`` with the signature and signer's name, or ``refuse`` with a reason; ``leave`` asks for the PIN."""

    sign = Signal(object, str)
    refuse = Signal(str, str)
    leave = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.visit: Visit | None = None
        self.title = heading("")
        self.summary = note("", "subscriberText")
        set_pixel_size(self.summary, SUBSCRIBER_TEXT_PX)
        self.statement = note("", "statement")
        set_pixel_size(self.statement, SUBSCRIBER_TEXT_PX, bold=True)
        self.field = SignatureField()
        self.field.setMinimumHeight(300)
        self.signer = QLineEdit()
        self.signer.setPlaceholderText(self.tr("Your surname, first name and patronymic"))
        set_pixel_size(self.signer, SUBSCRIBER_TEXT_PX)
        self.message = note("", "error")
        set_pixel_size(self.message, SUBSCRIBER_TEXT_PX, bold=True)
        self.sign_button = big_button(self.tr("Sign the act"), "primary")
        self.sign_button.setMinimumHeight(72)
        self.refuse_button = big_button(self.tr("I refuse to sign"), "danger")
        self.refusal_reason = QLineEdit()
        self.refusal_reason.setPlaceholderText(self.tr("Why do you refuse? The technician records it"))
        self.confirm_refusal = big_button(self.tr("Record the refusal"), "danger")
        self.technician_button = big_button(self.tr("Technician"), "quiet")
        self.open_act = big_button(self.tr("Open the act"), "quiet")
        self.act_viewer = PdfViewer()
        kinetic(self.act_viewer.view)
        self.zoom_out = big_button("−", "quiet")
        self.zoom_in = big_button("+", "quiet")
        self.fit_width = big_button(self.tr("Fit the width"), "quiet")
        self.back_to_signing = big_button(self.tr("‹ Back to signing"), "primary")
        self.pages = QStackedWidget()
        self.pdf = b""
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setFormat(self.tr("Saving the signed act…"))
        self.progress.setTextVisible(True)
        self.progress.hide()
        self._layout()
        self._connect()

    def _layout(self) -> None:
        facts = card()
        facts_layout = QVBoxLayout(facts)
        facts_layout.addWidget(self.summary)
        facts_layout.addWidget(self.statement)
        actions = QHBoxLayout()
        actions.addWidget(self.refuse_button)
        actions.addStretch(1)
        actions.addWidget(self.sign_button)
        refusal = QHBoxLayout()
        refusal.addWidget(self.refusal_reason, 1)
        refusal.addWidget(self.confirm_refusal)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.open_act, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.technician_button, 0, Qt.AlignmentFlag.AlignTop)
        sign_page = QWidget()
        layout = QVBoxLayout(sign_page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(facts)
        layout.addWidget(self.field, 1)
        layout.addWidget(labelled(self.tr("Who signs: surname, first name, patronymic"), self.signer))
        layout.addWidget(self.message)
        layout.addLayout(refusal)
        layout.addLayout(actions)
        layout.addWidget(self.progress)
        act_page = QWidget()
        act_layout = QVBoxLayout(act_page)
        act_layout.setContentsMargins(0, 0, 0, 0)
        act_layout.addWidget(self.act_viewer, 1)
        controls = QHBoxLayout()
        controls.addWidget(self.zoom_out)
        controls.addWidget(self.zoom_in)
        controls.addWidget(self.fit_width)
        controls.addStretch(1)
        controls.addWidget(self.back_to_signing)
        act_layout.addLayout(controls)
        self.pages.addWidget(sign_page)
        self.pages.addWidget(act_page)
        outer = QVBoxLayout(self)
        outer.addWidget(self.pages)

    def _connect(self) -> None:
        self.sign_button.clicked.connect(self._sign)
        self.refuse_button.clicked.connect(self._ask_refusal)
        self.confirm_refusal.clicked.connect(self._refuse)
        self.technician_button.clicked.connect(self.leave)
        self.field.pad.changed.connect(self.message.clear)
        self.open_act.clicked.connect(self._show_act)
        self.back_to_signing.clicked.connect(lambda: self.pages.setCurrentIndex(0))
        self.zoom_in.clicked.connect(lambda: self._zoom(ZOOM_STEP))
        self.zoom_out.clicked.connect(lambda: self._zoom(1 / ZOOM_STEP))
        self.fit_width.clicked.connect(
            lambda: self.act_viewer.view.setZoomMode(self.act_viewer.view.ZoomMode.FitToWidth)
        )

    def _show_act(self) -> None:
        """The act he signs, read-only, large, fitted to the width; the signature waits meanwhile."""
        if not self.pdf:
            return
        if self.act_viewer.page_count() == 0:
            self.act_viewer.show_pdf(self.pdf)
        self.act_viewer.view.setZoomMode(self.act_viewer.view.ZoomMode.FitToWidth)
        self.pages.setCurrentIndex(1)

    def _zoom(self, factor: float) -> None:
        view = self.act_viewer.view
        current = view.zoomFactor()
        if view.zoomMode() is not view.ZoomMode.Custom:
            # the fitted width's factor, so the next step starts from what is on screen
            page = self.act_viewer.document.pagePointSize(0).width() or 595
            current = view.viewport().width() / (page * view.logicalDpiX() / 72)
        view.setZoomMode(view.ZoomMode.Custom)
        view.setZoomFactor(min(MAX_ZOOM, max(MIN_ZOOM, current * factor)))

    def open(self, visit: Visit, pdf: bytes = b"") -> None:
        """``pdf``: the act as the technician reviewed it, for the subscriber to open before signing."""
        self.visit = visit
        self.pdf = pdf
        self.act_viewer.document.close()
        self.open_act.setVisible(bool(pdf))
        self.pages.setCurrentIndex(0)
        self.field.pad.clear()
        self.message.clear()
        self.signer.setText(visit.subscriber.full_name)
        self.refusal_reason.clear()
        self.refusal_reason.hide()
        self.confirm_refusal.hide()
        self.set_busy(False)
        self.title.setText(self.tr("{name}, please check the work and sign").format(name=visit.subscriber.io))
        self.summary.setText(self._summary(visit))
        self.statement.setText(self._statement(visit))

    def _summary(self, visit: Visit) -> str:
        """What the subscriber signs for, in his words: the services, what was measured and shown with him,
        the materials, what was not done and why, the money."""
        services = ", ".join(service_name(s) for s in sorted(visit.services))
        lines = [
            self.tr("Address: {address}, contract {contract}").format(
                address=visit.subscriber.address, contract=visit.subscriber.contract
            ),
            self.tr("Services: {services}").format(services=services),
        ]
        shown = [
            describe(answer.evidence)
            for entry in visit.checklist.entries
            if visit.before_act(entry.stage)
            and (answer := visit.checklist.answer(entry.key)).state is ItemState.DONE
            and answer.evidence is not None
            and describe(answer.evidence)
        ]
        if shown:
            lines.append(self.tr("Checked with you: {facts}").format(facts="; ".join(shown)))
        if visit.materials:
            used = ", ".join(f"{m.name} {str(m.quantity).replace('.', ',')} {m.unit}" for m in visit.materials)
            lines.append(self.tr("Materials: {used}").format(used=used))
        failed = [
            f"{entry.item.text} ({visit.checklist.answer(entry.key).reason})"
            for entry in visit.checklist.entries
            if visit.before_act(entry.stage) and visit.checklist.answer(entry.key).state is ItemState.FAILED
        ]
        if failed:
            lines.append(f"{state_name(ItemState.FAILED)}: " + "; ".join(failed))
        if visit.payment is not None:
            lines.append(
                # the four figures add up: received = for services + change + to the account
                self.tr(
                    "Received {received}: for services {total}, change given {change}, to your personal account "
                    "{credited}"
                ).format(
                    received=format_rubles(visit.payment.received),
                    total=format_rubles(visit.payment.total),
                    change=format_rubles(visit.payment.change),
                    credited=format_rubles(visit.payment.credited),
                )
            )
        return "\n".join(lines)

    def _statement(self, visit: Visit) -> str:
        if language() != "ru":
            return self.tr("By signing you confirm the work above.")
        return statement_for(visit.kind, act_items(visit))

    def _sign(self) -> None:
        problem = self.field.pad.problem()
        if problem is not None:
            self.message.setText(problem.message(language()))
            return
        name = self.signer.text().strip()
        if len(name.split()) < 2:
            self.message.setText(self.tr("Write your surname and first name under the signature."))
            return
        signature: Signature = self.field.pad.signature()
        self.set_busy(True)
        self.sign.emit(signature, name)

    def _ask_refusal(self) -> None:
        self.refusal_reason.show()
        self.confirm_refusal.show()
        self.refusal_reason.setFocus()

    def _refuse(self) -> None:
        reason = self.refusal_reason.text().strip()
        if len(reason) < 3:
            self.message.setText(self.tr("Say why, in a few words."))
            return
        self.set_busy(True)
        self.refuse.emit(reason, self.signer.text().strip())

    def set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        for widget in (self.sign_button, self.refuse_button, self.confirm_refusal, self.field, self.technician_button):
            widget.setEnabled(not busy)

    def show_failure(self, sentence: str) -> None:
        self.set_busy(False)
        self.message.setText(sentence)
