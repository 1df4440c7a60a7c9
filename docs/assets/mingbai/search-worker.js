/* Mingbai reader search (issue 24): the query code behind the theme's search box.
 *
 * mkdocs-material runs search in a Web Worker it names in the page's __config ("search"); this file
 * replaces its Lunr worker (scripts/site/theme/main.html) and speaks its messages: SETUP (0) with
 * the index {config, docs}, READY (1), QUERY (2) with the reader's text, RESULT (3) with
 * {items: [[doc]], total}. The index is ours (scripts/site/search_index.py): one per language, plain
 * text, each page with its kind, place and policy dates; config.mingbai holds the language's
 * everyday words (synonyms) and question filler (stop), from scripts/site/search_synonyms.yaml.
 *
 * Segmentation is one function, `terms`, for the pages (when the index is set up) and the query:
 * Chinese runs become character bigrams (single characters only as a fallback for a query word
 * none of whose bigrams occurs: a mistyped place name 衡杨 still finds 衡阳 by 衡), other text
 * lower-cased words with a light plural fold. A mistyped Chinese place one edit from a place name
 * (周扣) looks for that place (周口).
 *
 * Chosen over a query-time jieba segmenter by measurement (scripts/site/search_eval.mjs, on the 217
 * judged queries of tests/search/queries.yaml, 2026-12-04): the alternative, kept here behind
 * useWords() and off on the site, segments pages and queries alike into the fewest words of jieba's
 * dictionary (+ scripts/site/search_dict.txt) that occur in the language's index (1,620 words zh,
 * 1,615 zh-Hant; scripts/site/search_eval_words.py), pages also under the words within a word
 * (jieba's search mode).
 *                 recall@5 zh / zh-Hant    MRR zh / zh-Hant    bytes added to the first search
 *   bigrams       100 % / 100 %            0.915 / 0.923       0
 *   dictionary    96.6 % / 97.6 %          0.858 / 0.871       + 4.8 KB brotli (6.2 KB gzip) a language
 * The dictionary misses 职工医保 (its words 职工 医保 vs the page's 职工基本医疗保险), 忘了交医保 and the
 * typo 周扣 (zh) (its single characters occur, so no place fallback); the ranking was tuned with bigrams,
 * which favours them somewhat, but the dictionary also costs bytes and loses partial-word matches.
 * English is words in both. recall@5 and MRR of the shipped code: tests/test_search_quality.py.
 *
 * Each hit is one page: its status judged from the policy's dates with the reader's day (as
 * assets/mingbai/policy-status.js judges the page's banner, in the banner's words), a short snippet
 * around the best match (never a whole table), ranked so the policy page for the reader's place
 * and question comes first. Runs unchanged in a Worker, in iframe-worker (file://) and in Node
 * (module.exports), where tests run it against the built index.
 */
