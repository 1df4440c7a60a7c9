/* Respect the reader's data: the engine boots on idle only when nothing is to be downloaded
 * (file:// bundle) or the browser says the connection is fast and the reader has not asked to
 * save data (navigator.connection; browsers without it count as unknown, so not fast).
 * Otherwise it waits for an interaction with a form or the "turn on live calculation"
 * button, which says how much it downloads. The prerendered answer is shown meanwhile. */
import { ENGINE_BYTES, IDLE_BOOT, IDLE_TIMEOUT } from "./config.js";
import { boot } from "./engine.js";
import { state } from "./state.js";
import { formatMB } from "./status.js";
import { uiText } from "./text.js";

function bootsOnIdle() {
  if (!IDLE_BOOT) return false;
  if (window.MINGBAI_WORKER_SOURCE) return true;
  var conn = navigator.connection;
  if (!conn || conn.saveData) return false;
  // effectiveType only: Chromium adds noise to downlink (1.5 ± 10 % before it has measured anything)
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
