"""Render policy YAML into Markdown pages (zh default, en suffix) — generator-agnostic.

MkDocs calls this from a thin hook; a later generator can call it unchanged.
Every number on a page is either a policy figure (printed as stored) or comes
from `calc.run` at build time.
"""
from __future__ import annotations

import datetime as dt
import os
import posixpath
import re
from contextvars import ContextVar
from dataclasses import dataclass
from html import escape as html_escape
from decimal import Decimal
from pathlib import Path

import jinja2

import calc
from calc import series
from calc.api import applicable_inputs
from calc.policy import Policy
from calc.registry import calculators
from calc.today import whom as today_whom
from calc.vocabulary import TOPICS

from . import html_slots
from .authoring_reference import NAV_TITLE, render_reference
from .authoring_reference import PAGE as REFERENCE_PAGE
from .formatting import RULE_UNITS, STATUS_TEXT, dated_values, format_value, pick, table_rows
from .hant import to_hant_page
from .table_chart import bar_chart
from . import today_box
from .jinja_env import environment
from .page_paths import (HAND_WRITTEN_ZH, LANGS, LOCALES, assets_prefix, compare_page_path, data_lang, localized, page_path,
                         policy_link, province_of, province_page_path, table_page_path)
from ..write_files import write_if_changed

UI = {
    "in_short": ("一句话说明", "In short"),
    "covers": ("适用对象", "Who it covers"),
    "calculator": ("算一算", "Calculator"),
    "examples": ("算例", "Worked examples"),
    "figures": ("政策数字及出处", "Figures and their sources"),
    "readings": ("我们如何理解", "How we read this"),
    "sources": ("来源", "Sources"),
    "figure": ("项目", "Item"),
    "value": ("数值", "Value"),
    "quote": ("原文", "Source text"),
    "dated_from": ("{} 起", "From {}"),
    "status": ("依据", "Basis"),
    "region": ("地区", "Region"),
    "doc_number": ("文号", "Document no."),
    "published": ("发布", "Published"),
    "effective": ("有效期", "In force"),
    "issuers": ("发布单位", "Issued by"),
    "open_end": ("未规定", "open-ended"),
    "inputs": ("输入", "Inputs"),
    "steps": ("计算步骤", "Steps"),
    "result": ("结果", "Result"),
    # never "no network needed": the engine is downloaded first (issue 20 item 6)
    "prerendered": ("以下为预先算好的示例结果；修改输入后将在本机重新计算（第一次要先下载计算引擎，之后不再联网）。",
                    "Below is a precomputed example; change any input to recompute on this device (the engine is "
                    "downloaded once first; after that, no network is used)."),
    "home_title": ("医保政策明白纸", "Medical insurance, explained"),
    "home_intro": ("把医保政策原文变成看得懂的说明和计算器。每个数字都注明出处：文件、日期和原句。",
                   "Public medical-insurance policies turned into plain explanations and calculators. Every figure names its source: document, date and the exact sentence."),
    "policies": ("政策", "Policies"),
    "year": ("适用年度", "Years covered"),
    "province_title": ("{name}医保政策", "Medical insurance policies: {name}"),
    "province_all": ("本省全部 {n} 项政策", "All {n} policies in this province"),
    "no_number": ("无", "none"),
    "not_applicable": ("（本政策不适用）", "(not used by this policy)"),
    "optional": ("（选填）", " (optional)"),
    "colon": ("：", ": "),
    "total": ("合计", "Total"),
    "compare": ("政策对比", "Compare policies"),
    "compare_intro": ("逐项对比同类政策，数字和规则均取自各政策文件；标记“不同”的行是各地规定不一样的地方。",
                      "Rule by rule, from each policy file; rows marked “differs” are where the places' rules are not the same."),
    "compare_years": ("每地取本站收录的最新一项政策（列标题注明年度）。比较的年度：{years}。",
                      "For each place, its latest policy on this site is compared (years under each place's name). Years compared: {years}."),
    "differs": ("不同", "differs"),
    "not_in_policy": ("未规定", "not in this policy"),
    "full_table": ("完整表格和图表", "Full table and chart"),
    "list_sep": ("；", "; "),
    "years": ("适用年度", "Years covered"),
    "status_label": ("是否有效", "Status"),
    "status_in_force": ("现行有效：{span}。", "In force: {span}."),
    "status_not_yet": ("尚未施行：自 {start} 起施行。", "Not yet in force: applies from {start}."),
    "status_ended": ("已失效：本政策已于 {end} 结束。", "No longer in force: this policy ended on {end}."),
    "status_newer": ("之后的政策：", "What came after it: "),
    "status_no_newer": ("本站没有收录之后的政策。请向{whom}咨询现行标准，不要直接使用本页的数字。",
                        "This site has no later policy for this place. Ask {whom} for the current figures; do not rely on this page's."),
    "status_checked": ("以上按 {day} 的日期判断。", "Checked against the date {day}."),
    "series": ("本地同类政策", "This place's policies on this topic"),
    "this_page": ("本页", "this page"),
    "text_used": ("依据的文本", "Text used"),
    "kind_original": ("原文", "the original document"),
    "kind_summary": ("二手报道（新闻报道或转述，不是原文）", "a second-hand account (news report or digest, not the original)"),
    "retrieved": ("获取日期", "retrieved"),
    "original_link": ("原文链接", "original"),
    "stored_copy": ("本站存档", "stored copy"),
    "capture": ("存档原文", "stored capture"),
    "reading_text": ("简体读本（引文取自此）", "simplified reading (the quotes come from it)"),
    "garbled_note": ("存档原文有乱码的地方，引文中标为〔原文此处乱码〕。", "Where the stored capture is garbled, quotes show [garbled in the stored capture]."),
    "issuers_reported": ("据{publishers}报道；本站没有见到原文", "as reported by {publishers}; we have not seen the original"),
    "lp": ("（", " ("),
    "rp": ("）", ")"),
}


