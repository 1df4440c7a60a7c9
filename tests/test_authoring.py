"""Authoring: what calculators read is declared (calc/parameters.py), proved complete here by
recording every parameter each calculator touches over every policy, worked example and test
vector; the loader checks policies against the declarations; the reference page and the
scaffold come from them."""
from __future__ import annotations

import collections
from pathlib import Path

import pytest

from calc import api
from calc.data import load_policies
from calc.parameters import declaration
from calc.policy import Policy
from calc.registry import calculators
from tests.test_pyodide_parity import load_vectors


class _Recording(dict):
    """A policy's parameters that note every name asked for (has, value, cite, …)."""

    def __init__(self, data: dict, seen: set):
        super().__init__(data)
        self.seen = seen

    def __getitem__(self, name):
        self.seen.add(name)
        return super().__getitem__(name)

    def __contains__(self, name):
        self.seen.add(name)
        return super().__contains__(name)

    def get(self, name, default=None):
        self.seen.add(name)
        return super().get(name, default)


def _runs() -> list[tuple[str, str, dict]]:
    """(calculator, policy, inputs): every vector, every worked example, every calculator's defaults."""
    runs = [(v["calculator"], v["policy"], v["inputs"]) for v in load_vectors()]
    for pid, policy in load_policies().items():
        runs += [(e.get("calculator", policy["calculators"][0]), pid, dict(e["inputs"])) for e in policy.get("examples") or []]
        runs += [(name, pid, {}) for name in policy["calculators"]]
    return runs


@pytest.fixture(scope="module")
def touched() -> dict[tuple[str, str], set[str]]:
    """(calculator, policy id) → the parameter names its runs asked for."""
    seen: dict[tuple[str, str], set[str]] = collections.defaultdict(set)
    current = {}
    original = Policy.__init__

    def recording_init(self, data):
        original(self, data)
        self.parameters = _Recording(self.parameters, seen[(current["calc"], self.id)])

    Policy.__init__ = recording_init
    try:
        for name, pid, inputs in _runs():
            current["calc"] = name
            api.run(name, pid, inputs)
    finally:
        Policy.__init__ = original
    return seen


def test_every_parameter_a_calculator_reads_is_declared(touched) -> None:
    calcs = calculators()
    missing = sorted({(calc, name) for (calc, _), names in touched.items() for name in names
                      if calc in calcs and declaration(calcs[calc], name) is None})
    assert not missing, "\n".join(
        f"calc/{calc.replace('-', '_')}.py reads {name!r} but its PARAMETERS do not declare it: add "
        f"Parameter({name!r}, (UNIT,), Text(\"…\", \"…\"), required=False) (or when=\"has:OTHER\")" for calc, name in missing)


def test_every_required_parameter_is_read_by_some_run(touched) -> None:
    """A declaration no run ever reads is stale, unless the parameter is optional."""
    for name, calc in calculators().items():
        read = set().union(*(names for (c, _), names in touched.items() if c == name))
        for p in calc.parameters:
            if p.required and p.pattern is None:
                assert p.name in read, f"{name} declares {p.name} as required but no policy, example or vector reads it"


def test_policies_state_what_their_calculators_need() -> None:
    """The real policies pass the loader's parameter check (calc.parameters.policy_problems)."""
    from calc.parameters import policy_problems
    calcs = calculators()
    for pid, policy in load_policies().items():
        problems = policy_problems(policy, [calcs[n] for n in policy["calculators"]], list(calcs.values()))
        assert problems == [], (pid, problems)


# --- the authoring reference page (scripts/site/authoring_reference.py) -------------------------------------

@pytest.fixture(scope="module")
def reference() -> dict[str, str]:
    from scripts.site.authoring_reference import render_reference
    from scripts.site.hant import to_hant
    policies = load_policies()
    zh = render_reference(policies, "zh")
    return {"zh": zh, "en": render_reference(policies, "en"), "zh-Hant": to_hant(zh)}


def test_reference_lists_every_calculator_its_inputs_and_parameters(reference) -> None:
    from scripts.site.hant import to_hant
    for lang, text in reference.items():
        data_lang = "en" if lang == "en" else "zh"
        shown = to_hant if lang == "zh-Hant" else str
        for name, calc in calculators().items():
            described = calc.describe()
            assert f"{shown(described['title'][data_lang])} (`{name}`)" in text, (lang, name)
            for spec in described["inputs"]:
                assert f"| `{spec['name']}` | {spec['type']} | {shown(spec['label'][data_lang])}" in text, (lang, name, spec["name"])
            for p in calc.parameters:
                meaning = shown(getattr(p.meaning, data_lang)).replace("|", "\\|")
                assert f"| `{p.name}` | {' / '.join(p.units)} |" in text and meaning in text, (lang, name, p.name)


def test_reference_documents_every_yaml_field(reference) -> None:
    from scripts.site.authoring_reference import BLOCKS
    for prefix, check, _ in BLOCKS:
        for name in [*check.fields[0], *check.fields[1]]:
            for text in reference.values():
                assert f"`{prefix}{name}`" in text, (prefix, name)


