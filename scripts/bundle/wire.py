"""What the site sends over the wire (issue 14): the engine's size for widget.js, precompressed copies.

- `stamp_engine_bytes(site)`: widget.js says how much "turn on live calculation" downloads; the
  build writes the figure (bytes the files the calculator worker loads take on the wire: their brotli
  or gzip copies as served, measured here; issue 20 item 6) over the placeholder `/*mingbai:engine-bytes*/0` in the site's copy, and the unpacked
  sizes of the big Pyodide files over `/*mingbai:sizes*/{}` in calc-worker.js (its progress bar:
  a compressed response's Content-Length is not what the body stream counts).
- `precompress(site)`: `<file>.gz` and `<file>.br` beside the engine, the calc bundle, each
  policy's data, the widget scripts, the theme's scripts and styles and the search indexes
  (pages are left to the host, which compresses HTML itself), when they save at least 5 %
  (python_stdlib.zip is deflated already). Brotli at quality 11 takes over a minute for the
  wasm, so results are cached by content hash under ~/.cache/mingbai/wire/ (rebuilds, and builds in other checkouts, cost nothing).
- `PrecompressedHandler`: an http.server handler that answers `Accept-Encoding: br`/`gzip` with
  those copies (`Content-Encoding`, `Vary: Accept-Encoding`), as nginx `brotli_static` /
  `gzip_static` do: used by the test server (tests/browser/support.py) and `make serve-site`.
"""
from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import hashlib
import os
import re
import sys
from concurrent.futures import ThreadPoolExecutor
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from ..paths import ROOT
from ..site.csp import CSP
from ..write_files import write_if_changed

try:   # optional: without it only .gz copies are written
    import brotli
except ImportError:   # pragma: no cover - brotli is in pyproject's site extra
    brotli = None

# per user, not per checkout: the test suite builds in repository copies, and each would pay ~90 s for the wasm
CACHE = Path(os.environ.get("MINGBAI_WIRE_CACHE") or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
             / "mingbai" / "wire")

# the files calc-worker.js loads for every page (the page's policy data, a few KB, comes on top)
ENGINE_FILES = (
    "assets/pyodide/pyodide.js", "assets/pyodide/pyodide.asm.js", "assets/pyodide/pyodide.asm.wasm",
    "assets/pyodide/python_stdlib_calc.zip", "assets/pyodide/pyodide-lock.json",
    "assets/mingbai/calc-worker.js", "assets/mingbai/calc-bundle.js",
)
WIDGET = "assets/mingbai/widget.js"
PLACEHOLDER = re.compile(r"/\*mingbai:engine-bytes\*/\s*\d+")   # esbuild may break the line after the comment
WORKER = "assets/mingbai/calc-worker.js"
SIZES = re.compile(r"/\*mingbai:sizes\*/\{[^}]*\}")
SIZED = ("pyodide.asm.wasm", "python_stdlib_calc.zip")   # the files calc-worker.js shows progress for
# what is precompressed: (directory, glob) under the site
PRECOMPRESSED = (
    ("assets/pyodide", "*"), ("assets/mingbai", "*.js"), ("assets/mingbai", "*.css"),
    # search: the per-language indexes pages load (search_index.json, every language, is only read
    # by the offline bundle; at 1,000 policies it is 32 MB and brotli 11 would take minutes)
    ("assets/mingbai/data", "**/*.js"), ("search", "search_index.*.json"),
    ("assets/javascripts", "*.js"), ("assets/javascripts/workers", "*.js"), ("assets/stylesheets", "*.css"),
)
MIN_SAVING = 0.05


class WireError(RuntimeError):
    pass


def engine_bytes(site: Path) -> int:
    """Bytes of the engine files (uncompressed) in a built site."""
    missing = [rel for rel in ENGINE_FILES if not (Path(site) / rel).is_file()]
    if missing:
        raise WireError(f"引擎文件缺失 / engine files missing in {site}: {', '.join(missing)}")
    return sum((Path(site) / rel).stat().st_size for rel in ENGINE_FILES)


def wire_size(path: Path) -> int:
    """What the wire sends for one file when the host serves the precompressed copies (README "What a page
    downloads"): the smaller of its brotli and gzip copies where one saves at least MIN_SAVING, else the file.
    Measured by compressing (cached by content hash), so it holds before precompress() writes the copies."""
    data = Path(path).read_bytes()
    sizes = [len(data)] + [len(_packed(data, kind)) for kind in (("gz", "br") if brotli is not None else ("gz",))]
    return min(n for n in sizes if n == len(data) or n <= (1 - MIN_SAVING) * len(data))


def engine_wire_bytes(site: Path) -> int:
    """Bytes the engine files take on the wire (compressed, as served): what a reader downloads (issue 20 item 6)."""
    engine_bytes(site)   # every file is there, or WireError
    return sum(wire_size(Path(site) / rel) for rel in ENGINE_FILES)


def stamp_engine_bytes(site: Path) -> int:
    """Write the engine's size into the site's widget.js; returns it."""
    worker = Path(site) / WORKER
    text = worker.read_text(encoding="utf-8")
    if not SIZES.search(text):
        raise WireError(f"{worker}: no /*mingbai:sizes*/ placeholder / 缺少文件大小占位符")
    sizes = ", ".join(f'"{name}": {(Path(site) / "assets/pyodide" / name).stat().st_size}' for name in SIZED)
    write_if_changed(worker, SIZES.sub("/*mingbai:sizes*/{" + sizes + "}", text, count=1))
    path = Path(site) / WIDGET
    text = path.read_text(encoding="utf-8")
    if not PLACEHOLDER.search(text):
        raise WireError(f"{path}: no /*mingbai:engine-bytes*/ placeholder / 缺少引擎大小占位符")
    size = engine_wire_bytes(site)   # after the worker's stamp: it is one of the files; compressed, as sent
    write_if_changed(path, PLACEHOLDER.sub(f"/*mingbai:engine-bytes*/{size}", text, count=1))
    return size


