"""Raw-HTML blocks of generated pages kept out of the Markdown parser.

Generated pages are mostly HTML (widgets, figure tables, worked examples) between a few
Markdown headings. Python-Markdown and MkDocs both run an HTML parser over every raw HTML
block, which was most of the build's Markdown time and does nothing for HTML we wrote
ourselves. So templates mark such blocks (`{% call html_block() %}`), `Slots.stash` swaps each
for a one-line placeholder before the page is written, and `fill` puts the HTML back:

- searchable blocks right after Markdown (MkDocs `on_page_content`), so the search index
  and the theme see the same page as before;
- blocks the search index skips anyway (`searchable=False`: every top-level element
  carries `data-search-exclude`, e.g. the calculator widgets) after the page template
  (`on_post_page`), so the search plugin does not parse them either.

The output HTML is byte-for-byte what Markdown would have passed through.
"""
from __future__ import annotations

import hashlib
import re

from markupsafe import Markup

_OPEN = {True: "<!--mb-html-->", False: "<!--mb-html-unsearched-->"}
_CLOSE = "<!--/mb-html-->"
_BLOCK = re.compile(r"(<!--mb-html(?:-unsearched)?-->)\n(.*?)" + re.escape(_CLOSE) + r"\n", re.S)
_PLACEHOLDER = {True: '<div data-mb-html="{}"></div>', False: '<div data-mb-html-late="{}"></div>'}
_FIND = {True: re.compile(r'<div data-mb-html="([0-9a-f]{20})"></div>'),
         False: re.compile(r'<div data-mb-html-late="([0-9a-f]{20})"></div>')}

class SlotError(ValueError):
    """A placeholder whose HTML this build did not stash (e.g. a stale generated page)."""


def html_block(caller, searchable: bool = True) -> Markup:
    """Jinja call block: `{% call html_block() %}<div>…</div>{% endcall %}`.

    Marks raw HTML for `stash`. The markers are HTML comments, and page text is
    autoescaped, so policy text can never forge one.
    """
    body = str(caller())
    if not body.endswith("\n"):
        body += "\n"
    return Markup(f"{_OPEN[searchable]}\n{body}{_CLOSE}\n")


class Slots:
    """The blocks of one build: key (hash of the block) → block HTML."""

    def __init__(self) -> None:
        self.blocks: dict[str, str] = {}

    def stash(self, markdown: str) -> str:
        """Replace every marked block with a placeholder line; keep the HTML for `fill`."""
        def replace(match: re.Match) -> str:
            html = match.group(2)
            key = hashlib.blake2b(html.encode("utf-8"), digest_size=10).hexdigest()
            self.blocks[key] = html
            return _PLACEHOLDER[match.group(1) == _OPEN[True]].format(key) + "\n"
        return _BLOCK.sub(replace, markdown)

    def fill(self, html: str, searchable: bool, where: str = "") -> str:
        """Put stashed blocks back into rendered HTML (searchable ones, or the others)."""
        def replace(match: re.Match) -> str:
            try:
                return self.blocks[match.group(1)].rstrip("\n")
            except KeyError:
                raise SlotError(f"{where}: generated HTML block {match.group(1)} is missing — rebuild / "
                                f"{where}：找不到生成的 HTML 块 {match.group(1)}，请重新构建") from None
        return _FIND[searchable].sub(replace, html)
