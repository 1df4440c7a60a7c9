/* Search that scales (issue 14; classic script, loaded before mkdocs-material's bundle by
 * scripts/site/theme/main.html).
 *
 * Material requests search/search_index.json (every language, every page) as soon as a page
 * opens. This script holds that request until the reader starts a search — focus in the search
 * box (clicking the magnifier, or the "/", "s", "f" shortcuts, focus it) or the search toggle —
 * and points it at the page's language's index, search/search_index.<lang>.json
 * (scripts/site/search_index.py). Meanwhile material shows its "initialising search" line.
 * Material fetches the index with XMLHttpRequest (for its progress events), so open() and
 * send() are wrapped; every other request passes untouched. On file:// material loads
 * search_index.js with a script tag after the search toggle instead, and nothing here applies.
 */
(function () {
  "use strict";
  var INDEX = /(^|\/)search\/search_index\.json$/;
  var proto = window.XMLHttpRequest && XMLHttpRequest.prototype;
  if (!proto || proto.__mingbaiSearch) return;
  proto.__mingbaiSearch = true;
  var open = proto.open;
  var send = proto.send;
  var started = false;
  var waiting = [];
  var lang = document.documentElement.getAttribute("lang") || "zh";

  function isIndex(url) {
    try {
      return INDEX.test(new URL(String(url), document.baseURI).pathname);
    } catch (e) {
      return false;
    }
  }

  proto.open = function (method, url) {
    var args = Array.prototype.slice.call(arguments);
    this.__mingbaiIndex = isIndex(url);
    if (this.__mingbaiIndex) {
      args[1] = String(url).replace(/search_index\.json/, "search_index." + encodeURIComponent(lang) + ".json");
    }
    return open.apply(this, args);
  };

  proto.send = function () {
    if (this.__mingbaiIndex && !started) {
      waiting.push([this, arguments]);
      return undefined;
    }
    return send.apply(this, arguments);
  };

  function start() {
    if (started) return;
    started = true;
    var held = waiting;
    waiting = [];
    held.forEach(function (item) { send.apply(item[0], item[1]); });
  }

  function inSearch(target) {
    return !!(target && target.closest && target.closest(".md-search, label[for='__search']"));
  }

  document.addEventListener("focusin", function (ev) { if (inSearch(ev.target)) start(); }, true);
  document.addEventListener("pointerdown", function (ev) { if (inSearch(ev.target)) start(); }, true);
  document.addEventListener("change", function (ev) {
    if (ev.target && ev.target.id === "__search" && ev.target.checked) start();
  }, true);
  window.MingbaiSearch = { start: start, started: function () { return started; } };
})();
