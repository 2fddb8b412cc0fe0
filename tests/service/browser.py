"""Headless Chromium (Debian's ``chromium``) driven over the DevTools protocol: open a page, read its text, click
a link and wait for the download. Only for the tests; every address is 127.0.0.1."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import itertools
import json
import re
import shutil
import subprocess
import time
from pathlib import Path
from typing import Any

import aiohttp
from cryptography import x509
from cryptography.hazmat.primitives import serialization


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def spki_pin(certificate_file: Path) -> str:
    """Chromium's --ignore-certificate-errors-spki-list value: trust exactly this server key."""
    certificate = x509.load_pem_x509_certificate(certificate_file.read_bytes())
    spki = certificate.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return base64.b64encode(hashlib.sha256(spki).digest()).decode("ascii")


class Browser:
    def __init__(self, folder: Path, server_certificate: Path) -> None:
        executable = chromium()
        assert executable, "chromium is not installed (apt-get install chromium)"
        folder.mkdir(parents=True, exist_ok=True)
        self.downloads = folder / "downloads"
        self.downloads.mkdir(exist_ok=True)
        self.process = subprocess.Popen(
            [
                executable, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--remote-debugging-port=0", "--remote-debugging-address=127.0.0.1",
                f"--user-data-dir={folder / 'profile'}",
                f"--ignore-certificate-errors-spki-list={spki_pin(server_certificate)}", "about:blank",
            ],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        self.endpoint = self._endpoint()
        self._ids = itertools.count(1)

    def _endpoint(self) -> str:
        deadline = time.monotonic() + 60
        assert self.process.stderr is not None
        while time.monotonic() < deadline:
            line = self.process.stderr.readline()
            found = re.search(r"(ws://127\.0\.0\.1:\d+/devtools/browser/\S+)", line)
            if found:
                return found.group(1)
            if not line and self.process.poll() is not None:
                break
        raise RuntimeError("chromium did not start its DevTools endpoint")

    def close(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(15)
        except subprocess.TimeoutExpired:
            self.process.kill()

    def visit(self, url: str, click_id: str | None = None, timeout_s: float = 60) -> tuple[str, Path | None]:
        """The page's visible text, and the file downloaded by clicking the element ``click_id``."""
        return asyncio.run(asyncio.wait_for(self._visit(url, click_id), timeout_s))

    async def _visit(self, url: str, click_id: str | None) -> tuple[str, Path | None]:
        async with aiohttp.ClientSession() as session, session.ws_connect(self.endpoint, max_msg_size=0) as socket:
            events: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
            waiting: dict[int, asyncio.Future[dict[str, Any]]] = {}

            async def reader() -> None:
                async for message in socket:
                    data = json.loads(message.data)
                    if "id" in data and data["id"] in waiting:
                        waiting.pop(data["id"]).set_result(data)
                    else:
                        await events.put(data)

            reading = asyncio.ensure_future(reader())

            async def call(method: str, params: dict[str, Any] | None = None, session_id: str | None = None) -> Any:
                number = next(self._ids)
                waiting[number] = asyncio.get_running_loop().create_future()
                message: dict[str, Any] = {"id": number, "method": method, "params": params or {}}
                if session_id:
                    message["sessionId"] = session_id
                await socket.send_str(json.dumps(message))
                answer = await waiting[number]
                if "error" in answer:
                    raise RuntimeError(f"{method}: {answer['error']}")
                return answer.get("result", {})

            async def event(name: str) -> dict[str, Any]:
                while True:
                    data = await events.get()
                    if data.get("method") == name:
                        return data["params"]

            await call(
                "Browser.setDownloadBehavior",
                {"behavior": "allow", "downloadPath": str(self.downloads), "eventsEnabled": True},
            )
            target = (await call("Target.createTarget", {"url": "about:blank"}))["targetId"]
            page = (await call("Target.attachToTarget", {"targetId": target, "flatten": True}))["sessionId"]
            await call("Page.enable", session_id=page)
            await call("Page.navigate", {"url": url}, session_id=page)
            await event("Page.loadEventFired")
            text = await call("Runtime.evaluate", {"expression": "document.body.innerText"}, session_id=page)
            downloaded = None
            if click_id:
                await call(
                    "Runtime.evaluate",
                    {"expression": f"document.getElementById('{click_id}').click()"},
                    session_id=page,
                )
                begun = await event("Browser.downloadWillBegin")
                while True:
                    progress = await event("Browser.downloadProgress")
                    if progress["guid"] == begun["guid"] and progress["state"] in ("completed", "canceled"):
                        break
                assert progress["state"] == "completed"
                downloaded = self.downloads / begun["suggestedFilename"]
            await call("Target.closeTarget", {"targetId": target})
            reading.cancel()
            return text["result"]["value"], downloaded
