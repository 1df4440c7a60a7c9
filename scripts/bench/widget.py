"""Benchmark the calculator widget against bare Pyodide, in headless Chromium.

One run, side by side, against a served built site (127.0.0.1, random port):

(a) bare boot: on a blank page of the same server, load assets/pyodide/pyodide.js
    and await loadPyodide({indexURL}) — the floor for any Pyodide page;
(b) widget: on the 衡阳 page, from the first interaction (focus the months input,
    set 6, dispatch input) to the computed result in the DOM. Idle boot is turned
    off (MINGBAI_WIDGET_CONFIG) so the engine starts at the interaction: the
    worst case a visitor can meet;
    (a) and (b) are interleaved, each in a fresh browser context (cold HTTP cache);
(c) recompute latency: 200 random valid inputs, in-page performance.now() from
    dispatching the input event to a MutationObserver seeing the new result;
    split into: input → request posted (widget), posted → answer received (worker queue,
    messaging), of which calc.run_json and JSON.parse in the worker, and answer → DOM (widget);
(d) the longest main-thread task (PerformanceObserver 'longtask') during (b);
(e) bytecode (scripts/bundle/bytecode.py) vs source: (b) with python_stdlib_calc.zip and calc-bundle.js
    answered from memory (interleaved) as: both source / stdlib as bytecode, calc as source (what
    the site ships) / both as bytecode (bundle_calc.py bytecode=True, not shipped).

Goals (issue 14): (b)/(a) ≤ 0.95, (c) p95 ≤ 16 ms, (d) < 50 ms. Prints a table and exits 0
whatever the figures (a benchmark, not a test); exits 1 only if it cannot run.

Usage: python -m scripts.bench.widget [--site DIR] [--page PATH] [--reps 5] [--samples 200]
                                     [--bytecode-reps 4] [--json FILE]
Without --site the site is built first (`mkdocs build` into a temporary directory).
"""
from __future__ import annotations

import argparse
import functools
import json
import random
import statistics
import sys
import tempfile
import threading
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import TypedDict

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "tests" / "browser"))
sys.path.insert(0, str(REPO))

from support import CHROMIUM, HENGYANG_ZH, LOCAL_HOST, QuietHandler, build_site, launch_chromium  # noqa: E402

import calc  # noqa: E402
from scripts.bundle.bundle_calc import render_calc_bundle  # noqa: E402
from scripts.bundle.bytecode import compiled_zip  # noqa: E402
from scripts.bundle.trim_stdlib import FULL, keep_list, trimmed_bytes  # noqa: E402

BLANK_PATH = "/__bench__/blank.html"
BLANK_HTML = b"<!doctype html><html><head><meta charset='utf-8'><title>blank</title></head><body></body></html>"
CALC = "flexible-contribution"
POLICY = "hunan/hengyang/2023-flexible-employment"
FORM = f'form.mb-calc[data-calc="{CALC}"][data-policy="{POLICY}"]'
GOAL_RATIO, GOAL_P95_MS, GOAL_LONGTASK_MS = 0.95, 16.0, 50.0
STDLIB = "python_stdlib_calc.zip"

LONGTASK_SCRIPT = """
window.__longtasks = [];
try {
  new PerformanceObserver(function (list) {
    list.getEntries().forEach(function (e) { window.__longtasks.push({start: e.startTime, dur: e.duration}); });
  }).observe({type: "longtask", buffered: true});
} catch (e) { window.__longtasks = null; }
"""

# each request the widget posts and each answer it receives, with the worker's own timings (ms)
TRACE_SCRIPT = """
window.__mbTrace = {};
(function () {
  var Native = window.Worker, post = Native.prototype.postMessage;
  Native.prototype.postMessage = function (msg) {
    if (msg && msg.id !== undefined && msg.id !== null) window.__mbTrace[msg.id] = {sent: performance.now()};
    return post.apply(this, arguments);
  };
  window.Worker = function (url, opts) {
    var w = new Native(url, opts);
    w.addEventListener("message", function (ev) {   // before the widget's own onmessage
      var d = ev.data || {}, e = window.__mbTrace[d.id];
      if (d.type === "result" && e) { e.recv = performance.now(); e.worker = d.ms || null; e.origin = performance.timeOrigin; }
    });
    return w;
  };
  window.Worker.prototype = Native.prototype;
})();
"""

