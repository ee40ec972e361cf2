"""Browser helpers for the tests. The server, Chromium and axe live in the package
(generator.quality), shared with `planpub check`; here: opening a page once and keeping
what the load did (console errors, requests), so every check of a page runs on one load."""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.quality.browser import CHROMIUM, CHROMIUM_ARGS, axe_violations, launch, serve_directory  # noqa: F401

PHONE, LAPTOP = (390, 844), (1280, 800)
VIEWPORTS = {"phone": PHONE, "laptop": LAPTOP}


@dataclass
class LoadedPage:
    """A page opened in a browser context of its own, with what its load did."""

    page: object                                  # playwright.sync_api.Page
    requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)   # requests that failed or got a 4xx/5xx

    def close(self) -> None:
        self.page.context.close()


def open_page(browser, url: str, viewport: tuple[int, int] = LAPTOP, wait_until: str = "networkidle",
              **context_options) -> LoadedPage:
    """Open `url` once at `viewport` (width, height); context_options go to new_context
    (java_script_enabled=False, device_scale_factor=2, …). Close it with .close()."""
    context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]}, **context_options)
    page = context.new_page()
    loaded = LoadedPage(page)
    page.on("request", lambda request: loaded.requests.append(request.url))
    page.on("console", lambda message: loaded.console_errors.append(message.text) if message.type == "error" else None)
    page.on("requestfailed", lambda request: loaded.failed.append(request.url))
    page.on("response", lambda response: loaded.failed.append(f"{response.status} {response.url}")
            if response.status >= 400 else None)
    page.goto(url, wait_until=wait_until)
    return loaded
