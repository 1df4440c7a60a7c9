/* A form's inputs as calc gets them, and whether they still are the worked example's.
 * What is sent (ARCHITECTURE.md): raw strings (trimmed; blanks left out), booleans, lists. */
import { has } from "./dom.js";
import { readField, sameValue } from "./form-fields.js";

// type=number/date hide unparsable text as "" (validity.badInput): send a placeholder calc
// rejects, so the user sees calc's message rather than a result silently computed from the default.
var BAD_INPUT = "?";

export function collect(st) {
  var inputs = {};
  st.fields.forEach(function (field) {
    var name = field.getAttribute("data-field");
    var reading = readField(field);
    if (!name || !reading) return;
    if (st.shared && has(st.shared, name)) {
      inputs[name] = st.shared[name];   // a link's value no control could hold: calc names the error
      return;
    }
    var value = reading.value;
    if (typeof value !== "string") {
      inputs[name] = value;             // a list or a boolean, as it is
      return;
    }
    if (!value && reading.badInput) value = BAD_INPUT;
    value = value.trim();
    // a printed date reads YYYY-MM-DD, not the browser's 04/01/2023 (print.css shows this in the control's place)
    if (field.getAttribute("data-type") === "date") field.setAttribute("data-print-value", value);
    if (value !== "") inputs[name] = value;
  });
  return inputs;
}

// The inputs are no longer the ones the page was built with (its worked example).
export function changedFromDefaults(st) {
  return st.fields.some(function (field) {
    return !sameValue(readField(field), readField(field, true));
  });
}

/* A field the reader has emptied (not one holding text a number field cannot parse). */
export function leftEmpty(field) {
  var reading = readField(field);
  return !!reading && typeof reading.value === "string" && reading.value.trim() === "" && !reading.badInput;
}
