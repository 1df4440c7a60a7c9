"""axe_checks.run_axe with `looks`: colour contrast once per look of text, on the page where it first appears, and
link-in-text-block once per link look, where the rule first applies to a link of that look."""
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


def test_the_marks_for_one_run_are_gone_after_it(page) -> None:
    """The marks of a run's new looks last that run only: the page is as it was, and a run without `looks`
    measures every text again."""
    looks: set[str] = set()
    _page(page, FAINT + PLAIN)
    assert len(_contrast(run_axe(page, looks=looks))) == 1
    assert page.evaluate("document.querySelectorAll('[data-axe-new-look]').length") == 0
    assert len(_contrast(run_axe(page))) == 1
    assert run_axe(page, looks=looks) == [], "the looks measured are remembered"


# a link told from the text around it only by a colour too close to the text's: link-in-text-block's
# violation where it is in a text block
HIDDEN_LINK = '<a href="#x" style="color:#333;text-decoration:none">link</a>'
IN_TEXT = f'<p style="color:#000">Some words {HIDDEN_LINK} and more words.</p>'
ALONE = f'<p style="color:#000">{HIDDEN_LINK}</p>'
APART = f'<p style="color:#000">Some words on a line of their own<br>{HIDDEN_LINK}</p>'
OTHER_IN_TEXT = IN_TEXT.replace("color:#333;", "color:#444;")


def _links(problems: list[str]) -> list[str]:
    return [p for p in problems if "link-in-text-block" in p]


def test_a_link_look_is_checked_where_it_first_applies_and_not_again(page) -> None:
    looks: set[str] = set()
    _page(page, PLAIN + IN_TEXT)
    assert len(_links(run_axe(page, looks=looks))) == 1
    _page(page, IN_TEXT + PLAIN)
    assert _links(run_axe(page, looks=looks)) == [], "a link look already checked is not checked again"
    _page(page, OTHER_IN_TEXT)
    assert len(_links(run_axe(page, looks=looks))) == 1, "a new link look on a later page is checked"
    assert page.evaluate("document.querySelectorAll('[data-axe-new-link]').length") == 0
    assert len(_links(run_axe(page))) == 1, "without looks, every link is checked"


def test_a_link_look_met_where_the_rule_does_not_apply_is_not_taken_as_checked(page) -> None:
    looks: set[str] = set()
    for shown in (ALONE, APART):   # no text outside the link in its block; text only on another line
        _page(page, shown)
        assert _links(run_axe(page, looks=looks)) == []
    _page(page, IN_TEXT)
    assert len(_links(run_axe(page, looks=looks))) == 1
