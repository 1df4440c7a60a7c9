/* The page's hooks (tests, benchmarks, file:// builds) and the timing policy they tune.
 *   window.MINGBAI_WIDGET_CONFIG = {idleBoot: false, idleTimeout: 2000, stallTimeout, answerTimeout, engineBytes}
 */
var config = window.MINGBAI_WIDGET_CONFIG || {};

export var IDLE_TIMEOUT = typeof config.idleTimeout === "number" ? config.idleTimeout : 2000;
export var IDLE_BOOT = config.idleBoot !== false;
// An engine that goes quiet is a failed engine: a worker that died answers nothing. How long
// silence may last while loading (a backstop: compiling the wasm on a slow phone is silent for
// a while; calc-worker.js reports a wasm that fails at once) and for one calculation (milliseconds).
export var STALL_TIMEOUT = typeof config.stallTimeout === "number" ? config.stallTimeout : 60000;
export var ANSWER_TIMEOUT = typeof config.answerTimeout === "number" ? config.answerTimeout : 10000;
// What the engine downloads at most, in bytes: the build writes the figure over the placeholder
// in the site's widget.js (scripts/bundle/wire.py stamp_engine_bytes).
export var ENGINE_BYTES = config.engineBytes || /*mingbai:engine-bytes*/0;
