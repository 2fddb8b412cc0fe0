"""Printing stored acts through the operating system's printing: the stored PDF pages as they are, each page drawn
by QPdfDocument at the printer's resolution onto the printer's page, several acts in one job."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, Qt
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget


def _document(pdf: bytes) -> tuple[QPdfDocument, QBuffer]:
    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    return document, buffer


def print_acts(pdfs: Sequence[bytes], printer: QPrinter) -> int:
    """Every page of every act onto ``printer`` in one job, scaled to fit the page keeping its proportions;
    returns the pages printed (0 when the printer could not start)."""
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    printed = 0
    try:
        for pdf in pdfs:
            document, _buffer = _document(pdf)
            for page in range(document.pageCount()):
                if printed:
                    printer.newPage()
                _draw_page(painter, printer, document, page)
                printed += 1
    finally:
        painter.end()
    return printed


def _draw_page(painter: QPainter, printer: QPrinter, document: QPdfDocument, page: int) -> None:
    area = printer.pageLayout().paintRectPixels(printer.resolution())
    points = document.pagePointSize(page)
    scale = min(area.width() / points.width(), area.height() / points.height())
    size = QSize(round(points.width() * scale), round(points.height() * scale))
    image = document.render(page, size)
    painter.drawImage(QRectF(0, 0, size.width(), size.height()), image)


def print_with_dialog(pdfs: Sequence[bytes], parent: QWidget | None = None, preview: bool = False) -> int:
    """The system print dialog (or the preview) for the acts; returns the pages sent to the printer."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    if preview:
        dialog = QPrintPreviewDialog(printer, parent)
        printed: list[int] = []
        dialog.paintRequested.connect(lambda target: printed.append(print_acts(pdfs, target)))
        dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        dialog.exec()
        return printed[-1] if printed else 0
    if QPrintDialog(printer, parent).exec() != QPrintDialog.DialogCode.Accepted:
        return 0
    return print_acts(pdfs, printer)
