"""Helpers for test_csp.py, test_a11y.py and test_mobile.py: the built site's pages, a server with
the strict CSP that records violations, and driving a calculator widget from the keyboard with what
it shows checked against CPython's calc.run.

- LANGS: the site's languages; site_pages(site): every built page (URL path, <html lang>, kind,
  number of calculators);
- serve_with_csp(dir) / Recorded(browser, reports): the site under CSP; every violation, console
  error, page error and request leaving 127.0.0.1, per page (see test_csp.py);
- collect(form): the inputs as the widget sends them (raw strings, booleans, lists);
- expect_shows_calc(form, lang): poll until the form shows exactly calc.run's answer for its inputs
  (outputs and steps, or calc's messages at the fields);
- expect_settled_shows_calc(form, name, policy, lang): the same, its first look awaited in the page
  (no polling round trips while the engine boots or computes);
- change_by_keyboard(page, control): change the focused control with keys a person would press;
  tab_to_control(page, current) and press_to_change(page, info): Tab to the next control and change it,
  with one read of the page between (a sweep of hundreds of controls);
- one_page_per_calculator(pages): few pages that together show every calculator;
- one_embed_page_per_calculator(paths): the embed pages a sweep of policy pages still needs;
- markup_skeleton(html) / one_page_per_markup(site, paths): a page's markup without its words and link
  targets, and one page for each distinct one (sweeps of static pages built from one template).
"""
from __future__ import annotations

import contextlib
import json
import re
import sys
import time
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from mkdocs_yml import mkdocs_yml
from support import NO_IDLE_BOOT, REPO, SETTLED_JS, QuietHandler, guard_context, serve

sys.path.insert(0, str(REPO))
import calc  # noqa: E402


# the site's languages (mkdocs.yml extra.language_roots), the default first
LANGS = list(mkdocs_yml()["extra"]["language_roots"])
CHECKED_LANGS = ("zh", "en")   # calc.run's display languages: there results are compared exactly
KEYBOARD_LANG = "zh"   # test_a11y drives every control of every widget in this language, under the CSP
BOOT_TIMEOUT = 90_000     # ms: the first answer waits for Pyodide to boot
ANSWER_TIMEOUT = 15_000   # ms: later answers

# The inputs exactly as widget.js collect() sends them (per .mb-field: list -> checked values,
# boolean -> checked, otherwise the trimmed value; unparsable number/date -> "?"; empty -> left out).
COLLECT_JS = """form => {
  const inputs = {};
  for (const field of form.querySelectorAll('.mb-field[data-field][data-type]')) {
    const name = field.dataset.field, type = field.dataset.type;
    const controls = [...field.querySelectorAll('input, select, textarea')];
    if (!controls.length) continue;
    if (type === 'list') { inputs[name] = controls.filter(c => c.checked).map(c => c.value); continue; }
    if (type === 'boolean') { inputs[name] = controls[0].checked; continue; }
    let value = controls[0].value;
    if (!value && controls[0].validity && controls[0].validity.badInput) value = '?';
    value = String(value).trim();
    if (value !== '') inputs[name] = value;
  }
  return inputs;
}"""


# --- the strict Content-Security-Policy -------------------------------------------------------

CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self' blob:"
REPORT_PATH = "/__csp-report"
# securitypolicyviolation events in the page (workers report through REPORT_PATH only)
RECORDER = """
window.__mbCsp = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__mbCsp.push([e.effectiveDirective, e.blockedURI, e.sourceFile + ":" + e.lineNumber, e.sample].join(" | "));
});
"""


class CSPHandler(QuietHandler):
    """support.QuietHandler plus the CSP header (with report-uri) on every response."""
    reports: list = []    # replaced per server

    def end_headers(self):
        self.send_header("Content-Security-Policy", f"{CSP}; report-uri {REPORT_PATH}")
        super().end_headers()

    def do_POST(self):  # noqa: N802 - http.server naming
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode("utf-8", "replace")
        if self.path == REPORT_PATH:
            try:
                self.reports.append(json.loads(body).get("csp-report", body))
            except ValueError:
                self.reports.append(body)
        self.send_response(204)
        self.end_headers()