def ui(lang: str) -> dict[str, str]:
    return {key: pick(lang, pair) for key, pair in UI.items()}


@dataclass
class Widget:
    """Everything the widget template needs for one calculator on one page."""
    uid: str
    calc: dict           # calc.describe() output
    inputs: list[dict]   # applicable input descriptions, with "value" prefilled
    run: dict            # calc.run() output for the prefilled inputs (prerendered)
    note: dict | None


# calc.run results of the render in progress (a page is rendered in three languages); each
# render_site call has its own, so a rebuild never reuses a result computed from older policies
_RUNS: ContextVar[dict | None] = ContextVar("example_runs", default=None)


def _example_run(name: str, policy_id: str, inputs: dict) -> dict:
    """calc.run, once per render for each example."""
    runs = _RUNS.get()
    if runs is None:
        return calc.run(name, policy_id, inputs)
    key = (name, policy_id, repr(sorted(inputs.items())))
    if key not in runs:
        runs[key] = calc.run(name, policy_id, inputs)
    return runs[key]


def _prefill(spec: dict, example_inputs: dict) -> str:
    value = example_inputs.get(spec["name"], spec["default"])
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return "" if value is None else str(value)


OPTIONAL_WORDS = ("optional", "可选", "可不填", "选填")


def build_widgets(policy: dict, lang: str) -> list[Widget]:
    pol = Policy(policy)
    widgets = []
    for index, name in enumerate(policy["calculators"]):
        calc_obj = calculators()[name]
        example = next((e for e in policy.get("examples", []) if e.get("calculator", policy["calculators"][0]) == name), None)
        example_inputs = dict(example["inputs"]) if example else {}
        inputs = []
        for spec in applicable_inputs(calc_obj, pol):
            desc = spec.describe()
            desc["value"] = _prefill(desc, example_inputs)
            desc["selected"] = list(example_inputs.get(spec.name) or []) if spec.type == "list" else []
            # "has:" inputs are optional extras; say so unless calc's label already does
            desc["mark_optional"] = (spec.applies_when or "").startswith("has:") and not any(
                word in desc["label"]["zh"] + desc["label"]["en"] for word in OPTIONAL_WORDS)
            inputs.append(desc)
        run = _example_run(name, policy["id"], example_inputs)
        if not run["ok"]:
            raise ValueError(f"{policy['id']}: example for {name} fails: {run['errors']}")
        widgets.append(Widget(f"mb-{index + 1}-{lang}", calc.describe(name), inputs, run, example["note"] if example else None))
    return widgets


