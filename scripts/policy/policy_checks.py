"""One parsed policy against everything beyond its shape (schema.py checks the shape): its sources
exist and hold each quote and figure (provenance.py), its parameters are what its calculators read
(calc/parameters.py), and its worked examples run. Each problem is (line, field, en, zh)."""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

from calc.api import run_policy
from calc.categories import DECLARED
from calc.parameters import category_codes, policy_problems, value_problems
from calc.registry import calculator, calculators
from calc.vocabulary import NUMBER_UNITS

from . import schema
from .compiled_data import to_json_ready
from .provenance import missing_from_quote, quote_in_source


def source_file_problem(sources_dir: Path, name: str) -> tuple[str, str] | None:
    """(en, zh) when `name` is not a readable UTF-8 regular file directly in sources_dir, else None.

    A symlink or a name leading elsewhere would publish whatever it points at as sources/<name>.html
    (issue 21, item 2); a text in another encoding would crash the reads below (item 10)."""
    path = sources_dir / name
    if path.is_symlink():
        return (f"{name!r} is a symlink: a stored source must be a regular file in policies/sources/",
                f"{name!r} 是符号链接：来源须为 policies/sources/ 中的普通文件")
    if not path.is_file():
        return f"file {name!r} not found in policies/sources/", f"policies/sources/ 中找不到文件 {name!r}"
    if path.resolve().parent != sources_dir.resolve():
        return (f"{name!r} lies outside policies/sources/", f"{name!r} 不在 policies/sources/ 中")
    raw = path.read_bytes()
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return (f"policies/sources/{name}:{line}: not UTF-8 text (GBK?): save the source as UTF-8",
                f"policies/sources/{name}:{line}：不是 UTF-8 编码（可能是 GBK）：请将来源另存为 UTF-8")
    return None


def source_texts(policy: dict, sources_dir: Path) -> dict[str, list[str]]:
    """Each source's stored texts; a file source_file_problem refuses is never read."""
    texts = {}
    for key, src in policy["sources"].items():
        found = []
        for name in (src["file"], src.get("normalised")):
            if name and source_file_problem(sources_dir, name) is None:
                found.append((sources_dir / name).read_text(encoding="utf-8"))
        texts[key] = found
    return texts


