"""Shared helpers for the browser tests and scripts/bench/widget.py.

- serve(directory): a threaded http.server on 127.0.0.1 (random free port); it answers
  Accept-Encoding with the build's precompressed .br/.gz copies (scripts/bundle/wire.py), as a
  static host set up as README.md ("Serving the site") says would;
- build_site(out_dir, env=None): `mkdocs build --strict -d out_dir` from the repository root
  (tests share builds through tests/site_cache.py);
- launch_chromium(playwright, for_tests=False): Debian's /usr/bin/chromium, headless, no background
  traffic (the tests': wasm by the baseline compiler only);
- guard_context(context): any request not for 127.0.0.1 (OUTSIDE) fails and is recorded (the tests' browser
  sends it to a proxy that refuses it);
- type_search(page, query), shown_again_at(page, when): a reader searching; a reader back at an open page;
- SETTLED_JS: a form whose result answers its current inputs (page.wait_for_function with the form);
- open_guarded(browser, url, ...) → Opened: a page in a fresh guarded context (or, given `shared`, a new page
  in a SharedContexts' context) that records console errors, page errors, requests and what .mb-status
  showed (conftest's `open_page` closes or wipes them after each test);
- SharedContexts(browser): one guarded context per set of context options for many tests' pages, reset() between
  tests; an Opened in it has a SharedContextView as `.context`, which refuses changes (ContextShared);
- SearchPage(browser): one page that a module's searches are made in, one after another (each from an empty box).
"""
from __future__ import annotations

import contextlib
import functools
import json
import os
import re
import socket
import subprocess
import sys
import threading
import weakref
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
from scripts.bundle.wire import PrecompressedHandler  # noqa: E402
CHROMIUM = os.environ.get("MINGBAI_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]
# The tests' browser compiles the engine's wasm with V8's baseline compiler only: a test boots
# Pyodide for seconds, and the optimising tier-up a reader's browser does in the background cost
# ~1 CPU-s a boot here (test_captions: 150 → 115 CPU-s), competing with the other worker on two
# cores. Same semantics (one wasm, two compilers); make bench measures the reader's browser.
#
# Each new context is a new browser window, and Chromium 156 preloads a window's omnibox popup (a WebUI page,
# chrome://omnibox-popup.top-chrome) in a renderer of its own: ~0.35 CPU-s of the ~0.9 a new context cost, and
# then part of the browser process's, for a popup no test opens (5 browser modules: 89 -> 77 CPU-s). Chromium obeys
# only the last --disable-features, and Playwright passes its own list first, so ours repeats Playwright's
# (1.64, chromiumSwitches.ts; tests/browser/test_chromium_args.py checks that it still covers it).
PLAYWRIGHT_DISABLED_FEATURES = (
    "AvoidUnnecessaryBeforeUnloadCheckSync", "DestroyProfileOnBrowserClose", "HttpsUpgrades",
    "HttpsFirstBalancedModeAutoEnable", "LensOverlay", "MediaRouter", "PaintHolding", "ThirdPartyStoragePartitioning",
    "AvoidCorsURLLoaderRestartOnRedirect", "TcpPortRandomizationWin", "OptimizationHints", "NetworkTimeServiceQuerying",
    "AimEnabled", "PreconnectToSearch", "msForceBrowserSignIn", "msEdgeUpdateLaunchServicesPreferredVersion",
)
OMNIBOX_POPUP_FEATURES = ("WebUIOmniboxPopup", "WebUIOmniboxAimPopup", "WebUIOmniboxFullPopup")
TEST_ONLY_ARGS = ["--js-flags=--liftoff-only",
                  "--disable-features=" + ",".join(PLAYWRIGHT_DISABLED_FEATURES + OMNIBOX_POPUP_FEATURES)]
HENGYANG_ZH = "policies/hunan/hengyang/2023-flexible-employment/"
HENGYANG_EN = "en/policies/hunan/hengyang/2023-flexible-employment/"
LOCAL_HOST = "127.0.0.1"
# The tests' browser sends every request not for 127.0.0.1 (localhost and the rest of 127/8 included: <-loopback>
# drops Chromium's implicit bypass) to a proxy that refuses it: a port this process holds bound and never listens
# on. It fails at once and guard_context records it. This replaced a context route matching OUTSIDE: a route
# makes every request of the context wait for Playwright's driver and turns the HTTP cache off (~0.085 of a page
# load's 0.45 CPU-s here).
_REFUSING = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
_REFUSING.bind((LOCAL_HOST, 0))
REFUSING_PROXY_ARGS = [f"--proxy-server=http://{LOCAL_HOST}:{_REFUSING.getsockname()[1]}",
                       f"--proxy-bypass-list=<-loopback>;{LOCAL_HOST}"]
_GUARDED: weakref.WeakSet = weakref.WeakSet()   # browsers launched with REFUSING_PROXY_ARGS
# A form has settled when calc answered its current inputs (the result line says whose answer it shows:
# anything but "loading", an error for these inputs included) or its engine failed. A visible error
# alone is not settled: it may answer a value since changed back, with the new answer still coming.
SETTLED_JS = """f => f.getAttribute('data-mb-state') === 'error'
  || (f.hasAttribute('data-mb-result') && f.getAttribute('data-mb-result') !== 'loading')"""


class QuietHandler(PrecompressedHandler):
    extensions_map = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".json": "application/json",
        ".zip": "application/zip",
    }

    def log_message(self, format, *args):  # noqa: A002 - signature from the base class
        pass

    def end_headers(self):
        # Each test starts with a cold cache anyway (a fresh context, or a shared one wiped); keep revalidation simple.
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def send_head(self):
        # A page that names no icon (a test's own page: the fixtures, a host page) makes Chromium ask for /favicon.ico
        # when it likes, and a 404 lands in that page's console at any moment. Every page of the site names its icon
        # (test_built_site.py), so only those pages ask; they get "nothing here" instead.
        if self.path.split("?", 1)[0] == "/favicon.ico" and not Path(self.translate_path(self.path)).is_file():
            self.send_response(204)
            self.end_headers()
            return None
        return super().send_head()


