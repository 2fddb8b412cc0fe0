"""The opened act: its stored PDF as signed, whether it checks out, the standard as measured, its photos, the audit
trail."""

from __future__ import annotations

import json
from dataclasses import dataclass

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from fieldact.office import queries
from fieldact.office.checks import check_act
from fieldact.office.queries import ActRow
from fieldact.office.trail import TrailNames, trail_names
from fieldact.standard import load_brand
from fieldact.store.sealing import seal_policy
from fieldact.store.tables import Act, AuditEvent
from fieldact.ui.labels import kept_text
from fieldact.ui.office_context import OfficeContext
from fieldact.ui.office_photos import ActPhoto, PhotosTab, act_photos
from fieldact.ui.office_trail import AuditTrail
from fieldact.ui.widgets.common import note
from fieldact.ui.widgets.pdf_viewer import PdfViewer
from fieldact.ui.worker import run_in_background

MIN_PANEL_WIDTH = 420


@dataclass(frozen=True)
class Loaded:
    """An opened act with what the panel shows beside it, read off the UI thread."""

    act: Act
    problems: list[str]
    trail: list[AuditEvent]
    names: TrailNames
    kept: dict[str, object]
    photos: list[ActPhoto]
    photo_problems: list[str]


def _signed_items(act: Act) -> list[dict[str, object]]:
    try:
        items = json.loads(act.content).get("items", [])
    except (ValueError, AttributeError):
        return []
    return [item for item in items if isinstance(item, dict)]


class ActPanel(QTabWidget):
    """The opened act: its stored PDF as it is, whether it checks out, and what happened on its visit."""

    def __init__(self, context: OfficeContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.act_id = ""
        self.check = note(self.tr("Choose an act in the list."))
        self.kept = note("", "standardKept")  # the standard as measured: for the office, not on the act
        self.viewer = PdfViewer()
        page = QWidget()
        column = QVBoxLayout(page)
        column.addWidget(self.check)
        column.addWidget(self.kept)
        column.addWidget(self.viewer, 1)
        self.trail = AuditTrail(context.zone)
        self.tabBar().setUsesScrollButtons(False)
        self.setMinimumWidth(MIN_PANEL_WIDTH)  # an A4 page stays readable
        self.photos = PhotosTab()
        self.addTab(page, self.tr("Act"))
        self.addTab(self.photos, self.tr("Photos"))
        self.addTab(self.trail, self.tr("Audit trail"))

    def open(self, row: ActRow) -> None:
        self.act_id = row.act_id
        self.check.setObjectName("note")
        self.check.setText(self.tr("Checking act {number}…").format(number=row.number))
        self._restyle()
        context, act_id = self.context, row.act_id
        run_in_background(
            lambda: self._load(context, act_id),
            self._show,
            lambda error: self._failed(act_id, error),
            owner=self,
        )

    @staticmethod
    def _load(context: OfficeContext, act_id: str) -> Loaded:
        database = context.database
        act = queries.load_act(database, act_id)
        trail = queries.audit_trail(database, act.visit_id)
        brand = load_brand()
        equipment = {kind.key: kind.name for kind in brand.equipment}
        names = trail_names(context.standard, trail, _signed_items(act), equipment)
        policy = seal_policy(database, brand)
        problems = check_act(act, context.checked, policy=policy)
        photos, photo_problems = act_photos(act.pdf, act.content)
        kept = queries.standard_kept(database, act.visit_id)
        return Loaded(act, problems, trail, names, kept, photos, photo_problems)

    def _show(self, loaded: Loaded) -> None:
        act, problems, kept = loaded.act, loaded.problems, loaded.kept
        if act.id != self.act_id:
            return  # another act was chosen meanwhile
        self.viewer.show_pdf(act.pdf)  # the stored bytes, exactly as signed; never rendered again
        if problems:
            self.check.setObjectName("error")
            self.check.setText(" ".join(problems))
        else:
            self.check.setObjectName("checkOk")
            self.check.setText(
                self.tr(
                    "Act {number} v{version}: the stored PDF and content are the ones signed (SHA-256 {digest}…)."
                ).format(number=act.number, version=act.version, digest=act.pdf_sha256[:16])
            )
        self.kept.setText(kept_text(kept) if kept else self.tr("The standard: not measured for this visit."))
        self._restyle()
        self.trail.show_events(loaded.trail, loaded.names)
        self.photos.show_photos(loaded.photos, loaded.photo_problems)

    def _failed(self, act_id: str, error: Exception) -> None:
        if act_id != self.act_id:
            return
        self.check.setObjectName("error")
        self.check.setText(
            self.tr(
                "The act could not be opened ({error}). Check the connection to the database and try again."
            ).format(error=type(error).__name__)
        )
        self._restyle()

    def _restyle(self) -> None:
        self.check.style().unpolish(self.check)
        self.check.style().polish(self.check)
