"""The payment record of stage 5: lines, cash received, change, what goes to the account, the BSO number."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLineEdit, QListWidget, QSpinBox, QVBoxLayout, QWidget

from fieldact.store.open_visit import OpenVisit
from fieldact.text import InputError
from fieldact.ui.context import AppContext
from fieldact.ui.widgets.common import big_button, heading, labelled, note
from fieldact.ui.widgets.stepper import Stepper
from fieldact.ui.widgets.touch import kinetic
from fieldact.visit import PaymentLine, format_rubles, parse_rubles, settle

MONEY_HINTS = Qt.InputMethodHint.ImhFormattedNumbersOnly


class PaymentPanel(QFrame):
    def __init__(self, context: AppContext, current: OpenVisit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.context, self.current, self.visit = context, current, current.visit
        self.lines: list[PaymentLine] = list(self.visit.payment.lines) if self.visit.payment else []
        self.description = QLineEdit()
        self.description.setPlaceholderText(self.tr("e.g. connection, cable, router"))
        self.quantity = QSpinBox()
        self.quantity.setRange(1, 999)
        self.price = self._money(self.tr("e.g. 1500"))
        self.add_line = big_button(self.tr("Add line"))
        self.line_list = kinetic(QListWidget())
        self.line_list.setObjectName("paymentLines")
        self.line_list.setMaximumHeight(160)
        self.remove_line = big_button(self.tr("Remove selected line"), "quiet")
        self.received = self._money(self.tr("cash received, ₽"))
        self.change = self._money(self.tr("change given, ₽ (0 if none)"))
        self.bso = QLineEdit()
        self.bso.setPlaceholderText(self.tr("BSO series and number, as on the form"))
        self.summary = note("", "paymentSummary")
        self.message = note("", "error")
        self.save = big_button(self.tr("Save the payment"), "primary")
        self.saved = note("", "saved")
        self._layout()
        self._connect()
        self._show_saved()

    def _money(self, placeholder: str) -> QLineEdit:
        field = QLineEdit()
        field.setPlaceholderText(placeholder)
        field.setInputMethodHints(MONEY_HINTS)
        return field

    def _layout(self) -> None:
        # What the line is for takes a row of its own: beside the stepper and the price it was cut in portrait.
        line_row = QHBoxLayout()
        line_row.addWidget(labelled(self.tr("Quantity"), Stepper(self.quantity)))
        line_row.addWidget(labelled(self.tr("Price, ₽"), self.price), 1)
        line_row.addWidget(self.add_line, 0, Qt.AlignmentFlag.AlignBottom)
        money = QGridLayout()
        money.addWidget(note(self.tr("Received")), 0, 0)
        money.addWidget(self.received, 0, 1)
        money.addWidget(note(self.tr("Change given")), 1, 0)
        money.addWidget(self.change, 1, 1)
        money.addWidget(note(self.tr("BSO number")), 2, 0)
        money.addWidget(self.bso, 2, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Payment (strict-reporting receipt)"), 2))
        layout.addWidget(note(self.tr("Explain what the sum consists of before filling in the BSO."), "hint"))
        layout.addWidget(labelled(self.tr("What for"), self.description))
        layout.addLayout(line_row)
        layout.addWidget(self.line_list)
        layout.addWidget(self.remove_line, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addLayout(money)
        layout.addWidget(self.summary)
        layout.addWidget(self.message)
        layout.addWidget(self.save, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.saved)

    def _connect(self) -> None:
        self.add_line.clicked.connect(self._add_line)
        self.remove_line.clicked.connect(self._remove_line)
        for field in (self.received, self.change):
            field.textChanged.connect(self._update_summary)
        self.save.clicked.connect(self._save)

    def _add_line(self) -> None:
        try:
            line = PaymentLine(self.description.text().strip(), self.quantity.value(), parse_rubles(self.price.text()))
        except InputError as error:
            self.message.setText(str(error))
            return
        self.lines.append(line)
        self.description.clear()
        self.price.clear()
        self.quantity.setValue(1)
        self.message.clear()
        self._show_lines()

    def _remove_line(self) -> None:
        row = self.line_list.currentRow()
        if 0 <= row < len(self.lines):
            del self.lines[row]
            self._show_lines()

    def _show_lines(self) -> None:
        self.line_list.clear()
        for line in self.lines:
            price, amount = format_rubles(line.unit_price), format_rubles(line.amount)
            self.line_list.addItem(f"{line.description} × {line.quantity} — {price} = {amount}")
        self._update_summary()

    def _update_summary(self) -> None:
        total = sum(line.amount for line in self.lines)
        text = self.tr("Total due: {total}").format(total=format_rubles(total))
        try:
            received = parse_rubles(self.received.text()) if self.received.text().strip() else None
            change = parse_rubles(self.change.text()) if self.change.text().strip() else 0
        except InputError:
            received = None
        if received is not None and received >= total + change:
            credited = received - total - change
            text += " · " + self.tr("credited to the personal account: {sum}").format(sum=format_rubles(credited))
            if credited and not change:
                text += " · " + self.tr("no change: write the BSO for the whole {sum}").format(
                    sum=format_rubles(received)
                )
        self.summary.setText(text)

    def _save(self) -> None:
        try:
            received = parse_rubles(self.received.text())
            change = parse_rubles(self.change.text() or "0")
            payment = settle(tuple(self.lines), received, change, self.bso.text())
            self.current.save_payment(payment)
        except InputError as error:
            self.message.setText(str(error))
            return
        self.message.clear()
        self._show_saved()

    def _show_saved(self) -> None:
        payment = self.visit.payment
        if payment is None:
            self.saved.setText(self.tr("No payment recorded. Leave it so if the subscriber pays nothing at the visit."))
            return
        if not self.received.text():
            self.received.setText(format_rubles(payment.received).removesuffix(" ₽").replace("\u202f", ""))
            self.change.setText(format_rubles(payment.change).removesuffix(" ₽").replace("\u202f", ""))
            self.bso.setText(payment.bso_number)
            self._show_lines()
        self.saved.setText(
            self.tr(
                "Saved: total {total}, received {received}, change {change}, to the account {credited}, BSO {bso}"
            ).format(
                total=format_rubles(payment.total),
                received=format_rubles(payment.received),
                change=format_rubles(payment.change),
                credited=format_rubles(payment.credited),
                bso=payment.bso_number,
            )
        )
