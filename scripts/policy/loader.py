"""Load, validate and compile every policy YAML file.

    python -m scripts.policy.loader            # check all policies, one line per problem
    python -m scripts.policy.loader --compile  # ... and write calc/data/policies.json

A problem line reads `file:line: field: English / 中文`. Floats in YAML are read
as Decimal, never as binary floats.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import yaml

from calc.registry import calculators

from . import proof, prose_numbers, schema
from .across_policies import link_series, place_problems, series_problems
from .compiled_data import COMPILED, write_compiled
from .decimal_yaml import DecimalLoader, line_index
from .policy_checks import semantic_problems, source_texts
from .policy_dirs import POLICIES_DIR, SOURCES_DIR
from .policy_problem import PolicyProblem, rel_path


def expected_id(path: Path, policies_dir: Path) -> str:
    """The id a policy file must have: its path below policies/ without .yaml."""
    return path.resolve().relative_to(policies_dir.resolve()).with_suffix("").as_posix()


def load_policy(path: Path, policies_dir: Path = POLICIES_DIR, sources_dir: Path = SOURCES_DIR,
                known_calculators: set[str] | None = None, prove: bool = False) -> tuple[dict | None, list[PolicyProblem]]:
    """The policy's data, or None and its problems. Every load checks that each code a reader sees
    has words; `prove` (what `make policies` does) also runs every calculator the policy names over
    a sample of inputs and renders its pages and widgets (scripts/policy/proof.py)."""
    rel = rel_path(path)
    if known_calculators is None:
        known_calculators = set(calculators())

    def problem(line: int, field: str, en: str, zh: str) -> PolicyProblem:
        return PolicyProblem(rel, line, field, en, zh)

    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, [problem(line, "(file)", "not UTF-8 text (save the file as UTF-8)", "不是 UTF-8 编码（请另存为 UTF-8）")]
    loader = DecimalLoader(text)   # one parse: the node tree gives lines, then the data
    try:
        try:
            node = loader.get_single_node()
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = mark.line + 1 if mark else 1
            return None, [problem(line, "(yaml)", f"invalid YAML: {getattr(exc, 'problem', exc)}", "YAML 语法错误")]
        if node is None:
            return None, [problem(1, "(file)", "empty file", "空文件")]
        # a scaffolded file: its TODOs alone, each with its line (the shape checks would repeat them)
        shape = list(schema.structure(node))   # aliases, deep nesting, huge integers: before any recursive walk
        if shape:
            return None, [problem(p.line, p.field, p.en, p.zh) for p in shape[:20]]
        todos = list(schema.todos(node))
        problems = [problem(p.line, p.field, p.en, p.zh) for p in todos or [*schema.policy(node, ""), *schema.numbers(node)]]
        if problems:
            return None, problems
        try:
            data = loader.construct_document(node)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            return None, [problem(mark.line + 1 if mark else 1, "(yaml)", str(getattr(exc, "problem", exc)), "YAML 数值错误")]
    finally:
        loader.dispose()
    policy_id = expected_id(path, policies_dir)
    data.pop("schema")   # the file format's version (checked above), not part of the policy: not compiled
    lines = line_index(node)
    problems = [problem(*p) for p in semantic_problems(data, lines, policy_id, sources_dir, known_calculators)]
    if not problems:   # every figure in prose is a figure of the policy (scripts/policy/prose_numbers.py)
        texts = [t for found in source_texts(data, sources_dir).values() for t in found]
        problems = [problem(*p) for p in prose_numbers.problems(data, lines, texts, prose_numbers.example_runs(data, known_calculators))]
    if not problems:   # every code a reader will see has words (the page build would stop on it)
        problems = [problem(*p) for p in proof.vocabulary_problems(data, lines)]
    if not problems and prove and all(name in known_calculators for name in data["calculators"]):
        problems = [problem(*p) for p in proof.problems(data, lines)]
    return (None if problems else data), problems


def policy_files(policies_dir: Path = POLICIES_DIR) -> list[Path]:
    return sorted(p for p in policies_dir.rglob("*.yaml") if "sources" not in p.relative_to(policies_dir).parts)


def load_all(policies_dir: Path = POLICIES_DIR, sources_dir: Path = SOURCES_DIR,
             prove: bool = False) -> tuple[dict[str, dict], list[PolicyProblem]]:
    policies: dict[str, dict] = {}
    problems: list[PolicyProblem] = []
    first: dict[str, Path] = {}
    for path in policy_files(policies_dir):
        data, found = load_policy(path, policies_dir, sources_dir, prove=prove)
        problems += found
        if data is not None:
            if data["id"] in policies:   # two files, one id (e.g. a symlinked copy)
                line = next((n for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                             if text.startswith("id:")), 1)
                problems.append(PolicyProblem(
                    rel_path(path), line, "id", f"duplicate policy id {data['id']!r} (also in {rel_path(first[data['id']])})",
                    f"重复的政策 id {data['id']!r}（{rel_path(first[data['id']])} 中已有）"))
                continue
            policies[data["id"]] = data
            first[data["id"]] = path
    problems += series_problems(policies, first)
    problems += place_problems(policies, first)
    link_series(policies)
    return policies, problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.policy.loader", description=__doc__.splitlines()[0])
    parser.add_argument("--compile", action="store_true", help="write calc/data/policies.json")
    parser.add_argument("--quick", action="store_true",
                        help="skip the proof: running every calculator over sampled inputs and rendering the pages")
    parser.add_argument("files", nargs="*", type=Path, help="check only these files")
    args = parser.parse_args(argv)
    if args.files:
        problems = [p for f in args.files for p in load_policy(f, prove=not args.quick)[1]]
        policies: dict[str, Any] = {}
    else:
        policies, problems = load_all(prove=not args.quick)
    for p in problems:
        print(p, file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s) / {len(problems)} 个问题", file=sys.stderr)
        return 1
    if args.compile:
        written = write_compiled(policies)
        print(f"{len(policies)} policies → {rel_path(COMPILED)}{' (updated)' if written else ' (unchanged)'}")
    else:
        print(f"{len(policies)} policies OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
