"""Photos of one checklist item: the camera, the photos taken so far, retake and remove.

Each picture is made into evidence (upright, 1,600 px, stamped, hashed) off the UI thread and stored through
the open visit the moment it is ready: a photo the screen shows is a photo the database keeps.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QFrame, QHBoxLayout, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from fieldact.photo import Photo, Stamp, process_bytes, process_image
from fieldact.store.open_visit import OpenVisit
from fieldact.text import InputError
from fieldact.ui.capture import CaptureView, Frame
from fieldact.ui.context import AppContext
from fieldact.ui.widgets.common import big_button, heading, note
from fieldact.ui.widgets.photo_strip import photo_pixmap
from fieldact.ui.worker import run_in_background

THUMB = QSize(160, 120)


@dataclass(frozen=True, slots=True)
class PhotosChanged:
    key: str
    count: int


class PhotoScreen(QFrame):
    """Covers the visit screen while open; ``closed`` says how many photos the item has now."""

    changed = Signal(object)  # PhotosChanged
    closed = Signal(object)  # PhotosChanged

    def __init__(self, context: AppContext, current: OpenVisit, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("photoScreen")
        self.setAutoFillBackground(True)
        self.context, self.current, self.key = context, current, key
        self.entry = current.visit.checklist.entry(key)
        rule = self.entry.item.photos
        self.limit = rule.max if rule else 0
        self.busy = False
        self.camera = CaptureView()
        self.camera.taken.connect(self._taken)
        self.camera.failed.connect(self._show_error)
        self.thumbs = QListWidget()
        self.thumbs.setObjectName("photoThumbs")
        self.thumbs.setViewMode(QListWidget.ViewMode.IconMode)
        self.thumbs.setIconSize(THUMB)
        self.thumbs.setFlow(QListWidget.Flow.LeftToRight)
        self.thumbs.setWrapping(False)
        self.thumbs.setFixedHeight(THUMB.height() + 40)
        self.thumbs.itemSelectionChanged.connect(self._selection_changed)
        self.count_label = note("", "hint")
        self.message = note("", "error")
        self.message.hide()
        self.retake = big_button(self.tr("Retake selected"), "quiet")
        self.remove = big_button(self.tr("Remove selected"), "quiet")
        self.done = big_button(self.tr("Done"), "primary")
        self.retake.setCheckable(True)
        self.remove.clicked.connect(self._remove)
        self.done.clicked.connect(self.close_screen)
        self._layout(rule.caption if rule else self.entry.item.text)
        self._show_photos()

    def _layout(self, caption: str) -> None:
        tools = QHBoxLayout()
        tools.addWidget(self.count_label, 1)
        tools.addWidget(self.retake)
        tools.addWidget(self.remove)
        tools.addWidget(self.done)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(heading(caption))
        layout.addWidget(note(self.entry.item.text, "hint"))
        layout.addWidget(self.camera, 1)
        layout.addWidget(self.thumbs)
        layout.addWidget(self.message)
        layout.addLayout(tools)

    # --- taking a photo --------------------------------------------------------------------------------------

    def _taken(self, frame: Frame) -> None:
        if self.busy:
            return
        replaces = self._selected_id() if self.retake.isChecked() else None
        if replaces is None and self.thumbs.count() >= self.limit:
            self._show_error(
                self.tr('This item takes at most {most} photos. Select one and press "Retake selected".').format(
                    most=self.limit
                )
            )
            return
        self.busy = True
        self.message.hide()
        stamp = self.current.stamp(self.key, self.context.now())
        run_in_background(lambda: _processed(frame, stamp), lambda photo: self._store(photo, replaces), self._failed)

    def _store(self, photo: Photo, replaces: str | None) -> None:
        self.busy = False
        try:
            self.current.add_photo(self.key, photo, replaces)
        except InputError as error:
            self._show_error(str(error))
            return
        self.retake.setChecked(False)
        self._show_photos()
        self.changed.emit(PhotosChanged(self.key, self.thumbs.count()))

    def _failed(self, error: Exception) -> None:
        self.busy = False
        self._show_error(str(error) if isinstance(error, InputError) else self.tr("The photo could not be saved."))

    def _remove(self) -> None:
        photo_id = self._selected_id()
        if photo_id is None:
            return
        try:
            self.current.remove_photo(photo_id)
        except InputError as error:
            self._show_error(str(error))
            return
        self._show_photos()
        self.changed.emit(PhotosChanged(self.key, self.thumbs.count()))

    # --- showing ----------------------------------------------------------------------------------------------

    def _show_photos(self) -> None:
        self.thumbs.clear()
        for photo in self.current.photos(self.key):
            item = QListWidgetItem(
                QIcon(photo_pixmap(photo.jpeg, THUMB.width())),
                photo.taken_at.astimezone(self.context.zone).strftime("%H:%M"),
            )
            item.setData(Qt.ItemDataRole.UserRole, photo.id)
            self.thumbs.addItem(item)
        self.count_label.setText(
            self.tr("Photos: {count} of at most {most}").format(count=self.thumbs.count(), most=self.limit)
        )
        self._selection_changed()

    def _selected_id(self) -> str | None:
        items = self.thumbs.selectedItems()
        return str(items[0].data(Qt.ItemDataRole.UserRole)) if items else None

    def _selection_changed(self) -> None:
        selected = self._selected_id() is not None
        self.retake.setEnabled(selected)
        self.remove.setEnabled(selected)
        if not selected:
            self.retake.setChecked(False)

    def _show_error(self, sentence: str) -> None:
        self.message.setText(sentence)
        self.message.show()

    def close_screen(self) -> None:
        self.camera.stop()
        self.hide()
        self.closed.emit(PhotosChanged(self.key, self.thumbs.count()))
        self.deleteLater()


def _processed(frame: Frame, stamp: Stamp) -> Photo:
    if frame.file_bytes is not None:
        return process_bytes(frame.file_bytes, stamp)
    assert frame.image is not None
    return process_image(frame.image, stamp)
