"""Comparison pages: the places' latest policies on one topic side by side, rule by rule."""
from __future__ import annotations

import jinja2

from calc.vocabulary import TOPICS

from .formatting import STATUS_TEXT, format_value
from .page_paths import table_page_path
from .policy_labels import region, years_label
from .reading_refs import readings_in_words
from .status_banner import list_status
from .table_pages import table_parameters
from .ui_words import pick, ui


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
        cell["display"] = ui(lang)["compare_rows"].format(n=rows)
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
        title += ui(lang)["compare_part"].format(number=number)
    years = sorted({years_label(p, lang) for p in items})
    return readings_in_words(env.get_template("compare.md.j2").render(
        lang=lang, t=ui(lang), title=title, rows=rows,
        years=ui(lang)["compare_years"].format(years=ui(lang)["list_sep"].join(years)),
        policies=[{"region": region(p, lang), "years": years_label(p, lang), "title": p["title"][lang],
                   "place": pick(lang, (f"{region(p, 'zh')}（{years_label(p, 'zh')}）",
                                        f"{region(p, 'en')} ({years_label(p, 'en')})")),
                   "link": back + f"policies/{p['id']}/", "status": list_status(p, lang)} for p in items]), items, lang)
