"""Where the policy files and their stored sources are read from (MINGBAI_POLICIES_DIR for tests and benchmarks)."""
from __future__ import annotations

import os
from pathlib import Path

from ..paths import ROOT

POLICIES_DIR = Path(os.environ.get("MINGBAI_POLICIES_DIR") or ROOT / "policies")
SOURCES_DIR = POLICIES_DIR / "sources"
