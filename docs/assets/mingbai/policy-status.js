/* Mingbai: a policy page says whether its policy is in force *today*, not on the day the site was built.
   The build prerenders the banner for its own date (the no-JS text); this script re-judges it with the
   reader's date. Only dates are compared (ISO strings); nothing is computed from policy figures. */
(function () {
  "use strict";
  function isoToday() {
    var d = new Date();
    function pad(n) { return (n < 10 ? "0" : "") + n; }
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  }
  function judge(banner, today) {
    var from = banner.getAttribute("data-effective-from");
    var to = banner.getAttribute("data-effective-to");
    var state = today < from ? "not_yet" : (to && today > to ? "ended" : "in_force");
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
  function run() {
    var banners = document.querySelectorAll(".mb-policy-status[data-effective-from]");
    var today = isoToday();
    for (var i = 0; i < banners.length; i++) { judge(banners[i], today); }
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", run); } else { run(); }
  // mkdocs-material's instant navigation swaps pages without a reload
  if (window.document$ && window.document$.subscribe) { window.document$.subscribe(run); }
})();
