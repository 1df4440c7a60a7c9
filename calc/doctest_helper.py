"""The calculator modules' doctest helper, defined once.

    run_flexible = result_runner(__name__)                       # run_flexible(policy_id, inputs)
    run_cap = result_runner(__name__, "hunan/2025-enrolment-measures")   # run_cap(inputs)

Each returns the `result` of a run that must succeed (calc.api.result_of) of the module's CALCULATOR.
"""
from __future__ import annotations

from typing import Any

import sys
from collections.abc import Callable


def result_runner(module: str, policy_id: str | None = None) -> Callable[..., dict[str, Any]]:
    """A doctest's `result` of a successful run of sys.modules[module].CALCULATOR, the policy bound or not."""
    bound = (policy_id,) if policy_id else ()

    def result(*args: Any) -> dict[str, Any]:
        from .api import result_of   # at call time: calc.api imports the calculator modules

        return result_of(sys.modules[module].CALCULATOR.name, *bound, *args)

    return result
