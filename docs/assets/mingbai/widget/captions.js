/* Words about the inputs beside the result: the caption above it (.mb-note) and the note under
 * a field left empty. */
import { controlsOf, describedBy, ensureId } from "./dom.js";
import { changedFromDefaults, leftEmpty } from "./inputs.js";
import { exampleFields } from "./result-state.js";
import { TEXT, txt, uiText } from "./text.js";

/* The caption names the built-in example; once the inputs differ from the example's (the
   controls' default values) it would lie, so it says "your inputs". */
export function updateCaption(st) {
  if (!st.note) return;
  // "your inputs" only when no field still holds an example value (issue 20 item 3)
  var changed = changedFromDefaults(st);
  var text = !changed ? st.exampleCaption : (exampleFields(st).length ? uiText(st).mixedInputs : uiText(st).yourInputs);
  if (st.note.textContent !== text) st.note.textContent = text;
  st.note.setAttribute("data-caption", text === st.exampleCaption ? "example" : "inputs");
}

/* A field the reader empties is computed with calc's default (data-default, from describe()):
   say so under the field, or the answer would silently be for a value nobody entered. */
export function noteDefaults(st) {
  st.fields.forEach(function (field) {
    var def = field.getAttribute("data-default");
    var control = controlsOf(field)[0];
    if (def === null || !control) return;
    var note = field.querySelector(".mb-default-note");
    if (!leftEmpty(field)) {
      if (note) note.hidden = true;
      return;
    }
    if (!note) {
      note = document.createElement("p");
      note.className = "mb-default-note";
      note.id = ensureId(control, "mb-field") + "-default";
      var error = field.querySelector(".mb-error");
      field.insertBefore(note, error);
      describedBy(control, note.id, true);
    }
    var zh = txt(st, TEXT.zh.leftEmpty.replace("{value}", def));
    var en = TEXT.en.leftEmpty.replace("{value}", def);
    note.textContent = st.lang === "en" ? en : zh + " " + en;
    note.hidden = false;
  });
}
