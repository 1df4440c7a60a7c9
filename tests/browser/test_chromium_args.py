"""The tests' Chromium switches (support.TEST_ONLY_ARGS) do what they are there for, and no less than
Playwright's own.

- No omnibox popup: a new context opens no browser-UI page (each preloaded one is a renderer process).
- Chromium obeys only the last --disable-features switch, which is ours: it must still turn off every feature
  Playwright's own switch lists (a Playwright upgrade may add one; copy it into PLAYWRIGHT_DISABLED_FEATURES).
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from support import OMNIBOX_POPUP_FEATURES


def _switch_values(cmdline: list[str], name: str) -> list[set[str]]:
    return [set(a.split("=", 1)[1].split(",")) for a in cmdline if a.startswith(name + "=")]


def _browser_cmdlines() -> list[list[str]]:
    """The command lines of this worker's Chromium browser processes (its Playwright driver's children)."""
    out = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            args = (proc / "cmdline").read_bytes().decode(errors="replace").split("\0")
            parent = (proc / "stat").read_text().rsplit(")", 1)[1].split()[1]
            grand = (Path("/proc") / parent / "stat").read_text().rsplit(")", 1)[1].split()[1]
        except OSError:
            continue
        if "--remote-debugging-pipe" in args and int(grand) == os.getpid():
            out.append(args)
    return out


@pytest.mark.browser
def test_ours_is_the_last_disable_features_and_covers_playwrights(browser):
    cmdlines = _browser_cmdlines()
    assert len(cmdlines) == 1, f"expected this worker's one browser, found {len(cmdlines)}"
    switches = _switch_values(cmdlines[0], "--disable-features")
    assert len(switches) >= 2, switches   # Playwright's, then ours
    *earlier, last = switches
    assert set(OMNIBOX_POPUP_FEATURES) <= last
    for playwrights in earlier:
        assert playwrights <= last, f"Playwright also disables {sorted(playwrights - last)}: add to PLAYWRIGHT_DISABLED_FEATURES"


@pytest.mark.browser
def test_a_new_context_opens_no_browser_ui_page(browser):
    context = browser.new_context()
    try:
        context.new_page().goto("data:text/html,<p>hi</p>")
        session = browser.new_browser_cdp_session()
        targets = session.send("Target.getTargets")["targetInfos"]
        session.detach()
    finally:
        context.close()
    assert [t["url"] for t in targets if t["type"] == "browser_ui"] == []
    assert any(t["url"].startswith("data:text/html") for t in targets)
