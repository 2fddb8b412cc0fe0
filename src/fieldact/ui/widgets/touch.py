"""A finger moves what scrolls: kinetic scrolling for every scrolling surface, the focused field kept in view.

A scroller gesture is one per object, so the finger's gesture is grabbed on the scroll area and the mouse's
(a pen, a mouse, and touch that Windows turns into mouse events) on its viewport. A press is passed on at
once, so a button under the finger still reacts; once the content moves the scroller cancels that press.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QScrollArea,
    QScroller,
    QScrollerProperties,
    QWidget,
)

_OFF = QScrollerProperties.OvershootPolicy.OvershootAlwaysOff
FOCUS_MARGIN = 60


def _settings() -> dict[QScrollerProperties.ScrollMetric, object]:
    metric = QScrollerProperties.ScrollMetric
    return {
        metric.HorizontalOvershootPolicy: _OFF,
        metric.VerticalOvershootPolicy: _OFF,
        metric.OvershootDragResistanceFactor: 0.0,
        metric.OvershootScrollDistanceFactor: 0.0,
        metric.OvershootScrollTime: 0.0,
        metric.MousePressEventDelay: 0.0,
        metric.DragStartDistance: 0.003,  # metres: 3 mm of finger travel before the content moves
        metric.FrameRate: QScrollerProperties.FrameRates.Fps60,
    }


def kinetic(area: QAbstractScrollArea) -> QAbstractScrollArea:
    """Make ``area`` follow a finger and a dragged mouse, flicks included, without overshoot."""
    if isinstance(area, QAbstractItemView):
        area.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        area.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    viewport = area.viewport()
    QScroller.grabGesture(area, QScroller.ScrollerGestureType.TouchGesture)
    QScroller.grabGesture(viewport, QScroller.ScrollerGestureType.LeftMouseButtonGesture)
    for target in (area, viewport):
        scroller = QScroller.scroller(target)
        properties = scroller.scrollerProperties()
        for metric, value in _settings().items():
            properties.setScrollMetric(metric, value)
        scroller.setScrollerProperties(properties)
    return area


def scrolling_ancestor(widget: QWidget | None) -> QScrollArea | None:
    parent = widget.parentWidget() if widget is not None else None
    while parent is not None:
        if isinstance(parent, QScrollArea):
            return parent
        parent = parent.parentWidget()
    return None


class FocusKeeper(QObject):
    """The field that takes focus (a tap, a touch keyboard opening) is scrolled into view of its page."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        QApplication.instance().focusChanged.connect(self._focused)
        # the touch keyboard opening over a field that already has focus: keep that field in view again
        QGuiApplication.inputMethod().keyboardRectangleChanged.connect(self._keyboard_moved)

    def _keyboard_moved(self) -> None:
        self._focused(None, QApplication.focusWidget())

    def _focused(self, _old: QWidget | None, new: QWidget | None) -> None:
        area = scrolling_ancestor(new)
        if area is None or new is None:
            return
        # after the keyboard or a new layout has resized the page
        QTimer.singleShot(0, lambda: _show(area, new))


def _show(area: QScrollArea, widget: QWidget) -> None:
    try:
        if widget.isVisible() and area.isVisible():
            area.ensureWidgetVisible(widget, FOCUS_MARGIN, FOCUS_MARGIN)
    except RuntimeError:  # the page was rebuilt meanwhile and the widget deleted
        return
