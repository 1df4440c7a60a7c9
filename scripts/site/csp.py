"""The site's Content-Security-Policy: one text for the pages' <meta>, `make serve-site` and the README.

Under it no inline script, event-handler attribute or javascript: URL runs, so text a policy author
or a share link smuggles into a page stays inert even where escaping failed (issue 21, items 1 and 7).
It is what tests/browser/test_csp.py serves as a header, plus what a <meta> can say and the site
needs: material's icons are data: images on file:// (img-src data:), no plugins, no <base>, forms
post only to the site. Not in the meta (browsers ignore it there): frame-ancestors; embeds are meant
to be framed by other sites (docs/embed.md).

The offline bundle (file://) carries none: a file:// page has no origin for 'self' to match, and the
theme's search runs through iframe-worker, an iframe whose worker script is inline.
"""
from __future__ import annotations

from html import escape

CSP = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self' blob:; "
       "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'")

# the stored-text pages (sources/<file>.html) run no script at all
SOURCE_PAGE_CSP = "script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'"   # file:// too: styles untouched


def meta(policy: str = CSP) -> str:
    """The <meta http-equiv> element; first in <head>, before anything it must govern."""
    return f'<meta http-equiv="Content-Security-Policy" content="{escape(policy)}">'