def render_widget_html(policy: dict, calculator: str, locale: str, assets: str) -> str:
    """One calculator's widget form, the same markup as on policy pages (embed pages use it)."""
    lang = data_lang(locale)
    widget = next(w for w in build_widgets(policy, lang) if w.calc["name"] == calculator)
    html = environment().get_template("widget.html.j2").render(w=widget, p=policy, lang=lang, locale=locale, t=ui(lang), assets=assets)
    return to_hant_page(html) if locale == "zh-Hant" else html


def build_examples(policy: dict) -> list[dict]:
    """Worked examples: the policy's example inputs run through calc at build time."""
    out = []
    for example in policy.get("examples", []):
        name = example.get("calculator", policy["calculators"][0])
        run = _example_run(name, policy["id"], dict(example["inputs"]))
        if not run["ok"]:
            raise ValueError(f"{policy['id']}: example {example['inputs']} fails: {run['errors']}")
        out.append({"note": example["note"], "calc": calc.describe(name), "run": run, "inputs": example["inputs"],
                    "print": bool(example.get("print")),   # kept on paper (print.css)
                    "shown": {lang: shown_inputs(policy, name, example["inputs"], run["inputs"], lang) for lang in LANGS}})
    return out


def _input_text(spec: dict, value: object, lang: str) -> str:
    """One input as a reader reads it: a choice's label (never its code), 是/否, a list joined."""
    labels = {str(c["value"]): c["label"][lang] for c in spec.get("choices") or []}
    sep = "、" if lang == "zh" else ", "
    if value is None or value == []:
        return pick(lang, ("无", "none"))
    if isinstance(value, bool):
        return pick(lang, ("是", "yes") if value else ("否", "no"))
    if isinstance(value, list):
        return sep.join(labels.get(str(v), str(v)) for v in value)
    return labels.get(str(value), str(value))


def shown_inputs(policy: dict, name: str, given: dict, parsed: dict, lang: str) -> list[tuple[str, str]]:
    """A worked example's inputs (those the example gives), each as (label, words)."""
    specs = [s.describe() for s in applicable_inputs(calculators()[name], Policy(policy))]
    return [(s["label"][lang], _input_text(s, parsed.get(s["name"]), lang)) for s in specs if s["name"] in given]


PLACE_LEVELS = ("province", "city", "county", "town")


def _region(policy: dict, lang: str) -> str:
    parts = [policy["jurisdiction"][k][lang] for k in PLACE_LEVELS if k in policy["jurisdiction"]]
    return " · ".join(parts if lang == "zh" else reversed(parts))


def build_day() -> dt.date:
    """The date a build judges "in force" by (MINGBAI_TODAY for reproducible tests); pages re-judge in the browser."""
    return dt.date.fromisoformat(os.environ["MINGBAI_TODAY"]) if os.environ.get("MINGBAI_TODAY") else dt.date.today()


def years_label(policy: dict, lang: str) -> str:
    """The benefit years a policy governs: 2023, 2023–2024, or 2025 起 / 2025 on."""
    span = policy["governs"]["benefits"]
    start, end = str(span["from"])[:4], str(span["to"])[:4] if span.get("to") else None
    if end is None:
        return f"{start} 起" if lang == "zh" else f"{start} on"
    return start if start == end else f"{start}–{end}"


def status_view(policy: dict, policies: dict[str, dict], lang: str) -> dict:
    """What the status banner shows at build time; assets/mingbai/policy-status.js re-judges it by the reader's date."""
    t = ui(lang)
    eff = policy["effective"]
    found = series.status_of(policy, build_day())
    span = f"{eff['from']} – {eff.get('to') or t['open_end']}"
    # whom to ask in plain words, as the today box says it (calc/today.py): the contact, else the named offices among
    # the issuers and the local office — never "湖南省 7 个部门联合发文（据转述…）"
    whom = today_whom(policy)[0 if lang == "zh" else 1]
    series_info = policy.get("series") or {"members": [policy["id"]], "next": None}
    members = [{"id": pid, "years": years_label(policies[pid], lang), "title": policies[pid]["title"][lang],
                "link": None if pid == policy["id"] else policy_link(policy["id"], pid)}
               for pid in series_info["members"] if pid in policies]
    nxt = series_info.get("next")
    return {
        "state": found["state"], "from": str(eff["from"]), "to": str(eff["to"]) if eff.get("to") else "",
        "in_force": t["status_in_force"].format(span=span), "not_yet": t["status_not_yet"].format(start=eff["from"]),
        "ended": t["status_ended"].format(end=eff.get("to") or ""),
        "next": {"title": policies[nxt]["title"][lang], "years": years_label(policies[nxt], lang),
                 "link": policy_link(policy["id"], nxt)} if nxt and nxt in policies else None,
        "later": today_box.later_elsewhere(policy, policies, lang),
        "no_newer": t["status_no_newer"].format(whom=whom), "checked": t["status_checked"].format(day=build_day()),
        "checked_template": t["status_checked"], "series": members if len(members) > 1 else [],
    }


