/* Set-up: each <form class="mb-calc"> gets its state object (form.__mingbai), share button,
 * "turn on live calculation" button, the link's inputs and its event handlers. */
import { addLiveButton, scheduleIdleBoot } from "./connection.js";
import { $all } from "./dom.js";
import { boot, showStatus } from "./engine.js";
import { changedFromDefaults, collect } from "./inputs.js";
import { request } from "./requests.js";
import { showResultState } from "./result-state.js";
import { addShare, prefill } from "./share.js";
import { absoluteSnippet } from "./snippets.js";
import { addForm, dropDetachedForms, state } from "./state.js";
import { langOf } from "./text.js";

function enhance(form) {
  if (form.__mingbai) return;
  var st = {
    form: form,
    lang: langOf(form),
    hant: form.getAttribute("data-lang") === "zh-Hant",
    fields: $all(form, ".mb-field[data-field][data-type]"),
    status: form.querySelector(".mb-status"),
    result: form.querySelector(".mb-result"),
    steps: form.querySelector("ol.mb-steps"),
    note: form.querySelector(".mb-note"),
    headline: form.querySelector(".mb-headline"),
    exampleCaption: null,
    pending: false,
    busy: false,
    lastSent: 0,
    sentKey: null,
    shownKey: null,        // inputs whose answer the page shows (prerender: the defaults)
    shownOk: true,
    progressEl: null,
    barEl: null
  };
  if (st.note) st.exampleCaption = st.note.textContent;
  form.__mingbai = st;
  st.exampleResult = st.result && st.result.cloneNode(true);   // the worked example, shown again if the engine fails
  st.exampleSteps = st.steps && st.steps.cloneNode(true);
  st.exampleHeadline = st.headline ? st.headline.textContent : null;
  addForm(st);
  addShare(st);
  addLiveButton(st);
  prefill(st);
  form.setAttribute("data-mb-state", state.engine);
  if (state.engine !== "idle") showStatus(st);

  var wake = function () { if (!state.worker) boot(st); };
  form.addEventListener("focusin", wake);
  form.addEventListener("pointerdown", wake);
  var edited = function (ev) {
    var field = ev.target && ev.target.closest && ev.target.closest(".mb-field");
    if (!field) return;
    if (st.shared) delete st.shared[field.getAttribute("data-field")];   // the reader's value now
    st.edited = true;
    request(st);
  };
  form.addEventListener("input", edited);
  form.addEventListener("change", edited);
  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    request(st);
  });
  // Restored form state (back/forward, autofill) may not match the prerender.
  if (changedFromDefaults(st) || st.shared) request(st);
  else {
    st.shownKey = JSON.stringify(collect(st));
    showResultState(st, "example");   // the prerendered answer is the worked example's, said at the result
  }
}

export function scan(root) {
  $all(root || document, "code.mb-embed-code").forEach(absoluteSnippet);
  $all(root || document, "form.mb-calc").forEach(enhance);
  dropDetachedForms();
  scheduleIdleBoot();
}
