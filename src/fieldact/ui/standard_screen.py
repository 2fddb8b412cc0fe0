"""The standard browser: each stage of a visit kind with its scripts filled in and its checklist.

Trainers use it to rehearse the words; the visit screens build on the same rendering.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from fieldact.standard import Brand, Service, Stage, Standard, VisitKind
from fieldact.standard.schema import Item, Requirement
from fieldact.ui.labels import kind_name, service_name
from fieldact.ui.widgets.common import big_button
from fieldact.ui.widgets.flow_layout import FlowLayout
from fieldact.ui.widgets.touch import kinetic
from fieldact.visit import Plan, Subscriber, Technician
from fieldact.visit.scripts import ScriptContext, ScriptValueMissing, render_script, render_title

SAMPLE_SUBSCRIBER = Subscriber("Иванов", "Иван", "Петрович")
SAMPLE_TECHNICIAN = Technician("Петров", "Пётр")
SAMPLE_REQUEST = "1234567"


class StandardScreen(QWidget):
    """Reachable from the sign-in screen without a PIN: the standard holds no subscriber's data."""

    back = Signal()

    def __init__(self, standard: Standard, brand: Brand, now: datetime | None = None) -> None:
        super().__init__()
        self.standard, self.brand = standard, brand
        self.now = now or datetime.now(ZoneInfo(brand.timezone))
        self.setWindowTitle(self.tr("Service standard"))
        self.kind_box = QComboBox()
        for kind in standard.kinds:
            self.kind_box.addItem(kind_name(kind), kind)
        self.service_boxes = {service: QCheckBox(service_name(service)) for service in Service}
        self.stage_list = kinetic(QListWidget())
        self.stage_list.setObjectName("stageRail")
        self.stage_list.setWordWrap(True)
        self.stage_list.setMaximumWidth(360)
        # long stage titles wrap within the rail: it never scrolls sideways
        self.stage_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.stage_list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.back_button = big_button(self.tr("‹ Back"), "quiet")
        self.back_button.clicked.connect(self.back)
        self.body = QLabel()
        self.body.setObjectName("stageBody")
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self._layout()
        self._connect()
        self._fill_stages()

    def _layout(self) -> None:
        top_row = QWidget()
        top = FlowLayout(top_row)  # the kind and the services wrap onto a second row on a narrow portrait screen
        top.addWidget(self.back_button)
        top.addWidget(self.kind_box)
        for box in self.service_boxes.values():
            box.setChecked(True)
            top.addWidget(box)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.body)
        kinetic(scroll)
        middle = QHBoxLayout()
        middle.addWidget(self.stage_list, 1)
        middle.addWidget(scroll, 3)
        root = QVBoxLayout(self)
        root.addWidget(top_row)
        root.addLayout(middle, 1)

    def _connect(self) -> None:
        self.kind_box.currentIndexChanged.connect(self._fill_stages)
        for box in self.service_boxes.values():
            box.toggled.connect(self._show_stage)
        self.stage_list.currentRowChanged.connect(self._show_stage)

    @property
    def kind(self) -> VisitKind:
        return VisitKind(self.kind_box.currentData())

    @property
    def services(self) -> frozenset[Service]:
        return frozenset(service for service, box in self.service_boxes.items() if box.isChecked())

    def _fill_stages(self) -> None:
        self.stage_list.clear()
        for stage in self.standard.kind(self.kind).stages:
            self.stage_list.addItem(f"{stage.number}. {stage.title}")
        self.stage_list.addItem(self.tr("General rules"))
        self.stage_list.setCurrentRow(0)

    def _show_stage(self) -> None:
        row = self.stage_list.currentRow()
        if row < 0:
            return
        stages = self.standard.kind(self.kind).stages
        self.body.setText(self._stage_html(stages[row]) if row < len(stages) else self._rules_html())

    def _rules_html(self) -> str:
        """The general rules: all day, at the start of the day, before leaving."""
        groups = (
            ("always", self.tr("All day")),
            ("start_of_day", self.tr("At the start of the day")),
            ("before_leaving", self.tr("Before leaving for the addresses")),
        )
        parts = [f"<h2>{self.tr('General rules')}</h2>"]
        for when, title in groups:
            rules = [rule.text for rule in self.standard.day_rules if rule.when == when]
            if rules:
                parts.append(f"<h3>{title}</h3><ul>" + "".join(f"<li>{text}</li>" for text in rules) + "</ul>")
        return "".join(parts)

    def _context(self) -> ScriptContext:
        definition = self.standard.kind(self.kind)
        plan = Plan(self.now.replace(minute=0, second=0, microsecond=0))
        return ScriptContext(
            self.brand, definition, self.now, SAMPLE_SUBSCRIBER, SAMPLE_TECHNICIAN, plan, SAMPLE_REQUEST, self.now
        )

    def _stage_html(self, stage: Stage) -> str:
        context = self._context()
        parts = [f"<h2>{stage.number}. {stage.title}</h2>"]
        parts += [f"<p class='goal'>{goal}</p>" for goal in stage.goals]
        for script in stage.scripts:
            if not self.services.intersection(script.services):
                continue
            try:
                text = render_script(script, context, self.standard)
            except ScriptValueMissing as error:
                text = str(error)
            title = render_title(script, context, self.standard)
            parts.append(f"<h3>{title}</h3><p style='font-size:22px'>«{text}»</p>")
        items = [item for item in stage.items if item.applies_to(self.services)]
        if items:
            checklist = self.tr("Checklist")
            parts.append(f"<h3>{checklist}</h3><ul>")
            for item in items:
                mark = "" if item.requirement is Requirement.REQUIRED else f" <i>({self._requirement(item)})</i>"
                parts.append(f"<li>{item.text}{mark}</li>")
            parts.append("</ul>")
        for title, lines in ((self.tr("Phrases"), stage.phrases), (self.tr("Wishes"), stage.wishes)):
            if lines:
                parts.append(f"<h3>{title}</h3><p>" + " · ".join(lines) + "</p>")
        return "".join(parts)

    def _requirement(self, item: Item) -> str:
        if item.requirement is Requirement.OPTIONAL:
            return self.tr("when it applies")
        condition = next(c for c in self.standard.conditions if c.key == item.condition)
        return self.tr("if: {question}").format(question=condition.question)
