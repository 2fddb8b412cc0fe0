"""A UI audit: what a technician or an office clerk would see wrong on a shown window, found by walking its widgets.

``audit(window, screen)`` fits a shown top-level widget to a screen, walks every visible widget and returns
findings, each with the widget's object path:

- ``cut``: a text wider or taller than the rect it is drawn in (labels, buttons, check boxes, combo boxes,
  tabs, header sections, the value of a date or spin box, a placeholder), or a widget cut off by its parent
  or by the window's edge (a button pushed off-screen). A label, button or tab that elides on purpose says so
  with the dynamic property ``elides`` set to true; nothing else may elide.
- ``window``: the window cannot shrink to the screen (its layouts want more than the screen has).
- ``scrollbar``: a visible horizontal scroll bar.
- ``target``: an interactive widget (button, input, check box, combo box, spin or date box, tab) narrower or
  lower than the size bar (48 logical px: at 150 % that is 72 physical px, ≈ 8–9 mm on a 10.1-inch
  1920×1200 panel).
- ``contrast``: a text/background pair under 4.5:1 (3:1 for large text: ≥ 24 px, or ≥ 18.66 px bold).
- ``english``: a word of an untranslated English string in the Russian UI.

Use::

    from .audit import SIZES, audit, report

    for screen in SIZES:
        findings = audit(window, screen, SHOTS / f"office-{screen.name}.png")
        assert not findings, report(findings)

How colours are resolved. The foreground is the widget's palette colour of its foreground role, in the colour
group of its state (disabled, active): Qt's style-sheet style folds each rule's ``color`` (``:disabled``
included) into the widget's palette when it polishes the widget, so after polishing the palette holds the
colour the stylesheet draws the text in; placeholders use ``PlaceholderText``, table cells their model's
``ForegroundRole`` or the view's ``Text``/``HighlightedText``. The background is what is actually painted
under the text, read from a rendering of the window: the most frequent colour of a grid of samples inside
the widget's contents rect. A transparent label on a white card gets the card's white, a button its
stylesheet fill, with no second implementation of the stylesheet cascade that could disagree with Qt's.

Scaling. Qt's scale factor (``QT_SCALE_FACTOR``) is fixed when the application starts, and a test session
shares one application; so a 150 % screen is emulated at the same logical size, physical / 1.5 (1920×1280 at
150 % is a 1280×853 logical window), which is all layouts, fonts and the size bar see. The screenshot is then
rendered at the physical size (device pixel ratio 1.5). In a process started with ``QT_SCALE_FACTOR=1.5`` the
widget's own device pixel ratio is already 1.5 and the same logical size results.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFontInfo, QFontMetrics, QImage, QPainter, QPalette, QPixmap
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QScrollBar,
    QSlider,
    QStyle,
    QStyleOptionButton,
    QStyleOptionComboBox,
    QTabBar,
    QTextEdit,
    QWidget,
)

TOLERANCE_PX = 1


@dataclass(frozen=True)
class Screen:
    """A screen to fit the window to: its physical pixels and its scale (1.5 for Windows' 150 %)."""

    name: str
    width: int
    height: int
    scale: float = 1.0

    def logical(self, ratio: float = 1.0) -> QSize:
        """The window's logical size; ``ratio`` is the device pixel ratio Qt already applies (QT_SCALE_FACTOR)."""
        emulated = self.scale / ratio
        return QSize(round(self.width / ratio / emulated), round(self.height / ratio / emulated))


SIZES = (
    Screen("1280x800", 1280, 800),
    Screen("800x1280", 800, 1280),
    Screen("1920x1280@150", 1920, 1280, 1.5),
    Screen("1280x1920@150", 1280, 1920, 1.5),
)


@dataclass(frozen=True)
class Bars:
    target_px: int = 48
    contrast: float = 4.5
    large_contrast: float = 3.0
    russian: bool = True
    # Latin words a Russian screen may show: formats, protocols, the brand's name, units.
    latin_allowed: frozenset[str] = frozenset(
        {"pdf", "zip", "csv", "xlsx", "xls", "excel", "sha", "qr", "pin", "wi", "fi", "wifi", "wi-fi", "tv", "ip",
         "id", "usb", "ru", "dom", "mbit", "mb", "gb", "ok", "sms", "lan", "wan", "onu", "ont", "gpon", "iptv",
         "https", "http",
         "shareman", "peers", "futuron"}  # the apps the standard names
    )  # fmt: skip


@dataclass(frozen=True)
class Finding:
    check: str
    path: str
    detail: str

    def __str__(self) -> str:
        return f"[{self.check}] {self.path}: {self.detail}"


@dataclass
class _Walk:
    window: QWidget
    bars: Bars
    image: QImage
    findings: list[Finding] = field(default_factory=list)
    pairs: set[tuple[int, str, str]] = field(default_factory=set)  # a table's colour pair is told once

    def add(self, check: str, widget: QWidget, detail: str) -> None:
        self.findings.append(Finding(check, object_path(widget), detail))


def fit(window: QWidget, screen: Screen, fill: bool = True) -> QSize:
    """Resize the shown window to the screen's logical size (``fill``), or keep its own size where the screen
    has room (a dialog), and let the layouts settle; returns the screen's logical size."""
    size = screen.logical(window.devicePixelRatioF())
    window.resize(size if fill else window.size().boundedTo(size))
    settle()
    return size


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()
        QTest.qWait(20)


def audit(
    window: QWidget,
    screen: Screen | None = None,
    shot: Path | None = None,
    bars: Bars | None = None,
    fill: bool = True,
) -> list[Finding]:
    """Fit ``window`` to ``screen`` (when given; see ``fit``), save a screenshot to ``shot`` and return what is
    wrong."""
    bars = bars or Bars()
    wanted = fit(window, screen, fill) if screen is not None else window.size()
    settle()
    walk = _Walk(window, bars, window.grab().toImage().convertToFormat(QImage.Format.Format_RGB32))
    if window.width() > wanted.width() + TOLERANCE_PX or window.height() > wanted.height() + TOLERANCE_PX:
        walk.add("window", window, f"needs {window.width()}×{window.height()}, the screen gives "
                                   f"{wanted.width()}×{wanted.height()}")  # fmt: skip
    for widget in visible_widgets(window):
        _check(walk, widget)
    if shot is not None:
        save_screenshot(window, shot, screen.scale / window.devicePixelRatioF() if screen else 1.0)
    return walk.findings


def save_screenshot(window: QWidget, path: Path, scale: float = 1.0) -> None:
    """The window at the screen's physical size: rendered with the screen's device pixel ratio."""
    path.parent.mkdir(parents=True, exist_ok=True)
    ratio = window.devicePixelRatioF() * scale
    pixmap = QPixmap(round(window.width() * ratio), round(window.height() * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(QColor("white"))
    painter = QPainter(pixmap)
    window.render(painter, QPoint(0, 0))
    painter.end()
    pixmap.save(str(path))


def report(findings: Iterable[Finding]) -> str:
    return "\n".join(str(finding) for finding in findings)


# --- walking -----------------------------------------------------------------------------------------------


def visible_widgets(window: QWidget) -> Iterator[QWidget]:
    """Every widget of the window that is shown; another window (a dialog and its widgets) is not walked."""
    for child in window.findChildren(QWidget):
        if child.window() is not window or not child.isVisibleTo(window) or child.width() <= 0 or child.height() <= 0:
            continue
        yield child


def object_path(widget: QWidget) -> str:
    """``OfficeWindow/ActsScreen/FilterBar.reset_button`` — the attribute that holds a widget, else its class
    with its object name or its index among siblings of its class."""
    parts: list[str] = []
    current: QWidget | None = widget
    while current is not None:
        parts.append(_segment(current))
        if current.isWindow():
            break
        current = current.parentWidget()
    return "/".join(reversed(parts))


def _segment(widget: QWidget) -> str:
    kind = type(widget).__name__
    parent = widget.parentWidget()
    holder = parent
    while holder is not None:  # the attribute of the nearest Python-made ancestor that keeps this widget
        for name, value in vars(holder).items():
            if value is widget:
                return f"{kind}.{name}"
        holder = None if holder.isWindow() else holder.parentWidget()
    if widget.objectName() and not widget.objectName().startswith("qt_"):
        return f"{kind}#{widget.objectName()}"
    if parent is None:
        return kind
    siblings = [c for c in parent.children() if type(c) is type(widget)]
    return kind if len(siblings) == 1 else f"{kind}[{siblings.index(widget)}]"


def _check(walk: _Walk, widget: QWidget) -> None:
    _check_cut_off(walk, widget)
    if isinstance(widget, QScrollBar):
        if widget.orientation() == Qt.Orientation.Horizontal:
            walk.add("scrollbar", _scroll_area(widget), "a horizontal scroll bar is shown")
        return
    if _is_target(widget):
        _check_target(walk, widget, widget.rect(), "")
    for text, rect, needed, foreground, large in _texts(widget):
        if needed is not None and not widget.property("elides"):
            if needed.width() > rect.width() + TOLERANCE_PX or needed.height() > rect.height() + TOLERANCE_PX:
                walk.add("cut", widget, f"«{_short(text)}» needs {needed.width()}×{needed.height()}, "
                                        f"has {rect.width()}×{rect.height()}")  # fmt: skip
        if foreground is not None:
            _check_contrast(walk, widget, text, rect, foreground, large)
        _check_language(walk, widget, text)
    if isinstance(widget, QTabBar):
        for index in range(widget.count()):
            if widget.isTabVisible(index):
                _check_target(walk, widget, widget.tabRect(index), f"tab «{_short(widget.tabText(index))}» ")
    if isinstance(widget, QAbstractItemView) and not isinstance(widget, QHeaderView):
        _check_cells(walk, widget)
    for text in (widget.toolTip(), widget.windowTitle() if widget is walk.window else ""):
        _check_language(walk, widget, text)


def _check_cut_off(walk: _Walk, widget: QWidget) -> None:
    """A widget must lie inside every ancestor up to the window; inside a scroll area's viewport it may be
    scrolled away (that is what the scroll area is for)."""
    if _internal(widget):
        return
    whole = QRect(widget.mapTo(walk.window, QPoint(0, 0)), widget.size())
    seen = QRect(whole)
    parent = widget.parentWidget()
    while parent is not None:
        holder = parent.parentWidget()
        if isinstance(holder, QAbstractScrollArea) and parent is holder.viewport():
            return
        seen = seen.intersected(QRect(parent.mapTo(walk.window, QPoint(0, 0)), parent.size()))
        if parent is walk.window:
            break
        parent = holder
    if seen.width() < whole.width() - TOLERANCE_PX or seen.height() < whole.height() - TOLERANCE_PX:
        walk.add("cut", widget, f"cut off: {seen.width()}×{seen.height()} of {whole.width()}×{whole.height()} shown")


def _scroll_area(bar: QScrollBar) -> QWidget:
    holder = bar.parentWidget()
    while holder is not None and not isinstance(holder, QAbstractScrollArea):
        holder = holder.parentWidget()
    return holder or bar


def _internal(widget: QWidget) -> bool:
    """Parts Qt builds inside a compound widget (a spin box's line edit, a table's corner button)."""
    holder = widget.parentWidget()
    while holder is not None and not holder.isWindow():
        if isinstance(
            holder, QAbstractSpinBox | QComboBox | QTabBar | QCalendarWidget | QScrollBar | QAbstractItemView
        ):
            return True
        holder = holder.parentWidget()
    return False


# --- size bar ----------------------------------------------------------------------------------------------

TARGETS = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QPlainTextEdit, QTextEdit, QSlider)


def _is_target(widget: QWidget) -> bool:
    if not isinstance(widget, TARGETS) or _internal(widget) or not widget.isEnabled():
        return False
    if isinstance(widget, QPlainTextEdit | QTextEdit) and widget.isReadOnly():
        return False
    return not (isinstance(widget, QLineEdit) and widget.isReadOnly())


def _check_target(walk: _Walk, widget: QWidget, rect: QRect, what: str) -> None:
    bar = walk.bars.target_px
    if rect.width() < bar or rect.height() < bar:
        walk.add("target", widget, f"{what}{rect.width()}×{rect.height()} is under the {bar} px bar")


# --- texts -------------------------------------------------------------------------------------------------


def _texts(widget: QWidget) -> Iterator[tuple[str, QRect, QSize | None, QColor | None, bool]]:
    """(text, rect it is drawn in, size it needs or None when not checked, its colour or None, large)."""
    group = QPalette.ColorGroup.Disabled if not widget.isEnabled() else QPalette.ColorGroup.Active
    palette = widget.palette()
    large = _large(widget)
    if isinstance(widget, QLabel):
        if widget.text() and widget.pixmap().isNull():
            yield (
                widget.text(),
                widget.contentsRect(),
                _label_needs(widget),
                palette.color(group, widget.foregroundRole()),
                large,
            )
    elif isinstance(widget, QPushButton | QCheckBox | QRadioButton):
        if widget.text():
            yield widget.text(), *_button_space(widget), palette.color(group, widget.foregroundRole()), large
    elif isinstance(widget, QComboBox):
        if widget.currentText():
            option = QStyleOptionComboBox()
            widget.initStyleOption(option)
            field_rect = widget.style().subControlRect(
                QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, widget
            )
            needed = _text_size(widget, widget.currentText()) if not widget.isEditable() else None
            yield widget.currentText(), field_rect, needed, palette.color(group, QPalette.ColorRole.ButtonText), large
    elif isinstance(widget, QLineEdit):
        yield from _line_edit_texts(widget, group, large)
    elif isinstance(widget, QPlainTextEdit | QTextEdit):
        if not widget.toPlainText() and widget.placeholderText():
            yield (
                widget.placeholderText(),
                widget.viewport().rect(),
                None,
                palette.color(group, QPalette.ColorRole.PlaceholderText),
                large,
            )
    elif isinstance(widget, QTabBar):
        for index in range(widget.count()):
            if widget.isTabVisible(index):
                text = widget.tabText(index)
                needed = _text_size(widget, text) + QSize(8, 0)
                color = widget.tabTextColor(index)
                if not color.isValid():
                    color = palette.color(group, widget.foregroundRole())
                yield text, widget.tabRect(index), needed, color, large
    elif isinstance(widget, QHeaderView):
        yield from _header_texts(widget, group, large)
    elif isinstance(widget, QProgressBar):
        if widget.isTextVisible() and widget.text():
            yield widget.text(), widget.rect(), None, palette.color(group, widget.foregroundRole()), large
    elif isinstance(widget, QGroupBox):
        if widget.title():
            yield widget.title(), widget.rect(), None, palette.color(group, widget.foregroundRole()), large


def _line_edit_texts(widget: QLineEdit, group: QPalette.ColorGroup, large: bool) -> Iterator:  # type: ignore[type-arg]
    palette = widget.palette()
    rect = widget.contentsRect()
    margins = widget.textMargins()
    rect = rect.adjusted(margins.left() + 2, margins.top(), -margins.right() - 2, -margins.bottom())
    if widget.text():
        owned = isinstance(widget.parentWidget(), QAbstractSpinBox | QComboBox)  # a value shown, not typed
        shown = widget.displayText()
        needed = _text_size(widget, shown) if owned else QSize(0, QFontMetrics(widget.font()).height())
        color = (
            widget.parentWidget().palette().color(group, QPalette.ColorRole.Text)
            if owned
            else palette.color(group, QPalette.ColorRole.Text)
        )
        yield shown, rect, needed, color, large
    elif widget.placeholderText():
        needed = _text_size(widget, widget.placeholderText())
        yield widget.placeholderText(), rect, needed, palette.color(group, QPalette.ColorRole.PlaceholderText), large


def _header_texts(widget: QHeaderView, group: QPalette.ColorGroup, large: bool) -> Iterator:  # type: ignore[type-arg]
    """Section titles: a title needs the section's own size hint (its text, the stylesheet's padding, the room
    for a sort arrow)."""
    model = widget.model()
    if model is None:
        return
    horizontal = widget.orientation() == Qt.Orientation.Horizontal
    for logical in range(widget.count()):
        if widget.isSectionHidden(logical):
            continue
        text = model.headerData(logical, widget.orientation(), Qt.ItemDataRole.DisplayRole)
        if not text:
            continue
        position, size = widget.sectionViewportPosition(logical), widget.sectionSize(logical)
        whole = QRect(position, 0, size, widget.height()) if horizontal else QRect(0, position, widget.width(), size)
        rect = whole.intersected(widget.rect())
        if rect.isEmpty():
            continue
        needed = None
        if horizontal and rect.width() == size:  # a section scrolled partly away is the scroll bar's finding
            needed = QSize(widget.sectionSizeHint(logical), 0)
        yield str(text), rect, needed, widget.palette().color(group, QPalette.ColorRole.ButtonText), large


def _label_needs(label: QLabel) -> QSize:
    """The label's own measure of the space its text wants, at its current width when it wraps."""
    margins = label.contentsMargins()
    extra_w = margins.left() + margins.right()
    extra_h = margins.top() + margins.bottom()
    if label.wordWrap():
        width = label.minimumSizeHint().width() - extra_w
        height = label.heightForWidth(label.width()) - extra_h
        return QSize(width, height)
    hint = label.sizeHint()
    return QSize(hint.width() - extra_w, hint.height() - extra_h)


def _button_space(button: QAbstractButton) -> tuple[QRect, QSize]:
    option = QStyleOptionButton()
    button.initStyleOption(option)
    element = (
        QStyle.SubElement.SE_PushButtonContents
        if isinstance(button, QPushButton)
        else QStyle.SubElement.SE_CheckBoxContents
        if isinstance(button, QCheckBox)
        else QStyle.SubElement.SE_RadioButtonContents
    )
    rect = button.style().subElementRect(element, option, button)
    needed = _text_size(button, button.text().replace("&&", "\0").replace("&", "").replace("\0", "&"))
    if not button.icon().isNull():
        needed += QSize(button.iconSize().width() + 4, 0)
    return rect, needed


def _text_size(widget: QWidget, text: str) -> QSize:
    metrics = QFontMetrics(widget.font())
    lines = text.split("\n")
    return QSize(max(metrics.horizontalAdvance(line) for line in lines), metrics.height() * len(lines))


def _large(widget: QWidget) -> bool:
    info = QFontInfo(widget.font())
    return info.pixelSize() >= 24 or (info.pixelSize() >= 18.66 and info.bold())


def _short(text: str, length: int = 50) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= length else flat[: length - 1] + "…"


# --- contrast ----------------------------------------------------------------------------------------------


def contrast_ratio(first: QColor, second: QColor) -> float:
    """WCAG 2 contrast ratio of two opaque colours."""
    high, low = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _luminance(color: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF()) + 0.0722 * channel(color.blueF())


def painted_background(image: QImage, rect: QRect) -> QColor | None:
    """The most frequent colour of a grid of samples inside ``rect`` (window coordinates)."""
    rect = rect.intersected(image.rect())
    if rect.width() < 2 or rect.height() < 2:
        return None
    counts: Counter[int] = Counter()
    steps_x, steps_y = min(rect.width(), 40), min(rect.height(), 12)
    for i in range(steps_x):
        x = rect.left() + (rect.width() - 1) * i // max(steps_x - 1, 1)
        for j in range(steps_y):
            y = rect.top() + (rect.height() - 1) * j // max(steps_y - 1, 1)
            counts[image.pixel(x, y) & 0xFFFFFF] += 1
    return QColor.fromRgb(counts.most_common(1)[0][0] | 0xFF000000)


def _blend(color: QColor, under: QColor) -> QColor:
    alpha = color.alphaF()
    if alpha >= 1.0:
        return color
    return QColor.fromRgbF(*(alpha * c + (1 - alpha) * u for c, u in zip(
        (color.redF(), color.greenF(), color.blueF()), (under.redF(), under.greenF(), under.blueF()), strict=True
    )))  # fmt: skip


def _check_contrast(walk: _Walk, widget: QWidget, text: str, rect: QRect, color: QColor, large: bool) -> None:
    if not text.strip():
        return
    shown = rect.intersected(widget.visibleRegion().boundingRect())  # scrolled out of view: nothing painted there
    origin = widget.mapTo(walk.window, QPoint(0, 0))
    background = painted_background(walk.image, shown.translated(origin))
    if background is None:
        return
    _compare(walk, widget, text, _blend(color, background), background, large)


def _compare(walk: _Walk, widget: QWidget, text: str, color: QColor, background: QColor, large: bool) -> None:
    bar = walk.bars.large_contrast if large else walk.bars.contrast
    ratio = contrast_ratio(color, background)
    pair = (id(widget), color.name(), background.name())
    if ratio < bar - 0.005 and pair not in walk.pairs:
        walk.pairs.add(pair)
        walk.add("contrast", widget, f"«{_short(text)}» {color.name()} on {background.name()} is {ratio:.2f}:1, "
                                     f"under {bar}:1")  # fmt: skip


def _check_cells(walk: _Walk, view: QAbstractItemView) -> None:
    """Cells drawn by the view: the model's colours, else the view's palette (polished with its stylesheet)."""
    model = view.model()
    if model is None:
        return
    palette = view.palette()
    group = QPalette.ColorGroup.Active if view.isEnabled() else QPalette.ColorGroup.Disabled
    large = _large(view)
    selection = view.selectionModel()
    alternating = view.alternatingRowColors()
    for row, column in _shown_cells(view):
        index = model.index(row, column, view.rootIndex())
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if text in (None, ""):
            continue
        selected = selection is not None and selection.isSelected(index)
        color = _role_color(index, Qt.ItemDataRole.ForegroundRole)
        if color is None or selected:
            role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
            color = palette.color(group, role)
        background = _role_color(index, Qt.ItemDataRole.BackgroundRole)
        if background is None or selected:
            if selected:
                background = palette.color(group, QPalette.ColorRole.Highlight)
            elif alternating and row % 2:
                background = palette.color(group, QPalette.ColorRole.AlternateBase)
            else:
                background = palette.color(group, QPalette.ColorRole.Base)
        _compare(walk, view, f"row {row + 1}: {text}", color, background, large)
        _check_language(walk, view, str(text))
        _check_cell_cut(walk, view, index, str(text))


def _check_cell_cut(walk: _Walk, view: QAbstractItemView, index: QModelIndex, text: str) -> None:
    """A cell may be cut (ending in "…", or wrapped past its height) only when its tooltip holds the whole."""
    if index.data(Qt.ItemDataRole.ToolTipRole):
        return
    margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    rect = view.visualRect(index)
    metrics = QFontMetrics(view.font())
    if view.wordWrap():
        room = QRect(0, 0, max(rect.width() - 2 * margin, 1), 100_000)
        needed = metrics.boundingRect(room, int(Qt.TextFlag.TextWordWrap), text).size()
        needed += QSize(2 * margin, 0)
    else:
        needed = QSize(metrics.horizontalAdvance(text) + 2 * margin, metrics.height())
    if needed.width() > rect.width() + TOLERANCE_PX or needed.height() > rect.height() + TOLERANCE_PX:
        walk.add("cut", view, f"cell «{_short(text)}» needs {needed.width()}×{needed.height()}, has "
                              f"{rect.width()}×{rect.height()}, and no tooltip")  # fmt: skip


def _shown_cells(view: QAbstractItemView, limit: int = 60) -> Iterator[tuple[int, int]]:
    model = view.model()
    viewport = view.viewport().rect()
    shown = 0
    columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(view.rootIndex())
    for row in range(model.rowCount(view.rootIndex())):
        for column in range(columns):
            rect = view.visualRect(model.index(row, column, view.rootIndex()))
            if rect.isValid() and rect.intersects(viewport):
                shown += 1
                yield row, column
        if shown >= limit:
            return


def _role_color(index: QModelIndex, role: Qt.ItemDataRole) -> QColor | None:
    value = index.data(role)
    if isinstance(value, QBrush):
        return value.color()
    if isinstance(value, QColor):
        return value
    if isinstance(value, Qt.GlobalColor | str):
        return QColor(value)
    return None


# --- language ----------------------------------------------------------------------------------------------

_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*[A-Za-z]")
_NOT_WORDS = re.compile(
    r"(\b[0-9a-fA-F]*[0-9][0-9a-fA-F]*\b|https?://\S+|www\.\S+|\S+@\S+|\S+\.(ru|com|net|org)\b|[A-Za-z]:\\\S*|/\S+)"
)
_CYRILLIC = re.compile(r"[А-Яа-яЁё]")


def english_words(text: str, bars: Bars) -> list[str]:
    """Latin words an English-speaking developer left: every Latin word of a text without Cyrillic, and the
    lower-case ones of a Russian text (a capitalised Latin word in a Russian sentence is a name: Visa,
    Shareman); names of formats and protocols, the brand's domain, hex digests and act numbers are not words."""
    cleaned = _NOT_WORDS.sub(" ", re.sub(r"<[^>]+>", " ", text))
    words = [w for w in _LATIN_WORD.findall(cleaned) if w.lower() not in bars.latin_allowed]
    words = [w for w in words if not (w.isupper() and len(w) <= 5)]
    if _CYRILLIC.search(cleaned):
        words = [w for w in words if w[0].islower()]
    return words


def _check_language(walk: _Walk, widget: QWidget, text: str) -> None:
    if not walk.bars.russian or not text:
        return
    words = english_words(text, walk.bars)
    if words:
        walk.add("english", widget, f"«{_short(text)}» is not translated ({', '.join(words[:4])})")
