"""ruff over the repository ([tool.ruff] in pyproject.toml: pyflakes, bugbear, pyupgrade, simplify), as `make lint`
runs it, so CI (`make test`) fails when ruff does. Without ruff installed the test is skipped with a message, except
under CI=true, where a missing ruff is a failure (`make install` brings it, the `lint` extra)."""

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_ruff_is_clean() -> None:
    if importlib.util.find_spec("ruff") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("ruff is not installed, and CI must lint: pip install -e '.[lint]'")
        pytest.skip("ruff is not installed (make install brings it): lint not run")
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "."], cwd=ROOT, capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, f"ruff found problems (make lint):\n{result.stdout}{result.stderr}"
