"""axe-core in a page: serious and critical violations, colour contrast and link-in-text-block once per look.

- run_axe(page, within=None, looks=None): every axe rule; the violations as one line per element.
- Colour contrast is a function of how text looks: its colour, size, weight and shadow, and the
  backgrounds and opacities it is drawn over. Axe's color-contrast is most of axe's time on a policy
  page (0.85 s of 1.2 s here: it resolves every text element's backdrop), and the calculator pages of
  a language repeat the same few dozen looks. With `looks` (a set a sweep keeps across its pages),
  color-contrast runs only on the visible text whose look is not in the set yet — every look the
  sweep meets is checked where it first appears — and the other rules run on the whole page as
  before. What this leaves out: the same look over a different backdrop drawn by positioning
  (overlap), which the pages do not do with text; tests/browser/test_axe_checks.py shows a new look
  is caught on a later page and a repeated one is not measured again.
- link-in-text-block (is a link in running text told from the text around it?) is, where it applies, a
  function of styles too: the link's (and its ::before/::after's) borders, outline, fonts, text decoration
  and background image, those of each ancestor up to its text block, and the colours of both over their
  backdrop — its "link look" (NEW_LINKS_JS). It cost ~0.4–0.8 s a policy page here (material's nav holds
  hundreds of links, each tested for being in a text block). With `looks`, it runs only on the links of a
  link look not checked yet. Whether it applies depends on the text around the link, not on the look, so a
  link look counts as checked only once axe applied the rule to a link of that look; a link whose text block
  holds no other text (axe's isInTextBlock is then false) is not a candidate. The same caveat as contrast
  (backdrops drawn by positioning); tests/browser/test_axe_checks.py shows a link look caught on a later
  page, not checked again, and not taken as checked where the rule did not apply.
- Each `looks` run is one axe.run of the other rules on the whole page, plus color-contrast on the new
  looks' elements and link-in-text-block on the new link looks' links when there are any (each of those
  two, enabled at all, costs a layout grid of the whole page).
"""
from __future__ import annotations

from support import REPO

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
BAD_IMPACT = ("serious", "critical")
# (rule id, CSS selector axe reports) -> why it cannot be fixed by us. Only mkdocs-material's own
# markup may go here, each with its reason; nothing needs to be now.
KNOWN: dict[tuple[str, str], str] = {}

# A look (a function of an element, in the page): the text's colour, size, weight and shadow, then each ancestor's
# opacity and background up to the first opaque plain background.
LOOK_JS = """el => {
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
  }"""

# (looks already checked, selector or null) -> the looks of visible text not in the list; the first element of
# each is marked data-axe-new-look (RUN_MARKED_JS checks colour contrast on those).
NEW_LOOKS_JS = """([seen, within]) => {
  const known = new Set(seen), fresh = new Map();
  const root = within ? document.querySelector(within) : document.body;
  if (!root) return [];
  const look = LOOK;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let t = walker.nextNode(); t; t = walker.nextNode()) {
    const el = t.parentElement;
    if (!el || !t.textContent.trim() || !el.checkVisibility({visibilityProperty: true})) continue;
    if (el.closest('script, style, template, noscript')) continue;
    const key = look(el);
    if (!known.has(key) && !fresh.has(key)) fresh.set(key, el);
  }
  for (const el of fresh.values()) el.setAttribute('data-axe-new-look', '');
  return [...fresh.keys()];
}""".replace("LOOK", LOOK_JS)