@contextlib.contextmanager
def serve_with_csp(directory: Path):
    """Like support.serve, with the CSP header on every response; yields (base URL, reports)."""
    reports: list = []
    with serve(directory, type("Handler", (CSPHandler,), {"reports": reports})) as url:
        yield url, reports


def report_text(report) -> str:
    if isinstance(report, dict):
        return " | ".join(str(report.get(k)) for k in ("document-uri", "effective-directive", "blocked-uri",
                                                       "source-file", "line-number"))
    return str(report)


class Recorded:
    """A fresh guarded browser context with the violation recorder; call visited(path) before
    leaving each page and close_and_check() at the end (asserts nothing went wrong)."""

    def __init__(self, browser, reports: list, **context_options):
        self.context = browser.new_context(locale="zh-CN", **context_options)
        self.outside = guard_context(self.context)
        # a page left before its idle boot would only abort downloads; boot on use instead
        self.context.add_init_script(NO_IDLE_BOOT)
        self.context.add_init_script(RECORDER)
        self.reports = reports
        reports.clear()
        self.console: list[str] = []
        self.errors: list[str] = []
        self.events: list[str] = []
        self.icons: list[tuple[str, int]] = []
        page = self.page = self.context.new_page()
        page.on("console", lambda m: m.type == "error" and self.console.append(f"{page.url}: {m.text}"))
        page.on("pageerror", lambda e: self.errors.append(f"{page.url}: {e}"))
        page.on("response", lambda r: "/material-icons/" in r.url and self.icons.append((r.url, r.status)))

    def visited(self, path: str) -> None:
        self.events += [f"{path}: {e}" for e in self.page.evaluate("window.__mbCsp")]

    def close(self) -> dict[str, list[str]]:
        """Leave the last page, close the context; what went wrong, by kind (empty lists when nothing did)."""
        try:
            self.page.goto("about:blank")
            time.sleep(0.5)   # reports are POSTed asynchronously
        finally:
            self.context.close()
        return {"events": list(self.events), "reports": [report_text(r) for r in self.reports],
                "console": list(self.console), "errors": list(self.errors), "outside": list(self.outside)}

    def close_and_check(self) -> None:
        assert_nothing_wrong(self.close())


def assert_nothing_wrong(seen: dict[str, list[str]]) -> None:
    """Recorded.close()'s kinds, each empty."""
    for kind, found in seen.items():
        assert found == [], f"{kind}:\n" + "\n".join(found[:30])


# --- pages and widgets ------------------------------------------------------------------------


@dataclass(frozen=True)
class SitePage:
    path: str        # URL path below the site root ("" for the home page)
    lang: str        # <html lang>
    kind: str        # home | policy | embed | other
    calculators: int  # <form class="mb-calc"> in the HTML (embed pages: in <template>s, all languages)


def site_pages(site: Path) -> list[SitePage]:
    pages = []
    for html in sorted(site.rglob("*.html")):
        rel = html.relative_to(site).as_posix()
        if rel != "404.html" and not rel.endswith("index.html"):
            continue
        text = html.read_text(encoding="utf-8")
        lang = re.search(r'<html[^>]*\blang="([^"]+)"', text).group(1)
        path = rel.removesuffix("index.html")
        parts = path.split("/")
        if rel == "404.html":
            kind = "other"
        elif parts[0] == "embed" and 'class="mb-calc"' in text:
            kind = "embed"   # one calculator, its policies and languages in <template>s
        elif "policies" in parts and 'class="mb-calc"' in text:
            kind = "policy"
        elif path in ("", f"{lang}/"):
            kind = "home"
        else:
            kind = "other"
        pages.append(SitePage(path, lang, kind, text.count('<form class="mb-calc"')))
    return pages


def one_page_per_calculator(pages: dict[str, list[str]]) -> list[str]:
    """Few pages that together show every calculator: `pages` maps a page to its calculators; pages are
    taken in turn by how many calculators they add that none taken shows yet (ties: the first in sorted
    order). For sweeps whose script is one per calculator whatever the policy — the widget's and calc's —
    where each page taken costs an engine boot.

    >>> one_page_per_calculator({"a": ["x"], "b": ["x", "y"], "c": ["z"], "d": ["y", "z"]})
    ['b', 'c']
    """
    missing = {name for names in pages.values() for name in names}
    taken: list[str] = []
    while missing:
        best = max(sorted(pages), key=lambda page: len(missing.intersection(pages[page])))
        taken.append(best)
        missing.difference_update(pages[best])
    return taken


