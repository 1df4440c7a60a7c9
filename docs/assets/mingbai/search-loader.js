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
 *
 * Material also starts its search worker (assets/mingbai/search-worker.js) as every page opens: a
 * thread, a JavaScript engine and a 39 KB script (~0.02 CPU-s a page in the tests' Chromium, more
 * on a phone) for a search most readers never make. `new Worker(<that script>)` gets a stand-in
 * that keeps material's listeners and messages and starts the real worker with the search
 * (start()); any other worker (the calculator's) is started as asked.
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

  var RealWorker = window.Worker;
  var WORKER = /(^|\/)assets\/mingbai\/search-worker\.js$/;
  var deferred = [];   // stand-ins whose worker waits for the search

  function isSearchWorker(url) {
    try {
      return WORKER.test(new URL(String(url), document.baseURI).pathname);
    } catch (e) {
      return false;
    }
  }

  // What material uses of a worker (addEventListener, removeEventListener, postMessage, terminate),
  // recorded until start() makes the real one and hands it all over.
  function StandIn(url, options) {
    this.url = url;
    this.options = options;
    this.real = null;
    this.listeners = [];
    this.messages = [];
  }
  StandIn.prototype.addEventListener = function (type, fn, opts) {
    if (this.real) return this.real.addEventListener(type, fn, opts);
    this.listeners.push([type, fn, opts]);
  };
  StandIn.prototype.removeEventListener = function (type, fn, opts) {
    if (this.real) return this.real.removeEventListener(type, fn, opts);
    this.listeners = this.listeners.filter(function (l) { return l[0] !== type || l[1] !== fn; });
  };
  StandIn.prototype.postMessage = function () {
    if (this.real) return this.real.postMessage.apply(this.real, arguments);
    this.messages.push(Array.prototype.slice.call(arguments));
  };
  StandIn.prototype.terminate = function () {
    if (this.real) this.real.terminate();
    this.listeners = [];
    this.messages = [];
    this.ended = true;
  };
  StandIn.prototype.begin = function () {
    if (this.real || this.ended) return;
    var real = this.real = new RealWorker(this.url, this.options);
    this.listeners.forEach(function (l) { real.addEventListener(l[0], l[1], l[2]); });
    this.messages.forEach(function (m) { real.postMessage.apply(real, m); });
    this.listeners = [];
    this.messages = [];
  };

  if (typeof RealWorker === "function") {
    window.Worker = function (url, options) {
      if (started || !isSearchWorker(url)) return new RealWorker(url, options);
      var standIn = new StandIn(url, options);
      deferred.push(standIn);
      return standIn;
    };
    window.Worker.prototype = RealWorker.prototype;
  }

  function start() {
    if (started) return;
    started = true;
    deferred.forEach(function (standIn) { standIn.begin(); });
    deferred = [];
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
