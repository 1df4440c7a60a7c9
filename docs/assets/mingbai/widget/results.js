/* calc's answer in the form: outputs, headline, folded rows, steps and charts, placed with
 * textContent (charts parsed as SVG); errors; the "stale" mark while the result shown is not for
 * the inputs; and the worked example again when there is no engine. No arithmetic here. */
import { updateCaption } from "./captions.js";
import { $all, clearChildren, has, mark } from "./dom.js";
import { changedFromDefaults } from "./inputs.js";
import { clearErrors, placeErrors } from "./errors.js";
import { showResultState } from "./result-state.js";
import { TEXT, other, txt } from "./text.js";

var firstResultMarked = false;   // the page's first live result is marked once (mingbai:first-result)

/* kind (optional): the words at the result — loading (the default when stale), invalid, unavailable;
   not stale: the answer is for the current inputs (the reader's, or mixed with example values). */
export function setStale(st, stale, kind) {
  [st.result, st.steps, st.headline].forEach(function (el) {
    if (el) el.classList.toggle("mb-stale", stale);
  });
  showResultState(st, kind || (stale ? "loading" : (changedFromDefaults(st) ? "shown" : "example")));
}

// calc's errors in place of a result: the result shown is not for these inputs
export function showErrors(st, errors) {
  placeErrors(st, errors);
  setStale(st, true, "invalid");
}

function displayText(value, lang) {
  if (value === null || value === undefined) return "—";
  if (typeof value === "object") {
    var v = value[lang];
    if (v === undefined || v === null) v = value[other(lang)];
    return v === undefined || v === null ? "—" : String(v);
  }
  return String(value);
}

/* Charts are SVG text drawn by calc (the same code drew the prerendered one).
   Parsed as XML, never as HTML: no script runs, malformed text is ignored. On a 繁體 form calc's
   zh chart is shown converted, and marked so (as the build marks the prerendered one). */
function placeSvg(el, text, hant) {
  var doc = new DOMParser().parseFromString(text, "image/svg+xml");
  var root = doc.documentElement;
  if (!root || root.nodeName !== "svg" || doc.getElementsByTagName("parsererror").length) return;
  if (hant && root.getAttribute("lang") === "zh") root.setAttribute("lang", "zh-Hant");
  clearChildren(el);
  el.appendChild(document.importNode(root, true));
}

// res: calc.run's JSON
export function applyResult(st, res) {
  st.form.removeAttribute("data-mb-showing");
  if (!res || res.ok !== true) {
    showErrors(st, res && res.errors && res.errors.length ? res.errors : [{
      field: null,
      message_zh: TEXT.zh.computeFailed + "。",
      message_en: TEXT.en.computeFailed + "."
    }]);
    return;
  }
  var display = res.display || {};
  var result = res.result || {};
  updateCaption(st);
  $all(st.form, "[data-output]").forEach(function (el) {
    var name = el.getAttribute("data-output");
    var value = has(display, name) ? display[name] : (has(result, name) ? result[name] : undefined);
    el.textContent = txt(st, displayText(value, st.lang));
  });
  // the answer in one line and the rows that apply: both decided by calc (headline, folded)
  if (st.headline && res.headline) st.headline.textContent = txt(st, displayText(res.headline, st.lang));
  if (res.folded) {
    $all(st.form, ".mb-out[data-name]").forEach(function (row) {
      row.hidden = res.folded.indexOf(row.getAttribute("data-name")) !== -1;
    });
  }
  if (st.steps) {
    var frag = document.createDocumentFragment();
    (res.steps || []).forEach(function (step) {
      var li = document.createElement("li");
      li.textContent = txt(st, displayText(step, st.lang));
      if (step && step.id) li.setAttribute("data-step", String(step.id));
      frag.appendChild(li);
    });
    clearChildren(st.steps);
    st.steps.appendChild(frag);
  }
  var charts = res.charts || {};
  $all(st.form, "[data-chart]").forEach(function (el) {
    var name = el.getAttribute("data-chart");
    if (has(charts, name)) placeSvg(el, txt(st, displayText(charts[name], st.lang)), st.hant);
  });
  clearErrors(st);
  setStale(st, false);
  if (!firstResultMarked) {
    firstResultMarked = true;
    mark("mingbai:first-result");
  }
}

/* Without an engine the form shows the worked example it was built with (kept at start), marked
   so — stale too when the reader's inputs differ, since it is not their answer. */
export function showExample(st) {
  [[st.result, st.exampleResult], [st.steps, st.exampleSteps]].forEach(function (pair) {
    if (!pair[0] || !pair[1]) return;
    clearChildren(pair[0]);
    Array.prototype.forEach.call(pair[1].childNodes, function (n) { pair[0].appendChild(n.cloneNode(true)); });
  });
  clearErrors(st);
  st.form.setAttribute("data-mb-showing", "example");
  if (st.note && st.exampleCaption) st.note.textContent = st.exampleCaption;
  if (st.headline && st.exampleHeadline !== null) st.headline.textContent = st.exampleHeadline;
  setStale(st, changedFromDefaults(st), "unavailable");
  st.shownKey = null;
}
