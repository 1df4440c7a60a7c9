"""Make every build of a long-lived process (`mkdocs serve`) compute with the sources on disk.

`mkdocs serve` builds again in the same Python process, so without this a rebuild would
- read the policies through calc/data.py's cached copy of the compiled data (the figure table,
  made from the YAML, would show the edited value and every calc result the old one), and
- run the calc and scripts modules imported at the first build, whatever was edited since.

`refresh(namespace)` runs at the start of each build: it always clears calc's data cache (cheap),
and when a .py file under calc/ or scripts/ changed since the last build it drops those modules
from sys.modules and rebinds the caller's imported names (the hook's `from scripts.x import y`)
to freshly imported ones. Reloading module by module (importlib.reload) would leave every
`from .money import q` elsewhere pointing at the old code; re-importing the whole set does not.
Templates need nothing: Jinja's FileSystemLoader reloads a template whose file changed.
"""
from __future__ import annotations

import importlib
import sys
from types import ModuleType

from scripts.paths import ROOT
from scripts.site.ui_words import WORDS_FILE

PACKAGES = ("calc", "scripts")   # our code, the plugin module included (the next rebuild loads it afresh)

_last: dict[str, tuple] = {}


def code_fingerprint() -> tuple:
    """(path, mtime, size) of every .py file in our packages, and of the words file ui_words.py reads when
    imported: changes when any is edited, added or removed."""
    files = sorted(p for package in PACKAGES for p in (ROOT / package).rglob("*.py") if "__pycache__" not in p.parts)
    files.append(WORDS_FILE)
    return tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in files)


def _ours(module_name: str | None) -> bool:
    return module_name is not None and module_name != "" and module_name.split(".")[0] in PACKAGES


def _reimport(namespace: dict) -> None:
    for name in [n for n in sys.modules if _ours(n) and n != __name__]:
        del sys.modules[name]
    for name, value in list(namespace.items()):
        if isinstance(value, ModuleType) and _ours(value.__name__):
            namespace[name] = importlib.import_module(value.__name__)
        elif _ours(getattr(value, "__module__", None)) and hasattr(value, "__name__"):
            namespace[name] = getattr(importlib.import_module(value.__module__), value.__name__)


def refresh(namespace: dict) -> bool:
    """Clear calc's data cache; re-import our code if it changed since the last call. True when re-imported."""
    fingerprint = code_fingerprint()
    changed = "code" in _last and _last["code"] != fingerprint
    _last["code"] = fingerprint
    if changed:
        _reimport(namespace)
    forget_data()
    return changed


def forget_data() -> None:
    """calc reads the compiled data from disk again (call after compiling it)."""
    importlib.import_module("calc.data").load_policies.cache_clear()
