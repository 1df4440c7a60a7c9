"""The home page and each province's page: policies by place and year, the today box, the place picker."""
from __future__ import annotations

import posixpath

import jinja2

from . import today_box
from .page_paths import page_path, province_of, province_page_path
from .policy_labels import region, years_label
from .status_banner import build_day, list_status
from .ui_words import pick, ui

HOME_LIST_MAX = 12   # a province with more policies is one link on the home page, listed on its own page


def _policy_rows(policies: dict[str, dict], lang: str, from_dir: str) -> dict[str, list[dict]]:
    """Policies by province (in that language), each with a Markdown link relative to from_dir."""
    by_region: dict[str, list[dict]] = {}
    for pid in sorted(policies):
        p = policies[pid]
        by_region.setdefault(p["jurisdiction"]["province"][lang], []).append(
            {"id": pid, "title": p["title"][lang], "region": region(p, lang),
             "year": years_label(p, lang), "start": str(p["governs"]["benefits"]["from"]),
             "link": posixpath.relpath(page_path(pid, "zh"), from_dir), "status": list_status(p, lang)})
    for items in by_region.values():
        items.sort(key=lambda i: (i["region"], i["start"]))
    return by_region


def render_home(env: jinja2.Environment, policies: dict[str, dict], lang: str) -> str:
    by_region = _policy_rows(policies, lang, ".")
    provinces = {p["jurisdiction"]["province"][lang]: province_page_path(province_of(pid), "zh")
                 for pid, p in policies.items()}
    return env.get_template("home.md.j2").render(
        lang=lang, t=ui(lang), by_region=by_region, provinces=provinces, list_max=HOME_LIST_MAX,
        places=today_box.place_tree(policies, lang, build_day(), large=lambda place: "/" not in place and sum(
            province_of(pid) == place for pid in policies) > HOME_LIST_MAX),
        today_ui=today_box.UI, pick=pick)


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
                                                     places=places, today_ui=today_box.UI, pick=pick)
