"""The Jinja2 environment every generated page and widget is rendered with (templates/).

One per process (`environment()` is cached): compiling the templates is most of a small build's time.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import jinja2

from . import html_slots
from .formatting import format_value
from .garbled import has_garbled, readable_quote

TEMPLATES = Path(__file__).with_name("templates")


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """One environment per process: compiling templates is most of a small build's time."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,             # YAML text is data: a <script> in a label prints as text
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    # front-matter titles as readable JSON strings: \uXXXX escapes would stay 简体 on zh-Hant pages
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False}
    env.filters["fmt"] = format_value
    env.filters["mdesc"] = markdown_escape
    env.filters["readable"] = readable_quote   # garbled runs in a quote shown as a marked gap (garbled.py)
    env.tests["garbled"] = has_garbled
    env.globals["html_block"] = html_slots.html_block
    return env


def markdown_escape(text: str) -> str:
    """Escape Markdown syntax in YAML text placed in Markdown (HTML is escaped by autoescape).

    `{` and `}` too: a title ending in `{: onclick=... }` would otherwise be an attribute list
    (the attr_list extension) and become a live attribute of the heading or table cell.

    >>> markdown_escape("Title {: onclick=alert(1) }")
    'Title \\\\{: onclick=alert(1) \\\\}'
    """
    return "".join("\\" + ch if ch in "\\`*_[]|#{}" else ch for ch in str(text))
