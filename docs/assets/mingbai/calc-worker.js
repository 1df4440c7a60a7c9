/* Mingbai calculator worker (classic Web Worker, no modules).
 *
 * Protocol (page -> worker):
 *   {type: "init", assets: "<absolute URL of the site's assets/ dir, ending in />",
 *    policies: ["<policy id>", …]}        the page's policies (their data loads with the engine)
 *   {id, calc, policy, inputs, lang?}     compute; inputs are raw strings/bools/lists; lang ("zh"
 *                                         or "en", the form's): charts drawn in that language only
 * Worker -> page:
 *   {type: "progress", loaded, total, phase: "download"}   bytes of the big Pyodide files
 *   {type: "phase", phase: "start"}                         downloads done, Python starting
 *   {type: "ready", ms, timings}                             calc imported; timings = ms since
 *                                                            boot for scripts/pyodide/calc
 *   {type: "result", id, result, ms}                         result = calc.run JSON object; ms =
 *                                                            {calc, parse, at, done}: time in
 *                                                            run_json and JSON.parse; arrival and
 *                                                            answer (timeOrigin + now), for
 *                                                            scripts/bench/widget.py
 *   {type: "error", id?, fatal, message}                     fatal = engine failed to load
 *
 * Everything is loaded from the same-origin assets/ directory: the vendored
 * Pyodide (assets/pyodide/), the calc sources (assets/mingbai/calc-bundle.js,
 * which defines self.MINGBAI_CALC_FILES, code only, and self.MINGBAI_CALC_PYC,
 * their bytecode) and the data of each policy
 * used (assets/mingbai/data/<policy id>.js, which adds the policy to
 * self.MINGBAI_POLICY_DATA; its series members are loaded too, as calc looks
 * them up). The worker writes the loaded policies into calc/data/policies.json,
 * so what it downloads does not grow with the site. A request for a policy not
 * loaded yet loads it first. No micropip, no loadPackage, no CDN.
 *
 * file:// hook (Chromium refuses file:// workers and importScripts): build one
 * Blob worker source = pyodide.js + pyodide.asm.js + calc-bundle.js + the policy
 * data scripts + a script
 * defining self.MINGBAI_EMBEDDED_ASSETS = {"pyodide.asm.wasm": <entry>,
 * "python_stdlib.zip": <entry>, "pyodide-lock.json": <entry>} + this file, and
 * hand it to widget.js as window.MINGBAI_WORKER_SOURCE. An entry is an
 * ArrayBuffer, a Uint8Array, a base64 string, or {gzip: <base64 of the gzipped
 * file>, size: <bytes once unzipped>} (unzipped with DecompressionStream while
 * Pyodide compiles it; scripts/bundle/offline_bundle.py writes this form). Then
 * nothing is fetched: scripts already defined are not imported again
 * (loadPyodide, _createPyodideModule, MINGBAI_CALC_FILES, a policy already in
 * MINGBAI_POLICY_DATA), the fetch shim
 * answers the two big files from the embedded data, and the lock file is
 * passed as lockFileContents.
 */
