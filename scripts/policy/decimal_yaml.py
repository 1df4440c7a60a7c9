"""Policy YAML read with its numbers as Decimal (never binary floats) and each field's line."""
from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

import yaml


# libyaml's C parser when PyYAML has it (same events and marks, several times faster)
if TYPE_CHECKING:   # one class for mypy, which cannot take a base class chosen at run time
    _FAST_SAFE_LOADER = yaml.SafeLoader
else:
    _FAST_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class DecimalLoader(_FAST_SAFE_LOADER):
    """SafeLoader that reads 286.88 as Decimal('286.88')."""


def _construct_decimal(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Decimal:
    text = node.value.replace("_", "")
    try:
        value = Decimal(text)
    except InvalidOperation:
        value = Decimal("NaN")
    if not value.is_finite():
        raise yaml.constructor.ConstructorError(None, None, f"not a finite number: {node.value!r}", node.start_mark)
    return value


DecimalLoader.add_constructor("tag:yaml.org,2002:float", _construct_decimal)


def line_index(node: yaml.Node, prefix: str = "", out: dict | None = None) -> dict[str, int]:
    """field path → line, for messages about fields found after parsing."""
    out = {} if out is None else out
    out.setdefault(prefix, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            line_index(value, f"{prefix}.{key.value}" if prefix else key.value, out)
    elif isinstance(node, yaml.SequenceNode):
        for i, child in enumerate(node.value):
            line_index(child, f"{prefix}[{i}]", out)
    return out
