"""`resident-contribution`'s groups: what each ticked subsidised group gives on its own (full, half, an amount,
a share, nothing, only through another group), who funds it, and how one person's groups combine."""
from __future__ import annotations

from typing import Any, NamedTuple

from decimal import Decimal

from . import categories as cat
from .inputs import Text
from .money import cents, money_str, percent_str
from .policy import Policy
from .steps import Step, step


def _y(value: Decimal) -> tuple[str, str]:
    return f"{money_str(value)} 元", f"{money_str(value)} yuan"


def _reading_note(policy: Policy, name: str) -> tuple[str, str]:
    from .reading_notes import reading_note   # readers get the note's number, never its id
    return reading_note(policy, name)


def _paid_by(funder: dict[str, Any] | None) -> tuple[str, str]:
    return (f"，由{funder['zh']}资助", f", paid by {funder['en']}") if funder else ("", "")


class _Option:
    """What one ticked category would give on its own."""

    def __init__(self, code: str, amount: Decimal | None, payer: dict[str, Any] | None):
        self.code, self.amount, self.payer = code, amount, payer


def _funder(policy: Policy, code: str) -> dict[str, Any] | None:
    if policy.has("subsidy_funders"):
        funders: dict[str, dict[str, Any]] = policy.value("subsidy_funders")
        return funders.get(code)
    return None


def _options(policy: Policy, codes: list[str], standard: Decimal) -> tuple[list[_Option], list[Step]]:
    full = set(policy.value("subsidy_full_categories")) if policy.has("subsidy_full_categories") else set()
    half = set(policy.value("subsidy_half_categories")) if policy.has("subsidy_half_categories") else set()
    only_via = policy.value("subsidy_only_via") if policy.has("subsidy_only_via") else {}
    decl = cat.declared(policy)
    options: list[_Option] = []
    steps: list[Step] = []
    for code in codes:
        name = cat.label(code, decl)
        funder = (decl.get(code) or {}).get("payer") or _funder(policy, code)
        by_zh, by_en = _paid_by(funder)
        funder_cite = ("subsidy_funders",) if funder else ()
        if "gives" in (decl.get(code) or {}):
            option, own_step = _declared_option(policy, code, standard, funder)
            options.append(option)
            steps.append(own_step)
        elif code in full or code in half:
            option, listed_step = _listed_option(policy, code, standard, funder, FULL if code in full else HALF)
            options.append(option)
            steps.append(listed_step)
        elif policy.has(f"{code}_subsidy"):
            param = f"{code}_subsidy"
            if policy.is_open(param):
                options.append(_Option(code, None, funder))
                note_zh, note_en = _reading_note(policy, param)
                steps.append(step(
                    policy, f"category_{code}",
                    f"{name.zh}：原文把这一群体列为资助对象，但没有公布资助金额或比例，也没有写由谁出资{note_zh}。"
                    "我们不代为估计：请向当地医保部门确认。",
                    f"{name.en}: the source names this group as subsidised but publishes no amount or share, "
                    f"and no funder{note_en}. We do not guess: ask the local healthcare security office.",
                    {"category": code}, (param,),
                ))
            else:
                amount = min(policy.decimal(param), standard)
                options.append(_Option(code, amount, funder))
                zh, en = _y(amount)
                steps.append(step(policy, f"category_{code}", f"{name.zh}：资助 {zh}{by_zh}。", f"{name.en}: subsidy {en}{by_en}.",
                                  {"category": code, "subsidy": money_str(amount)}, (param,) + funder_cite))
        elif code in only_via:
            via = only_via[code]
            via_name = cat.label(via, decl)
            ticked = via in codes
            note_zh, note_en = _reading_note(policy, "subsidy_only_via")
            steps.append(step(
                policy, f"category_{code}",
                f"{name.zh}：本政策不单列这一类，只有同时属于“{via_name.zh}”的才按“{via_name.zh}”资助{note_zh}。"
                + (f"您也勾选了“{via_name.zh}”，按该身份计算。" if ticked else f"您没有勾选“{via_name.zh}”，因此这一身份本身没有资助。"),
                f"{name.en}: this policy has no subsidy for the group as such; only those who are also "
                f"\"{via_name.en}\" are subsidised, as such{note_en}. "
                + (f"You ticked \"{via_name.en}\" too, so that group applies." if ticked else f"You did not tick \"{via_name.en}\", so this group alone gets no subsidy."),
                {"category": code, "via": via}, ("subsidy_only_via",),
            ))
        else:
            steps.append(Step(
                f"category_{code}",
                f"{name.zh}：本政策没有为这一群体规定参保资助。",
                f"{name.en}: this policy sets no contribution subsidy for this group.",
                {"category": code},
            ))
    return options, steps


