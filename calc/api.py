"""The public entry points: list, describe, run — the same in CPython and Pyodide.

Results are plain JSON-ready dicts: money as strings with two decimals,
rates as decimal strings, dates ISO. Bad input never raises: it returns
{"ok": false, "errors": [...]} with a Chinese and an English message.

>>> run("no-such-calc", "x", {})["errors"][0]["message_en"]    # doctest: +ELLIPSIS
'Unknown calculator "no-such-calc". Known: flexible-contribution...'

Text outputs may be codes (shown by their label) or bilingual texts from the policy;
list outputs are shown one item after another:

>>> spec = OutputSpec("who", "text", Text("谁", "Who"), (Choice("self", Text("本人", "you")),))
>>> display(spec, "self"), display(spec, {"zh": "医疗救助", "en": "medical assistance"})["en"]
({'zh': '本人', 'en': 'you'}, 'medical assistance')
>>> display(OutputSpec("w", "list", Text("提示", "Warnings")), [{"id": "a", "zh": "甲。", "en": "A."}, {"id": "b", "zh": "乙。", "en": "B."}])
{'zh': '甲。 乙。', 'en': 'A. B.'}
>>> display(OutputSpec("w", "list", Text("提示", "Warnings")), [])
{'zh': '无', 'en': 'none'}
"""
from __future__ import annotations

from typing import Any

import dataclasses
import datetime as dt
import json
from decimal import Decimal

from . import categories, charts
from .steps import singular
from .data import load_policies
from .headline_rules import leads as headline_leads
from .errors import InputError, InputErrors
from .inputs import Choice, InputSpec, Text, safe_text, validate
from .json_input import loads_inputs
from .money import money_str, percent_str, plain_number, yuan_en, yuan_zh
from .policy import Policy
from .registry import Calculator, OutputSpec, calculator, calculators

NOT_STATED = {"zh": "原文未给出", "en": "not stated in the source"}
NOT_APPLICABLE = {"zh": "不适用", "en": "not applicable"}


def list_calculators() -> dict[str, Any]:
    policies = load_policies()
    return {"ok": True, "calculators": [
        {
            "name": calc.name,
            "title": calc.title.as_dict(),
            "policies": sorted(pid for pid, p in policies.items() if calc.name in p.get("calculators", [])),
        }
        for calc in calculators().values()
    ]}


def _unknown_calculator(name: object) -> InputErrors:
    known = ", ".join(calculators())
    return InputErrors([InputError("calculator", f"未知的计算器“{safe_text(name)}”。可用：{known}。",
                                   f"Unknown calculator \"{safe_text(name)}\". Known: {known}.")])


def _find(name: object) -> Calculator:
    calc = calculator(name) if isinstance(name, str) else None
    if calc is None:
        raise _unknown_calculator(name)
    return calc


def describe(name: str) -> dict[str, Any]:
    try:
        calc = _find(name)
    except InputErrors as exc:
        return failure(exc)
    return {"ok": True, **calc.describe()}


def _policy_for(calc: Calculator, policy_id: object) -> Policy:
    data = load_policies().get(policy_id) if isinstance(policy_id, str) else None
    applicable = sorted(pid for pid, p in load_policies().items() if calc.name in p.get("calculators", []))
    if data is None or calc.name not in data.get("calculators", []):
        raise InputErrors([InputError(
            "policy",
            f"计算器“{calc.name}”不适用于政策“{safe_text(policy_id)}”。可用政策：{'、'.join(applicable)}。",
            f"Calculator \"{calc.name}\" does not apply to policy \"{safe_text(policy_id)}\". Policies: {', '.join(applicable)}.",
        )])
    return Policy(data)


def input_applies(spec: InputSpec, policy: Policy) -> bool:
    """Whether a policy uses this input (forms show only these).

    "open:PARAM" and "unstated:PARAM" both apply when the policy leaves PARAM open;
    "open:" then requires the input, "unstated:" leaves it optional.
    """
    if spec.applies_when is None:
        return True
    if "|" in spec.applies_when:   # "has:A|has:B": either condition
        return any(input_applies(dataclasses.replace(spec, applies_when=one), policy) for one in spec.applies_when.split("|"))
    kind, _, param = spec.applies_when.partition(":")
    if kind == "dated":   # "dated:*": the policy has a parameter with values by date, picked by the month paid for
        return bool(policy.dated_names("month_paid_for"))
    if kind == "paid_dated":   # "paid_dated:*": ... picked by the payment date (`applies_by: payment_date`)
        return bool(policy.dated_names("payment_date"))
    if kind == "choice":   # "choice:PARAM": the policy leaves PARAM to the person: a list of options or a range
        return policy.has(param) and (isinstance(policy.value(param), list) or _is_range(policy.value(param)))
    # "alias:PREFIX*": an older input name for the first open PREFIX* parameter (accepted, never on a form)
    # "PREFIX*": any parameter whose name starts with PREFIX (e.g. the add-on premiums add_on_*)
    names = policy.names(param[:-1]) if param.endswith("*") else [param]
    if kind == "lacks":
        return not any(policy.has(n) for n in names)
    return any(policy.is_open(n) if kind in ("open", "unstated", "alias") else policy.has(n) for n in names)


