"""The compiled policy data shipped with calc (built from policies/*.yaml)."""
from __future__ import annotations

from typing import Any

import json
import os
from functools import lru_cache
from pathlib import Path

# MINGBAI_POLICY_DATA: another compiled file (the build-scaling benchmark's synthetic policies)
POLICIES_JSON = Path(os.environ.get("MINGBAI_POLICY_DATA") or Path(__file__).with_name("data") / "policies.json")

# The shape of the compiled file this calc reads; scripts/policy/loader.py writes it. Raise it when
# that shape changes, so a file compiled by an older loader stops with DataFormatError, not a KeyError.
FORMAT = 1


class DataFormatError(RuntimeError):
    """The compiled data is of another format than this calc reads (recompile it: `make policies`)."""


def check_format(payload: dict[str, Any], path: Path | str = "calc/data/policies.json") -> dict[str, Any]:
    """payload's policies when its format is FORMAT; else the bilingual DataFormatError.

    >>> check_format({"format": FORMAT, "policies": {}})
    {}
    >>> check_format({"format": 0, "policies": {}})
    Traceback (most recent call last):
    ...
    calc.data.DataFormatError: calc/data/policies.json 的格式为 0，本程序读取格式 1：请运行 `make policies` 重新编译。 / calc/data/policies.json has format 0; this calc reads format 1: run `make policies` to recompile it.
    """
    # isinstance although annotated: the payload is whatever policies.json holds
    found = payload.get("format") if isinstance(payload, dict) else None  # type: ignore[redundant-expr]
    if found != FORMAT or not isinstance(payload.get("policies"), dict):
        raise DataFormatError(
            f"{path} 的格式为 {found}，本程序读取格式 {FORMAT}：请运行 `make policies` 重新编译。 / "
            f"{path} has format {found}; this calc reads format {FORMAT}: run `make policies` to recompile it.")
    policies: dict[str, Any] = payload["policies"]
    return policies


@lru_cache(maxsize=1)
def load_policies() -> dict[str, Any]:
    """{policy id: policy dict}. Numbers are decimal strings, dates ISO strings."""
    with POLICIES_JSON.open(encoding="utf-8") as fh:
        return check_format(json.load(fh), POLICIES_JSON)
