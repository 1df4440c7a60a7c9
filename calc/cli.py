"""`python -m calc list|describe|run` — a public, stable contract (see ARCHITECTURE.md).

Exit 0 with {"ok": true, ...}; exit 2 with {"ok": false, "errors": [...]}.
"""
from __future__ import annotations

import argparse
import sys
from typing import NoReturn

from .api import describe, dumps, failure, list_calculators, run
from .data import DataFormatError
from .errors import InputError, InputErrors
from .json_input import loads_inputs

EXIT_BAD_INPUT = 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # argparse would print usage and exit 2 with plain text
        raise InputErrors([InputError("arguments", f"命令行参数有误：{message}。用法：python -m calc list | describe CALC | run CALC --policy ID --input JSON",
                                      f"Bad arguments: {message}. Usage: python -m calc list | describe CALC | run CALC --policy ID --input JSON")])


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m calc", description="Mingbai calculators (JSON out).")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    sub.add_parser("list", help="calculators and the policies each applies to")
    d = sub.add_parser("describe", help="inputs and outputs of a calculator")
    d.add_argument("calculator")
    r = sub.add_parser("run", help="run a calculator for a policy")
    r.add_argument("calculator")
    r.add_argument("--policy", required=True)
    r.add_argument("--input", action="append", help="JSON object of inputs (once)")
    return parser


def main(argv: list[str] | None = None) -> int:
    try:
        args = _parser().parse_args(argv)
        if args.command == "list":
            out = list_calculators()
        elif args.command == "describe":
            out = describe(args.calculator)
        else:
            if args.input and len(args.input) > 1:   # which of two --input a caller meant is not ours to guess
                raise InputErrors([InputError("arguments", "--input 只能给一次。", "Give --input once only.")])
            inputs = loads_inputs(args.input[0] if args.input else "{}", "--input ", "--input")
            out = run(args.calculator, args.policy, inputs)
    except InputErrors as exc:
        out = failure(exc)
    except DataFormatError as exc:   # not the caller's input: the installation's data needs recompiling
        print(exc, file=sys.stderr)
        return 1
    sys.stdout.buffer.write((dumps(out) + "\n").encode("utf-8"))  # UTF-8 whatever the locale
    sys.stdout.flush()
    return 0 if out["ok"] else EXIT_BAD_INPUT