def _is_range(value: object) -> bool:
    """A figure left to the person within bounds: {min, max}."""
    return isinstance(value, dict) and set(value) == {"min", "max"}


def _range_input(spec: InputSpec, policy: Policy, param: str) -> InputSpec:
    """A choice the policy gives as a range ({min: 60, max: 300} percent): a whole percent within it."""
    lo, hi = (int(Decimal(str(policy.value(param)[k]))) for k in ("min", "max"))
    label = policy.label(param)
    return dataclasses.replace(
        spec, type="integer", minimum=lo, maximum=hi, choices_from=None,
        label=Text(f"{spec.label.zh}（%，{lo}–{hi}）", f"{spec.label.en} (%, {lo}–{hi})"),
        help=Text(f"{label['zh']}：政策允许您在 {lo}% 到 {hi}% 之间自选，请填写百分数（如 {lo}）。不填则按最低的 {lo}%。",
                  f"{label['en']}: the policy lets you choose any percentage from {lo}% to {hi}%; enter the number "
                  f"(e.g. {lo}). Left empty: the lowest, {lo}%."))


def _expanded(spec: InputSpec, policy: Policy) -> list[InputSpec]:
    """An input named with a placeholder (`add_on_<item>`, applies_when "unstated:add_on_*") stands for one
    input per parameter the policy leaves open, named like it and labelled with the policy's words."""
    if "<item>" not in spec.name:
        return [spec]
    assert spec.applies_when is not None   # a placeholder input names the parameters it stands for
    prefix = spec.applies_when.partition(":")[2].rstrip("*")
    out = []
    for name in policy.names(prefix):
        if policy.is_open(name):
            label, per = policy.label(name), _PER.get(policy.parameters[name]["unit"], Text("", ""))
            out.append(dataclasses.replace(spec, name=name, applies_when=f"unstated:{name}",
                                           label=Text(label["zh"] + per.zh, label["en"] + per.en)))
    return out


def policy_specs(calc: Calculator, policy: Policy) -> list[InputSpec]:
    """Every input the calculator accepts for this policy (placeholders expanded, choices filled in)."""
    return [resolve_choices(one, policy) for spec in calc.inputs for one in _expanded(spec, policy)]


def resolve_choices(spec: InputSpec, policy: Policy) -> InputSpec:
    """An enum whose choices come from the policy (`choices_from="PARAM.KEY"`) gets them here.

    Each row of the table PARAM gives one choice: the row's KEY (a bilingual text, or a
    plain text) is the label, its zh text the value. Other specs are returned unchanged.
    """
    if spec.choices_from == categories.POLICY_GROUPS:   # the subsidised groups this policy names, in its words
        return dataclasses.replace(spec, choices=categories.policy_choices(policy))
    if spec.choices_from == categories.ROW_GROUPS:   # the groups named in a policy's group tables (reimbursement)
        return dataclasses.replace(spec, choices=categories.row_choices(policy))
    if not spec.choices_from or spec.choices:
        return spec
    param, _, key = spec.choices_from.partition(".")
    if not policy.has(param):
        return spec
    if _is_range(policy.value(param)):
        return _range_input(spec, policy, param)
    choices = []
    if not isinstance(policy.value(param), list):   # a figure the policy states, not options
        return spec
    percent = policy.parameters[param].get("unit") == "percent"   # options such as [7, 9]: value 7, shown as 7%
    for row in policy.value(param):
        label = row[key] if key else (f"{row}%" if percent else row)
        text = Text(label["zh"], label["en"]) if isinstance(label, dict) else Text(str(label), str(label))
        choices.append(Choice(str(row) if percent and not key else text.zh, text))
    return dataclasses.replace(spec, choices=tuple(choices))


