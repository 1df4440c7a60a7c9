"""axe-core in a page: serious and critical violations, and colour contrast checked once per look.

- run_axe(page, within=None, looks=None): every axe rule; the violations as one line per element, measured
  once the page's transitions and animations have ended (a dialog fading in is not what a reader reads:
  material's search results, mid-fade, measured 4.35:1 under make test).
- preload_axe(context): axe in every page of a context from its start (a sweep's pages need no injection).
- Colour contrast is a function of how text looks: its colour, size, weight and shadow, and the
  backgrounds and opacities it is drawn over. Axe's color-contrast is most of axe's time on a policy
  page (0.85 s of 1.2 s here: it resolves every text element's backdrop), and the calculator pages of
  a language repeat the same few dozen looks. With `looks` (a set a sweep keeps across its pages),
  color-contrast runs only on the visible text whose look is not in the set yet — every look the
  sweep meets is checked where it first appears — and the other rules run on the whole page as
  before. What this leaves out: the same look over a different backdrop drawn by positioning
  (overlap), which the pages do not do with text; tests/browser/test_axe_checks.py shows a new look
  is caught on a later page and a repeated one is not measured again.
"""
from __future__ import annotations

from support import REPO

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
BAD_IMPACT = ("serious", "critical")
# (rule id, CSS selector axe reports) -> why it cannot be fixed by us. Only mkdocs-material's own
# markup may go here, each with its reason; nothing needs to be now.
KNOWN: dict[tuple[str, str], str] = {}

# (looks already checked, selector or null) -> [the visible text elements of a look not in the list,
# their looks]. A look: the text's colour, size, weight and shadow, then each ancestor's opacity and
# background up to the first opaque plain background.
NEW_LOOKS_JS = """([seen, within]) => {
  const known = new Set(seen), fresh = new Map();
  const root = within ? document.querySelector(within) : document.body;
  if (!root) return [[], []];
  const look = el => {
    const s = getComputedStyle(el);
    const parts = [s.color, s.fontSize, s.fontWeight, s.textShadow];
    for (let e = el; e; e = e.parentElement) {
      const p = e === el ? s : getComputedStyle(e);
      if (p.opacity !== '1') parts.push('opacity ' + p.opacity);
      if (p.mixBlendMode !== 'normal') parts.push('blend ' + p.mixBlendMode);
      const image = p.backgroundImage !== 'none', colour = p.backgroundColor;
      if (image || colour !== 'rgba(0, 0, 0, 0)') parts.push('on ' + colour + (image ? ' ' + p.backgroundImage : ''));
      if (!image && /^rgb\\(/.test(colour)) break;
    }
    return parts.join('|');
  };
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let t = walker.nextNode(); t; t = walker.nextNode()) {
    const el = t.parentElement;
    if (!el || !t.textContent.trim() || !el.checkVisibility({visibilityProperty: true})) continue;
    if (el.closest('script, style, template, noscript')) continue;
    const key = look(el);
    if (!known.has(key) && !fresh.has(key)) fresh.set(key, el);
  }
  window.__mbNewLooks = [...fresh.values()];
  return [...fresh.keys()];
}"""


# the page as it rests: every finite CSS transition or animation (and Web Animation) at its end
SETTLED_JS = """() => Promise.all(document.getAnimations()
    .filter(a => a.effect && a.effect.getComputedTiming().endTime !== Infinity)
    .map(a => a.finished.catch(() => null)))"""


def preload_axe(context) -> None:
    """axe in every document of `context` as it is created, for a sweep that runs it on each page: its 500 KB go
    to the browser once instead of once a page (~0.17 s of a page's ~1 s in the calculator sweep). run_axe
    injects it into a page that lacks it."""
    context.add_init_script(path=str(AXE))


def run_axe(page, within: str | None = None, looks: set[str] | None = None) -> list[str]:
    """Serious and critical axe violations not in KNOWN, one line per element (within: only the
    elements matching that selector, and what they contain). With `looks`, color-contrast runs on
    the text of looks not in it only, and those looks are added to it."""
    if not page.evaluate("typeof window.axe === 'object'"):
        page.add_script_tag(path=str(AXE))
    page.evaluate(SETTLED_JS)
    context = "within ? {include: [[within]]} : document"
    if looks is None:
        result = page.evaluate(f"within => axe.run({context}, {{resultTypes: ['violations']}})", within)
        return _violations(result)
    new = page.evaluate(NEW_LOOKS_JS, [sorted(looks), within])
    result = page.evaluate(f"within => axe.run({context}, {{resultTypes: ['violations'], "
                           "rules: {'color-contrast': {enabled: false}}})", within)
    found = _violations(result)
    if new:
        contrast = page.evaluate("() => axe.run({include: window.__mbNewLooks}, {resultTypes: ['violations'], "
                                 "runOnly: {type: 'rule', values: ['color-contrast']}})")
        found += _violations(contrast)
        looks.update(new)
    return found


def _violations(result: dict) -> list[str]:
    found = []
    for v in result["violations"]:
        if v["impact"] not in BAD_IMPACT:
            continue
        for node in v["nodes"]:
            selector = " ".join(str(t) for t in node["target"])
            if (v["id"], selector) not in KNOWN:
                found.append(f"{v['impact']} {v['id']} {selector}: {node['failureSummary']!r}")
    return found
