"""One problem the loader reports: `file:line: field: English / 中文`."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..paths import ROOT


@dataclass(frozen=True)
class PolicyProblem:
    path: str
    line: int
    field: str
    en: str
    zh: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.field}: {self.en} / {self.zh}"


def rel_path(path: Path) -> str:
    """The path as a problem line shows it: relative to the repository when inside it."""
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)