def _reported_by(policy: dict, lang: str) -> str:
    """Publishers of the second-hand accounts when the policy rests on no original text, else empty."""
    sources = policy["sources"].values()
    if any(s["kind"] == "original" for s in sources):
        return ""
    return ("、" if lang == "zh" else ", ").join(dict.fromkeys(s["publisher"][lang] for s in sources))


def render_policy(env: jinja2.Environment, policy: dict, lang: str, locale: str | None = None,
                  policies: dict[str, dict] | None = None) -> str:
    parameters = [
        {"name": name, **param, "status": param.get("status", "stated"), "how": param.get("how"),
         "display": format_value(param, lang, policy, name), "table": table_rows(param, lang),
         "status_text": pick(lang, STATUS_TEXT[param.get("status", "stated")]),
         "dated": dated_values(param, lang, policy, name)}   # later values by date, each with its own quote
        for name, param in policy["parameters"].items()
    ]
    return readings_in_words(env.get_template("policy.md.j2").render(
        p=policy, lang=lang, locale=locale or lang, t=ui(lang), region=_region(policy, lang), parameters=parameters,
        readings=policy.get("readings", []),
        widgets=build_widgets(policy, lang), examples=build_examples(policy),
        assets=assets_prefix(policy["id"], locale or lang),
        status=status_view(policy, policies or {policy["id"]: policy}, lang), years=years_label(policy, lang),
        today=today_box.today_view(policy["id"].rsplit("/", 1)[0], policies or {policy["id"]: policy}, lang,
                                   lambda pid: policy_link(policy["id"], pid) if pid != policy["id"] else "./",
                                   build_day(), topics=[policy["topic"]]),
        reported_by=_reported_by(policy, lang), checked=figures_checked(policy), rule_units=RULE_UNITS,
    ), [policy], lang)


def figures_checked(policy: dict) -> str | None:
    """When the figures were last checked against their sources: the latest day a source was
    retrieved (the page footer says it; None when no source records one)."""
    days = [str(s["retrieved"]) for s in policy["sources"].values() if s.get("retrieved")]
    return max(days) if days else None


# a reading id in quotes, after 见解读 / see reading or alone (in HTML, " may be escaped)
_READING_REF = {"zh": re.compile(r"(见解读)?“([a-z0-9]+(?:-[a-z0-9]+)*)”"),
                "en": re.compile(r"(see reading )?(?:\"|“|&#34;|&quot;)([a-z0-9]+(?:-[a-z0-9]+)*)(?:\"|”|&#34;|&quot;)")}


def readings_in_words(text: str, policies: list[dict], lang: str) -> str:
    """Prose that names a reading by its id (见解读“waiting-count”) names it by its number on the
    policy page instead: readers see words, not ids (policy.md.j2 numbers the notes)."""
    numbers: dict[str, int] = {}
    for policy in policies:
        for index, reading in enumerate(policy.get("readings", []), start=1):
            numbers.setdefault(reading["id"], index)

    def words(match: re.Match) -> str:
        if match.group(2) not in numbers:
            return match.group(0)
        n = numbers[match.group(2)]
        lead = ("见" if match.group(1) else "") if lang == "zh" else ("see " if match.group(1) else "")
        return f"{lead}“我们如何理解”第 {n} 条" if lang == "zh" else f"{lead}note {n} under “How we read this”"

    return _READING_REF[lang].sub(words, text)


def table_parameters(policy: dict) -> list[str]:
    return [name for name, param in policy["parameters"].items() if param["unit"] == "table" and param["value"]]


