"""Build-scaling benchmark: our build of N synthetic policies vs a plain mkdocs-material build.

    python -m scripts.bench.build [--sizes 100 1000] [--reps 1]

For each N, in one run and interleaved: (a) our site built from N synthetic policies
(scripts/policy/synthetic.py: every page bilingual + 繁體, calculator widget, worked
examples, tables), (b) a plain mkdocs-material site with the same number of Markdown
pages of similar length and the same navigation shape. Prints seconds and ratios:
goals ours/plain ≤ 2× and ours(1000)/ours(100) ≤ 11× (linear). A benchmark, not a test.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from scripts.policy.synthetic import write_synthetic  # noqa: E402

MKDOCS = str(ROOT / ".venv" / "bin" / "mkdocs")
HAND_WRITTEN = ("about.md", "about.en.md", "embed.md", "embed.en.md", "assets/mingbai")


def _our_project(work: Path, count: int) -> tuple[Path, dict]:
    """A copy of the site config pointing at synthetic policies and a private docs dir."""
    policies = write_synthetic(work, count)
    docs = work / "docs"
    for rel in HAND_WRITTEN:
        src, dst = ROOT / "docs" / rel, docs / rel
        dst.parent.mkdir(parents=True, exist_ok=True)
        if src.is_dir():
            shutil.copytree(src, dst, dirs_exist_ok=True, ignore=shutil.ignore_patterns("calc-bundle.js", "hant-map.js"))
        else:
            shutil.copy2(src, dst)
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text = re.sub(r"^docs_dir: .*$", f"docs_dir: {docs}", text, flags=re.M)
    text = text.replace("custom_dir: scripts/site/theme", f"custom_dir: {ROOT / 'scripts' / 'site' / 'theme'}")
    # `watch:` paths are relative to the config file: point them at the repository
    text = re.sub(r"^watch:\n((?:  - .*\n)+)",
                  lambda m: "watch:\n" + "".join(f"  - {ROOT / line[4:]}\n" for line in m.group(1).splitlines()),
                  text, flags=re.M)
    config = work / "mkdocs.yml"
    config.write_text(text, encoding="utf-8")
    env = {"MINGBAI_POLICIES_DIR": str(policies), "MINGBAI_POLICY_DATA": str(work / "policies.json")}
    return config, env


def _plain_project(work: Path, pages: int, sample: str) -> Path:
    """Plain Markdown pages of the same length and nav shape, default material + search."""
    docs = work / "plain-docs"
    (docs).mkdir(parents=True)
    (docs / "index.md").write_text("# Home\n\nPlain pages.\n", encoding="utf-8")
    for n in range(pages):
        path = docs / f"p{n % 31:02d}" / f"c{n // 310:02d}" / f"page{n:05d}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"# Page {n}\n\n{sample}\n", encoding="utf-8")
    config = work / "plain.yml"
    config.write_text(
        "site_name: plain\n"
        f"docs_dir: {docs}\n"
        "theme:\n  name: material\n  font: false\n  features: [navigation.sections, navigation.prune]\n"
        "plugins:\n  - search\n", encoding="utf-8")
    return config


def _build(config: Path, out: Path, env: dict | None = None) -> float:
    run_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    start = time.perf_counter()
    proc = subprocess.run([MKDOCS, "build", "-q", "-f", str(config), "-d", str(out)],
                          capture_output=True, text=True, env=run_env, cwd=ROOT)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"build failed ({config}):\n{proc.stderr[-3000:]}")
    return elapsed


def _index_sizes(site: Path) -> tuple[int, int, int | None]:
    """Raw, gzip and brotli bytes of the zh search index (scripts/site/search_index.py)."""
    data = (site / "search" / "search_index.zh.json").read_bytes()
    br = (site / "search" / "search_index.zh.json.br")
    gz = (site / "search" / "search_index.zh.json.gz")
    return len(data), gz.stat().st_size if gz.is_file() else len(data), br.stat().st_size if br.is_file() else None


def _count_pages(site: Path) -> int:
    """MkDocs pages (every language); embed pages are written by our hook, not MkDocs pages."""
    return sum(1 for page in site.rglob("index.html") if page.relative_to(site).parts[0] != "embed")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--reps", type=int, default=1)
    parser.add_argument("--json", type=Path, help="also write the figures here (scripts/bench/all.py)")
    args = parser.parse_args(argv)
    results: dict[int, dict[str, list[float]]] = {}
    pages_built: dict[int, int] = {}
    indexes: dict[int, tuple] = {}   # the zh search index a page loads on a search (issue 14)
    with tempfile.TemporaryDirectory(prefix="mingbai-bench-build-") as tmp:
        for size in args.sizes:
            work = Path(tmp) / str(size)
            config, env = _our_project(work, size)
            times: dict[str, list[float]] = {"ours": [], "plain": []}
            plain_config = None
            for rep in range(args.reps):
                site = work / f"site-{rep}"
                times["ours"].append(_build(config, site, env))
                pages = _count_pages(site)
                pages_built[size] = pages
                indexes[size] = _index_sizes(site)
                if plain_config is None:
                    html = next(text for page in sorted(site.glob("policies/**/index.html"))
                                if 'class="mb-calc"' in (text := page.read_text(encoding="utf-8")))
                    article = re.search(r"<article.*?</article>", html, re.S)
                    words = re.sub(r"<[^>]+>", " ", article.group(0) if article else html)
                    sample = " ".join(words.split())  # as long as our pages: same content cost
                    plain_config = _plain_project(work, pages, sample)
                times["plain"].append(_build(plain_config, work / f"plain-site-{rep}"))
                shutil.rmtree(site)
                shutil.rmtree(work / f"plain-site-{rep}")
            results[size] = times
    print(f"{'policies':>9} {'pages':>6} {'ours s':>8} {'plain s':>8} {'ours/plain':>10}")
    for size, times in results.items():
        ours, plain = statistics.median(times["ours"]), statistics.median(times["plain"])
        print(f"{size:>9} {pages_built[size]:>6} {ours:>8.1f} {plain:>8.1f} {ours / plain:>9.2f}×")
    print(f"{'policies':>9} {'zh search index: raw':>21} {'gzip':>9} {'brotli':>9}   (loaded on a search only; goal ≤ 1 MB compressed at 1,000)")
    for size, (raw, gz, br) in indexes.items():
        print(f"{size:>9} {raw / 1e6:>18.2f} MB {gz / 1e6:>6.2f} MB {br / 1e6 if br else 0:>6.2f} MB")
    if len(results) >= 2:
        small, large = min(results), max(results)
        o = statistics.median(results[large]["ours"]) / statistics.median(results[small]["ours"])
        p = statistics.median(results[large]["plain"]) / statistics.median(results[small]["plain"])
        print(f"growth {large}/{small}: ours {o:.1f}× (goal ≤ {large / small * 1.1:.0f}×), plain {p:.1f}×")
    if args.json:
        args.json.write_text(json.dumps({str(size): {"pages": pages_built[size], **times, "index_zh": indexes[size]}
                                         for size, times in results.items()}, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
