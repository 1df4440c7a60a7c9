/* Mingbai: the "today" box shows what is open for a place on the reader's date, in China time (UTC+8,
   china-date.js), whatever the reader's own time zone. The build carries every verdict, each with the days it holds
   (scripts/site/today_box.py); this script only compares ISO dates and shows the one holding today. */
(function () {
  "use strict";
  function judge(box, today) {
    var variants = box.querySelectorAll("[data-today-from]");
    for (var i = 0; i < variants.length; i++) {
      var from = variants[i].getAttribute("data-today-from");
      var to = variants[i].getAttribute("data-today-to");
      variants[i].hidden = !((!from || from <= today) && (!to || today <= to));
    }
    box.setAttribute("data-judged", today);
    var checked = box.querySelector(".mb-today-checked");
    var template = box.getAttribute("data-checked-template");
    if (checked && template) { checked.textContent = template.replace("{day}", today); }
  }
  function run() {
    var today = window.MINGBAI_CHINA_TODAY();   // china-date.js, loaded before
    if (!today) { return; }
    var boxes = document.querySelectorAll(".mb-today");
    for (var i = 0; i < boxes.length; i++) { judge(boxes[i], today); }
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", run); } else { run(); }
  if (window.document$ && window.document$.subscribe) { window.document$.subscribe(run); }
  window.MINGBAI_ON_NEW_DAY(run);   // a page left open, or shown again, on a later day: china-date.js
})();
