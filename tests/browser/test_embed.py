"""Embed pages (/embed/<calculator>/?policy=…&lang=…) and the host side (assets/mingbai/embed-host.js).

Two servers on 127.0.0.1, different ports (= different origins):
- the built site, sending docs/embed.md's Mingbai-side CSP on /embed/ and /assets/ (what an
  embed loads; the theme's own pages use inline scripts and get no CSP here);
- a host page made from the snippet a policy page shows (read from the live page, so the
  snippet itself is what is tested), sending docs/embed.md's host CSP under default-src 'none'.
Expected figures come from CPython's calc.run, versions from scripts/embed_pages.policy_version.

embed.js is one script for every (calculator, policy) pair: the browser drives its routing on one pair per
calculator and per language; every pair's data it routes to (listed on the public page, its templates per
language, their stamps and prerendered figures) is read from the built HTML: tests/test_embed_pairs.py.
"""
from __future__ import annotations

import contextlib
import re
import sys
from pathlib import Path

import pytest
from playwright.sync_api import expect

from support import HENGYANG_ZH, REPO, QuietHandler, serve

pytestmark = pytest.mark.browser

sys.path.insert(0, str(REPO))
import calc  # noqa: E402
from calc.data import load_policies  # noqa: E402
from scripts.site.embed_pages import policy_version  # noqa: E402
from scripts.site.widgets import example_inputs  # noqa: E402

BOOT_TIMEOUT = 90_000
HENGYANG = "hunan/hengyang/2023-flexible-employment"
STALE = re.compile(r"\bmb-stale\b")
# docs/embed.md — keep in step
SITE_CSP = ("default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; "
            "connect-src 'self'; style-src 'self'; img-src 'self' data:")
HOST_CSP = "default-src 'none'; frame-src {site}; script-src 'self' {site}; style-src 'self' 'unsafe-inline'"


@contextlib.contextmanager
def serve_with_csp(directory: Path, csp_for):
    """Like support.serve, plus a Content-Security-Policy header where csp_for(path) gives one."""
    class Handler(QuietHandler):
        def end_headers(self):
            csp = csp_for(self.path)
            if csp:
                self.send_header("Content-Security-Policy", csp)
            super().end_headers()

    with serve(directory, Handler) as url:
        yield url


@pytest.fixture(scope="module")
def csp_site_url(built_site):
    with serve_with_csp(built_site, lambda path: SITE_CSP if path.startswith(("/embed/", "/assets/")) else None) as url:
        yield url


@pytest.fixture(scope="module")
def host_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("host")


@pytest.fixture(scope="module")
def host_url(host_dir, csp_site_url):
    site = csp_site_url.rstrip("/")
    with serve_with_csp(host_dir, lambda path: HOST_CSP.format(site=site)) as url:
        yield url


def pairs() -> list[tuple[str, str]]:
    return [(c["name"], pid) for c in calc.list_calculators()["calculators"] for pid in c["policies"]]


# what an embed page shows, in one read: its forms, the form's and body's stamps, each output's text
EMBED_SHOWN_JS = """() => {
  const forms = document.querySelectorAll('form.mb-calc'), form = forms[0], d = form ? form.dataset : {};
  return {forms: forms.length, lang: document.documentElement.lang,
          form: {calc: d.calc, policy: d.policy, lang: d.lang, policyVersion: d.policyVersion},
          body: {policy: document.body.dataset.policy, policyVersion: document.body.dataset.policyVersion},
          outputs: form ? [...form.querySelectorAll('dd[data-output]')].map(o => [o.dataset.output, o.textContent]) : []};
}"""


def driven_pairs() -> list[tuple[str, str, str]]:
    """(calculator, policy, language) the browser drives through the public page: one pair per calculator (its
    last policy), the languages taken in turn, and the first calculator's pair in every language."""
    calculators = calc.list_calculators()["calculators"]
    langs = ("zh", "en", "zh-Hant")
    first = calculators[0]
    out = [(first["name"], first["policies"][-1], lang) for lang in langs]
    out += [(c["name"], c["policies"][-1], langs[i % 2]) for i, c in enumerate(calculators[1:])]
    return out


