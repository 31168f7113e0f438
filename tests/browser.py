"""Headless Chromium (Debian's ``chromium``) driven by Playwright for Python.

Playwright never downloads a browser here: it starts ``/usr/bin/chromium``
(``CLAIMGRAPH_CHROMIUM`` overrides the path). The flags keep Chromium from
phoning home (background networking, component updates, sync, first-run),
which on a machine without internet would only produce refused connections;
Playwright gives every launch a fresh, empty ``--user-data-dir``.

Used by the browser tests (``@pytest.mark.browser``), ``docs/screenshot.py``
and ``benchmarks/bench_html.py``.
"""
from __future__ import annotations

import contextlib
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

CHROMIUM = os.environ.get("CLAIMGRAPH_CHROMIUM", "/usr/bin/chromium")
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--disable-quic", "--no-first-run", "--disable-default-apps", "--mute-audio"]
VIEWPORT = {"width": 1400, "height": 900}
# window.claimgraph.ready: the page's layout has settled (physics stopped) or it was drawn as laid out
READY = "() => window.claimgraph !== undefined && window.claimgraph.ready === true"
# every securitypolicyviolation event, collected before the page's own scripts run
CSP_PROBE = ("window.__csp = []; document.addEventListener('securitypolicyviolation', "
             "e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));")


def missing() -> str | None:
    """Why the browser tests cannot run here, or None."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright for Python is not installed (pip install -e '.[test]')"
    if not (Path(CHROMIUM).is_file() or shutil.which(CHROMIUM)):
        return f"{CHROMIUM} is missing: run `make browser-deps` (Debian package chromium)"
    return None


@dataclass
class Visit:
    """What one page load did: every request, console message and uncaught error."""

    page: object
    requests: list[str] = field(default_factory=list)
    console: list[tuple[str, str]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def foreign_requests(self, own: str) -> list[str]:
        return [u for u in self.requests if u != own]

    def problems(self) -> list[str]:
        """Console errors and warnings, uncaught exceptions, CSP violations."""
        out = [f"{kind}: {text}" for kind, text in self.console if kind in ("error", "warning")]
        out += [f"pageerror: {e}" for e in self.errors]
        out += [f"csp: {v}" for v in self.page.evaluate("() => window.__csp || []")]
        return out


@contextlib.contextmanager
def chromium():
    """A running headless Chromium (Playwright ``Browser``)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


@contextlib.contextmanager
def visit(browser, path: Path, *, bypass_csp: bool = False, wait: bool = True, timeout_ms: int = 120_000,
          init_script: str | None = None):
    """Open ``path`` (file://) in a new context; yields a :class:`Visit` once the page is ready."""
    context = browser.new_context(viewport=VIEWPORT, bypass_csp=bypass_csp)
    try:
        page = context.new_page()
        v = Visit(page)
        page.on("request", lambda r: v.requests.append(r.url))
        page.on("console", lambda m: v.console.append((m.type, m.text)))
        page.on("pageerror", lambda e: v.errors.append(str(e)))
        page.add_init_script(CSP_PROBE + (init_script or ""))
        page.goto(Path(path).resolve().as_uri(), timeout=timeout_ms)
        if wait:
            page.wait_for_function(READY, timeout=timeout_ms)
        yield v
    finally:
        context.close()
