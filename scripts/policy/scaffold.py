"""Write the skeleton of a new policy: every field, and every parameter its calculators read.

    python -m scripts.policy.scaffold --place hunan/hengyang --topic flexible-employment --year 2025 \\
        [--calculators flexible-contribution flexible-arrears]
    make new-policy PLACE=hunan/hengyang TOPIC=flexible-employment YEAR=2025 [CALCULATORS="..."]

It writes policies/<place>/<year>-<topic>.yaml (never over an existing file). Whatever the
author must fill in reads TODO, and the loader rejects the file, naming each TODO with its
line, until every one is filled in (or an optional parameter deleted). The parameters come
from the calculators' own declarations (calc/parameters.py); place names already on file
(e.g. 湖南省 for hunan) are filled in from the policies of that place. Without
--calculators, the calculators the existing policies of that topic use.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from calc.registry import calculators
from calc.today import LEVELS   # the place path's segments, in order

from . import schema
from .loader import POLICIES_DIR, load_all

TODO = schema.TODO
BILINGUAL_TODO = "{zh: TODO, en: TODO}"


def _quote(text: str) -> str:
    """A YAML flow scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _names(place: list[str], policies: dict[str, dict]) -> dict[str, str]:
    """jurisdiction level → its `{zh, en}` flow mapping: known names from policies on file, else TODO."""
    out = {}
    for depth, level in enumerate(LEVELS[: len(place)]):
        prefix = place[: depth + 1]
        known = next((p["jurisdiction"][level] for pid, p in sorted(policies.items())
                      if pid.split("/")[:-1][: depth + 1] == prefix and level in p["jurisdiction"]), None)
        out[level] = f"{{zh: {_quote(known['zh'])}, en: {_quote(known['en'])}}}" if known else BILINGUAL_TODO
    return out


def default_calculators(topic: str, policies: dict[str, dict]) -> list[str]:
    """The calculators the policies of this topic on file use, in registry order."""
    used = {name for p in policies.values() if p["topic"] == topic for name in p["calculators"]}
    return [name for name in calculators() if name in used]


# a declaration kept only so that older policies still load: "(Former name of add_on_critical_illness.) …"
FORMER_NAME = re.compile(r"^\(Former name of ([a-z0-9_<>]+)\.\)")


def former_name(parameter) -> str | None:
    """The name that replaced this declared parameter, when it is a former name (never scaffolded)."""
    found = FORMER_NAME.match(parameter.meaning.en)
    return found.group(1) if found else None


def _parameter_lines(names: list[str]) -> list[str]:
    every = calculators()
    lines, seen = [], set()
    for calc_name in names:
        for p in every[calc_name].parameters:
            if p.name in seen or former_name(p):   # today's names only (add_on_<item>, not critical_illness_monthly)
                continue
            seen.add(p.name)
            if p.pattern is not None:   # a name the author makes, one parameter per item the source names
                example = p.name
                for placeholder, sample in (("<item>", "critical_illness"), ("<year>", "2024"), ("<category>", "orphan")):
                    example = example.replace(placeholder, sample)
                lines += [f"  # {p.name}:   # {calc_name}, optional, one per item the source names (e.g. {example}; "
                          f"unit {' / '.join(p.units)}): {p.meaning.en}"]
                continue
            need = "required" if p.required and not p.when else "optional" if not p.required else f"required {p.when}"
            lines += [
                f"  {p.name}:   # {calc_name}, {need}: {p.meaning.en}",
                f"    label: {BILINGUAL_TODO}",
                f"    description: {BILINGUAL_TODO}",
                f"    value: {TODO}   # null when the source leaves it open (status: not_stated, with how)",
                f"    unit: {p.units[0]}" + (f"   # or {' / '.join(p.units[1:])}" if len(p.units) > 1 else ""),
                "    status: stated",
                f"    source: {{ref: source-1, quote: {TODO}}}   # the sentence, verbatim, that states the figure",
            ]
    return lines