_PER = {"CNY/month": Text("（元/月）", " (yuan/month)"), "CNY/year": Text("（元/年）", " (yuan/year)")}


def applicable_inputs(calc: Calculator, policy: Policy) -> list[InputSpec]:
    """The inputs a form offers for this policy (an older alias name is accepted but not offered)."""
    return [spec for spec in policy_specs(calc, policy)
            if input_applies(spec, policy) and not (spec.applies_when or "").startswith("alias:")]


def _check_applicability(calc: Calculator, policy: Policy, values: dict[str, Any], specs: list[InputSpec]) -> None:
    """A needed input that is missing, or an input the policy has no use for, is an error (specs: policy_specs')."""
    errors = []
    for spec in specs:
        given = values[spec.name] is not None and values[spec.name] != spec.default
        if given and (spec.applies_when or "").startswith("alias:") and input_applies(spec, policy):
            target = next(s for s in specs if s.applies_when == "unstated:" + next(
                n for n in policy.names((spec.applies_when or "").partition(":")[2].rstrip("*")) if policy.is_open(n)))
            if values.get(target.name) is not None:   # the old and the new name of one input: which one is meant?
                errors.append(InputError(
                    spec.name, f"“{spec.name}”是“{target.name}”（{target.label.zh}）的旧名：只填其中一个。",
                    f"\"{spec.name}\" is the older name of \"{target.name}\" ({target.label.en}): give only one of them."))
        if not input_applies(spec, policy):
            if given:
                errors.append(_not_used(spec, policy))
        elif spec.applies_when and spec.applies_when.startswith("open:") and values[spec.name] is None:
            param = spec.applies_when.partition(":")[2]
            errors.append(InputError(
                spec.name,
                f"本政策依据“{policy.label(param)['zh']}”计算，但原文未给出数额：请填写“{spec.label.zh}”。",
                f"This policy depends on \"{policy.label(param)['en']}\", which its text does not state: "
                f"enter \"{spec.label.en}\"."))
    if errors:
        raise InputErrors(errors)


def _not_used(spec: InputSpec, policy: Policy) -> InputError:
    """An input given to a policy that has no use for it; "lacks:PARAM" and "unstated:PARAM" inputs say what
    replaces them (the parameter the policy states)."""
    kind, _, param = (spec.applies_when or "").partition(":")
    if (kind == "lacks" and policy.has(param)) or (kind == "unstated" and policy.has(param) and not policy.is_open(param)):
        label = policy.label(param)
        return InputError(spec.name, f"本政策写明了“{label['zh']}”，由它决定，不使用“{spec.label.zh}”：请勿填写。",
                          f"This policy states \"{label['en']}\", which decides instead of \"{spec.label.en}\": leave it empty.")
    return InputError(spec.name, f"本政策不使用“{spec.label.zh}”，请勿填写。",
                      f"This policy does not use \"{spec.label.en}\"; leave it empty.")


def serialize(spec: OutputSpec, value: Any) -> object:
    # value: Any, of the Python type the output's spec.type names (Decimal for money, date for date, ...)
    if value is None:
        return None
    if spec.type == "money":
        return money_str(value)
    if spec.type == "ratio":
        return plain_number(value)
    if spec.type == "date":
        return value.isoformat()
    return value


def display(spec: OutputSpec, value: Any) -> dict[str, Any]:
    """The text a page shows for an output, in both languages (JS only places it)."""
    if value is None:
        return dict(NOT_STATED)
    if spec.type == "money":
        return {"zh": yuan_zh(value), "en": yuan_en(value)}
    if spec.type == "ratio":
        return {"zh": percent_str(value), "en": percent_str(value)}
    if spec.type == "date":
        return {"zh": value.isoformat(), "en": value.isoformat()}
    if spec.type == "boolean":
        return {"zh": "是" if value else "否", "en": "yes" if value else "no"}
    if spec.type == "list":
        if not value:
            return {"zh": "无", "en": "none"}
        seps = {"zh": " ", "en": " "} if all(isinstance(v, dict) for v in value) else {"zh": "、", "en": ", "}
        return {lang: seps[lang].join(_text(item, spec, lang) for item in value) for lang in ("zh", "en")}
    return {lang: _text(value, spec, lang) for lang in ("zh", "en")}