class _ListedShare(NamedTuple):
    """A share a policy grants by listing groups: the list, its rate, the amount where the text states one."""
    categories: str
    rate: str
    stated_amount: str | None
    words: tuple[str, str]


FULL = _ListedShare("subsidy_full_categories", "subsidy_full_rate", None, ("全额资助对象", "fully subsidised"))
HALF = _ListedShare("subsidy_half_categories", "subsidy_half_rate", "subsidy_half_amount", ("半额资助对象", "half subsidised"))


def _listed_option(policy: Policy, code: str, standard: Decimal, funder: dict[str, Any] | None,
                   share: _ListedShare) -> tuple[_Option, Step]:
    rate = policy.rate(share.rate)
    stated = share.stated_amount if share.stated_amount and policy.has(share.stated_amount) else None
    amount = policy.decimal(stated) if stated else cents(standard * rate)
    name = cat.label(code, cat.declared(policy))
    how_zh, how_en = share.words
    zh, en = _y(amount)
    by_zh, by_en = _paid_by(funder)
    return _Option(code, amount, funder), step(
        policy, f"category_{code}",
        f"{name.zh}：{how_zh}，资助 {money_str(standard)} × {percent_str(rate)} = {zh}{by_zh}。",
        f"{name.en}: {how_en}, {money_str(standard)} × {percent_str(rate)} = {en}{by_en}.",
        {"category": code, "subsidy": money_str(amount)},
        (share.categories, share.rate) + ((stated,) if stated else ()) + (("subsidy_funders",) if funder else ()),
    )


def _declared_option(policy: Policy, code: str, standard: Decimal, funder: dict[str, Any] | None) -> tuple[_Option, Step]:
    """A group the policy declares itself (`subsidy_categories`): full, half, a fixed amount or a share."""
    entry = cat.declared(policy)[code]
    gives, name = entry["gives"], cat.label(code, cat.declared(policy))
    by_zh, by_en = _paid_by(funder)
    if gives == "full":
        amount, how_zh, how_en = standard, "全额资助", "fully subsidised"
    elif gives == "half":
        amount, how_zh, how_en = cents(standard / 2), "资助一半", "half subsidised"
    elif "amount" in gives:
        fixed = Decimal(str(gives["amount"]))
        amount = min(fixed, standard)
        how_zh, how_en = f"定额资助 {money_str(fixed)} 元（不超过个人缴费）", f"a fixed {money_str(fixed)} yuan (at most the contribution)"
    else:
        share = Decimal(str(gives["share"])) / 100
        amount = cents(standard * share)
        how_zh = how_en = f"{money_str(standard)} × {percent_str(share)}"
    zh, en = _y(amount)
    return _Option(code, amount, funder), step(
        policy, f"category_{code}", f"{name.zh}：{how_zh}，资助 {zh}{by_zh}。", f"{name.en}: {how_en}, subsidy {en}{by_en}.",
        {"category": code, "subsidy": money_str(amount)}, (cat.DECLARED,) + (("subsidy_funders",) if _funder(policy, code) else ()))