@contextlib.contextmanager
def serve(directory: Path, handler_class: type = None):
    """Yield the base URL ("http://127.0.0.1:PORT/") of a server for directory
    (handler_class: a QuietHandler subclass, e.g. one adding headers)."""
    handler = functools.partial(handler_class or QuietHandler, directory=str(directory))
    server = ThreadingHTTPServer((LOCAL_HOST, 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="mingbai-test-http", daemon=True)
    thread.start()
    try:
        yield f"http://{LOCAL_HOST}:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def build_site(out_dir: Path, strict: bool = True, env: dict[str, str] | None = None) -> Path:
    """Run the project's real MkDocs build into out_dir (env: the build's whole environment, default
    this process's); raise RuntimeError with its log on failure."""
    cmd = [sys.executable, "-m", "mkdocs", "build", "-d", str(out_dir)]
    if strict:
        cmd.insert(4, "--strict")
    env = {**(os.environ if env is None else env), "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.run(cmd, cwd=REPO, env=env, capture_output=True, text=True, timeout=900)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
    return Path(out_dir)


def shown_again_at(page, when) -> None:
    """The reader comes back to the open page at `when` (a datetime; a tab shown again): the page's clock moves
    there and the page hears it is visible (assets/mingbai/china-date.js judges the day again). A sweep of
    dates then needs one page load, not one a date."""
    page.clock.set_fixed_time(when)
    page.evaluate("document.dispatchEvent(new Event('visibilitychange'))")


def type_search(page, query: str) -> None:
    """Start a search for `query` as a reader does: click the box, type, release a key. Material queries
    on keyup and once its index is ready; Playwright types Chinese text without a keyup (a reader's input
    method ends with one), so without the release a query typed before the index is ready is searched
    and one typed after it never is (a search that showed nothing for 45 s once under make test)."""
    page.click("input.md-search__input", force=True)
    page.keyboard.type(query)
    page.keyboard.press("End")


def launch_chromium(playwright, for_tests: bool = False):
    """Chromium as a reader's (make bench), or with TEST_ONLY_ARGS (the browser tests)."""
    args = CHROMIUM_ARGS + (TEST_ONLY_ARGS + REFUSING_PROXY_ARGS if for_tests else [])
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=args, headless=True)
    if for_tests:
        _GUARDED.add(browser)
    return browser


# A request that is not for 127.0.0.1 (nor data:, blob:, file:)
OUTSIDE = re.compile(r"^(?!(?:data|blob|file):)(?!https?://" + re.escape(LOCAL_HOST) + r"(?::\d+)?(?:[/?#]|$))")


def guard_context(context, outside: list[str] | None = None) -> list[str]:
    """Record every request not for 127.0.0.1 (in `outside`, a new list by default; returns the live list). The
    browser (launch_chromium(for_tests=True)) makes each of them fail; the record is of failed requests only, so
    the driver sends Python no event for the site's own."""
    if context.browser not in _GUARDED:
        raise RuntimeError("guard_context: the browser was not launched by launch_chromium(for_tests=True), "
                           "so requests leaving 127.0.0.1 would not be stopped")
    outside = [] if outside is None else outside
    context.on("requestfailed", lambda request: OUTSIDE.match(request.url) and outside.append(request.url))
    return outside


# The widget config of a page whose test reads no live answer: the engine boots on use only (an idle boot cut
# short by the next visit only costs CPU)
NO_IDLE_BOOT = "window.MINGBAI_WIDGET_CONFIG = {idleBoot: false};"
# Records what .mb-status showed over time (the loading progress is transient).
STATUS_LOG_SCRIPT = """
window.__mbStatusLog = [];
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll(".mb-status").forEach(function (el) {
    var last = null;
    var note = function () {
      var t = el.textContent;
      if (t !== last) { last = t; window.__mbStatusLog.push(t); }
    };
    note();
    new MutationObserver(note).observe(el, {subtree: true, childList: true, characterData: true});
  });
});
"""


@dataclass
class Opened:
    page: object
    context: object   # a test sharing a context (SharedContexts) gets a view of it that refuses changes
    console_errors: list = field(default_factory=list)
    page_errors: list = field(default_factory=list)
    outside: list = field(default_factory=list)
    requests: list = field(default_factory=list)

    def status_log(self) -> list[str]:
        return self.page.evaluate("window.__mbStatusLog || []")

    def clear(self) -> None:
        """Forget what was recorded so far (a page reused by the next test)."""
        for seen in (self.console_errors, self.page_errors, self.outside, self.requests):
            seen.clear()

    def visit(self, url: str) -> None:
        self.page.goto(url, wait_until="load")

    def assert_clean(self):
        assert self.outside == [], f"requests left 127.0.0.1: {self.outside}"
        assert self.page_errors == [], f"uncaught page errors: {self.page_errors}"
        assert self.console_errors == [], f"console errors: {self.console_errors}"


class ContextShared(RuntimeError):
    """A test changed a context other tests' pages live in."""


class SharedContextView:
    """A shared context as a test sees it: it may read it, not change it (a route, an init script, a permission,
    a clock or offline mode would outlive the test and reach the next tests' pages)."""

    READABLE = frozenset({"pages", "cookies", "storage_state", "browser"})

    def __init__(self, context):
        self._context = context

    def __getattr__(self, name: str):
        if name.startswith("_") or name in self.READABLE:
            return getattr(self._context, name)
        raise ContextShared(f"context.{name}: this page's context is shared with other tests; a test that changes "
                            f"its context opens it with open_page(..., own_context=True)")


def _origin(url: str) -> str | None:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme in ("http", "https") else None


class SharedContexts:
    """One guarded context per set of context options (`javascript`, viewport, color_scheme…) for the pages of
    many tests: a new page in an open context costs ~0.85 CPU-s, a fresh context ~1.7 (issue #23).

    reset() between tests wipes what a test could observe of an earlier one: its pages are closed, and the
    cookies, the storage (localStorage, IndexedDB, cache storage, service workers) of every origin its pages
    requested and the HTTP cache are cleared. The guard (guard_context) stays on the context, registered once:
    the context's requestfailed events cover the requests of its pages' dedicated workers too (Pyodide downloads in one);
    `outside` is its record, cleared by reset().

    At most MAX_OPEN contexts stay open, the least recently used closed first: an open context keeps a window
    and idle renderers that cost CPU (a whole run opened ~8 option sets a worker), and reset() wipes only the
    contexts the test used."""

    MAX_OPEN = 2

    def __init__(self, browser):
        self.browser = browser
        self.outside: list[str] = []
        self.origins: set[str | None] = set()   # None: a page with no origin to clear (about:, data:)
        # the context options (JSON) -> context, keeper page, CDP session; the most recently used last
        self._open: dict[str, tuple[object, object, object]] = {}
        self._used: set[str] = set()   # keys of the contexts the current test opened pages in

    def new_page(self, javascript: bool, **options):
        """(page, view of its context) in the shared context for `javascript` and the other context options
        (viewport, is_mobile, color_scheme, locale…; default locale zh-CN): one context per distinct set."""
        options = {"java_script_enabled": javascript, "locale": "zh-CN", **options}
        key = json.dumps(options, sort_keys=True)
        if key in self._open:
            self._open[key] = self._open.pop(key)
        else:
            idle = [k for k in self._open if k not in self._used]
            while len(self._open) >= self.MAX_OPEN and idle:
                self._open.pop(idle.pop(0))[0].close()
            context = self.browser.new_context(**options)
            guard_context(context, self.outside)
            context.on("request", lambda r: self.origins.add(_origin(r.url)))   # its popups' too
            keeper = context.new_page()         # holds a CDP session to clear the context's storage and cache
            self._open[key] = (context, keeper, context.new_cdp_session(keeper))
        self._used.add(key)
        context = self._open[key][0]
        return context.new_page(), SharedContextView(context)

    def open_count(self) -> int:
        return len(self._open)

    def reset(self) -> None:
        for key in self._used:
            context, keeper, cdp = self._open[key]
            for page in context.pages:
                if page is not keeper:
                    page.close()
            context.clear_cookies()
            for origin in self.origins - {None}:
                cdp.send("Storage.clearDataForOrigin", {"origin": origin, "storageTypes": "all"})
            cdp.send("Network.clearBrowserCache")
        self._used.clear()
        self.origins.clear()
        self.outside.clear()

    def close(self) -> None:
        for context, _, _ in self._open.values():
            context.close()
        self._open.clear()


def open_guarded(browser, url: str, javascript: bool = True, config: dict | None = None,
                 hold: tuple[str, ...] = (), shared: SharedContexts | None = None, **options) -> Opened:
    """url opened in a fresh, guarded browser context (close `.context` when done), or, given `shared`, in a new
    page of its context for `javascript` and the context `options` (shared.reset() when done).

    hold: URL globs never answered (e.g. the engine's worker: it neither starts nor fails, for a test of
    what a page does before calc's answer, without paying a Pyodide boot). A test that visits many pages
    opens one and moves it with `.visit(url)`: a fresh context per page costs ~3× the CPU of a navigation."""
    if shared is None:
        context = browser.new_context(**{"java_script_enabled": javascript, "locale": "zh-CN", **options})
        opened = Opened(page=context.new_page(), context=context, outside=guard_context(context))
        scope = context   # its own context: the scripts and routes below reach its popups too
    else:
        page, view = shared.new_page(javascript, **options)
        opened = Opened(page=page, context=view, outside=shared.outside)
        scope = page      # a shared context: they must not outlive the test
    for pattern in hold:   # routes registered later are asked first; this one leaves the request pending
        scope.route(pattern, lambda route: None)
    if config is not None:
        scope.add_init_script(f"window.MINGBAI_WIDGET_CONFIG = {json.dumps(config)};")
    scope.add_init_script(STATUS_LOG_SCRIPT)
    page = opened.page
    page.on("console", lambda m: m.type == "error" and opened.console_errors.append(m.text))
    page.on("pageerror", lambda e: opened.page_errors.append(str(e)))
    page.on("request", lambda r: opened.requests.append(r.url))   # worker requests included
    # (console messages from the worker are reported on the page as well)
    opened.visit(url)
    return opened


class SearchPage:
    """One guarded page (a context of its own) that a module's searches are made in, one after another (issue
    #23): a new page per query costs a page load and the language's index fetched and built again in the search
    worker; a query on the language's page already open costs the query alone. search() starts each query as a
    reader's first one: the page's record cleared and the box emptied, with no result listed, before it is typed
    (so no result of an earlier query is read as this one's); a query in another language opens that language's
    page first."""

    def __init__(self, browser):
        self.opened = open_guarded(browser, "about:blank")
        self.url: str | None = None

    def search(self, url: str, query: str) -> Opened:
        """`query` typed as a reader does (type_search) into the search box of the page at `url`."""
        opened, page = self.opened, self.opened.page
        opened.clear()
        if url != self.url:
            opened.visit(url)
            self.url = url
        else:
            page.fill("input.md-search__input", "")
            page.keyboard.press("End")   # material queries on keyup: the empty query clears the results
            page.wait_for_function("() => !document.querySelector('.md-search-result__item')", timeout=20_000)
        type_search(page, query)
        return opened

    def close(self) -> None:
        self.opened.context.close()
