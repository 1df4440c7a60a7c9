"""Where things are: the repository root every script and the site plugin work from."""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
