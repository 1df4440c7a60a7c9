"""Issue 12, items 6 and 7: a policy file built to hang or crash the loader (YAML aliases that expand
a billion times, a 5000-digit integer, a list nested 5000 deep) gets a file:line problem, in seconds,
never a traceback. Each is loaded in a child process with a timeout, so a hang fails the test."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
VALID = (Path(__file__).parent / "fixtures" / "valid-minimal.yaml").read_text(encoding="utf-8")

LAUGHS = "extra_laughs:\n  a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"  {chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(9))

CASES = {
    # name: (old text, new text, the line the problem must name)
    "billion-laughs": ("document_number: null\n", "document_number: null\n" + LAUGHS, 11),
    "one-alias": ("document_number: null\n", "document_number: &n null\nextra_alias: *n\n", 9),
    "huge-integer": ("value: 60", "value: " + "9" * 5000, None),
    "deep-list": ("document_number: null", "document_number: " + "[" * 5000 + "]" * 5000, 8),
    "deep-mapping": ("document_number: null", "document_number: " + "{a: " * 3000 + "1" + "}" * 3000, 8),
}

LOAD = """
import json, sys
from pathlib import Path
from scripts.policy.loader import load_policy
path = Path(sys.argv[1])
data, problems = load_policy(path, path.parent, Path("policies/sources"))
print(json.dumps([[p.path, p.line, p.field, p.en, p.zh] for p in problems], ensure_ascii=False))
"""


@pytest.mark.parametrize("name", CASES)
def test_a_hostile_yaml_file_is_a_problem_with_its_line(tmp_path: Path, name: str) -> None:
    old, new, line = CASES[name]
    assert VALID.count(old) == 1
    text = VALID.replace(old, new)
    path = tmp_path / "valid-minimal.yaml"
    path.write_text(text, encoding="utf-8")
    proc = subprocess.run([sys.executable, "-c", LOAD, str(path)], cwd=ROOT, capture_output=True, text=True, timeout=30)
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr[-3000:]
    problems = json.loads(proc.stdout)
    assert problems, "the file was accepted"
    expected = line or 1 + text[: text.index("9" * 5000)].count("\n")
    assert problems[0][1] == expected, problems[:3]
    assert problems[0][3] and problems[0][4]


def test_the_valid_file_still_loads(tmp_path: Path) -> None:
    path = tmp_path / "valid-minimal.yaml"
    path.write_text(VALID, encoding="utf-8")
    proc = subprocess.run([sys.executable, "-c", LOAD, str(path)], cwd=ROOT, capture_output=True, text=True, timeout=30)
    assert json.loads(proc.stdout) == [], proc.stderr[-2000:]
