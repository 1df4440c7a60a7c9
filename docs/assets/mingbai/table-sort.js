/* Sortable tables (table[data-sortable]): a header button sorts by its column.
   Numbers sort by their data-sort value as printed by the build; nothing is computed. */
(function () {
  "use strict";
  function key(cell) {
    var raw = cell.getAttribute("data-sort");
    return raw === null ? cell.textContent.trim() : raw;
  }
  function compare(a, b, numeric) {
    if (numeric) return Number(a) - Number(b);
    return a.localeCompare(b, document.documentElement.lang || "zh");
  }
  function setup(table) {
    var body = table.tBodies[0];
    table.querySelectorAll("button.mb-sort").forEach(function (button) {
      button.addEventListener("click", function () {
        var col = Number(button.getAttribute("data-col"));
        var rows = Array.prototype.slice.call(body.rows);
        var numeric = rows.every(function (r) { return r.cells[col].hasAttribute("data-sort"); });
        var th = button.parentNode;
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        rows.sort(function (a, b) {
          var c = compare(key(a.cells[col]), key(b.cells[col]), numeric);
          return ascending ? c : -c;
        });
        table.querySelectorAll("th[aria-sort]").forEach(function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  }
  function scan() { document.querySelectorAll("table[data-sortable]").forEach(setup); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", scan);
  else scan();
})();