def _packed(data: bytes, kind: str) -> bytes:
    """gzip (level 9, no timestamp: deterministic) or brotli (quality 11), cached by content hash."""
    key = CACHE / f"{hashlib.sha256(data).hexdigest()}.{kind}"
    if key.is_file():
        return key.read_bytes()
    packed = gzip.compress(data, 9, mtime=0) if kind == "gz" else brotli.compress(data, quality=11)
    write_if_changed(key, packed)   # whole: parallel builds never read half a file
    return packed


def _precompress_file(path: Path) -> list[Path]:
    data = path.read_bytes()
    written = []
    for kind in ("gz", "br") if brotli is not None else ("gz",):
        out = path.with_name(f"{path.name}.{kind}")
        packed = _packed(data, kind)
        if len(packed) > (1 - MIN_SAVING) * len(data):
            out.unlink(missing_ok=True)   # not worth it: the file goes as it is
            continue
        write_if_changed(out, packed)   # whole or not at all: a server may be reading the old copy
        written.append(out)
    return written


def precompressed_sources(site: Path) -> list[Path]:
    site = Path(site)
    found = {p for folder, pattern in PRECOMPRESSED for p in (site / folder).glob(pattern)
             if p.is_file() and p.suffix not in (".gz", ".br", ".tmp")}
    return sorted(found)


def precompress(site: Path) -> list[Path]:
    """Write .gz/.br copies beside the files in PRECOMPRESSED; returns the copies written."""
    with ThreadPoolExecutor(max_workers=min(8, os.cpu_count() or 1)) as pool:   # zlib/brotli release the GIL
        return [p for written in pool.map(_precompress_file, precompressed_sources(site)) for p in written]


class PrecompressedHandler(SimpleHTTPRequestHandler):
    """Serve <file>.br / <file>.gz for <file> when the client accepts it (as nginx *_static does)."""

    ENCODINGS = (("br", ".br"), ("gzip", ".gz"))

    def _accepted(self) -> set[str]:
        header = self.headers.get("Accept-Encoding", "")
        accepted = set()
        for part in header.split(","):
            name, _, params = part.strip().partition(";")
            if name and not re.search(r"q=0(\.0*)?\s*$", params):
                accepted.add(name.strip().lower())
        return accepted

    def send_head(self):
        # a NUL in the path made open() raise ValueError: a traceback and a reset connection (issue 21)
        if "\x00" in self.path or "%00" in self.path:
            self.send_error(400, "Bad request path")
            return None
        path = self.translate_path(self.path)
        if path.endswith(tuple(suffix for _, suffix in self.ENCODINGS)):
            # a copy asked for by name would go out typed as the original without Content-Encoding
            self.send_error(404, "Not found")
            return None
        if os.path.isfile(path):
            accepted = self._accepted()
            for encoding, suffix in self.ENCODINGS:
                if encoding in accepted and os.path.isfile(path + suffix):
                    return self._send_packed(path, path + suffix, encoding)
        return super().send_head()

    def handle(self) -> None:
        # a browser that leaves a page mid-download closes the connection: the reader's choice, not the server's
        # error (socketserver would print a traceback for each)
        try:
            super().handle()
        except ConnectionError:
            self.close_connection = True

    def list_directory(self, path):
        """No listings: a directory without index.html is not a page of the site."""
        self.send_error(404, "Not found")
        return None

    def _send_packed(self, path: str, packed: str, encoding: str):
        f = open(packed, "rb")   # noqa: SIM115  closed by copyfile's caller (do_GET), as in the base class
        try:
            size = os.fstat(f.fileno()).st_size
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(path))
            self.send_header("Content-Encoding", encoding)
            self.send_header("Content-Length", str(size))
            self.send_header("Vary", "Accept-Encoding")
            self.send_header("Last-Modified", self.date_time_string(int(os.path.getmtime(path))))
            self.end_headers()
            return f
        except Exception:
            f.close()
            raise


class SiteHandler(PrecompressedHandler):
    """`make serve-site`: the precompressed copies plus the site's Content-Security-Policy header on
    every response (scripts/site/csp.py; the pages carry it as a <meta> too) and nosniff. The test
    servers subclass PrecompressedHandler and send their own policies."""

    def end_headers(self):
        self.send_header("Content-Security-Policy", CSP)
        self.send_header("X-Content-Type-Options", "nosniff")
        super().end_headers()


def serve(directory: Path, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve a built site with its precompressed copies (`make serve-site`)."""
    handler = functools.partial(SiteHandler, directory=str(directory))
    with ThreadingHTTPServer((host, port), handler) as server:
        print(f"serving {directory} on http://{host}:{port}/ (br/gzip copies honoured; Ctrl-C stops)")
        server.serve_forever()


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description="Serve a built site with its precompressed copies.")
    ap.add_argument("directory", type=Path, nargs="?", default=ROOT / "site")
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=8000)
    args = ap.parse_args(argv)
    if not (args.directory / "index.html").is_file():
        print(f"{args.directory} 不是构建好的站点，请先 make build / is not a built site: run make build first")
        return 1
    with contextlib.suppress(KeyboardInterrupt):
        serve(args.directory, args.host, args.port)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
