#!/usr/bin/env node
// Run the `calc` package inside Pyodide (from node_modules, no network) and
// print one JSON object describing what it did, for the CPython-vs-Pyodide
// parity test (tests/test_pyodide_parity.py).
//
// Usage:
//   node scripts/dev/pyodide_run.mjs [--root DIR] <cases.json>
//
//   --root DIR   directory that contains calc/ (default: the repository root,
//                i.e. the parent of this script's directory). Pyodide itself
//                is always loaded from <repo>/node_modules/pyodide.
//   cases.json   [{"name", "calculator", "policy", "inputs"}, ...]
//
// What it does:
//   1. loads Pyodide with indexURL = node_modules/pyodide/ (the npm package,
//      never a CDN; no Pyodide packages are loaded: calc is stdlib only);
//   2. copies every calc/**/*.py and every file under calc/data/ into the
//      Pyodide FS at the same relative path under SRC_DIR, which goes first
//      on sys.path;
//   3. runs doctest.testmod() on every calc module (found by walking the
//      copied tree: calc/x/y.py -> calc.x.y, calc/x/__init__.py -> calc.x;
//      __main__.py is skipped because importing it runs the CLI);
//   4. for every case calls calc.run_json(calculator, policy, json.dumps(inputs))
//      and records the parsed JSON it returned.
//
// Output (stdout, one JSON object):
//   {"pyodide_version", "python_version", "decimal_impl",
//    "doctests": {module: {"attempted", "failed", "report"[, "error"]}},
//    "cases": {name: <parsed run_json result>},
//    "crashes": {name: <Python traceback>},   // cases whose run_json raised
//    "timings": {"boot_s", "copy_s", "doctests_s", "cases_s", "total_s"}}
//
// Exit codes: 0 ok (doctest failures are reported, not fatal);
//   1 JS/Pyodide/driver crash (message on stderr, nothing on stdout);
//   2 usage or unreadable/invalid cases file;
//   3 at least one case raised inside run_json (JSON still printed, see "crashes").
// Anything Python prints (print(), warnings) goes to stderr, so stdout is
// only the JSON object.

import { readFileSync, readdirSync, statSync, existsSync } from "node:fs";
import { dirname, join, resolve, relative, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { performance } from "node:perf_hooks";

const T0 = performance.now();
const secs = (a, b) => Math.round((b - a)) / 1000;

const SCRIPT_DIR = dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = resolve(SCRIPT_DIR, "..", "..");
const PYODIDE_DIR = join(REPO_ROOT, "node_modules", "pyodide");
const SRC_DIR = "/home/pyodide/mingbai_src"; // inside the Pyodide FS
const CASES_PATH_IN_FS = "/home/pyodide/mingbai_cases.json";
const PACKAGE = "calc";

function die(code, msg) {
  process.stderr.write(`pyodide_run: ${msg}\n`);
  process.exit(code);
}

function parseArgs(argv) {
  let root = REPO_ROOT;
  const rest = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--root") {
      if (i + 1 >= argv.length) die(2, "--root needs a directory");
      root = resolve(argv[++i]);
    } else if (a.startsWith("--root=")) {
      root = resolve(a.slice("--root=".length));
    } else if (a === "-h" || a === "--help") {
      process.stdout.write("usage: node scripts/dev/pyodide_run.mjs [--root DIR] <cases.json>\n");
      process.exit(0);
    } else {
      rest.push(a);
    }
  }
  if (rest.length !== 1) die(2, "usage: node scripts/dev/pyodide_run.mjs [--root DIR] <cases.json>");
  return { root, casesPath: resolve(rest[0]) };
}

function loadCases(path) {
  let cases;
  try {
    cases = JSON.parse(readFileSync(path, "utf8"));
  } catch (e) {
    die(2, `cannot read cases file ${path}: ${e.message}`);
  }
  if (!Array.isArray(cases)) die(2, `${path}: expected a JSON list of cases`);
  const seen = new Set();
  cases.forEach((c, i) => {
    if (c === null || typeof c !== "object" || Array.isArray(c)) die(2, `${path}: case #${i} is not an object`);
    for (const k of ["name", "calculator", "policy"]) {
      if (typeof c[k] !== "string") die(2, `${path}: case #${i}: "${k}" must be a string`);
    }
    if (!("inputs" in c)) die(2, `${path}: case ${c.name}: "inputs" missing`);
    if (seen.has(c.name)) die(2, `${path}: duplicate case name ${JSON.stringify(c.name)}`);
    seen.add(c.name);
  });
  return cases;
}

// Relative paths (POSIX separators) of the files to ship: calc/**/*.py and
// everything under calc/data/. __pycache__ and dot-files are skipped.
function collectFiles(root) {
  const pkgDir = join(root, PACKAGE);
  if (!existsSync(pkgDir) || !statSync(pkgDir).isDirectory()) die(1, `no ${PACKAGE}/ directory under ${root}`);
  const dataDir = join(pkgDir, "data");
  const out = [];
  const walk = (dir) => {
    for (const ent of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (ent.name === "__pycache__" || ent.name.startsWith(".")) continue;
      const full = join(dir, ent.name);
      if (ent.isDirectory()) walk(full);
      else if (ent.isFile()) {
        const inData = full.startsWith(dataDir + sep);
        if (ent.name.endsWith(".py") || inData) out.push(relative(root, full).split(sep).join("/"));
      }
    }
  };
  walk(pkgDir);
  if (!out.includes(`${PACKAGE}/__init__.py`)) die(1, `${PACKAGE}/__init__.py not found under ${root}`);
  return out;
}

