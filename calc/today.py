"""What is open today for a place: a pure function of the policies on file, a place and a date (China time).

A place is a policy id's folders (`hunan/yueyang/pingjiang`); places form a hierarchy, and a place is
governed by its own policies and those of the places above it (county → city → province): for each
topic the most local policy on file wins. For a day, per topic, `today` says

- which policy applies (its benefit year holds the day), at which level ("said as such");
- the collection window on file holding the day — `collection_period_start`/`_end` (and an
  `collection_period_extension_end`), or each window of an `enrolment_windows` rule — for which
  benefit year, until when, and the individual amount when the policy states it;
- the next window on file when none is open;
- whether the policy in force ends within `ENDS_SOON_DAYS`;
- when no policy on file governs the next benefit year (or today), a plain sentence saying so, with
  what the last one said and whom to ask.

Money is only read and printed, never computed. The verdict changes only on a few dates (`breaks`);
`variants` judges each span between them once, so a page can carry every verdict and a script can
show the one for the reader's date by comparing ISO dates (assets/mingbai/today.js).

>>> from calc.data import load_policies
>>> found = today("hunan/yueyang/pingjiang", dt.date(2026, 12, 4), load_policies(), topics=["resident"])
>>> topic = found["topics"][0]
>>> topic["current"]["policy"], topic["current"]["level"], topic["current"]["ends_soon"]
('hunan/2026-resident', 'province', True)
>>> topic["open"] is None, topic["next_year_missing"]["year"]
(True, '2027')
>>> print(topic["lines"]["zh"][-2])
本站没有收录 2027 年度的城乡居民医保政策（缴费标准和缴费时间都没有）。上一项《湖南省 2026 年度城乡居民医保参保缴费标准》：个人缴费 400.00 元，集中缴费期 2025-09-01 至 2026-01-31。2027 年度的缴费时间和标准请向当地医保经办机构或税务部门咨询。
>>> topic = today("hunan/yueyang/pingjiang", dt.date(2025, 10, 1), load_policies(), topics=["resident"])["topics"][0]
>>> topic["open"]["policy"], topic["open"]["to"], topic["open"]["amount"], topic["open"]["benefit_year"]
('hunan/2026-resident', '2026-01-31', '400.00', {'from': '2026-01-01', 'to': '2026-12-31'})
"""
from __future__ import annotations

from typing import Any, overload

import datetime as dt
import re

from .money import money_str, to_decimal, yuan_en, yuan_zh
from .vocabulary import TOPICS

ENDS_SOON_DAYS = 60
LEVELS = ("province", "city", "county", "town")
LEVEL_WORDS = {"province": ("全省", "province-wide"), "city": ("全市", "city-wide"),
               "county": ("本地", "local"), "town": ("本地", "local")}
OWN_LEVEL_WORDS = {"province": ("本级", "provincial level only"), "city": ("本级", "city level only")}   # reach: own_level
ONE_DAY = dt.timedelta(days=1)
ASK = ("当地医保经办机构或税务部门", "the local medical insurance office or tax office")


@overload
def _day(value: str | dt.date) -> dt.date: ...
@overload
def _day(value: None) -> None: ...
@overload
def _day(value: object) -> dt.date | None: ...
def _day(value: object) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def place_of(policy_id: str) -> str:
    return policy_id.rsplit("/", 1)[0] if "/" in policy_id else ""


def chain(place: str) -> list[str]:
    """The place and the places above it, most local first.

    >>> chain("hunan/yueyang/pingjiang")
    ['hunan/yueyang/pingjiang', 'hunan/yueyang', 'hunan']
    """
    parts = place.split("/")
    return ["/".join(parts[:n]) for n in range(len(parts), 0, -1)]


