#!/usr/bin/env node
// Compile Python sources to bytecode inside Pyodide itself (node_modules, no network), so the
// bytecode always matches the engine the site ships (magic number, Python minor version), for
// scripts/bundle/bytecode.py.
//
// Usage: node scripts/bundle/bytecode.mjs IN_ZIP OUT_ZIP [PREFIX]
//   IN_ZIP   a zip of .py files (other members are copied as they are)
//   OUT_ZIP  written, with unchecked-hash pycs (PEP 552: no mtime, never checked against a source,
//            so file dates do not matter):
//   without PREFIX (the standard library zip): each name.py replaced by name.pyc, which zipimport
//            reads before a .py and without a source beside it; code objects name their file as
//            zipimport would (/lib/python3XX.zip/name: the engine's stdlib zip on sys.path), so
//            tracebacks read as before; docstrings left out (__doc__ is None, as under
//            `python -OO`, which the standard library supports; asserts are kept): 15 % smaller,
//            and no column positions (below): 0.84 MB for the 0.69 MB of deflated sources;
//   with PREFIX (calc, written into Pyodide's file system under PREFIX): only
//            <dir>/__pycache__/<stem>.<cache_tag>.pyc for each <dir>/<stem>.py, docstrings kept;
//            the importer of a directory reads it instead of compiling the source beside it.
// Prints {"magic": hex, "compiled": n, "mount": the stdlib zip's path}.
import { loadPyodide } from "../../node_modules/pyodide/pyodide.mjs";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const [inZip, outZip, prefix] = process.argv.slice(2);
if (!inZip || !outZip) {
  process.stderr.write("usage: node scripts/bundle/bytecode.mjs IN_ZIP OUT_ZIP\n");
  process.exit(2);
}
const py = await loadPyodide({
  indexURL: join(here, "..", "..", "node_modules", "pyodide") + "/",
  // as `-X no_debug_ranges`: no column positions in the code objects (24 % smaller); line numbers
  // stay, tracebacks only lose their ^^^ markers
  env: { HOME: "/home/pyodide", PYTHONNODEBUGRANGES: "1" },
  stdout: () => {}, stderr: (l) => process.stderr.write(l + "\n"),
});
py.FS.writeFile("/tmp/in.zip", readFileSync(inZip));
py.globals.set("CACHE_PREFIX", prefix ? prefix.replace(/\/+$/, "") : null);
const report = py.runPython(`
import ast, importlib.util, json, sys, zipfile
from importlib._bootstrap_external import _code_to_hash_pyc

MOUNT = next(p for p in sys.path if p.endswith(".zip"))
PREFIX = CACHE_PREFIX or MOUNT
DATE = (1980, 1, 1, 0, 0, 0)   # fixed: the output is deterministic


def member(out, name, data):
    info = zipfile.ZipInfo(name, DATE)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    out.writestr(info, data, compresslevel=9)


def without_docstrings(tree):
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) \
                    and isinstance(body[0].value.value, str):
                node.body = body[1:] or [ast.Pass()]
    return ast.fix_missing_locations(tree)


def pyc(name, source):
    tree = ast.parse(source, PREFIX + "/" + name)
    if not CACHE_PREFIX:
        tree = without_docstrings(tree)
    # dont_inherit: this script's own __future__ flags must not leak into the code
    code = compile(tree, PREFIX + "/" + name, "exec", dont_inherit=True, optimize=0)
    return bytes(_code_to_hash_pyc(code, importlib.util.source_hash(source), checked=False))


compiled = 0
with zipfile.ZipFile("/tmp/in.zip") as src, zipfile.ZipFile("/tmp/out.zip", "w") as out:
    for name in sorted(src.namelist()):
        data = src.read(name)
        if not name.endswith(".py"):
            if not CACHE_PREFIX:
                member(out, name, data)
            continue
        compiled += 1
        if CACHE_PREFIX:
            folder, _, stem = name[:-3].rpartition("/")
            cached = (folder + "/" if folder else "") + f"__pycache__/{stem}.{sys.implementation.cache_tag}.pyc"
            member(out, cached, pyc(name, data))
        else:
            member(out, name[:-3] + ".pyc", pyc(name, data))
json.dumps({"magic": importlib.util.MAGIC_NUMBER.hex(), "compiled": compiled, "mount": MOUNT})
`);
writeFileSync(outZip, py.FS.readFile("/tmp/out.zip"));
process.stdout.write(report);
