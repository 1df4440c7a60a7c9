"""Provenance by meaning, not by digits (issue 21, items 3-6).

A figure is backed by a quote only where the quote states that figure in that unit: 万 scales, a count of
households, an age, an article, a time or a score is no money and no percent, a date's year must match.
Chinese numerals, 余/约/至 ranges, 成/点 and English units are read (or refused), never skipped; invisible and
bidi characters are refused in every text a reader sees; numbers inside value texts, table cells, list items,
contact, issuer names and source titles go through the same checks as prose. Each payload is the attack itself.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from scripts.policy import loader, prose_numbers
from scripts.policy.provenance import missing_from_quote

FIXTURES = Path(__file__).parent / "fixtures"
VALID = (FIXTURES / "valid-minimal.yaml").read_text(encoding="utf-8")

# item 3: a date's year must match
DATES = [
    (dt.date(2099, 12, 31), "缴费时间：2023年9月1日至12月31日", False),
    (dt.date(2023, 12, 31), "缴费时间：2023年9月1日至12月31日", True),
    (dt.date(2023, 9, 1), "缴费时间：2023年9月1日至12月31日", True),
    (dt.date(2024, 9, 1), "2024年9月1日前缴费按2023年度缴费标准缴纳。9月1日以后按调整后的标准", True),
    (dt.date(2023, 9, 1), "2024年9月1日前缴费按2023年度缴费标准缴纳", False),
]


@pytest.mark.parametrize("value, quote, stated", DATES)
def test_a_dates_year_must_be_the_quotes(value: dt.date, quote: str, stated: bool) -> None:
    assert missing_from_quote(value, quote, "date") == ([] if stated else [str(value)])


# item 4: coincidental numbers (value, unit, quote)
COINCIDENCES = [
    (Decimal("55"), "CNY/year", "大病保险最高支付55万元"),
    (Decimal("3"), "CNY/month", "平江县三阳乡参保率最高"),
    (Decimal("2"), "percent", "筹资分为两部分"),
    (Decimal("10"), "percent", "依据第10条执行"),
    (Decimal("60"), "percent", "年满60周岁的居民"),
    (Decimal("5977"), "CNY/month", "全县共5977户参保"),
    (Decimal("7"), "percent", "每年7月调整"),
    (Decimal("24"), "percent", "截止时间为当日24时"),
    (Decimal("80"), "percent", "考核得分80分以上"),
    (Decimal("15"), "percent", "排名前十五的乡镇"),
    (Decimal("2000"), "CNY", "人均报销2000余元"),          # more than 2000 is not 2000
    (Decimal("380"), "CNY/year", "每人缴费约380元"),        # about 380 is not 380
]


@pytest.mark.parametrize("value, unit, quote", COINCIDENCES)
def test_a_coincidental_number_does_not_back_a_figure(value: Decimal, unit: str, quote: str) -> None:
    assert missing_from_quote(value, quote, unit) == [str(value)]


# figures the quote does state, in that unit: the reading must still accept them
STATED = [
    (Decimal("550000"), "CNY", "大病保险最高支付55万元"),
    (Decimal("380"), "CNY/person/year", "每人每年缴费三百八十元"),
    (Decimal("200000"), "CNY", "最高支付限额为二十万元"),
    (Decimal("90"), "percent", "报销比例为百分之九十"),
    (Decimal("60"), "percent", "报销六成"),
    (Decimal("1950"), "CNY", "缴费标准为1950至2100元"),
    (Decimal("2100"), "CNY", "缴费标准为1950至2100元"),
    (Decimal("5"), "percent", "报销比例提高5个百分点"),
    (Decimal("1000"), "CNY", "补助1千元"),
    (Decimal("3"), "months", "连续缴费三个月"),
    (Decimal("15"), None, "排名前十五的乡镇"),
    (Decimal("24599"), None, "乡镇名称 人数 三阳乡 24599 梅仙镇 60780"),
]


@pytest.mark.parametrize("value, unit, quote", STATED)
def test_a_figure_stated_in_its_unit_is_backed(value: Decimal, unit: str | None, quote: str) -> None:
    assert missing_from_quote(value, quote, unit) == []


# item 6: how prose writes a figure — read (value), never skipped
READ = [
    ("zh", "每人每年缴费三百八十元", ["380"]),
    ("zh", "最高二十万元", ["200000"]),
    ("zh", "报销百分之九十", ["90"]),
    ("zh", "报销七成", ["70"]),
    ("zh", "人均2000余元", ["2000"]),
    ("zh", "约 1950 至 2100 元", ["1950", "2100"]),
    ("zh", "提高 5 点", ["5"]),
    ("zh", "补助1千元", ["1000"]),
    ("en", "CNY 2100 a year", ["2100"]),
    ("en", "From May 75%", ["75"]),
    ("en", "up to 1.2 million yuan", ["1200000"]),
    ("en", "about 2,000 yuan", ["2000"]),
]


@pytest.mark.parametrize("lang, text, figures", READ)
def test_prose_reads_every_way_of_writing_a_figure(lang: str, text: str, figures: list[str]) -> None:
    assert [str(f) for _, f in prose_numbers.stated_figures(text, lang)] == figures


def load(tmp_path: Path, *edits: tuple[str, str]) -> list[loader.PolicyProblem]:
    """valid-minimal.yaml with texts replaced, loaded as a new policy file."""
    text = VALID.replace("id: valid-minimal", "id: x")
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    path = tmp_path / "x.yaml"
    path.write_text(text, encoding="utf-8")
    return loader.load_policy(path, path.parent, loader.SOURCES_DIR, {"flexible-contribution"})[1]


def line_of(tmp_path: Path, needle: str) -> int:
    return next(n for n, text in enumerate((tmp_path / "x.yaml").read_text(encoding="utf-8").splitlines(), 1)
                if needle in text)


SUMMARY = "summary: {zh: 摘要, en: Summary}"
PROSE = [
    ("zh", "每人每年缴费三百八十元"), ("zh", "最高二十万元"), ("zh", "报销百分之九十"), ("zh", "报销七成"),
    ("zh", "人均2000余元"), ("zh", "1950 至 2100 元"), ("zh", "提高 5 点"), ("zh", "补助1千元"),
    ("en", "CNY 2100 a year"), ("en", "From May 75%"), ("en", "up to 1.2 million yuan"),
    ("zh", "每月 3\u200b15 元"), ("zh", "基准值 \u202e3586\u202c 元"), ("en", "60\u2066%\u2069 of the base"),
]


@pytest.mark.parametrize("lang, text", PROSE)
def test_prose_with_an_unknown_or_hidden_figure_stops_the_build(tmp_path: Path, lang: str, text: str) -> None:
    summary = f'summary: {{zh: "{text}", en: Summary}}' if lang == "zh" else f'summary: {{zh: 摘要, en: "{text}"}}'
    problems = load(tmp_path, (SUMMARY, summary))
    assert {p.field for p in problems} == {f"summary.{lang}"}, [str(p) for p in problems]
    assert str(problems[0]).startswith(f"{tmp_path / 'x.yaml'}:{line_of(tmp_path, 'summary:')}: summary.{lang}: ")
    assert problems[0].en and problems[0].zh


def test_an_invisible_character_is_named_in_both_languages(tmp_path: Path) -> None:
    (problem,) = load(tmp_path, (SUMMARY, 'summary: {zh: "每月\u200b缴费", en: Summary}'))
    assert "U+200B" in problem.en and "U+200B" in problem.zh and "invisible" in problem.en and "不可见" in problem.zh


def test_an_invisible_character_in_a_quote_is_refused(tmp_path: Path) -> None:
    problems = load(tmp_path, ("quote: 缴费基数为缴费基准值的60%", "quote: \"缴费基数为缴费基准值的\u202e60%\""))
    assert "parameters.base_ratio.source.quote" in [p.field for p in problems], [str(p) for p in problems]


# item 5 and the rest of item 6: numbers inside values, contact, issuers and source titles
QUOTE_15 = "大病保险缴费标准为每月15元"
HOSTILE_VALUES = [
    ("text", '"每人每月缴费 999 元"', "parameters.extra.value"),
    ("table", '[{township: 三阳乡, task: "每人 888 元"}]', "parameters.extra.value"),
    ("list", '["每月 777 元"]', "parameters.extra.value"),
    ("list", "[{zh: 每月 777 元, en: CNY 777 a month}]", "parameters.extra.value"),
]


@pytest.mark.parametrize("unit, value, field", HOSTILE_VALUES)
def test_a_number_inside_a_value_text_must_be_in_the_quote(tmp_path: Path, unit: str, value: str, field: str) -> None:
    extra = (f"  extra:\n    label: {{zh: 额外, en: Extra}}\n    description: {{zh: 说明, en: Description}}\n"
             f"    value: {value}\n    unit: {unit}\n    source: {{ref: daily, quote: {QUOTE_15}}}\n"
             "    display_only: true\n")
    problems = load(tmp_path, ("schema: 1", extra + "schema: 1"))
    assert problems and all(p.field.startswith(field) for p in problems), [str(p) for p in problems]
    assert str(problems[0]).startswith(f"{tmp_path / 'x.yaml'}:{line_of(tmp_path, 'value: ' + value[:3])}: ")
    # inferred (no quote vouches for it), the text vouches for nothing in prose and is itself checked as prose
    inferred = extra.replace("    display_only: true\n", "    display_only: true\n    status: inferred\n    how: {zh: 推定, en: Inferred}\n")
    again = load(tmp_path, ("schema: 1", inferred + "schema: 1"), (SUMMARY, "summary: {zh: 每月 999 元、888 元、777 元, en: Summary}"))
    assert {p.field for p in again} >= {"summary.zh"} and any(p.field.startswith(field) for p in again), [str(p) for p in again]


def test_a_number_inside_a_value_text_in_its_unit_passes(tmp_path: Path) -> None:
    extra = (f"  extra:\n    label: {{zh: 额外, en: Extra}}\n    description: {{zh: 说明, en: Description}}\n"
             f"    value: [{{zh: 每月 15 元, en: CNY 15 a month}}]\n    unit: list\n"
             f"    source: {{ref: daily, quote: {QUOTE_15}}}\n    display_only: true\n")
    assert load(tmp_path, ("schema: 1", extra + "schema: 1")) == []


NAMES = [
    ("covers: {zh: 对象, en: Who}\n", "covers: {zh: 对象, en: Who}\ncontact: {zh: 热线：每月缴费 999 元, en: Hotline}\n",
     "contact.zh"),
    ("  - {zh: 测试单位, en: Test office}", "  - {zh: 测试单位（每月缴费 999 元）, en: Test office}", "issuers[0].zh"),
    ("title: {zh: 标题, en: Title}", "title: {zh: 标题, en: Pay CNY 999 a month}", "sources.daily.title.en"),
    ("publisher: {zh: 衡阳日报, en: Hengyang Daily}", "publisher: {zh: 衡阳日报每人 999 元, en: Hengyang Daily}",
     "sources.daily.publisher.zh"),
]


@pytest.mark.parametrize("old, new, field", NAMES, ids=[f for _, _, f in NAMES])
def test_contact_issuers_and_source_titles_are_checked_as_prose(tmp_path: Path, old: str, new: str, field: str) -> None:
    problems = load(tmp_path, (old, new))
    assert [p.field for p in problems] == [field], [str(p) for p in problems]
    assert "999" in problems[0].en and "999" in problems[0].zh


def test_a_phone_number_in_contact_is_no_figure(tmp_path: Path) -> None:
    contact = "covers: {zh: 对象, en: Who}\ncontact: {zh: 咨询电话：0734-8888888、12393, en: 'Phone 0734-8888888 or 12393'}\n"
    assert load(tmp_path, ("covers: {zh: 对象, en: Who}\n", contact)) == []
