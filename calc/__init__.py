"""Mingbai calculators: policy rules as code, standard library only.

Runs unchanged in CPython (CLI, build, tests) and in Pyodide (browser widgets).
"""
from .api import describe, list_calculators, run, run_json

__all__ = ["describe", "list_calculators", "run", "run_json"]
