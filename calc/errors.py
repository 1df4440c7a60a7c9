"""Bilingual input errors: the only kind of failure a calculator reports."""
from __future__ import annotations

from typing import Any

from dataclasses import dataclass


@dataclass(frozen=True)
class InputError:
    field: str
    message_zh: str
    message_en: str

    def as_dict(self) -> dict[str, Any]:
        return {"field": self.field, "message_zh": self.message_zh, "message_en": self.message_en}


class InputErrors(Exception):
    """Raised with every problem found, so a form can show them all at once."""

    def __init__(self, errors: list[InputError]):
        super().__init__("; ".join(e.message_en for e in errors))
        self.errors = errors


def fail(field: str, message_zh: str, message_en: str) -> InputErrors:
    return InputErrors([InputError(field, message_zh, message_en)])
