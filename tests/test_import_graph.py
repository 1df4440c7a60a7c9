"""The import graph of calc/ and scripts/ has no cycle (issue 23).

A cycle hidden in a function-local import works until someone moves the import, and then a module
is half-initialised when its partner reads it. So every import counts, at module level and inside
functions; only those under `if TYPE_CHECKING:` do not (they never run). An edge is drawn to the
module an import names: `from pkg import name` to pkg.name when that is a module, else to pkg.
"""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("calc", "scripts")

Edge = tuple[str, int]   # (the module imported, the line importing it)


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _type_checking_only(node: ast.AST) -> bool:
    test = getattr(node, "test", None) if isinstance(node, ast.If) else None
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def imports_of(module: str, path: Path, known: set[str]) -> list[Edge]:
    """Every import in the file naming a module of `known`, wherever it stands."""
    package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    out: list[Edge] = []
    stack: list[ast.AST] = [ast.parse(path.read_text(encoding="utf-8"), str(path))]
    while stack:
        for node in ast.iter_child_nodes(stack.pop()):
            if _type_checking_only(node):
                continue
            if isinstance(node, ast.Import):
                out += [(alias.name, node.lineno) for alias in node.names if alias.name in known]
            elif isinstance(node, ast.ImportFrom):
                base = package[:len(package) - node.level + 1] if node.level else []
                target = ".".join(base + ([node.module] if node.module else []))
                for alias in node.names:
                    sub = f"{target}.{alias.name}"
                    if sub in known or target in known:
                        out.append((sub if sub in known else target, node.lineno))
            stack.append(node)
    return out


def import_graph() -> dict[str, list[Edge]]:
    files = {module_name(p): p for package in PACKAGES for p in sorted((ROOT / package).rglob("*.py"))}
    return {module: imports_of(module, path, set(files)) for module, path in files.items()}


def cycles(graph: dict[str, list[Edge]]) -> list[list[str]]:
    """The strongly connected components with more than one module, or a module importing itself (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w, _ in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = stack[stack.index(v):]
            del stack[stack.index(v):]
            if len(component) > 1 or any(w == v for w, _ in graph[v]):
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def describe(component: list[str], graph: dict[str, list[Edge]]) -> str:
    members = set(component)
    return "; ".join(f"{v} → {w} (line {line})" for v in component for w, line in graph[v] if w in members)


def test_calc_and_scripts_import_without_a_cycle() -> None:
    graph = import_graph()
    assert {"calc.api", "scripts.site.plugin", "scripts.policy.loader"} <= set(graph)
    found = cycles(graph)
    assert not found, "import cycles: " + " | ".join(describe(c, graph) for c in found)


def test_the_graph_sees_function_level_imports_and_names_the_cycle(tmp_path: Path) -> None:
    """A cycle closed only inside a function is found and named, with the lines; TYPE_CHECKING is not an import."""
    pkg = tmp_path / "pkg"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "a.py").write_text("from . import b\n")
    (pkg / "b.py").write_text("def f():\n    from .a import x\n    return x\n")
    (pkg / "c.py").write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from pkg import a\n")
    known = {"pkg", "pkg.a", "pkg.b", "pkg.c"}
    graph = {m: imports_of(m, pkg / (m.split(".")[-1] + ".py" if "." in m else "__init__.py"), known) for m in known}
    assert graph["pkg.c"] == []
    found = cycles(graph)
    assert found == [["pkg.a", "pkg.b"]]
    assert describe(found[0], graph) == "pkg.a → pkg.b (line 1); pkg.b → pkg.a (line 2)"
