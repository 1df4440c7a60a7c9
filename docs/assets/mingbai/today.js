/* Mingbai: the "today" box shows what is open for a place on the reader's date, in China time (UTC+8),
   whatever the reader's own time zone. The build carries every verdict, each with the days it holds
   (scripts/site/today_box.py); this script only compares ISO dates and shows the one holding today. */
(function () {
  "use strict";
  function chinaToday() {
    // UTC+8 all year (China has no daylight saving): shift the instant, read it as UTC
    var day = new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);
    return /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : null;   // past year 9999: keep the build's verdict
  }
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
    var today = chinaToday();
    if (!today) { return; }
    var boxes = document.querySelectorAll(".mb-today");
    for (var i = 0; i < boxes.length; i++) { judge(boxes[i], today); }
  }
  window.MINGBAI_CHINA_TODAY = chinaToday;
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", run); } else { run(); }
  if (window.document$ && window.document$.subscribe) { window.document$.subscribe(run); }
})();