(function () {
  "use strict";

  var MIME = {
    "pyodide.asm.wasm": "application/wasm",
    "python_stdlib.zip": "application/zip",
    "python_stdlib_calc.zip": "application/zip"
  };
  var CALC_ROOT = "/home/pyodide/mingbai";
  var POLICY_DATA_FILE = CALC_ROOT + "/calc/data/policies.json";
  // A policy id becomes a path: the same test as scripts/bundle/bundle_calc.py POLICY_ID.
  var POLICY_ID = /^[a-z0-9][a-z0-9_-]*(\/[a-z0-9][a-z0-9_-]*)*$/;
  var PROGRESS_INTERVAL_MS = 80;
  // Unpacked sizes of the big files, written by the build (scripts/bundle/wire.py): a compressed
  // response's Content-Length is not what the (decompressed) body stream counts.
  var SIZES = /*mingbai:sizes*/{};

  var nativeFetch = self.fetch ? self.fetch.bind(self) : null;
  var pyodideBase = null;      // absolute URL of assets/pyodide/
  var assetsBase = null;       // absolute URL of assets/
  var pyodide = null;
  var tried = {};              // policy id -> true once its data file was asked for
  var booting = null;          // Promise<run_json PyProxy>
  var runJson = null;
  var files = {};              // name -> {loaded, total}
  var lastProgress = 0;
  var queue = [];              // compute requests waiting for boot
  var fatal = null;

  function post(msg) {
    self.postMessage(msg);
  }

  function errorText(err) {
    if (!err) return "unknown error";
    var text = String(err.message || err);
    // Python tracebacks are long; their last line says what happened.
    // Pyodide appends a hint about pyodide.setDebug(), which says nothing.
    var lines = text.split("\n").filter(function (line) {
      return line.trim() && line.indexOf("pyodide.setDebug") < 0;
    });
    return (lines.length ? lines[lines.length - 1].trim() : text.trim()).slice(0, 300);
  }

  /* ---------- progress ---------- */

  function reportProgress(force) {
    var now = Date.now();
    if (!force && now - lastProgress < PROGRESS_INTERVAL_MS) return;
    lastProgress = now;
    var loaded = 0, total = 0, known = true;
    for (var name in files) {
      if (!Object.prototype.hasOwnProperty.call(files, name)) continue;
      loaded += files[name].loaded;
      if (files[name].total > 0) total += Math.max(files[name].total, files[name].loaded);
      else known = false;
    }
    post({ type: "progress", phase: "download", loaded: loaded, total: known ? total : 0 });
  }

  /* ---------- fetch shim for the two big files ---------- */

  function fileName(url) {
    return url.split(/[?#]/)[0].split("/").pop();
  }

  function requestURL(input) {
    if (typeof input === "string") return input;
    if (input && typeof input.href === "string") return input.href;   // URL object
    if (input && typeof input.url === "string") return input.url;     // Request
    return String(input);
  }

  function decodeBase64(text) {
    if (typeof Uint8Array.fromBase64 === "function") return Uint8Array.fromBase64(text);
    var bin = atob(text), bytes = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return bytes;
  }

  // {body: BodyInit, size} for an embedded file, or null when it is not embedded.
  function embedded(name) {
    var table = self.MINGBAI_EMBEDDED_ASSETS;
    if (!table || !Object.prototype.hasOwnProperty.call(table, name)) return null;
    var data = table[name];
    if (data && typeof data === "object" && typeof data.gzip === "string") {
      var packed = new Blob([decodeBase64(data.gzip)]);
      return { body: packed.stream().pipeThrough(new DecompressionStream("gzip")), size: data.size || 0 };
    }
    var bytes = typeof data === "string" ? decodeBase64(data)
      : (data instanceof Uint8Array ? data : new Uint8Array(data));
    return { body: bytes, size: bytes.byteLength };
  }

  function embeddedText(name) {
    var found = embedded(name);
    return found ? new Response(found.body).text() : null;   // a Promise: loadPyodide awaits it
  }

  function countingResponse(name, resp, size) {
    if (!resp.ok || !resp.body) return resp;
    var entry = files[name];
    entry.total = size || SIZES[name] ||
      (resp.headers.get("Content-Encoding") ? 0 : parseInt(resp.headers.get("Content-Length") || "0", 10)) || 0;
    reportProgress(true);
    var counter = new TransformStream({
      transform: function (chunk, ctrl) {
        entry.loaded += chunk.byteLength;
        reportProgress(false);
        ctrl.enqueue(chunk);
      },
      flush: function () {
        if (entry.total < entry.loaded) entry.total = entry.loaded;  // compressed Content-Length
        reportProgress(true);
      }
    });
    return new Response(resp.body.pipeThrough(counter), {
      status: resp.status,
      statusText: resp.statusText,
      headers: { "Content-Type": MIME[name] }   // instantiateStreaming needs application/wasm
    });
  }

  function shimmedFetch(input, init) {
    var url = requestURL(input);
    var name = fileName(url);
    if (!Object.prototype.hasOwnProperty.call(MIME, name) || !pyodideBase ||
        url.indexOf(pyodideBase) !== 0) {
      return nativeFetch(input, init);
    }
    files[name] = files[name] || { loaded: 0, total: 0 };
    var found = embedded(name);
    if (found) {
      var resp = new Response(found.body, { status: 200, headers: { "Content-Type": MIME[name] } });
      return Promise.resolve(countingResponse(name, resp, found.size));
    }
    return nativeFetch(input, init).then(function (resp) {
      return countingResponse(name, resp);
    });
  }

  /* ---------- per-policy data ---------- */

  function policyData() {
    self.MINGBAI_POLICY_DATA = self.MINGBAI_POLICY_DATA || {};
    return self.MINGBAI_POLICY_DATA;
  }

  // Load the data of these policies and of their series members; true when any was added.
  // A policy without a data file stays unknown: calc then answers with its own error.
  function loadPolicies(ids) {
    var data = policyData(), added = false, todo = [].concat(ids || []);
    while (todo.length) {
      var id = String(todo.shift());
      if (!Object.prototype.hasOwnProperty.call(data, id)) {
        if (tried[id] || !POLICY_ID.test(id)) continue;
        tried[id] = true;
        try {
          importScripts(assetsBase + "mingbai/data/" + id + ".js");
        } catch (err) {
          console.warn("[mingbai calc] no data for policy " + id);
          continue;
        }
        if (!Object.prototype.hasOwnProperty.call(data, id)) continue;
        added = true;
      }
      var members = (data[id].series && data[id].series.members) || [];
      for (var i = 0; i < members.length; i++) {
        if (!Object.prototype.hasOwnProperty.call(data, members[i]) && !tried[members[i]]) todo.push(members[i]);
      }
    }
    return added;
  }

  function writePolicyData(py) {
    py.FS.mkdirTree(POLICY_DATA_FILE.slice(0, POLICY_DATA_FILE.lastIndexOf("/")));
    py.FS.writeFile(POLICY_DATA_FILE, JSON.stringify({ format: 1, policies: policyData() }), { encoding: "utf8" });
  }

  /* ---------- boot ---------- */

  function writeCalcFiles(py, calcFiles) {
    var FS = py.FS;
    var names = Object.keys(calcFiles).sort();
    if (!names.length) throw new Error("calc-bundle.js defines no files");
    for (var i = 0; i < names.length; i++) {
      var path = CALC_ROOT + "/" + names[i];
      FS.mkdirTree(path.slice(0, path.lastIndexOf("/")));
      FS.writeFile(path, calcFiles[names[i]], { encoding: "utf8" });
    }
    // their bytecode (calc/__pycache__/*.pyc, compiled by the same engine: scripts/bundle/bytecode.py),
    // so importing calc compiles nothing; a pyc the engine cannot use is ignored for the source
    var pycs = self.MINGBAI_CALC_PYC || {};
    var compiled = Object.keys(pycs).sort();
    for (var j = 0; j < compiled.length; j++) {
      var pycPath = CALC_ROOT + "/" + compiled[j];
      FS.mkdirTree(pycPath.slice(0, pycPath.lastIndexOf("/")));
      FS.writeFile(pycPath, decodeBase64(pycs[compiled[j]]));
    }
  }

  function boot(assets, policies) {
    var t0 = performance.now();
    var timings = {};
    var lap = function (name) { timings[name] = Math.round(performance.now() - t0); };
    pyodideBase = assets + "pyodide/";
    assetsBase = assets;
    self.fetch = shimmedFetch;
    // Scripts already present (a self-contained Blob worker) are not fetched again.
    if (typeof self.loadPyodide !== "function") importScripts(pyodideBase + "pyodide.js");
    if (typeof self.loadPyodide !== "function") throw new Error("pyodide.js did not define loadPyodide");
    var options = {
      indexURL: pyodideBase,
      stdout: function () {},
      stderr: function (line) { console.warn("[mingbai calc] " + line); }
    };
    var lock = embeddedText("pyodide-lock.json");
    if (lock) options.lockFileContents = lock;
    // the standard library trimmed to what calc imports (scripts/bundle/trim_stdlib.py), unless only
    // the stock one is embedded (a file:// engine built without it)
    var table = self.MINGBAI_EMBEDDED_ASSETS || {};
    if (!table["python_stdlib.zip"] || table["python_stdlib_calc.zip"]) {
      options.stdLibURL = pyodideBase + "python_stdlib_calc.zip";
    }
    // loadPyodide() starts the wasm/stdlib downloads synchronously; fetch and
    // parse the calc bundle while they run.
    var loading = self.loadPyodide(options);
    if (!self.MINGBAI_CALC_FILES) importScripts(assets + "mingbai/calc-bundle.js");
    loadPolicies(policies);
    lap("scripts");
    if (!self.MINGBAI_CALC_FILES) throw new Error("calc-bundle.js did not define MINGBAI_CALC_FILES");
    return loading.then(function (py) {
      lap("pyodide");
      post({ type: "phase", phase: "start" });
      writeCalcFiles(py, self.MINGBAI_CALC_FILES);
      writePolicyData(py);
      pyodide = py;
      py.runPython(
        "import sys\n" +
        "sys.dont_write_bytecode = True\n" +   // nothing would ever read the .pyc again
        "sys.path.insert(0, " + JSON.stringify(CALC_ROOT) + ")\n" +
        "import calc\n"
      );
      // Kept for the worker's lifetime (a borrowed attribute dies with its parent proxy).
      var fn = py.runPython("calc.run_json");
      if (!fn) throw new Error("calc.run_json is missing");
      lap("calc");
      runJson = fn;
      post({ type: "ready", ms: timings.calc, timings: timings });
      return fn;
    });
  }

  function compute(req) {
    try {
      if (loadPolicies([req.policy])) {   // a policy the page did not announce
        writePolicyData(pyodide);
        pyodide.runPython("import calc.data\ncalc.data.load_policies.cache_clear()");
      }
      var t0 = performance.now();
      var inputs = JSON.stringify(req.inputs || {});
      var text = req.lang === "zh" || req.lang === "en"   // the form's language: its charts only, not both
        ? runJson(String(req.calc), String(req.policy), inputs, req.lang)
        : runJson(String(req.calc), String(req.policy), inputs);
      var t1 = performance.now();
      var result = JSON.parse(text);
      var t2 = performance.now();
      // at/done: absolute times (timeOrigin + now), comparable with the page's
      post({ type: "result", id: req.id, result: result,
             ms: { calc: t1 - t0, parse: t2 - t1, at: performance.timeOrigin + (req.at || t0),
                   done: performance.timeOrigin + t2 } });
    } catch (err) {
      post({ type: "error", id: req.id, fatal: false, message: errorText(err) });
    }
  }

  function failAll(err) {
    fatal = errorText(err);
    console.warn("[mingbai calc] engine failed to load:", err && err.message ? err.message : err);
    post({ type: "error", fatal: true, message: fatal });
    var waiting = queue;
    queue = [];
    for (var i = 0; i < waiting.length; i++) {
      post({ type: "error", id: waiting[i].id, fatal: true, message: fatal });
    }
  }

  // A wasm that cannot be fetched or instantiated ("wasm instantiation failed!") aborts inside a
  // promise nobody awaits: loadPyodide() then never settles. While booting, that is the engine failing.
  self.addEventListener("unhandledrejection", function (ev) {
    if (booting && !runJson && !fatal) failAll((ev && ev.reason) || new Error("the engine could not start"));
  });
  // Pyodide itself catches a wasm that does not compile, logs it and leaves loadPyodide() pending:
  // watch the compile calls, and fail unless another attempt (a fallback) follows within 2 s.
  (function watchWasm() {
    if (typeof WebAssembly !== "object") return;
    var failing = null;
    ["instantiateStreaming", "instantiate"].forEach(function (name) {
      var original = WebAssembly[name];
      if (typeof original !== "function") return;
      WebAssembly[name] = function () {
        clearTimeout(failing);
        var result = original.apply(WebAssembly, arguments);
        result.then(null, function (err) {
          if (runJson || fatal) return;
          failing = setTimeout(function () { if (!runJson && !fatal) failAll(err); }, 2000);
        });
        return result;
      };
    });
  })();

  self.onmessage = function (ev) {
    var msg = ev.data || {};
    if (msg.type === "init") {
      if (booting) return;
      try {
        booting = boot(String(msg.assets), msg.policies);
      } catch (err) {
        booting = Promise.reject(err);
      }
      booting.then(function () {
        var waiting = queue;
        queue = [];
        for (var i = 0; i < waiting.length; i++) compute(waiting[i]);
      }, failAll);
      return;
    }
    if (msg.id === undefined || msg.id === null) return;
    msg.at = performance.now();   // arrival, for the timings of the answer
    if (fatal) {
      post({ type: "error", id: msg.id, fatal: true, message: fatal });
    } else if (runJson) {
      compute(msg);
    } else {
      queue.push(msg);
    }
  };
})();
