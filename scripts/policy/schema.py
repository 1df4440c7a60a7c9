"""The shape of a policy YAML file, checked node by node so every problem has a line.

Unknown keys are errors (OpenFisca's loaders silently ignore misplaced keys;
we don't). Each check yields `Problem(line, field, en, zh)`.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from collections.abc import Callable, Iterator

import yaml

from calc import vocabulary

# the accepted codes: calc's vocabularies, each kept once with its words (calc/vocabulary.py)
UNITS = vocabulary.UNITS
STATUSES = tuple(vocabulary.STATUSES)
TOPICS = tuple(vocabulary.TOPICS)
ROUNDING_MODES = tuple(vocabulary.ROUNDING_MODES)
NAME_RE = re.compile(r"^[a-z][a-z0-9_]*$")
KEY_RE = re.compile(r"^[a-z][a-z0-9-]*$")
YEAR_MONTH_RE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
# a policy id becomes page, data and embed paths: lowercase folders and a name, nothing else (issue 21,
# item 11: braces, brackets or spaces passed here and failed later with a traceback); the same rule as
# scripts/bundle/bundle_calc.POLICY_ID and calc-worker.js
POLICY_ID_RE = re.compile(r"^[a-z0-9][a-z0-9_-]*(/[a-z0-9][a-z0-9_-]*)*\Z")


@dataclass(frozen=True)
class Problem:
    line: int
    field: str
    en: str
    zh: str


Check = Callable[[yaml.Node, str], Iterator[Problem]]


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _problem(node: yaml.Node, field: str, en: str, zh: str) -> Problem:
    return Problem(_line(node), field, en, zh)


def resolve_scalar(node: yaml.ScalarNode) -> object:
    """The scalar's plain-Python reading (tags were resolved by the composer)."""
    tag = node.tag
    if tag.endswith(":null"):
        return None
    if tag.endswith(":bool"):
        return node.value.lower() in ("true", "yes", "on")
    if tag.endswith(":int"):
        return int(node.value)
    if tag.endswith(":float"):
        return node.value  # kept as text: floats never enter the data
    if tag.endswith(":timestamp"):
        try:
            return dt.date.fromisoformat(node.value)
        except ValueError:
            return node.value
    return node.value


def string(node: yaml.Node, field: str) -> Iterator[Problem]:
    if not isinstance(node, yaml.ScalarNode) or not node.tag.endswith(":str") or not node.value.strip():
        yield _problem(node, field, "must be a non-empty text", "须为非空文本")


def nullable(check: Check) -> Check:
    def inner(node: yaml.Node, field: str) -> Iterator[Problem]:
        if isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null"):
            return
        yield from check(node, field)
    return inner


def date(node: yaml.Node, field: str) -> Iterator[Problem]:
    if not (isinstance(node, yaml.ScalarNode) and isinstance(resolve_scalar(node), dt.date)):
        yield _problem(node, field, f"must be a date YYYY-MM-DD, got {_show(node)}", f"须为日期 YYYY-MM-DD，实际为 {_show(node)}")


def date_or_month(node: yaml.Node, field: str) -> Iterator[Problem]:
    """A publication date; a year-month string when the source gives only the month."""
    if isinstance(node, yaml.ScalarNode) and YEAR_MONTH_RE.match(node.value) and node.tag.endswith(":str"):
        return
    yield from date(node, field)


def enum(*allowed: str) -> Check:
    def inner(node: yaml.Node, field: str) -> Iterator[Problem]:
        if not isinstance(node, yaml.ScalarNode) or node.value not in allowed:
            yield _problem(node, field, f"must be one of {', '.join(allowed)}; got {_show(node)}",
                           f"须为以下之一：{'、'.join(allowed)}；实际为 {_show(node)}")
    return inner


def pattern(regex: re.Pattern, what_en: str, what_zh: str) -> Check:
    def inner(node: yaml.Node, field: str) -> Iterator[Problem]:
        if not isinstance(node, yaml.ScalarNode) or not regex.match(node.value):
            yield _problem(node, field, f"must be {what_en}; got {_show(node)}", f"须为{what_zh}；实际为 {_show(node)}")
    return inner


