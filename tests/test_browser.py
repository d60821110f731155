"""Browser test: Playwright drives Debian's Chromium against the app served by uvicorn on a
free loopback port. Actor page -> event -> evidence sentence highlighted in its document.

Skips (with a message) only when /usr/bin/chromium or Playwright is missing and ``CI`` is not
set; under CI it fails instead. Never downloads a browser. Screenshots go to test-artifacts/.
"""

from __future__ import annotations

import json
import os
import re
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

try:
    from .web_fixtures import XSS, demo_db, demo_store, ids  # noqa: F401
except ImportError:
    from web_fixtures import XSS, demo_db, demo_store, ids  # noqa: F401

pytestmark = pytest.mark.browser
CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"


def _unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"browser test cannot run under CI: {reason}")
    pytest.skip(f"{reason}; install it (apt-get install chromium; pip install playwright) to run this test")


@pytest.fixture(scope="module")
def sync_playwright() -> Any:
    if not Path(CHROMIUM).exists():
        _unavailable(f"Chromium not found at {CHROMIUM}")
    try:
        from playwright.sync_api import sync_playwright as sp
    except ImportError:
        _unavailable("the playwright Python package is not installed")
    return sp


@pytest.fixture(scope="module")
def base_url(demo_db: Path) -> Iterator[str]:
    """The read-only app served by uvicorn in a thread on a free loopback port."""
    import uvicorn

    from newsgraph.web import create_app

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(str(demo_db)), log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.02)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)
    sock.close()


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def test_actor_to_event_to_highlighted_evidence(sync_playwright: Any, base_url: str, demo_store: Any) -> None:
    i = ids(demo_store)
    ARTIFACTS.mkdir(exist_ok=True)
    problems: list[str] = []
    outside: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})

            def route(r: Any) -> None:  # nothing may leave the machine
                if r.request.url.startswith(base_url) or r.request.url.startswith("data:"):
                    r.continue_()
                else:
                    outside.append(r.request.url)
                    r.abort()

            page.route("**/*", route)
            page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
            page.on(
                "console",
                lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None,
            )
            page.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))

            # 1. the first full page load: an actor's profile
            t0 = time.perf_counter()
            page.goto(f"{base_url}/actors/{i['Yusuf al-Haddad']}", wait_until="load")
            first_load = time.perf_counter() - t0
            nav = page.evaluate("JSON.stringify(performance.getEntriesByType('navigation')[0])")
            assert page.locator("h1").inner_text().startswith("Yusuf al-Haddad")
            page.screenshot(path=str(ARTIFACTS / "actor.png"), full_page=True)

            # 2. click through to the event (all its reports)
            page.locator("ul.events a.event-link").first.click()
            page.wait_for_url(re.compile(r"/events/"))
            assert urlsplit(page.url).path == f"/events/{i['meeting']}"
            assert page.locator("ol.reports li.report").count() == 2
            page.screenshot(path=str(ARTIFACTS / "event.png"), full_page=True)

            # 3. on to the evidence sentence in its document
            link = page.locator("a.evidence-link").first
            evidence = _norm(link.inner_text())
            link.click()
            page.wait_for_url(re.compile(r"/documents/[^#]+#o\d+$"))
            fragment = urlsplit(page.url).fragment
            target = page.locator(":target")
            assert target.count() == 1 and target.get_attribute("id") == fragment
            assert evidence in _norm(target.inner_text()), (evidence, target.inner_text())
            assert "evidence" in (target.get_attribute("class") or "")
            outline = target.evaluate("e => getComputedStyle(e).outlineStyle")
            assert outline == "solid"  # the :target highlight is applied
            assert target.evaluate(
                "e => { const r = e.getBoundingClientRect(); "
                "return r.top >= 0 && r.bottom <= window.innerHeight; }"
            )
            assert page.locator(".doctext .excluded").count() >= 1
            page.screenshot(path=str(ARTIFACTS / "document.png"), full_page=True)

            # 4. the hostile document and the network drawing
            page.goto(f"{base_url}/documents/{i['doc_front']}", wait_until="load")
            assert XSS in page.locator(".doctext").inner_text()
            page.goto(f"{base_url}/network", wait_until="load")
            page.wait_for_selector("#net-svg circle")
            assert page.locator("#net-svg circle").count() == 5
            assert XSS in (page.locator("#net-svg").text_content() or "")  # drawn as text, not markup
            page.screenshot(path=str(ARTIFACTS / "network.png"), full_page=True)
            for name, path in (
                ("overview", "/"),
                ("divergent", "/divergent"),
                ("timeline", "/timeline"),
                ("search", "/search?q=Valdoria"),
            ):
                page.goto(base_url + path, wait_until="load")
                page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
            page.goto(f"{base_url}/docs", wait_until="load")
            page.wait_for_selector(".swagger-ui .opblock", timeout=15000)
            page.screenshot(path=str(ARTIFACTS / "docs.png"))
        finally:
            browser.close()
    (ARTIFACTS / "browser-timing.json").write_text(
        json.dumps({"first_full_page_load_s": round(first_load, 3), "navigation": json.loads(nav)}, indent=1)
    )
    print(f"first full page load: {first_load * 1000:.0f} ms")
    assert not outside, f"requests left the machine: {outside}"
    assert not problems, problems
    assert first_load < 5.0  # target < 1 s; measured value is in test-artifacts/browser-timing.json
