"""scripts/bundle/offline_bundle.py without a browser: links made for directory URLs, pointed at files."""
from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from scripts.bundle.offline_bundle import fix_link, fix_page, online_dir, version  # noqa: E402


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


def test_root_absolute_links_of_404_point_into_the_bundle(tmp_path):
    """MkDocs writes 404.html with /assets/… (it may be served at any depth); on file:// that is the
    disk's root, so the bundle's 404 page loaded no style or script (issue 12, item 11)."""
    site = tree(tmp_path, ["index.html", "404.html", "en/index.html", "assets/mingbai/site.css",
                           "assets/mingbai/material-init.js", "assets/images/favicon.png"])
    html = ('<link href="/assets/mingbai/site.css"><script src="/assets/mingbai/material-init.js"></script>'
            '<link rel="icon" href="/assets/images/favicon.png"><a href="/./">home</a><a href="/en/">en</a>'
            '<a href="/nowhere/">x</a>')
    out = fix_page(site, "404.html", html)
    assert 'href="assets/mingbai/site.css"' in out and 'src="assets/mingbai/material-init.js"' in out
    assert 'href="assets/images/favicon.png"' in out
    assert 'href="index.html"' in out and 'href="en/index.html"' in out
    assert 'href="/nowhere/"' in out            # nothing there: left alone
    assert fix_link(site, "en/index.html", "/assets/mingbai/site.css") == "../assets/mingbai/site.css"
    assert not any(f'{a}="/' in out.replace('href="/nowhere/"', "") for a in ("href", "src"))
