"""Policies over time: a place's policies on one topic form a series, one per period.

The loader links each compiled policy to its series (`series`: key, members in time order,
previous, next); this module answers which member governs a day and whether a policy is
still in force. A series key is the place path plus the topic:
`hunan/hengyang/2023-flexible-employment` → `hunan/hengyang/flexible-employment`.

>>> key_of("hunan/hengyang/2023-flexible-employment", "flexible-employment")
'hunan/hengyang/flexible-employment'
>>> policy_for("hunan/hengyang/flexible-employment", dt.date(2023, 6, 1))
'hunan/hengyang/2023-flexible-employment'
>>> policy_for("hunan/hengyang/flexible-employment", dt.date(1999, 6, 1)) is None
True
>>> status("hunan/hengyang/2023-flexible-employment", dt.date(2023, 6, 1))["state"]
'in_force'
>>> status("hunan/hengyang/2023-flexible-employment", dt.date(2026, 11, 29))["ended_on"]
'2023-12-31'
"""
from __future__ import annotations

from typing import Any, overload

import datetime as dt

from .data import load_policies
from .errors import InputError


def key_of(policy_id: str, topic: str) -> str:
    place = policy_id.rsplit("/", 1)[0] if "/" in policy_id else ""
    return f"{place}/{topic}" if place else topic


@overload
def _day(value: str | dt.date) -> dt.date: ...
@overload
def _day(value: None) -> None: ...
@overload
def _day(value: str | dt.date | None) -> dt.date | None: ...
def _day(value: str | dt.date | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value)


def group(policies: dict[str, dict[str, Any]]) -> dict[str, list[str]]:
    """{series key: member ids ordered by the start of the contribution months they govern}."""
    out: dict[str, list[str]] = {}
    for pid, policy in policies.items():
        out.setdefault(key_of(pid, policy["topic"]), []).append(pid)
    for members in out.values():
        members.sort(key=lambda pid: (_day(policies[pid]["governs"]["contributions"]["from"]), pid))
    return out


def members(key: str) -> list[str]:
    return group(load_policies()).get(key, [])


def _covers(span: dict[str, Any], day: dt.date) -> bool:
    end = _day(span.get("to"))
    return _day(span["from"]) <= day and (end is None or day <= end)


def policy_for(key: str, day: dt.date) -> str | None:
    """The member whose contribution months include `day`, or None when none on file does."""
    policies = load_policies()
    return next((pid for pid in members(key) if _covers(policies[pid]["governs"]["contributions"], day)), None)


def on_file(key: str) -> list[dict[str, Any]]:
    """What a series holds, for messages: [{"policy", "from", "to"}] in time order."""
    policies = load_policies()
    return [{"policy": pid, **{k: policies[pid]["governs"]["contributions"].get(k) for k in ("from", "to")}}
            for pid in members(key)]


def status(policy_id: str, today: dt.date) -> dict[str, Any]:
    """Whether a compiled policy is in force on `today`, and what comes after it (see `status_of`)."""
    return status_of(load_policies()[policy_id], today)


def status_of(policy: dict[str, Any], today: dt.date) -> dict[str, Any]:
    """Whether a policy is in force on `today` and what comes after it.

    state: `not_yet` (before its effective start), `in_force`, or `ended` (after its effective end);
    `next`: the next member of its series on file (None when none is).

    >>> p = {"effective": {"from": "2023-01-01", "to": "2023-12-31"}, "series": {"next": None}}
    >>> [status_of(p, dt.date(*d))["state"] for d in ((2022, 12, 31), (2023, 12, 31), (2024, 1, 1))]
    ['not_yet', 'in_force', 'ended']
    """
    start, end = _day(policy["effective"]["from"]), _day(policy["effective"].get("to"))
    nxt = (policy.get("series") or {}).get("next")
    if today < start:
        state = "not_yet"
    elif end is not None and today > end:
        state = "ended"
    else:
        state = "in_force"
    return {"state": state, "starts_on": start.isoformat(), "ended_on": end.isoformat() if end else None, "next": nxt}


def _years(span: dict[str, Any]) -> tuple[str, str]:
    start, end = str(span["from"])[:4], str(span["to"])[:4] if span.get("to") else None
    if end is None:
        return f"{start} 年起", f"from {start}"
    return (f"{start} 年", start) if start == end else (f"{start}–{end} 年", f"{start}–{end}")


def outside_error(policy_id: str, field: str, day: dt.date) -> InputError:
    """The bilingual error for a date no policy of this series on file governs: it names what is on file,
    in words (years and titles), so the reader knows which page to open instead."""
    policies = load_policies()
    key = (policies[policy_id].get("series") or {}).get("key") or key_of(policy_id, policies[policy_id]["topic"])
    held = [(policies[pid]["title"], _years(policies[pid]["governs"]["contributions"])) for pid in members(key)] or [
        (policies[policy_id]["title"], _years(policies[policy_id]["governs"]["contributions"]))]
    zh = "；".join(f"{years[0]}：《{title['zh']}》" for title, years in held)
    en = "; ".join(f"{years[1]}: “{title['en']}”" for title, years in held)
    return InputError(field, f"本站没有收录适用于 {day.isoformat()} 的本地同类政策。已收录的有：{zh}。",
                      f"This site has no policy of this place for {day.isoformat()}. On file: {en}.")


def elsewhere_error(policy_id: str, field: str, day: dt.date) -> InputError:
    """The bilingual error for a date outside the period a policy governs: when another member of its series on
    file governs that day, the error names it (title and years: use that page); otherwise what is on file
    (`outside_error`). A policy not compiled yet (the loader's worked examples) gets the plain sentence.

    >>> error = elsewhere_error("hunan/hengyang/2023-flexible-employment", "first_month", dt.date(2024, 3, 1))
    >>> error.message_en.startswith("This policy governs 2023; 2024-03-01 falls under “Hengyang 2024"), "2024 年）" in error.message_zh
    (True, True)
    """
    policies = load_policies()
    if policy_id not in policies:
        return InputError(field, f"本政策不管 {day.isoformat()} 这一天所属的时期。",
                          f"This policy does not govern the period of {day.isoformat()}.")
    policy = policies[policy_id]
    key = (policy.get("series") or {}).get("key") or key_of(policy_id, policy["topic"])
    other = policy_for(key, day)
    if other is None or other == policy_id:
        return outside_error(policy_id, field, day)
    own, theirs = _years(policy["governs"]["contributions"]), _years(policies[other]["governs"]["contributions"])
    title = policies[other]["title"]
    return InputError(field, f"本政策管 {own[0]}；{day.isoformat()} 属于本站收录的《{title['zh']}》（{theirs[0]}）：请改用该政策。",
                      f"This policy governs {own[1]}; {day.isoformat()} falls under “{title['en']}” on this site: use that one.")
