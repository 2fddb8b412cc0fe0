"""The office window: behind the office password, the acts with their filters, the viewer and the exports."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import QSize, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from fieldact.office import password
from fieldact.resources import resource_path
from fieldact.text import InputError
from fieldact.ui.office_acts import ActsScreen
from fieldact.ui.office_context import OfficeContext
from fieldact.ui.widgets.common import big_button, captioned, heading, note

LOCK_MS = 60_000
OPENING_SIZE = QSize(1440, 900)

STYLE_FILE = "styles/office.qss"


def office_style() -> str:
    """The office stylesheet, its images found beside it (a stylesheet's relative url is read from the
    working directory, which is anywhere)."""
    sheet = resource_path(STYLE_FILE)
    return sheet.read_text(encoding="utf-8").replace("@styles/", sheet.parent.as_posix() + "/")


class PasswordGate(QWidget):
    """The office password: chosen (twice) at first use, asked for every time after."""

    passed = Signal()

    def __init__(self, context: OfficeContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.first_use = not password.is_set(context.database)
        self.title = heading(self.tr("Office"))
        self.prompt = note("")
        self.password = self._field()
        self.repeat = self._field()
        self.password_box = captioned(self.tr("Office password"), self.password)
        self.repeat_box = captioned(self.tr("The same password again"), self.repeat)
        self.message = note("", "error")
        self.submit = big_button("", "primary")
        self.submit.clicked.connect(self._submit)
        self.password.returnPressed.connect(self._submit)
        self.repeat.returnPressed.connect(self._submit)
        self.unlock_timer = QTimer(self)
        self.unlock_timer.setSingleShot(True)
        self.unlock_timer.timeout.connect(self._unlock)
        column = QVBoxLayout()
        column.setSpacing(12)
        column.addStretch(1)
        for widget in (self.title, self.prompt, self.password_box, self.repeat_box, self.message, self.submit):
            column.addWidget(widget)
        column.addStretch(2)
        box = QWidget()
        box.setLayout(column)
        box.setFixedWidth(520)  # a fixed width lets the wrapped sentences take the height they need
        layout = QHBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(box)
        layout.addStretch(1)
        self._show_mode()

    def _field(self) -> QLineEdit:
        line = QLineEdit()
        line.setEchoMode(QLineEdit.EchoMode.Password)
        return line

    def _show_mode(self) -> None:
        if self.first_use:
            self.prompt.setText(
                self.tr("First start: choose the office password (at least 8 characters). It protects the acts.")
            )
            self.submit.setText(self.tr("Set the password"))
        else:
            self.prompt.setText(self.tr("Enter the office password."))
            self.submit.setText(self.tr("Sign in"))
        self.repeat_box.setVisible(self.first_use)
        self.password.setFocus()

    def _submit(self) -> None:
        if not self.submit.isEnabled():
            return
        if self.first_use:
            self._set_first()
        else:
            self._check()

    def _set_first(self) -> None:
        try:
            password.set_first(self.context.database, self.password.text(), self.repeat.text())
        except InputError as error:
            self.message.setText(str(error))
            return
        self._pass()

    def _check(self) -> None:
        try:
            result = password.attempt(self.context.database, self.password.text())  # persistent, audited
        except InputError as error:  # the central database closed the check after too many wrong tries
            self.password.clear()
            self.message.setText(str(error))
            return
        if result.ok:
            self._pass()
            return
        self.password.clear()
        if result.wait_seconds:
            self.submit.setEnabled(False)
            self.password.setEnabled(False)
            self.unlock_timer.start(min(int(result.wait_seconds * 1000), LOCK_MS))
            minutes = max(1, round(result.wait_seconds / 60))
            self.message.setText(self.tr("Too many wrong passwords. Try again in {n} min.").format(n=minutes))
        elif result.tries_left is None:  # the central database counts the tries
            self.message.setText(self.tr("Wrong password."))
        else:
            self.message.setText(self.tr("Wrong password. Tries left: {count}.").format(count=result.tries_left))

    def _unlock(self) -> None:
        self.submit.setEnabled(True)
        self.password.setEnabled(True)
        self.message.clear()

    def _pass(self) -> None:
        self.password.clear()
        self.repeat.clear()
        self.message.clear()
        self.passed.emit()


class OfficeWindow(QMainWindow):
    def __init__(self, context: OfficeContext) -> None:
        super().__init__()
        self.context = context
        self.setWindowTitle(self.tr("fieldact — office"))
        self.setStyleSheet(office_style())
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.gate = PasswordGate(context)
        self.acts = ActsScreen(context)
        self.stack.addWidget(self.gate)
        self.stack.addWidget(self.acts)
        self.gate.passed.connect(self._open_acts)
        self._add_quality()

    def _open_acts(self) -> None:
        self.stack.setCurrentWidget(self.acts)
        self.acts.search()
        self.screens.setVisible(True)

    def _add_quality(self) -> None:
        """The quality department's dashboard beside the acts, once the office password is given."""
        from fieldact.ui.office_admin import AdminScreen
        from fieldact.ui.quality_screen import QualityScreen

        self.quality = QualityScreen(self.context)
        self.admin = AdminScreen(self.context)
        # In scroll areas: the dashboard and the administration need more width than a portrait office screen
        # has, and the window must not grow past the screen for their sake while the acts are shown.
        self.quality_page, self.admin_page = _scrolled(self.quality), _scrolled(self.admin)
        self.stack.addWidget(self.quality_page)
        self.stack.addWidget(self.admin_page)
        self.screens = self.addToolBar(self.tr("Screens"))
        self.screens.setObjectName("screens")
        self.screens.setMovable(False)
        self.screens.addAction(self.tr("Acts"), lambda: self.stack.setCurrentWidget(self.acts))
        self.screens.addAction(self.tr("Quality"), self._open_quality)
        self.screens.addAction(self.tr("Print selected acts"), self.print_selected)
        self.screens.addAction(self.tr("Administration"), self._open_admin)
        self.screens.setVisible(False)

    def print_selected(self, preview: bool = False) -> int:
        """The acts selected in the list, as stored, in one print job (audited)."""
        from sqlmodel import Session

        from fieldact.office.password import OFFICE
        from fieldact.office.queries import load_act
        from fieldact.store import audit
        from fieldact.ui.act_printing import print_with_dialog

        ids = self.acts.selected_ids()
        if not ids:
            return 0
        pages = print_with_dialog([load_act(self.context.database, act_id).pdf for act_id in ids], self, preview)
        if pages:
            with Session(self.context.database.engine) as session:
                audit.record(session, OFFICE, "acts_printed", acts=ids, pages=pages)
                session.commit()
        return pages

    def _open_admin(self) -> None:
        self.stack.setCurrentWidget(self.admin_page)
        self.admin.refresh()

    def _open_quality(self) -> None:
        self.stack.setCurrentWidget(self.quality_page)
        self.quality.refresh()


def run(language: str = "ru", db: str | None = None) -> int:
    from fieldact.office.access import open_office_database
    from fieldact.standard import StandardError, load_brand
    from fieldact.store.central import CentralUnavailable
    from fieldact.store.db import DatabaseUnavailable
    from fieldact.ui.app import APP_NAME, close_down, create_application
    from fieldact.ui.errors import install_excepthook, start_log

    app = create_application(language)
    start_log()
    install_excepthook()
    try:
        database = open_office_database(db)
        zone = ZoneInfo(load_brand().timezone)
    except (DatabaseUnavailable, CentralUnavailable) as error:
        QMessageBox.critical(None, APP_NAME, str(error))
        return 2
    except StandardError as error:
        QMessageBox.critical(None, APP_NAME, "\n".join(error.problems))
        return 1
    window = OfficeWindow(OfficeContext(database, zone))
    screen = app.primaryScreen()
    room = screen.availableGeometry().size() if screen is not None else OPENING_SIZE
    window.resize(OPENING_SIZE.boundedTo(room))  # a 1280×720 screen gets the window whole
    window.show()
    try:
        return app.exec()
    finally:
        close_down(app, [window])
        database.dispose()


def _scrolled(page: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setWidget(page)
    return area