BARE_JS = """
async (indexURL) => {
  const t0 = performance.now();
  await new Promise((resolve, reject) => {
    const s = document.createElement("script");
    s.src = indexURL + "pyodide.js";
    s.onload = resolve;
    s.onerror = () => reject(new Error("pyodide.js failed to load"));
    document.head.appendChild(s);
  });
  const py = await loadPyodide({indexURL});
  const ms = performance.now() - t0;
  if (py.runPython("1 + 1") !== 2) throw new Error("Pyodide is not working");
  return ms;
}
"""

FIRST_RESULT_JS = """
(value) => new Promise((resolve, reject) => {
  const form = document.querySelector(FORM_SELECTOR);
  const out = form.querySelector("[data-output=period_total]");
  const input = form.querySelector(".mb-field[data-field=months] input");
  const result = form.querySelector(".mb-result");
  const before = out.textContent;
  let t0 = 0;
  const timer = setTimeout(() => reject(new Error("no result within 120 s; status: " +
      form.querySelector(".mb-status").textContent)), 120000);
  const mo = new MutationObserver(() => {
    if (out.textContent !== before && !result.classList.contains("mb-stale")) {
      const t1 = performance.now();
      mo.disconnect();
      clearTimeout(timer);
      const mark = (name) => { const m = performance.getEntriesByName(name); return m.length ? m[0].startTime : null; };
      resolve({ms: t1 - t0, t0: t0, t1: t1, text: out.textContent,
               ready: mark("mingbai:ready"), boot: mark("mingbai:boot"),
               timings: (window.MingbaiWidget || {}).timings || null});
    }
  });
  mo.observe(form, {subtree: true, childList: true, characterData: true, attributes: true});
  t0 = performance.now();
  input.focus();
  input.value = value;
  input.dispatchEvent(new Event("input", {bubbles: true}));
})
""".replace("FORM_SELECTOR", json.dumps(FORM))

RECOMPUTE_JS = """
async (values) => {
  const form = document.querySelector(FORM_SELECTOR);
  const out = form.querySelector("[data-output=period_total]");
  const input = form.querySelector(".mb-field[data-field=months] input");
  const latencies = [], texts = [], parts = [], before = {};
  const seen = new Set(Object.keys(window.__mbTrace).map(Number));
  for (const v of values) {
    const ms = await new Promise((resolve) => {
      let t0 = 0;
      const mo = new MutationObserver(() => { const t1 = performance.now(); mo.disconnect(); resolve(t1 - t0); });
      mo.observe(out, {subtree: true, childList: true, characterData: true});
      input.value = String(v);
      t0 = performance.now();
      input.dispatchEvent(new Event("input", {bubbles: true}));
      before.t0 = t0;
    });
    const ids = Object.keys(window.__mbTrace).map(Number).filter((id) => !seen.has(id));
    ids.forEach((id) => seen.add(id));
    const e = ids.length === 1 ? window.__mbTrace[ids[0]] : null;   // one request per sample
    const w = e && e.worker;
    parts.push(e && e.recv ? {post: e.sent - before.t0, answer: e.recv - e.sent,
                              to_worker: w && w.at ? w.at - (e.origin + e.sent) : null,
                              calc: w ? w.calc : null, parse: w ? w.parse : null,
                              to_page: w && w.done ? (e.origin + e.recv) - w.done : null,
                              dom: before.t0 + ms - e.recv} : null);
    latencies.push(ms);
    texts.push(out.textContent);
    await new Promise((r) => setTimeout(r, 0));
  }
  return {latencies, texts, parts};
}
""".replace("FORM_SELECTOR", json.dumps(FORM))


