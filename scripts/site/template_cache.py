"""Theme templates compiled once per process, not once per language.

MkDocs makes a new Jinja environment for every build, and mkdocs-static-i18n builds each further
language as a build of its own: without a cache every theme template (material's ~40) is compiled
three times per site build, and again at every `mkdocs serve` rebuild (a tenth of a build's time).
Jinja's bytecode cache keeps the compiled code by template file and checks it against a checksum of
the source, so an edited template (serve) is compiled afresh. Kept in memory, one store per set of
environment settings that change what the compiler emits.
"""
from __future__ import annotations

import jinja2


class MemoryBytecodeCache(jinja2.BytecodeCache):
    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)   # dropped by Jinja if the source's checksum differs

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


_caches: dict[tuple, MemoryBytecodeCache] = {}


def compile_settings(env: jinja2.Environment) -> tuple:
    """What, besides the source, decides a template's compiled code."""
    return (tuple(sorted(env.extensions)), repr(env.autoescape), env.optimized, env.trim_blocks, env.lstrip_blocks,
            env.keep_trailing_newline, env.newline_sequence, env.block_start_string, env.block_end_string,
            env.variable_start_string, env.variable_end_string, env.comment_start_string, env.comment_end_string,
            env.line_statement_prefix, env.line_comment_prefix, env.code_generator_class, env.context_class)


def share_compiled_templates(env: jinja2.Environment) -> jinja2.Environment:
    """env, compiling each template only if no earlier environment with its settings compiled that source."""
    env.bytecode_cache = _caches.setdefault(compile_settings(env), MemoryBytecodeCache())
    return env
