"""Browser helpers for the tests. The server, Chromium and axe live in the package
(generator.quality), shared with `planpub check`; here: opening a page once and keeping
what the load did (console errors, requests), so every check of a page runs on one load."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from generator.quality.browser import CHROMIUM, CHROMIUM_ARGS, axe_violations, launch, serve_directory  # noqa: F401

PHONE, LAPTOP = (390, 844), (1280, 800)
VIEWPORTS = {"phone": PHONE, "laptop": LAPTOP}


# A Content-Security-Policy violation becomes a console error (a blocked resource already is).
REPORT_CSP = ("document.addEventListener('securitypolicyviolation',"
              " e => console.error('Content Security Policy violation: ' + e.violatedDirective))")


@dataclass
class LoadedPage:
    """A page opened in a browser context of its own, with what its load did."""

    page: object                                  # playwright.sync_api.Page
    requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)   # requests that failed or got a 4xx/5xx

    def close(self) -> None:
        self.page.context.close()


def open_page(browser, url: str, viewport: tuple[int, int] = LAPTOP, wait_until: str = "settled",
              init_scripts: tuple[str, ...] = (), **context_options) -> LoadedPage:
    """Open `url` once at `viewport` (width, height) and wait until it has `settled` (loaded,
    and no request in flight for QUIET seconds) or for a Playwright state ("load", …).
    context_options go to new_context (java_script_enabled=False, device_scale_factor=2, …);
    init_scripts run before the page's own (a reader's stored settings, say).
    Close it with .close()."""
    context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]}, **context_options)
    for script in (REPORT_CSP, *init_scripts):
        context.add_init_script(script)
    page = context.new_page()
    loaded, in_flight = LoadedPage(page), set()

    def started(request):
        loaded.requests.append(request.url)
        in_flight.add(request)

    page.on("request", started)
    page.on("requestfinished", lambda request: in_flight.discard(request))
    page.on("requestfailed", lambda request: (in_flight.discard(request), loaded.failed.append(request.url)))
    page.on("console", lambda message: loaded.console_errors.append(message.text) if message.type == "error" else None)
    page.on("response", lambda response: loaded.failed.append(f"{response.status} {response.url}")
            if response.status >= 400 else None)
    page.goto(url, wait_until="load" if wait_until == "settled" else wait_until)
    if wait_until == "settled":
        _settle(page, in_flight)
    return loaded


QUIET = 0.2   # seconds without a request in flight after the load event: the page's scripts have fetched


def _settle(page, in_flight: set, timeout: float = 30) -> None:
    """Like Playwright's "networkidle" (500 ms without a connection), shorter: our pages'
    scripts start their requests at load, so a fifth of a second is enough."""
    deadline = time.monotonic() + timeout
    quiet_since = time.monotonic()
    while time.monotonic() < deadline:
        page.wait_for_timeout(40)          # lets Playwright deliver the request events
        if in_flight:
            quiet_since = time.monotonic()
        elif time.monotonic() - quiet_since >= QUIET:
            return
    raise AssertionError(f"{page.url}: requests still in flight after {timeout} s: {[r.url for r in in_flight]}")


def reset_focus(page) -> None:
    """Back to where the keyboard is on a page just loaded: nothing focused, the next Tab
    goes to the first stop, scrolled to the top, no #fragment. (Focusing the document
    element moves the sequential focus navigation starting point to the top; blur() would
    leave it where focus was.)"""
    page.evaluate("""() => {
        const root = document.documentElement;
        root.tabIndex = -1; root.focus({preventScroll: true}); root.removeAttribute('tabindex');
        history.replaceState(history.state, '', location.pathname + location.search);
        window.scrollTo(0, 0);
    }""")
