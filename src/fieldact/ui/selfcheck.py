"""The Qt half of ``fieldact self-check``: the application starts with its style and translation, an act renders
in the app's PDF viewer and as a page image, and the QR code the screen shows is drawn. No window is shown."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt, qVersion
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QApplication

from fieldact.ui.app import create_application
from fieldact.ui.i18n import install_qt_translation, install_translation
from fieldact.ui.theme import STYLE


class QtCheckFailed(RuntimeError):
    """A Qt part of the installation does not work; the message says which."""


@dataclass(frozen=True, slots=True)
class GrayImage:
    """8-bit grayscale pixels, ``stride`` bytes a row."""

    data: bytes
    width: int
    height: int
    stride: int


def qt_version() -> str:
    """The Qt library the app runs on (not the version PySide6 was built against)."""
    return qVersion()


def start_application(language: str) -> str:
    """The app's QApplication with its style sheet and translation; what was loaded, or QtCheckFailed."""
    app = create_application(language)
    if not app.styleSheet().strip():
        raise QtCheckFailed("the style sheet styles/app.qss is empty or was not applied")
    if language != "en" and not install_translation(app, language):
        raise QtCheckFailed(f"the translation i18n/fieldact_{language}.qm did not load")
    if language != "en" and not install_qt_translation(app, language):
        raise QtCheckFailed(f"Qt's own texts qtbase_{language}.qm did not load")
    return (
        f"Qt {QApplication.platformName()} platform, {app.style().name() or STYLE}, style sheet, translation {language}"
    )


def render_pages(pdf: bytes, dpi: int = 200) -> list[GrayImage]:
    """Every page of the act as QtPdf renders it (the class the app's viewer uses), on white paper."""
    document = QPdfDocument(None)
    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready or document.pageCount() < 1:
        raise QtCheckFailed(f"QtPdf cannot open the act ({document.error().name})")
    pages = [_render(document, index, dpi) for index in range(document.pageCount())]
    document.close()
    return pages


def _render(document: QPdfDocument, index: int, dpi: int) -> GrayImage:
    points = document.pagePointSize(index)
    size = QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi))
    rendered = document.render(index, size)
    if rendered.isNull():
        raise QtCheckFailed(f"QtPdf rendered page {index + 1} empty")
    # QtPdf leaves unpainted paper transparent; a reader needs it white.
    page = QImage(size, QImage.Format.Format_RGB32)
    page.fill(Qt.GlobalColor.white)
    painter = QPainter(page)
    painter.drawImage(0, 0, rendered)
    painter.end()
    return _gray(page)


def viewer_pages(pdf: bytes) -> int:
    """How many pages the app's PDF viewer (QtPdfWidgets) shows for the act, without showing it."""
    from fieldact.ui.widgets.pdf_viewer import PdfViewer

    viewer = PdfViewer()
    viewer.show_pdf(pdf)
    pages = viewer.page_count()
    viewer.deleteLater()
    return pages


def screen_qr(text: str, side: int = 360) -> GrayImage:
    """The QR code as the signing screen paints it, grabbed from a widget that is never shown."""
    from fieldact.ui.widgets.qr_view import QrView

    view = QrView()
    view.set_data(text)
    view.resize(side, side)
    image = view.grab().toImage()
    view.deleteLater()
    return _gray(image)


def _gray(image: QImage) -> GrayImage:
    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    return GrayImage(bytes(gray.constBits()), gray.width(), gray.height(), gray.bytesPerLine())
