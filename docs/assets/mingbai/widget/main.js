/* Mingbai calculator widget: the entry of widget.js (scripts/bundle/widget_bundle.py bundles these
 * modules into the one classic script pages load).
 *
 * Enhances every <form class="mb-calc"> (markup: ARCHITECTURE.md, "Widget").
 * The prerendered page already shows the default result; this script only
 * makes it live: one shared Web Worker (assets/mingbai/calc-worker.js) runs
 * the Python calc package in Pyodide and answers with the calc.run JSON.
 * Strings from that JSON are placed with textContent; no arithmetic here.
 *
 *   config.js       page hooks (MINGBAI_WIDGET_CONFIG), timeouts, the engine's size
 *   form-fields.js  the one reader (and writer) of form controls, per input type
 *   inputs.js       what calc gets; "still the example's inputs?"
 *   engine.js       the worker: start, messages, failure, retry; sending inputs
 *   requests.js     what an edit does
 *   results.js      calc's answer, errors and the worked example in the form (errors.js)
 *   captions.js     the caption above the result, the "left empty" notes
 *   result-state.js whose answer the result is (example, loading, invalid, yours, mixed), said at it
 *   status.js       the status line; connection.js: when the engine starts
 *   share.js        shareable links; snippets.js: embed snippets
 *   forms.js        set-up of each form; dom.js: shared helpers
 *   text.js         the widget's words (scripts/site/ui_words.json, bundled) and the form's language
 *   state.js        the state the modules share, and its one writer (named transitions)
 *
 * Public object: window.MingbaiWidget {scan, boot, state, timings, shareURL}
 * Form attribute set here: data-mb-state = idle | loading | ready | error
 * Performance marks: mingbai:boot, mingbai:ready, mingbai:first-result
 */
"use strict";   // modules are strict; this keeps the bundle (a classic script) strict too
import { boot } from "./engine.js";
import { scan } from "./forms.js";
import { shareURL } from "./share.js";
import { state } from "./state.js";

function start() {
  window.MingbaiWidget = {
    scan: scan,
    boot: function () { boot(); },
    shareURL: function (form) { return form && form.__mingbai ? shareURL(form.__mingbai) : null; },
    state: function () { return state.engine; },
    timings: null            // worker boot breakdown (ms), set when the engine is ready
  };

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { scan(); });
  } else {
    scan();
  }
  // mkdocs-material instant navigation swaps page content without reloading.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(function () { scan(); });
  }
}

if (!window.MingbaiWidget) start();
