"""Refunds as data: until a stated day (`refund_deadline`) a payment may be returned on application for the
reasons the policy lists (`refund_reasons`); from `no_refund_from` cover has started and it is not returned.

>>> import calc
>>> SQ = "hunan/shaoyang/shuangqing/2023-resident"
>>> [calc.run("resident-benefit-start", SQ, {"circumstance": "demobilized_soldier", "payment_date": day})["result"]["refund"]
...  for day in ("2022-12-31", "2023-01-01")]
['refundable_until_deadline', 'not_refundable']
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import datetime as dt

from .enrolment_run import _date
from .enrolment_words import REFUND_REASONS
from .reading_notes import reading_note

if TYPE_CHECKING:   # annotations only
    from .enrolment_run import Run


def _reasons(codes: list[str]) -> tuple[str, str]:
    """The reasons in words: zh “A、B或C等”, en “A, B or C”."""
    zh, en = [REFUND_REASONS[c].zh for c in codes], [REFUND_REASONS[c].en for c in codes]
    if len(codes) == 1:
        return f"{zh[0]}等", en[0]
    return "、".join(zh[:-1]) + f"或{zh[-1]}等", ", ".join(en[:-1]) + f" or {en[-1]}"


def refund(run: Run, pay: dt.date) -> None:
    """Whether a payment on `pay` can still be refunded (nothing is said where the policy states no refunds)."""
    policy = run.policy
    if not policy.has("refund_deadline"):
        return
    deadline = _date(policy, "refund_deadline")
    note_zh, note_en = reading_note(policy, "refund_deadline")
    if pay <= deadline:
        reasons_zh, reasons_en = _reasons(list(policy.value("refund_reasons")))
        run.result["refund"] = "refundable_until_deadline"
        run.result["refund_deadline"] = deadline
        run.step("refund", f"在待遇期开始前（截止 {deadline.isoformat()}），因{reasons_zh}，可依申请退费{note_zh}。",
                 f"Until cover starts (up to {deadline.isoformat()}) you can apply for a refund if you {reasons_en}{note_en}.",
                 {"refund_deadline": deadline.isoformat()}, ("refund_deadline", "refund_reasons"))
    else:
        run.result["refund"] = "not_refundable"
        no_refund = _date(policy, "no_refund_from")
        run.step("refund", f"{no_refund.isoformat()} 起待遇期已开始：暂停参保关系的，个人缴费不再退回{note_zh}。",
                 f"From {no_refund.isoformat()} cover has started: contributions are not returned when enrolment is suspended{note_en}.",
                 {"no_refund_from": no_refund.isoformat()}, ("no_refund_from",))


def reason_problems(value: object) -> list[tuple[str, str, str]]:
    """(field suffix, en, zh) for `refund_reasons` codes the refund step has no words for.

    >>> [p[0] for p in reason_problems(["duplicate_payment", "moved_abroad"])]
    ['[1]']
    """
    if not isinstance(value, list) or not value:
        return [("", "must be a non-empty list of reason codes", "须为非空的退费情形代码列表")]
    known = ", ".join(REFUND_REASONS)
    return [(f"[{i}]", f"unknown refund reason {code!r} (known: {known})", f"未知的退费情形 {code!r}（可用：{known}）")
            for i, code in enumerate(value) if code not in REFUND_REASONS]
