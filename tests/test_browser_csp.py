"""The site works with the documented Content-Security-Policy enforced, and violates nothing."""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from generator.build.deploy import CONTENT_SECURITY_POLICY

from .browser import launch
from .conftest import ROOT

PAGES = ["", "search/?q=%E7%AA%93%E5%8F%A3", "sample/", "sample/initiatives/", "sample/initiatives/online/", "sample/kpi/", "sample/revisions/",
         "sample/v/1.0/initiatives/online/", "guide/errors/"]


class _CspHandler(http.server.SimpleHTTPRequestHandler):
    def end_headers(self):
        self.send_header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        super().end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def csp_base(basic_site):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                             functools.partial(_CspHandler, directory=str(basic_site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()


@pytest.mark.parametrize("path", PAGES)
def test_pages_work_under_the_documented_csp(csp_base, path):
    with sync_playwright() as playwright:
        browser = launch(playwright)
        page = browser.new_page()
        violations = []
        page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
        page.add_init_script("document.addEventListener('securitypolicyviolation',"
                             " e => console.log('Content Security Policy violation: ' + e.violatedDirective))")
        page.goto(csp_base + path, wait_until="networkidle")
        # The theme's script ran: it swaps the no-js class and set up its helpers.
        assert page.evaluate("document.documentElement.classList.contains('js')")
        assert page.evaluate("typeof __md_get === 'function'")
        assert violations == []
        browser.close()


def test_readme_documents_the_same_policy():
    assert CONTENT_SECURITY_POLICY in (ROOT / "README.md").read_text(encoding="utf-8")
