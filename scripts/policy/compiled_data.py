"""calc/data/policies.json: the loaded policies as calc reads them (JSON, Decimal and dates as strings).

The loader writes it (`python -m scripts.policy.loader --compile`, `make policies`); the site build,
`make build` and `make bundle` read it; tests/test_compiled_data.py checks it is fresh.
"""
from __future__ import annotations

import datetime as dt
import json
import os
from decimal import Decimal
from pathlib import Path
from typing import Any

from calc.data import FORMAT

from ..paths import ROOT
from ..write_files import write_if_changed

COMPILED = Path(os.environ.get("MINGBAI_POLICY_DATA") or ROOT / "calc" / "data" / "policies.json")


def to_json_ready(value: Any) -> Any:
    """Decimal → string, date → ISO string: what calc reads in CPython and Pyodide.

    >>> to_json_ready({"rate": Decimal("0.070"), "from": dt.date(2024, 1, 1), "list": [Decimal("1")]})
    {'rate': '0.070', 'from': '2024-01-01', 'list': ['1']}
    """
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): to_json_ready(v) for k, v in value.items()}
    if isinstance(value, list):
        return [to_json_ready(v) for v in value]
    return value


def compiled_text(policies: dict[str, dict]) -> str:
    payload = {"format": FORMAT, "policies": {pid: to_json_ready(policies[pid]) for pid in sorted(policies)}}
    return json.dumps(payload, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def write_compiled(policies: dict[str, dict], out: Path = COMPILED) -> bool:
    """Write calc/data/policies.json if it changed; True when written."""
    return write_if_changed(out, compiled_text(policies))