def skeleton(place: str, topic: str, year: int, calculator_names: list[str], policies: dict[str, dict]) -> str:
    parts = place.strip("/").split("/")
    names = _names(parts, policies)
    calcs = ", ".join(calculator_names)
    lines = [
        f"# Skeleton written by scripts/policy/scaffold.py: fill in every {TODO}; `make policies` lists those left.",
        "# The authoring reference page (Writing a policy) explains each field and what each calculator reads.",
        f"schema: {schema.SCHEMA_VERSION}   # the policy file format this file follows",
        f"id: {'/'.join(parts)}/{year}-{topic}",
        f"title: {BILINGUAL_TODO}",
        f"topic: {topic}",
        "jurisdiction:",
        *[f"  {level}: {text}" for level, text in names.items()],
        f"issuers:\n  - {BILINGUAL_TODO}",
        "document_number: null   # the 文号, if the document has one",
        f"published: {TODO}   # YYYY-MM-DD",
        f"effective: {{from: {TODO}, to: {TODO}}}   # e.g. {{from: {year}-01-01, to: {year}-12-31}}; to may be null",
        "governs:",
        f"  contributions: {{from: {TODO}, to: {TODO}}}   # the months (or insurance year) paid for",
        f"  benefits: {{from: {TODO}, to: {TODO}}}",
        f"calculators: [{calcs}]",
        "sources:",
        "  source-1:   # rename freely; parameters cite it by this key",
        f"    file: {TODO}   # `make source FILE=<text> URL=<address>` stores the text verbatim and prints this entry",
        "    kind: original   # or summary: a second-hand account (news report, digest, Q&A)",
        f"    title: {BILINGUAL_TODO}",
        f"    publisher: {BILINGUAL_TODO}",
        f"    date: {TODO}",
        f"    url: {TODO}   # delete when the original has no address",
        f"summary: {BILINGUAL_TODO}",
        f"covers: {BILINGUAL_TODO}",
        "examples:",
    ]
    for name in calculator_names:
        lines += [f"  - calculator: {name}", "    inputs: {}   # the inputs to show (see the calculator's inputs)",
                  f"    note: {BILINGUAL_TODO}"]
    if not calculator_names:
        lines[-1] = "examples: []"
    lines += ["parameters:" + ("" if calculator_names else " {}"), *_parameter_lines(calculator_names)]
    return "\n".join(lines) + "\n"


YEARS = range(1990, 2101)   # a policy year a person could still be paying for or asking about


def argument_problem(place: str, year: int) -> str | None:
    """A bilingual message when PLACE or YEAR cannot name a policy file: the place becomes folders
    under policies/ (no "..", no empty or upper-case part), the year its file name (issue 21, item 11)."""
    parts = place.strip("/").split("/")
    if not place.strip("/") or len(parts) > len(LEVELS) or not all(schema.POLICY_ID_RE.match(p) for p in parts):
        return (f"PLACE {place!r} must be 1 to {len(LEVELS)} lowercase parts separated by / (e.g. hunan/hengyang) / "
                f"PLACE {place!r} 须为 1 至 {len(LEVELS)} 段以 / 分隔的小写字母、数字、- 和 _（如 hunan/hengyang）")
    if year not in YEARS:
        return (f"YEAR {year} must be between {YEARS.start} and {YEARS.stop - 1} / "
                f"YEAR {year} 须在 {YEARS.start} 到 {YEARS.stop - 1} 之间")
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.policy.scaffold", description=__doc__.splitlines()[0])
    parser.add_argument("--place", required=True, help="place path below policies/, e.g. hunan/hengyang")
    parser.add_argument("--topic", required=True, choices=schema.TOPICS)
    parser.add_argument("--year", required=True, type=int)
    parser.add_argument("--calculators", nargs="*", choices=list(calculators()), default=None)
    parser.add_argument("--policies-dir", type=Path, default=POLICIES_DIR, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    refused = argument_problem(args.place, args.year)
    if refused:
        print(refused, file=sys.stderr)
        return 2
    policies, _ = load_all(args.policies_dir, args.policies_dir / "sources") if args.policies_dir.is_dir() else ({}, [])
    names = args.calculators if args.calculators is not None else default_calculators(args.topic, policies)
    path = args.policies_dir / args.place.strip("/") / f"{args.year}-{args.topic}.yaml"
    if path.exists():
        print(f"{path} already exists: not overwritten / 文件已存在，未覆盖", file=sys.stderr)
        return 1
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(skeleton(args.place, args.topic, args.year, names, policies), encoding="utf-8")
    print(f"{path}: fill in every {TODO}, then run `make policies` / 请填写每个 {TODO}，然后运行 make policies")
    return 0


if __name__ == "__main__":
    sys.exit(main())
