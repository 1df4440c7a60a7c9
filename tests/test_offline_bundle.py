"""scripts/offline_bundle.py without a browser: links made for directory URLs, pointed at files."""
from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from scripts.offline_bundle import fix_link, fix_page, online_dir, version  # noqa: E402


def tree(root: Path, files: list[str]) -> Path:
    for rel in files:
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text("x", encoding="utf-8")
    return root


def test_online_dir():
    assert online_dir("index.html") == ""
    assert online_dir("en/index.html") == "en"
    assert online_dir("policies/a/b.html") == "policies/a/b"


def test_links_written_for_directory_urls_point_at_files(tmp_path):
    site = tree(tmp_path, ["index.html", "policies/p/x.html", "policies/p/x/table.html", "assets/mingbai/widget.js",
                           "embed.html", "embed/calc/index.html", "en/index.html"])
    page = "policies/p/x.html"
    assert fix_link(site, page, "table/") == "x/table.html"                      # raw HTML "name/" link
    assert fix_link(site, page, "../../../assets/", directory=True) == "../../assets/"   # data-assets
    assert fix_link(site, page, "../../assets/mingbai/widget.js") is None        # MkDocs wrote it right
    assert fix_link(site, page, "../../../embed/") == "../../embed.html"
    assert fix_link(site, page, "../../") == "../../index.html"                  # a directory: its index.html
    assert fix_link(site, "embed/calc/index.html", "../../policies/p/x/") == "../../policies/p/x.html"
    assert fix_link(site, page, "https://example.org/") is None
    assert fix_link(site, page, "/abs/") is None
    html = '<a href="table/#t">t</a><form class="mb-calc" data-assets="../../../assets/"></form>' \
           '<script src="../../assets/mingbai/widget.js"></script>'
    out = fix_page(site, page, html)
    assert 'href="x/table.html#t"' in out and 'data-assets="../../assets/"' in out
    assert '<script src="../../assets/mingbai/offline/engine.js" defer></script>\n<script src="../../assets/mingbai/widget.js">' in out


def test_version_agrees():
    assert version()
