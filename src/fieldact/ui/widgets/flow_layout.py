"""A layout that puts its widgets in rows and starts a new row when the next one does not fit.

A row is filled to the full width: what is left is shared among the stretchable widgets of the row, in
proportion to their preferred widths, up to ``MAX_GROWTH`` times each (a widget with a fixed horizontal policy
keeps its width); a row with nothing to stretch keeps to the right. Widgets sit on
the bottom of their row, so a button lines up with the inputs under their captions.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QSizePolicy, QWidget

MAX_GROWTH = 1.6  # a stretchable widget grows to at most this many times its preferred width


class FlowLayout(QLayout):
    def __init__(self, parent: QWidget | None = None, spacing: int = 12) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.setSpacing(spacing)
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt's name
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt's name
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt's name
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt's name
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt's name
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """All in one row."""
        shown = self._shown()
        margins = self.contentsMargins()
        width = sum(item.sizeHint().width() for item in shown) + self.spacing() * max(len(shown) - 1, 0)
        height = max((item.sizeHint().height() for item in shown), default=0)
        return QSize(width + margins.left() + margins.right(), height + margins.top() + margins.bottom())

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt's name
        """One widget a row: the widest decides."""
        size = QSize()
        for item in self._shown():
            size = size.expandedTo(item.minimumSize()).expandedTo(QSize(item.sizeHint().width(), 0))
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _shown(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _rows(self, width: int) -> list[list[QLayoutItem]]:
        rows: list[list[QLayoutItem]] = [[]]
        used = 0
        for item in self._shown():
            wanted = item.sizeHint().width()
            if rows[-1] and used + self.spacing() + wanted > width:
                rows.append([])
                used = 0
            used += (self.spacing() if rows[-1] else 0) + wanted
            rows[-1].append(item)
        return [row for row in rows if row]

    def _arrange(self, rect: QRect, move: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        y = area.y()
        for row in self._rows(area.width()):
            height = max(item.sizeHint().height() for item in row)
            if move:
                self._place_row(row, area.x(), y, area.width(), height)
            y += height + self.spacing()
        return y - self.spacing() - area.y() + margins.top() + margins.bottom() if y > area.y() else 0

    def _place_row(self, row: list[QLayoutItem], x: int, y: int, width: int, height: int) -> None:
        widths = [item.sizeHint().width() for item in row]
        spare = width - sum(widths) - self.spacing() * (len(row) - 1)
        stretchy = [n for n, item in enumerate(row) if _stretches(item)]
        if spare > 0 and stretchy:
            share = sum(widths[n] for n in stretchy)
            for n in stretchy:  # a short last row does not blow one field up across the screen
                widths[n] += min(spare * widths[n] // share, int(widths[n] * (MAX_GROWTH - 1)))
        elif spare > 0:
            x += spare  # nothing stretches: the row keeps to the right
        for item, item_width in zip(row, widths, strict=True):
            item_height = min(max(item.sizeHint().height(), item.minimumSize().height()), height)
            item.setGeometry(QRect(QPoint(x, y + height - item_height), QSize(min(item_width, width), item_height)))
            x += item_width + self.spacing()


def _stretches(item: QLayoutItem) -> bool:
    widget = item.widget()
    return widget is None or widget.sizePolicy().horizontalPolicy() != QSizePolicy.Policy.Fixed