def anything(node: yaml.Node, field: str) -> Iterator[Problem]:
    return iter(())


SCHEMA_VERSION = 1   # the policy YAML format this loader reads: `schema: 1` in every file; raise it when that format changes


def schema_version(node: yaml.Node, field: str) -> Iterator[Problem]:
    if not (isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:int" and node.value == str(SCHEMA_VERSION)):
        yield _problem(node, field, f"is {_show(node)}, but this Mingbai reads policy files of schema {SCHEMA_VERSION} "
                       f"(update Mingbai, or convert the file to schema {SCHEMA_VERSION})",
                       f"为 {_show(node)}，本程序读取的政策文件格式为 schema {SCHEMA_VERSION}（请更新 Mingbai，或把文件改为 schema {SCHEMA_VERSION}）")


def boolean(node: yaml.Node, field: str) -> Iterator[Problem]:
    if not (isinstance(node, yaml.ScalarNode) and node.tag.endswith(":bool")):
        yield _problem(node, field, f"must be true or false, got {_show(node)}", f"须为 true 或 false，实际为 {_show(node)}")


def _show(node: yaml.Node) -> str:
    if isinstance(node, yaml.ScalarNode):
        return repr(node.value)
    return "a list" if isinstance(node, yaml.SequenceNode) else "a mapping"


FLOAT_SPECIAL_RE = re.compile(r"^[-+]?\.(nan|inf)$", re.IGNORECASE)


TODO = "TODO"   # what scripts/policy/scaffold.py writes wherever the author must fill something in


def scalars(node: yaml.Node, field: str = "") -> Iterator[tuple[yaml.ScalarNode, str]]:
    """Every scalar in the file with its field path (for checks that look at every value)."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield from scalars(value, f"{field}.{key.value}" if field else str(key.value))
    elif isinstance(node, yaml.SequenceNode):
        for i, child in enumerate(node.value):
            yield from scalars(child, f"{field}[{i}]")
    elif isinstance(node, yaml.ScalarNode):
        yield node, field or "(top)"


MAX_DEPTH = 24          # a policy nests a table in a parameter in a mapping: far below this
MAX_INT_DIGITS = 30     # no figure has more digits; Python refuses to read some thousands of them


def structure(root: yaml.Node) -> Iterator[Problem]:
    """Before any other check (they walk the tree recursively): no alias (&x … *x would let a file
    expand a billion-fold, "billion laughs"), no nesting deeper than MAX_DEPTH, no integer longer
    than MAX_INT_DIGITS. Iterative, each node visited once, so a hostile file cannot hang or crash it."""
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, str, int, yaml.Node]] = [(root, "", 0, root)]
    while stack:
        node, field, depth, at = stack.pop()   # `at`: where the reference was written (an alias has no mark of its own)
        if id(node) in seen:
            yield _problem(at, field or "(yaml)", "YAML aliases (*name) are not allowed: write the value out",
                           "不允许使用 YAML 别名（*name）：请直接写出取值")
            continue
        seen.add(id(node))
        if depth > MAX_DEPTH:
            yield _problem(node, field or "(yaml)", f"nested more than {MAX_DEPTH} levels deep", f"嵌套超过 {MAX_DEPTH} 层")
            continue
        if isinstance(node, yaml.ScalarNode):
            if node.tag.endswith(":int") and sum(ch.isdigit() for ch in node.value) > MAX_INT_DIGITS:
                yield _problem(node, field, f"a number of more than {MAX_INT_DIGITS} digits", f"数字超过 {MAX_INT_DIGITS} 位")
        elif isinstance(node, yaml.MappingNode):
            for key, value in reversed(node.value):
                text = key.value if isinstance(key, yaml.ScalarNode) else "?"
                name = f"{field}.{text}" if field else str(text)
                stack += [(value, name, depth + 1, key), (key, field, depth + 1, key)]
        elif isinstance(node, yaml.SequenceNode):
            stack += [(child, f"{field}[{i}]", depth + 1, node) for i, child in reversed(list(enumerate(node.value)))]


def todos(node: yaml.Node) -> Iterator[Problem]:
    """Every text still starting with TODO (a scaffolded skeleton not yet filled in): one problem each."""
    for scalar, field in scalars(node):
        if scalar.tag.endswith(":str") and scalar.value.strip().startswith(TODO):
            optional = field.startswith("parameters.")
            yield _problem(scalar, field, "still TODO: fill it in from the source"
                           + (" (or delete the parameter if it is optional and unused)" if optional else ""),
                           "尚待填写（TODO）：请按来源填写" + ("（用不到的可选参数可整项删除）" if optional else ""))


def numbers(node: yaml.Node, field: str = "") -> Iterator[Problem]:
    """Every number written as a YAML float anywhere in the file: no NaN or infinity, and no
    exponent (6.0e+1): figures are written the way the source writes them."""
    for scalar, where in scalars(node, field):
        if not scalar.tag.endswith(":float"):
            continue
        if FLOAT_SPECIAL_RE.match(scalar.value):
            yield _problem(scalar, where, f"not a number: {scalar.value!r} (figures must be finite decimals)",
                           f"不是数字：{scalar.value!r}（数字须为有限的十进制数）")
        elif "e" in scalar.value.lower():
            yield _problem(scalar, where, f"write {scalar.value!r} without an exponent, as the source writes it",
                           f"请按原文写出 {scalar.value!r}，不要用科学计数法")


def duplicate_keys(node: yaml.MappingNode, field: str) -> Iterator[Problem]:
    seen: set[str] = set()
    for key, _ in node.value:
        if key.value in seen:
            yield _problem(key, f"{field}.{key.value}".lstrip("."), "duplicate key (YAML would keep only the last)",
                           "重复的键（YAML 只会保留最后一个）")
        seen.add(key.value)


def mapping(required: dict[str, Check], optional: dict[str, Check] | None = None) -> Check:
    optional = optional or {}

    def inner(node: yaml.Node, field: str) -> Iterator[Problem]:
        if not isinstance(node, yaml.MappingNode):
            yield _problem(node, field or "(top)", f"must be a mapping, got {_show(node)}", f"须为映射（键: 值），实际为 {_show(node)}")
            return
        yield from duplicate_keys(node, field)
        present = {}
        for key, value in node.value:
            name = key.value
            sub = f"{field}.{name}" if field else name
            present[name] = value
            if name in required:
                yield from required[name](value, sub)
            elif name in optional:
                yield from optional[name](value, sub)
            else:
                known = ", ".join(list(required) + list(optional))
                yield _problem(key, sub, f"unknown key (allowed here: {known})", f"未知的键（此处允许：{known}）")
        for name in required:
            if name not in present:
                yield _problem(node, f"{field}.{name}" if field else name, "is missing", "缺少此项")
    # read by the authoring reference page (no second list): a function attribute, which mypy does not model
    inner.fields = (dict(required), dict(optional))  # type: ignore[attr-defined]
    return inner


def mapping_of(key_check: Check, value_check: Check) -> Check:
    def inner(node: yaml.Node, field: str) -> Iterator[Problem]:
        if not isinstance(node, yaml.MappingNode):
            yield _problem(node, field, f"must be a mapping, got {_show(node)}", f"须为映射，实际为 {_show(node)}")
            return
        yield from duplicate_keys(node, field)
        for key, value in node.value:
            sub = f"{field}.{key.value}"
            yield from key_check(key, sub)
            yield from value_check(value, sub)
    return inner


def sequence(item: Check, min_items: int = 0) -> Check:
    def inner(node: yaml.Node, field: str) -> Iterator[Problem]:
        if not isinstance(node, yaml.SequenceNode):
            yield _problem(node, field, f"must be a list, got {_show(node)}", f"须为列表，实际为 {_show(node)}")
            return
        if len(node.value) < min_items:
            yield _problem(node, field, f"needs at least {min_items} item(s)", f"至少需要 {min_items} 项")
        for i, child in enumerate(node.value):
            yield from item(child, f"{field}[{i}]")
    return inner


bilingual = mapping({"zh": string, "en": string})
period = mapping({"from": date}, {"to": nullable(date)})
source_ref = mapping({"ref": pattern(KEY_RE, "a source key", "来源键名"), "quote": string})

# which day picks a dated value: the month paid for, or the day of payment
APPLIES_BY = ("month_paid_for", "payment_date")
dated_value = mapping({"from": date, "value": anything, "source": source_ref},
                      {"status": enum(*STATUSES), "how": bilingual})

parameter = mapping(
    {"label": bilingual, "description": bilingual, "value": anything, "unit": enum(*UNITS), "source": source_ref},
    {"period": period, "status": enum(*STATUSES), "how": bilingual,
     "columns": mapping_of(pattern(NAME_RE, "a column key", "列名"), bilingual),  # table headers
     # shown on the page, read by no calculator: the loader accepts it (calc/parameters.py)
     "display_only": boolean,
     # later values by effective date, each with its own quote (calc.policy.Policy.value(name, on=day))
     "dated": sequence(dated_value, min_items=1),
     "applies_by": enum(*APPLIES_BY)},
)

SOURCE_KINDS = ("original", "summary")   # the document itself, or a second-hand account of it (news report, digest)
URL_RE = re.compile(r"^https?://[^\s<>\"']+$")
# a stored source is a plain file name in policies/sources/ (its page is sources/<name>.html): no
# directory, no "..", nothing a path could climb out with
SOURCE_FILE_RE = re.compile(r"^(?!.*\.\.)[A-Za-z0-9][A-Za-z0-9_.-]*\.txt$")
source_file = pattern(SOURCE_FILE_RE, "a file name in policies/sources/ ending in .txt (no folders, no ..)",
                      " policies/sources/ 中以 .txt 结尾的文件名（不含目录或 ..）")

source = mapping(
    {"file": source_file, "kind": enum(*SOURCE_KINDS), "title": bilingual, "publisher": bilingual, "date": date_or_month},
    {"normalised": nullable(source_file), "notes": bilingual, "url": pattern(URL_RE, "an http(s) address", "http(s) 网址"),
     "retrieved": date, "document_number": string},
)

reading = mapping({"id": pattern(KEY_RE, "a lowercase-hyphen id", "小写连字符 id"), "zh": string, "en": string},
                  {"parameters": sequence(pattern(NAME_RE, "a parameter name", "参数名"))})

example = mapping({"inputs": mapping_of(pattern(NAME_RE, "an input name", "输入名"), anything), "note": bilingual},
                  {"calculator": pattern(KEY_RE, "a calculator name", "计算器名"), "print": boolean})

jurisdiction = mapping({"province": bilingual}, {"city": bilingual, "county": bilingual, "town": bilingual})
# whom a city's or province's policy covers below its own place: every place below it (全市, 全省), or its own
# level only (岳阳市本级: not 平江县); quoted like a figure. A place below inherits a policy only on `whole_area`.
reach = mapping({"value": enum(*vocabulary.REACHES), "source": source_ref}, {"how": bilingual})
# what a policy governs: the months (or insurance year) paid for, and the benefit year they buy
governs = mapping({"contributions": period, "benefits": period})

policy = mapping(
    {
        "id": pattern(POLICY_ID_RE, "lowercase letters, digits, - and _ in /-separated parts (the file's path)",
                      "以 / 分隔的小写字母、数字、- 和 _（即文件路径）"),
        "title": bilingual,
        "topic": enum(*TOPICS),
        "jurisdiction": jurisdiction,
        "issuers": sequence(bilingual, min_items=1),
        "document_number": nullable(string),
        "published": date_or_month,
        "effective": period,
        "governs": governs,
        "calculators": sequence(pattern(KEY_RE, "a calculator name", "计算器名")),
        "sources": mapping_of(pattern(KEY_RE, "a lowercase-hyphen source key", "小写连字符来源键"), source),
        "summary": bilingual,
        "covers": bilingual,
        "parameters": mapping_of(pattern(NAME_RE, "a snake_case parameter name", "下划线小写参数名"), parameter),
        "schema": schema_version,   # last: a file's own problems are reported before its missing version
    },
    {"readings": sequence(reading), "examples": sequence(example), "contact": bilingual, "reach": reach},
)
