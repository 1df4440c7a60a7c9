#!/usr/bin/env node
// Run calc inside Pyodide (node_modules, no network) on a list of cases and report which standard
// library files Pyodide's start-up and calc loaded, for scripts/bundle/trim_stdlib.py and its test.
//
// Usage: node scripts/bundle/stdlib_used.mjs ROOT CASES.json [STDLIB_ZIP]
//   ROOT        directory holding calc/ (copied into Pyodide, compiled data included)
//   CASES.json  [{"calculator", "policy", "inputs"}, ...]
//   STDLIB_ZIP  a standard library zip to load instead of Pyodide's (loadPyodide stdLibURL)
// Prints {"files": [stdlib zip members imported, as .py], "results": [run_json result per case],
//         "magic": the engine's bytecode magic (hex), "from_bytecode": [members imported as .pyc]}.
import { loadPyodide } from "../../node_modules/pyodide/pyodide.mjs";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const [root, casesPath, stdlib] = process.argv.slice(2);
if (!root || !casesPath) {
  process.stderr.write("usage: node scripts/bundle/stdlib_used.mjs ROOT CASES.json [STDLIB_ZIP]\n");
  process.exit(2);
}
const options = { indexURL: join(here, "..", "..", "node_modules", "pyodide") + "/", stdout: () => {}, stderr: (l) => process.stderr.write(l + "\n") };
if (stdlib) options.stdLibURL = resolve(stdlib);
const py = await loadPyodide(options);
const SRC = "/home/pyodide/src";
function copy(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== "__pycache__") copy(path);
    } else if (name.endsWith(".py") || name.endsWith(".json")) {
      const dst = SRC + "/" + relative(resolve(root), path).split("\\").join("/");
      py.FS.mkdirTree(dst.slice(0, dst.lastIndexOf("/")));
      py.FS.writeFile(dst, readFileSync(path));
    }
  }
}
copy(join(resolve(root), "calc"));
py.globals.set("CASES", readFileSync(casesPath, "utf8"));
const out = py.runPython(`
import json, sys
sys.dont_write_bytecode = True
sys.path.insert(0, ${JSON.stringify(SRC)})
import calc
results = [json.loads(calc.run_json(c["calculator"], c["policy"], json.dumps(c["inputs"]))) for c in json.loads(CASES)]
import importlib.util
marker = ".zip/"
loaded = [f.split(marker, 1)[1] for f in (getattr(m, "__file__", None) or "" for m in list(sys.modules.values()))
          if marker in f]
# a module read from bytecode has __file__ name.pyc; the list names the source it came from
files = sorted({f[:-1] if f.endswith(".pyc") else f for f in loaded})
json.dumps({"files": files, "results": results, "magic": importlib.util.MAGIC_NUMBER.hex(),
            "from_bytecode": sorted({f for f in loaded if f.endswith(".pyc")})})
`);
process.stdout.write(out);
