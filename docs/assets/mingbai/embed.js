/* Mingbai embed pages (scripts/site/embed_pages.py). Classic script, loaded before widget.js.
 *
 * embed/<calculator>/index.html (the public address, ?policy=<policy id>&lang=<zh|en|…>) lists
 * the calculator's policies in data-policies: this script moves on, query kept, to
 * embed/<calculator>/<policy id>/, or says which policies exist; without ?policy it shows the
 * page's chooser (links to each policy, query kept) rather than pick one silently.
 * There it picks the ?lang= variant (default zh) from the page's <template>s and puts its widget
 * form in <main>; widget.js then makes it live and takes any inputs in the query (shareable-link
 * format, see widget.js).
 * Stamps <body> with data-mb-embed, data-calc, data-policy, data-policy-version, data-lang and
 * tells the host page its height (on load and whenever it changes) with
 *   parent.postMessage({type: "mingbai:embed", v: 1, event: "resize", height, calc, policy,
 *                       version, lang}, "*")
 * The payload is public (no secrets), hence "*". This page listens to no messages.
 */
(function () {
  "use strict";
  var root = document.getElementById("mb-embed");
  if (!root) return;
  var params = new URLSearchParams(window.location.search);
  var templates = Array.prototype.slice.call(document.querySelectorAll("template[data-policy]"));
  var lang = params.get("lang") || "zh";
  if (templates.length && !templates.some(function (t) { return t.getAttribute("data-lang") === lang; })) lang = "zh";
  var listed = (root.getAttribute("data-policies") || "").split(" ").filter(Boolean);
  var here = templates.length ? templates[0].getAttribute("data-policy") : null;
  var index = window.location.protocol === "file:" ? "index.html" : "";   // file:// has no directory index
  var en = lang.indexOf("en") === 0;
  /* zh-Hant shows the zh words converted with the character table (hant-map.js, loaded before) */
  function words(el, prefix) {
    var text = el.getAttribute(prefix + (en ? "en" : "zh")) || "";
    if (lang !== "zh-Hant" || !window.MINGBAI_HANT) return text;
    return text.split("").map(function (ch) { return window.MINGBAI_HANT[ch] || ch; }).join("");
  }
  var heading = root.querySelector("h1");
  if (heading) heading.textContent = words(heading, "data-title-");
  var chooser = root.querySelector(".mb-embed-chooser");
  var choosing = here === null && !params.get("policy") && !!chooser;
  if (choosing) {
    chooser.querySelector(".mb-embed-chooser-label").textContent = words(chooser, "data-label-");
    Array.prototype.forEach.call(chooser.querySelectorAll("a[data-policy]"), function (a) {
      a.textContent = words(a, "data-title-");
      a.href = a.getAttribute("data-policy") + "/" + index + window.location.search;
    });
    chooser.hidden = false;
  }
  var wanted = choosing ? null : params.get("policy") || here || listed[0];
  if (!choosing && wanted !== here && (here !== null || listed.indexOf(wanted) >= 0)) {
    // a policy's page asked for another policy: the public page knows whether it exists
    window.location.replace(root.getAttribute("data-base") + (here === null ? wanted + "/" : "") + index + window.location.search);
    return;
  }
  var chosen = templates.filter(function (t) {
    return t.getAttribute("data-policy") === wanted && t.getAttribute("data-lang") === lang;
  })[0];
  var calc = root.getAttribute("data-calc") || "";
  var body = document.body;
  body.setAttribute("data-mb-embed", "");
  body.setAttribute("data-calc", calc);
  body.setAttribute("data-lang", lang);
  document.documentElement.lang = lang;

  var stamp = { policy: "", version: "" };
  if (chosen) {
    stamp.policy = chosen.getAttribute("data-policy");
    stamp.version = chosen.getAttribute("data-policy-version");
    root.appendChild(document.importNode(chosen.content, true));
    var form = root.querySelector("form.mb-calc");
    if (form) form.setAttribute("data-policy-version", stamp.version);
    body.setAttribute("data-policy", stamp.policy);
    body.setAttribute("data-policy-version", stamp.version);
    var title = chosen.getAttribute("data-title");
    var calcTitle = form && form.querySelector(".mb-calc-title");
    if (calcTitle) document.title = calcTitle.textContent + " · " + title + " · 明白 Mingbai";
    if (heading && calcTitle) heading.textContent = calcTitle.textContent + " · " + title;
  } else if (!choosing) {
    var known = listed;
    var p = document.createElement("p");
    p.className = "mb-embed-error";
    p.textContent = lang.indexOf("en") === 0
      ? "This calculator has no policy “" + wanted + "”. Policies: " + known.join(", ") + "."
      : "本计算器没有政策“" + wanted + "”。可用政策：" + known.join("、") + "。";
    root.appendChild(p);
  }

  var last = -1;
  function report() {
    var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last || window.parent === window) return;
    last = height;
    window.parent.postMessage({
      type: "mingbai:embed", v: 1, event: "resize", height: height,
      calc: calc, policy: stamp.policy, version: stamp.version, lang: lang
    }, "*");
  }
  if (window.ResizeObserver) new ResizeObserver(report).observe(document.documentElement);
  window.addEventListener("load", report);
  report();
})();
