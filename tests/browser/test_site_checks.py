"""site_checks.expect_shows_calc catches a form that does not show calc.run's answer (it reads the form in one call)."""
from __future__ import annotations

import pytest

from site_checks import BOOT_TIMEOUT, change_by_keyboard, expect_shows_calc
from support import HENGYANG_ZH

pytestmark = pytest.mark.browser

# (change, undo): each leaves the form showing something calc.run did not say
TAMPER = {
    "an output's text": ("f => { const d = f.querySelector('[data-output]'); window.__was = d.textContent; d.textContent = 'tampered'; }",
                         "f => { f.querySelector('[data-output]').textContent = window.__was; }"),
    "a stale result": ("f => f.querySelector('.mb-result').classList.add('mb-stale')",
                       "f => f.querySelector('.mb-result').classList.remove('mb-stale')"),
    "a step missing": ("f => { const s = f.querySelectorAll('ol.mb-steps > li'); window.__was = s[s.length - 1]; window.__was.remove(); }",
                       "f => f.querySelector('ol.mb-steps').append(window.__was)"),
    "an error line shown": ("f => { const e = f.querySelector('.mb-error'); window.__was = [e.hidden, e.textContent]; e.hidden = false; e.textContent = 'x'; }",
                            "f => { const e = f.querySelector('.mb-error'); [e.hidden, e.textContent] = window.__was; }"),
}


def test_a_form_showing_anything_else_fails(open_page, site_url) -> None:
    o = open_page(site_url + HENGYANG_ZH)
    form = o.page.locator("form.mb-calc").first
    control = form.locator(".mb-field input, .mb-field select").first
    control.focus()
    change_by_keyboard(o.page, control)
    expect_shows_calc(form, "zh", timeout=BOOT_TIMEOUT)
    for what, (change, undo) in TAMPER.items():
        form.evaluate(change)
        try:
            expect_shows_calc(form, "zh", timeout=300)
        except AssertionError as exc:
            assert "does not show calc.run's answer" in str(exc), (what, exc)
        else:
            pytest.fail(f"{what}: not caught")
        form.evaluate(undo)
        expect_shows_calc(form, "zh", timeout=300)   # undone: calc's answer again
    o.assert_clean()
