/* Segmentation chosen by measurement (issue 24): the judged query set (tests/search/queries.yaml, as JSON)
   run through the site's query code (docs/assets/mingbai/search-worker.js) on a built site's indexes with
   (a) character bigrams — what the site ships — and (b) a dictionary segmenter: jieba's dictionary words
   that occur in the language's index (python -m scripts.site.search_eval_words SITE WORDS_DIR), fewest
   words per run, the same function for pages and queries. Prints recall@5 and MRR per language for each,
   and the compressed bytes the dictionary would add to the first search.
   node scripts/site/search_eval.mjs SITE QUERIES.json WORDS_DIR [today] */
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const worker = require(path.resolve(path.dirname(new URL(import.meta.url).pathname), "../../docs/assets/mingbai/search-worker.js"));
const [site, queriesFile, wordsDir, today = "2026-12-04"] = process.argv.slice(2);
const ROOTS = { zh: "", en: "en/", "zh-Hant": "zh-Hant/" };
const queries = JSON.parse(fs.readFileSync(queriesFile, "utf-8"));

function run(lang, words) {
  worker.useWords(words);
  const index = JSON.parse(fs.readFileSync(path.join(site, "search", `search_index.${lang}.json`), "utf-8"));
  const t0 = process.hrtime.bigint();
  const state = worker.setup(index);
  const setupMs = Number(process.hrtime.bigint() - t0) / 1e6;
  let wanted = 0, in5 = 0, rr = 0, n = 0;
  const misses = [];
  for (const q of queries.filter((x) => x.lang === lang)) {
    const top = worker.search(state, q.query, { today }).items.slice(0, 10).map((i) => i[0].location.slice(ROOTS[lang].length));
    const ranks = q.top5.map((w) => top.indexOf(w) + 1);
    n += 1; wanted += q.top5.length;
    in5 += ranks.filter((r) => r > 0 && r <= 5).length;
    const first = Math.min(...ranks.map((r) => (r > 0 ? r : Infinity)));
    rr += first === Infinity ? 0 : 1 / first;
    if (ranks.some((r) => r === 0 || r > 5)) misses.push(`${q.query} ${JSON.stringify(ranks)}`);
  }
  worker.useWords(null);
  return { recall5: +(in5 / wanted).toFixed(3), mrr: +(rr / n).toFixed(3), setup_ms: Math.round(setupMs), misses };
}

const out = {};
for (const lang of ["zh", "zh-Hant"]) {
  const raw = fs.readFileSync(path.join(wordsDir, `words.${lang}.json`));
  const words = JSON.parse(raw);
  out[lang] = {
    bigrams: run(lang, null),
    dictionary: run(lang, words),
    dictionary_words: words.length,
    dictionary_bytes: { raw: raw.length, gzip: zlib.gzipSync(raw, { level: 9 }).length,
                        br: zlib.brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length },
  };
}
process.stdout.write(JSON.stringify(out, null, 1) + "\n");
