/* Mingbai calculator widget (classic script, no modules, no dependencies).
 *
 * Enhances every <form class="mb-calc"> (markup: ARCHITECTURE.md, "Widget").
 * The prerendered page already shows the default result; this script only
 * makes it live: one shared Web Worker (assets/mingbai/calc-worker.js) runs
 * the Python calc package in Pyodide and answers with the calc.run JSON.
 * Strings from that JSON are placed with textContent; no arithmetic here.
 *
 * Optional page hooks (tests, benchmarks, file:// builds):
 *   window.MINGBAI_WIDGET_CONFIG = {idleBoot: false, idleTimeout: 2000}
 *   window.MINGBAI_WORKER_SOURCE = "<worker source>" | ["<part>", …]
 *                                   use a Blob worker instead of a URL (parts are concatenated)
 *   window.MINGBAI_NATIVE_WORKER = Worker   the browser's Worker, saved before a file://
 *                                   shim (iframe-worker, for the theme's search) replaced it
 * Public object: window.MingbaiWidget {scan, boot, state, timings, shareURL}
 * Form attribute set here: data-mb-state = idle | loading | ready | error
 * Performance marks: mingbai:boot, mingbai:ready, mingbai:first-result
 *
 * Shareable scenarios: inputs live in the query string,
 *   ?calc=<calculator>&<input>=<value>&…#<form id>
 * (a list repeats its key, an empty value meaning none ticked; booleans are
 * true/false; `policy` and `lang` are kept, for embed pages). On load, a form
 * takes the inputs when `calc` names its calculator (or when there is no `calc`
 * and it is the page's only form), then computes. Each form gets a
 * "复制链接 / Copy link" button that copies (and shows) that link.
 */
