/* The one engine the page's forms share: a Web Worker (assets/mingbai/calc-worker.js) that runs
 * the Python calc package in Pyodide and answers with the calc.run JSON. Its start, its messages,
 * its failure (then each form shows its worked example) and a retry.
 *
 * Page hooks (file:// builds, tests):
 *   window.MINGBAI_WORKER_SOURCE = "<worker source>" | ["<part>", …]
 *                                   use a Blob worker instead of a URL (parts are concatenated)
 *   window.MINGBAI_NATIVE_WORKER = Worker   the browser's Worker, saved before a file://
 *                                   shim (iframe-worker, for the theme's search) replaced it
 */
import { ANSWER_TIMEOUT, STALL_TIMEOUT } from "./config.js";
import { mark } from "./dom.js";
import { collect } from "./inputs.js";
import { applyResult, showErrors, showExample } from "./results.js";
import {
  engineFailedState, newRequest, resetEngine, setEngineState, setPhase, setProgress, setStallTimer, startWorker, state, takeRequest
} from "./state.js";
import { renderStatus } from "./status.js";
import { TEXT } from "./text.js";

export function setEngine(engine) {
  setEngineState(engine);
  state.forms.forEach(function (st) {
    st.form.setAttribute("data-mb-state", engine);
    if (engine !== "loading") st.progressEl = null;
    if (engine !== "idle" && st.liveButton) {
      st.liveButton.remove();
      st.liveButton = null;
    }
    showStatus(st);
  });
}

// the form's status line, with the engine's retry
export function showStatus(st) {
  renderStatus(st, retryEngine);
}

function assetsURL(st) {
  var attr = st.form.getAttribute("data-assets") || "assets/";
  if (attr.charAt(attr.length - 1) !== "/") attr += "/";
  return new URL(attr, document.baseURI).href;
}

function engineFailed(message) {
  var worker = engineFailedState(message);
  state.forms.forEach(function (st) {
    st.busy = false;
    st.pending = false;
    showExample(st);
  });
  setEngine("error");
  if (worker) {
    try { worker.terminate(); } catch (e) { /* ignore */ }
  }
}

function retryEngine(st) {
  if (state.engine !== "error") return;
  resetEngine();
  state.forms.forEach(function (f) { f.pending = true; });   // each form asks again once the engine is ready
  boot(st);
}

// While loading, every message from the worker re-arms the watchdog.
function armStallTimer() {
  if (state.engine !== "loading") {
    setStallTimer(null);
    return;
  }
  setStallTimer(function () {
    if (state.engine === "loading") engineFailed("no answer from the engine for " + STALL_TIMEOUT / 1000 + " s");
  }, STALL_TIMEOUT);
}

function onWorkerMessage(ev) {
  var msg = ev.data || {};
  armStallTimer();
  if (msg.type === "progress") {
    setProgress(msg.loaded || 0, msg.total || 0, "download");
    if (state.engine === "loading") state.forms.forEach(showStatus);
  } else if (msg.type === "phase") {
    setPhase(msg.phase);
    if (state.engine === "loading") state.forms.forEach(showStatus);
  } else if (msg.type === "ready") {
    mark("mingbai:ready");
    window.MingbaiWidget.timings = msg.timings || null;
    setEngine("ready");
    state.forms.forEach(function (st) { if (st.pending && !st.busy) send(st); });
  } else if (msg.type === "result" || msg.type === "error") {
    if (msg.type === "error" && msg.fatal) {
      if (state.engine !== "error") engineFailed(msg.message);
      if (msg.id === undefined) return;
    }
    var st = takeRequest(msg.id);
    if (!st) return;
    st.busy = false;
    if (msg.id === st.lastSent && !st.pending) {
      st.shownKey = st.sentKey;
      st.shownOk = msg.type === "result" && !!msg.result && msg.result.ok === true;
      if (msg.type === "result") applyResult(st, msg.result);
      else if (!msg.fatal) {
        showErrors(st, [{
          field: null,
          message_zh: TEXT.zh.computeFailed + "：" + msg.message,
          message_en: TEXT.en.computeFailed + ": " + msg.message
        }]);
      }
    }
    if (st.pending && state.engine === "ready") send(st);
  }
}

function createWorker(assets) {
  var NativeWorker = window.MINGBAI_NATIVE_WORKER || window.Worker;
  var source = window.MINGBAI_WORKER_SOURCE;
  if (source) {
    var blob = new Blob([].concat(source).map(function (part) { return part + "\n;\n"; }),
                        { type: "text/javascript" });
    return new NativeWorker(URL.createObjectURL(blob));
  }
  return new NativeWorker(assets + "mingbai/calc-worker.js");
}

// Start the engine (once; again only through retryEngine). st: the form asking, else the first.
export function boot(st) {
  if (state.worker || state.engine === "error") return;
  st = st || state.forms[0];
  if (!st) return;
  mark("mingbai:boot");
  var assets = assetsURL(st);
  var worker;
  try {
    worker = createWorker(assets);
  } catch (err) {
    engineFailed(err && err.message ? err.message : String(err));
    return;
  }
  startWorker(worker);
  setEngine("loading");
  worker.onmessage = onWorkerMessage;
  worker.onerror = function (ev) {
    if (ev && ev.preventDefault) ev.preventDefault();
    engineFailed((ev && ev.message) || "worker script failed to load (" + assets + "mingbai/calc-worker.js)");
  };
  worker.onmessageerror = function () {
    engineFailed("message could not be decoded");
  };
  // the page's policies: the worker loads their data (and their series') with the engine
  var policies = state.forms.map(function (f) { return f.form.getAttribute("data-policy"); })
    .filter(function (p, i, all) { return p && all.indexOf(p) === i; });
  worker.postMessage({ type: "init", assets: assets, policies: policies });
  armStallTimer();
}

/* Send the form's inputs. At most one request per form is in flight; while it is, only the
   latest inputs wait (st.pending). Answers to anything but the last request sent are dropped
   (sequence ids), so a slow answer never overwrites a newer one. */
export function send(st) {
  var inputs = collect(st);
  st.pending = false;
  st.busy = true;
  st.sentKey = JSON.stringify(inputs);
  var id = newRequest(st);
  st.lastSent = id;
  setTimeout(function () {   // a worker that died after "ready" answers nothing, and says nothing
    if (state.inflight[id] === st && state.engine === "ready") engineFailed("the engine stopped answering");
  }, ANSWER_TIMEOUT);
  state.worker.postMessage({
    id: id,
    calc: st.form.getAttribute("data-calc"),
    policy: st.form.getAttribute("data-policy"),
    inputs: inputs,
    lang: st.lang   // calc draws the charts in the form's language only (zh-Hant forms: zh, converted)
  });
}
