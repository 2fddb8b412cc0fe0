"""After signing: the QR codes for the subscriber (his personal account, and his own copy of the act on the
central service), then the closing stage."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QScrollArea, QVBoxLayout, QWidget

from fieldact.act.content import account_url
from fieldact.store.open_visit import OpenVisit
from fieldact.text import InputError
from fieldact.ui.context import AppContext
from fieldact.ui.labels import kept_text
from fieldact.ui.rating_panel import RatingPanel
from fieldact.ui.widgets.common import big_button, clear_layout, heading, note, set_pixel_size
from fieldact.ui.widgets.item_row import ItemRow
from fieldact.ui.widgets.qr_view import QrView
from fieldact.ui.widgets.scripts import rendered_script
from fieldact.ui.widgets.touch import kinetic
from fieldact.visit import ItemState, Visit
from fieldact.visit.evidence import Evidence
from fieldact.visit.measures import standard_kept

QR_PORTRAIT = 260


class DoneScreen(QWidget):
    finished = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.visit: Visit | None = None
        self.current: OpenVisit | None = None
        self.signed = True
        self.kept = note("", "standardKept")
        self.rows: dict[str, ItemRow] = {}
        self.title = heading("")
        self.qr = QrView()
        self.qr.setMinimumSize(160, 160)
        self.copy_qr = QrView()  # its link is long and meant for the camera only: no text under it
        self.copy_qr.setMinimumSize(160, 160)
        self.copy_link = ""
        self.copy_caption = note(self.tr("Your copy of the act"))
        set_pixel_size(self.copy_caption, 22, bold=True)
        self.url = note("", "url")
        self.url.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.scan = note(self.tr("Scan the code with your phone's camera to open your personal account."))
        set_pixel_size(self.scan, 22, bold=True)
        self.hotline = note("")
        self.rating = RatingPanel(context)
        self.print_button = big_button(self.tr("Print a paper copy"), "quiet")
        self.print_button.clicked.connect(self.print_copy)
        set_pixel_size(self.hotline, 20)
        self.closing = QVBoxLayout()
        holder = QWidget()
        holder.setLayout(self.closing)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(holder)
        self.scroll = kinetic(scroll)
        self.finish = big_button(self.tr("Finish the visit"), "primary")
        self.finish.clicked.connect(self._finish)
        self.remaining = note("")
        account = QVBoxLayout()
        account.addWidget(self.scan)
        account.addWidget(self.qr, 1)
        account.addWidget(self.url)
        copy = QVBoxLayout()
        copy.addWidget(self.copy_caption)
        copy.addWidget(self.copy_qr, 1)
        self.copy_box = QWidget()
        self.copy_box.setLayout(copy)
        self.codes = codes = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        codes.addLayout(account, 1)
        codes.addWidget(self.copy_box, 1)
        left = QVBoxLayout()
        left.addLayout(codes, 1)
        left.addWidget(self.rating)
        left.addWidget(self.print_button)
        left.addWidget(self.hotline)
        left.addWidget(self.kept)
        right = QVBoxLayout()
        right.addWidget(scroll, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.remaining, 1)
        bottom.addWidget(self.finish)
        right.addLayout(bottom)
        self.middle = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.middle.addLayout(left, 2)
        self.middle.addLayout(right, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(self.middle, 1)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._arrange()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        # Arranged before it is first drawn too: left in the landscape arrangement until a resize, the screen
        # asked a portrait window for 830 px and the window grew past the tablet's screen.
        self._arrange()
        super().showEvent(event)

    def _arrange(self) -> None:
        """Portrait: the codes above, the closing list below them, both the screen's full width; landscape: the
        codes beside the closing list. The two codes stand side by side either way: one above the other they
        made the landscape screen taller than a 1280×800 tablet."""
        window = self.window()
        portrait = window.width() < window.height()
        self.middle.setDirection(QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight)
        self.middle.setStretch(0, 0 if portrait else 2)
        self.middle.setStretch(1, 1 if portrait else 3)
        side = QR_PORTRAIT if portrait else 170
        self.qr.setMinimumSize(side, side)
        self.copy_qr.setMinimumSize(side, side)

    def open(self, visit: Visit, number: str, signed: bool) -> None:
        self.visit, self.signed = visit, signed
        self.current = OpenVisit(self.context.store, visit, self.context.actor)
        url = account_url(visit.brand.account_url_template, visit.subscriber.contract)
        self.qr.set_data(url)
        self.url.setText(url)
        copy = visit.brand.act_copy
        from fieldact.service.client import copy_link  # loaded with the first done screen, not at start

        link = copy_link(self.context.store.database, str(visit.id), copy.url) if copy else None
        self.copy_box.setVisible(link is not None)
        self.copy_link = link or ""
        if link is not None:
            self.copy_qr.set_data(link)
        self.hotline.setText(self.tr("24-hour information centre: {phone}").format(phone=visit.brand.hotline))
        text = self.tr("Act {number} is signed. Thank you!") if signed else self.tr("Act {number}: refusal recorded.")
        self.title.setText(text.format(number=number))
        self.rating.setVisible(signed)
        self.rating.open(str(visit.id))
        self._fill_closing()

    def _fill_closing(self) -> None:
        assert self.visit is not None
        clear_layout(self.closing)
        self.rows.clear()
        stage = self.visit.stages[-1]
        self.closing.addWidget(heading(f"{stage.number}. {stage.title}", 2))
        now = self.context.now()
        # after a refusal no script thanks the subscriber for using the service
        scripts = {script.key: script for script in self.visit.scripts(stage) if self.signed or not script.only_signed}
        for entry in self.visit.checklist.in_stage(stage.key):
            boxes = [rendered_script(self.visit, scripts[key], now) for key in entry.item.script if key in scripts]
            row = ItemRow(entry, self.visit.checklist.answer(entry.key), True, boxes)
            row.answer_requested.connect(self._answer)
            self.rows[entry.key] = row
            self.closing.addWidget(row)
        if stage.wishes:
            self.closing.addWidget(note(self.tr("Wishes: ") + " · ".join(stage.wishes), "reminder"))
        self.closing.addStretch(1)
        self._refresh()

    def _answer(self, key: str, state: ItemState, evidence: Evidence | None, reason: str) -> None:
        """The closing stage comes after the act: its answers are kept on the visit, not in the frozen act."""
        assert self.current is not None
        try:
            answer = self.current.answer_closing(key, state, self.context.now(), evidence, reason)
        except InputError as error:
            self.rows[key].show_error(str(error))
            return
        self.rows[key].show_answer(answer)
        self._refresh()

    def _refresh(self) -> None:
        assert self.visit is not None
        open_items = len(self.visit.closing_blockers())
        self.remaining.setText(
            self.tr("Closing: {n} still open").format(n=open_items) if open_items else self.tr("Closing done.")
        )
        self.finish.setEnabled(not open_items)
        self._keep_summary()

    def _keep_summary(self) -> None:
        """The standard as measured, stored with the visit and shown to the technician (not on the act)."""
        assert self.visit is not None
        store, visit_id = self.context.store, str(self.visit.id)
        summary = standard_kept(
            self.visit, self.visit.brand.standard_tolerance_minutes, store.stage_completions(visit_id)
        )
        store.save_standard_kept(visit_id, summary, self.context.actor)
        self.kept.setText(kept_text(summary))

    def _finish(self) -> None:
        if self.visit is not None and not self.visit.closing_blockers():
            self.finished.emit()

    def print_copy(self) -> int:
        """The stored act, page for page, on the portable printer (the system's print dialog)."""
        from fieldact.store.acts import act_of_visit
        from fieldact.ui.act_printing import print_with_dialog

        act = act_of_visit(self.context.store, str(self.visit.id)) if self.visit is not None else None
        return print_with_dialog([act.pdf], self) if act is not None else 0
