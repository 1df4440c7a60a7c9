"""What tests would catch about one policy, caught by `make policies` first (issue 19, item 6).

Run by the loader on a policy that passed every other check (`load_policy(..., prove=True)`, which
`python -m scripts.policy.loader` uses), each problem a `file:line: field: English / 中文` line:

- `vocabulary_problems`: every code a reader will see in a parameter's value (its figure, its dated
  values, its table cells) has words in zh and en (scripts/site/vocabulary.py); cheap, so the loader
  runs it on every load, the site build too;
- `sample_problems`: every calculator the policy names runs over a generated, deterministic sample
  of inputs — its worked examples, and from them each boundary date of the policy (every date
  parameter, date in a rule, period bound) and the day before and after it, each enum choice,
  booleans both ways, each optional input left empty — and must give a result or bilingual input
  errors (`result_problem`, the fuzz's contract), keep the calculator's invariants (`invariant_problem`,
  scripts/policy/invariants.py) and, run again with related inputs, its relations (`relation_problem`,
  scripts/policy/relations.py: lists permuted or repeated, the monotone rules): an exception, a malformed
  result or a broken invariant is reported with the inputs;
- `render_problems`: the policy's page (zh, en, zh-Hant), its table pages and each calculator's
  widget render from the templates in scripts/site/templates without a site build.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import traceback
from collections.abc import Callable
from functools import partial
from pathlib import Path

import jinja2

import calc
from calc.api import applicable_inputs, dumps, run_policy
from calc.policy import Policy
from calc.registry import calculator
from scripts.site import jinja_env
from scripts.site.example_runs import example_runs
from scripts.site.page_paths import LOCALES, data_lang
from scripts.site.policy_page import render_policy
from scripts.site.table_pages import render_table_page, table_parameters
from scripts.site.widgets import render_widget_html
from scripts.site.formatting import _format, declared_words, table_rows
from scripts.site.vocabulary import UnknownCode

from ..paths import ROOT
from .compiled_data import to_json_ready
from .invariants import INVARIANTS
from .relations import check

Problem = tuple[int, str, str, str]   # (line, field, en, zh), as the loader's semantic checks give them

MAX_RUNS = 3000          # per calculator (the county resident policies need about 1,000)
MAX_REPORTED = 3         # distinct failures reported per calculator (each with its first inputs; a count says the rest)
MONEY_RE = re.compile(r"^\d+\.\d{2}$")
RATIO_RE = re.compile(r"^\d+(\.\d+)?$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _line(lines: dict[str, int], field: str) -> int:
    while field:
        if field in lines:
            return lines[field]
        field = field.rsplit(".", 1)[0] if "." in field else ""
    return 1


# ---------------------------------------------------------------------------------------------
# (c) every code a reader will see has words
# ---------------------------------------------------------------------------------------------

def _where(value: object, code: str, path: str = "") -> str | None:
    """The field suffix of the first place `code` appears in `value` (as a key or a scalar)."""
    if isinstance(value, dict):
        for key, item in value.items():
            if str(key) == code:
                return f"{path}.{key}"
            found = _where(item, code, f"{path}.{key}")
            if found is not None:
                return found
    elif isinstance(value, list):
        for i, item in enumerate(value):
            found = _where(item, code, f"{path}[{i}]")
            if found is not None:
                return found
    elif value == code:
        return path
    return None


def vocabulary_problems(policy: dict, lines: dict[str, int]) -> list[Problem]:
    """A code in a parameter's value that has no words for readers (the page would fail to build)."""
    declared = declared_words(policy)
    out = []
    for name, param in policy["parameters"].items():
        entries = [("value", param)] + [
            (f"dated[{i}].value", {**entry, "unit": param["unit"], "status": entry.get("status", param.get("status", "stated"))})
            for i, entry in enumerate(param.get("dated") or [])]
        for where, entry in entries:
            try:
                for lang in ("zh", "en"):
                    _format(entry, lang, declared)
                    table_rows(entry, lang)
            except UnknownCode as exc:
                code = str(exc)
                field = f"parameters.{name}.{where}" + (_where(entry["value"], code) or "")
                out.append((_line(lines, field), field,
                            f"the code {code!r} has no words for readers: add it (zh, en) to scripts/site/vocabulary.py "
                            "WORDS, or use a code that has words (a calculator's choice, calc/categories.py)",
                            f"代码 {code!r} 没有给读者看的中英文说法：请在 scripts/site/vocabulary.py 的 WORDS 中补充（zh, en），"
                            "或改用已有说法的代码（计算器的选项、calc/categories.py）"))
            except Exception:   # noqa: BLE001 - any other failure is the page render's to report
                pass
    return out


