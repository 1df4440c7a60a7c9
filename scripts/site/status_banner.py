"""Whether a policy is in force: the banner on its page and the one word in lists, judged on the build day;
assets/mingbai/policy-status.js re-judges both by the reader's date."""
from __future__ import annotations

import datetime as dt
import os

from calc import series
from calc.today import whom as today_whom

from . import today_box
from .page_paths import policy_link
from .policy_labels import years_label
from .ui_words import WORDS, pick, ui


def build_day() -> dt.date:
    """The date a build judges "in force" by (MINGBAI_TODAY for reproducible tests); pages re-judge in the browser."""
    return dt.date.fromisoformat(os.environ["MINGBAI_TODAY"]) if os.environ.get("MINGBAI_TODAY") else dt.date.today()


def status_view(policy: dict, policies: dict[str, dict], lang: str) -> dict:
    """What the status banner shows at build time; assets/mingbai/policy-status.js re-judges it by the reader's date."""
    t = ui(lang)
    eff = policy["effective"]
    found = series.status_of(policy, build_day())
    span = f"{eff['from']} – {eff.get('to') or t['open_end']}"
    # whom to ask in plain words, as the today box says it (calc/today.py): the contact, else the named offices among
    # the issuers and the local office — never "湖南省 7 个部门联合发文（据转述…）"
    whom = today_whom(policy)[0 if lang == "zh" else 1]
    series_info = policy.get("series") or {"members": [policy["id"]], "next": None}
    members = [{"id": pid, "years": years_label(policies[pid], lang), "title": policies[pid]["title"][lang],
                "link": None if pid == policy["id"] else policy_link(policy["id"], pid)}
               for pid in series_info["members"] if pid in policies]
    nxt = series_info.get("next")
    return {
        "state": found["state"], "from": str(eff["from"]), "to": str(eff["to"]) if eff.get("to") else "",
        "in_force": t["status_in_force"].format(span=span), "not_yet": t["status_not_yet"].format(start=eff["from"]),
        "ended": t["status_ended"].format(end=eff.get("to") or ""),
        "next": {"title": policies[nxt]["title"][lang], "years": years_label(policies[nxt], lang),
                 "link": policy_link(policy["id"], nxt)} if nxt and nxt in policies else None,
        "later": today_box.later_elsewhere(policy, policies, lang),
        "no_newer": t["status_no_newer"].format(whom=whom), "checked": t["status_checked"].format(day=build_day()),
        "checked_template": t["status_checked"], "series": members if len(members) > 1 else [],
    }


STATE_WORDS = WORDS["status"]


def list_status(policy: dict, lang: str) -> str:
    """A policy's status as one word in a list (home, province, compare), judged on the build day; the
    other words ride in attributes (not indexed by search), and policy-status.js re-judges by the reader's date."""
    eff = policy.get("effective") or policy["governs"]["benefits"]
    state = series.status_of({**policy, "effective": eff}, build_day())["state"]
    words = " ".join(f'data-word-{k.replace("_", "-")}="{pick(lang, v)}"' for k, v in STATE_WORDS.items())
    return (f'<span class="mb-list-status mb-list-status--{state}" data-effective-from="{eff["from"]}" '
            f'data-effective-to="{eff.get("to") or ""}" {words}>{pick(lang, STATE_WORDS[state])}</span>')
