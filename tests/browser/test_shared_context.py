"""open_page's shared context (support.SharedContexts): each test still starts as in a fresh context, and the
guard still sees every request that leaves 127.0.0.1, a worker's included.

The isolation tests come in pairs: the first leaves something behind, the second (run after it: a module-scoped
fixture keeps a module on one xdist worker, in order) finds it gone.
"""
from __future__ import annotations

import ast
import re
from http.server import SimpleHTTPRequestHandler
from pathlib import Path

import pytest
from support import ContextShared, QuietHandler, SharedContextView, serve

HERE = Path(__file__).resolve().parent
PAGE = """<!doctype html><meta charset="utf-8"><title>shared</title><script src="asset.js"></script>"""
# a worker that asks an outside host, as Pyodide's downloads would run in one
WORKER = "fetch('http://outside.invalid/from-worker').catch(function () {});"
left: dict[str, str] = {}   # what the first test of a pair left, for the second


class RecordingHandler(QuietHandler):
    """Records each request for asset.js with its cache validators; asset.js may be cached for an hour, so a
    browser that kept it would not ask again at all. No CSP: a page's outside requests reach the guard."""

    asked: list[dict[str, str | None]] = []

    def end_headers(self):
        # Not the site's CSP (it would stop the outside requests before the guard sees them); asset.js cacheable.
        self.send_header("Cache-Control", "max-age=3600" if self.path.endswith("asset.js") else "no-cache")
        SimpleHTTPRequestHandler.end_headers(self)

    def do_GET(self):
        if self.path.endswith("asset.js"):
            self.asked.append({h: self.headers.get(h) for h in ("If-Modified-Since", "If-None-Match")})
        super().do_GET()


@pytest.fixture(scope="module")
def tiny_url(tmp_path_factory):
    root = tmp_path_factory.mktemp("shared-context")
    (root / "index.html").write_text(PAGE, encoding="utf-8")
    (root / "asset.js").write_text("window.assetLoaded = true;", encoding="utf-8")
    (root / "worker.js").write_text(WORKER, encoding="utf-8")
    with serve(root, RecordingHandler) as url:
        yield url


def test_leaves_storage_a_cookie_and_a_cached_asset(open_page, tiny_url):
    RecordingHandler.asked.clear()
    o = open_page(tiny_url + "index.html")
    o.page.evaluate("""() => { localStorage.setItem('left', 'by the first test');
                               document.cookie = 'left=yes; max-age=3600'; }""")
    assert o.page.evaluate("localStorage.getItem('left')") == "by the first test"
    assert "left=yes" in o.page.evaluate("document.cookie")
    assert len(RecordingHandler.asked) == 1
    left["storage"] = tiny_url


def test_the_next_test_finds_none_of_it(open_page, tiny_url):
    if left.get("storage") != tiny_url:
        pytest.skip("runs after test_leaves_storage_a_cookie_and_a_cached_asset, on the same worker")
    o = open_page(tiny_url + "index.html")
    assert o.page.evaluate("window.assetLoaded") is True
    assert o.page.evaluate("localStorage.getItem('left')") is None
    assert o.page.evaluate("document.cookie") == ""
    assert o.context.cookies() == []
    # fetched again, in full: the first test's copy is neither reused nor revalidated
    assert RecordingHandler.asked == [{"If-Modified-Since": None, "If-None-Match": None}] * 2, RecordingHandler.asked


def _wait_for(page, check, seconds: float = 15) -> None:
    """Until check() holds; the page waits, so that Playwright's events (the guard's records) come in."""
    for _ in range(int(seconds * 10)):
        if check():
            return
        page.wait_for_timeout(100)
    assert check(), "timed out"


def test_the_guard_sees_a_page_and_its_worker_reach_outside(open_page, tiny_url):
    o = open_page(tiny_url + "index.html")
    o.page.evaluate("""() => { fetch('http://outside.invalid/from-page').catch(() => {});
                               window.w = new Worker('worker.js'); }""")
    want = {"http://outside.invalid/from-page", "http://outside.invalid/from-worker"}
    _wait_for(o.page, lambda: want <= set(o.outside))
    with pytest.raises(AssertionError, match="requests left 127.0.0.1"):
        o.assert_clean()
    left["outside"] = tiny_url


def test_the_next_test_starts_with_no_outside_request(open_page, tiny_url):
    if left.get("outside") != tiny_url:
        pytest.skip("runs after test_the_guard_sees_a_page_and_its_worker_reach_outside, on the same worker")
    o = open_page(tiny_url + "index.html")
    assert o.outside == []
    o.assert_clean()


def test_hold_on_a_shared_page_leaves_a_workers_script_unanswered(open_page, tiny_url):
    """hold is a page route on a shared page: it still holds a worker's script (the engine's, in real tests)."""
    o = open_page(tiny_url + "index.html", hold=("**/worker.js",))
    o.page.evaluate("window.w = new Worker('worker.js')")
    _wait_for(o.page, lambda: any(u.endswith("/worker.js") for u in o.requests))
    o.page.wait_for_timeout(1000)   # time the worker would take to ask outside (the guard test: well under)
    assert o.outside == []


def test_a_shared_context_refuses_changes(open_page, tiny_url):
    o = open_page(tiny_url + "index.html")
    assert o.page in o.context.pages
    for change in (lambda c: c.add_init_script("1"), lambda c: c.route("**/*", lambda r: None),
                   lambda c: c.grant_permissions(["clipboard-read"]), lambda c: c.set_offline(True),
                   lambda c: c.clock):
        with pytest.raises(ContextShared, match="own_context=True"):
            change(o.context)


def test_own_context_may_be_changed(open_page, tiny_url):
    o = open_page(tiny_url + "index.html", own_context=True)
    o.context.add_init_script("window.mine = 1")
    o.page.reload()
    assert o.page.evaluate("window.mine") == 1
    assert not isinstance(o.context, SharedContextView)
    o.assert_clean()


# Reached through the page, not Opened.context: Page.clock and Page.context change the whole context.
CONTEXT_WIDE = re.compile(r"\.clock\.|\bpage\.context\b|\bshown_again_at\(")


def test_tests_that_change_their_context_own_it():
    """The view refuses o.context changes; page.clock and page.context reach the context past it, so a test (or
    a helper given open_page) using them must open its page with own_context=True."""
    offenders = []
    for module in sorted(HERE.glob("test_*.py")):
        source = module.read_text(encoding="utf-8")
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.FunctionDef) and "open_page" in [a.arg for a in node.args.args]:
                body = ast.get_source_segment(source, node) or ""
                if CONTEXT_WIDE.search(body) and "own_context=True" not in body:
                    offenders.append(f"{module.name}::{node.name}")
    assert offenders == [], f"open_page(..., own_context=True) needed: {offenders}"


def test_option_sets_used_one_after_another_keep_few_contexts_open(open_page, shared_contexts, tiny_url):
    """Each open context keeps a window and idle renderers: pages in more option sets than MAX_OPEN, one after
    another, leave at most MAX_OPEN contexts open, the one a page is still in among them."""
    widths = range(300, 300 + 10 * (shared_contexts.MAX_OPEN + 2), 10)
    for width in widths:
        o = open_page(tiny_url + "index.html", viewport={"width": width, "height": 600})
        assert o.page.evaluate("innerWidth") == width
        shared_contexts.reset()   # as between tests: the page is gone, its context idle
        assert shared_contexts.open_count() <= shared_contexts.MAX_OPEN
    live = open_page(tiny_url + "index.html")
    assert shared_contexts.open_count() <= shared_contexts.MAX_OPEN
    assert live.page.evaluate("window.assetLoaded") is True