def render_table_page(env: jinja2.Environment, policy: dict, name: str, lang: str) -> str:
    """A whole table parameter on its own page: sortable table, total, bar chart (build time)."""
    param = policy["parameters"][name]
    header, cells = table_rows(param, lang)
    keys = list(param["value"][0])
    numeric = [i for i, col in enumerate(keys) if all(isinstance(row.get(col), (int, Decimal)) for row in param["value"])]
    rows = [[{"text": cell, "sort": cell if i in numeric else None} for i, cell in enumerate(row)] for row in cells]
    label_col = next((i for i in range(len(header)) if i not in numeric), None)
    chart = ""
    if numeric and label_col is not None:
        chart = bar_chart(param["label"][lang], [(row[label_col], param["value"][r][keys[numeric[0]]])
                                                  for r, row in enumerate(cells)], "")
    total_param = next((p for n, p in policy["parameters"].items() if n == f"{name}_total"), None)
    total = None
    if total_param is not None:
        total = [format_value(total_param, lang, policy, f"{name}_total") if i == numeric[0] else "" for i in range(len(header))] if numeric else None
    return env.get_template("table.md.j2").render(
        p=policy, f=param, lang=lang, t=ui(lang), header=header, rows=rows, chart=chart, total=total, back="../")


COMPARE_MAX = 6   # columns a person can read side by side