def test_every_schema_field_has_a_meaning() -> None:
    """FIELD_MEANINGS is the one hand-written part: it must follow scripts/policy/schema.py (rows come from the
    schema, so a meaning whose field is gone is never shown; it is still reported, to be deleted)."""
    from scripts.site.authoring_reference import BLOCKS, FIELD_MEANINGS
    fields = {prefix + name for prefix, check, _ in BLOCKS for name in [*check.fields[0], *check.fields[1]]}
    assert not fields - set(FIELD_MEANINGS), \
        f"add a {{zh, en}} meaning to the \"fields\" section of scripts/site/ui_words.json for: {sorted(fields - set(FIELD_MEANINGS))}"
    stale = set(FIELD_MEANINGS) - fields
    if stale:
        import warnings
        warnings.warn(f"FIELD_MEANINGS names fields the schema does not have: {sorted(stale)}", stacklevel=2)


def test_reference_is_in_three_languages(reference) -> None:
    assert "\n# 编写政策：字段与计算器参考\n" in reference["zh"] and "## 添加一项政策" in reference["zh"]
    assert "## Adding a policy" in reference["en"] and "Parameters it reads" in reference["en"]
    assert "編寫政策" in reference["zh-Hant"] and "编写" not in reference["zh-Hant"]
    assert "display_only" in reference["zh"] and "display_only" in reference["en"]


def test_reference_page_is_written_and_in_the_navigation(tmp_path) -> None:
    from scripts.site.authoring_reference import NAV_TITLE, PAGE
    from scripts.site.nav import nav
    from scripts.site.pages import render_site
    policies = load_policies()
    entries, translations = nav(policies)
    assert {NAV_TITLE[0]: f"{PAGE}.md"} in entries and translations[NAV_TITLE[0]] == NAV_TITLE[1]
    generated, _ = render_site(policies, tmp_path / "pages", tmp_path / "docs")
    written = {Path(rel).name for rel in generated}
    assert all((tmp_path / "pages" / rel).is_file() for rel in generated)
    assert {f"{PAGE}.md", f"{PAGE}.en.md", f"{PAGE}.zh-Hant.md"} <= written


# --- the scaffold (scripts/policy/scaffold.py) ------------------------------------------------------------

def _todo_places(text: str) -> list[int]:
    """The line of every TODO the author must replace (comments aside), once per TODO."""
    return [n for n, line in enumerate(text.splitlines(), 1) for _ in range(line.split("#", 1)[0].count("TODO"))]


def test_scaffold_writes_a_skeleton_the_loader_rejects_exactly_at_its_todos(tmp_path) -> None:
    from scripts.policy.loader import SOURCES_DIR, load_policy
    from scripts.policy.scaffold import main
    policies_dir = tmp_path / "policies"
    names = ["flexible-contribution", "flexible-arrears"]
    assert main(["--place", "hunan/hengyang", "--topic", "flexible-employment", "--year", "2025",
                 "--calculators", *names, "--policies-dir", str(policies_dir)]) == 0
    path = policies_dir / "hunan" / "hengyang" / "2025-flexible-employment.yaml"
    text = path.read_text(encoding="utf-8")
    data, problems = load_policy(path, policies_dir, SOURCES_DIR)
    assert data is None
    assert sorted(p.line for p in problems) == _todo_places(text)
    assert all("TODO" in p.en and "TODO" in p.zh and p.field for p in problems)
    assert {"title.zh", "published", "sources.source-1.file", "parameters.contribution_rate.value"} <= {p.field for p in problems}
    from scripts.policy.scaffold import former_name
    for name in names:   # every parameter the calculators declare is in the skeleton, by today's name only
        for p in calculators()[name].parameters:
            if former_name(p):
                assert f"\n  {p.name}:" not in text and f"# {p.name}:" not in text, p.name
            elif p.pattern is not None:   # a name the author makes: shown with an example, commented out
                assert f"\n  # {p.name}:" in text, p.name
            else:
                assert f"\n  {p.name}:" in text, p.name
    assert "\n  # add_on_<item>:" in text and "add_on_critical_illness;" in text
    assert "critical_illness_monthly" not in text and "supplementary_annual" not in text
    # never over an existing file
    assert main(["--place", "hunan/hengyang", "--topic", "flexible-employment", "--year", "2025",
                 "--policies-dir", str(policies_dir)]) == 1


def test_scaffold_fills_in_what_is_on_file() -> None:
    """Place names and default calculators come from the policies already on file."""
    from scripts.policy.scaffold import default_calculators, skeleton
    policies = load_policies()
    some = next(iter(sorted(policies.values(), key=lambda p: p["id"])))
    place = some["id"].rsplit("/", 1)[0]
    names = default_calculators(some["topic"], policies)
    assert set(some["calculators"]) <= set(names)
    text = skeleton(place, some["topic"], 2031, names, policies)
    province = some["jurisdiction"]["province"]
    assert f'province: {{zh: "{province["zh"]}", en: "{province["en"]}"}}' in text
    assert f"id: {place}/2031-{some['topic']}" in text