# (link looks already checked, selector or null) -> how many links were marked data-axe-new-link: those axe's
# link-in-text-block could apply to whose link look is not in the list (window.__mbNewLinks: element -> look).
# Its outcome for a link in a text block is a function of computed styles — the link's and its ::before/::after's
# (background image, borders, outline, fonts, text decoration, pseudo content), those of each ancestor up to its
# block (the one axe compares with), and the colours of both over their backdrop (LOOK) — so those are the link's
# look. Whether the rule applies is not (the text around the link): a link is a candidate unless its block holds
# no text outside it (then axe's isInTextBlock is false), and a look counts as checked only once axe found the rule
# applying to a link of that look (RUN_LINKS_JS).
NEW_LINKS_JS = """([seen, within]) => {
  const known = new Set(seen), fresh = new Map();
  const root = within ? document.querySelector(within) : document.body;
  if (!root) return 0;
  const look = LOOK;
  // axe's narrowest idea of a block (its isInTextBlock): ours is never below axe's, so its text includes axe's
  const isBlock = el => { const d = getComputedStyle(el).display;
    return ['block', 'list-item', 'table', 'flex', 'grid'].includes(d) || d.startsWith('table-'); };
  const PROPS = ['display', 'color', 'background-image', 'background-color', 'opacity', 'font-family', 'font-size',
    'font-weight', 'font-style', 'text-decoration', 'text-decoration-line', 'text-decoration-style',
    'text-decoration-color', 'text-decoration-thickness', 'text-shadow', 'content'];
  for (const edge of ['border-bottom', 'border-top', 'outline']) PROPS.push(edge + '-style', edge + '-width', edge + '-color');
  const styleOf = (el, pseudo) => { const s = getComputedStyle(el, pseudo); return PROPS.map(p => s.getPropertyValue(p)).join(';'); };
  for (const a of root.querySelectorAll('a[href], [role=link]')) {
    let block = a.parentElement;
    while (block && !isBlock(block)) block = block.parentElement;
    if (!block) continue;
    const linkText = a.textContent.replace(/\\s+/g, ''), blockText = block.textContent.replace(/\\s+/g, '');
    if (!linkText || blockText.length <= linkText.length) continue;
    const parts = [look(a), styleOf(a), styleOf(a, '::before'), styleOf(a, '::after')];
    for (let e = a.parentElement; e; e = e.parentElement) { parts.push(look(e) + ' ' + styleOf(e)); if (e === block) break; }
    const key = 'link ' + parts.join(' / ');
    if (!known.has(key)) fresh.set(a, key);
  }
  for (const a of fresh.keys()) a.setAttribute('data-axe-new-link', '');
  window.__mbNewLinks = fresh;
  return fresh.size;
}""".replace("LOOK", LOOK_JS)

# One axe.run (within: a selector or null) of every rule but those two (each costs a grid of the whole page's
# layout even when it checks nothing), then color-contrast on the marked elements if any.
RUN_JS = """async within => {
  const context = within ? {include: [[within]]} : document;
  const result = await axe.run(context, {resultTypes: ['violations'],
      rules: {'color-contrast': {enabled: false}, 'link-in-text-block': {enabled: false}}});
  const marked = [...document.querySelectorAll('[data-axe-new-look]')];
  for (const el of marked) el.removeAttribute('data-axe-new-look');
  if (marked.length)
    result.violations.push(...(await axe.run({include: marked}, {resultTypes: ['violations'],
      runOnly: {type: 'rule', values: ['color-contrast']}})).violations);
  return result;
}"""
# link-in-text-block on the links NEW_LINKS_JS marked: [its violations, the looks of the marked links it applied to].
RUN_LINKS_JS = """async within => {
  axe.configure({rules: [{id: 'link-in-text-block', selector: '[data-axe-new-link]'}]});
  try {
    const result = await axe.run(within ? {include: [[within]]} : document,
                                 {elementRef: true, runOnly: {type: 'rule', values: ['link-in-text-block']}});
    const applied = new Set();
    for (const kind of ['violations', 'passes', 'incomplete'])
      for (const rule of result[kind]) for (const node of rule.nodes)
        if (window.__mbNewLinks.has(node.element)) applied.add(window.__mbNewLinks.get(node.element));
    const violations = result.violations.map(v => ({id: v.id, impact: v.impact,
      nodes: v.nodes.map(n => ({target: n.target, failureSummary: n.failureSummary}))}));
    return [{violations: violations}, [...applied]];
  } finally {
    axe.reset();
    for (const el of document.querySelectorAll('[data-axe-new-link]')) el.removeAttribute('data-axe-new-link');
    window.__mbNewLinks = null;
  }
}"""


def run_axe(page, within: str | None = None, looks: set[str] | None = None) -> list[str]:
    """Serious and critical axe violations not in KNOWN, one line per element (within: only the
    elements matching that selector, and what they contain). With `looks`, color-contrast runs on
    the text of looks not in it only and link-in-text-block on the links of link looks not in it only;
    the looks checked are added to it."""
    if not page.evaluate("typeof window.axe === 'object'"):
        page.add_script_tag(path=str(AXE))
    context = "within ? {include: [[within]]} : document"
    if looks is None:
        result = page.evaluate(f"within => axe.run({context}, {{resultTypes: ['violations']}})", within)
        return _violations(result)
    new = page.evaluate(NEW_LOOKS_JS, [sorted(looks), within])
    links = page.evaluate(NEW_LINKS_JS, [sorted(looks), within])
    found = _violations(page.evaluate(RUN_JS, within))
    looks.update(new)
    if links:
        result, applied = page.evaluate(RUN_LINKS_JS, within)
        found += _violations(result)
        looks.update(applied)
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
