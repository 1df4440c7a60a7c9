"""The reimbursement estimator on Hunan's 2025 resident page (issue 22), zh and en, computed in the page by
Pyodide and compared with CPython's calc.run (widgets.Widget).

Hunan's critical-illness bands apply above the deductible, and the text gives no deductible (起付标准按…50%左右
确定, 根据测算情况合理确定): the form asks for it, and without it the answer is an inline error on that field. The
groups' terms (deductible lowered by 50%, +5 points, no limit) and a limit raised by the incentives (the
critical-illness-cap answer, one input) are each one run.
"""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from test_seed_calculators import money   # calc's money display, one home
from widgets import Widget, page_path

pytestmark = pytest.mark.browser

HUNAN = "hunan/2025-resident"
LANGS = ["zh", "en"]
BILL = {"total": "100000", "in_scope": "", "self_pay": "0", "first_part": "0", "basic_paid": "0", "groups": [],
        "major_illness_deductible": "15000", "earlier_major_illness": "0", "major_illness_cap": ""}


@pytest.mark.parametrize("lang", LANGS)
def test_hunan_reimbursement_widget(open_page, site_url, lang):
    o = open_page(site_url + page_path(HUNAN, lang))
    w = Widget(o, "reimbursement", HUNAN, lang)

    # first an answer the page did not prerender, so the engine must boot and compute it (the bill below is the
    # page's own example, shown before any script runs)
    # the limit the incentives raise (critical-illness-cap's answer), entered as is: 410000 − 404750 paid earlier
    run = w.apply({**BILL, "earlier_major_illness": "520000", "major_illness_cap": "410000"})
    w.expect_result(run)
    expect(w.output("major_illness")).to_have_text(money("5250.00", lang))

    # 85000 above the reader's 15000: 30000 × 60% + 50000 × 65% + 5000 × 75%
    run = w.apply(BILL)
    w.expect_result(run)
    expect(w.output("major_illness")).to_have_text(money("54250.00", lang))

    # a group: the deductible halved, each band 5 points higher
    run = w.apply({**BILL, "groups": ["minimum_living"]})
    w.expect_result(run)
    expect(w.output("major_illness")).to_have_text(money("64500.00", lang))

    # no deductible: the text gives none, so the reader must
    bad = w.apply({**BILL, "major_illness_deductible": ""})
    w.expect_error("major_illness_deductible", bad)
    o.assert_clean()