def one_embed_page_per_calculator(paths: list[str]) -> list[str]:
    """Of embed page paths (`embed/<calculator>/<policy id>/`, maybe with a query), the first of each
    calculator in sorted order. Every embed page is one frame template around a widget whose markup is its
    policy page's, byte for byte but the assets path (tests/test_embed_markup.py): a sweep of policy pages
    sees every widget, and one embed page per calculator sees each calculator in the frame.

    >>> one_embed_page_per_calculator(["embed/b/p/", "embed/a/q/?lang=en", "embed/a/p/?lang=en"])
    ['embed/a/p/?lang=en', 'embed/b/p/']
    """
    first: dict[str, str] = {}
    for path in sorted(paths):
        first.setdefault(path.split("/")[1], path)
    return sorted(first.values())


class _Skeleton(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.parts.append(f"<{tag} " + " ".join(f"{k}={'URL' if k == 'href' and tag == 'a' else v!r}"
                                                for k, v in attrs) + ">")

    def handle_endtag(self, tag: str) -> None:
        self.parts.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        if data.strip() and self.parts[-1:] != ["TEXT"]:
            self.parts.append("TEXT")


def markup_skeleton(html: str) -> str:
    """html's elements and attributes, in order, with each run of words as TEXT and each link's target as URL:
    two pages with one skeleton differ only in what they say and where their links go.

    >>> a, b = '<p lang="zh">一<b>二</b></p><a href="x.html">三</a>', '<p lang="zh">四五<b>六</b></p><a href="y">七</a>'
    >>> markup_skeleton(a) == markup_skeleton(b)
    True
    >>> markup_skeleton('<p lang="zh">一</p>') == markup_skeleton('<p lang="en">一</p>')
    False
    """
    parser = _Skeleton()
    parser.feed(html)
    parser.close()
    return "\n".join(parser.parts)


def one_page_per_markup(site: Path, paths: list[str]) -> list[str]:
    """The first of `paths` (below site) for each distinct markup_skeleton, in the order given. For sweeps of
    static pages from one template (the stored-text pages): what a browser check finds on a page it finds
    on every page of its skeleton, except what depends on the words — checked from the HTML instead."""
    chosen: dict[str, str] = {}
    for path in paths:
        chosen.setdefault(markup_skeleton((site / path).read_text(encoding="utf-8")), path)
    return list(chosen.values())


def collect(form) -> dict:
    return form.evaluate(COLLECT_JS)


def expected(form) -> dict:
    return calc.run(form.get_attribute("data-calc"), form.get_attribute("data-policy"), collect(form))


def _text(value, lang: str) -> str:
    if value is None:
        return "—"
    if isinstance(value, dict):
        v = value.get(lang)
        if v is None:
            v = value.get("en" if lang == "zh" else "zh")
        return "—" if v is None else str(v)
    return str(value)


# What a form shows, read in one call: each output's text, whether the result is stale, the steps (count and
# the last one's text), the error lines shown, and each field's and the form's error (text, on screen).
# Texts as Playwright's to_have_text compares them: textContent, whitespace collapsed and trimmed.
SHOWN_JS = """form => {
  const text = el => el ? el.textContent.replace(/\\s+/g, ' ').trim() : null;
  const onScreen = el => !!el && el.checkVisibility({visibilityProperty: true}) && el.getClientRects().length > 0;
  const steps = form.querySelectorAll('ol.mb-steps > li');
  const errorOf = el => el ? [text(el), onScreen(el)] : null;
  const fields = {};
  for (const f of form.querySelectorAll('.mb-field[data-field]')) fields[f.dataset.field] = errorOf(f.querySelector('.mb-error'));
  const result = form.querySelector('.mb-result');
  return {
    outputs: [...form.querySelectorAll('[data-output]')].map(dd => [dd.getAttribute('data-output'), text(dd)]),
    stale: !!result && result.classList.contains('mb-stale'),
    steps: steps.length, last_step: steps.length ? text(steps[steps.length - 1]) : null,
    errors_shown: form.querySelectorAll('.mb-error:not([hidden])').length,
    fields: fields, form_error: errorOf(form.querySelector('.mb-form-error')),
  };
}"""


def _squashed(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _differences(run: dict, shown: dict, lang: str) -> list[str]:
    """How what the form shows differs from calc.run's answer (empty when it shows it)."""
    if run["ok"]:
        display, result = run.get("display", {}), run.get("result", {})
        says = {name: _squashed(_text(display.get(name, result.get(name)), lang)) for name, _ in shown["outputs"]}
        out = [f"output {name}: shows {text!r}, calc says {says[name]!r}" for name, text in shown["outputs"] if text != says[name]]
        if shown["stale"]:
            out.append("the result is still marked stale")
        if shown["steps"] != len(run["steps"]):
            out.append(f"{shown['steps']} steps shown, calc has {len(run['steps'])}")
        elif run["steps"] and shown["last_step"] != _squashed(_text(run["steps"][-1], lang)):
            out.append(f"last step shows {shown['last_step']!r}")
        if shown["errors_shown"]:
            out.append(f"{shown['errors_shown']} error line(s) shown")
        return out
    out = []
    for err in run["errors"]:
        where = shown["fields"].get(err.get("field") or "") or shown["form_error"]
        want = _squashed(err["message_" + lang])
        if where is None:
            out.append(f"no place shows the error for {err.get('field')}")
        elif want not in where[0] or not where[1]:
            out.append(f"error for {err.get('field')}: shows {where[0]!r}{'' if where[1] else ' (hidden)'}, calc says {want!r}")
    return out


def expect_shows_calc(form, lang: str, timeout: int = ANSWER_TIMEOUT) -> dict:
    """Wait until the form shows calc.run's answer for the inputs it holds now; return that answer.
    Polls one read of the whole form (SHOWN_JS) rather than an expect per output: the keyboard sweep
    checks hundreds of answers, and each browser round trip costs CPU on both sides."""
    run = expected(form)
    deadline = time.monotonic() + timeout / 1000
    while True:
        wrong = _differences(run, form.evaluate(SHOWN_JS), lang)
        if not wrong:
            return run
        if time.monotonic() > deadline:
            raise AssertionError(f"the form does not show calc.run's answer after {timeout} ms: " + "; ".join(wrong))
        time.sleep(0.05)


def _next_month(text: str) -> str:
    y, m = (int(p) for p in text.split("-"))
    return f"{y + (m == 12)}-{m % 12 + 1:02d}"


def change_by_keyboard(page, control) -> str:
    """Change the focused control with the keyboard; return what was pressed (for messages).

    checkbox: Space; select: ArrowDown (ArrowUp on the last option); number: ArrowDown/ArrowUp
    within min/max, or type a value when empty; date: ArrowUp on the focused part, or type
    MMDDYYYY when empty; text: type at the end (money: a 0;
    lists: one more item), or a value when empty.
    """
    return _press_to_change(page, control.evaluate(CONTROL_INFO_JS), control.input_value)


# What change_by_keyboard needs to know of a control c to choose its keys.
CONTROL_INFO_JS = """c => ({tag: c.tagName, type: c.type, value: c.value, min: c.min, max: c.max,
    last: c.tagName === 'SELECT' && c.selectedIndex === c.options.length - 1,
    kind: c.closest('.mb-field') && c.closest('.mb-field').dataset.type})"""


def _press_to_change(page, info: dict, value_now) -> str:
    """change_by_keyboard's keys for a focused control described by CONTROL_INFO_JS (value_now(): its value
    after typing, to check a typed date)."""
    kb = page.keyboard
    if info["type"] == "checkbox":
        kb.press("Space")
        return "Space"
    if info["tag"] == "SELECT":
        key = "ArrowUp" if info["last"] else "ArrowDown"
        kb.press(key)
        return key
    value = info["value"]
    if info["type"] == "number":
        if value == "":
            typed = info["min"] if info["min"] not in ("", "0") else "1"
            kb.type(typed)
            return f"type {typed}"
        key = "ArrowDown" if info["min"] == "" or float(value) > float(info["min"]) else "ArrowUp"
        kb.press(key)
        return key
    if info["type"] == "date":
        if value:
            kb.press("ArrowUp")
            return "ArrowUp"
        kb.type("03152024")   # month, day, year: headless Chromium's order, whatever the locale
        typed = value_now()
        assert typed == "2024-03-15", f"date typed as {typed!r}"
        return "type 03152024"
    kb.press("End")
    if value == "":
        typed = {"money": "100", "month_list": "2024-01"}.get(info["kind"], "1")
    elif info["kind"] == "money":
        typed = "0"
    else:
        last = re.split(r"[,\s、]+", value.strip())[-1]
        nxt = _next_month(last) if re.fullmatch(r"\d{4}-\d{2}", last) else (
            str(int(last) + 1) if last.isdigit() else "1")
        typed = ", " + nxt
    kb.type(typed)
    return f"type {typed!r}"


# The focused element's key: its id, or name=value (checkboxes in a group); '' when nothing is focused.
FOCUSED_JS = """() => { const a = document.activeElement;
    if (!a || a === document.body) return '';
    return a.id || (a.name ? a.name + '=' + a.value : a.tagName.toLowerCase()); }"""
# [FOCUSED_JS's key, CONTROL_INFO_JS of the focused element or null]
FOCUSED_CONTROL_JS = ("() => { const a = document.activeElement; return [(" + FOCUSED_JS + ")(),"
                      " a && a !== document.body ? (" + CONTROL_INFO_JS + ")(a) : null]; }")


def tab_to_next(page, current: str | None, limit: int = 6) -> str:
    """Press Tab until focus leaves the current element (a date input has several stops); return
    a key for the newly focused element (id, or name=value for checkboxes in a group)."""
    return tab_to_control(page, current, limit)[0]


def tab_to_control(page, current: str | None, limit: int = 6) -> tuple[str, dict | None]:
    """tab_to_next, returning with the key what change_by_keyboard reads of the control (CONTROL_INFO_JS), in
    the same read of the page: (key, info) for press_to_change."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        now, info = page.evaluate(FOCUSED_CONTROL_JS)
        if now != current:
            return now, info
    raise AssertionError(f"Tab does not leave {current!r}")


def press_to_change(page, info: dict) -> str:
    """change_by_keyboard for the focused control, given tab_to_control's info of it (no other read of the page
    but a typed date's value)."""
    return _press_to_change(page, info, lambda: page.evaluate("document.activeElement.value"))


# async (form, ms): wait in the page (no polling round trips) until the form has settled (support.SETTLED_JS)
# or ms have passed; then the inputs (COLLECT_JS) and what it shows (SHOWN_JS), read together.
SETTLED_READ_JS = """async (form, ms) => {
  const settled = SETTLED;
  if (!settled(form)) await new Promise(resolve => {
    const done = () => { observer.disconnect(); clearTimeout(timer); resolve(); };
    const observer = new MutationObserver(() => { if (settled(form)) done(); });
    const timer = setTimeout(done, ms);
    observer.observe(form, {attributes: true, attributeFilter: ['data-mb-state', 'data-mb-result']});
  });
  return {inputs: (COLLECT)(form), shown: (SHOWN)(form)};
}""".replace("SETTLED", SETTLED_JS).replace("COLLECT", COLLECT_JS).replace("SHOWN", SHOWN_JS)


def expect_settled_shows_calc(form, name: str, policy: str, lang: str, timeout: int = ANSWER_TIMEOUT) -> dict:
    """expect_shows_calc for the form of calculator `name` and `policy`, its first look taken once the form
    has settled (awaited in the page) with the inputs read in the same call; should the form not show
    calc.run's answer then (still changing), expect_shows_calc polls for the rest of the timeout."""
    start = time.monotonic()
    read = form.evaluate(SETTLED_READ_JS, timeout)
    run = calc.run(name, policy, read["inputs"])
    if not _differences(run, read["shown"], lang):
        return run
    left = timeout - int((time.monotonic() - start) * 1000)
    return expect_shows_calc(form, lang, timeout=max(left, 0))


def control_keys(form) -> list[str]:
    """The keys (see tab_to_next) of the form's controls, in document order."""
    return form.evaluate("""f => [...f.querySelectorAll('.mb-field input, .mb-field select, .mb-field textarea')]
        .filter(c => !c.disabled && c.type !== 'hidden')
        .map(c => c.id || (c.name + '=' + c.value))""")
