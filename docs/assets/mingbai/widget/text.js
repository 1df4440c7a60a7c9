/* The widget's own words (zh, en; zh-Hant converted from zh) and the page language of a form. */

import { widget, hant_phrases as hantPhrases } from "mingbai-ui-words";

/* The words themselves live in scripts/site/ui_words.json (section "widget", each {zh, en}), beside
   the pages' words: scripts/bundle/widget_bundle.py bundles the file as the module "mingbai-ui-words"
   (only the sections imported here reach the bundle). */
export var TEXT = byLanguage(widget);

function byLanguage(words) {
  var out = { zh: {}, en: {} };
  Object.keys(words).forEach(function (key) {
    out.zh[key] = words[key].zh;
    out.en[key] = words[key].en;
  });
  return out;
}

/* zh-Hant pages (data-lang="zh-Hant") show calc's zh text converted character by character
   with the table the build made from OpenCC (assets/mingbai/hant-map.js). */
function toHant(text) {
  var table = window.MINGBAI_HANT;
  if (!table) return text;
  var out = "";
  for (var i = 0; i < text.length; i++) out += table[text.charAt(i)] || text.charAt(i);
  return out;
}

/* A character table cannot tell 复 (複 copy / 復 again) apart, nor say 連結 for a link as Taiwan does:
   the widget's own words get these phrases right after the table ("複製連結", not "復制鏈接"); the
   [wrong, right] pairs are ui_words.json's "hant_phrases", beside the words they fix. */
export function hantWords(text) {
  hantPhrases.forEach(function (p) { text = text.split(p[0]).join(p[1]); });
  return text;
}

// zh text as the form's page shows it
export function txt(st, text) {
  return st.hant ? toHant(text) : text;
}

export function uiText(st) {
  if (!st.hant) return TEXT[st.lang];
  if (!TEXT.hant) {
    TEXT.hant = {};
    Object.keys(TEXT.zh).forEach(function (k) { TEXT.hant[k] = hantWords(toHant(TEXT.zh[k])); });
  }
  return TEXT.hant;
}

export function langOf(form) {
  var lang = (form.getAttribute("data-lang") || document.documentElement.lang || "zh").toLowerCase();
  return lang.indexOf("en") === 0 ? "en" : "zh";
}

export function other(lang) {
  return lang === "en" ? "zh" : "en";
}
