/* The engine's state in each form's status line (.mb-status): loading with a byte counter,
 * starting, ready, or failed with a "try again" button. Form attribute: data-mb-state. */
import { ENGINE_BYTES } from "./config.js";
import { clearChildren } from "./dom.js";
import { state } from "./state.js";
import { TEXT, txt, uiText } from "./text.js";

export function formatMB(bytes) {
  return (bytes / 1e6).toFixed(1);
}

// retry(st): what the "try again" button does (engine.js retryEngine)
export function renderStatus(st, retry) {
  var status = st.status;
  if (!status) return;
  var t = uiText(st);
  var progress = state.progress;
  if (state.engine === "error") {
    var detail = state.engineError ? "（" + state.engineError + "）" : "";
    var detailEn = state.engineError ? " (" + state.engineError + ")" : "";
    var zhText = TEXT.zh.failed + detail + "。" + TEXT.zh.unavailable + "：" + TEXT.zh.showingExample + "。";
    var enText = TEXT.en.failed + detailEn + ". " + TEXT.en.unavailable + ": " + TEXT.en.showingExample + ".";
    status.textContent = st.lang === "en" ? enText + " " + zhText : txt(st, zhText) + " " + enText;
    status.classList.add("mb-engine-error");
    var button = document.createElement("button");
    button.type = "button";
    button.className = "mb-retry mb-share-button";
    button.textContent = st.lang === "en" ? TEXT.en.retry : txt(st, TEXT.zh.retry) + " / " + TEXT.en.retry;
    button.addEventListener("click", function () { retry(st); });
    status.appendChild(document.createTextNode(" "));
    status.appendChild(button);
    return;
  }
  status.classList.remove("mb-engine-error");
  if (state.engine === "loading") {
    if (progress.phase === "start") {
      status.textContent = t.starting;
      return;
    }
    // Live region text changes only when the phase does; the byte counter
    // and bar are aria-hidden so screen readers are not flooded.
    if (!st.progressEl) {
      clearChildren(status);
      status.appendChild(document.createTextNode(t.loading + " "));
      st.progressEl = document.createElement("span");
      st.progressEl.className = "mb-progress";
      st.progressEl.setAttribute("aria-hidden", "true");
      st.barEl = document.createElement("progress");
      st.barEl.className = "mb-progress-bar";
      st.barEl.setAttribute("aria-hidden", "true");
      st.barEl.max = 1;
      status.appendChild(st.progressEl);
      status.appendChild(st.barEl);
    }
    // the worker counts unpacked bytes; a reader is told what the wire sends (issue 20 item 6): the share
    // loaded of the build's measured compressed size, the figure the "turn on" button gave
    var counter = progress.total > 0 && ENGINE_BYTES
      ? formatMB(ENGINE_BYTES * Math.min(1, progress.loaded / progress.total)) + "/" + formatMB(ENGINE_BYTES) + " " + t.mb
      : progress.total > 0
      ? formatMB(progress.loaded) + "/" + formatMB(progress.total) + " " + t.mb
      : (progress.loaded > 0 ? formatMB(progress.loaded) + " " + t.mb : "…");
    st.progressEl.textContent = counter;
    if (progress.total > 0) st.barEl.value = Math.min(1, progress.loaded / progress.total);
    return;
  }
  st.progressEl = st.barEl = null;
  if (state.engine === "ready") status.textContent = t.ready;
}
