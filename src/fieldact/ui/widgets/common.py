"""Small building blocks shared by the screens."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

SCRIPT_PIXEL_SIZE = 21
CAPTION_PIXEL_SIZE = 16
BOLD_NOTES = {"error", "saved", "itemState", "blockers", "todo", "cardStatus", "fieldLabel", "pickedTime"}


def set_pixel_size(widget: QWidget, pixels: int, bold: bool = False) -> None:
    """Font size set in code, not in the stylesheet: a wrapped label measures its height with the font it has
    before the stylesheet is applied, and would be clipped."""
    font = widget.font()
    font.setPixelSize(pixels)
    font.setBold(bold)
    widget.setFont(font)


def big_button(text: str, role: str = "", parent: QWidget | None = None) -> QPushButton:
    """A touch target: at least 56 px high; ``role`` picks a style (primary, danger, quiet)."""
    button = QPushButton(text, parent)
    button.setMinimumHeight(56)
    button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
    if role:
        button.setProperty("role", role)
    return button


def restyle(widget: QWidget, name: str, value: object) -> None:
    """Set a property the stylesheet selects on, and have the widget drawn with its new rule."""
    if widget.property(name) == value:
        return
    widget.setProperty(name, value)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def heading(text: str, level: int = 1) -> QLabel:
    label = QLabel(text)
    label.setObjectName(f"heading{level}")
    label.setWordWrap(True)
    set_pixel_size(label, 28 if level == 1 else 22, bold=True)
    return label


def note(text: str, name: str = "note") -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    if name in BOLD_NOTES:  # bold in code, not in the stylesheet: the wrapped height is measured right
        font = label.font()
        font.setBold(True)
        label.setFont(font)
    return label


def script_box(title: str, text: str) -> QFrame:
    """The words to say, set apart: a QLabel with padding in a stylesheet gets its wrapped height wrong,
    so the frame carries the border and margins and the label only the text."""
    frame = QFrame()
    frame.setObjectName("scriptBox")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(18, 10, 14, 12)
    layout.setSpacing(4)
    if title:
        layout.addWidget(note(title, "scriptTitle"))
    words = QLabel(f"«{text}»")
    words.setObjectName("script")
    words.setWordWrap(True)
    set_pixel_size(words, SCRIPT_PIXEL_SIZE)
    layout.addWidget(words)
    return frame


def labelled(text: str, field: QWidget, stretch: bool = False) -> QWidget:
    """A field with its label above it: a placeholder inside the field is only an example, gone when typing."""
    box = QWidget()
    box.setObjectName("labelledField")
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(4)
    label = note(text, "fieldLabel")
    label.setBuddy(field)
    layout.addWidget(label)
    layout.addWidget(field)
    if stretch:
        layout.addStretch(1)
    return box


def card() -> QFrame:
    frame = QFrame()
    frame.setObjectName("card")
    return frame


def clear_layout(layout) -> None:  # type: ignore[no-untyped-def]
    """Remove and delete every widget and sub-layout of a layout."""
    while layout.count():
        child = layout.takeAt(0)
        if child.widget() is not None:
            child.widget().hide()  # deleteLater waits for the event loop; hidden now, it is not painted meanwhile
            child.widget().deleteLater()
        elif child.layout() is not None:
            clear_layout(child.layout())


def captioned(caption: str, field: QWidget) -> QWidget:
    """A field with its caption above it: the caption stays when the field has text (a placeholder does not)."""
    box = QWidget()
    label = QLabel(caption)
    label.setObjectName("caption")
    set_pixel_size(label, CAPTION_PIXEL_SIZE)
    label.setBuddy(field)
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(4)
    column.addWidget(label)
    column.addWidget(field)
    box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
    return box


class RowCheckBox(QCheckBox):
    """A check box that answers a tap anywhere on its row, not only on the box or its words."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def hitButton(self, pos: QPoint) -> bool:  # noqa: N802
        return self.rect().contains(pos)


class OptionRow(QWidget):
    """A check box or radio button whose words wrap (a long sentence never widens the page), answering a tap
    anywhere on the row."""

    def __init__(self, button: QCheckBox | QRadioButton, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.button = button
        self.setObjectName("optionRow")
        button.setText("")
        button.setAccessibleName(text)
        self.label = note(text, "optionText")
        self.label.setBuddy(button)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 4, 0, 4)
        row.setSpacing(12)
        row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.label, 1)
        self.setMinimumHeight(48)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self.isEnabled() and self.rect().contains(event.position().toPoint()):
            self.button.click()
        super().mouseReleaseEvent(event)
