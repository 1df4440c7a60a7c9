"""run/result/errors for calc.run, shared by the calculator tests (`from calc_helpers import calc_helpers`).

A module, not tests/conftest.py: pytest imports every conftest.py as the module `conftest`, so
tests/browser/conftest.py shadows it and `from conftest import ...` breaks with the collection order.
"""
from __future__ import annotations

import calc


def calc_helpers(*bound: str):
    """(run, result, errors) for calc.run with its first arguments bound: the calculator, and the policy too
    when given. run and result require success; errors requires failure, each message in zh and en.

    >>> run, result, errors = calc_helpers("flexible-contribution", "hunan/hengyang/2023-flexible-employment")
    >>> result({"months": 12})["annual_total"], errors({"months": 13})[0]["field"]
    ('3622.56', 'months')
    """
    def run(*args) -> dict:
        out = calc.run(*bound, *args)
        assert out["ok"], out
        return out

    def result(*args) -> dict:
        return run(*args)["result"]

    def errors(*args) -> list[dict]:
        out = calc.run(*bound, *args)
        assert not out["ok"], out
        assert all(e["message_zh"] and e["message_en"] for e in out["errors"]), out
        return out["errors"]

    return run, result, errors
