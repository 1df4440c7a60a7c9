/* Respect the reader's data: the engine boots on idle only when nothing is to be downloaded
 * (file:// bundle) or the browser says the connection is fast, is not cellular, the page's own
 * downloads came fast (measured) and the reader has not asked to save data (navigator.connection;
 * browsers without it count as unknown, so not fast).
 * Otherwise it waits for an interaction with a form or the "turn on live calculation"
 * button, which says how much it downloads. The prerendered answer is shown meanwhile. */
import { ENGINE_BYTES, IDLE_BOOT, IDLE_TIMEOUT } from "./config.js";
import { boot } from "./engine.js";
import { state } from "./state.js";
import { formatMB } from "./status.js";
import { uiText } from "./text.js";

// Below this measured rate the engine waits for the reader (bytes per second; 4 Mbit/s: the ~3 MB engine in
// about 6 s). Chromium says "4g" at 1.6 Mbit/s (issue 20 item 8), so its word is not enough.
var FAST_ENOUGH = 500000;
var MEASURABLE = 20000;   // responses smaller than this are mostly latency: they say nothing about the rate

/* The rate this page's own downloads came at (Resource Timing: bytes on the wire over the time the body took),
   from the largest response fetched over the network (not a cache hit); null when none is measurable. */
export function measuredRate() {
  if (!window.performance || !performance.getEntriesByType) return null;
  var entries = performance.getEntriesByType("navigation").concat(performance.getEntriesByType("resource"));
  var best = null;
  entries.forEach(function (e) {
    if (!(e.transferSize > MEASURABLE) || !(e.responseEnd > e.requestStart)) return;
    if (!best || e.transferSize > best.transferSize) best = e;
  });
  if (!best) return null;
  // from the request, not the first byte: a slow link also delays the first byte of a small file
  return best.transferSize / Math.max(1, best.responseEnd - best.requestStart) * 1000;
}

function bootsOnIdle() {
  if (!IDLE_BOOT) return false;
  if (window.MINGBAI_WORKER_SOURCE) return true;
  var conn = navigator.connection;
  if (!conn || conn.saveData) return false;
  if (conn.type === "cellular") return false;   // metered: the reader decides
  var rate = measuredRate();
  if (rate !== null && rate < FAST_ENOUGH) return false;
  // effectiveType too: Chromium adds noise to downlink (1.5 ± 10 % before it has measured anything)
  return conn.effectiveType === "4g";
}

export function addLiveButton(st) {
  if (!st.status || state.engine !== "idle" || st.liveButton || bootsOnIdle()) return;
  var t = uiText(st);
  var button = document.createElement("button");
  button.type = "button";
  button.className = "mb-live mb-share-button";   // looks like "复制链接"
  button.textContent = t.turnOn + (ENGINE_BYTES ? t.downloads.replace("{mb}", formatMB(ENGINE_BYTES)) : "");
  button.addEventListener("click", function () { boot(st); });
  st.status.parentNode.insertBefore(button, st.status);
  st.liveButton = button;   // removed once the engine starts (engine.js setEngine)
}

export function scheduleIdleBoot() {
  if (state.worker || !state.forms.length || !bootsOnIdle()) return;
  if (window.requestIdleCallback) {
    window.requestIdleCallback(function () { boot(); }, { timeout: IDLE_TIMEOUT });
  } else {
    setTimeout(function () { boot(); }, IDLE_TIMEOUT);
  }
}
