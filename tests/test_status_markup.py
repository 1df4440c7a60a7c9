"""Every policy page's "in force" banner, read from the built site without a browser (one test per page).

assets/mingbai/policy-status.js is one script for every page: it reads the banner's data-effective-from and
data-effective-to, shows the one [data-state] line for the reader's day in China and writes that day into
.mb-status-checked from data-checked-template. tests/browser/test_policy_status.py drives it in Chromium on one
page per language, through every state; what it reads on each page is checked here, for every policy page in
every language:

- one banner, whose dates are the policy's (policies/), so the script judges each page by its own policy;
- one line for each state the policy can be in (an "ended" line too when it has an end date), and the checked-day
  line with a template that holds the day;
- without JavaScript exactly one line shows (the others carry `hidden`): the build's verdict.
"""
from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

from calc.data import load_policies
from scripts.site.embed_pages import LANG_DIRS

POLICIES = load_policies()   # compiled from policies/ (calc/data): dates as ISO strings
PAGES = [(pid, lang) for pid in sorted(POLICIES) for lang in LANG_DIRS]


class Banners(HTMLParser):
    """The page's .mb-policy-status banners: their attributes, their [data-state] lines (state, hidden) and
    whether each holds a .mb-status-checked line."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.banners: list[dict] = []
        self._depth = 0   # open <div>s inside the current banner (0: outside any)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if self._depth:
            if tag == "div":
                self._depth += 1
            if "data-state" in a:
                self.banners[-1]["lines"].append((a["data-state"], "hidden" in a))
            if "mb-status-checked" in a.get("class", "").split():
                self.banners[-1]["checked"] = True
        elif tag == "div" and "mb-policy-status" in a.get("class", "").split():
            self.banners.append({"attrs": a, "lines": [], "checked": False})
            self._depth = 1

    def handle_endtag(self, tag: str) -> None:
        if self._depth and tag == "div":
            self._depth -= 1


@pytest.mark.parametrize("pid, lang", PAGES, ids=[f"{lang}:{pid}" for pid, lang in PAGES])
def test_the_pages_banner_carries_its_policys_dates_and_the_build_verdict(built_site: Path, pid: str, lang: str) -> None:
    page = built_site / f"{LANG_DIRS[lang]}policies/{pid}/index.html"
    parsed = Banners()
    parsed.feed(page.read_text(encoding="utf-8"))
    parsed.close()
    assert len(parsed.banners) == 1, (pid, lang, parsed.banners)
    banner = parsed.banners[0]
    effective = POLICIES[pid]["effective"]
    start, end = effective["from"], effective.get("to")
    assert banner["attrs"].get("data-effective-from") == start, (pid, lang, banner["attrs"])
    assert banner["attrs"].get("data-effective-to", "") == (end or ""), (pid, lang, banner["attrs"])
    assert "{day}" in banner["attrs"].get("data-checked-template", ""), (pid, lang, banner["attrs"])
    assert banner["checked"], (pid, lang)
    states = [state for state, _ in banner["lines"]]
    assert len(set(states)) == len(states) and set(states) <= {"in_force", "not_yet", "ended"}, (pid, lang, states)
    assert {"in_force", "not_yet"} | ({"ended"} if end else set()) <= set(states), (pid, lang, states)
    assert [state for state, hidden in banner["lines"] if not hidden] == [banner["attrs"]["class"].split("--")[-1]], \
        (pid, lang, banner)   # one line shows without JavaScript: the build's verdict, the banner's class
