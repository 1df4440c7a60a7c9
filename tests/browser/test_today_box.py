"""The "today" box in a real browser (issue 20 items 1, 2, 5): judged by the reader's clock in China time,
reached from the home page in three taps, on a phone and a desktop, in 简体, English and 繁體."""
from __future__ import annotations

import datetime as dt

import pytest

from support import guard_context

pytestmark = pytest.mark.browser

UTC = dt.UTC
LOCALES = {"zh": "", "en": "en/", "zh-Hant": "zh-Hant/"}
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}
NO_2027 = {"zh": "本站没有收录 2027 年度", "en": "no resident medical insurance policy for 2027", "zh-Hant": "本站沒有收錄 2027 年度"}
PLACES = {"zh": ("湖南省", "岳阳市", "平江县"), "en": ("Hunan Province", "Yueyang", "Pingjiang County"),
          "zh-Hant": ("湖南省", "岳陽市", "平江縣")}


def _open(browser, url: str, when: dt.datetime, viewport="desktop", timezone="Asia/Shanghai"):
    context = browser.new_context(viewport=VIEWPORTS[viewport], timezone_id=timezone)
    outside = guard_context(context)
    page = context.new_page()
    page.clock.set_fixed_time(when)
    page.goto(url, wait_until="load")
    return context, page, outside


def _shown(page, box: str = ".mb-today") -> str:
    return page.eval_on_selector(box, "b => [...b.querySelectorAll('.mb-today-variant')].filter(v => !v.hidden)"
                                      ".map(v => v.innerText).join('\\n')")


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("locale", list(LOCALES))
def test_pingjiang_on_2026_12_04_in_three_taps_from_home(browser, site_url, locale, viewport) -> None:
    """Done when: a reader on 2026-12-04 in 平江 reaches what to do now, or that the site has no 2027 figure, in ≤ 3 taps."""
    context, page, outside = _open(browser, f"{site_url}/{LOCALES[locale]}", dt.datetime(2026, 12, 4, 2, 0, tzinfo=UTC), viewport)
    try:
        for name in PLACES[locale]:   # three taps: province, city, county
            page.locator("details.mb-place > summary", has_text=name).first.click()
        box = page.locator('details[data-place="hunan/yueyang/pingjiang"] > .mb-place-body > .mb-today')
        assert box.is_visible()
        text = box.inner_text()
        assert NO_2027[locale] in text, text
        assert "400.00" in text and "2026-12-31" in text, text   # what the last one said; the policy in force ends soon
        assert "2026-12-04" in text, text   # judged for the reader's day
        assert outside == []
    finally:
        context.close()


@pytest.mark.parametrize("day, expect", [
    (dt.date(2025, 8, 31), "2025-09-01 起至 2026-01-31"),           # before the window: when it opens
    (dt.date(2025, 10, 1), "现在是 2026 年度的缴费期，至 2026-01-31"),  # inside
    (dt.date(2026, 2, 15), "本站收录的缴费期都已结束"),              # after
    (dt.date(2027, 1, 5), "本站没有收录适用于今天的政策"),            # after the last benefit year
])
def test_the_box_follows_the_readers_date(browser, site_url, day, expect) -> None:
    url = f"{site_url}/policies/hunan/yueyang/pingjiang/2023-resident/"
    context, page, _ = _open(browser, url, dt.datetime(day.year, day.month, day.day, 4, 0, tzinfo=UTC))
    try:
        assert expect in _shown(page)
        assert day.isoformat() in page.inner_text(".mb-today .mb-today-checked")
    finally:
        context.close()


def test_judged_in_china_time_not_the_readers_zone(browser, site_url) -> None:
    """17:00 on 31 August in Los Angeles is already 1 September in China: the 2027 collection guess applies."""
    when = dt.datetime(2026, 9, 1, 0, 30, tzinfo=UTC)   # 2026-08-31 17:30 in Los Angeles, 08:30 in Shanghai
    context, page, _ = _open(browser, f"{site_url}/policies/hunan/2026-resident/", when, timezone="America/Los_Angeles")
    try:
        assert "2026-09-01" in page.inner_text(".mb-today .mb-today-checked")
        assert "照此推算" in _shown(page)
        assert page.get_attribute(".mb-policy-status", "data-judged") == "in_force"
    finally:
        context.close()


def test_ended_county_pages_link_the_province_policy_that_followed(browser, site_url) -> None:
    for pid in ("hunan/yueyang/pingjiang/2023-resident", "hunan/shaoyang/shuangqing/2023-resident"):
        context, page, _ = _open(browser, f"{site_url}/policies/{pid}/", dt.datetime(2026, 12, 4, 2, 0, tzinfo=UTC))
        try:
            banner = page.inner_text(".mb-policy-status")
            assert "本站没有收录之后的政策" not in banner and "湖南省全省" in banner, banner
            page.locator(".mb-status-later a", has_text="2026").click()
            page.wait_for_url("**/policies/hunan/2026-resident/")
        finally:
            context.close()


def test_lists_carry_one_status_each_judged_by_the_readers_date(browser, site_url) -> None:
    context, page, _ = _open(browser, f"{site_url}/policies/hunan/", dt.datetime(2026, 12, 4, 2, 0, tzinfo=UTC))
    try:
        words = page.eval_on_selector_all("table .mb-list-status", "els => els.map(e => [e.closest('tr').innerText, e.textContent])")
        assert words and all(w in ("现行有效", "已失效", "尚未施行") for _, w in words)
        assert any("2026" in row and w == "现行有效" for row, w in words)
        assert any("2024" in row and w == "已失效" for row, w in words)
    finally:
        context.close()
