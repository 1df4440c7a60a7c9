"""The loader stops a policy whose prose states a figure that is not one of the policy's (issue 11, "every number in
prose fields of a policy is ... checked by the loader to equal one"; scripts/policy/prose_numbers.py).

A publisher's new YAML with an unchecked number fails with file, line and field, in zh and en; every prose field is
checked (summary, covers, title, readings, parameter labels / descriptions / how / column headers / value texts,
example notes, source notes); years, dates, ordinals, article and document numbers, quoted source passages and sums
written out correctly are not figures to check. Policies come from policies/: nothing is listed here per policy.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from scripts.policy import loader, prose_numbers

FIXTURES = Path(__file__).parent / "fixtures"
VALID = (FIXTURES / "valid-minimal.yaml").read_text(encoding="utf-8")
KNOWN = {"flexible-contribution"}
POLICIES, PROBLEMS = loader.load_all()


def load(tmp_path: Path, old: str, new: str) -> list[loader.PolicyProblem]:
    """valid-minimal.yaml with one text replaced, loaded as a new policy file."""
    assert old in VALID
    path = tmp_path / "x.yaml"
    path.write_text(VALID.replace("id: valid-minimal", "id: x").replace(old, new, 1), encoding="utf-8")
    return load_policy(path)


def load_policy(path: Path) -> list[loader.PolicyProblem]:
    return loader.load_policy(path, path.parent, loader.SOURCES_DIR, KNOWN)[1]


def test_the_broken_fixture_is_rejected_with_file_line_and_field_in_both_languages() -> None:
    path = FIXTURES / "broken" / "prose-number-unknown.yaml"
    problems = loader.load_policy(path, path.parent, loader.SOURCES_DIR, KNOWN)[1]
    assert [(p.line, p.field) for p in problems] == [(26, "readings[0].zh"), (26, "readings[0].en")]
    for p in problems:
        assert str(p).startswith("tests/fixtures/broken/prose-number-unknown.yaml:26: readings[0].")
        assert "65" in p.en and "65" in p.zh and "parameter" in p.en and "参数" in p.zh


# (text in valid-minimal.yaml, the same with a figure no parameter holds, the field reported)
FIELDS = [
    ("summary: {zh: 摘要, en: Summary}", "summary: {zh: 摘要：每月 123 元, en: Summary}", "summary.zh"),
    ("covers: {zh: 对象, en: Who}", "covers: {zh: 对象, en: Who pays 123 yuan}", "covers.en"),
    ("title: {zh: 测试政策, en: Test policy}", "title: {zh: 测试政策（123 元）, en: Test policy}", "title.zh"),
    ("label: {zh: 比例, en: Ratio}", "label: {zh: 比例, en: Ratio of 65%}", "parameters.base_ratio.label.en"),
    ("description: {zh: 说明, en: Description}", "description: {zh: 说明：65%, en: Description}",
     "parameters.base_ratio.description.zh"),
    ("    display_only: true\n", "    display_only: true\n    status: inferred\n    how: {zh: 推定, en: Read as 61%}\n",
     "parameters.base_ratio.how.en"),
    ("    date: 2023-01-06\n", "    date: 2023-01-06\n    notes: {zh: 转述 12 个城市, en: A digest}\n", "sources.daily.notes.zh"),
    ("covers: {zh: 对象, en: Who}\n", "covers: {zh: 对象, en: Who}\nreadings:\n  - {id: r, zh: 甲, en: 3 times the base}\n",
     "readings[0].en"),
]


@pytest.mark.parametrize("old, new, field", FIELDS, ids=[f for _, _, f in FIELDS])
def test_an_unknown_figure_in_any_prose_field_stops_the_build(tmp_path: Path, old: str, new: str, field: str) -> None:
    problems = load(tmp_path, old, new)
    assert [p.field for p in problems] == [field], [str(p) for p in problems]
    line = next(n for n, text in enumerate((tmp_path / "x.yaml").read_text(encoding="utf-8").splitlines(), 1)
                if new.strip().splitlines()[-1].strip() in text)
    assert str(problems[0]).startswith(f"{tmp_path / 'x.yaml'}:{line}: {field}: states ")


NOT_FIGURES = [
    "2023 年 1 月 6 日起执行，每年 7 月调整，2024-07 起；次年 2 月 28 日或 29 日",
    "依据民法典第二百零一条、第 201 条、第1—3、5—7项，当日 24 时；平政办函〔2022〕55号；1—2 级残疾人员",
    "缴费基数为缴费基准值的 60%，见原文“缴费基数为缴费基准值的60%”",
    "按 60 × 60% = 36 计，即 60 × 60% × 60% = 21.6 ≈ 22",
]
NOT_FIGURES_EN = [
    "From 6 January 2023 (Articles 201 and 202 of the Civil Code; item 6; 24:00; the 5th year; grade 1 or 2)",
    "The base is 60% of the benchmark; 28 or 29 February",
]


@pytest.mark.parametrize("text", NOT_FIGURES)
def test_dates_ordinals_document_numbers_quotes_and_right_sums_are_not_checked(tmp_path: Path, text: str) -> None:
    assert load(tmp_path, "summary: {zh: 摘要, en: Summary}", f'summary: {{zh: "{text}", en: Summary}}') == []


@pytest.mark.parametrize("text", NOT_FIGURES_EN)
def test_english_dates_and_ordinals_are_not_checked(tmp_path: Path, text: str) -> None:
    assert load(tmp_path, "summary: {zh: 摘要, en: Summary}", f'summary: {{zh: 摘要, en: "{text}"}}') == []


@pytest.mark.parametrize("text", [
    "按 60 × 60% = 37 计",                    # a wrong sum
    "原文写“缴费基数为缴费基准值的65%”",        # a "quote" no source contains
    "连续参保 4 年",                          # a count of years is a figure, not a year
])
def test_a_wrong_sum_an_invented_quote_and_a_count_of_years_are_checked(tmp_path: Path, text: str) -> None:
    problems = load(tmp_path, "summary: {zh: 摘要, en: Summary}", f'summary: {{zh: "{text}", en: Summary}}')
    assert [p.field for p in problems] == ["summary.zh"]


def test_english_quotes_pass_only_with_the_figures_the_chinese_quotes() -> None:
    policy = POLICIES["hunan/2026-resident"]
    texts = {"zh": "转述：“断保超4年等待期至少6个月”。", "en": 'The retelling: "more than 4 years without cover, at least 6 months".'}
    sources = prose_numbers.flat("\n".join(loader.SOURCES_DIR.joinpath(s["file"]).read_text(encoding="utf-8")
                                           for s in policy["sources"].values()))
    base = {**policy, "readings": [{"id": "x", **texts}]}

    def unknown(policy: dict) -> list[str]:
        return sorted({f for f, _, _ in prose_numbers.unknown_figures(policy, set(), sources) if f.startswith("readings")})
    assert unknown(base) == []
    assert unknown({**policy, "readings": [{"id": "x", "zh": "转述写了下限。", "en": texts["en"]}]}) == ["readings[0].en"]
    assert unknown({**policy, "readings": [{"id": "x", "zh": texts["zh"], "en": texts["en"].replace("4", "5")}]}) \
        == ["readings[0].en"]


def test_every_real_policy_passes_and_every_prose_field_is_checked() -> None:
    """Every policy loads; an amount added to any of its prose fields (each language) would be reported (a name —
    issuer, place, a source's title — may hold a count or a code, never an amount: issue 21)."""
    assert not PROBLEMS, [str(p) for p in PROBLEMS]
    # One language at a time, the amount added to every field of it at once: unknown_figures judges each
    # field by its own text (an en text by its zh one too, left as it is), so this finds what adding it
    # field by field would, with one scan of the policy per language instead of one per field (34 s → 1 s).
    for pid, policy in POLICIES.items():
        for lang in ("zh", "en"):
            touched = [(field, texts) for field, texts in prose_numbers.prose_fields(policy)
                       if isinstance(texts.get(lang), str)]
            originals = [texts[lang] for _, texts in touched]
            for _, texts in touched:
                texts[lang] += " 98765.43 元" if lang == "zh" else " 98765.43 yuan"
            try:
                found = {f for f, _, _ in prose_numbers.unknown_figures(policy, {0}, "")}
            finally:
                for (_, texts), original in zip(touched, originals):
                    texts[lang] = original
            for field, _ in touched:
                assert f"{field}.{lang}" in found, (pid, field, lang)