# ---------------------------------------------------------------------------------------------
# (b) every calculator runs over a generated sample of inputs
# ---------------------------------------------------------------------------------------------

def _dates_in(value: object) -> list[dt.date]:
    if isinstance(value, dt.date):
        return [value]
    if isinstance(value, str) and DATE_RE.match(value):
        try:
            return [dt.date.fromisoformat(value)]
        except ValueError:
            return []
    if isinstance(value, dict):
        return [d for item in value.values() for d in _dates_in(item)]
    if isinstance(value, list):
        return [d for item in value for d in _dates_in(item)]
    return []


def boundary_dates(policy: dict) -> list[str]:
    """Every date the policy states (date parameters, dates inside rules and dated values, its periods),
    each with the day before and the day after, in order."""
    found = _dates_in([policy["effective"], policy["governs"]])
    for param in policy["parameters"].values():
        found += _dates_in(param["value"]) + _dates_in(param.get("period") or {})
        found += [entry["from"] for entry in param.get("dated") or [] if isinstance(entry["from"], dt.date)]
    days = {d + dt.timedelta(days=k) for d in found for k in (-1, 0, 1)}
    return sorted(d.isoformat() for d in days)


def _typical(spec: dict, policy: dict) -> object:
    """A plain valid value for an input no worked example gives."""
    kind = spec["type"]
    if spec.get("default") is not None:
        return spec["default"]
    if kind == "date":
        return str(policy["effective"]["from"])
    if kind == "integer":
        low, high = spec.get("minimum"), spec.get("maximum")
        return max(low if low is not None else 1, min(high if high is not None else 12, 12 if low is None or low <= 12 else low))
    if kind == "money":
        return "1000"
    if kind == "enum":
        return spec["choices"][0]["value"] if spec.get("choices") else None
    if kind in ("list", "month_list", "integer_list"):
        return []
    if kind == "boolean":
        return False
    return None


def _variants(spec: dict, dates: list[str]) -> list[object]:
    """The values of one input the sample tries."""
    kind = spec["type"]
    empty: list[object] = [] if spec["required"] else [None]
    if kind == "date":
        return [*dates, *empty]
    if kind == "enum":
        return [*(c["value"] for c in spec.get("choices") or []), *empty]
    if kind == "boolean":
        return [True, False, *empty]
    if kind == "list":
        values = [c["value"] for c in spec.get("choices") or []]
        return [[], values, *([v] for v in values), *empty]
    if kind == "integer":
        low, high = spec.get("minimum"), spec.get("maximum")
        return [*(v for v in dict.fromkeys([low, high, 0, 1]) if v is not None
                  and (low is None or v >= low) and (high is None or v <= high)), *empty]
    if kind == "money":
        return ["0", "1000", *empty]
    return empty


def applicable_specs(name: str, data: dict) -> list[dict]:
    """The inputs calculator `name` asks for on this policy (compiled data), as calc.describe gives them."""
    found = calculator(name)
    assert found is not None, name   # the loader proves only the calculators it knows
    return [s.describe() for s in applicable_inputs(found, Policy(data))]


