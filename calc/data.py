"""The compiled policy data shipped with calc (built from policies/*.yaml)."""
from __future__ import annotations

import json
import os
from functools import lru_cache
from pathlib import Path

# MINGBAI_POLICY_DATA: another compiled file (the build-scaling benchmark's synthetic policies)
POLICIES_JSON = Path(os.environ.get("MINGBAI_POLICY_DATA") or Path(__file__).with_name("data") / "policies.json")


@lru_cache(maxsize=1)
def load_policies() -> dict:
    """{policy id: policy dict}. Numbers are decimal strings, dates ISO strings."""
    with POLICIES_JSON.open(encoding="utf-8") as fh:
        return json.load(fh)["policies"]
