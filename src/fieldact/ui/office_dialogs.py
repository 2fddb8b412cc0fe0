"""Exporting acts and saving the materials report: chosen here, done off the UI thread, cancellable."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from fieldact.office.access import shown_source
from fieldact.office.export import ExportError, ExportReport, export_acts
from fieldact.office.materials import write_materials_report
from fieldact.office.queries import ActFilter
from fieldact.office.register import RegisterFormat
from fieldact.text import InputError
from fieldact.ui.office_context import OfficeContext
from fieldact.ui.widgets.common import big_button, heading, note
from fieldact.ui.widgets.date_input import DateInput
from fieldact.ui.worker import Job, Progress, run_in_background


class ExportDialog(QDialog):
    def __init__(self, context: OfficeContext, ids: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.ids = context, ids
        self.job: Job | None = None
        self.report: ExportReport | None = None
        self.setWindowTitle(self.tr("Export acts"))
        self.setModal(True)
        self.resize(760, 520)
        self.title = heading(self.tr("Export {count} act(s)").format(count=len(ids)), 2)
        self.explain = note(
            self.tr("Each act is checked against its hashes first; the PDFs are written as stored, with a manifest.")
        )
        self.target = QLineEdit()
        self.target.setPlaceholderText(self.tr("A folder, or a file ending in .zip"))
        self.choose_folder = big_button(self.tr("Folder…"), "quiet")
        self.choose_zip = big_button(self.tr("ZIP file…"), "quiet")
        self.choose_folder.clicked.connect(self._pick_folder)
        self.choose_zip.clicked.connect(self._pick_zip)
        self.register = QComboBox()
        self.register.addItem(self.tr("No register"), None)
        self.register.addItem(self.tr("Register as CSV (Excel)"), RegisterFormat.CSV)
        self.register.addItem(self.tr("Register as XLSX"), RegisterFormat.XLSX)
        self.register.setCurrentIndex(2)
        self.progress = QProgressBar()
        self.progress.setRange(0, max(len(ids), 1))
        self.progress.setValue(0)
        self.message = note("")
        self.problems = QPlainTextEdit()
        self.problems.setReadOnly(True)
        self.problems.hide()
        self.start = big_button(self.tr("Export"), "primary")
        self.cancel = big_button(self.tr("Cancel"), "danger")
        self.close_button = big_button(self.tr("Close"), "quiet")
        self.start.clicked.connect(self._start)
        self.cancel.clicked.connect(self._cancel)
        self.close_button.clicked.connect(self.close)
        self.cancel.hide()  # shown only while an export runs: a disabled red button would look like a live one
        self.start.setEnabled(bool(ids))
        self._layout()

    def _layout(self) -> None:
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("Where")), 0, 0)
        grid.addWidget(self.target, 0, 1)
        grid.addWidget(self.choose_folder, 0, 2)
        grid.addWidget(self.choose_zip, 0, 3)
        grid.addWidget(QLabel(self.tr("Register")), 1, 0)
        grid.addWidget(self.register, 1, 1)
        grid.setColumnStretch(1, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.close_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel)
        buttons.addWidget(self.start)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.explain)
        layout.addLayout(grid)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(self.problems, 1)
        layout.addStretch(0)
        layout.addLayout(buttons)

    def _pick_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Folder for the acts"))
        if chosen:
            self.target.setText(chosen)

    def _pick_zip(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("ZIP file for the acts"), "acts.zip", "ZIP (*.zip)")
        if chosen:
            self.target.setText(chosen if chosen.lower().endswith(".zip") else chosen + ".zip")

    def _start(self) -> None:
        text = self.target.text().strip()
        if not text:
            self.message.setObjectName("error")
            self.message.setText(self.tr("Choose a folder or a ZIP file to export to."))
            self._restyle()
            return
        chosen = self.register.currentData()  # a combo box gives the enum back as a plain string
        register = RegisterFormat(chosen) if chosen else None
        target, ids, database, checked = Path(text).expanduser(), self.ids, self.context.database, self.context.checked
        job = self.job = Job(self, self._progress)
        self.start.setEnabled(False)
        self.close_button.setEnabled(False)
        self.cancel.setEnabled(True)
        self.cancel.show()
        self.problems.hide()
        self.progress.setValue(0)
        self.progress.setFormat("%p%")
        self.message.setObjectName("note")
        self.message.setText(self.tr("Checking and writing the acts…"))
        self._restyle()
        job.start(
            lambda: export_acts(
                database,
                ids,
                target,
                register,
                checked,
                progress=job.report,
                should_stop=job.cancelled,
                source=shown_source(database),
            ),
            self._done,
            self._failed,
        )

    def _progress(self, progress: Progress) -> None:
        self.progress.setMaximum(max(progress.total, 1))
        self.progress.setValue(progress.done)
        self.progress.setFormat(self.tr("{done} of {total}").format(done=progress.done, total=progress.total))

    def _cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.cancel.setEnabled(False)
            self.message.setText(self.tr("Cancelling…"))

    def _done(self, report: ExportReport) -> None:
        self.report = report
        self._finished()
        if report.cancelled:
            self.progress.setValue(0)
            self.message.setText(self.tr("The export was cancelled: nothing was written."))
            return
        self.message.setObjectName("saved" if report.ok else "error")
        self.message.setText(report.summary())
        self._restyle()
        problems = [problem for refused in report.refused for problem in refused.problems]
        if problems:
            self.problems.setPlainText("\n".join(problems))
            self.problems.show()

    def _failed(self, error: Exception) -> None:
        self._finished()
        self.message.setObjectName("error")
        if isinstance(error, ExportError | InputError):
            self.message.setText(str(error))
        else:
            self.message.setText(
                self.tr(
                    "The export failed ({error}); nothing was left half written. Try again, or call support."
                ).format(error=type(error).__name__)
            )
        self._restyle()

    def _finished(self) -> None:
        self.job = None
        self.start.setEnabled(True)
        self.close_button.setEnabled(True)
        self.cancel.hide()

    def _restyle(self) -> None:
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)

    def reject(self) -> None:
        if self.job is None:  # while exporting, Esc and the window's close do nothing: cancel first
            super().reject()

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        if self.job is not None:
            event.ignore()
            return
        super().closeEvent(event)


class MaterialsDialog(QDialog):
    """The daily materials report for the dates and technician of the list's filter."""

    def __init__(
        self, context: OfficeContext, wanted: ActFilter, technician_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Materials report"))
        self.setModal(True)
        self.resize(700, 360)
        today = date.today()
        self.date_from = DateInput(wanted.date_from or today)
        self.date_to = DateInput(wanted.date_to or today)
        self.technician_id = wanted.technician_id
        self.target = QLineEdit()
        self.target.setPlaceholderText(self.tr("A file ending in .xlsx or .csv"))
        self.choose = big_button(self.tr("File…"), "quiet")
        self.choose.clicked.connect(self._pick)
        self.message = note("")
        self.save = big_button(self.tr("Save the report"), "primary")
        self.save.clicked.connect(self._save)
        self.close_button = big_button(self.tr("Close"), "quiet")
        self.close_button.clicked.connect(self.close)
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("From")), 0, 0)
        grid.addWidget(self.date_from, 0, 1)
        grid.addWidget(QLabel(self.tr("to")), 0, 2)
        grid.addWidget(self.date_to, 0, 3)
        grid.addWidget(QLabel(self.tr("File")), 1, 0)
        grid.addWidget(self.target, 1, 1, 1, 3)
        grid.addWidget(self.choose, 1, 4)
        grid.setColumnStretch(3, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.close_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Materials used, per technician per day"), 2))
        layout.addWidget(note(technician_name))
        layout.addLayout(grid)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addLayout(buttons)

    def _pick(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Materials report"), "materials.xlsx", "Excel (*.xlsx);;CSV (*.csv)"
        )
        if chosen:
            self.target.setText(chosen)

    def _save(self) -> None:
        text = self.target.text().strip()
        if not text:
            self.message.setObjectName("error")
            self.message.setText(self.tr("Choose the file for the report."))
            self.message.style().polish(self.message)
            return
        path, first, last = Path(text).expanduser(), self.date_from.value(), self.date_to.value()
        database, zone, technician = self.context.database, self.context.zone, self.technician_id
        self.save.setEnabled(False)
        run_in_background(
            lambda: write_materials_report(database, path, first, last, zone, technician), self._saved, self._failed
        )

    def _saved(self, lines: list) -> None:  # type: ignore[type-arg]
        self.save.setEnabled(True)
        self.message.setObjectName("saved")
        saved = self.tr("Saved: {path} ({count} line(s)).")
        self.message.setText(saved.format(path=self.target.text(), count=len(lines)))
        self.message.style().polish(self.message)

    def _failed(self, error: Exception) -> None:
        self.save.setEnabled(True)
        self.message.setObjectName("error")
        if isinstance(error, InputError):
            self.message.setText(str(error))
        else:
            self.message.setText(
                self.tr("The report could not be saved ({error}). Check the folder and try again.").format(
                    error=getattr(error, "strerror", None) or type(error).__name__
                )
            )
        self.message.style().polish(self.message)
