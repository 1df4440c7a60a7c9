/* The state the modules share: the page's forms and the one engine (worker) they use. */
export var state = {
  forms: [],               // per-form state objects (forms.js enhance)
  worker: null,
  engine: "idle",          // idle | loading | ready | error
  engineError: "",
  progress: { loaded: 0, total: 0, phase: "" },
  nextId: 1,
  inflight: {},            // request id -> form state
  stallTimer: null,
  firstResultMarked: false
};