def _text(value: object, spec: OutputSpec, lang: str) -> str:
    """A bilingual dict picks its language; a code with a declared choice shows its label."""
    if isinstance(value, dict) and "zh" in value and "en" in value:
        text: str = value[lang]
        return text
    for choice in spec.choices:
        if choice.value == value:
            label: str = getattr(choice.label, lang)
            return label
    return str(value)


def failure(exc: InputErrors) -> dict[str, Any]:
    return {"ok": False, "errors": [e.as_dict() for e in exc.errors]}


def run(name: str, policy_id: str, inputs: object, lang: str | None = None) -> dict[str, Any]:
    """Validate, compute and serialize. Never raises for bad input.

    `lang` ("zh" or "en"): charts in that language only (a form shows one; the worker asks for
    it); None or anything else: in both. Everything else is bilingual either way.
    """
    try:
        calc = _find(name)
        policy = _policy_for(calc, policy_id)
    except InputErrors as exc:
        return failure(exc)
    return _run(calc, policy, inputs, lang)


def run_policy(name: str, policy_data: dict[str, Any], inputs: object) -> dict[str, Any]:
    """`run` for a policy given as compiled data instead of by id: the policy loader runs
    every worked example this way, before the data is compiled."""
    try:
        calc = _find(name)
    except InputErrors as exc:
        return failure(exc)
    return _run(calc, Policy(policy_data), inputs)


def _charts(calc: Calculator, result: dict[str, Any], lang: str | None) -> dict[str, Any]:
    """{chart: {lang: svg}} in zh and en, or in `lang` alone.

    >>> one = run("resident-contribution", "hunan/yueyang/pingjiang/2023-resident", {}, lang="en")
    >>> {name: sorted(svgs) for name, svgs in one["charts"].items()}, charts.DRAWN.get()
    ({'who_pays': ['en']}, ('zh', 'en'))
    >>> both = run("resident-contribution", "hunan/yueyang/pingjiang/2023-resident", {})
    >>> one["charts"]["who_pays"]["en"] == both["charts"]["who_pays"]["en"] and one["result"] == both["result"]
    True
    """
    draw = calc.charts
    assert draw is not None   # _run asks only a calculator that draws
    if lang not in charts.LANGS:
        return draw(result)
    token = charts.DRAWN.set((lang,))
    try:
        drawn = draw(result)
    finally:
        charts.DRAWN.reset(token)
    return {name: {lang: svgs[lang]} for name, svgs in drawn.items()}


def _run(calc: Calculator, policy: Policy, inputs: object, lang: str | None = None) -> dict[str, Any]:
    try:
        specs = policy_specs(calc, policy)   # once a run: filling in a policy's choices is a good part of a run's time
        values = validate(specs, inputs)
        _check_applicability(calc, policy, values, specs)
        result, steps = calc.compute(policy, values)
    except InputErrors as exc:
        return failure(exc)
    # an output the compute step leaves out does not exist under this policy
    shown = {o.name: (dict(result["_labels"][o.name]) if o.name in result.get("_labels", {})
                      else display(o, result[o.name])) if o.name in result else dict(NOT_APPLICABLE)
             for o in calc.outputs}
    return {
        "ok": True,
        "calculator": calc.name,
        "policy": policy.id,
        "inputs": {k: _plain(v) for k, v in values.items()},
        "result": {o.name: serialize(o, result.get(o.name)) for o in calc.outputs},
        # `_labels`: words a compute step found for a code its output's choices do not know (a policy's own group)
        "display": shown,
        "headline": headline(calc, result, shown),
        # key outputs this case's headline leaves to the detail (衡阳's monthly average when a premium is collected
        # once a year: the headline says what is debited, and when); present only when there are some
        **({"headline_omits": list(result["_quiet"])} if result.get("_quiet") else {}),
        # outputs that do not apply to this case: pages fold their rows away
        "folded": [o.name for o in calc.outputs if o.name not in result],
        "steps": [s.as_dict() for s in steps],
        **({"charts": _charts(calc, result, lang)} if calc.charts else {}),
    }