def _combination(policy: Policy) -> tuple[str, str | None, bool]:
    """(rule, parameter it comes from, stated by the source) for how one person's groups combine:
    `subsidy_combination`, or the older `subsidy_no_stacking` (true: no stacking, false: stacking).
    平江 states it, 双清 is our reading:

    >>> from calc.data import load_policies
    >>> [_combination(Policy(load_policies()[f"hunan/{p}/2023-resident"])) for p in ("yueyang/pingjiang", "shaoyang/shuangqing")]
    [('no_stacking', 'subsidy_no_stacking', True), ('no_stacking', 'subsidy_no_stacking', False)]
    """
    if policy.has("subsidy_combination"):
        return policy.value("subsidy_combination"), "subsidy_combination", policy.status("subsidy_combination") == "stated"
    if policy.has("subsidy_no_stacking"):
        rule = "no_stacking" if policy.value("subsidy_no_stacking") else "stacking"
        return rule, "subsidy_no_stacking", policy.status("subsidy_no_stacking") == "stated"
    return "no_stacking", None, False


# per combination rule: what the source says (stated), our reading where it says nothing, and the outcome
COMBINATION_TEXT = {
    "no_stacking": (Text("原文：有双重资助参保身份的，资助金额不累加。", "The source says subsidies for several identities are not added together. "),
                    Text("原文没有写同时符合几种资助身份时如何处理；按我们的读法不累加。",
                         "The source does not say what happens with several subsidised identities; in our reading they do not add up. "),
                    Text("按较优的一项计算", "The more favourable one applies")),
    "highest": (Text("原文：同时符合几种资助身份的，就高资助，不累加。", "The source says the highest subsidy applies (就高), without adding them up. "),
                Text("原文没有写同时符合几种资助身份时如何处理；按我们的读法就高，不累加。",
                     "The source does not say what happens with several subsidised identities; in our reading the highest applies. "),
                Text("按资助最高的一项计算", "The highest one applies")),
    "stacking": (Text("原文：几种资助身份的资助可以累加，合计不超过个人缴费。",
                      "The source says the subsidies of several identities add up, to at most the contribution. "),
                 Text("原文没有写同时符合几种资助身份时如何处理；按我们的读法累加，合计不超过个人缴费。",
                      "The source does not say what happens with several subsidised identities; in our reading they add up, to at most the contribution. "),
                 Text("各项资助相加", "The subsidies are added together")),
}


def _combination_step(policy: Policy, options: list[_Option]) -> Step:
    rule, param, stated = _combination(policy)
    said, read, outcome = COMBINATION_TEXT[rule]
    text = said if stated else read
    codes = {"categories": ", ".join(o.code for o in options)}
    if param is None:
        return Step("no_stacking", f"{text.zh}{outcome.zh}。", f"{text.en}{outcome.en}.", codes)
    note_zh, note_en = _reading_note(policy, param)
    return step(policy, "no_stacking", f"{text.zh}{outcome.zh}{note_zh}。", f"{text.en}{outcome.en}{note_en}.", codes, (param,))


def _payer_text(options: list[_Option], joined: bool = False) -> dict[str, Any] | None:
    """The funder(s) of the subsidy applied: one, several that together pay (stacking, `joined`), or
    several of which the source does not say which pays.

    >>> aid, funds = {"zh": "医疗救助", "en": "medical assistance"}, {"zh": "财政资金", "en": "public funds"}
    >>> _payer_text([_Option("a", Decimal(175), aid), _Option("b", Decimal(175), funds)])["en"]
    'medical assistance or public funds (the source does not say which)'
    >>> _payer_text([_Option("a", Decimal(175), aid), _Option("b", Decimal(100), funds)], joined=True)["zh"]
    '医疗救助、财政资金'
    """
    payers = []
    for o in options:
        if o.payer and o.payer not in payers:
            payers.append(o.payer)
    if not payers or any(o.payer is None for o in options):
        return None
    if len(payers) == 1:
        return dict(payers[0])
    if joined:
        return {"zh": "、".join(p["zh"] for p in payers), "en": ", ".join(p["en"] for p in payers)}
    return {"zh": " 或 ".join(p["zh"] for p in payers) + "（原文未写明由哪一方出资）",
            "en": " or ".join(p["en"] for p in payers) + " (the source does not say which)"}
