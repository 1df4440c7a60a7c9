/* Mingbai: the reader's day in China (UTC+8), the one date every "today" judgement uses (policy-status.js:
   banners and list words; today.js: the today box). A policy ends at midnight in China, not in the
   reader's city, so the day is China's whatever the reader's own time zone. */
(function () {
  "use strict";
  window.MINGBAI_CHINA_TODAY = function () {
    // UTC+8 all year (China has no daylight saving): shift the instant, read it as UTC
    var day = new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);
    // a clock past year 9999 ("+010001-01-01…") or otherwise odd compares as text wrongly: keep the build's verdict
    return /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : null;
  };
})();
