/* Mingbai: a policy page says whether its policy is in force *today*, not on the day the site was built.
   The build prerenders the banner for its own date (the no-JS text); this script re-judges it with the
   reader's date in China time. Only dates are compared (ISO strings); nothing is computed from policy figures. */
(function () {
  "use strict";
  function judge(banner, today) {
    var state = stateOn(banner, today);
    var lines = banner.querySelectorAll("[data-state]");
    for (var i = 0; i < lines.length; i++) {
      lines[i].hidden = lines[i].getAttribute("data-state") !== state;
    }
    banner.className = banner.className.replace(/mb-policy-status--\S+/, "mb-policy-status--" + state);
    banner.setAttribute("data-judged", state);
    var checked = banner.querySelector(".mb-status-checked");
    var template = banner.getAttribute("data-checked-template");
    if (checked && template) { checked.textContent = template.replace("{day}", today); }
  }
  function stateOn(el, today) {
    var from = el.getAttribute("data-effective-from");
    var to = el.getAttribute("data-effective-to");
    return today < from ? "not_yet" : (to && today > to ? "ended" : "in_force");
  }
  // a list's one-word status (home, province, compare): the words ride in data-word-* attributes
  function judgeWord(el, today) {
    var state = stateOn(el, today);
    var word = el.getAttribute("data-word-" + state.replace("_", "-"));
    if (word) { el.textContent = word; }
    el.className = el.className.replace(/mb-list-status--\S+/, "mb-list-status--" + state);
    el.setAttribute("data-judged", state);
  }
  function run() {
    var banners = document.querySelectorAll(".mb-policy-status[data-effective-from]");
    var today = window.MINGBAI_CHINA_TODAY();   // the day in China: china-date.js, loaded before
    if (!today) { return; }
    for (var i = 0; i < banners.length; i++) { judge(banners[i], today); }
    var words = document.querySelectorAll(".mb-list-status[data-effective-from]");
    for (var j = 0; j < words.length; j++) { judgeWord(words[j], today); }
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", run); } else { run(); }
  // mkdocs-material's instant navigation swaps pages without a reload
  if (window.document$ && window.document$.subscribe) { window.document$.subscribe(run); }
  window.MINGBAI_ON_NEW_DAY(run);   // a page left open, or shown again, on a later day: china-date.js
})();
