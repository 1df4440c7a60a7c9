"""`make bench`: the four benchmarks one after another, then every issue-14 figure in ONE table.

    python -m scripts.bench.all [--out bench-results.json] [--reps 5] [--quick]

Builds the site once (mkdocs build into a temporary directory) and runs, each printing its own
table as it goes, with `--json` into the same temporary directory:
  scripts/bench/widget.py   boot vs bare loadPyodide, recompute, long tasks, bytecode vs source
  scripts/bench/wire.py     bytes on the wire, first tap at 1.6 / 20 Mbit/s, Save-Data, widget
                            bytes at 5 / 100 synthetic policies, search index before / after a search
  scripts/bench/offline.py  the offline bundle: zip size, file:// vs http
  scripts/bench/build.py    build time at 100 / 1,000 synthetic policies vs plain mkdocs-material,
                            and the search index a page loads at 100 / 1,000
Then prints the summary (figure, result, detail, goal, verdict) and writes it, with each
benchmark's raw figures and run time, to --out (default bench-results.json, gitignored).
A benchmark, not a test: exits 0 whatever the verdicts; 1 when a benchmark could not run
(its rows then say so). --quick: fewer repetitions and no 1,000-policy build (a smoke run).
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "tests" / "browser"))
sys.path.insert(0, str(REPO))

from support import build_site  # noqa: E402

MB, KB = 1e6, 1e3


def run(name: str, args: list[str], out: Path, log: dict) -> dict | None:
    """python -m scripts.bench.<name> args --json out; its own table goes to the terminal."""
    print(f"\n=== scripts/bench/{name}.py {' '.join(args)}", flush=True)
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", f"scripts.bench.{name}", *args, "--json", str(out)], cwd=REPO)
    log[name] = {"seconds": round(time.perf_counter() - start, 1), "returncode": proc.returncode}
    if proc.returncode != 0 or not out.is_file():
        print(f"scripts/bench/{name}.py failed ({proc.returncode})", file=sys.stderr)
        return None
    return json.loads(out.read_text(encoding="utf-8"))


def verdict(ok: bool | None) -> str:
    return "—" if ok is None else ("OK" if ok else "MISSED")


def sized(raw: int, gz: int, br: int | None) -> str:
    return f"{raw / KB:,.0f} KB raw, gzip {gz / KB:,.0f} KB, brotli {br / KB if br else 0:,.0f} KB"


def spread(values: list[float]) -> str:
    """median [min–max] ms, n: a shared machine is noisy, so the spread is shown."""
    return f"{statistics.median(values):,.0f} ms [{min(values):,.0f}–{max(values):,.0f}] n={len(values)}"


def summary(widget: dict | None, wire: dict | None, offline: dict | None, build: dict | None) -> list[tuple]:
    """(figure, result, detail, goal, verdict) for every issue-14 figure; 'not run' where a benchmark failed."""
    rows: list[tuple] = []
    missing = ("not run", "the benchmark failed: see its output above", "", verdict(None))

    if wire:
        packed, plain = wire["to_result_packed"], wire["to_result_plain"]
        rows.append(("bytes, opening 衡阳 → first live result (compressed copies)", f"{packed['bytes'] / MB:.2f} MB",
                     f"uncompressed {plain['bytes'] / MB:.2f} MB; {packed['requests']} requests", "≤ 4.5 MB",
                     verdict(packed["bytes"] <= 4.5 * MB)))
        slow = wire.get("tap_1_6mbit")
        rows.append(("first tap → live result, 1.6 Mbit/s, 150 ms RTT",
                     f"{slow['ms'] / 1000:.1f} s" if slow else "skipped",
                     f"{slow['bytes'] / MB:.2f} MB on the wire; one run" if slow else "not run (--quick)", "≤ 30 s",
                     verdict(slow["ms"] <= 30_000) if slow else verdict(None)))
        fast = wire["tap_20mbit"]
        rows.append(("first tap → live result, 20 Mbit/s, 20 ms RTT", f"{fast['ms'] / 1000:.1f} s",
                     f"{fast['bytes'] / MB:.2f} MB on the wire; one run", "—", verdict(None)))
        sd = wire["save_data"]
        rows.append(("bytes before any interaction, Save-Data", f"{sd['bytes'] / KB:.0f} KB",
                     f"engine files {len(sd['engine'])}, search index files {len(sd['index'])}",
                     "≤ 400 KB, no engine, no index",
                     verdict(sd["bytes"] <= 400 * KB and not sd["engine"] and not sd["index"])))
        wb = wire["widget_bytes"]
        ratio = wb["synthetic_100"] / wb["synthetic_5"]
        rows.append(("widget bytes (worker + code + data), 5 vs 100 synthetic",
                     f"{wb['synthetic_5'] / KB:.1f} / {wb['synthetic_100'] / KB:.1f} KB",
                     f"100/5 = {ratio:.3f}×; 5 real policies {wb['real'] / KB:.1f} KB", "equal ± 5 %",
                     verdict(abs(ratio - 1) <= 0.05)))
        rows.append(("search index a page loads before a search", f"{wire['search']['before']} B", "", "0",
                     verdict(wire["search"]["before"] == 0)))
        rows.append(("search index after a search, 5 synthetic (zh)", f"{wire['index_5'][0] / KB:,.0f} KB",
                     sized(*wire["index_5"]), "—", verdict(None)))
    else:
        rows.append(("wire figures (bytes, first tap, Save-Data, widget bytes, index at 5)", *missing))

    if build:
        for size, b in sorted(build.items(), key=lambda kv: int(kv[0])):
            raw, gz, br = b["index_zh"]
            best = min(x for x in (gz, br) if x)
            goal = "≤ 1 MB compressed" if int(size) >= 1000 else "—"
            rows.append((f"search index after a search, {int(size):,} synthetic (zh)", f"{best / KB:,.0f} KB",
                         sized(raw, gz, br), goal, verdict(best <= MB) if int(size) >= 1000 else verdict(None)))
        for size, b in sorted(build.items(), key=lambda kv: int(kv[0])):
            ours, plain = statistics.median(b["ours"]), statistics.median(b["plain"])
            rows.append((f"build, {int(size):,} synthetic policies ({b['pages']:,} pages): ours / plain mkdocs",
                         f"{ours / plain:.2f}×", f"{ours:.1f} s vs {plain:.1f} s", "≤ 2×", verdict(ours / plain <= 2)))
        if len(build) >= 2:
            small, large = min(build, key=int), max(build, key=int)
            growth = statistics.median(build[large]["ours"]) / statistics.median(build[small]["ours"])
            limit = int(large) / int(small) * 1.1
            rows.append((f"build growth, {int(large):,} / {int(small):,} policies", f"{growth:.1f}×",
                         "linear would be " + f"{int(large) / int(small):.0f}×", f"≤ {limit:.0f}×", verdict(growth <= limit)))
    else:
        rows.append(("build scaling and search index at 100 / 1,000 synthetic", *missing))

    if widget:
        bare = widget["bare_ms"]
        first = [w["ms"] for w in widget["widget"]]
        rows.append(("widget first result vs bare loadPyodide() (stock engine)", f"{widget['ratio']:.2f}×",
                     f"widget {spread(first)}; bare {spread(bare)}", "≤ 0.95×", verdict(widget["ratio"] <= 0.95)))
        lat = widget["recompute_ms"]
        parts = widget.get("recompute_parts") or {}
        worst = max(parts, key=lambda k: parts[k]["p95"]) if parts else None
        rows.append(("recompute p95, input → result in the DOM", f"{widget['recompute_p95']:.1f} ms",
                     f"n={len(lat)}, p50 {widget['recompute_p50']:.1f} ms"
                     + (f"; largest p95 part: {worst} {parts[worst]['p95']:.1f} ms" if worst else ""),
                     "≤ 16 ms", verdict(widget["recompute_p95"] <= 16)))
        def task(ms: float) -> str:
            return f"{ms:.0f} ms" if ms else "none ≥ 50 ms"

        hit = sum(1 for w in widget["widget"] if w["longtask_boot"])
        rows.append(("longest main-thread task during boot", task(widget["longtask_boot_ms"]),
                     f"in {hit} of {len(widget['widget'])} runs; page load itself: {task(widget['longtask_load_ms'])}",
                     "< 50 ms",
                     verdict(widget["longtask_boot_ms"] < 50)))
        bc = widget.get("bytecode")
        if bc:
            med = {arm: statistics.median(bc[arm]["ms"]) for arm in ("source", "stdlib", "bytecode")}
            rows.append(("first result, stdlib as bytecode (shipped) vs as source", f"{med['stdlib'] / med['source']:.2f}×",
                         f"bytecode {spread(bc['stdlib']['ms'])}; source {spread(bc['source']['ms'])}",
                         "< 1× (kept)", verdict(med["stdlib"] < med["source"])))
            rows.append(("first result, calc as bytecode too (not shipped) vs stdlib only",
                         f"{med['bytecode'] / med['stdlib']:.2f}×",
                         f"{spread(bc['bytecode']['ms'])}; bundle {bc['bytecode']['bytes']['calc-bundle.js'] / KB:,.0f} "
                         f"vs {bc['stdlib']['bytes']['calc-bundle.js'] / KB:,.0f} KB raw", "—", verdict(None)))
    else:
        rows.append(("widget figures (vs bare loadPyodide, recompute, long tasks, bytecode)", *missing))

    if offline:
        rows.append(("offline bundle: file:// vs http, open → result", f"{offline['ratio_open']:.2f}×",
                     f"file:// {offline['medians']['c']['open_ms']:,.0f} ms, http {offline['medians']['a']['open_ms']:,.0f} ms "
                     f"(medians of {len(offline['runs']['a'])})", "≤ 1.10×", verdict(offline["ratio_open"] <= 1.10)))
        rows.append(("offline bundle zip", f"{offline['zip_bytes'] / MB:.2f} MB", "", "≤ 10 MB",
                     verdict(offline["zip_bytes"] <= 10 * MB)))
    else:
        rows.append(("offline bundle (file:// vs http, zip size)", *missing))
    return rows


def print_table(rows: list[tuple]) -> None:
    width = [max(len(r[i]) for r in rows) for i in range(5)]
    head = ("figure", "result", "detail", "goal", "")
    line = "  ".join(f"{{:<{w}}}" for w in width)
    print(line.format(*head))
    print("-" * (sum(width) + 8))
    for r in rows:
        print(line.format(*r))


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=REPO / "bench-results.json")
    ap.add_argument("--reps", type=int, default=5, help="repetitions for widget.py and offline.py (default 5)")
    ap.add_argument("--quick", action="store_true", help="2 repetitions, 60 recompute samples, no 1.6 Mbit/s run, "
                                                         "build at 100 policies only")
    args = ap.parse_args(argv)
    reps = 2 if args.quick else args.reps
    started = time.perf_counter()
    log: dict = {}
    with tempfile.TemporaryDirectory(prefix="mingbai-bench-all-") as tmp_name:
        tmp = Path(tmp_name)
        print("building the site once for widget.py, wire.py and offline.py (mkdocs build)…", flush=True)
        t0 = time.perf_counter()
        site = build_site(tmp / "site", strict=False)
        log["site build"] = {"seconds": round(time.perf_counter() - t0, 1), "returncode": 0}
        widget = run("widget", ["--site", str(site), "--reps", str(reps)]
                     + (["--samples", "60", "--bytecode-reps", "2"] if args.quick else []), tmp / "widget.json", log)
        wire = run("wire", ["--site", str(site)] + (["--skip-slow"] if args.quick else []), tmp / "wire.json", log)
        offline = run("offline", ["--site", str(site), "--reps", str(reps)], tmp / "offline.json", log)
        build = run("build", ["--sizes", "100"] if args.quick else [], tmp / "build.json", log)
    total = time.perf_counter() - started
    rows = summary(widget, wire, offline, build)
    print(f"\n=== Issue 14, every figure side by side (one `make bench`, {total / 60:.1f} min: "
          + ", ".join(f"{k} {v['seconds']:.0f} s" for k, v in log.items()) + ")")
    print_table(rows)
    args.out.write_text(json.dumps({
        "seconds": round(total, 1), "runs": log,
        "summary": [dict(zip(("figure", "result", "detail", "goal", "verdict"), r)) for r in rows],
        "raw": {"widget": widget, "wire": wire, "offline": offline, "build": build},
    }, indent=2, ensure_ascii=False), encoding="utf-8")
    print(f"\nwritten: {args.out}")
    return 0 if all(v["returncode"] == 0 for v in log.values()) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