/* global module */   // Node (tests, scripts/site/search_eval.mjs) loads it as a CommonJS module
(function (root) {
  "use strict";

  var CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
  var RUN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[a-z0-9]+(?:[.'][a-z0-9]+)*/g;
  var KIND_WEIGHT = { policy: 1, province: 0.55, table: 0.5, compare: 0.45, home: 0.3, about: 0.3, other: 0.3 };
  var STATUS_WEIGHT = { in_force: 1, not_yet: 0.95, ended: 0.6 };
  function placeLike(alt) { return CJK.test(alt.phrase[0]) ? alt.phrase.length >= 2 : alt.phrase.length >= 4; }
  var SNIPPET_BEFORE = 24;
  var SNIPPET_LENGTH = 110;

  function norm(text) {
    return String(text || "").normalize("NFKC").toLowerCase().replace(/\u200b/g, "");
  }

  function fold(word) {   // English plural, both sides: "newborns" ~ "newborn", "policies" ~ "policy"
    if (word.length > 4 && /ies$/.test(word)) return word.slice(0, -3) + "y";
    if (word.length > 3 && /[^su]s$/.test(word)) return word.slice(0, -1);
    return word;
  }

  /* The measured alternative (scripts/site/search_eval.mjs): a dictionary segmenter, fewest words from
     jieba's dictionary words that occur in the index (useWords); off (null) on the site. */
  var WORDS = null, LONGEST = 0;
  function useWords(list) {
    WORDS = list ? new Set(list) : null;
    LONGEST = list ? list.reduce(function (m, w) { return Math.max(m, w.length); }, 1) : 0;
  }
  function segment(run) {
    var best = [0], from = [0];
    for (var i = 1; i <= run.length; i++) {
      best[i] = best[i - 1] + 1; from[i] = i - 1;
      for (var k = 2; k <= Math.min(LONGEST, i); k++) {
        if (best[i - k] + 1 < best[i] && WORDS.has(run.slice(i - k, i))) { best[i] = best[i - k] + 1; from[i] = i - k; }
      }
    }
    var out = [];
    for (var j = run.length; j > 0; j = from[j]) out.unshift(run.slice(from[j], j));
    return out;
  }

  /* The one segmentation: text → terms ("b:" bigram, "c:" single character, "w:" word). */
  function terms(text, withChars) {
    var out = [];
    var runs = norm(text).match(RUN) || [];
    for (var r = 0; r < runs.length; r++) {
      var run = runs[r];
      if (CJK.test(run[0]) && WORDS) {
        var seg = segment(run);
        for (var q = 0; q < seg.length; q++) {
          out.push((seg[q].length > 1 ? "b:" : "c:") + seg[q]);
          if (withChars) for (var a = 0; a < seg[q].length; a++) for (var e = a + 2; e <= seg[q].length; e++) {   // jieba's search mode: the
            if (e - a < seg[q].length && WORDS.has(seg[q].slice(a, e))) out.push("b:" + seg[q].slice(a, e));   // words within a word
          }
        }
        if (withChars && run.length > 1) for (var z = 0; z < run.length; z++) if (seg.indexOf(run[z]) < 0) out.push("c:" + run[z]);
      } else if (CJK.test(run[0])) {
        if (run.length === 1) out.push("c:" + run);
        for (var i = 0; i + 1 < run.length; i++) out.push("b:" + run.slice(i, i + 2));
        if (withChars && run.length > 1) for (var j = 0; j < run.length; j++) out.push("c:" + run[j]);
      } else {
        out.push("w:" + fold(run));
      }
    }
    return out;
  }

  function counts(text) {
    var map = new Map();
    var list = terms(text, true);
    for (var i = 0; i < list.length; i++) map.set(list[i], (map.get(list[i]) || 0) + 1);
    return map;
  }

  /* ---- the index ---------------------------------------------------------------------------- */

  function setup(index) {
    var words = (index.config && index.config.mingbai) || {};
    var pages = [];
    var byPage = new Map();
    var df = new Map();
    var docs = index.docs || [];
    for (var i = 0; i < docs.length; i++) {
      var doc = docs[i];
      var key = doc.location.split("#")[0];
      var page = byPage.get(key);
      if (!page) {
        page = { location: key, title: "", kind: "other", place: "", status: null, sections: [], head: null };
        byPage.set(key, page);
        pages.push(page);
      }
      var section = { location: doc.location, title: doc.title || "", text: doc.text || "",
                      lower: String(doc.text || "").toLowerCase(), titleTerms: counts(doc.title), textTerms: counts(doc.text) };
      if (doc.location.indexOf("#") < 0) {
        page.title = doc.title || "";
        page.kind = doc.kind || "other";
        page.place = doc.place || "";
        page.status = doc.status || null;
        page.titleTerms = section.titleTerms;
        page.placeTerms = counts(page.place);
      }
      page.sections.push(section);
    }
    pages.forEach(function (page) {
      if (!page.titleTerms) { page.titleTerms = new Map(); page.placeTerms = new Map(); }
      var seen = new Set();
      [page.titleTerms, page.placeTerms].concat(page.sections.map(function (s) { return s.textTerms; }))
        .concat(page.sections.map(function (s) { return s.titleTerms; }))
        .forEach(function (m) { m.forEach(function (_, t) { seen.add(t); }); });
      seen.forEach(function (t) { df.set(t, (df.get(t) || 0) + 1); });
    });
    var synonyms = [];
    var raw = words.synonyms || {};
    Object.keys(raw).forEach(function (word) { synonyms.push([norm(word), raw[word].map(norm)]); });
    synonyms.sort(function (a, b) { return b[0].length - a[0].length; });
    var stop = (words.stop || []).map(norm).sort(function (a, b) { return b.length - a.length; });
    var vocabulary = [];
    df.forEach(function (_, t) { if (t[0] === "w") vocabulary.push(t.slice(2)); });
    var places = new Set();   // Chinese place names, with and without 省/市/县/区 (a mistyped place: 周扣 → 周口)
    pages.forEach(function (page) {
      norm(page.place).split(/[\s·]+/).forEach(function (name) {
        if (!CJK.test(name[0] || "")) return;
        places.add(name);
        var stem = name.replace(/(壮族自治区|自治区|市本级|省|市|县|区)$/, "");
        if (stem.length >= 2) places.add(stem);
      });
    });
    return { pages: pages, df: df, n: pages.length, synonyms: synonyms, stop: stop, vocabulary: vocabulary,
             places: Array.from(places), lang: words.lang || "zh" };
  }

  /* ---- the query ---------------------------------------------------------------------------- */

  function idf(state, term) {
    var d = state.df.get(term) || 0;
    return d ? Math.log(1 + state.n / d) : 0;
  }

  function editWithin(a, b, max) {   // edit distance (a swap of neighbours is one edit) ≤ max
    if (Math.abs(a.length - b.length) > max) return false;
    var before = null, prev = [];
    for (var j = 0; j <= b.length; j++) prev[j] = j;
    for (var i = 1; i <= a.length; i++) {
      var cur = [i];
      var best = i;
      for (var k = 1; k <= b.length; k++) {
        cur[k] = Math.min(prev[k] + 1, cur[k - 1] + 1, prev[k - 1] + (a[i - 1] === b[k - 1] ? 0 : 1));
        if (before && i > 1 && k > 1 && a[i - 1] === b[k - 2] && a[i - 2] === b[k - 1]) cur[k] = Math.min(cur[k], before[k - 2] + 1);
        if (cur[k] < best) best = cur[k];
      }
      if (best > max) return false;
      before = prev;
      prev = cur;
    }
    return prev[b.length] <= max;
  }

  /* One alternative of a query word: its terms with weights; unknown terms fall back to single
     characters (Chinese) or to words of the index one typo away or starting with it (the last word). */
  function alternative(state, phrase, last, chars) {
    var list = terms(phrase, false);
    var out = [];
    for (var i = 0; i < list.length; i++) {
      var t = list[i];
      if (idf(state, t) > 0) { out.push({ terms: [t], weight: idf(state, t) }); continue; }
      if (t[0] === "w") {
        var word = t.slice(2);
        var near = state.vocabulary.filter(function (v) {
          return (word.length >= 4 && editWithin(word, v, word.length >= 7 ? 2 : 1)) ||
                 (last && word.length >= 3 && v.indexOf(word) === 0);
        }).map(function (v) { return "w:" + v; });
        if (near.length) out.push({ terms: near, weight: Math.max.apply(null, near.map(function (x) { return idf(state, x); })) * 0.8 });
      }
    }
    if (chars && !out.length && CJK.test(phrase)) {   // no bigram occurs: the characters that do (衡杨 → 衡)
      var han = norm(phrase).replace(/[^\u3400-\u9fff\uf900-\ufaff]/g, "");
      for (var c = 0; c < han.length; c++) {
        var ct = "c:" + han[c];
        if (idf(state, ct) > 0 && han.indexOf(han[c]) === c) out.push({ terms: [ct], weight: idf(state, ct) * 0.7 });
      }
    }
    return { phrase: phrase, parts: out };
  }

  /* The query → groups; each group is one thing the reader asked for, with alternatives
     (the words as typed, and the field's terms its everyday words stand for). */
  function parse(state, query) {
    var text = " " + norm(query).replace(/[^\w\u3400-\u9fff\uf900-\ufaff.'-]+/g, " ") + " ";
    var groups = [];
    state.synonyms.forEach(function (pair) {
      var word = pair[0];
      var at = CJK.test(word[0]) ? text.indexOf(word) : text.search(new RegExp("[ -]" + word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") + "[ -]"));
      if (at < 0) return;
      groups.push({ words: [word].concat(pair[1]) });
      text = CJK.test(word[0]) ? text.split(word).join(" ") : text.replace(word, " ");
    });
    state.stop.forEach(function (word) {
      text = CJK.test(word[0]) ? text.split(word).join(" ") : text.replace(new RegExp(" " + word + "(?= )", "g"), " ");
    });
    var rest = text.trim().split(/[\s-]+/).filter(Boolean);
    rest.forEach(function (w) { groups.push({ words: [w] }); });
    var lastWord = rest.length ? rest[rest.length - 1] : null;
    return groups.map(function (g) {
      function alts(chars) {
        return g.words.map(function (w, i) {
          var alt = alternative(state, w, w === lastWord, chars);
          alt.factor = i === 0 ? 1 : 0.9;
          return alt;
        }).filter(function (alt) { return alt.parts.length; });
      }
      var found = alts(false);
      if (found.length) return found;
      var near = [];   // none of its words occurs: a place name one edit away (周扣 → 周口), else their characters that do
      g.words.forEach(function (w) {
        if (!CJK.test(w[0]) || w.length < 2) return;
        state.places.forEach(function (place) {
          if (place.length === w.length && editWithin(w, place, 1) && near.every(function (a) { return a.phrase !== place; })) {
            var alt = alternative(state, place, false, false);
            alt.factor = 0.9;
            if (alt.parts.length) near.push(alt);
          }
        });
      });
      return near.length ? near : alts(true);
    }).filter(function (found) { return found.length; });
  }

  function fieldScore(page, section, terms) {   // the best place a term of a part is found
    var best = 0;
    for (var i = 0; i < terms.length; i++) {
      var t = terms[i];
      if (page.placeTerms.has(t)) best = Math.max(best, 4);
      if (page.titleTerms.has(t)) best = Math.max(best, 3);
      if (section.titleTerms.has(t)) best = Math.max(best, 1.8);
      var tf = section.textTerms.get(t) || 0;
      if (tf) best = Math.max(best, 1 + Math.min(tf, 5) / 10);
    }
    return best;
  }

  function judge(status, today) {
    if (!status || !status.from) return null;
    var state = today < status.from ? "not_yet" : (status.to && today > status.to ? "ended" : "in_force");
    return { state: state, words: status[state] || "" };
  }

  function isoToday() {
    var d = new Date();
    function pad(n) { return (n < 10 ? "0" : "") + n; }
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  }

  function escapeHtml(s) {
    return String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }

  /* A short passage of the section's text around its first match, matched words marked. */
  function snippet(section, needles) {
    var text = section.text;
    if (!text) return "";
    var at = -1;
    for (var i = 0; i < needles.length && at < 0; i++) at = section.lower.indexOf(needles[i]);
    var start = Math.max(0, at < 0 ? 0 : at - SNIPPET_BEFORE);
    var end = Math.min(text.length, start + SNIPPET_LENGTH);
    if (start > 0 && !CJK.test(text[start])) { var sp = text.indexOf(" ", start); if (sp > 0 && sp < start + 15) start = sp + 1; }
    if (end < text.length && !CJK.test(text[end - 1])) { var sp2 = text.lastIndexOf(" ", end); if (sp2 > start + 40) end = sp2; }
    var piece = text.slice(start, end);
    var lower = section.lower.slice(start, end);
    var marks = [];
    needles.forEach(function (n) {
      if (!n) return;
      for (var k = lower.indexOf(n); k >= 0; k = lower.indexOf(n, k + n.length)) marks.push([k, k + n.length]);
    });
    marks.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    var html = "", pos = 0;
    marks.forEach(function (m) {
      if (m[0] < pos) return;
      html += escapeHtml(piece.slice(pos, m[0])) + "<mark>" + escapeHtml(piece.slice(m[0], m[1])) + "</mark>";
      pos = m[1];
    });
    html += escapeHtml(piece.slice(pos));
    return (start > 0 ? "…" : "") + html + (end < text.length ? "…" : "");
  }

  function search(state, query, options) {
    options = options || {};
    var today = options.today || isoToday();
    var groups = parse(state, query);
    if (!groups.length) return { items: [], total: 0 };
    var weights = groups.map(function (alts) {   // how much a group counts: its words' mean term weight
      var each = alts.map(function (a) {
        return a.parts.reduce(function (sum, p) { return sum + p.weight; }, 0) / a.parts.length;
      });
      return Math.max.apply(null, each);
    });
    var total = weights.reduce(function (a, b) { return a + b; }, 0);
    var hits = [];
    state.pages.forEach(function (page) {
      var best = null;
      page.sections.forEach(function (section) {
        var score = 0, covered = 0, matched = {}, needles = [], placed = false;
        groups.forEach(function (alts, g) {
          var top = 0, topCover = 0, topAlt = null;
          alts.forEach(function (alt) {
            var sum = 0, have = 0, all = 0, atPlace = alt.parts.length > 0;
            alt.parts.forEach(function (p) {
              var f = fieldScore(page, section, p.terms);
              all += p.weight;
              if (f) { sum += f * p.weight; have += p.weight; }
              if (!p.terms.some(function (t) { return page.placeTerms.has(t); })) atPlace = false;
            });
            if (atPlace && placeLike(alt)) placed = true;
            var cover = all ? have / all : 0;
            var s = (sum / (all || 1)) * cover * alt.factor;
            if (s > top) { top = s; topCover = cover; topAlt = alt; }
          });
          score += top * weights[g];
          covered += topCover * weights[g];
          if (topAlt) {
            matched[topAlt.phrase] = topCover >= 0.99;
            needles.push(norm(topAlt.phrase));
            topAlt.parts.forEach(function (p) { p.terms.forEach(function (t) { if (t[0] !== "c" || topCover < 1) needles.push(t.slice(2)); }); });
          } else {
            matched[alts[0].phrase] = false;
          }
        });
        var coverage = covered / total;
        if (coverage < 0.5 && !placed) return;   // the reader's place named: its pages stay, ranked by the rest
        var value = score * coverage * coverage;
        if (!best || value > best.value) best = { value: value, section: section, matched: matched, needles: needles };
      });
      if (!best) return;
      var status = judge(page.status, today);
      var value = best.value * (KIND_WEIGHT[page.kind] || 0.3) * (status ? STATUS_WEIGHT[status.state] : 1);
      hits.push({ page: page, value: value, best: best, status: status });
    });
    hits.sort(function (a, b) { return b.value - a.value || a.page.location.localeCompare(b.page.location); });
    var items = hits.slice(0, options.limit || 50).map(function (hit) {
      var best = hit.best;
      var needles = best.needles.filter(function (n, i, all) { return n && all.indexOf(n) === i; })
        .sort(function (a, b) { return b.length - a.length; });
      var section = best.section;
      if (section.location === hit.page.location) {   // matched by title or place: the page's summary reads better than its facts
        var summary = hit.page.sections.filter(function (s) { return s !== section && s.text; })[0];
        if (summary && (!needles.some(function (n) { return section.lower.indexOf(n) >= 0; }) ||
                        needles.some(function (n) { return summary.lower.indexOf(n) >= 0; }))) section = summary;
      }
      var text = "";
      if (hit.status) {
        text += '<p class="mb-search-status mb-search-status--' + hit.status.state + '" data-state="' +
                hit.status.state + '">' + escapeHtml(hit.status.words) + "</p>";
      }
      if (section.location !== hit.page.location && section.title) {
        text += '<p class="mb-search-section">' + escapeHtml(section.title) + "</p>";
      }
      var passage = snippet(section, needles);
      if (passage) text += '<p class="mb-search-snippet">' + passage + "</p>";
      return [{ location: hit.page.location, title: escapeHtml(hit.page.title), text: text,
                score: hit.value, terms: best.matched, kind: hit.page.kind,
                state: hit.status ? hit.status.state : null }];
    });
    return { items: items, total: hits.length };
  }

  var api = { terms: terms, setup: setup, search: search, parse: parse, judge: judge, useWords: useWords };
  if (typeof module !== "undefined" && module.exports) {
    module.exports = api;
    return;
  }

  /* ---- the worker (material's messages) ---------------------------------------------------- */
  var state = null;
  root.addEventListener("message", function (ev) {
    var msg = ev.data || {};
    if (msg.type === 0) {
      state = setup(msg.data || {});
      postMessage({ type: 1 });
    } else if (msg.type === 2) {
      postMessage({ type: 3, data: state ? search(state, msg.data || "") : { items: [], total: 0 } });
    }
  });
})(typeof self !== "undefined" ? self : this);
