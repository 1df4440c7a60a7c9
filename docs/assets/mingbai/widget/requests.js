/* What an edit does: notes and caption follow the inputs at once; the result is marked stale
 * until calc's answer for them arrives (engine.js send). */
import { noteDefaults, updateCaption } from "./captions.js";
import { boot, send } from "./engine.js";
import { collect } from "./inputs.js";
import { setStale } from "./results.js";
import { state } from "./state.js";

export function request(st) {
  noteDefaults(st);
  updateCaption(st);
  var key = JSON.stringify(collect(st));
  if (st.busy) {
    // the in-flight request already carries exactly these inputs?
    st.pending = key !== st.sentKey;
    setStale(st, true);
    return;
  }
  if (key === st.shownKey) {
    // e.g. a change event after input, or typing back the shown value
    st.pending = false;
    setStale(st, !st.shownOk, st.shownOk ? null : "invalid");
    return;
  }
  // The shown result no longer matches the inputs until an answer arrives.
  setStale(st, true);
  st.pending = true;
  if (state.engine === "error") return;
  if (!state.worker) boot(st);
  if (state.engine === "ready") send(st);
  // else: sent when the engine is ready (latest inputs only)
}
