/* Whose answer the result is (issue 20 item 3): a line of text at the result, announced (aria-live),
 * saying whether it is the worked example, being recomputed, not for these inputs (an error, named by
 * its field), the reader's own, or the reader's mixed with example values still in the form. Fields
 * that still hold the example's value say "example value" beside them until the reader changes them.
 * Words only: no figure is touched here. */
import { controlsOf } from "./dom.js";
import { readField, sameValue } from "./form-fields.js";
import { uiText } from "./text.js";

var PREFILLED = ["integer", "money", "date", "month_list", "integer_list"];

/* Fields still holding the example's (non-empty) value: values the reader did not give. */
export function exampleFields(st) {
  return st.fields.filter(function (field) {
    if (PREFILLED.indexOf(field.getAttribute("data-type")) === -1) return false;
    var built = readField(field, true);
    return !!built && typeof built.value === "string" && built.value.trim() !== "" && sameValue(readField(field), built);
  });
}

function lineOf(st) {
  if (st.stateLine) return st.stateLine;
  var el = document.createElement("p");
  el.className = "mb-result-state";
  el.setAttribute("role", "status");
  el.setAttribute("aria-live", "polite");
  var anchor = st.note || st.headline || st.result;
  if (anchor && anchor.parentNode) anchor.parentNode.insertBefore(el, anchor);
  else st.form.appendChild(el);
  st.stateLine = el;
  return el;
}

/* The "example value" tags beside fields; they go once the reader changes the field. */
export function markExamples(st) {
  var words = uiText(st).exampleValue;
  var still = exampleFields(st);
  st.fields.forEach(function (field) {
    var tag = field.querySelector(".mb-example-tag");
    var on = still.indexOf(field) !== -1;
    if (on && !tag) {
      tag = document.createElement("span");
      tag.className = "mb-example-tag";
      tag.textContent = words;
      var label = field.querySelector("label, .mb-label");
      if (label && label.parentNode === field) label.insertAdjacentElement("afterend", tag);
      else field.insertBefore(tag, field.firstChild);
    }
    if (tag) tag.hidden = !on;
  });
}

function labelOf(field) {
  var label = field.querySelector("label, .mb-label");
  var control = controlsOf(field)[0];
  return ((label && label.firstChild && label.firstChild.textContent) || (control && control.name) || "").trim();
}

/* kind: example | loading | invalid | shown (an answer for the current inputs) | unavailable */
export function showResultState(st, kind) {
  var t = uiText(st);
  var text;
  if (kind === "loading") text = t.stateLoading;
  else if (kind === "invalid") {
    var bad = st.fields.filter(function (f) { return controlsOf(f).some(function (c) { return c.getAttribute("aria-invalid") === "true"; }); });
    text = t.stateInvalid + (bad.length ? t.stateInvalidAt.replace("{fields}", bad.map(labelOf).join(st.lang === "en" ? ", " : "、")) : "");
  } else if (kind === "unavailable") text = t.stateExampleOnly;
  else if (kind === "example") text = t.stateExample;
  else {
    var still = exampleFields(st);
    text = still.length === 0 ? t.yourInputs + (st.lang === "en" ? "." : "。")
      : still.length === st.fields.filter(function (f) { return PREFILLED.indexOf(f.getAttribute("data-type")) !== -1; }).length && !st.edited
        ? t.stateExample
        : t.stateMixed.replace("{fields}", still.map(labelOf).join(st.lang === "en" ? ", " : "、"));
  }
  var el = lineOf(st);
  if (el.textContent !== text) el.textContent = text;
  el.setAttribute("data-state", kind === "shown" ? (exampleFields(st).length ? "mixed" : "yours") : kind);
  st.form.setAttribute("data-mb-result", el.getAttribute("data-state"));
  markExamples(st);
}
