"""The kiosk shell: one full-screen window, the screens in a stack, no way out without the PIN."""

from __future__ import annotations

from types import ModuleType

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeyEvent, QShowEvent, QWindow
from PySide6.QtWidgets import QApplication, QMainWindow, QStackedWidget, QWidget

from fieldact.store.acts import act_of_visit, start_correction
from fieldact.store.tables import Act
from fieldact.text import InputError
from fieldact.ui.context import AppContext
from fieldact.ui.day_screen import DayScreen
from fieldact.ui.done_screen import DoneScreen
from fieldact.ui.enrol_screen import Enrolled, EnrolScreen
from fieldact.ui.login_screen import LoginScreen, UnlockPrompt
from fieldact.ui.review_screen import ReviewScreen
from fieldact.ui.signing_screen import SigningScreen
from fieldact.ui.standard_screen import StandardScreen
from fieldact.ui.visit_screen import VisitScreen
from fieldact.ui.widgets.touch import FocusKeeper
from fieldact.ui.worker import run_in_background
from fieldact.visit import VisitStatus

INACTIVITY_LOCK_MS = 5 * 60 * 1000
INPUT_EVENTS = {
    QEvent.Type.MouseButtonPress,
    QEvent.Type.KeyPress,
    QEvent.Type.TouchBegin,
    QEvent.Type.TabletPress,
}