def places(policies: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Every place on file (also one with no policy of its own, such as a city above a county):
    {place: {"zh", "en", "level", "parent"}}, names from the policies' jurisdictions."""
    out: dict[str, dict[str, Any]] = {}
    for pid, policy in policies.items():
        j = policy["jurisdiction"]
        named = [(k, j[k]) for k in LEVELS if k in j]
        parts = place_of(pid).split("/")
        for n in range(1, min(len(parts), len(named)) + 1):
            level, name = named[n - 1]
            out.setdefault("/".join(parts[:n]), {"zh": name["zh"], "en": name["en"], "level": level,
                                                 "parent": "/".join(parts[:n - 1]) or None})
    return out


class PlaceIndex:
    """places() and the policies by their own place, made once for a set of policies: a verdict for one place
    reads only the policies of its chain (the site asks for every place and every day on which a verdict
    changes; scanning every policy and place each time made the build grow with the square of the policies)."""

    def __init__(self, policies: dict[str, dict[str, Any]]):
        self.policies = policies
        self.size = len(policies)
        self.places = places(policies)
        self.children: dict[str | None, list[str]] = {}
        for place, info in sorted(self.places.items()):
            self.children.setdefault(info["parent"], []).append(place)
        self.own: dict[str, list[str]] = {}
        for pid in sorted(policies):
            self.own.setdefault(place_of(pid), []).append(pid)

    def applying(self, place: str) -> list[str]:
        """The policies that may apply at a place (applies_at), in id order.

        >>> from calc.data import load_policies
        >>> p = load_policies()
        >>> PlaceIndex(p).applying("hunan/yueyang/pingjiang") == sorted(i for i in p if applies_at(i, "hunan/yueyang/pingjiang", p))
        True
        """
        return sorted(pid for above in chain(place) for pid in self.own.get(above, ())
                      if applies_at(pid, place, self.policies))


def _span(policy: dict[str, Any], part: str = "benefits") -> tuple[dt.date, dt.date | None]:
    span = policy["governs"][part]
    return _day(span["from"]), _day(span.get("to"))


def _effective(policy: dict[str, Any]) -> dict[str, Any]:
    effective: dict[str, Any] = policy.get("effective") or policy["governs"]["benefits"]
    return effective


def _holds(span: tuple[dt.date, dt.date | None], day: dt.date) -> bool:
    return span[0] <= day and (span[1] is None or day <= span[1])


def _param(policy: dict[str, Any], name: str, on: dt.date | None = None) -> Any:
    param = (policy.get("parameters") or {}).get(name)
    if param is None:
        return None
    later = [d for d in param.get("dated") or [] if on is not None and _day(d["from"]) <= on]
    return (later[-1] if later else param)["value"]


def _benefit_year(policy: dict[str, Any]) -> tuple[dt.date, dt.date | None]:
    start, end = _param(policy, "benefit_period_start"), _param(policy, "benefit_period_end")
    return (_day(start), _day(end)) if start and end else _span(policy)


def _amount(policy: dict[str, Any], on: dt.date, pays: str = "individual") -> str | None:
    if pays == "waived":
        return "0.00"
    if pays != "individual":
        return None
    value = _param(policy, "individual_contribution", on)
    return None if value is None else money_str(to_decimal(value))


def _window_day(policy: dict[str, Any], value: object) -> dt.date | None:
    """A window's date: written out, or the value of the date parameter it names."""
    if isinstance(value, str) and re.fullmatch(r"[a-z][a-z0-9_]*", value):
        value = _param(policy, value)
    return _day(value)


def windows(policy: dict[str, Any]) -> list[dict[str, Any]]:
    """The collection windows a policy states: [{"from", "to", "kind", "pays", "amount", "benefit_year"}]."""
    year = _benefit_year(policy)
    by = {"from": year[0].isoformat(), "to": year[1].isoformat() if year[1] else None}
    out: list[dict[str, Any]] = []
    rule = _param(policy, "enrolment_windows")
    if rule and any(_window_day(policy, row[k]) is None for row in rule for k in ("from", "to") if k in row):
        return out   # dates not stated (calc/enrolment_windows.py: the reader is asked): no window to announce
    if rule:
        # a window's date may name a date parameter; one without `from` starts the day after the one before ends
        starts: list[dt.date] = []
        for row in rule:
            start = _window_day(policy, row.get("from"))
            if start is None:   # (checked on load: only after a window with `to`)
                start = _day(_window_day(policy, rule[len(starts) - 1]["to"]) or year[0]) + ONE_DAY
            starts.append(start)
        order = sorted(range(len(rule)), key=lambda i: starts[i])
        for n, i in enumerate(order):
            row, start = rule[i], starts[i]
            end = _window_day(policy, row.get("to")) or (starts[order[n + 1]] - ONE_DAY if n + 1 < len(order) else year[1])
            if row.get("period") == "outside":   # paying late outside the collection period is not a window to announce
                continue
            out.append({"from": start.isoformat(), "to": end.isoformat() if end else None, "kind": "window",
                        "pays": row["pays"], "amount": _amount(policy, start, row["pays"]), "benefit_year": by})
        return out
    start, end = _param(policy, "collection_period_start"), _param(policy, "collection_period_end")
    if start and end:
        out.append({"from": str(start), "to": str(end), "kind": "collection", "pays": "individual",
                    "amount": _amount(policy, _day(start)), "benefit_year": by})
        extension = _param(policy, "collection_period_extension_end")
        if extension:
            out.append({"from": (_day(end) + ONE_DAY).isoformat(), "to": str(extension), "kind": "extension",
                        "pays": "individual", "amount": _amount(policy, _day(end) + ONE_DAY), "benefit_year": by})
    return out


def _clean(name: str) -> str:
    return re.sub(r"（[^）]*）|\([^)]*\)", "", name).strip()


def whom(policy: dict[str, Any]) -> tuple[str, str]:
    """Whom to ask: the policy's contact, else its issuers that are named offices, and the local office."""
    if policy.get("contact"):
        return policy["contact"]["zh"], policy["contact"]["en"]
    offices = [i for i in policy["issuers"] if re.search(r"(局|厅|办公室|政府|中心)$", _clean(i["zh"]))]
    if not offices:
        return ASK
    return ("、".join(_clean(i["zh"]) for i in offices) + "、" + ASK[0],
            ", ".join(_clean(i["en"]) for i in offices) + ", " + ASK[1])


def _year_words(start: dt.date, end: dt.date | None) -> tuple[str, str]:
    if start.month == 1 and start.day == 1 and end is not None and end == dt.date(start.year, 12, 31):
        return f"{start.year} 年度", str(start.year)
    if end is None:
        return f"{start.isoformat()} 起", f"from {start.isoformat()}"
    return f"{start.isoformat()} 至 {end.isoformat()}", f"{start.isoformat()} to {end.isoformat()}"


def _title(policy: dict[str, Any]) -> tuple[str, str]:
    return f"《{policy['title']['zh']}》", f"“{policy['title']['en']}”"


def applies_at(pid: str, place: str, policies: dict[str, dict[str, Any]]) -> bool:
    """Whether a policy may apply at a place: the place's own, or one of a place above it that says it covers the
    places below (`reach: whole_area`, quoted). 岳阳市本级's policy (`own_level`) is not 平江县's; a policy that
    does not say is not assumed to reach below its own place.

    >>> from calc.data import load_policies
    >>> p = load_policies()
    >>> applies_at("hunan/2026-resident", "hunan/yueyang/pingjiang", p), applies_at("hunan/yueyang/2024-flexible-employment", "hunan/yueyang/pingjiang", p)
    (True, False)
    >>> applies_at("hunan/yueyang/2024-flexible-employment", "hunan/yueyang", p)
    True
    """
    own = place_of(pid)
    return own == place or (own in chain(place) and (policies[pid].get("reach") or {}).get("value") == "whole_area")


def _by_topic(place: str, index: PlaceIndex) -> dict[str, list[tuple[int, str]]]:
    """topic → [(level index in the chain, 0 = the place itself; policy id)] of the policies that may apply there."""
    levels = {p: n for n, p in enumerate(chain(place))}
    out: dict[str, list[tuple[int, str]]] = {}
    for pid in index.applying(place):
        out.setdefault(index.policies[pid]["topic"], []).append((levels[place_of(pid)], pid))
    return out


def _governing(members: list[tuple[int, str]], policies: dict[str, dict[str, Any]], day: dt.date) -> str | None:
    """The most local policy whose benefit period holds the day."""
    held = [(n, pid) for n, pid in members if _holds(_span(policies[pid]), day)]
    return min(held)[1] if held else None


def today(place: str, day: dt.date, policies: dict[str, dict[str, Any]], topics: list[str] | None = None,
          index: PlaceIndex | None = None) -> dict[str, Any]:
    """The verdict for a place on a day (see the module's docstring); `index`: PlaceIndex(policies), when the
    caller asks for many places or days."""
    index = index or PlaceIndex(policies)
    known = index.places
    by_topic = _by_topic(place, index)
    out = []
    for topic in (topics if topics is not None else sorted(by_topic)):
        members = by_topic.get(topic)
        if members:
            out.append(_topic(topic, members, policies, known, day))
    return {"place": place, "day": day.isoformat(), "topics": out}


def _level(pid: str, known: dict[str, Any]) -> str:
    level: str = known.get(place_of(pid), {}).get("level", "province")
    return level


def _topic(topic: str, members: list[tuple[int, str]], policies: dict[str, Any], known: dict[str, Any], day: dt.date) -> dict[str, Any]:
    label = TOPICS[topic]
    zh: list[str] = []
    en: list[str] = []
    current = _governing(members, policies, day)
    mentioned: list[str] = []
    head_zh: list[str] = []
    head_en: list[str] = []
    found: dict[str, Any] = {"topic": topic, "current": None, "open": None, "next_window": None, "next_year_missing": None,
                   "no_current": None}
    if current:
        policy = policies[current]
        level = _level(current, known)
        end = _day(_effective(policy).get("to")) or _span(policy)[1]
        soon = end is not None and 0 <= (end - day).days <= ENDS_SOON_DAYS
        found["current"] = {"policy": current, "level": level, "ends_on": end.isoformat() if end else None, "ends_soon": soon}
        place = known.get(place_of(current), {"zh": "", "en": ""})
        years = _year_words(*_benefit_year(policy))
        own_level = (policy.get("reach") or {}).get("value") == "own_level"
        lz, le = OWN_LEVEL_WORDS.get(level, LEVEL_WORDS[level]) if own_level else LEVEL_WORDS[level]
        head_zh.append(f"{label.zh}：今天适用{place['zh']}{lz}的{_title(policy)[0]}（{years[0]}）。"
                  + (f"这项政策在 {end.isoformat()} 结束，不到 {ENDS_SOON_DAYS} 天。" if soon and end else ""))
        head_en.append(f"{label.en}: today {_title(policy)[1]} applies ({place['en']}, {le}; {years[1]})."
                  + (f" It ends on {end.isoformat()}, within {ENDS_SOON_DAYS} days." if soon and end else ""))
        mentioned.append(current)
    # windows on file, the most local policy's for each benefit year
    rows: dict[str, tuple[int, str, dict[str, Any]]] = {}
    for n, pid in members:
        for w in windows(policies[pid]):
            key = w["benefit_year"]["from"] + w["kind"] + w["from"]
            if key not in rows or n < rows[key][0]:
                rows[key] = (n, pid, w)
    listed = sorted(((pid, w) for _, pid, w in rows.values()), key=lambda r: r[1]["from"])
    iso = day.isoformat()
    open_now = [(pid, w) for pid, w in listed if w["from"] <= iso and (w["to"] is None or iso <= w["to"])]
    upcoming = [(pid, w) for pid, w in listed if w["from"] > iso]
    if open_now or upcoming:
        pid, w = (open_now or upcoming)[0]
        found["open" if open_now else "next_window"] = {"policy": pid, **w}
        sentence = _window_words(w, policies[pid], is_open=bool(open_now))
        zh.append(sentence[0])
        en.append(sentence[1])
        mentioned.append(pid)
    elif listed:
        zh.append(f"本站收录的缴费期都已结束（最后一个到 {listed[-1][1]['to']}）。")
        en.append(f"Every collection window on file has closed (the last closed on {listed[-1][1]['to']}).")
    # the next benefit year (or today's) with no policy on file
    last_pid = max((pid for _, pid in members if _span(policies[pid])[0] <= day),
                   key=lambda pid: (_span(policies[pid])[0], -_level_index(pid, members)), default=None)
    if current is None:
        later = [pid for _, pid in members if _span(policies[pid])[0] > day]
        if later:
            first = min(later, key=lambda pid: _span(policies[pid])[0])
            found["no_current"] = {"first": first}
            head_zh.append(f"{label.zh}：本站收录的政策从 {_span(policies[first])[0].isoformat()} 起才适用：{_title(policies[first])[0]}。")
            head_en.append(f"{label.en}: the policies on file apply only from {_span(policies[first])[0].isoformat()}: {_title(policies[first])[1]}.")
            mentioned.append(first)
        elif last_pid:
            ask = whom(policies[last_pid])
            found["no_current"] = {"last": last_pid}
            head_zh.append(f"{label.zh}：本站没有收录适用于今天的政策。最近的一项是{_title(policies[last_pid])[0]}"
                      f"（{_year_words(*_span(policies[last_pid]))[0]}，已结束）{_said(policies[last_pid], 'zh')}。现行标准请向{ask[0]}咨询。")
            head_en.append(f"{label.en}: this site has no policy for today. The latest is {_title(policies[last_pid])[1]} "
                      f"({_year_words(*_span(policies[last_pid]))[1]}, ended){_said(policies[last_pid], 'en')}. Ask {ask[1]} for the current rules.")
            mentioned.append(last_pid)
    else:
        end = _span(policies[current])[1]
        if end is not None:
            following = end + ONE_DAY
            if _governing(members, policies, following) is None:
                year = str(following.year) if following.month == 1 and following.day == 1 else following.isoformat()
                ask = whom(policies[current])
                found["next_year_missing"] = {"year": year, "from": following.isoformat(), "last": current}
                yz = f"{year} 年度" if following.month == 1 and following.day == 1 else f"{year} 起"
                ye = year if following.month == 1 and following.day == 1 else f"the period from {year}"
                said = _said(policies[current], 'zh')
                zh.append(f"本站没有收录 {yz}的{label.zh}政策（缴费标准和缴费时间都没有）。上一项{'' if said else '是'}{_title(policies[current])[0]}"
                          f"{said}。{yz}的缴费时间和标准请向{ask[0]}咨询。")
                en.append(f"This site has no {label.en.lower()} policy for {ye} (neither the amount nor the collection dates). "
                          f"The last one is {_title(policies[current])[1]}{_said(policies[current], 'en')}. "
                          f"Ask {ask[1]} when and how much to pay for {ye}.")
                stated = windows(policies[current])
                if stated:
                    start = _day(stated[0]["from"])
                    shifted = _next_year(start)
                    if day >= shifted:
                        found["next_year_missing"]["maybe_open_since"] = shifted.isoformat()
                        zh.append(f"上一项的缴费期从 {start.isoformat()} 开始；照此推算，{yz}的缴费可能从 {shifted.isoformat()} 起已经开始——这只是推算，本站没有文件证实。")
                        en.append(f"The last one's collection began on {start.isoformat()}; by that pattern, collection for {ye} may have "
                                  f"begun on {shifted.isoformat()} — a guess from the pattern, not a document on file.")
    found["lines"] = {"zh": head_zh + zh, "en": head_en + en}
    found["policies"] = list(dict.fromkeys(mentioned))
    return found


def _window_words(w: dict[str, Any], policy: dict[str, Any], is_open: bool) -> tuple[str, str]:
    """The window open today (for which year, until when, the amount or that the source gives none, the policy),
    or the next one (from when to when, the amount if stated): one sentence in zh and en."""
    years = _year_words(_day(w["benefit_year"]["from"]), _day(w["benefit_year"]["to"]))
    amount = (yuan_zh(to_decimal(w["amount"])), yuan_en(to_decimal(w["amount"]))) if w["amount"] else None
    if not is_open:
        return (f"今天没有开放的缴费期。下一个：{years[0]}的缴费期，{w['from']} 起{('至 ' + w['to']) if w['to'] else ''}"
                f"{f'，个人缴费 {amount[0]}' if amount else ''}。",
                f"No collection window is open today. Next: the window for {years[1]}, from {w['from']}"
                f"{(' to ' + w['to']) if w['to'] else ''}{f'; the individual contribution is {amount[1]}' if amount else ''}.")
    until_zh = f"至 {w['to']}" if w["to"] else "（原文没有写截止日）"
    until_en = f"until {w['to']}" if w["to"] else "(the source gives no closing day)"
    amount_zh = f"个人缴费 {amount[0]}" if amount else "原文没有写这一时段的缴费金额"
    amount_en = f"the individual contribution is {amount[1]}" if amount else "the source gives no amount for this window"
    what = {"extension": ("延长缴费期", "extended collection period")}.get(w["kind"], ("缴费期", "collection window"))
    title = _title(policy)
    return (f"现在是 {years[0]}的{what[0]}，{until_zh}；{amount_zh}（{title[0]}）。",
            f"Now open: the {what[1]} for {years[1]}, {until_en}; {amount_en} ({title[1]}).")


def _next_year(day: dt.date) -> dt.date:
    return day.replace(year=day.year + 1) if (day.month, day.day) != (2, 29) else day + dt.timedelta(days=365)


def _level_index(pid: str, members: list[tuple[int, str]]) -> int:
    return next(n for n, p in members if p == pid)


def _said(policy: dict[str, Any], lang: str) -> str:
    """What a policy said about paying: its amount and collection window, as far as it states them."""
    rows = windows(policy)
    amount = _param(policy, "individual_contribution")
    parts_zh, parts_en = [], []
    if amount is not None:
        parts_zh.append(f"个人缴费 {yuan_zh(to_decimal(amount))}")
        parts_en.append(f"an individual contribution of {yuan_en(to_decimal(amount))}")
    if rows:
        parts_zh.append(f"集中缴费期 {rows[0]['from']} 至 {rows[0]['to']}")
        parts_en.append(f"collection from {rows[0]['from']} to {rows[0]['to']}")
    if lang == "zh":
        return "：" + "，".join(parts_zh) if parts_zh else ""
    return ": " + ", ".join(parts_en) if parts_en else ""


def breaks(place: str, policies: dict[str, dict[str, Any]], topics: list[str] | None = None,
           index: PlaceIndex | None = None) -> list[dt.date]:
    """The days on which the verdict for a place may change, in order."""
    days: set[dt.date] = set()
    for topic, members in _by_topic(place, index or PlaceIndex(policies)).items():
        if topics is not None and topic not in topics:
            continue
        for _, pid in members:
            policy = policies[pid]
            start, end = _span(policy)
            days.add(start)
            ends = [end, _day(_effective(policy).get("to"))]
            for e in filter(None, ends):
                days.update({e + ONE_DAY, e - dt.timedelta(days=ENDS_SOON_DAYS)})
            for w in windows(policy):
                days.add(_day(w["from"]))
                days.add(_next_year(_day(w["from"])))
                if w["to"]:
                    days.add(_day(w["to"]) + ONE_DAY)
    return sorted(days)


def variants(place: str, policies: dict[str, dict[str, Any]], topics: list[str] | None = None,
             index: PlaceIndex | None = None) -> list[dict[str, Any]]:
    """Every verdict a place can have, each with the days it holds: [{"from", "to", "result"}] ("from"/"to"
    None where open), consecutive equal verdicts merged. A page shows the one holding the reader's day."""
    index = index or PlaceIndex(policies)
    days = breaks(place, policies, topics, index)
    if not days:
        return []
    starts = [days[0] - ONE_DAY] + days
    out: list[dict[str, Any]] = []
    for i, start in enumerate(starts):
        result = today(place, start, policies, topics, index)
        lines = [t["lines"] for t in result["topics"]]
        first = None if i == 0 else start.isoformat()
        last = None if i + 1 == len(starts) else (starts[i + 1] - ONE_DAY).isoformat()
        if out and [t["lines"] for t in out[-1]["result"]["topics"]] == lines:
            out[-1]["to"] = last
            continue
        out.append({"from": first, "to": last, "result": result})
    return out
