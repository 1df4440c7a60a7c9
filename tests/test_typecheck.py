"""mypy over calc/ (strict) and scripts/ ([tool.mypy] in pyproject.toml), as `make typecheck` runs it.

`make test` and CI fail when mypy does; without mypy installed (`make install` brings it, the `lint`
extra) the test is skipped with a message, except under CI=true, where a missing mypy is a failure.
"""

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_mypy_is_clean() -> None:
    if importlib.util.find_spec("mypy") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("mypy is not installed, and CI must type-check: pip install -e '.[lint]'")
        pytest.skip("mypy is not installed (make install brings it): type check not run")
    result = subprocess.run(
        [sys.executable, "-m", "mypy"],   # files and options from [tool.mypy] in pyproject.toml
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, f"mypy found errors (make typecheck):\n{result.stdout}{result.stderr}"
