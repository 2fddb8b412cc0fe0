"""The act-checking processes hold their limits: an overrun ends in words, and the pool lives on."""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pg import Central
from tests.service.checker_work import collector, crash, hungry, niceness, quick, slow

from fieldact.service.checkers import CHECK_NICENESS, GC_YOUNG, CheckerPool, CheckOverrun, CheckUnavailable
from fieldact.service.client import sync_via_service
from fieldact.standard import Brand
from fieldact.store.repository import Store

from .conftest import service_login
from .server import RunningService, start_service
from .test_service_sync import count, one_signed_visit

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="the limits inside a worker need POSIX")


@pytest.fixture
def pool() -> Iterator[CheckerPool]:
    made = CheckerPool(1, seconds=0.5, memory_bytes=1024**3, backstop_s=20)
    yield made
    made.shutdown()


@posix_only
def test_a_check_that_runs_too_long_is_stopped_and_the_worker_serves_the_next(pool: CheckerPool) -> None:
    async def scenario() -> None:
        with pytest.raises(CheckOverrun) as overrun:
            await pool.run(slow, 30)
        assert overrun.value.what == "time"
        assert await pool.run(quick, 21) == 42

    asyncio.run(asyncio.wait_for(scenario(), 60))


def test_a_worker_starts_with_the_check_loaded_and_its_objects_left_out_of_collection(pool: CheckerPool) -> None:
    young, frozen, loaded = asyncio.run(asyncio.wait_for(pool.run(collector), 60))
    assert loaded, "the act check is loaded when the worker starts, not by the first push"
    assert young == GC_YOUNG and frozen > 50_000, (young, frozen)  # the libraries' objects are never walked again


@posix_only
def test_checks_run_below_the_service_so_pulls_and_stores_take_a_core_first(pool: CheckerPool) -> None:
    expected = min(19, os.nice(0) + CHECK_NICENESS)  # 19: the lowest priority there is
    assert asyncio.run(asyncio.wait_for(pool.run(niceness), 60)) == expected


@posix_only
def test_a_check_that_wants_too_much_memory_is_stopped(pool: CheckerPool) -> None:
    async def scenario() -> None:
        with pytest.raises(CheckOverrun) as overrun:
            await pool.run(hungry, 4096)
        assert overrun.value.what == "memory"
        assert await pool.run(hungry, 10) == 10 * 1024 * 1024

    asyncio.run(asyncio.wait_for(scenario(), 60))


def test_a_dead_or_silent_worker_gives_a_fresh_pool() -> None:
    # The backstop counts a fresh worker's start too, which loads the act check: a few seconds on a busy machine.
    silent = CheckerPool(1, seconds=60, memory_bytes=1024**3, backstop_s=10.0)

    async def scenario() -> None:
        with pytest.raises(CheckUnavailable):
            await silent.run(crash)  # killed twice: the second, fresh pool is not trusted with it a third time
        first = silent.executor
        with pytest.raises(CheckUnavailable):
            await silent.run(slow, 30)  # no answer within the backstop: that worker is killed
        assert silent.executor is not first
        assert await silent.run(quick, 5) == 10

    try:
        asyncio.run(asyncio.wait_for(scenario(), 90))
    finally:
        silent.shutdown()


@posix_only
def test_an_act_whose_check_overruns_is_refused_in_words_and_kept_aside(
    central: Central, tablet: Store, tmp_path: Path, brand: Brand
) -> None:
    running = start_service(tmp_path / "service", service_login(central), extra=("--check-seconds", "0.001"))
    service: RunningService = next(running)
    try:
        client, _ = one_signed_visit(central, service, tablet, tmp_path, brand)
        report = sync_via_service(tablet.database, client)
        assert report.error == "", report.error
        assert count(central, "act_refused") == 1, "refused and kept aside with the reason, never dropped"
        (reason,) = central.query("SELECT reason FROM act_refused")[0]
        assert "0.001" in reason and ("дольше" in reason or "longer" in reason or "больше" in reason), reason
        assert count(central, "act") == 0 and count(central, "registry") == 0
    finally:
        for _ in running:
            pass
