/* Runs the site's real query code (docs/assets/mingbai/search-worker.js) against a built site's
   search indexes, for every query of a judged set: node quality.js <site> <queries.json> [today].
   Prints JSON: per query the top 10 locations and the rank of each page that must be in the top 5;
   per language recall@5 (of the judged pages) and MRR (of the first judged page). */
"use strict";
const fs = require("fs");
const path = require("path");
const search = require(path.join(__dirname, "..", "..", "docs", "assets", "mingbai", "search-worker.js"));

const [site, queriesFile, today] = process.argv.slice(2);
const ROOTS = { zh: "", en: "en/", "zh-Hant": "zh-Hant/" };
const queries = JSON.parse(fs.readFileSync(queriesFile, "utf-8"));
const states = {};
const results = [];
const byLang = {};
for (const q of queries) {
  if (!states[q.lang]) {
    const index = JSON.parse(fs.readFileSync(path.join(site, "search", `search_index.${q.lang}.json`), "utf-8"));
    states[q.lang] = search.setup(index);
  }
  const t0 = process.hrtime.bigint();
  const found = search.search(states[q.lang], q.query, { today: today || undefined });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const top = found.items.slice(0, 10).map((item) => item[0].location.slice(ROOTS[q.lang].length));
  const ranks = q.top5.map((want) => top.indexOf(want) + 1);
  const first = Math.min(...ranks.map((r) => (r > 0 ? r : Infinity)));
  const stat = byLang[q.lang] || (byLang[q.lang] = { queries: 0, wanted: 0, in5: 0, rr: 0, slowest_ms: 0 });
  stat.queries += 1;
  stat.wanted += q.top5.length;
  stat.in5 += ranks.filter((r) => r > 0 && r <= 5).length;
  stat.rr += first === Infinity ? 0 : 1 / first;
  stat.slowest_ms = Math.max(stat.slowest_ms, ms);
  results.push({ lang: q.lang, query: q.query, top5: q.top5, ranks, top });
}
for (const stat of Object.values(byLang)) {
  stat.recall5 = stat.in5 / stat.wanted;
  stat.mrr = stat.rr / stat.queries;
}
process.stdout.write(JSON.stringify({ languages: byLang, results }, null, 1));