class Shell(QMainWindow):
    def __init__(self, context: AppContext, kiosk: bool = True, lock_after_ms: int = INACTIVITY_LOCK_MS) -> None:
        super().__init__()
        self.context = context
        self.kiosk = kiosk
        self.allow_close = not kiosk
        self.setWindowTitle("fieldact")
        if kiosk:
            self.setWindowFlags(Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint)
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.login = LoginScreen(context)
        self.day = DayScreen(context)
        self.visit = VisitScreen(context)
        self.review = ReviewScreen()
        self.signing = SigningScreen(context)
        self.done = DoneScreen(context)
        self.standard = StandardScreen(context.store.standard, context.store.brand, context.now())
        self.enrol = EnrolScreen(context)
        self.unlock: UnlockPrompt | None = None
        self.locked_from: QWidget | None = None
        screens = (self.login, self.day, self.visit, self.review, self.signing, self.done, self.standard, self.enrol)
        for screen in screens:
            self.stack.addWidget(screen)
        self._connect()
        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.setInterval(lock_after_ms)
        self.idle.timeout.connect(self.lock)
        # Input is watched on the windows, not application-wide: an application filter is called from Python for
        # every event of every object (thousands while a stage is built), a window's only for what reaches it.
        QGuiApplication.instance().focusWindowChanged.connect(self._watch_window)
        self.focus_keeper = FocusKeeper(self)

    def _connect(self) -> None:
        self.login.signed_in.connect(self._signed_in)
        self.login.browse_standard.connect(lambda: self.show_screen(self.standard))
        self.standard.back.connect(lambda: self.show_screen(self.login))
        self.login.enrol_requested.connect(lambda: self.show_screen(self.enrol))
        self.enrol.back.connect(lambda: self.show_screen(self.login))
        self.enrol.enrolled.connect(self._enrolled)
        self.day.open_visit.connect(self.open_visit)
        self.day.open_branch.connect(self._open_branch)
        self.day.sign_out.connect(self._sign_out)
        self.visit.back_to_day.connect(self.show_day)
        self.visit.finished.connect(self.show_day)
        self.visit.review.connect(self.open_review)
        self.visit.show_act.connect(self.show_stored_act)
        self.visit.correct.connect(self._ask_to_correct)
        self.review.back.connect(lambda: self.show_screen(self.visit))
        self.review.hand_over.connect(self.hand_over)
        self.signing.sign.connect(self._sign)
        self.signing.refuse.connect(self._refuse)
        self.signing.leave.connect(self._leave_signing)
        self.done.finished.connect(self.show_day)

    def show_screen(self, screen: QWidget) -> None:
        self.stack.setCurrentWidget(screen)

    def _enrolled(self, enrolled: Enrolled) -> None:
        """Enrolled: the sync starts and brings the technician; the login shows him once he is there."""
        self.context.start_sync()
        self.context.wake_sync()
        self.login.show_people()
        self.show_screen(self.login)

    def _signed_in(self, technician_id: str) -> None:
        self.idle.start()
        resume = self.context.store.visit_in_progress(technician_id)
        if resume is not None:
            self.open_visit(resume)
        else:
            self.show_day()

    def _sign_out(self) -> None:
        self.context.technician = None
        self.idle.stop()
        self.login.show_people()
        self.show_screen(self.login)

    def show_day(self) -> None:
        self.show_screen(self.day)  # the day screen refreshes itself when shown

    def open_visit(self, visit_id: str) -> None:
        self.visit.open(visit_id)
        self.show_screen(self.visit)

    def _open_branch(self, visit_id: str, key: str) -> None:
        self.open_visit(visit_id)
        self.visit.open_branch(key)

    # --- review, the subscriber's signature, the QR code ----------------------------------------------------

    def open_review(self, visit_id: str) -> None:
        self.review.waiting(visit_id)
        self.show_screen(self.review)
        store, at = self.context.store, self.context.now()
        run_in_background(
            lambda: signing().preview_pdf(store, visit_id, at),
            self.review.show_preview,
            lambda error: self.review.show_failure(self._sentence(error)),
        )

    def show_stored_act(self, visit_id: str) -> None:
        act = act_of_visit(self.context.store, visit_id)
        if act is None:
            return
        if not act.pdf:  # removed from the tablet after the retention period (service/retention.py)
            self.review.show_removed(visit_id, act.number)
            self.show_screen(self.review)
            return
        self.review.show_stored(visit_id, act.number, act.pdf)
        self.show_screen(self.review)

    def _ask_to_correct(self, act_id: str) -> None:
        """«Correct the act»: the technician's PIN, then a new version of the act to fill in and have signed."""
        if self.unlock is not None:
            return
        self.locked_from = self.visit
        self.unlock = UnlockPrompt(self.context, self.tr("Correct the act: enter your PIN"))
        self.unlock.unlocked.connect(lambda: self._correct(act_id))
        self.unlock.cancelled.connect(self._unlocked)
        self.stack.addWidget(self.unlock)
        self.show_screen(self.unlock)

    def _correct(self, act_id: str) -> None:
        self._drop_unlock()
        try:
            visit_id = start_correction(self.context.store, act_id, self.context.actor)
        except InputError as error:
            self.show_screen(self.visit)
            self.visit.message.setText(str(error))
            self.visit.message.show()
            return
        self.open_visit(visit_id)

    def hand_over(self, visit_id: str) -> None:
        """The subscriber's screen: nothing else is reachable from it without the technician's PIN."""
        try:
            self.context.store.set_status(visit_id, VisitStatus.AWAITING_SIGNATURE, self.context.actor)
        except InputError as error:
            self.review.show_failure(str(error))
            return
        preview = self.review.preview if self.review.visit_id == visit_id else b""
        self.signing.open(self.context.store.load_visit(visit_id), preview)
        self.show_screen(self.signing)

    def _sign(self, signature: object, signer: str) -> None:
        visit_id, store, at, actor = self._signing_job()
        run_in_background(
            lambda: signing().sign_visit(store, visit_id, signature, signer, at, actor),  # type: ignore[arg-type]
            lambda act: self._signed(act, True),
            lambda error: self.signing.show_failure(self._sentence(error)),
        )

    def _refuse(self, reason: str, signer: str) -> None:
        visit_id, store, at, actor = self._signing_job()
        run_in_background(
            lambda: signing().refuse_visit(store, visit_id, reason, signer, at, actor),
            lambda act: self._signed(act, False),
            lambda error: self.signing.show_failure(self._sentence(error)),
        )

    def _signing_job(self) -> tuple[str, object, object, str]:
        assert self.signing.visit is not None
        return str(self.signing.visit.id), self.context.store, self.context.now(), self.context.actor

    def _signed(self, act: Act, signed: bool) -> None:
        self.context.wake_sync()
        visit = self.context.store.load_visit(act.visit_id)
        self.done.open(visit, act.number, signed)
        self.show_screen(self.done)

    def _leave_signing(self) -> None:
        """Back to the technician's screens, only with his PIN."""
        if self.unlock is not None:
            return
        self.locked_from = self.visit
        self.unlock = UnlockPrompt(self.context, self.tr("Technician: enter your PIN"))
        self.unlock.unlocked.connect(self._signing_left)
        self.unlock.cancelled.connect(self._back_to_signing)
        self.stack.addWidget(self.unlock)
        self.show_screen(self.unlock)

    def _signing_left(self) -> None:
        assert self.signing.visit is not None
        visit_id = str(self.signing.visit.id)
        if act_of_visit(self.context.store, visit_id) is None:
            self.context.store.set_status(visit_id, VisitStatus.IN_PROGRESS, self.context.actor)
        self._drop_unlock()
        self.open_visit(visit_id)

    def _back_to_signing(self) -> None:
        self._drop_unlock()
        self.show_screen(self.signing)

    def _drop_unlock(self) -> None:
        if self.unlock is not None:
            self.stack.removeWidget(self.unlock)
            self.unlock.deleteLater()
            self.unlock = None

    @staticmethod
    def _sentence(error: Exception) -> str:
        if isinstance(error, InputError):
            return str(error)
        return QApplication.translate(
            "Shell", "The act could not be saved ({error}). Nothing is lost: try again, or call support."
        ).format(error=type(error).__name__)

    # --- kiosk: locking and leaving ---------------------------------------------------------------------------

    def lock(self) -> None:
        """After inactivity: the screen hides behind the technician's PIN."""
        if self.context.technician is None or self.unlock is not None:
            return
        self.locked_from = self.stack.currentWidget()
        self.unlock = UnlockPrompt(self.context, self.tr("Locked. Enter your PIN"))
        self.unlock.cancel.hide()
        self.unlock.unlocked.connect(self._unlocked)
        self.stack.addWidget(self.unlock)
        self.show_screen(self.unlock)

    def _unlocked(self) -> None:
        self._drop_unlock()
        self.show_screen(self.locked_from or self.day)
        self.idle.start()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self._watch_window(self.windowHandle())

    def _watch_window(self, window: QWindow | None) -> None:
        """Real input arrives at a window before any widget; a dialog or pop-up has a window of its own."""
        if window is not None:
            window.installEventFilter(self)  # again on the same window: it stays installed once

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in INPUT_EVENTS and self.context.technician is not None and self.unlock is None:
            self.idle.start()
        if self.kiosk and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() == Qt.Key.Key_Escape or (
                event.key() == Qt.Key.Key_F4 and event.modifiers() & Qt.KeyboardModifier.AltModifier
            ):
                return True
        return super().eventFilter(watched, event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        """In the kiosk the window closes only after the technician's PIN (see ``leave``)."""
        if self.allow_close:
            event.accept()
            return
        event.ignore()
        if self.context.technician is not None:
            self._ask_to_leave()

    def _ask_to_leave(self) -> None:
        if self.unlock is not None:
            return
        self.locked_from = self.stack.currentWidget()
        self.unlock = UnlockPrompt(self.context, self.tr("Enter your PIN to close the app"))
        self.unlock.unlocked.connect(self._leave)
        self.unlock.cancelled.connect(self._unlocked)
        self.stack.addWidget(self.unlock)
        self.show_screen(self.unlock)

    def _leave(self) -> None:
        self.allow_close = True
        self.close()


def signing() -> ModuleType:
    """The act's drawing and sealing, loaded when the first act is previewed or signed, not at start."""
    import fieldact.store.signing

    return fieldact.store.signing