def semantic_problems(policy: dict, lines: dict[str, int], policy_id: str, sources_dir: Path,
                      known_calculators: set[str]) -> list[tuple[int, str, str, str]]:
    """Checks that need the whole document: ids, periods, sources, provenance."""
    out = []

    def add(field: str, en: str, zh: str) -> None:
        line = lines.get(field) or lines.get(field.rsplit(".", 1)[0], 1)
        out.append((line, field, en, zh))

    if policy["id"] != policy_id:
        add("id", f"must equal the file's path {policy_id!r}", f"须与文件路径一致：{policy_id!r}")
    for field in ("effective", "governs.contributions", "governs.benefits"):
        span = policy["effective"] if field == "effective" else policy["governs"][field.split(".")[1]]
        if span.get("to") and span["to"] < span["from"]:
            add(f"{field}.to", "ends before it starts", "结束日期早于开始日期")
    for name in policy["calculators"]:
        if name not in known_calculators:
            add("calculators", f"unknown calculator {name!r} (known: {', '.join(sorted(known_calculators))})",
                f"未知的计算器 {name!r}")
    for i, example in enumerate(policy.get("examples") or []):
        if "calculator" in example and example["calculator"] not in policy["calculators"]:
            add(f"examples[{i}].calculator", f"{example['calculator']!r} is not in this policy's calculators",
                f"{example['calculator']!r} 不在本政策的 calculators 中")
    for key, src in policy["sources"].items():
        for attr in ("file", "normalised"):
            name = src.get(attr)
            refused = source_file_problem(sources_dir, name) if name else None
            if refused:
                add(f"sources.{key}.{attr}", *refused)
    texts = source_texts(policy, sources_dir)
    if "reach" in policy:   # whom below its place it covers: quoted like a figure
        _provenance(add, policy, texts, "reach", policy["reach"], "stated")
    for name, param in policy["parameters"].items():
        base = f"parameters.{name}"
        status = param.get("status", "stated")
        if status != "stated" and "how" not in param:
            add(f"{base}.status", f"status {status!r} needs `how` (how we got it / why it is open)", f"状态 {status!r} 需要 how 说明")
        if status == "not_stated" and param["value"] is not None:
            add(f"{base}.value", "a not_stated figure must have value null (never invent it)", "原文未给出的数字，value 须为 null（不得编造）")
        if status == "stated" and param["value"] is None and param["unit"] not in ("rule", "text"):
            add(f"{base}.value", "value is null but status is stated: use not_stated", "value 为空但状态为 stated：请用 not_stated")
        if param.get("period") and param["period"].get("to") and param["period"]["to"] < param["period"]["from"]:
            add(f"{base}.period.to", "ends before it starts", "结束日期早于开始日期")
        options = isinstance(param["value"], list) and param["value"] and all(_is_number(v) for v in param["value"])
        span = param["value"] if isinstance(param["value"], dict) and set(param["value"]) == {"min", "max"} else None
        if param["unit"] == "percent" and span is not None:
            # a range left to the person ({min: 60, max: 300}: any whole percent from 60 to 300)
            if not all(_is_number(span[k]) and Decimal(str(span[k])) == int(Decimal(str(span[k]))) for k in span) \
                    or Decimal(str(span["min"])) >= Decimal(str(span["max"])):
                add(f"{base}.value", "a percent range must be {min: 60, max: 300}: whole percents, min below max",
                    "百分比范围须为 {min: 60, max: 300}：整数百分比，且 min 小于 max")
        elif param["unit"] == "percent" and not (_is_number(param["value"], nullable=True) or options):
            # a list of numbers: options the policy leaves to the person ([7, 9]: 7 % or 9 %)
            add(f"{base}.value", "a percent must be a number (60 for 60 %), a list of the options the person may choose "
                "([7, 9]), or the range the person chooses within ({min: 60, max: 300})",
                "百分比须为数字（60 表示 60%）、由个人选择的选项列表（[7, 9]）或可自选的范围（{min: 60, max: 300}）")
        elif param["unit"] in NUMBER_UNITS and not _is_number(param["value"], nullable=True):
            add(f"{base}.value", f"unit {param['unit']} needs a number (or null), got {_kind(param['value'])}",
                f"单位 {param['unit']} 须为数字（或 null），实际为{_kind(param['value'], 'zh')}")
        if param["unit"] == "date" and not isinstance(param["value"], (dt.date, type(None))):
            add(f"{base}.value", f"unit date needs a date YYYY-MM-DD (or null), got {_kind(param['value'])}",
                f"单位 date 须为日期 YYYY-MM-DD（或 null），实际为{_kind(param['value'], 'zh')}")
        if param["unit"] == "categories" and param["value"] is not None:
            for field, en, zh in category_problems(name, param["value"], declared_groups(policy)):
                add(f"{base}.value{field}", en, zh)
        for field, en, zh in rule_problems(name, param["value"]):
            add(f"{base}.value{field}", en, zh)
        if param["unit"] == "rounding" and param["value"] is not None:
            rounding = param["value"]
            if not (isinstance(rounding, dict) and set(rounding) == {"step", "mode"}
                    and rounding["mode"] in schema.ROUNDING_MODES and isinstance(rounding["step"], str)):
                add(f"{base}.value", f"rounding must be {{step: \"0.01\", mode: one of {', '.join(schema.ROUNDING_MODES)}}}",
                    "取整规则须为 {step: \"0.01\", mode: 取整方式}")
        _provenance(add, policy, texts, base, param, status)
        starts = [(param.get("period") or {}).get("from") or policy["effective"]["from"]]
        for i, entry in enumerate(param.get("dated") or []):   # each dated value: its own quote and figures
            where, entry_status = f"{base}.dated[{i}]", entry.get("status", status)
            if entry_status != "stated" and "how" not in entry and "how" not in param:
                add(f"{where}.status", f"status {entry_status!r} needs `how`", f"状态 {entry_status!r} 需要 how 说明")
            if entry_status == "not_stated" and entry["value"] is not None:
                add(f"{where}.value", "a not_stated figure must have value null", "原文未给出的数字，value 须为 null")
            if entry["from"] <= starts[-1]:
                add(f"{where}.from", f"must come after {starts[-1]} (dated values go in time order, after the first value)",
                    f"须晚于 {starts[-1]}（按时间先后排列，且晚于第一个值）")
            starts.append(entry["from"])
            if (param["unit"] in NUMBER_UNITS or param["unit"] == "percent") and not _is_number(entry["value"], nullable=True):
                add(f"{where}.value", f"unit {param['unit']} needs a number (or null), got {_kind(entry['value'])}",
                    f"单位 {param['unit']} 须为数字（或 null），实际为{_kind(entry['value'], 'zh')}")
            _provenance(add, policy, texts, where, entry, entry_status, param["unit"])
    for field, en, zh in parameter_problems(policy, known_calculators):
        add(field, en, zh)
    if not out:   # a policy otherwise sound: its worked examples must run
        out += example_problems(policy, lines, known_calculators)
    return out


