"""`resident-contribution`'s payment channel: how a person with a full, a partial or no subsidy pays or is registered."""
from __future__ import annotations

from decimal import Decimal

from .inputs import Text
from .policy import Policy
from .steps import Step, step


CHANNELS = {
    "zero_payment_registration_by_township": Text(
        "由乡镇（街道）在医保信息系统直接办理“零缴费”登记，不通过税务系统缴费",
        "The township registers you as \"zero payment\" in the healthcare security system; nothing is paid through the tax system"),
    "tax_system": Text(
        "本人应缴部分按通知列出的缴费方式通过税务系统缴纳",
        "You pay your own share through the tax system, by the ways of paying the notice lists"),
    "listed_channels": Text(
        "按通知列出的缴费方式缴纳（见计算步骤）",
        "By the ways of paying the notice lists (see the steps)"),
}


def _channel(policy: Policy, subsidy: Decimal, payable: Decimal) -> tuple[str | None, list[Step]]:
    if payable == 0 and subsidy > 0:
        name = "full_subsidy_payment_channel"
    elif subsidy > 0:
        name = "half_subsidy_payment_channel"
    else:
        name = "payment_channels"
    if not policy.has(name):
        return None, [Step("payment_channel", "原文没有写这种情况如何缴费或登记。",
                           "The source does not say how people in this situation pay or are registered.", {})]
    if name == "payment_channels":
        ways = policy.value(name)
        return "listed_channels", [step(
            policy, "payment_channel",
            "缴费方式：" + "；".join(w["zh"] for w in ways) + "。",
            "Ways to pay: " + "; ".join(w["en"] for w in ways) + ".",
            {}, (name,))]
    code = policy.value(name)
    label = CHANNELS[code]
    return code, [step(policy, "payment_channel", f"缴费方式：{label.zh}。", f"How you pay: {_lc(label.en)}.", {}, (name,))]


def _lc(text: str) -> str:
    return text[:1].lower() + text[1:]
