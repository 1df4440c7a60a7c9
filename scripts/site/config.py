"""The `mingbai` plugin's options in mkdocs.yml (typed, checked by MkDocs before the build starts)."""
from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class MingbaiConfig(base.Config):
    # policy YAML and stored sources; MINGBAI_POLICIES_DIR wins (benchmarks, tests on copies)
    policies_dir = c.Optional(c.Dir(exists=True))
    # where the generated pages are written: never docs/ (that holds what people write).
    # Empty: a directory in the system's temporary folder, one per site directory, removed at the end.
    pages_dir = c.Type(str, default="")