// The Python side. Kept in sync with the CPython side of
// tests/test_pyodide_parity.py (module discovery and doctest call).
const DRIVER = String.raw`
import contextlib, doctest, io, json, os, sys, time, traceback, importlib

def _mingbai_parity(src_dir, package, cases_path):
    if src_dir not in sys.path:
        sys.path.insert(0, src_dir)

    def discover():
        base = os.path.join(src_dir, package)
        names = []
        for dirpath, dirnames, filenames in os.walk(base):
            dirnames[:] = sorted(d for d in dirnames if d != "__pycache__" and not d.startswith("."))
            rel = os.path.relpath(dirpath, src_dir).replace(os.sep, ".")
            for fn in sorted(filenames):
                if not fn.endswith(".py") or fn == "__main__.py":
                    continue
                names.append(rel if fn == "__init__.py" else rel + "." + fn[:-3])
        return sorted(names)

    out = {"python_version": sys.version, "doctests": {}, "cases": {}, "crashes": {}, "timings": {}}
    t = time.perf_counter()
    for name in discover():
        buf = io.StringIO()
        try:
            with contextlib.redirect_stdout(buf):
                mod = importlib.import_module(name)
                res = doctest.testmod(mod, verbose=False, report=False)
            out["doctests"][name] = {"attempted": res.attempted, "failed": res.failed, "report": buf.getvalue()}
        except BaseException:
            out["doctests"][name] = {"attempted": 0, "failed": 1, "error": "import or doctest run raised",
                                     "report": buf.getvalue() + traceback.format_exc()}
    out["timings"]["doctests_s"] = round(time.perf_counter() - t, 3)

    import decimal
    out["decimal_impl"] = "C (_decimal, libmpdec %s)" % decimal.__libmpdec_version__ if hasattr(decimal, "__libmpdec_version__") else "pure Python (_pydecimal)"

    t = time.perf_counter()
    with open(cases_path, encoding="utf-8") as f:
        cases = json.load(f)
    calc = importlib.import_module(package)
    for case in cases:
        name = case["name"]
        try:
            text = calc.run_json(case["calculator"], case["policy"], json.dumps(case["inputs"]))
            if not isinstance(text, str):
                raise TypeError("run_json returned %s, not str" % type(text).__name__)
            out["cases"][name] = json.loads(text)
        except BaseException:
            out["crashes"][name] = traceback.format_exc()
    out["timings"]["cases_s"] = round(time.perf_counter() - t, 3)
    return json.dumps(out, ensure_ascii=False)
`;

async function main() {
  const { root, casesPath } = parseArgs(process.argv.slice(2));
  const cases = loadCases(casesPath);

  const mjs = join(PYODIDE_DIR, "pyodide.mjs");
  if (!existsSync(mjs)) die(1, `Pyodide not found at ${PYODIDE_DIR} (run npm ci)`);
  const { loadPyodide } = await import(pathToFileURL(mjs).href);

  // Pyodide (and Python's print) must not write to our stdout.
  const toStderr = (msg) => process.stderr.write(`${msg}\n`);
  console.log = (...a) => process.stderr.write(a.map(String).join(" ") + "\n");
  console.info = console.log;

  const tBoot = performance.now();
  const pyodide = await loadPyodide({
    indexURL: PYODIDE_DIR + sep,
    stdout: toStderr,
    stderr: toStderr,
  });
  const bootS = secs(tBoot, performance.now());

  const tCopy = performance.now();
  const files = collectFiles(root);
  const FS = pyodide.FS;
  for (const rel of files) {
    const dest = `${SRC_DIR}/${rel}`;
    FS.mkdirTree(dest.slice(0, dest.lastIndexOf("/")));
    FS.writeFile(dest, readFileSync(join(root, ...rel.split("/"))));
  }
  FS.writeFile(CASES_PATH_IN_FS, JSON.stringify(cases), { encoding: "utf8" });
  const copyS = secs(tCopy, performance.now());

  pyodide.runPython(DRIVER);
  const fn = pyodide.globals.get("_mingbai_parity");
  let text;
  try {
    text = fn(SRC_DIR, PACKAGE, CASES_PATH_IN_FS);
  } finally {
    fn.destroy();
  }
  const result = JSON.parse(text);
  const output = {
    pyodide_version: pyodide.version,
    python_version: result.python_version,
    decimal_impl: result.decimal_impl,
    files_copied: files.length,
    doctests: result.doctests,
    cases: result.cases,
    crashes: result.crashes,
    timings: {
      boot_s: bootS,
      copy_s: copyS,
      doctests_s: result.timings.doctests_s,
      cases_s: result.timings.cases_s,
      total_s: secs(T0, performance.now()),
    },
  };
  await new Promise((res) => process.stdout.write(JSON.stringify(output) + "\n", res));
  process.exitCode = Object.keys(result.crashes).length ? 3 : 0;
}

main().catch((err) => {
  // PythonError's message already holds the Python traceback.
  process.stderr.write(`pyodide_run: crashed: ${err && err.stack ? err.stack : err}\n`);
  process.exit(1);
});
