"""What every screen needs: the store, the clock, who is signed in."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from fieldact.store.repository import Store
from fieldact.store.tables import Technician
from fieldact.visit import Technician as TechnicianName

if TYPE_CHECKING:
    from fieldact.store.sync import SyncLoop


@dataclass
class AppContext:
    store: Store
    clock: Callable[[], datetime] | None = None
    technician: Technician | None = field(default=None)
    sync: SyncLoop | None = None  # None when no central database is configured

    def start_sync(self) -> None:
        """Background sync over HTTPS with the central service once the tablet is enrolled; the tablet works
        without it."""
        from fieldact.service.client import ServiceSyncLoop, is_enrolled

        if self.sync is not None or not is_enrolled(self.store.database):
            return
        loop = ServiceSyncLoop(self.store.database)
        loop.start()
        self.sync = loop

    def wake_sync(self) -> None:
        """A finished visit should go up soon, not at the next interval."""
        if self.sync is not None:
            self.sync.wake()

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.store.brand.timezone)

    def now(self) -> datetime:
        """Local time of the tablet (the brand's zone); tests pass a fixed clock."""
        moment = self.clock() if self.clock else datetime.now(self.zone)
        return moment.astimezone(self.zone)

    @property
    def actor(self) -> str:
        if self.technician is None:
            return "system"
        return f"{self.technician.surname} {self.technician.first_name}"

    @property
    def technician_name(self) -> TechnicianName:
        assert self.technician is not None
        return TechnicianName(self.technician.surname, self.technician.first_name)