def headline(calc: Calculator, result: dict[str, Any], shown: dict[str, Any]) -> dict[str, Any]:
    """The result's answer in one line, from the calculator's key outputs (those with a `lead`)
    that this case has a value for; pages show it above the detail.

    >>> calc = Calculator("c", Text("", ""), Text("", ""), (), (
    ...     OutputSpec("m", "money", Text("", ""), lead=Text("每月 {}", "{} a month")),
    ...     OutputSpec("y", "money", Text("", ""), lead=Text("全年 {}", "{} a year")),
    ...     OutputSpec("n", "money", Text("备注", "Note"))), None)
    >>> headline(calc, {"m": Decimal("301.88"), "y": Decimal("3622.56")},
    ...          {"m": display(calc.outputs[0], Decimal("301.88")), "y": display(calc.outputs[1], Decimal("3622.56"))})
    {'zh': '每月 301.88 元，全年 3622.56 元', 'en': 'CNY 301.88 a month, CNY 3,622.56 a year'}

    What the calculation says must come first (the payment buys nothing, the answer rests on a reading) leads:

    >>> headline(calc, {"m": Decimal("301.88"), "_lead": [("这笔缴费买不到本年度的待遇", "This payment buys no cover for the year")]},
    ...          {"m": display(calc.outputs[0], Decimal("301.88"))})
    {'zh': '这笔缴费买不到本年度的待遇：每月 301.88 元', 'en': 'This payment buys no cover for the year: CNY 301.88 a month'}

    With no key figure (the source leaves them open), the first output the case has, by its label:

    >>> headline(calc, {"m": None, "n": Decimal(5)}, {"m": dict(NOT_STATED), "n": display(calc.outputs[2], Decimal(5))})
    {'zh': '备注：5.00 元', 'en': 'Note: CNY 5.00'}
    """
    quiet = result.get("_quiet") or ()   # key outputs this case's headline leaves to the detail (an average, not a debit)
    keys = [o for o in calc.outputs if o.lead and result.get(o.name) is not None and o.name not in quiet]
    if keys:
        zh = "，".join(_lead(o, shown, "zh", first=i == 0) for i, o in enumerate(keys))
        en = ", ".join(_lead(o, shown, "en", first=i == 0) for i, o in enumerate(keys))
    else:   # nothing computed among the key outputs: the first output this case has, said with its label
        first = next((o for o in calc.outputs if o.name in result and result[o.name] is not None),
                     next((o for o in calc.outputs if o.name in result), calc.outputs[0]))
        zh = f"{first.label.zh}：{shown[first.name]['zh']}"
        en = f"{first.label.en}: {shown[first.name]['en']}"
    leads = headline_leads(result)   # what must come first, facts before readings (calc/headline_rules.py)
    if leads:
        first_zh = "；".join(z for z, _ in leads)
        first_en = "; ".join(e[:1].lower() + e[1:] if i else e for i, (_, e) in enumerate(leads))
        if not keys:   # nothing to add but a label: the leads are the answer
            return {"zh": first_zh, "en": first_en}
        zh, en = f"{first_zh}：{zh}", f"{first_en}: {en if en.startswith('CNY') else en[:1].lower() + en[1:]}"
    return {"zh": zh, "en": singular(en[:1].upper() + en[1:])}


def _lead(spec: OutputSpec, shown: dict[str, Any], lang: str, first: bool) -> str:
    """One key output in the headline: "{}" is its shown value, "{name}" another output's
    ("{months} 个月共 {}"); an English word-value inside the sentence starts in lower case."""
    value = shown[spec.name][lang]
    if lang == "en" and spec.type == "text" and not (first and getattr(spec.lead, lang).startswith("{}")):
        value = value[:1].lower() + value[1:]
    others = {name: text[lang] for name, text in shown.items()}
    lead: str = getattr(spec.lead, lang)
    return lead.replace("{}", _SLOT).format(**others).replace(_SLOT, value)


_SLOT = "\x00"   # holds the lead's own "{}" while str.format fills the named ones


def _plain(value: object) -> object:
    if isinstance(value, Decimal):
        return money_str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def result_of(name: str, policy_id: str, inputs: dict[str, Any]) -> dict[str, Any]:
    """The `result` of a run that must succeed: the calculator modules' doctest helper."""
    out = run(name, policy_id, inputs)
    assert out["ok"], out
    result: dict[str, Any] = out["result"]
    return result


def run_json(name: str, policy_id: str, inputs_json: str, lang: str | None = None) -> str:
    """JSON text in, JSON text out: the Web Worker's entry point (`lang`: charts in the form's language only)."""
    try:
        inputs = loads_inputs(inputs_json)   # strict: no deep nesting, no repeated key
    except InputErrors as exc:
        out = failure(exc)
    else:
        out = run(name, policy_id, inputs, lang)
    return dumps(out)


def dumps(obj: dict[str, Any]) -> str:
    """The one JSON encoding used everywhere (CLI, worker, parity tests)."""
    return json.dumps(obj, ensure_ascii=False, sort_keys=True)
