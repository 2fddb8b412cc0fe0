"""The photos of an opened act in the office: read from the stored PDF itself (the evidence), full size on a tap."""

from __future__ import annotations

import io
import json
from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from fieldact.act.photo_records import photo_problems
from fieldact.ui.widgets.common import note
from fieldact.ui.widgets.photo_strip import photo_pixmap

THUMB = QSize(200, 150)
FULL_EDGE = 1600


@dataclass(frozen=True, slots=True)
class ActPhoto:
    caption: str
    taken_at: str
    sha256: str
    jpeg: bytes


def act_photos(pdf: bytes, content: str) -> tuple[list[ActPhoto], list[str]]:
    """The photos the act's content names, as embedded in its PDF, and what is wrong with them (if anything)."""
    from pypdf import PdfReader

    records = json.loads(content).get("photos") or []
    attachments = {name: data[0] for name, data in PdfReader(io.BytesIO(pdf)).attachments.items() if data}
    problems = photo_problems({"photos": records}, attachments)
    photos = [
        ActPhoto(record["caption"], record["taken_at"], record["sha256"], attachments[record["file"]])
        for record in records
        if record["file"] in attachments
    ]
    return photos, problems


class PhotosTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status = note(self.tr("No photos in this act."))
        self.thumbs = QListWidget()
        self.thumbs.setViewMode(QListWidget.ViewMode.IconMode)
        self.thumbs.setIconSize(THUMB)
        self.thumbs.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.thumbs.currentRowChanged.connect(self._show_full)
        self.full = QLabel()
        self.full.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scroll = QScrollArea()
        self.scroll.setWidget(self.full)
        self.scroll.setWidgetResizable(True)
        # The photo is fitted to the width and scrolls only up and down, as the act's pages do.
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.full_pixmap = QPixmap()
        # Fitted to the width by default, like the act's pages; the office zooms to the photo's own pixels to
        # read a label's serial number.
        self.actual_size = QPushButton(self.tr("Actual size"))
        self.actual_size.setCheckable(True)
        self.actual_size.setEnabled(False)
        self.actual_size.toggled.connect(self._zoom)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.thumbs)
        split.addWidget(self.scroll)
        split.setSizes([200, 600])
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.actual_size, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(split, 1)
        self.photos: list[ActPhoto] = []

    def show_photos(self, photos: list[ActPhoto], problems: list[str]) -> None:
        self.photos = photos
        self.thumbs.clear()
        self.full.clear()
        self.full_pixmap = QPixmap()
        # Fitted to the width by default, like the act's pages; the office zooms to the photo's own pixels to
        # read a label's serial number.
        self.actual_size = QPushButton(self.tr("Actual size"))
        self.actual_size.setCheckable(True)
        self.actual_size.setEnabled(False)
        self.actual_size.toggled.connect(self._zoom)
        for photo in photos:
            self.thumbs.addItem(
                QListWidgetItem(
                    QIcon(photo_pixmap(photo.jpeg, THUMB.width())), f"{photo.caption}\n{photo.taken_at[11:16]}"
                )
            )
        if problems:
            self.status.setObjectName("error")
            self.status.setText(" ".join(problems))
        else:
            self.status.setObjectName("note")
            self.status.setText(
                self.tr("{count} photo(s), each the one the act names by its SHA-256.").format(count=len(photos))
                if photos
                else self.tr("No photos in this act.")
            )
        if photos:
            self.thumbs.setCurrentRow(0)

    def _show_full(self, row: int) -> None:
        if 0 <= row < len(self.photos):
            self.full_pixmap = photo_pixmap(self.photos[row].jpeg, FULL_EDGE)
            self._fit()

    def _zoom(self, actual: bool) -> None:
        policy = Qt.ScrollBarPolicy.ScrollBarAsNeeded if actual else Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        self.scroll.setHorizontalScrollBarPolicy(policy)
        self._fit()

    def _fit(self) -> None:
        self.actual_size.setEnabled(not self.full_pixmap.isNull())
        if self.full_pixmap.isNull():
            return
        if self.actual_size.isChecked():
            self.full.setPixmap(self.full_pixmap)
            return
        width = max(self.scroll.viewport().width() - 2, 1)
        shown = (
            self.full_pixmap
            if self.full_pixmap.width() <= width
            else self.full_pixmap.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
        )
        self.full.setPixmap(shown)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit()