def sample_inputs(name: str, policy: dict) -> list[dict]:
    """The deterministic sample: each worked example (or plain values when there is none) and, from
    each, every boundary date in each date input; from the first, each choice of each enum and boolean input (and empty, when
    optional), with each boundary date in each date input; each other input varied alone."""
    data = to_json_ready(policy)
    specs = applicable_specs(name, data)
    examples = [dict(to_json_ready(e["inputs"])) for e in policy.get("examples") or []
                if e.get("calculator", policy["calculators"][0]) == name]
    typical = {s["name"]: _typical(s, data) for s in specs if s["required"]}
    bases = examples or [{k: v for k, v in typical.items() if v is not None}]
    dates = boundary_dates(policy)
    choosers = [s for s in specs if s["type"] in ("enum", "boolean")]
    date_specs = [s for s in specs if s["type"] == "date"]
    out: list[dict] = []
    seen: set[str] = set()

    def add(inputs: dict) -> None:
        clean = {k: v for k, v in inputs.items() if v is not None}
        key = json.dumps(clean, sort_keys=True, default=str)
        if key not in seen and len(out) < MAX_RUNS:
            seen.add(key)
            out.append(clean)

    for index, base in enumerate(bases):
        start = {**typical, **base}
        add(start)
        for spec in date_specs:   # every boundary date in every date input
            for day in _variants(spec, dates):
                add({**start, spec["name"]: day})
        if index:
            continue              # the choices and the other inputs: from the first example
        for spec in choosers:     # each choice, and with it every boundary date in each date input
            for value in _variants(spec, []):
                picked = {**start, spec["name"]: value}
                add(picked)
                for other in date_specs:
                    for day in dates:
                        add({**picked, other["name"]: day})
        for spec in specs:        # the other inputs, each varied alone
            if spec not in choosers and spec not in date_specs:
                for value in _variants(spec, dates):
                    add({**start, spec["name"]: value})
    return out


def result_problem(name: str, out: object, parameters: dict) -> str | None:
    """What is wrong with one run's result under the fuzz's contract (None: nothing): a dict with `ok`;
    a failure gives bilingual input errors only; a result gives every output, shown in zh and en, each
    of its type (money 0.00, a ratio, an ISO date, an integer, a boolean, a list, a text a code of the
    calculator's or the policy's own groups or else {zh, en}), each step its id, texts and figures in
    words, citing parameters of the policy, each chart an SVG in zh and en."""
    if not isinstance(out, dict) or not isinstance(out.get("ok"), bool):
        return f"not a result: {out!r}"[:300]
    try:
        if json.loads(dumps(out)) != out:
            return "the result does not survive a JSON round trip"
    except (TypeError, ValueError) as exc:
        return f"the result is not JSON: {exc}"
    if not out["ok"]:
        errors = out.get("errors")
        if set(out) != {"ok", "errors"} or not isinstance(errors, list) or not errors:
            return f"a failure must carry only a non-empty list of errors: {out!r}"[:300]
        for err in errors:
            if not (isinstance(err, dict) and set(err) == {"field", "message_zh", "message_en"}
                    and all(isinstance(err[k], str) and err[k].strip() for k in err)):
                return f"an input error without field and zh/en messages: {err!r}"[:300]
        return None
    found = calculator(name)
    assert found is not None, name   # the loader proves only the calculators it knows
    outputs = {o.name: o for o in found.outputs}
    if set(out.get("result", {})) != set(outputs) or set(out.get("display", {})) != set(outputs):
        return f"the result's outputs are not the calculator's: {sorted(set(out.get('result', {})) ^ set(outputs))}"
    for key, value in out["result"].items():
        shown = out["display"][key]
        if not (isinstance(shown, dict) and set(shown) == {"zh", "en"} and all(isinstance(v, str) and v for v in shown.values())):
            return f"output {key} is not shown in zh and en: {shown!r}"[:300]
        wrong = None if value is None else _output_problem(outputs[key], value, parameters)
        if wrong:
            return f"output {key} is not {wrong}: {value!r}"[:300]
    for step in out.get("steps", []):
        if not (isinstance(step, dict) and set(step) == {"id", "zh", "en", "figures", "cites"}):
            return f"a step is not {{id, zh, en, figures, cites}}: {step!r}"[:300]
        if not (step["id"] and str(step["zh"]).strip() and str(step["en"]).strip()):
            return f"a step without its id, zh and en text: {step!r}"[:300]
        if not all(isinstance(k, str) and isinstance(v, str) for k, v in step["figures"].items()):
            return f"step {step['id']!r} has a figure that is not text: {step['figures']!r}"[:300]
        for cite in step["cites"]:
            if cite.get("field") not in parameters:
                return f"step {step.get('id')!r} cites {cite.get('field')!r}, which the policy does not have"
    for chart_name, chart in (out.get("charts") or {}).items():
        if not (isinstance(chart, dict) and set(chart) == {"zh", "en"} and all(str(v).startswith("<svg") for v in chart.values())):
            return f"chart {chart_name} is not an SVG in zh and en"
    return None