(function () {
  "use strict";
  if (window.MingbaiWidget) return;

  var config = window.MINGBAI_WIDGET_CONFIG || {};
  var IDLE_TIMEOUT = typeof config.idleTimeout === "number" ? config.idleTimeout : 2000;
  var IDLE_BOOT = config.idleBoot !== false;
  var BAD_INPUT = "?";
  // What the engine downloads at most, in bytes: the build writes the figure here (scripts/site/plugin.py).
  var ENGINE_BYTES = config.engineBytes || /*mingbai:engine-bytes*/0;

  var TEXT = {
    zh: {
      loading: "正在加载计算引擎",
      starting: "正在启动计算引擎…",
      ready: "就绪",
      failed: "计算引擎加载失败",
      reload: "请刷新页面重试。",
      computeFailed: "计算出错",
      unavailable: "实时计算暂不可用",
      showingExample: "下面是按默认输入预先算好的示例，不是按你填写的数据算的",
      retry: "重试",
      leftEmpty: "未填写：按默认值 {value} 计算。",
      mb: "MB",
      share: "复制链接",
      copied: "链接已复制，打开它即可看到同样的输入和结果。",
      copyByHand: "请复制下面的链接。",
      shareLabel: "本计算的链接",
      turnOn: "开启实时计算",
      downloads: "（最多下载 {mb} MB）",
      yourInputs: "按你填写的数据计算的结果"
    },
    en: {
      loading: "Loading engine",
      starting: "Starting engine…",
      ready: "Ready",
      failed: "The calculation engine failed to load",
      reload: "Please reload the page.",
      computeFailed: "Calculation failed",
      unavailable: "Live calculation is unavailable",
      showingExample: "shown below is the worked example for the default inputs, not for yours",
      retry: "Try again",
      leftEmpty: "Left empty: computed with the default, {value}.",
      mb: "MB",
      share: "Copy link",
      copied: "Link copied: opening it shows the same inputs and result.",
      copyByHand: "Copy the link below.",
      shareLabel: "Link to this calculation",
      turnOn: "Turn on live calculation",
      downloads: " (downloads up to {mb} MB)",
      yourInputs: "Result for the inputs you entered"
    }
  };

  /* zh-Hant pages (data-lang="zh-Hant") show calc's zh text converted character by character
     with the table the build made from OpenCC (assets/mingbai/hant-map.js). */
  function toHant(text) {
    var table = window.MINGBAI_HANT;
    if (!table) return text;
    var out = "";
    for (var i = 0; i < text.length; i++) out += table[text.charAt(i)] || text.charAt(i);
    return out;
  }

  function txt(st, text) {
    return st.hant ? toHant(text) : text;
  }

  function uiText(st) {
    if (!st.hant) return TEXT[st.lang];
    if (!TEXT.hant) {
      TEXT.hant = {};
      Object.keys(TEXT.zh).forEach(function (k) { TEXT.hant[k] = toHant(TEXT.zh[k]); });
    }
    return TEXT.hant;
  }

  var forms = [];            // per-form state objects
  var worker = null;
  var engine = "idle";       // idle | loading | ready | error
  var engineError = "";
  var progress = { loaded: 0, total: 0, phase: "" };
  var nextId = 1;
  var inflight = {};         // request id -> form state
  // An engine that goes quiet is a failed engine: a worker that died answers nothing. How long
  // silence may last while loading (a backstop: compiling the wasm on a slow phone is silent for
  // a while; calc-worker.js reports a wasm that fails at once) and for one calculation (milliseconds).
  var STALL_TIMEOUT = typeof config.stallTimeout === "number" ? config.stallTimeout : 60000;
  var ANSWER_TIMEOUT = typeof config.answerTimeout === "number" ? config.answerTimeout : 10000;
  var stallTimer = null;
  var firstResultMarked = false;
  var idCounter = 0;

  function mark(name) {
    try { if (window.performance && performance.mark) performance.mark(name); } catch (e) { /* ignore */ }
  }

  function langOf(form) {
    var lang = (form.getAttribute("data-lang") || document.documentElement.lang || "zh").toLowerCase();
    return lang.indexOf("en") === 0 ? "en" : "zh";
  }

  function other(lang) {
    return lang === "en" ? "zh" : "en";
  }

  /* ---------- DOM helpers ---------- */

  function $all(root, sel) {
    return Array.prototype.slice.call(root.querySelectorAll(sel));
  }

  function clearChildren(el) {
    while (el.firstChild) el.removeChild(el.firstChild);
  }

  function controlsOf(field) {
    return $all(field, "input, select, textarea");
  }

  function fieldByName(st, name) {
    for (var i = 0; i < st.fields.length; i++) {
      if (st.fields[i].getAttribute("data-field") === name) return st.fields[i];
    }
    return null;
  }

  function ensureId(el, prefix) {
    if (!el.id) {
      idCounter += 1;
      el.id = prefix + "-" + idCounter;
    }
    return el.id;
  }

  /* ---------- input collection (raw values only) ---------- */

  function collect(st) {
    var inputs = {};
    st.fields.forEach(function (field) {
      var name = field.getAttribute("data-field");
      var type = field.getAttribute("data-type");
      var controls = controlsOf(field);
      if (!name || !controls.length) return;
      if (st.shared && Object.prototype.hasOwnProperty.call(st.shared, name)) {
        inputs[name] = st.shared[name];   // a link's value no control could hold: calc names the error
        return;
      }
      if (type === "list") {
        inputs[name] = controls.filter(function (c) {
          return c.type === "checkbox" && c.checked;
        }).map(function (c) { return c.value; });
        return;
      }
      if (type === "boolean") {
        var box = controls.filter(function (c) { return c.type === "checkbox"; })[0];
        if (box) { inputs[name] = !!box.checked; return; }
      }
      var radios = controls.filter(function (c) { return c.type === "radio"; });
      var value;
      if (radios.length) {
        var picked = radios.filter(function (c) { return c.checked; })[0];
        value = picked ? picked.value : "";
      } else {
        value = controls[0].value;
        // type=number/date hide unparsable text as "" (validity.badInput): send a
        // placeholder calc rejects, so the user sees calc's message rather than a
        // result silently computed from the default.
        if (!value && controls[0].validity && controls[0].validity.badInput) value = BAD_INPUT;
      }
      value = String(value == null ? "" : value).trim();
      if (value !== "") inputs[name] = value;
    });
    return inputs;
  }

  function changedFromDefaults(st) {
    return st.fields.some(function (field) {
      return controlsOf(field).some(function (c) {
        if (c.type === "checkbox" || c.type === "radio") return c.checked !== c.defaultChecked;
        if (c.tagName === "SELECT") {
          if (c.multiple) {
            return $all(c, "option").some(function (o) { return o.selected !== o.defaultSelected; });
          }
          var opts = $all(c, "option");
          var def = opts.filter(function (o) { return o.defaultSelected; })[0] || opts[0];
          return def ? c.value !== def.value : false;
        }
        return c.value !== c.defaultValue;
      });
    });
  }

  /* ---------- status ---------- */

  function formatMB(bytes) {
    return (bytes / 1e6).toFixed(1);
  }

  function renderStatus(st) {
    var status = st.status;
    if (!status) return;
    var t = uiText(st);
    if (engine === "error") {
      var detail = engineError ? "（" + engineError + "）" : "";
      var detailEn = engineError ? " (" + engineError + ")" : "";
      var zhText = TEXT.zh.failed + detail + "。" + TEXT.zh.unavailable + "：" + TEXT.zh.showingExample + "。";
      var enText = TEXT.en.failed + detailEn + ". " + TEXT.en.unavailable + ": " + TEXT.en.showingExample + ".";
      status.textContent = st.lang === "en" ? enText + " " + zhText : txt(st, zhText) + " " + enText;
      status.classList.add("mb-engine-error");
      var retry = document.createElement("button");
      retry.type = "button";
      retry.className = "mb-retry mb-share-button";
      retry.textContent = st.lang === "en" ? TEXT.en.retry : txt(st, TEXT.zh.retry) + " / " + TEXT.en.retry;
      retry.addEventListener("click", function () { retryEngine(st); });
      status.appendChild(document.createTextNode(" "));
      status.appendChild(retry);
      return;
    }
    status.classList.remove("mb-engine-error");
    if (engine === "loading") {
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
      var counter = progress.total > 0
        ? formatMB(progress.loaded) + "/" + formatMB(progress.total) + " " + t.mb
        : (progress.loaded > 0 ? formatMB(progress.loaded) + " " + t.mb : "…");
      st.progressEl.textContent = counter;
      if (progress.total > 0) st.barEl.value = Math.min(1, progress.loaded / progress.total);
      return;
    }
    st.progressEl = st.barEl = null;
    if (engine === "ready") status.textContent = t.ready;
  }

  function setEngine(state) {
    engine = state;
    forms.forEach(function (st) {
      st.form.setAttribute("data-mb-state", state);
      if (state !== "loading") st.progressEl = null;
      if (state !== "idle" && st.liveButton) {
        st.liveButton.remove();
        st.liveButton = null;
      }
      renderStatus(st);
    });
  }

  /* ---------- results and errors ---------- */

  /* The caption above the result (.mb-note) names the built-in example; once the inputs differ
     from the example's (the controls' default values) it would lie, so it says "your inputs". */
  function updateCaption(st) {
    if (!st.note) return;
    var text = changedFromDefaults(st) ? uiText(st).yourInputs : st.exampleCaption;
    if (st.note.textContent !== text) st.note.textContent = text;
    st.note.setAttribute("data-caption", text === st.exampleCaption ? "example" : "inputs");
  }

  function setStale(st, stale) {
    [st.result, st.steps, st.headline].forEach(function (el) {
      if (el) el.classList.toggle("mb-stale", stale);
    });
  }

  function describedBy(control, id, add) {
    var tokens = (control.getAttribute("aria-describedby") || "").split(/\s+/).filter(Boolean);
    tokens = tokens.filter(function (t) { return t !== id; });
    if (add) tokens.push(id);
    if (tokens.length) control.setAttribute("aria-describedby", tokens.join(" "));
    else control.removeAttribute("aria-describedby");
  }

  function errorElFor(field) {
    var el = field.querySelector(".mb-error");
    if (!el) {
      el = document.createElement("p");
      el.className = "mb-error";
      el.hidden = true;
      field.appendChild(el);
    }
    var first = controlsOf(field)[0];
    ensureId(el, (first && first.id ? first.id : "mb-field") + "-error");
    return el;
  }

  function formErrorEl(st) {
    var el = st.form.querySelector(".mb-form-error");
    if (!el) {
      el = document.createElement("p");
      el.className = "mb-form-error";
      el.setAttribute("role", "alert");
      el.hidden = true;
      var anchor = st.status || st.result;
      if (anchor && anchor.parentNode) anchor.parentNode.insertBefore(el, anchor);
      else st.form.appendChild(el);
    }
    return el;
  }

  function clearErrors(st) {
    st.fields.forEach(function (field) {
      var el = field.querySelector(".mb-error");
      if (!el) return;
      el.textContent = "";
      el.hidden = true;
      controlsOf(field).forEach(function (c) {
        c.removeAttribute("aria-invalid");
        if (el.id) describedBy(c, el.id, false);
      });
    });
    var formErr = st.form.querySelector(".mb-form-error");
    if (formErr) {
      formErr.textContent = "";
      formErr.hidden = true;
    }
  }

  function showErrors(st, errors) {
    clearErrors(st);
    var key = st.lang === "en" ? "message_en" : "message_zh";
    var perField = {};
    var general = [];
    (errors || []).forEach(function (err) {
      var msg = txt(st, String((err && (err[key] || err.message_zh || err.message_en)) || ""));
      var field = err && err.field ? fieldByName(st, String(err.field)) : null;
      if (field) {
        var name = field.getAttribute("data-field");
        (perField[name] = perField[name] || { field: field, msgs: [] }).msgs.push(msg);
      } else {
        general.push(msg);
      }
    });
    Object.keys(perField).forEach(function (name) {
      var entry = perField[name];
      var el = errorElFor(entry.field);
      el.textContent = entry.msgs.join(" ");
      el.hidden = false;
      controlsOf(entry.field).forEach(function (c) {
        c.setAttribute("aria-invalid", "true");
        describedBy(c, el.id, true);
      });
    });
    if (general.length) {
      var fe = formErrorEl(st);
      fe.textContent = general.join(" ");
      fe.hidden = false;
    }
    setStale(st, true);
  }

  function displayText(value, lang) {
    if (value === null || value === undefined) return "—";
    if (typeof value === "object") {
      var v = value[lang];
      if (v === undefined || v === null) v = value[other(lang)];
      return v === undefined || v === null ? "—" : String(v);
    }
    return String(value);
  }

  /* Charts are SVG text drawn by calc (the same code drew the prerendered one).
     Parsed as XML, never as HTML: no script runs, malformed text is ignored. */
  function placeSvg(el, text) {
    var doc = new DOMParser().parseFromString(text, "image/svg+xml");
    var root = doc.documentElement;
    if (!root || root.nodeName !== "svg" || doc.getElementsByTagName("parsererror").length) return;
    clearChildren(el);
    el.appendChild(document.importNode(root, true));
  }

  function applyResult(st, res) {
    st.form.removeAttribute("data-mb-showing");
    if (!res || res.ok !== true) {
      showErrors(st, res && res.errors && res.errors.length ? res.errors : [{
        field: null,
        message_zh: TEXT.zh.computeFailed + "。",
        message_en: TEXT.en.computeFailed + "."
      }]);
      return;
    }
    var display = res.display || {};
    var result = res.result || {};
    updateCaption(st);
    $all(st.form, "[data-output]").forEach(function (el) {
      var name = el.getAttribute("data-output");
      var value = Object.prototype.hasOwnProperty.call(display, name) ? display[name]
        : (Object.prototype.hasOwnProperty.call(result, name) ? result[name] : undefined);
      el.textContent = txt(st, displayText(value, st.lang));
    });
    // the answer in one line and the rows that apply: both decided by calc (headline, folded)
    if (st.headline && res.headline) st.headline.textContent = txt(st, displayText(res.headline, st.lang));
    if (res.folded) {
      $all(st.form, ".mb-out[data-name]").forEach(function (row) {
        row.hidden = res.folded.indexOf(row.getAttribute("data-name")) !== -1;
      });
    }
    if (st.steps) {
      var frag = document.createDocumentFragment();
      (res.steps || []).forEach(function (step) {
        var li = document.createElement("li");
        li.textContent = txt(st, displayText(step, st.lang));
        if (step && step.id) li.setAttribute("data-step", String(step.id));
        frag.appendChild(li);
      });
      clearChildren(st.steps);
      st.steps.appendChild(frag);
    }
    var charts = res.charts || {};
    $all(st.form, "[data-chart]").forEach(function (el) {
      var name = el.getAttribute("data-chart");
      if (Object.prototype.hasOwnProperty.call(charts, name)) placeSvg(el, txt(st, displayText(charts[name], st.lang)));
    });
    clearErrors(st);
    setStale(st, false);
    if (!firstResultMarked) {
      firstResultMarked = true;
      mark("mingbai:first-result");
    }
  }

  /* ---------- worker ---------- */

  function assetsURL(st) {
    var attr = st.form.getAttribute("data-assets") || "assets/";
    if (attr.charAt(attr.length - 1) !== "/") attr += "/";
    return new URL(attr, document.baseURI).href;
  }

  function engineFailed(message) {
    engineError = String(message || "").slice(0, 300);
    clearTimeout(stallTimer);
    inflight = {};
    forms.forEach(function (st) {
      st.busy = false;
      st.pending = false;
      showExample(st);
    });
    setEngine("error");
    if (worker) {
      try { worker.terminate(); } catch (e) { /* ignore */ }
    }
  }

  /* Without an engine the form shows the worked example it was built with (kept at start), marked
     so — stale too when the reader's inputs differ, since it is not their answer. */
  function showExample(st) {
    [[st.result, st.exampleResult], [st.steps, st.exampleSteps]].forEach(function (pair) {
      if (!pair[0] || !pair[1]) return;
      clearChildren(pair[0]);
      Array.prototype.forEach.call(pair[1].childNodes, function (n) { pair[0].appendChild(n.cloneNode(true)); });
    });
    clearErrors(st);
    st.form.setAttribute("data-mb-showing", "example");
    if (st.note && st.exampleCaption) st.note.textContent = st.exampleCaption;
    if (st.headline && st.exampleHeadline !== null) st.headline.textContent = st.exampleHeadline;
    setStale(st, changedFromDefaults(st));
    st.shownKey = null;
  }

  function retryEngine(st) {
    if (engine !== "error") return;
    worker = null;
    engineError = "";
    engine = "idle";
    forms.forEach(function (f) { f.pending = true; });   // each form asks again once the engine is ready
    boot(st);
  }

  // While loading, every message from the worker re-arms the watchdog.
  function armStallTimer() {
    clearTimeout(stallTimer);
    if (engine !== "loading") return;
    stallTimer = setTimeout(function () {
      if (engine === "loading") engineFailed("no answer from the engine for " + STALL_TIMEOUT / 1000 + " s");
    }, STALL_TIMEOUT);
  }

  function onWorkerMessage(ev) {
    var msg = ev.data || {};
    armStallTimer();
    if (msg.type === "progress") {
      progress.loaded = msg.loaded || 0;
      progress.total = msg.total || 0;
      progress.phase = "download";
      if (engine === "loading") forms.forEach(renderStatus);
    } else if (msg.type === "phase") {
      progress.phase = msg.phase;
      if (engine === "loading") forms.forEach(renderStatus);
    } else if (msg.type === "ready") {
      mark("mingbai:ready");
      window.MingbaiWidget.timings = msg.timings || null;
      setEngine("ready");
      forms.forEach(function (st) { if (st.pending && !st.busy) send(st); });
    } else if (msg.type === "result" || msg.type === "error") {
      if (msg.type === "error" && msg.fatal) {
        if (engine !== "error") engineFailed(msg.message);
        if (msg.id === undefined) return;
      }
      var st = inflight[msg.id];
      if (!st) return;
      delete inflight[msg.id];
      st.busy = false;
      if (msg.id === st.lastSent && !st.pending) {
        st.shownKey = st.sentKey;
        st.shownOk = msg.type === "result" && !!msg.result && msg.result.ok === true;
        if (msg.type === "result") applyResult(st, msg.result);
        else if (!msg.fatal) {
          showErrors(st, [{
            field: null,
            message_zh: TEXT.zh.computeFailed + "：" + msg.message,
            message_en: TEXT.en.computeFailed + ": " + msg.message
          }]);
        }
      }
      if (st.pending && engine === "ready") send(st);
    }
  }

  function createWorker(assets) {
    var NativeWorker = window.MINGBAI_NATIVE_WORKER || window.Worker;
    var source = window.MINGBAI_WORKER_SOURCE;
    if (source) {
      var blob = new Blob([].concat(source).map(function (part) { return part + "\n;\n"; }),
                          { type: "text/javascript" });
      return new NativeWorker(URL.createObjectURL(blob));
    }
    return new NativeWorker(assets + "mingbai/calc-worker.js");
  }

  function boot(st) {
    if (worker || engine === "error") return;
    st = st || forms[0];
    if (!st) return;
    mark("mingbai:boot");
    var assets = assetsURL(st);
    progress = { loaded: 0, total: 0, phase: "download" };
    setEngine("loading");
    try {
      worker = createWorker(assets);
    } catch (err) {
      engineFailed(err && err.message ? err.message : String(err));
      return;
    }
    worker.onmessage = onWorkerMessage;
    worker.onerror = function (ev) {
      if (ev && ev.preventDefault) ev.preventDefault();
      engineFailed((ev && ev.message) || "worker script failed to load (" + assets + "mingbai/calc-worker.js)");
    };
    worker.onmessageerror = function () {
      engineFailed("message could not be decoded");
    };
    // the page's policies: the worker loads their data (and their series') with the engine
    var policies = forms.map(function (f) { return f.form.getAttribute("data-policy"); })
      .filter(function (p, i, all) { return p && all.indexOf(p) === i; });
    worker.postMessage({ type: "init", assets: assets, policies: policies });
    armStallTimer();
  }

  /* ---------- requests ---------- */

  // At most one request per form is in flight; while it is, only the latest
  // inputs wait (st.pending). Answers to anything but the last request sent
  // are dropped (sequence ids), so a slow answer never overwrites a newer one.
  function send(st) {
    var inputs = collect(st);
    st.pending = false;
    st.busy = true;
    st.sentKey = JSON.stringify(inputs);
    var id = nextId++;
    st.lastSent = id;
    inflight[id] = st;
    setTimeout(function () {   // a worker that died after "ready" answers nothing, and says nothing
      if (inflight[id] === st && engine === "ready") engineFailed("the engine stopped answering");
    }, ANSWER_TIMEOUT);
    worker.postMessage({
      id: id,
      calc: st.form.getAttribute("data-calc"),
      policy: st.form.getAttribute("data-policy"),
      inputs: inputs
    });
  }

  /* A field the reader empties is computed with calc's default (data-default, from describe()):
     say so under the field, or the answer would silently be for a value nobody entered. */
  function noteDefaults(st) {
    st.fields.forEach(function (field) {
      var def = field.getAttribute("data-default");
      var control = controlsOf(field)[0];
      if (def === null || !control) return;
      var note = field.querySelector(".mb-default-note");
      var empty = String(control.value).trim() === "" && !(control.validity && control.validity.badInput);
      if (!empty) {
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

  function request(st) {
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
      setStale(st, !st.shownOk);
      return;
    }
    // The shown result no longer matches the inputs until an answer arrives.
    setStale(st, true);
    st.pending = true;
    if (engine === "error") return;
    if (!worker) boot(st);
    if (engine === "ready") send(st);
    // else: sent when the engine is ready (latest inputs only)
  }

  /* ---------- shareable links: inputs in the URL ---------- */

  var KEPT_PARAMS = ["policy", "lang"];     // embed pages: which policy and language

  function fieldValues(field) {
    var type = field.getAttribute("data-type");
    var controls = controlsOf(field);
    if (type === "list") {
      var ticked = controls.filter(function (c) { return c.type === "checkbox" && c.checked; })
        .map(function (c) { return c.value; });
      return ticked.length ? ticked : [""];
    }
    var box = controls.filter(function (c) { return c.type === "checkbox"; })[0];
    if (type === "boolean" && box) return [box.checked ? "true" : "false"];
    var radios = controls.filter(function (c) { return c.type === "radio"; });
    if (radios.length) {
      var picked = radios.filter(function (c) { return c.checked; })[0];
      return [picked ? picked.value : ""];
    }
    return controls.length ? [controls[0].value] : [];
  }

  function shareURL(st) {
    var here = new URL(window.location.href);
    var url = new URL(here.pathname, here.href);
    KEPT_PARAMS.forEach(function (key) {
      if (here.searchParams.has(key)) url.searchParams.set(key, here.searchParams.get(key));
    });
    url.searchParams.set("calc", st.form.getAttribute("data-calc") || "");
    st.fields.forEach(function (field) {
      var name = field.getAttribute("data-field");
      fieldValues(field).forEach(function (v) { url.searchParams.append(name, v); });
    });
    if (st.form.id && !document.body.hasAttribute("data-mb-embed")) url.hash = st.form.id;
    return url.href;
  }

  // The URL's inputs for this form, or null when the URL carries none for it.
  function sharedInputs(form) {
    var params;
    try { params = new URL(window.location.href).searchParams; } catch (e) { return null; }
    var calc = params.get("calc");
    if (calc !== null ? calc !== form.getAttribute("data-calc")
                      : document.querySelectorAll("form.mb-calc").length !== 1) return null;
    return params;
  }

  function prefill(st) {
    var params = sharedInputs(st.form);
    if (!params) return;
    st.fields.forEach(function (field) {
      var name = field.getAttribute("data-field");
      if (!params.has(name) || KEPT_PARAMS.indexOf(name) >= 0 || name === "calc") return;
      var values = params.getAll(name);
      var type = field.getAttribute("data-type");
      controlsOf(field).forEach(function (c) {
        if (c.type === "checkbox") {
          c.checked = type === "boolean" ? /^(true|1|on|yes)$/i.test(values[0]) : values.indexOf(c.value) >= 0;
        } else if (c.type === "radio") {
          c.checked = c.value === values[0];
        } else {
          c.value = values[0];
        }
      });
      if (!sharedValueHeld(field, type, values)) {
        st.shared = st.shared || {};
        st.shared[name] = type === "list" ? values : values[0];
      }
    });
  }

  /* Did the link's value land in the form as it is? A number field turns "<script>" or "1e400"
     into "", a select or radios hold no "evil", checkboxes drop an unknown category: left so, the
     form would show the default's result as if it were the link's. Such a value is sent to calc
     as it came (collect), so the field shows calc's error, as it would for typed input. */
  function sharedValueHeld(field, type, values) {
    var controls = controlsOf(field);
    var known = controls.map(function (c) { return c.value; });
    if (type === "list") {
      return values.every(function (v) { return v === "" || known.indexOf(v) >= 0; });
    }
    if (type === "boolean" && controls.some(function (c) { return c.type === "checkbox"; })) {
      return /^(true|false|1|0|on|off|yes|no)$/i.test(values[0]);
    }
    if (controls.some(function (c) { return c.type === "radio"; })) return known.indexOf(values[0]) >= 0;
    if (controls[0].tagName === "SELECT") {
      return $all(controls[0], "option").some(function (o) { return o.value === values[0]; });
    }
    return controls[0].value === values[0];
  }

  function copyText(text) {
    if (navigator.clipboard && navigator.clipboard.writeText) {
      return navigator.clipboard.writeText(text);
    }
    return Promise.reject(new Error("no clipboard"));
  }

  function addShare(st) {
    if (st.form.querySelector(".mb-share")) return;
    var t = uiText(st);
    var box = document.createElement("div");
    box.className = "mb-share";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "mb-share-button";
    button.textContent = t.share;
    var note = document.createElement("span");
    note.className = "mb-share-note";
    note.setAttribute("role", "status");
    note.setAttribute("aria-live", "polite");
    var link = document.createElement("input");
    link.type = "text";
    link.readOnly = true;
    link.className = "mb-share-url";
    link.setAttribute("aria-label", t.shareLabel);
    link.hidden = true;
    box.appendChild(button);
    box.appendChild(note);
    box.appendChild(link);
    button.addEventListener("click", function () {
      var url = shareURL(st);
      link.value = url;
      link.hidden = false;
      copyText(url).then(function () {
        note.textContent = t.copied;
      }, function () {
        note.textContent = t.copyByHand;
        link.focus();
        link.select();
      });
    });
    var anchor = st.form.querySelector(".mb-steps-box") || st.steps;
    if (anchor && anchor.parentNode === st.form) st.form.insertBefore(box, anchor);
    else st.form.appendChild(box);
  }

  /* ---------- embed snippets (policy pages) ---------- */

  // The copy-paste code (scripts/site/templates/embed-snippet.html.j2) is written with page-relative
  // URLs; a host page needs absolute ones.
  function absoluteSnippet(code) {
    if (code.__mingbai) return;
    code.__mingbai = true;
    code.textContent = code.textContent.replace(/(\ssrc=")([^"]+)"/g, function (all, lead, url) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return all;
      try { return lead + new URL(url, document.baseURI).href + '"'; } catch (e) { return all; }
    });
  }

  /* ---------- set-up ---------- */

  function enhance(form) {
    if (form.__mingbai) return;
    var st = {
      form: form,
      lang: langOf(form),
      hant: form.getAttribute("data-lang") === "zh-Hant",
      fields: $all(form, ".mb-field[data-field][data-type]"),
      status: form.querySelector(".mb-status"),
      result: form.querySelector(".mb-result"),
      steps: form.querySelector("ol.mb-steps"),
      note: form.querySelector(".mb-note"),
      headline: form.querySelector(".mb-headline"),
      exampleCaption: null,
      pending: false,
      busy: false,
      lastSent: 0,
      sentKey: null,
      shownKey: null,        // inputs whose answer the page shows (prerender: the defaults)
      shownOk: true,
      progressEl: null,
      barEl: null
    };
    if (st.note) st.exampleCaption = st.note.textContent;
    form.__mingbai = st;
    st.exampleResult = st.result && st.result.cloneNode(true);   // the worked example, shown again if the engine fails
    st.exampleSteps = st.steps && st.steps.cloneNode(true);
    st.exampleHeadline = st.headline ? st.headline.textContent : null;
    forms.push(st);
    addShare(st);
    addLiveButton(st);
    prefill(st);
    form.setAttribute("data-mb-state", engine);
    if (engine !== "idle") renderStatus(st);

    var wake = function () { if (!worker) boot(st); };
    form.addEventListener("focusin", wake);
    form.addEventListener("pointerdown", wake);
    var edited = function (ev) {
      var field = ev.target && ev.target.closest && ev.target.closest(".mb-field");
      if (!field) return;
      if (st.shared) delete st.shared[field.getAttribute("data-field")];   // the reader's value now
      request(st);
    };
    form.addEventListener("input", edited);
    form.addEventListener("change", edited);
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      request(st);
    });
    // Restored form state (back/forward, autofill) may not match the prerender.
    if (changedFromDefaults(st) || st.shared) request(st);
    else st.shownKey = JSON.stringify(collect(st));
  }

  /* Respect the reader's data: the engine boots on idle only when nothing is to be downloaded
     (file:// bundle) or the browser says the connection is fast and the reader has not asked to
     save data (navigator.connection; browsers without it count as unknown, so not fast).
     Otherwise it waits for an interaction with a form or the "turn on live calculation"
     button, which says how much it downloads. The prerendered answer is shown meanwhile. */
  function bootsOnIdle() {
    if (!IDLE_BOOT) return false;
    if (window.MINGBAI_WORKER_SOURCE) return true;
    var conn = navigator.connection;
    if (!conn || conn.saveData) return false;
    // effectiveType only: Chromium adds noise to downlink (1.5 ± 10 % before it has measured anything)
    return conn.effectiveType === "4g";
  }

  function addLiveButton(st) {
    if (!st.status || engine !== "idle" || st.liveButton || bootsOnIdle()) return;
    var t = uiText(st);
    var button = document.createElement("button");
    button.type = "button";
    button.className = "mb-live mb-share-button";   // looks like "复制链接"
    button.textContent = t.turnOn + (ENGINE_BYTES ? t.downloads.replace("{mb}", formatMB(ENGINE_BYTES)) : "");
    button.addEventListener("click", function () { boot(st); });
    st.status.parentNode.insertBefore(button, st.status);
    st.liveButton = button;
  }

  function scheduleIdleBoot() {
    if (worker || !forms.length || !bootsOnIdle()) return;
    if (window.requestIdleCallback) {
      window.requestIdleCallback(function () { boot(); }, { timeout: IDLE_TIMEOUT });
    } else {
      setTimeout(function () { boot(); }, IDLE_TIMEOUT);
    }
  }

  function scan(root) {
    $all(root || document, "code.mb-embed-code").forEach(absoluteSnippet);
    $all(root || document, "form.mb-calc").forEach(enhance);
    forms = forms.filter(function (st) { return st.form.isConnected !== false; });
    scheduleIdleBoot();
  }

  window.MingbaiWidget = {
    scan: scan,
    boot: function () { boot(); },
    shareURL: function (form) { return form && form.__mingbai ? shareURL(form.__mingbai) : null; },
    state: function () { return engine; },
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
})();
