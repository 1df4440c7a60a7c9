"""The one error a step building the engine's assets raises (trimming the standard library, compiling
bytecode): vendor_pyodide reports it as the build's message, never a traceback."""
from __future__ import annotations


class EngineBuildError(RuntimeError):
    pass