def _output_problem(spec, value: object, parameters: dict) -> str | None:
    """What a (not None) output value is not, for its declared type (None: it is)."""
    kind = spec.type
    if kind == "money" and not (isinstance(value, str) and MONEY_RE.match(value)):
        return "an amount 0.00"
    if kind == "ratio" and not (isinstance(value, str) and RATIO_RE.match(value)):
        return "a ratio like 0.08"
    if kind == "date" and not (isinstance(value, str) and DATE_RE.match(value)):
        return "a date YYYY-MM-DD"
    if kind == "integer" and not (isinstance(value, int) and not isinstance(value, bool)):
        return "an integer"
    if kind == "boolean" and not isinstance(value, bool):
        return "true or false"
    if kind == "list" and not isinstance(value, list):
        return "a list"
    if kind == "text":
        codes = [c.value for c in spec.choices]
        if codes:   # a policy's own subsidised groups (calc/categories.py) are codes too
            codes += list((parameters.get("subsidy_categories") or {}).get("value") or {})
        if codes and isinstance(value, str):
            return None if value in codes else "one of the calculator's codes"
        if not (isinstance(value, dict) and set(value) == {"zh", "en"}):
            return "a code or a text {zh, en}"
    return None


def invariant_problem(name: str, data: dict, out: dict) -> str | None:
    """What a successful run breaks of its calculator's invariants (scripts/policy/invariants.py), the fuzz's own."""
    if not out.get("ok") or name not in INVARIANTS:
        return None
    try:
        INVARIANTS[name](data, out)
    except AssertionError as exc:
        return _broken(exc, f"an invariant of {name}")
    return None


def relation_problem(name: str, data: dict, inputs: dict, out: dict, specs: list[dict]) -> str | None:
    """What a successful run and the runs of related inputs break of the calculator's relations
    (scripts/policy/relations.py: lists permuted or repeated give the same result, the monotone rules)."""
    if not out.get("ok"):
        return None
    try:
        check(name, inputs, out, lambda related: run_policy(name, data, dict(related)), specs)
    except AssertionError as exc:
        return _broken(exc, f"a relation of {name}")
    return None


def _broken(exc: AssertionError, what: str) -> str:
    """An invariant's AssertionError in words: the assertion's line and its message."""
    frame = traceback.extract_tb(exc.__traceback__)[-1]
    return f"it breaks {what} ({frame.line}{': ' + str(exc) if str(exc) else ''})"


