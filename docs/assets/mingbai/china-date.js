/* Mingbai: the reader's day in China (UTC+8), the one date every "today" judgement uses (policy-status.js:
   banners and list words; today.js: the today box). A policy ends at midnight in China, not in the
   reader's city, so the day is China's whatever the reader's own time zone.
   A page stays open for days (a phone keeps its tabs; the back button shows a page from its cache), so a
   judgement made when the page loaded goes stale: MINGBAI_ON_NEW_DAY(fn) runs fn again whenever the reader
   may be on another day — the page shown again, and China's midnight passing while it is open. */
(function () {
  "use strict";
  var DAY_MS = 24 * 3600 * 1000, CHINA_MS = 8 * 3600 * 1000;
  window.MINGBAI_CHINA_TODAY = function () {
    // UTC+8 all year (China has no daylight saving): shift the instant, read it as UTC
    var day = new Date(Date.now() + CHINA_MS).toISOString().slice(0, 10);
    // a clock past year 9999 ("+010001-01-01…") or otherwise odd compares as text wrongly: keep the build's verdict
    return /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : null;
  };

  var judges = [], timer = null;
  function again() {
    for (var i = 0; i < judges.length; i++) { judges[i](); }
    atMidnight();
  }
  function atMidnight() {   // a second past the next midnight in China; a hidden tab's timer may fire late: see below
    clearTimeout(timer);
    var china = Date.now() + CHINA_MS;
    timer = setTimeout(again, (Math.floor(china / DAY_MS) + 1) * DAY_MS - china + 1000);
  }
  window.MINGBAI_ON_NEW_DAY = function (judge) {
    judges.push(judge);
    if (judges.length > 1) { return; }
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "visible") { again(); }
    });
    window.addEventListener("pageshow", function (event) { if (event.persisted) { again(); } });
    atMidnight();
  };
})();
