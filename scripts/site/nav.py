"""The site's navigation: sections per province and place, comparisons, the hand-written pages (zh titles + en)."""
from __future__ import annotations

from html import escape as html_escape

from .authoring_reference import PAGE as REFERENCE_PAGE
from .compare_pages import compare_groups
from .page_paths import compare_page_path, localized, page_path, province_of, province_page_path, table_page_path
from .table_pages import table_parameters
from .ui_words import WORDS

NAV = WORDS["nav"]
PROVINCE_WIDE = NAV["province_wide"]   # the title of a province's own (not a city's) policies


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
    entries: list = [{NAV["home"][0]: "index.md"}]
    for province, places in tree.items():
        entries.append({province: [province_page_path(slugs[province], "zh")]
                                   + [{place: pages} for place, pages in places.items()]})
    compare = [compare_page_path(topic, "zh") for topic in compare_groups(policies)]
    sections = ["home"]
    if compare:
        entries.append({NAV["compare"][0]: compare})
        sections.append("compare")
    entries.append({NAV["authoring"][0]: localized(REFERENCE_PAGE, "zh")})   # generated from calc's declarations
    entries += [{NAV["embed"][0]: "embed.md"}, {NAV["about"][0]: "about.md"}]
    translations.update(dict(NAV[key] for key in [*sections, "authoring", "embed", "about"]))
    return entries, translations
