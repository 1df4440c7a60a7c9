"""Benchmark the offline bundle against the online site, side by side, in headless Chromium.

One run, interleaved, each load in a fresh browser context (cold cache), idle boot off
(MINGBAI_WIDGET_CONFIG) so the engine starts at the interaction, on the 衡阳 page:

  (a) online site (`mkdocs build`) served over http://127.0.0.1 — the widget's streaming path;
  (b) offline bundle unzipped, served over http — same files as (c), for reference;
  (c) offline bundle unzipped, opened from file:// — every non-file request aborted.

For each: open the page, at the load event set months = 6 and measure
  open → result          navigation start to the computed result in the DOM
  interaction → result   from setting the input to the result (engine boot included)
Goals: zip ≤ 10 MB; (c)/(a) ≤ 1.10 for open → result (the primary figure) — printed as
ratios measured in this run. Exits 0 whatever the figures (a benchmark, not a test); 1 only
if it cannot run.

Usage: python -m scripts.bench.offline [--site DIR] [--bundle ZIP] [--reps 5] [--json FILE]
Without --site / --bundle both are built first (mkdocs build; scripts/bundle/offline_bundle.py).
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "tests" / "browser"))
sys.path.insert(0, str(REPO))

from scripts.bench.widget import FIRST_RESULT_JS, start_server  # noqa: E402
from support import CHROMIUM, HENGYANG_ZH, build_site, launch_chromium  # noqa: E402

import calc  # noqa: E402

POLICY = "hunan/hengyang/2023-flexible-employment"
GOAL_RATIO = 1.10
GOAL_ZIP = 10 * 1000 * 1000


def build_bundle(out: Path) -> Path:
    proc = subprocess.run([sys.executable, "-m", "scripts.bundle.offline_bundle", "--out", str(out)],
                          cwd=REPO, capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(f"offline_bundle.py failed:\n{proc.stdout}\n{proc.stderr}")
    return next(out.glob("mingbai-offline-*.zip"))


def run_once(browser, url: str, file_only: bool, expected: str | None) -> dict:
    context = browser.new_context()
    outside: list[str] = []
    if file_only:
        def route(r):
            if r.request.url.startswith(("file:", "blob:", "data:")):
                r.continue_()
            else:
                outside.append(r.request.url)
                r.abort()
        context.route("**/*", route)
    context.add_init_script("window.MINGBAI_WIDGET_CONFIG = {idleBoot: false};")
    try:
        page = context.new_page()
        page.goto(url, wait_until="load")
        r = page.evaluate(FIRST_RESULT_JS, "6")
        r["open_ms"] = r["t1"]                 # performance.now() counts from navigation start
        r["correct"] = expected is None or r["text"] == expected
        r["outside"] = outside
        return r
    finally:
        context.close()


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--site", type=Path, help="online build (default: build one now)")
    ap.add_argument("--bundle", type=Path, help="offline zip (default: build one now)")
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    try:   # deferred: Playwright is optional (the test extra); without it the benchmark says so
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("playwright is not installed / 未安装 playwright", file=sys.stderr)
        return 1

    with tempfile.TemporaryDirectory(prefix="mingbai-bench-offline-") as tmp_name:
        tmp = Path(tmp_name)
        try:
            site = args.site
            if site is None:
                print("building the online site (mkdocs build)…", file=sys.stderr)
                site = build_site(tmp / "site", strict=False)
            zip_path = args.bundle
            if zip_path is None:
                print("building the offline bundle (scripts/bundle/offline_bundle.py)…", file=sys.stderr)
                zip_path = build_bundle(tmp / "dist")
        except RuntimeError as exc:
            print(exc, file=sys.stderr)
            return 1
        with zipfile.ZipFile(zip_path) as zf:
            zf.extractall(tmp / "unzipped")
        (bundle,) = list((tmp / "unzipped").iterdir())
        zip_size = zip_path.stat().st_size

        try:
            expected = calc.run("flexible-contribution", POLICY, {"months": "6"})["display"]["period_total"]["zh"]
        except Exception:  # noqa: BLE001 - the benchmark still runs without the oracle
            expected = None

        online_server, online = start_server(site)
        bundle_server, bundle_http = start_server(bundle)
        targets = {
            "a": ("(a) online site, http", online + HENGYANG_ZH, False),
            "b": ("(b) offline bundle, http", bundle_http + f"policies/{POLICY}.html", False),
            "c": ("(c) offline bundle, file://", (bundle / "policies" / f"{POLICY}.html").as_uri(), True),
        }
        runs: dict[str, list[dict]] = {k: [] for k in targets}
        try:
            with sync_playwright() as pw:
                browser = launch_chromium(pw)
                version = browser.version
                for _key, (_, url, file_only) in targets.items():   # one discarded warm-up each
                    run_once(browser, url, file_only, expected)
                orders = ["abc", "bca", "cab"]
                for i in range(args.reps):
                    for key in orders[i % 3]:
                        _, url, file_only = targets[key]
                        runs[key].append(run_once(browser, url, file_only, expected))
                    print(f"  rep {i + 1}/{args.reps}: " + ", ".join(
                        f"{k} {runs[k][-1]['open_ms']:.0f} ms" for k in targets), file=sys.stderr, flush=True)
                browser.close()
        finally:
            for server in (online_server, bundle_server):
                server.shutdown()
                server.server_close()

    med = {k: {m: statistics.median(r[m] for r in v) for m in ("open_ms", "ms")} for k, v in runs.items()}
    ratio_open = med["c"]["open_ms"] / med["a"]["open_ms"]
    ratio_inter = med["c"]["ms"] / med["a"]["ms"]
    ratio_same = med["c"]["open_ms"] / med["b"]["open_ms"]
    wrong = [k for k, v in runs.items() if not all(r["correct"] for r in v)]
    leaked = sorted({u for r in runs["c"] for u in r["outside"]})

    print()
    print(f"Mingbai offline bundle benchmark — Chromium {version} ({CHROMIUM}), headless, 衡阳 page, months = 6")
    print(f"{args.reps} interleaved cold runs each after one warm-up; medians (all runs in ms).")
    print(f"{'':32} {'open → result':>14} {'interaction → result':>21}  runs (open → result)")
    for key, (label, _, _) in targets.items():
        print(f"{label:32} {med[key]['open_ms']:>11,.0f} ms {med[key]['ms']:>18,.0f} ms  "
              + ", ".join(f"{r['open_ms']:.0f}" for r in runs[key]))
    print("-" * 96)
    ok = "OK" if ratio_open <= GOAL_RATIO else "MISSED"
    print(f"ratio file:// / online http, open → result        {ratio_open:.2f}×   goal ≤ {GOAL_RATIO:.2f}×  {ok}")
    print(f"ratio file:// / online http, interaction → result {ratio_inter:.2f}×")
    print(f"ratio file:// / same bundle over http              {ratio_same:.2f}×")
    zok = "OK" if zip_size <= GOAL_ZIP else "MISSED"
    print(f"zip size {zip_path.name}: {zip_size / 1e6:.2f} MB = {zip_size / GOAL_ZIP:.2f}× of the 10 MB goal  {zok}")
    if wrong:
        print(f"WARNING: first result differed from CPython calc.run in {wrong}", file=sys.stderr)
    if leaked:
        print(f"WARNING: file:// runs tried the network: {leaked}", file=sys.stderr)
    if args.json:
        args.json.write_text(json.dumps({"chromium": version, "zip_bytes": zip_size, "runs": runs,
                                         "medians": med, "ratio_open": ratio_open,
                                         "ratio_interaction": ratio_inter, "ratio_same_bundle": ratio_same},
                                        indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