def compare_groups(policies: dict[str, dict]) -> dict[str, list[dict]]:
    """Places side by side, one topic per page: page key → policies, one per place.

    A place's policies on one topic are a series (same place, other years): only its latest member
    is compared, so one place's years do not crowd out the other places (the page says which years
    it compares). Every topic with two or more places gets a page; with more than COMPARE_MAX places
    it is split into pages of 3–6 places in id order (a province's places stay together), so a page
    stays readable and the build linear with thousands of policies.
    """
    latest: dict[str, dict[str, dict]] = {}   # topic → place (the id without its last segment) → policy
    for pid in sorted(policies):
        p = policies[pid]
        places = latest.setdefault(p["topic"], {})
        place = pid.rsplit("/", 1)[0]
        if place not in places or _start(p) > _start(places[place]):
            places[place] = p
    pages: dict[str, list[dict]] = {}
    for topic in sorted(latest):
        items = [latest[topic][place] for place in sorted(latest[topic])]
        if len(items) < 2:
            continue
        count = -(-len(items) // COMPARE_MAX)   # pages needed; sizes differ by at most one
        for i in range(count):
            key = f"{topic}/all" if count == 1 else f"{topic}/part-{i + 1}"
            pages[key] = items[i * len(items) // count:(i + 1) * len(items) // count]
    return pages


def _start(policy: dict) -> str:
    return str(policy["governs"]["benefits"]["from"])


def _compare_cell(policy: dict, name: str, lang: str, back: str) -> dict | None:
    """One policy's figure as a comparison cell; a whole table links to its own page (it is not below)."""
    param = policy["parameters"].get(name)
    if param is None:
        return None
    status = param.get("status", "stated")
    cell = {"display": format_value(param, lang, policy, name), "status": status,
            "status_text": pick(lang, STATUS_TEXT[status]), "description": param["description"][lang], "link": None}
    if cell["status_text"] == cell["display"]:
        cell["status_text"] = ""   # "not stated in the source" is the value already: say it once
    if cell["description"] == cell["display"]:
        cell["description"] = ""   # a description that only repeats the value
    if name in table_parameters(policy):
        rows = len(param["value"])
        cell["display"] = pick(lang, (f"{rows} 行", f"{rows} rows"))
        cell["link"] = back + table_page_path(policy["id"], name, "zh").removesuffix(".md") + "/"
    return cell


def render_compare(env: jinja2.Environment, key: str, items: list[dict], lang: str) -> str:
    topic, scope = key.split("/")
    back = "../" * (key.count("/") + 2)   # from compare/<topic>/<scope>/ to the site root (per language)
    names: list[str] = []
    for policy in items:
        names += [n for n in policy["parameters"] if n not in names]
    rows = []
    for name in names:
        cells = [_compare_cell(policy, name, lang, back) for policy in items]
        label = next(p["parameters"][name]["label"][lang] for p in items if name in p["parameters"])
        shown = [(c["display"], c["status"]) if c else None for c in cells]
        descriptions = {c["description"] for c in cells if c}
        rows.append({"label": label, "cells": cells, "differs": len(set(shown)) > 1,
                     "description": descriptions.pop() if len(descriptions) == 1 else None})
    title = f"{ui(lang)['compare']}{ui(lang)['colon']}{pick(lang, TOPICS[topic])}"
    if scope.startswith("part-"):
        number = scope.removeprefix("part-")
        title += pick(lang, (f"（第 {number} 部分）", f" (part {number})"))
    years = sorted({years_label(p, lang) for p in items})
    return readings_in_words(env.get_template("compare.md.j2").render(
        lang=lang, t=ui(lang), title=title, rows=rows,
        years=ui(lang)["compare_years"].format(years=ui(lang)["list_sep"].join(years)),
        policies=[{"region": _region(p, lang), "years": years_label(p, lang), "title": p["title"][lang],
                   "place": pick(lang, (f"{_region(p, 'zh')}（{years_label(p, 'zh')}）",
                                        f"{_region(p, 'en')} ({years_label(p, 'en')})")),
                   "link": back + f"policies/{p['id']}/", "status": list_status(p, lang)} for p in items]), items, lang)


PROVINCE_WIDE = ("全省", "Province-wide")   # nav title of a province's own (not a city's) policies
HOME_LIST_MAX = 12   # a province with more policies is one link on the home page, listed on its own page


def _policy_rows(policies: dict[str, dict], lang: str, from_dir: str) -> dict[str, list[dict]]:
    """Policies by province (in that language), each with a Markdown link relative to from_dir."""
    by_region: dict[str, list[dict]] = {}
    for pid in sorted(policies):
        p = policies[pid]
        by_region.setdefault(p["jurisdiction"]["province"][lang], []).append(
            {"id": pid, "title": p["title"][lang], "region": _region(p, lang),
             "year": years_label(p, lang), "start": str(p["governs"]["benefits"]["from"]),
             "link": posixpath.relpath(page_path(pid, "zh"), from_dir), "status": list_status(p, lang)})
    for items in by_region.values():
        items.sort(key=lambda i: (i["region"], i["start"]))
    return by_region


STATE_WORDS = {"in_force": ("现行有效", "In force"), "not_yet": ("尚未施行", "Not yet in force"), "ended": ("已失效", "Ended")}


def list_status(policy: dict, lang: str) -> str:
    """A policy's status as one word in a list (home, province, compare), judged on the build day; the
    other words ride in attributes (not indexed by search), and policy-status.js re-judges by the reader's date."""
    eff = policy.get("effective") or policy["governs"]["benefits"]
    state = series.status_of({**policy, "effective": eff}, build_day())["state"]
    words = " ".join(f'data-word-{k.replace("_", "-")}="{pick(lang, v)}"' for k, v in STATE_WORDS.items())
    return (f'<span class="mb-list-status mb-list-status--{state}" data-effective-from="{eff["from"]}" '
            f'data-effective-to="{eff.get("to") or ""}" {words}>{pick(lang, STATE_WORDS[state])}</span>')


def render_home(env: jinja2.Environment, policies: dict[str, dict], lang: str) -> str:
    by_region = _policy_rows(policies, lang, ".")
    provinces = {p["jurisdiction"]["province"][lang]: province_page_path(province_of(pid), "zh")
                 for pid, p in policies.items()}
    return env.get_template("home.md.j2").render(
        lang=lang, t=ui(lang), by_region=by_region, provinces=provinces, list_max=HOME_LIST_MAX,
        places=today_box.place_tree(policies, lang, build_day(), large=lambda place: "/" not in place and sum(
            province_of(pid) == place for pid in policies) > HOME_LIST_MAX),
        today_ui=today_box.UI, pick=today_box.pick)


def render_province(env: jinja2.Environment, province: str, policies: dict[str, dict], lang: str) -> str:
    """One province's policies, by place and year (its nav section links here: navigation stays small)."""
    mine = {pid: p for pid, p in policies.items() if province_of(pid) == province}
    by_region = _policy_rows(mine, lang, f"policies/{province}")
    name = next(iter(by_region))
    box = today_box.today_view(province, policies, lang,
                               lambda pid: posixpath.relpath(f"policies/{pid}", f"policies/{province}") + "/", build_day())
    places = today_box.place_tree(policies, lang, build_day(), root=province,
                                  link=lambda pid: posixpath.relpath(f"policies/{pid}", f"policies/{province}") + "/")
    return env.get_template("province.md.j2").render(lang=lang, t=ui(lang), name=name, items=by_region[name], box=box,
                                                     places=places, today_ui=today_box.UI, pick=today_box.pick)


def nav(policies: dict[str, dict]) -> tuple[list, dict[str, str]]:
    """MkDocs nav in Chinese (sections per province and city) + English translations of section titles."""
    tree: dict[str, dict[str, list[str]]] = {}
    translations: dict[str, str] = {}
    slugs: dict[str, str] = {}
    for pid in sorted(policies):
        j = policies[pid]["jurisdiction"]
        # the theme prints nav titles as HTML (MkDocs templates do not autoescape): escape policy text
        province = html_escape(j["province"]["zh"])
        place = html_escape("".join(j[k]["zh"] for k in ("city", "county") if k in j) or PROVINCE_WIDE[0])
        translations[province] = html_escape(j["province"]["en"])
        translations[place] = html_escape(" · ".join(j[k]["en"] for k in ("city", "county") if k in j) or PROVINCE_WIDE[1])
        slugs[province] = province_of(pid)
        pages = tree.setdefault(province, {}).setdefault(place, [])
        pages.append(page_path(pid, "zh"))
        pages += [table_page_path(pid, name, "zh") for name in table_parameters(policies[pid])]
    entries: list = [{"首页": "index.md"}]
    translations["首页"] = "Home"
    for province, places in tree.items():
        entries.append({province: [province_page_path(slugs[province], "zh")]
                                   + [{place: pages} for place, pages in places.items()]})
    compare = [compare_page_path(topic, "zh") for topic in compare_groups(policies)]
    if compare:
        entries.append({"政策对比": compare})
        translations["政策对比"] = "Compare"
    entries.append({NAV_TITLE[0]: localized(REFERENCE_PAGE, "zh")})   # generated from calc's declarations
    translations[NAV_TITLE[0]] = NAV_TITLE[1]
    entries.append({"嵌入计算器": "embed.md"})
    translations["嵌入计算器"] = "Embed a calculator"
    entries.append({"关于本站": "about.md"})
    translations["关于本站"] = "About"
    return entries, translations


def render_site(policies: dict[str, dict], pages_dir: Path, docs_dir: Path) -> tuple[set[str], html_slots.Slots]:
    """Write every generated page under pages_dir (never docs_dir, which holds hand-written pages).

    Returns the generated pages' paths relative to pages_dir, and the raw-HTML blocks the pages'
    placeholders stand for (scripts/site/html_slots.py).
    """
    env = environment()
    written: set[str] = set()
    slots = html_slots.Slots()
    token = _RUNS.set({})

    def write(rel: str, text: str, locale: str) -> None:
        write_if_changed(pages_dir / rel, slots.stash(to_hant_page(text) if locale == "zh-Hant" else text))
        written.add(rel)

    try:
        for locale in LOCALES:
            lang = data_lang(locale)
            write(localized("index", locale), render_home(env, policies, lang), locale)
            for province in sorted({province_of(pid) for pid in policies}):
                write(province_page_path(province, locale), render_province(env, province, policies, lang), locale)
            for pid, policy in policies.items():
                write(page_path(pid, locale), render_policy(env, policy, lang, locale, policies), locale)
                for name in table_parameters(policy):
                    write(table_page_path(pid, name, locale), render_table_page(env, policy, name, lang), locale)
            for topic, items in compare_groups(policies).items():
                write(compare_page_path(topic, locale), render_compare(env, topic, items, lang), locale)
            write(localized(REFERENCE_PAGE, locale), render_reference(policies, lang), locale)
        # hand-written zh pages get their zh-Hant version the same way
        for source in HAND_WRITTEN_ZH:
            if (docs_dir / f"{source}.md").is_file():
                write(localized(source, "zh-Hant"), (docs_dir / f"{source}.md").read_text(encoding="utf-8"), "zh-Hant")
    finally:
        _RUNS.reset(token)
    return written, slots

