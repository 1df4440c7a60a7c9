"""axe_checks.run_axe with `looks`: colour contrast once per look of text, on the page where it first appears."""
from __future__ import annotations

import pytest

from axe_checks import run_axe

pytestmark = pytest.mark.browser
PLAIN = '<p style="color:#000;background:#fff">plain text</p>'
FAINT = '<p style="color:#bbb;background:#fff">faint text</p>'
FAINT_HIDDEN = '<p style="color:#bbb;background:#fff;display:none">faint text</p>'
FAINT_ON_GREY = '<div style="background:rgba(0,0,0,.05)"><p style="color:#bbb">faint text</p></div>'


def _page(page, body: str) -> None:
    page.set_content(f'<!doctype html><html lang="en"><head><title>t</title></head><body><main>{body}</main></body></html>')


def _contrast(problems: list[str]) -> list[str]:
    return [p for p in problems if "color-contrast" in p]


@pytest.fixture
def page(browser):
    context = browser.new_context()
    try:
        yield context.new_page()
    finally:
        context.close()


def test_a_look_is_measured_where_it_first_appears_and_not_again(page) -> None:
    looks: set[str] = set()
    _page(page, PLAIN)
    assert run_axe(page, looks=looks) == []
    plain = set(looks)
    assert len(plain) == 1
    _page(page, PLAIN + FAINT)
    assert len(_contrast(run_axe(page, looks=looks))) == 1, "a new look on a later page is measured"
    assert len(looks) == 2
    _page(page, FAINT + PLAIN)
    assert run_axe(page, looks=looks) == [], "a look already measured is not measured again"
    assert len(looks) == 2
    assert len(_contrast(run_axe(page))) == 1, "without looks, every text is measured"


def test_hidden_text_does_not_count_as_measured(page) -> None:
    looks: set[str] = set()
    _page(page, PLAIN + FAINT_HIDDEN)
    assert run_axe(page, looks=looks) == []
    assert len(looks) == 1
    _page(page, PLAIN + FAINT)
    assert len(_contrast(run_axe(page, looks=looks))) == 1


def test_the_same_colour_over_another_backdrop_is_another_look(page) -> None:
    looks: set[str] = set()
    _page(page, FAINT)
    assert len(_contrast(run_axe(page, looks=looks))) == 1
    _page(page, FAINT_ON_GREY)
    assert len(_contrast(run_axe(page, looks=looks))) == 1
    assert len(looks) == 2


def test_other_rules_still_run_on_the_whole_page(page) -> None:
    looks: set[str] = set()
    _page(page, PLAIN)
    run_axe(page, looks=looks)
    _page(page, PLAIN + '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">')
    assert [p for p in run_axe(page, looks=looks) if "image-alt" in p], "a missing alt is still found"


def test_text_is_measured_once_its_fade_in_has_ended(page) -> None:
    """Black text fading in over 3 s: mid-fade it is grey on white (under 4.5:1), at rest it passes. A fade
    the page starts after the check begins is awaited too (material's search dialog opens that way)."""
    _page(page, '<p id="t" style="color:#000;background:#fff;transition:opacity 3s linear;opacity:.2">fading in</p>')
    page.evaluate("() => { document.body.offsetWidth; document.getElementById('t').style.opacity = '1'; }")
    assert page.evaluate("getComputedStyle(document.getElementById('t')).opacity") != "1", "the fade has begun"
    assert run_axe(page, looks=set()) == []
    assert page.evaluate("getComputedStyle(document.getElementById('t')).opacity") == "1"
