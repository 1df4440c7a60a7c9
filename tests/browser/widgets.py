"""Driving one calculator widget on a built page, with calc.run as the oracle.

Used by test_resident_widgets.py and test_seed_calculators.py. A `Widget` wraps
`form.mb-calc[data-calc=…][data-policy=…]` (a page carries several forms) and

- `apply(inputs)` sets EVERY field of the form the way a user would (checkbox
  groups for `list`, a select for `enum`, a checkbox for `boolean`, typing for the
  rest; "" leaves a field empty) and returns the `calc.run` answer for the inputs
  the widget then sends (empty fields left out, as widget.js does);
- `expect_result(run)` waits until the answer for those inputs is shown (the
  result is no longer `mb-stale`) and checks every output, every step and every
  chart against it, in the page language;
- `expect_error(field, run)` checks the field's inline `.mb-error` against calc's
  message in the page language only.
"""
from __future__ import annotations

import html
import re
import sys

from playwright.sync_api import expect

from support import REPO

sys.path.insert(0, str(REPO))
import calc  # noqa: E402

BOOT_TIMEOUT = 90_000   # ms; Pyodide boots in a few seconds, CI machines can be slow
STALE = re.compile(r"\bmb-stale\b")
NUMERIC = re.compile(r"[+-]?\d+(\.\d+)?")

# Visible text of an element, text nodes joined by single spaces (an SVG has many).
TEXT_OF = """el => {
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  const parts = [];
  while (walker.nextNode()) parts.push(walker.currentNode.nodeValue);
  return parts.join(" ").split(/\\s+/).filter(Boolean).join(" ");
}"""


def page_path(policy: str, lang: str) -> str:
    """The site path of a policy page: zh at the root, en under /en/."""
    return ("en/" if lang == "en" else "") + f"policies/{policy}/"


def svg_text(svg: str) -> str:
    """The text nodes of calc's SVG, as TEXT_OF reads them in the page."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", svg)).split())


def form_selector(calculator: str, policy: str) -> str:
    return f'form.mb-calc[data-calc="{calculator}"][data-policy="{policy}"]'


class Widget:
    def __init__(self, opened, calculator: str, policy: str, lang: str):
        self.page = opened.page
        self.calculator = calculator
        self.policy = policy
        self.lang = lang
        self.other = "zh" if lang == "en" else "en"
        self.form = self.page.locator(form_selector(calculator, policy))
        expect(self.form).to_have_count(1)
        assert self.form.get_attribute("data-lang") == lang

    # ---- locators ----
    def field(self, name: str):
        return self.form.locator(f'.mb-field[data-field="{name}"]')

    def output(self, name: str):
        return self.form.locator(f'dd[data-output="{name}"]')

    def chart(self, name: str):
        return self.form.locator(f'figure[data-chart="{name}"]')

    def chart_text(self, name: str) -> str:
        svg = self.chart(name).locator("svg")
        expect(svg).to_have_count(1)
        return svg.evaluate(TEXT_OF)

    @property
    def result(self):
        return self.form.locator(".mb-result")

    def field_names(self) -> list[str]:
        return self.form.locator(".mb-field[data-field]").evaluate_all(
            "els => els.map(e => e.getAttribute('data-field'))")

    # ---- input ----
    def set(self, name: str, value) -> None:
        field = self.field(name)
        kind = field.get_attribute("data-type")
        if kind == "list":
            wanted = set(value)
            boxes = field.locator('input[type="checkbox"]')
            values = [boxes.nth(i).get_attribute("value") for i in range(boxes.count())]
            assert wanted <= set(values), f"{name}: no such choices {wanted - set(values)}"
            for i, v in enumerate(values):
                boxes.nth(i).set_checked(v in wanted)
        elif kind == "boolean":
            field.locator('input[type="checkbox"]').set_checked(bool(value))
        elif kind == "enum":
            field.locator("select").select_option(value=str(value))
        else:
            box = field.locator("input")
            text = str(value)
            if box.get_attribute("type") == "number" and text and not NUMERIC.fullmatch(text):
                # fill() refuses non-numbers for type=number; type over the selection like a user
                box.select_text()
                box.press_sequentially(text)
            else:
                box.fill(text)

    def apply(self, inputs: dict) -> dict:
        """Set every field (in the order given) and return calc.run for the inputs sent."""
        assert sorted(inputs) == sorted(self.field_names()), (
            f"{self.calculator}: the test must give every field {self.field_names()}, got {sorted(inputs)}")
        for name, value in inputs.items():
            self.set(name, value)
        return self.expected(inputs)

    def expected(self, inputs: dict) -> dict:
        """calc.run on what widget.js sends: empty text left out, lists and booleans as they are."""
        sent = {k: v for k, v in inputs.items() if not (isinstance(v, str) and v.strip() == "")}
        return calc.run(self.calculator, self.policy, sent)

    # ---- checks ----
    def settle(self) -> None:
        """Wait for the answer to the current inputs (the result stops being stale)."""
        expect(self.result).not_to_have_class(STALE, timeout=BOOT_TIMEOUT)

    def expect_result(self, run: dict) -> None:
        assert run["ok"], run
        self.settle()
        lang = self.lang
        shown_names = self.form.locator("dd[data-output]").evaluate_all(
            "els => els.map(e => e.getAttribute('data-output'))")
        assert shown_names and set(shown_names) <= set(run["display"]), (shown_names, sorted(run["display"]))
        for name in shown_names:
            expect(self.output(name)).to_have_text(run["display"][name][lang])
        steps = self.form.locator("ol.mb-steps > li")
        expect(steps).to_have_count(len(run["steps"]))
        for i, step in enumerate(run["steps"]):
            expect(steps.nth(i)).to_have_text(step[lang])
        for name, svg in (run.get("charts") or {}).items():
            if self.chart(name).count():
                assert self.chart_text(name) == svg_text(svg[lang]), f"chart {name} not updated"
        expect(self.form.locator(".mb-error:visible")).to_have_count(0)
        expect(self.form.locator(".mb-form-error")).to_be_hidden()
        expect(self.form).to_have_attribute("data-mb-state", "ready")

    def expect_error(self, name: str, run: dict) -> None:
        """The field's inline error shows calc's message(s) in the page language, nothing else."""
        assert not run["ok"], run
        mine = [e for e in run["errors"] if e["field"] == name]
        assert mine, f"calc gave no error for {name}: {run['errors']}"
        error = self.field(name).locator(".mb-error")
        expect(error).to_have_text(" ".join(e["message_" + self.lang] for e in mine), timeout=BOOT_TIMEOUT)
        expect(error).to_be_visible()
        for e in mine:
            assert e["message_" + self.other] not in error.text_content()
        control = self.field(name).locator("input, select, fieldset input").first
        expect(control).to_have_attribute("aria-invalid", "true")
        error_id = error.get_attribute("id")
        assert error_id and error_id in (control.get_attribute("aria-describedby") or "").split()
        expect(self.result).to_have_class(STALE)
        # an error for this field only: no other field claims it
        expect(self.form.locator(".mb-error:visible")).to_have_count(
            len({e["field"] for e in run["errors"] if e["field"]}))
