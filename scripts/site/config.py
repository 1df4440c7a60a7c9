"""The `mingbai` plugin's options in mkdocs.yml (typed, checked by MkDocs before the build starts)."""
from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class MingbaiConfig(base.Config):
    # policy YAML and stored sources; MINGBAI_POLICIES_DIR wins (benchmarks, tests on copies)
    policies_dir = c.Optional(c.Dir(exists=True))
    # where the generated pages are written: each build makes a fresh private directory (marker
    # file .mingbai-pages) in this folder, or, when empty, in the system's temporary folder, and
    # removes it at the end. Refused when it is, contains or lies inside docs_dir or the repository.
    pages_dir = c.Type(str, default="")