class BenchHandler(QuietHandler):
    def do_GET(self):  # noqa: N802 - http.server naming
        if self.path.split("?")[0] == BLANK_PATH:
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(BLANK_HTML)))
            self.end_headers()
            self.wfile.write(BLANK_HTML)
            return
        super().do_GET()


def start_server(directory: Path):
    server = ThreadingHTTPServer((LOCAL_HOST, 0), functools.partial(BenchHandler, directory=str(directory)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://{LOCAL_HOST}:{server.server_address[1]}/"


def percentile(values: list[float], p: float) -> float:
    s = sorted(values)
    if not s:
        return float("nan")
    k = (len(s) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (k - lo)


def run_bare(browser, base: str) -> float:
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(base + BLANK_PATH.lstrip("/"), wait_until="load")
        return float(page.evaluate(BARE_JS, base + "assets/pyodide/"))
    finally:
        context.close()


def _answer(body: bytes, kind: str):
    return lambda route: route.fulfill(status=200, body=body, headers={"Content-Type": kind})


def open_widget_page(browser, url: str, engine: dict | None = None):
    context = browser.new_context()
    context.add_init_script("window.MINGBAI_WIDGET_CONFIG = {idleBoot: false};")
    context.add_init_script(LONGTASK_SCRIPT)
    context.add_init_script(TRACE_SCRIPT)
    for name, (body, kind) in (engine or {}).items():   # (e): these files instead of the site's
        context.route(f"**/{name}*", _answer(body, kind))
    page = context.new_page()
    page.goto(url, wait_until="load")
    return context, page


def run_widget(browser, url: str, expected_text: str | None, engine: dict | None = None) -> dict:
    context, page = open_widget_page(browser, url, engine)
    try:
        page.wait_for_timeout(50)   # let the page settle after load, as a visitor would
        assert page.evaluate("MingbaiWidget.state()") == "idle", "engine started before the interaction"
        r = page.evaluate(FIRST_RESULT_JS, "6")
        tasks = page.evaluate("window.__longtasks") or []
        during = [t for t in tasks if t["start"] + t["dur"] >= r["t0"] and t["start"] <= r["t1"]]
        before = [t["dur"] for t in tasks if t["start"] + t["dur"] < r["t0"]]
        worst = max(during, key=lambda t: t["dur"]) if during else None
        r["longtask_boot"] = worst["dur"] if worst else 0.0
        # when it began, ms after the interaction (0: the interaction's own handler; near r["ms"]: the result)
        r["longtask_boot_at"] = worst["start"] - r["t0"] if worst else None
        r["longtask_load"] = max(before) if before else 0.0
        r["longtask_supported"] = page.evaluate("window.__longtasks !== null")
        r["correct"] = expected_text is None or r["text"] == expected_text
        return r
    finally:
        context.close()


def run_recompute(browser, url: str, samples: int, seed: int) -> dict:
    context, page = open_widget_page(browser, url)
    try:
        page.evaluate(FIRST_RESULT_JS, "6")
        rng = random.Random(seed)
        box = page.locator(f"{FORM} .mb-field[data-field=months] input")
        lo = int(box.get_attribute("min") or 1)
        hi = int(box.get_attribute("max") or 12)
        values, prev = [], 6
        for _ in range(samples):
            # the widget skips a request for the inputs already shown, so every sample changes the value
            v = rng.choice([x for x in range(lo, hi + 1) if x != prev])
            values.append(v)
            prev = v
        r = page.evaluate(RECOMPUTE_JS, values)
        r["values"] = values
        return r
    finally:
        context.close()


ARMS = ("source", "stdlib", "bytecode")   # (e): what is bytecode: nothing / the stdlib / stdlib and calc


def engine_arms(site: Path) -> dict[str, dict]:
    """(e): {arm: {file name: (body, content type)}}, from the site's stock zip and calc."""
    source = trimmed_bytes(site / "assets" / "pyodide" / FULL, keep_list())
    zips = {"source": source, "bytecode": compiled_zip(source)}
    js = "text/javascript"
    bundles = {b: render_calc_bundle(REPO / "calc", bytecode=b).encode() for b in (False, True)}
    return {
        "source": {STDLIB: (zips["source"], "application/zip"), "calc-bundle.js": (bundles[False], js)},
        "stdlib": {STDLIB: (zips["bytecode"], "application/zip"), "calc-bundle.js": (bundles[False], js)},
        "bytecode": {STDLIB: (zips["bytecode"], "application/zip"), "calc-bundle.js": (bundles[True], js)},
    }


class ArmTimes(TypedDict):
    """(e) one arm's runs: first result, loadPyodide and calc import (ms each), and what it downloads (bytes)."""
    ms: list[float]
    pyodide_ms: list[float]
    calc_ms: list[float]
    bytes: dict[str, int]


def spread(values: list[float]) -> str:
    """median [min–max] of a few runs: the noise a shared machine adds is visible."""
    return f"{statistics.median(values):,.0f} [{min(values):,.0f}–{max(values):,.0f}]"


def parts_summary(parts: list[dict | None]) -> dict[str, dict[str, float]]:
    """p50/p95 of each part of a recompute (requests with a full trace only)."""
    full = [p for p in parts if p]
    return {k: {"p50": percentile([p[k] for p in full if p[k] is not None], 50),
                "p95": percentile([p[k] for p in full if p[k] is not None], 95)}
            for k in ("post", "answer", "to_worker", "calc", "parse", "to_page", "dom")} if full else {}


def expected_texts(lang: str) -> dict[int, str] | None:
    out = {}
    for m in range(1, 13):
        res = calc.run(CALC, POLICY, {"months": str(m)})
        if res.get("ok"):
            out[m] = res["display"]["period_total"][lang]
    return out


def fmt(ms: float) -> str:
    return f"{ms:,.0f} ms" if ms >= 100 else f"{ms:.1f} ms"


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--site", type=Path, help="built site directory (default: build one now)")
    ap.add_argument("--page", default=HENGYANG_ZH, help=f"page with the widget, relative to the site (default {HENGYANG_ZH})")
    ap.add_argument("--reps", type=int, default=5, help="repetitions of (a) and (b) each (default 5)")
    ap.add_argument("--samples", type=int, default=200, help="recompute samples (default 200)")
    ap.add_argument("--bytecode-reps", type=int, default=4,
                    help="(e) interleaved runs each with the stdlib as bytecode / as source (default 4; 0: skip)")
    ap.add_argument("--seed", type=int, default=20230101)
    ap.add_argument("--json", type=Path, help="also write the raw figures here")
    args = ap.parse_args(argv)

    try:   # deferred: Playwright is optional (the test extra); without it the benchmark says so
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("playwright is not installed (pip install playwright) / 未安装 playwright", file=sys.stderr)
        return 1

    tmp = None
    site = args.site
    if site is None:
        tmp = tempfile.TemporaryDirectory(prefix="mingbai-bench-")
        print("building the site (mkdocs build)…", file=sys.stderr)
        try:
            site = build_site(Path(tmp.name) / "site", strict=False)
        except RuntimeError as exc:
            print(exc, file=sys.stderr)
            return 1
    if not (site / args.page / "index.html").is_file() and not (site / args.page).is_file():
        print(f"{site / args.page} not found / 找不到页面", file=sys.stderr)
        return 1

    server, base = start_server(site)
    url = base + args.page
    lang = "en" if args.page.startswith("en/") else "zh"
    texts = expected_texts(lang)
    want6 = texts.get(6) if texts else None
    bare, widget = [], []
    try:
        with sync_playwright() as pw:
            browser = launch_chromium(pw)
            version = browser.version
            # one discarded warm-up of each (OS file cache, server threads, browser process)
            run_bare(browser, base)
            run_widget(browser, url, want6)
            for i in range(args.reps):
                order = ("a", "b") if i % 2 == 0 else ("b", "a")
                for which in order:
                    if which == "a":
                        bare.append(run_bare(browser, base))
                    else:
                        widget.append(run_widget(browser, url, want6))
                print(f"  rep {i + 1}/{args.reps}: bare {bare[-1]:.0f} ms, widget {widget[-1]['ms']:.0f} ms",
                      file=sys.stderr, flush=True)
            rec = run_recompute(browser, url, args.samples, args.seed)
            arms = engine_arms(site) if args.bytecode_reps > 0 else {}
            stdlib_runs: dict[str, list[dict]] = {k: [] for k in arms}
            for i in range(args.bytecode_reps):
                for which in ARMS[i % 3:] + ARMS[:i % 3]:   # rotated: no arm always first
                    stdlib_runs[which].append(run_widget(browser, url, want6, arms[which]))
                print(f"  bytecode rep {i + 1}/{args.bytecode_reps}: " + ", ".join(
                    f"{k} {v[-1]['ms']:.0f} ms" for k, v in stdlib_runs.items()), file=sys.stderr, flush=True)
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
        if tmp is not None:
            tmp.cleanup()

    med_a = statistics.median(bare)
    med_b = statistics.median(w["ms"] for w in widget)
    ratio = med_b / med_a
    ready = [w["ready"] - w["t0"] for w in widget if w.get("ready") is not None]
    phases = [w["timings"] for w in widget if w.get("timings")]
    breakdown = " / ".join(
        f"{statistics.median(t[k] for t in phases):.0f}" for k in ("scripts", "pyodide", "calc")
    ) if phases else "n/a"
    lat = rec["latencies"]
    p50, p95, pmax = percentile(lat, 50), percentile(lat, 95), max(lat)
    wrong = sum(1 for v, t in zip(rec["values"], rec["texts"]) if texts and t != texts.get(v))
    long_boot = max(w["longtask_boot"] for w in widget)
    long_at = [f"{w['longtask_boot']:.0f} ms at +{w['longtask_boot_at']:.0f} of {w['ms']:.0f}"
               for w in widget if w.get("longtask_boot_at") is not None]
    long_load = max(w["longtask_load"] for w in widget)
    supported = all(w["longtask_supported"] for w in widget)
    all_correct = all(w["correct"] for w in widget)

    def verdict(ok: bool) -> str:
        return "OK" if ok else "MISSED"

    parts = parts_summary(rec.get("parts") or [])
    names = {"post": "input → request posted (widget)", "answer": "posted → answer (worker round trip)",
             "to_worker": "  of which page → worker message delivery",
             "calc": "  of which calc.run_json in the worker", "parse": "  of which JSON.parse in the worker",
             "to_page": "  of which worker → page message delivery",
             "dom": "answer → result in the DOM (widget)"}
    part_rows = [(f"    {names[k]}", f"p50 {v['p50']:.1f} ms", f"p95 {v['p95']:.1f} ms", "", "")
                 for k, v in parts.items()]
    times: dict[str, ArmTimes] = {}   # (e), empty when skipped or a run is missing
    shipped_ratio, arms_correct = 0.0, False
    if stdlib_runs and all(stdlib_runs.values()):
        times = {arm: ArmTimes(ms=[r["ms"] for r in runs],
                               pyodide_ms=[r["timings"]["pyodide"] for r in runs if r.get("timings")],
                               calc_ms=[r["timings"]["calc"] - r["timings"]["pyodide"] for r in runs if r.get("timings")],
                               bytes={name: len(body) for name, (body, _) in arms[arm].items()})
                 for arm, runs in stdlib_runs.items()}
        # what the site ships: the stdlib as bytecode, calc as source (scripts/bundle/bundle_calc.py)
        shipped_ratio = statistics.median(times["stdlib"]["ms"]) / statistics.median(times["source"]["ms"])
        arms_correct = all(r["correct"] for v in stdlib_runs.values() for r in v)
    rows = [
        ("(a) bare loadPyodide() on a blank page", fmt(med_a), ", ".join(f"{x:.0f}" for x in bare), "", ""),
        ("(b) widget: interaction → first result", fmt(med_b), ", ".join(f"{w['ms']:.0f}" for w in widget), "", ""),
        ("    of which interaction → engine ready", fmt(statistics.median(ready)) if ready else "n/a",
         ", ".join(f"{x:.0f}" for x in ready), "", ""),
        ("    worker: scripts / +pyodide / +calc import", breakdown, "cumulative ms since the worker began", "", ""),
        ("    ratio (b)/(a)", f"{ratio:.2f}×", "", f"≤ {GOAL_RATIO:.2f}×", verdict(ratio <= GOAL_RATIO)),
        (f"(c) recompute input→DOM, n={len(lat)}", f"p50 {p50:.1f} ms", f"p95 {p95:.1f} ms, max {pmax:.1f} ms",
         f"p95 ≤ {GOAL_P95_MS:.0f} ms", verdict(p95 <= GOAL_P95_MS)),
        *part_rows,
        ("(d) longest main-thread task during (b)",
         (f"{long_boot:.0f} ms" if long_boot else "none ≥ 50 ms") if supported else "n/a",
         (f"in {len(long_at)} of {len(widget)} runs: {'; '.join(long_at)}; " if long_at else "")
         + (f"page load itself: {long_load:.0f} ms" if long_load else "page load itself: none ≥ 50 ms"),
         f"< {GOAL_LONGTASK_MS:.0f} ms", verdict(supported and long_boot < GOAL_LONGTASK_MS)),
    ]
    if times:
        labels = {"source": "(e) all source: interaction → result", "stdlib": "    stdlib bytecode (shipped)",
                  "bytecode": "    stdlib and calc bytecode (not shipped)"}
        for arm, label in labels.items():
            b = times[arm]
            rows.append((f"{label}, n={len(b['ms'])}", spread(b["ms"]),
                         f"loadPyodide {spread(b['pyodide_ms'])}, calc import {spread(b['calc_ms'])}; "
                         + ", ".join(f"{k} {v / 1e3:.0f} KB" for k, v in b["bytes"].items()), "", ""))
        rows.append(("    ratio shipped / all source (medians)", f"{shipped_ratio:.2f}×", "", "< 1.00×",
                     verdict(shipped_ratio < 1.0)))
    print()
    print(f"Mingbai widget benchmark — Chromium {version} ({CHROMIUM}), headless, {url}")
    print(f"{args.reps} interleaved cold runs each for (a)/(b) after one warm-up; medians. Seed {args.seed}.")
    w0 = max(len(r[0]) for r in rows)
    w1 = max(len(r[1]) for r in rows)
    w2 = max(len(r[2]) for r in rows)
    w3 = max(len(r[3]) for r in rows)
    head = ("measure", "median", "runs (ms) / detail", "goal", "")
    print(f"{head[0]:<{w0}}  {head[1]:>{w1}}  {head[2]:<{w2}}  {head[3]:<{w3}}")
    print("-" * (w0 + w1 + w2 + w3 + 14))
    for r in rows:
        print(f"{r[0]:<{w0}}  {r[1]:>{w1}}  {r[2]:<{w2}}  {r[3]:<{w3}}  {r[4]}")
    if not all_correct:
        print("WARNING: the widget's first result differed from CPython calc.run", file=sys.stderr)
    if wrong:
        print(f"WARNING: {wrong} of {len(lat)} recomputed results differed from CPython calc.run", file=sys.stderr)
    elif texts:
        print(f"All {len(lat)} recomputed results matched CPython calc.run.")

    if args.json:
        args.json.write_text(json.dumps({
            "chromium": version, "url": url, "bare_ms": bare, "widget": widget,
            "ratio": ratio, "recompute_ms": lat, "recompute_p50": p50, "recompute_p95": p95,
            "longtask_boot_ms": long_boot, "longtask_load_ms": long_load, "mismatches": wrong,
            "recompute_parts": parts,
            "bytecode": {**times, "ratio": shipped_ratio, "correct": arms_correct} if times else None,
        }, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