def test_every_calculator_and_language_shows_its_prerendered_example(open_page, site_url):
    """embed.js (one script for every pair) through the public page, for one pair per calculator and per
    language: it moves on to the policy's page, shows one form, stamps it and <body> with the policy and its
    version and <html> with the language, and the form shows the example's figures (calc.run's, in zh and
    en). Every other pair's part — listed on the public page, a template per language stamped with the policy
    and version, a form with that calculator, policy and language, showing calc.run's figures — is read from
    the built HTML for every pair: tests/test_embed_pairs.py."""
    policies = load_policies()
    o = open_page(site_url + "embed/", config={"idleBoot": False})
    page = o.page
    driven = driven_pairs()
    assert {name for name, _, _ in driven} == {name for name, _ in pairs()}
    assert {lang for _, _, lang in driven} == {"zh", "en", "zh-Hant"}
    for name, pid, lang in driven:
        page.goto(f"{site_url}embed/{name}/?policy={pid}&lang={lang}", wait_until="load")
        assert page.url == f"{site_url}embed/{name}/{pid}/?policy={pid}&lang={lang}", (name, pid, lang, page.url)
        shown = page.evaluate(EMBED_SHOWN_JS)
        assert shown["forms"] == 1, (name, pid, lang, shown)
        version = policy_version(policies[pid])
        assert shown["form"] == {"calc": name, "policy": pid, "lang": lang, "policyVersion": version}, shown
        assert shown["body"] == {"policy": pid, "policyVersion": version}, shown
        assert shown["lang"] == lang
        assert shown["outputs"], (name, pid, lang)
        if lang in ("zh", "en"):   # calc.run's display languages
            want = calc.run(name, pid, example_inputs(policies[pid], name))
            assert want["ok"], want
            compared = [key for key, _ in shown["outputs"] if key in want["display"]]
            assert compared, (name, pid, lang, shown["outputs"])
            for key, text in shown["outputs"]:
                if key in want["display"]:
                    assert text == want["display"][key][lang], (name, pid, lang, key)
    # no site chrome
    assert page.locator(".md-header, .md-sidebar, .md-search, nav").count() == 0
    o.assert_clean()


def test_an_embed_downloads_one_policy_not_all(built_site):
    """The public page lists policies and holds no forms; a policy's page holds that policy's
    forms, one per language: what an embed loads does not grow with the number of policies."""
    for name, pid in pairs():
        public = (built_site / "embed" / name / "index.html").read_text(encoding="utf-8")
        assert "<template" not in public and pid in re.search(r'data-policies="([^"]*)"', public).group(1).split()
        own = (built_site / "embed" / name / pid / "index.html").read_text(encoding="utf-8")
        variants = re.findall(r'<template data-policy="([^"]+)" data-lang="([^"]+)"', own)
        assert sorted(variants) == sorted((pid, lang) for lang in ("zh", "en", "zh-Hant")), (name, pid)


def test_a_policy_page_asked_for_another_policy_moves_on(open_page, site_url):
    name, first, other = next((c["name"], *c["policies"][:2]) for c in calc.list_calculators()["calculators"]
                              if len(c["policies"]) >= 2)
    o = open_page(f"{site_url}embed/{name}/{first}/?policy={other}&lang=en&months=3", config={"idleBoot": False})
    expect(o.page.locator("form.mb-calc")).to_have_attribute("data-policy", other)
    assert o.page.url == f"{site_url}embed/{name}/{other}/?policy={other}&lang=en&months=3"
    assert o.page.evaluate("document.documentElement.lang") == "en"
    o.assert_clean()


def test_unknown_policy_says_so(open_page, site_url):
    o = open_page(site_url + "embed/flexible-contribution/?policy=nowhere/2099&lang=en", config={"idleBoot": False})
    expect(o.page.locator(".mb-embed-error")).to_contain_text("nowhere/2099")
    expect(o.page.locator(".mb-embed-error")).to_contain_text(HENGYANG)
    assert o.page.locator("form.mb-calc").count() == 0
    o.assert_clean()


def snippet_from_policy_page(open_page, base: str) -> str:
    o = open_page(base + HENGYANG_ZH, config={"idleBoot": False})
    code = o.page.locator('form.mb-calc[data-calc="flexible-contribution"] + details.mb-embed-snippet code.mb-embed-code')
    if code.count() == 0:
        code = o.page.locator("code.mb-embed-code").first
    text = code.text_content()
    return text


