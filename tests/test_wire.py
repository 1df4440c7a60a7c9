"""Compressed delivery (scripts/bundle/wire.py): .gz/.br copies beside the big files, and a server that
answers Accept-Encoding with them (tests/browser/support.py serve, `make serve-site`)."""
from __future__ import annotations

import gzip
import os
import socket
import struct
import time
import sys
import urllib.request
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests" / "browser"))

from scripts.bundle import wire  # noqa: E402
from scripts.bundle.widget_bundle import SOURCES, write_widget_bundle  # noqa: E402
from support import serve  # noqa: E402

brotli = pytest.importorskip("brotli")


@pytest.fixture
def site(tmp_path, monkeypatch):
    monkeypatch.setattr(wire, "CACHE", tmp_path / "cache")
    root = tmp_path / "site"
    for rel, data in {
        "assets/pyodide/pyodide.asm.js": b"function f(){return 1}\n" * 4000,
        "assets/pyodide/python_stdlib.zip": os.urandom(50_000),   # already packed: no copies
        "assets/mingbai/calc-bundle.js": b"self.MINGBAI_CALC_FILES = {};\n" * 500,
        "assets/mingbai/data/hunan/x/2023-a.js": b"(self.MINGBAI_POLICY_DATA = {})['a'] = {};\n" * 50,
        "search/search_index.zh.json": b'{"docs": []}' * 300,
        "search/search_index.json": b'{"docs": []}' * 300,   # every language: offline bundle only
        "policies/x/index.html": b"<html>" * 300,   # pages are not precompressed
    }.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(data)
    return root


def test_copies_beside_the_files_that_gain(site):
    written = wire.precompress(site)
    names = sorted(p.relative_to(site).as_posix() for p in written)
    for rel in ("assets/pyodide/pyodide.asm.js", "assets/mingbai/calc-bundle.js",
                "assets/mingbai/data/hunan/x/2023-a.js", "search/search_index.zh.json"):
        assert f"{rel}.gz" in names and f"{rel}.br" in names, names
        original = (site / rel).read_bytes()
        assert gzip.decompress((site / f"{rel}.gz").read_bytes()) == original
        assert brotli.decompress((site / f"{rel}.br").read_bytes()) == original
    assert not any("python_stdlib" in n or n.endswith((".html.gz", "search_index.json.gz")) for n in names), names
    # a second run reads the cache and writes the same bytes (deterministic)
    before = {p: p.read_bytes() for p in written}
    assert sorted(wire.precompress(site)) == sorted(written)
    assert all(p.read_bytes() == data for p, data in before.items())


def _get(url: str, encoding: str | None):
    req = urllib.request.Request(url, headers={"Accept-Encoding": encoding} if encoding else {})
    with urllib.request.urlopen(req) as resp:
        return resp.headers, resp.read()


@pytest.mark.parametrize("accept,want", [("br, gzip", "br"), ("gzip, deflate", "gzip"), (None, None),
                                         ("br;q=0, gzip", "gzip")])
def test_server_answers_accept_encoding(site, accept, want):
    wire.precompress(site)
    rel = "assets/mingbai/calc-bundle.js"
    original = (site / rel).read_bytes()
    with serve(site) as url:
        headers, body = _get(url + rel, accept)
        html_headers, _ = _get(url + "policies/x/", accept)
    assert headers.get("Content-Encoding") == want
    assert headers.get("Content-Type") == "text/javascript"
    unpacked = {"br": brotli.decompress, "gzip": gzip.decompress, None: lambda b: b}[want](body)
    assert unpacked == original
    if want:
        assert headers.get("Vary") == "Accept-Encoding"
        assert int(headers["Content-Length"]) == len(body) < len(original)
    assert html_headers.get("Content-Encoding") is None


@pytest.mark.node   # bundles the widget with esbuild
def test_engine_sizes_stamped(site):
    for rel in wire.ENGINE_FILES:
        path = site / rel
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(b"x" * 10)
    (site / wire.WIDGET).write_text("var ENGINE_BYTES = config.engineBytes || /*mingbai:engine-bytes*/0;\n")
    (site / wire.WORKER).write_text("var SIZES = /*mingbai:sizes*/{};\n")
    total = wire.stamp_engine_bytes(site)
    # what the wire sends: the compressed copy where it saves, else the file (issue 20 item 6)
    assert total == sum(wire.wire_size(site / rel) for rel in wire.ENGINE_FILES)
    assert f"/*mingbai:engine-bytes*/{total};" in (site / wire.WIDGET).read_text()
    stdlib = (site / "assets/pyodide/python_stdlib_calc.zip").stat().st_size
    assert f'"python_stdlib_calc.zip": {stdlib}' in (site / wire.WORKER).read_text()
    # the real scripts carry the placeholders (widget.js: once bundled from its modules)
    write_widget_bundle(SOURCES, site / "bundled-widget.js")
    assert wire.PLACEHOLDER.search((site / "bundled-widget.js").read_text(encoding="utf-8"))
    assert wire.SIZES.search((REPO / "docs" / wire.WORKER).read_text(encoding="utf-8"))


def test_wire_size_is_what_is_sent(tmp_path):
    """A figure shown to a reader is the bytes the wire sends (issue 20 item 6): a compressible file counts as its
    smaller copy, one that compression does not shrink by MIN_SAVING as itself."""
    import os
    text, noise = tmp_path / "a.js", tmp_path / "b.bin"
    text.write_bytes(b"var x = 1;\n" * 5000)
    noise.write_bytes(os.urandom(20000))
    assert wire.wire_size(text) < text.stat().st_size / 10
    assert wire.wire_size(noise) == noise.stat().st_size


def test_a_client_leaving_mid_download_is_no_error(tmp_path, capsys):
    """A browser navigating away resets the connection while a file is being sent: no traceback on the
    server's stderr (`make serve-site`, the tests' server), and the server goes on answering."""
    (tmp_path / "big.bin").write_bytes(os.urandom(8_000_000))
    (tmp_path / "index.html").write_bytes(b"<p>ok</p>")
    with serve(tmp_path) as url:
        host, port = url.split("//")[1].rstrip("/").split(":")
        for _ in range(3):
            sock = socket.create_connection((host, int(port)))
            sock.sendall(b"GET /big.bin HTTP/1.1\r\nHost: x\r\n\r\n")
            sock.recv(1000)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))   # close with a reset
            sock.close()
        time.sleep(0.5)   # the server's threads meet the reset
        assert urllib.request.urlopen(url + "index.html").read() == b"<p>ok</p>"
    err = capsys.readouterr().err
    assert "Traceback" not in err and "Error" not in err, err
