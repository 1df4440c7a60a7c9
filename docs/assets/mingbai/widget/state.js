/* The state the modules share: the page's forms and the one engine (worker) they use.
 *
 * Its one writer is this module: the others read `state` and change it only through the functions
 * below, each one named transition (tests/test_widget_state.py checks that no other module assigns
 * to it). A form's own state object (forms.js enhance) is the form's, not shared. */
export var state = {
  forms: [],               // per-form state objects (forms.js enhance)
  worker: null,
  engine: "idle",          // idle | loading | ready | error
  engineError: "",
  progress: { loaded: 0, total: 0, phase: "" },
  nextId: 1,
  inflight: {},            // request id -> form state
  stallTimer: null
};

export function addForm(st) {
  state.forms.push(st);
}

// forms a page script removed since the last scan
export function dropDetachedForms() {
  state.forms = state.forms.filter(function (st) { return st.form.isConnected !== false; });
}

export function setEngineState(engine) {
  state.engine = engine;
}

// a new worker, loading: the download counter starts again
export function startWorker(worker) {
  state.worker = worker;
  state.progress = { loaded: 0, total: 0, phase: "download" };
}

export function setProgress(loaded, total, phase) {
  state.progress = { loaded: loaded, total: total, phase: phase };
}

export function setPhase(phase) {
  state.progress = { loaded: state.progress.loaded, total: state.progress.total, phase: phase };
}

/* The engine failed: its message kept (short), no watchdog, no request waiting for an answer.
   Returns the worker to stop. */
export function engineFailedState(message) {
  state.engineError = String(message || "").slice(0, 300);
  clearTimeout(state.stallTimer);
  state.inflight = {};
  return state.worker;
}

// after a failure, before booting again
export function resetEngine() {
  state.worker = null;
  state.engineError = "";
  state.engine = "idle";
}

export function setStallTimer(callback, ms) {
  clearTimeout(state.stallTimer);
  state.stallTimer = callback ? setTimeout(callback, ms) : null;
}

// A request from the form st: its id, the answer expected under it
export function newRequest(st) {
  var id = state.nextId++;
  state.inflight[id] = st;
  return id;
}

// The form waiting for answer id (or undefined), no longer waiting
export function takeRequest(id) {
  var st = state.inflight[id];
  delete state.inflight[id];
  return st;
}
