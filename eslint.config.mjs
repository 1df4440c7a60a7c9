// ESLint flat config: the site's scripts (browser) and the Node tools. tests/test_js_lint.py runs
// `eslint` on docs/assets/mingbai/ and scripts/ (so `make test` does); versions pinned in package.json.
import js from "@eslint/js";
import globals from "globals";

export default [
  js.configs.recommended,
  {
    // the site's assets: classic scripts, each its own IIFE, for browsers since ES2017
    files: ["docs/assets/mingbai/*.js"],
    languageOptions: { ecmaVersion: 2017, sourceType: "script", globals: { ...globals.browser } }
  },
  {
    // ES2017 has no `catch {}`: a catch must name the error it ignores (`catch (e) { /* ignore */ }`)
    files: ["docs/assets/mingbai/**/*.js"],
    rules: { "no-unused-vars": ["error", { caughtErrors: "none" }] }
  },
  {
    // the calculator worker (Pyodide in a Web Worker; importScripts, self)
    files: ["docs/assets/mingbai/calc-worker.js"],
    languageOptions: { globals: { ...globals.worker } }
  },
  {
    // the widget's sources: ES modules bundled into assets/mingbai/widget.js (scripts/bundle/widget_bundle.py)
    files: ["docs/assets/mingbai/widget/**/*.js"],
    languageOptions: { ecmaVersion: 2017, sourceType: "module", globals: { ...globals.browser } }
  },
  {
    // Node tools (scripts/dev/pyodide_run.mjs, scripts/bundle/stdlib_used.mjs) and this file
    files: ["scripts/**/*.mjs", "eslint.config.mjs"],
    languageOptions: { sourceType: "module", globals: { ...globals.node } }
  }
];
