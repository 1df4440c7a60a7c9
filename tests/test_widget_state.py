"""The widget's shared state (docs/assets/mingbai/widget/state.js) has one writer: state.js itself.
Every other module reads `state` and changes it through state.js's named transitions (issue 23)."""
from __future__ import annotations

import re

from scripts.bundle.widget_bundle import SOURCES

STATE = r"(?<![\w.$])state\.\w+(?:\.\w+|\[[^\]]*\])*"
WRITES = re.compile(rf"{STATE}\s*(?:[-+*/]?=(?!=)|\+\+|--)|\+\+\s*{STATE}|delete\s+{STATE}"
                    rf"|{STATE}\.(?:push|pop|shift|unshift|splice|sort|reverse|fill)\(")
COMMENT = re.compile(r"/\*.*?\*/|//[^\n]*", re.S)


def writes(source: str) -> list[str]:
    """The statements in a module's code (comments aside) that change the shared state.

    >>> writes("state.engine = 'idle'; if (state.engine === 'ready') x = state.worker; state.forms.push(st);")
    ['state.engine =', 'state.forms.push(']
    >>> writes("var id = state.nextId++; delete state.inflight[id]; st.state = 1; // state.x = 2")
    ['state.nextId++', 'delete state.inflight[id]']
    """
    return [m.group(0) for m in WRITES.finditer(COMMENT.sub("", source))]


def test_only_state_js_writes_the_shared_state() -> None:
    modules = sorted(SOURCES.glob("*.js"))
    assert len(modules) > 10 and (SOURCES / "state.js") in modules
    found = {path.name: writes(path.read_text(encoding="utf-8")) for path in modules if path.name != "state.js"}
    assert not any(found.values()), {name: w for name, w in found.items() if w}
    assert writes((SOURCES / "state.js").read_text(encoding="utf-8")), "state.js is the writer"