def sample_problems(policy: dict, lines: dict[str, int]) -> list[Problem]:
    """Each calculator the policy names, run over sample_inputs: an exception or a malformed result,
    with the inputs that gave it (the first MAX_REPORTED per calculator, and how many in all)."""
    data = to_json_ready(policy)
    out = []
    for index, name in enumerate(policy["calculators"]):
        field = f"calculators[{index}]"
        failing = []
        samples = sample_inputs(name, policy)
        specs = applicable_specs(name, data)
        for inputs in samples:
            try:
                result = run_policy(name, data, dict(inputs))
                wrong = (result_problem(name, result, data["parameters"]) or invariant_problem(name, data, result)
                         or relation_problem(name, data, inputs, result, specs))
            except Exception as exc:  # noqa: BLE001 - reported with the policy and the inputs, never a traceback
                frame = traceback.extract_tb(exc.__traceback__)[-1]
                wrong = f"{type(exc).__name__}: {exc} (at {frame.filename.rsplit('/', 2)[-2:][-1]}:{frame.lineno})"
            if wrong:
                failing.append((inputs, wrong))
        distinct = list({wrong: (inputs, wrong) for inputs, wrong in reversed(failing)}.values())[::-1]
        for inputs, wrong in distinct[:MAX_REPORTED]:   # the first inputs of each distinct failure
            shown = json.dumps(inputs, ensure_ascii=False, sort_keys=True)
            more = f" ({len(failing)} of {len(samples)} sampled inputs fail)" if len(failing) > 1 else ""
            more_zh = f"（抽样的 {len(samples)} 组输入中有 {len(failing)} 组出错）" if len(failing) > 1 else ""
            out.append((_line(lines, field), field,
                        f"{name} fails on the inputs {shown}: {wrong}{more}. A policy's data must never make a calculator "
                        "crash: if the value is right, tell the calculator's developers",
                        f"计算器 {name} 在输入 {shown} 下出错：{wrong}{more_zh}。政策数据不应使计算器崩溃："
                        "如果数据无误，请告知计算器的开发者"))
    return out


# ---------------------------------------------------------------------------------------------
# (d) the policy's pages and widgets render
# ---------------------------------------------------------------------------------------------

def _shown_path(filename: str) -> str:
    try:
        return str(Path(filename).resolve().relative_to(ROOT))
    except ValueError:
        return filename


def render_problems(policy: dict, lines: dict[str, int]) -> list[Problem]:
    """Render the policy page in every locale, its table pages and each calculator's widget, from the
    site's templates and with the policy's own data (not the compiled file): a template error is
    reported with the template's file and line."""
    data = to_json_ready(policy)
    env = jinja_env.environment()   # looked up at call time: a test renders with templates of its own

    def run(name: str, policy_id: str, inputs: dict) -> dict:
        """The site's calc run, answered from this policy's data (not yet compiled)."""
        return run_policy(name, data, to_json_ready(dict(inputs))) if policy_id == policy["id"] else calc.run(name, policy_id, inputs)

    out = []
    jobs: list[tuple[str, int, Callable[[], object]]] = []
    for locale in LOCALES:   # the widgets first: a page shows them, and they name the calculator
        for index, name in enumerate(policy["calculators"]):
            jobs.append((f"calculators[{index}]", _line(lines, f"calculators[{index}]"),
                         partial(render_widget_html, env, policy, name, locale, "assets/")))
    for locale in LOCALES:
        lang = data_lang(locale)
        for name in table_parameters(policy):
            jobs.append((f"parameters.{name}", _line(lines, f"parameters.{name}"),
                         partial(render_table_page, env, policy, name, lang)))
        jobs.append((f"(page {locale})", 1, partial(render_policy, env, policy, lang, locale)))
    with example_runs(run):
        for field, line, job in jobs:
            try:
                job()
            except Exception as exc:  # noqa: BLE001 - a template error is the policy's problem line
                where = ""
                frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename.endswith(".j2")]
                if isinstance(exc, jinja2.TemplateSyntaxError):
                    where = f" ({_shown_path(exc.filename or exc.name or '')}:{exc.lineno})"
                elif frames:
                    where = f" ({_shown_path(frames[-1].filename)}:{frames[-1].lineno})"
                out.append((line, field, f"the page does not render: {type(exc).__name__}: {exc}{where}",
                            f"页面无法生成：{type(exc).__name__}: {exc}{where}"))
                if len(out) >= MAX_REPORTED:
                    break
    return out


def problems(policy: dict, lines: dict[str, int]) -> list[Problem]:
    """The run and render proofs (the vocabulary check is the loader's on every load)."""
    return sample_problems(policy, lines) or render_problems(policy, lines)