def _provenance(add, policy: dict, texts: dict, base: str, entry: dict, status: str, unit: str | None = None) -> None:
    """A value's quote is in its source, and a stated value's numbers are in its quote
    (a parameter's own value, or one of its dated values)."""
    ref, quote = entry["source"]["ref"], entry["source"]["quote"]
    if ref not in policy["sources"]:
        add(f"{base}.source.ref", f"unknown source {ref!r} (declared: {', '.join(policy['sources'])})", f"未声明的来源 {ref!r}")
        return
    if texts[ref] and not any(quote_in_source(quote, t) for t in texts[ref]):
        add(f"{base}.source.quote", f"quote not found in source {ref!r} (compared without whitespace)",
            f"引文在来源 {ref!r} 中找不到（已忽略空白比较）")
    if status == "stated":
        missing = missing_from_quote(entry["value"], quote, unit or entry.get("unit"))
        if missing:
            add(f"{base}.value", f"number(s) {', '.join(missing)} not in the quote; quote the sentence that states them "
                "or mark the value inferred/derived with `how`",
                f"数字 {'、'.join(missing)} 不在引文中：请引用写明它的原句，或标为 inferred/derived 并说明 how")


def parameter_problems(policy: dict, known_calculators: set[str]) -> list[tuple[str, str, str]]:
    """The policy's parameters against what its calculators declare they read (calc/parameters.py):
    a missing required one, or one no listed calculator reads and not marked `display_only: true`."""
    every = calculators()
    listed = [every[name] for name in policy["calculators"] if name in every and name in known_calculators]
    return policy_problems(policy, listed, list(every.values()))


def _is_number(value: object, nullable: bool = False) -> bool:
    return (value is None and nullable) or (isinstance(value, (int, Decimal)) and not isinstance(value, bool))


def _kind(value: object, lang: str = "en") -> str:
    kinds = {"en": {str: "a text", list: "a list", dict: "a mapping", bool: "true/false", dt.date: "a date"},
             "zh": {str: "文本", list: "列表", dict: "映射", bool: "真/假", dt.date: "日期"}}[lang]
    kind = next((k for t, k in kinds.items() if isinstance(value, t)), type(value).__name__)
    return f"{kind} {value!r}" if isinstance(value, (str, bool, dt.date)) else kind


def declared_groups(policy: dict) -> list[str]:
    """The subsidised groups a policy declares itself (`subsidy_categories`): valid codes in its lists too."""
    value = (policy["parameters"].get(DECLARED) or {}).get("value")
    return [str(code) for code in value] if isinstance(value, dict) else []


def rule_problems(name: str, value: object) -> list[tuple[str, str, str]]:
    """What the calculator declaring `name` checks in its value beyond the unit (`Parameter.check`:
    e.g. the codes of a rule calc must know)."""
    return value_problems(name, value, list(calculators().values()))


def category_problems(name: str, value: object, declared: Sequence[str] = ()) -> list[tuple[str, str, str]]:
    """(field suffix, en, zh) for a `categories` value that is not a list of known codes, each once.
    Known: the shared groups (calc/categories.py) and the policy's own, or the calculator's own codes
    (`Parameter.codes`; calc.parameters.category_codes)."""
    if not isinstance(value, list):
        return [("", f"a categories value must be a list of codes, got {_kind(value)}",
                 f"类别须为代码列表，实际为{_kind(value, 'zh')}")]
    known = category_codes(name, list(declared), list(calculators().values()))
    out, seen = [], set()
    for i, code in enumerate(value):
        if not isinstance(code, str) or code not in known:
            out.append((f"[{i}]", f"unknown category code {code!r} (known: {', '.join(known)})",
                        f"未知的类别代码 {code!r}（可用：{'、'.join(known)}）"))
        elif code in seen:
            out.append((f"[{i}]", f"category code {code!r} is listed twice", f"类别代码 {code!r} 重复"))
        seen.add(code)
    return out


def example_problems(policy: dict, lines: dict[str, int], known_calculators: set[str]) -> list[tuple[int, str, str, str]]:
    """Run every worked example through its calculator now, so a bad one is reported with its
    file and line (not as a failed page build). Skipped unless the policy's calculators exist."""
    names = policy["calculators"]
    if not all(name in known_calculators and calculator(name) is not None for name in names):
        return []
    data = to_json_ready(policy)
    out = []
    for i, example in enumerate(policy.get("examples") or []):
        field = f"examples[{i}].inputs"
        line = lines.get(field) or lines.get(f"examples[{i}]", 1)
        name = example.get("calculator", names[0] if names else None)
        if name is None:
            out.append((line, f"examples[{i}]", "an example needs a calculator, and this policy lists none",
                        "算例需要计算器，但本政策没有列出"))
            continue
        try:
            result = run_policy(name, data, dict(example["inputs"]))
        except Exception as exc:  # noqa: BLE001 - a build reports it with the line, never a traceback
            out.append((line, field, f"the example makes {name} fail: {type(exc).__name__}: {exc}",
                        f"算例使计算器 {name} 出错：{type(exc).__name__}: {exc}"))
            continue
        if not result["ok"]:
            err = result["errors"][0]
            out.append((line, field, f"the example is not valid input for {name}: {err['field']}: {err['message_en']}",
                        f"算例不是 {name} 的有效输入：{err['field']}：{err['message_zh']}"))
    return out
