"""Acts are checked in worker processes, each check within a time and each process within a memory limit.

A hostile act (a PDF that inflates to gigabytes, a drawing that never ends) must cost the service one refused
act, never a worker stuck for good or a machine out of memory. Inside the worker an alarm ends a check that runs
longer than ``seconds`` and the address space is capped (Linux and other POSIX systems, where the service runs;
elsewhere only the wait below holds): such an act is refused in words, like any act that does not verify.
Outside, the service waits at most ``backstop_s`` for an answer (code the alarm cannot interrupt, a worker the
kernel killed); then the pool is started afresh and the visit fails for now, so the tablet sends it again later.
"""

from __future__ import annotations

import asyncio
import gc
import multiprocessing
import os
import signal
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

CHECK_SECONDS = 30.0
CHECK_MEMORY_BYTES = 2 * 1024**3  # address space of one worker, libraries included
BACKSTOP_S = 300.0  # from handing the check over: queueing behind others counts too
CHECK_NICENESS = 5  # below the service process and PostgreSQL: they take a core first, the checks the rest
GC_YOUNG = 20_000  # allocations between young-generation collections (Python's default is 700)


class CheckOverrun(Exception):
    """The check of one visit's acts ran out of time or memory inside its worker."""

    def __init__(self, what: str) -> None:
        super().__init__(what)
        self.what = what  # "time" | "memory"


class CheckUnavailable(Exception):
    """No answer from the workers in time, or they died: the visit is to be sent again later."""


class _Alarm(Exception):
    pass


def start_worker(memory_bytes: int) -> None:
    """Each worker's start: its address space capped where the system can, then the checking code loaded."""
    try:
        import resource
    except ImportError:  # Windows has no rlimits
        pass
    else:
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        wanted = memory_bytes if hard == resource.RLIM_INFINITY else min(memory_bytes, hard)
        resource.setrlimit(resource.RLIMIT_AS, (wanted, hard))
    if hasattr(os, "nice"):
        os.nice(CHECK_NICENESS)
    settle_collector(_load_checking_code)


def _load_checking_code() -> None:
    import fieldact.service.exchange  # noqa: F401 - the act check and everything it draws and reads with
    from fieldact.act.fonts import loaded_fonts

    loaded_fonts()


def settle_collector(load: Callable[[], None]) -> None:
    """``load`` what the process keeps for its life, then leave it out of garbage collection (gc.freeze) and let
    the collector run less often. Checking an act makes hundreds of thousands of short-lived objects; with the
    defaults the collector ran every few hundred of them and walked every library's objects each full pass, some
    tenth of a check. Cycles are still collected, only in larger batches."""
    load()
    gc.collect()
    gc.freeze()
    gc.set_threshold(GC_YOUNG, *gc.get_threshold()[1:])


def run_limited(work: Callable[..., Any], args: tuple[Any, ...], seconds: float) -> tuple[str, Any]:
    """In the worker: ``work(*args)`` as ("done", result), or ("time", None) / ("memory", None) on an overrun."""
    timed = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if timed:

        def ring(_signum: int, _frame: object) -> None:
            raise _Alarm

        signal.signal(signal.SIGALRM, ring)
        signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        return "done", work(*args)
    except _Alarm:
        return "time", None
    except MemoryError:
        return "memory", None
    finally:
        if timed:
            signal.setitimer(signal.ITIMER_REAL, 0)


class CheckerPool:
    """Worker processes for checks; ``run`` answers with the work's result or raises CheckOverrun or
    CheckUnavailable."""

    def __init__(
        self,
        processes: int,
        seconds: float = CHECK_SECONDS,
        memory_bytes: int = CHECK_MEMORY_BYTES,
        backstop_s: float = BACKSTOP_S,
    ) -> None:
        self.processes, self.seconds, self.memory_bytes, self.backstop_s = processes, seconds, memory_bytes, backstop_s
        self.executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            self.processes,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=start_worker,
            initargs=(self.memory_bytes,),
        )

    async def run(self, work: Callable[..., Any], *args: Any) -> Any:
        for attempt in range(2):  # a pool another check broke is started afresh and this check tried once more
            executor = self.executor
            loop = asyncio.get_running_loop()
            try:
                outcome, result = await asyncio.wait_for(
                    loop.run_in_executor(executor, run_limited, work, args, self.seconds), self.backstop_s
                )
            except TimeoutError:
                self.restart(executor)
                raise CheckUnavailable("no answer from the checking process in time") from None
            except BrokenProcessPool:
                self.restart(executor)
                if attempt:
                    raise CheckUnavailable("the checking processes stopped") from None
                continue
            if outcome != "done":
                raise CheckOverrun(outcome)
            return result
        raise CheckUnavailable("the checking processes stopped")

    def restart(self, broken: ProcessPoolExecutor) -> None:
        """A fresh pool in place of ``broken`` (once, however many checks found it broken)."""
        if broken is not self.executor:
            return
        for process in list(getattr(broken, "_processes", {}).values()):
            process.kill()  # a worker stuck in C code hears no alarm
        broken.shutdown(wait=False, cancel_futures=True)
        self.executor = self._start()

    def shutdown(self) -> None:
        self.executor.shutdown(cancel_futures=True)
