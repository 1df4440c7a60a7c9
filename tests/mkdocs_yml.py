"""mkdocs.yml as data, for the tests that read the site's languages and names from it."""
from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import yaml

MKDOCS_YML = Path(__file__).resolve().parent.parent / "mkdocs.yml"


class _Loader(yaml.SafeLoader):
    """mkdocs.yml may hold tags (!ENV, !!python/name:...): read them as nothing."""


_Loader.add_multi_constructor("", lambda loader, suffix, node: None)


@functools.cache
def mkdocs_yml() -> dict[str, Any]:
    return yaml.load(MKDOCS_YML.read_text(encoding="utf-8"), Loader=_Loader)   # noqa: S506 (a SafeLoader)