def test_host_page_resizes_computes_and_ignores_forgeries(open_page, csp_site_url, host_url, host_dir):
    snippet = snippet_from_policy_page(open_page, csp_site_url)
    # the snippet as shown: absolute URLs, the sandbox and attributes the brief asks for
    assert f'src="{csp_site_url}embed/flexible-contribution/?policy={HENGYANG}&lang=zh"' in snippet, snippet
    assert 'sandbox="allow-scripts allow-same-origin"' in snippet and 'loading="lazy"' in snippet
    assert re.search(r'title="[^"]+"', snippet)
    assert f'<script src="{csp_site_url}assets/mingbai/embed-host.js" defer></script>' in snippet
    unregistered = f'<iframe id="plain" src="{csp_site_url}embed/flexible-contribution/?policy={HENGYANG}&lang=en"></iframe>'
    (host_dir / "host.html").write_text(
        "<!doctype html><html><head><meta charset='utf-8'><title>A host page</title></head><body>"
        f"<h1>Host</h1>{snippet}{unregistered}</body></html>", encoding="utf-8")

    # the engine boots on use (the real frame computes below); the unregistered frame never computes, and an
    # idle boot of its own engine would only cost CPU (the config reaches every frame: an init script)
    o = open_page(host_url + "host.html", config={"idleBoot": False})
    page = o.page
    real = "iframe[data-mingbai-embed]:not(#forger)"
    frame_el = page.locator(real)
    version = policy_version(load_policies()[HENGYANG])
    # resized to its content and stamped
    expect(frame_el).to_have_attribute("data-mingbai-version", version, timeout=30_000)
    assert frame_el.get_attribute("data-mingbai-policy") == HENGYANG
    assert frame_el.get_attribute("data-mingbai-calc") == "flexible-contribution"
    frame = page.frame_locator(real)

    def heights():
        outer = page.evaluate("document.querySelector('iframe[data-mingbai-embed]').getBoundingClientRect().height")
        inner = frame.locator("html").evaluate("el => Math.ceil(el.getBoundingClientRect().height)")
        return outer, inner

    page.wait_for_function("document.querySelector('iframe[data-mingbai-embed]').style.height !== '720px'")
    outer, inner = heights()
    assert outer != 720 and abs(outer - inner) <= 1, (outer, inner)
    assert frame.locator("body").get_attribute("data-policy-version") == version

    # computes inside the frame, under the Mingbai-side CSP
    want = calc.run("flexible-contribution", HENGYANG, {"months": "6"})
    frame.locator('.mb-field[data-field="months"] input').fill("6")
    expect(frame.locator('[data-output="period_total"]')).to_have_text(
        want["display"]["period_total"]["zh"], timeout=BOOT_TIMEOUT)
    expect(frame.locator(".mb-result")).not_to_have_class(STALE)
    expect(frame.locator(".mb-status")).to_have_text("就绪")

    # an embed without data-mingbai-embed is not resized (its messages are ignored)
    plain = page.frame_locator("#plain")
    expect(plain.locator("form.mb-calc")).to_have_count(1)
    page.wait_for_timeout(300)
    assert page.evaluate("document.getElementById('plain').style.height") == ""

    page.wait_for_timeout(300)
    settled = frame_el.evaluate("el => el.style.height")
    valid = {"type": "mingbai:embed", "v": 1, "event": "resize", "calc": "flexible-contribution",
             "policy": "evil/policy", "version": "sha256:0000000000000000", "lang": "zh"}
    # 1. from the host window itself (event.source is not the iframe)
    page.evaluate("m => window.postMessage(m, '*')", {**valid, "height": 99})
    # 2. from a frame marked data-mingbai-embed whose src names the Mingbai site but whose
    #    document (srcdoc) has the host's origin: event.origin is not the src origin
    page.evaluate("""src => { const f = document.createElement('iframe'); f.id = 'forger';
        f.setAttribute('data-mingbai-embed', ''); f.src = src; f.srcdoc = '<p>forger</p>';
        document.body.appendChild(f); }""", csp_site_url + "embed/flexible-contribution/")
    forger = page.frame(url="about:srcdoc")
    if forger is None:
        page.wait_for_timeout(300)
        forger = next(f for f in page.frames if f.url.startswith("about:srcdoc"))
    forger.evaluate("m => parent.postMessage(m, '*')", {**valid, "height": 77})
    # 3. from the real embed frame, but not the expected shape
    embed_frame = next(f for f in page.frames if "/embed/flexible-contribution/" in f.url and "lang=zh" in f.url)
    for bad in ({**valid, "height": "5000px"}, {**valid, "height": -5}, {**valid, "v": 2, "height": 55},
                {**valid, "type": "resize", "height": 55}, {**valid, "height": 55, "policy": 7}, "height=55", None):
        embed_frame.evaluate("m => parent.postMessage(m, '*')", bad)
    page.wait_for_timeout(500)
    assert frame_el.evaluate("el => el.style.height") == settled
    assert frame_el.get_attribute("data-mingbai-policy") == HENGYANG
    assert frame_el.get_attribute("data-mingbai-version") == version
    # control: the same message, well formed, from the real frame is taken
    embed_frame.evaluate("m => parent.postMessage(m, '*')", {**valid, "height": 123, "policy": HENGYANG,
                                                            "version": version})
    page.wait_for_function("document.querySelector('iframe[data-mingbai-embed]').style.height === '123px'")
    o.assert_clean()
