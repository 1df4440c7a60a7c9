"""The shell examples of the public CLI in README.md, ARCHITECTURE.md and calc/README.md run, and say what they
print (issue 11: "README, ARCHITECTURE and calc/README examples run"). Their Python `>>>` examples are doctests
(pyproject.toml lists the two root files in testpaths; calc/README.md is under calc/).

How a block is marked: a fenced block with the info string `console`. Each line starting with `$ ` is a command
(a line ending in a backslash continues it); the lines up to the next `$ ` are what it prints. Commands of the
CLI (`python -m calc …`, any Python path before `-m calc`) are run here with this interpreter; what follows one
must be JSON, and every field it shows must equal the real output's (fields left out are not compared; a list
shown is compared item by item, in full). A command shown without output must print JSON and exit 0. A result
with `"ok": false` must exit with code 2, one with `"ok": true` with 0. Other commands (`make …`) are not run.
"""
from __future__ import annotations

import json
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = ("README.md", "ARCHITECTURE.md", "calc/README.md")
FENCE = re.compile(r"^```console[ \t]*\n(.*?)^```", re.M | re.S)
CLI = re.compile(r"^\S*python3?\s+-m\s+calc\b")


def blocks(text: str) -> list[tuple[int, str]]:
    """(line, body) of every ```console block."""
    return [(text[:m.start()].count("\n") + 2, m.group(1)) for m in FENCE.finditer(text)]


def examples(doc: str, text: str | None = None) -> list[tuple[str, str, str]]:
    """(where, command, shown output) for each CLI command in a document's console blocks."""
    out = []
    text = (ROOT / doc).read_text(encoding="utf-8") if text is None else text
    for first, body in blocks(text):
        command, shown, line = None, [], first
        for n, text in enumerate(body.splitlines(), first):
            if text.startswith("$ "):
                if command is not None:
                    out.append((f"{doc}:{line}", command, "\n".join(shown)))
                command, shown, line = text[2:], [], n
            elif command is not None and command.endswith("\\") and not shown:
                command = command[:-1] + " " + text.strip()
            elif command is not None:
                shown.append(text)
        if command is not None:
            out.append((f"{doc}:{line}", command, "\n".join(shown)))
    return [e for e in out if CLI.match(e[1])]


EXAMPLES = [e for doc in DOCS for e in examples(doc)]


def shown_fits(shown: object, real: object, where: str = "") -> list[str]:
    """Where the shown value differs from the real one (a mapping shown: only its keys are compared)."""
    if isinstance(shown, dict):
        if not isinstance(real, dict):
            return [f"{where or '(top)'}: shown a mapping, got {real!r}"]
        return [d for k, v in shown.items() for d in
                (shown_fits(v, real[k], f"{where}.{k}") if k in real else [f"{where}.{k}: not in the output"])]
    if isinstance(shown, list):
        if not isinstance(real, list) or len(shown) != len(real):
            return [f"{where}: shown {len(shown)} item(s), got {real!r}"]
        return [d for i, (a, b) in enumerate(zip(shown, real)) for d in shown_fits(a, b, f"{where}[{i}]")]
    return [] if shown == real else [f"{where}: shown {shown!r}, got {real!r}"]


def test_the_readme_shows_the_cli_with_its_output() -> None:
    """The README's CLI example (months 6 under Hengyang 2023, 1811.28) is among the examples run."""
    readme = [e for e in EXAMPLES if e[0].startswith("README.md:")]
    assert any('"1811.28"' in shown for _, _, shown in readme), readme


def test_the_marking_is_read_as_documented() -> None:
    text = "```console\n$ python -m calc run x \\\n    --input '{}'\n{\"ok\": true,\n \"a\": 1}\n$ make test\n```\n"
    assert examples("probe.md", text) == [("probe.md:2", "python -m calc run x  --input '{}'", '{"ok": true,\n "a": 1}')]
    assert shown_fits({"a": {"b": 1}}, {"a": {"b": 1, "c": 2}, "d": 3}) == []
    assert shown_fits({"a": [1]}, {"a": [1, 2]}) and shown_fits({"a": "1"}, {"a": 1}) and shown_fits({"x": 1}, {})


@pytest.mark.parametrize("where, command, shown", EXAMPLES, ids=[e[0] for e in EXAMPLES])
def test_a_documented_cli_example_prints_what_it_shows(where: str, command: str, shown: str) -> None:
    args = shlex.split(command)
    args = [sys.executable, *args[args.index("-m"):]]
    done = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=120)
    real = json.loads(done.stdout)
    if not shown.strip():
        assert done.returncode == 0, (where, done.stdout, done.stderr)
        return
    expected = json.loads(shown)
    differences = shown_fits(expected, real)
    assert not differences, f"{where}: `{command}` does not print what the page shows: {differences}"
    if "ok" in expected:
        assert done.returncode == (0 if expected["ok"] else 2), (where, done.returncode, done.stderr)
