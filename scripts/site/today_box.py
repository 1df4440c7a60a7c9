"""The "today" box (issue 20 items 1, 2, 5) and the place picker: what calc/today.py says for a place,
as every verdict the place can have, the build's own shown, the others hidden; assets/mingbai/today.js
shows the one holding the reader's date in China time. Dates only reach the browser: every word and
amount is calc's.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from calc import today as judge
from calc.vocabulary import TOPICS

from .page_paths import policy_link
from .policy_labels import years_label
from .ui_words import WORDS, pick

UI = WORDS["today"]
QUESTIONS = (   # (key, words, calculators in order of preference, a note on what to choose)
    ("pay", UI["question_pay"], ("resident-contribution", "flexible-contribution"), None),
    ("covered", UI["question_covered"], ("resident-benefit-start",), None),
    ("missed", UI["question_missed"], ("flexible-arrears", "resident-benefit-start"), None),
    ("newborn", UI["question_newborn"], ("resident-benefit-start",), UI["question_newborn_note"]),
    ("critical", UI["question_critical"], ("critical-illness-cap",), None),
)


_INDEX: list[judge.PlaceIndex] = []   # the last one made: a build asks about one loaded set of policies


def _index(policies: dict[str, dict]) -> judge.PlaceIndex:
    """calc.today's index of these policies, made once per loaded set (kept while the same mapping is asked
    about: every page of a build asks with the one the build loaded; `mkdocs serve` loads a new one)."""
    if not _INDEX or _INDEX[0].policies is not policies or _INDEX[0].size != len(policies):
        _INDEX[:] = [judge.PlaceIndex(policies)]
    return _INDEX[0]


def place_name(place: str, known: dict, lang: str) -> str:
    names = [known[p][lang] for p in reversed(judge.chain(place)) if p in known]
    return "".join(names) if lang == "zh" else ", ".join(reversed(names))


def today_view(place: str, policies: dict[str, dict], lang: str, link: Callable[[str], str], day: dt.date,
               topics: list[str] | None = None) -> dict | None:
    """What today.html.j2 shows for one place: every verdict with its days, the one for `day` not hidden."""
    index = _index(policies)
    known = index.places
    found = judge.variants(place, policies, topics, index)
    if not found:
        return None
    iso = day.isoformat()
    out = []
    for v in found:
        topics_shown = [{"label": pick(lang, (TOPICS[t["topic"]].zh, TOPICS[t["topic"]].en)),
                         "lines": t["lines"][lang],
                         "links": [{"title": policies[pid]["title"][lang], "href": link(pid)} for pid in t["policies"]]}
                        for t in v["result"]["topics"]]
        out.append({"from": v["from"] or "", "to": v["to"] or "", "topics": topics_shown,
                    "shown": (v["from"] is None or v["from"] <= iso) and (v["to"] is None or iso <= v["to"])})
    return {"place": place, "title": pick(lang, UI["title"]).format(place=place_name(place, known, lang)),
            "variants": out, "checked": pick(lang, UI["checked"]).format(day=iso),
            "checked_template": pick(lang, UI["checked"]), "pages": pick(lang, UI["pages"])}


def question_links(place: str, policies: dict[str, dict], lang: str, link: Callable[[str], str], day: dt.date) -> list[dict]:
    """Entry by question: for each, the policy of the place's chain that has the calculator and governs
    `day` (most local first), else the latest; a link to its calculator on that page."""
    levels = {p: n for n, p in enumerate(judge.chain(place))}
    out = []
    for key, words, names, note in QUESTIONS:
        best = None
        for name in names:
            mine = [pid for pid in _index(policies).applying(place) if name in policies[pid]["calculators"]]
            if not mine:
                continue

            def rank(pid: str, name=name) -> tuple:
                start, end = judge._span(policies[pid])
                holds = start <= day and (end is None or day <= end)
                return (holds, start if not holds else dt.date.min, -levels[judge.place_of(pid)])
            best = (max(mine, key=rank), name)
            break
        if best is None:
            continue
        pid, name = best
        index = policies[pid]["calculators"].index(name) + 1
        out.append({"key": key, "words": pick(lang, words), "href": f"{link(pid)}#mb-{index}-{lang}",
                    "title": policies[pid]["title"][lang], "note": pick(lang, note) if note else ""})
    return out


def place_tree(policies: dict[str, dict], lang: str, day: dt.date, root: str | None = None,
               link: Callable[[str], str] | None = None, large: Callable[[str], bool] | None = None) -> list[dict]:
    """The places below `root` (None: provinces), nested (city → county), each with its today box and
    question links. A place for which `large` is true is not opened here: it links its own page (home
    lists a large province as one link; its page carries the tree), so a page stays small with thousands."""
    index = _index(policies)
    known = index.places
    link = link or (lambda pid: f"policies/{pid}/")

    def node(place: str) -> dict:
        if large is not None and large(place):
            return {"place": place, "name": known[place][lang], "level": known[place]["level"], "today": None,
                    "questions": [], "children": [], "page": f"policies/{place}/"}
        children = index.children.get(place, [])
        return {"place": place, "name": known[place][lang], "level": known[place]["level"], "page": None,
                "today": today_view(place, policies, lang, link, day),
                "questions": question_links(place, policies, lang, link, day),
                "children": [node(c) for c in children]}
    return [node(p) for p in index.children.get(root, [])]


def later_elsewhere(policy: dict, policies: dict[str, dict], lang: str) -> dict | None:
    """For a policy with no later member of its own series: the policies of the same topic from the places
    above it (city, province) that govern benefit years after it ended — an ended county page links them."""
    pid = policy["id"]
    if (policy.get("series") or {}).get("next"):
        return None
    end = policy["governs"]["benefits"].get("to")
    if end is None:
        return None
    end = dt.date.fromisoformat(str(end))
    above = judge.chain(judge.place_of(pid))[1:]
    for place in above:
        later = sorted((policies[p_id] for p_id in _index(policies).own.get(place, []) if policies[p_id]["topic"] == policy["topic"]
                        and judge.applies_at(p_id, judge.place_of(pid), policies)
                        and dt.date.fromisoformat(str(policies[p_id]["governs"]["benefits"]["from"])) > end),
                       key=lambda p: str(p["governs"]["benefits"]["from"]))
        if later:
            known = _index(policies).places
            level = judge.LEVEL_WORDS[known[place]["level"]]
            return {"lead": pick(lang, UI["later_elsewhere"]).format(place=known[place][lang], level=pick(lang, level)),
                    "items": [{"title": p["title"][lang], "years": years_label(p, lang),
                               "link": policy_link(pid, p["id"])} for p in later]}
    return None
