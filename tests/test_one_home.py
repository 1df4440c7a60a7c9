"""Each vocabulary has one home: units, statuses, topics and rounding modes in calc/vocabulary.py,
subsidised groups (and how they combine, what they give) in calc/categories.py.

The schema's accepted values, calc's, the loader's, the page words and the authoring reference are
the same objects (or built from them), and no other module, template or widget script writes a
literal copy of a list.
"""
from __future__ import annotations

import ast
import re
from pathlib import Path

from calc import categories, money, vocabulary
from calc.registry import calculators
from scripts.policy import policy_checks, schema
from scripts.site import authoring_reference, compare_pages, formatting
from scripts.site.vocabulary import WORDS, words

ROOT = Path(__file__).resolve().parents[1]

# a calculator's own explanation for each code (step prose, not the code's label): keyed by the codes,
# so it must cover exactly the vocabulary (checked below)
KEYED_PROSE = {("calc/resident_subsidy_groups.py", "combinations")}

# vocabulary → its codes and the one file that may write them out
HOMES = {
    "units": (vocabulary.UNITS, "calc/vocabulary.py"),
    "statuses": (tuple(vocabulary.STATUSES), "calc/vocabulary.py"),
    "topics": (tuple(vocabulary.TOPICS), "calc/vocabulary.py"),
    "rounding modes": (tuple(vocabulary.ROUNDING_MODES), "calc/vocabulary.py"),
    "subsidised groups": (tuple(categories.CATEGORIES), "calc/categories.py"),
    "combinations": (tuple(categories.COMBINATIONS), "calc/categories.py"),
    "what a group gives": (tuple(categories.GIVES_WORDS), "calc/categories.py"),
}


def test_the_schema_accepts_exactly_calcs_vocabularies() -> None:
    assert schema.UNITS is vocabulary.UNITS
    assert tuple(vocabulary.STATUSES) == schema.STATUSES
    assert tuple(vocabulary.TOPICS) == schema.TOPICS
    assert tuple(vocabulary.ROUNDING_MODES) == schema.ROUNDING_MODES


def test_calc_and_the_loader_read_the_same_lists() -> None:
    assert list(money.ROUNDING_MODES) == list(vocabulary.ROUNDING_MODES)
    assert policy_checks.NUMBER_UNITS is vocabulary.NUMBER_UNITS
    assert set(vocabulary.NUMBER_UNITS) < set(vocabulary.FIGURE_UNITS) and set(vocabulary.FIGURE_UNITS) < set(vocabulary.UNITS)
    for calc in calculators().values():   # every unit a calculator declares is a unit of the vocabulary
        for param in calc.parameters:
            assert set(param.units) <= set(vocabulary.UNITS), (calc.name, param.name)


def test_pages_say_each_code_with_the_vocabularys_words() -> None:
    assert formatting.UNIT_TEXT is vocabulary.FIGURE_UNITS
    assert formatting.STATUS_TEXT is vocabulary.STATUSES
    assert compare_pages.TOPICS is vocabulary.TOPICS
    assert set(formatting.RULE_UNITS) <= set(vocabulary.UNITS)
    for mode, text in vocabulary.ROUNDING_MODES.items():
        assert money.mode_words(mode) == (text.alone.zh, text.alone.en)
        assert money.rounding_words(mode, "1") == (text.to_step.zh.format("元"), text.to_step.en.format("yuan"))
    for table in (categories.CATEGORIES, categories.COMBINATIONS, categories.GIVES_WORDS):
        for code, text in table.items():
            assert (words(code, "zh"), words(code, "en")) == (text.zh, text.en), code


def test_the_site_word_table_repeats_no_code_calc_names() -> None:
    """Codes pages print through words() have their words in calc, not again in WORDS."""
    calc_codes = {*categories.CATEGORIES, *categories.COMBINATIONS, *categories.GIVES_WORDS}
    assert not calc_codes & set(WORDS), sorted(calc_codes & set(WORDS))


def test_the_authoring_reference_lists_the_vocabularies() -> None:
    rows = {row["name"]: row["meaning"] for block in authoring_reference._fields("en") for row in block["rows"]}
    assert ", ".join(vocabulary.UNITS) in rows["parameters.<name>.unit"]
    assert ", ".join(vocabulary.STATUSES) in rows["parameters.<name>.status"]
    assert ", ".join(vocabulary.TOPICS) in rows["topic"]


def _literal_codes(node: ast.AST) -> set[str]:
    """The strings written out in a tuple, list or set literal, or as the keys of a dict literal."""
    items = node.keys if isinstance(node, ast.Dict) else node.elts
    return {item.value for item in items if isinstance(item, ast.Constant) and isinstance(item.value, str)}


def _copies(codes: tuple[str, ...], found: set[str]) -> bool:
    """More than half of a vocabulary written out together is a copy of it (a few codes picked out
    for a rule, like the units shown as rules, are not)."""
    shared = set(codes) & found
    return len(shared) >= 2 and len(shared) * 2 > len(codes)


def test_no_module_writes_out_a_vocabulary_of_its_own() -> None:
    copies = []
    for path in sorted([*ROOT.glob("calc/**/*.py"), *ROOT.glob("scripts/**/*.py")]):
        rel = path.relative_to(ROOT).as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, (ast.Tuple, ast.List, ast.Set, ast.Dict)):
                continue
            found = _literal_codes(node)
            copies += [f"{rel}:{node.lineno}: {name}" for name, (codes, home) in HOMES.items()
                       if rel != home and (rel, name) not in KEYED_PROSE and _copies(codes, found)]
    assert copies == []


def test_a_calculators_prose_per_code_covers_exactly_the_vocabulary() -> None:
    from calc import resident_subsidy_groups
    assert set(resident_subsidy_groups.COMBINATION_TEXT) == set(categories.COMBINATIONS)


def test_no_template_or_widget_script_carries_a_list() -> None:
    quoted = re.compile(r"""["']([A-Za-z_/-][A-Za-z0-9_/-]*)["']""")
    copies = []
    files = [*ROOT.glob("scripts/site/templates/**/*"), *ROOT.glob("scripts/site/theme/**/*.html"),
             *ROOT.glob("docs/assets/mingbai/**/*.js")]
    for path in sorted(p for p in files if p.is_file()):
        found = set(quoted.findall(path.read_text(encoding="utf-8", errors="replace")))
        copies += [f"{path.relative_to(ROOT)}: {name}" for name, (codes, _) in HOMES.items() if _copies(codes, found)]
    assert copies == []
