/* The widget's own words (zh, en; zh-Hant converted from zh) and the page language of a form. */

export var TEXT = {
  zh: {
    loading: "正在加载计算引擎",
    starting: "正在启动计算引擎…",
    ready: "就绪",
    failed: "计算引擎加载失败",
    reload: "请刷新页面重试。",
    computeFailed: "计算出错",
    unavailable: "实时计算暂不可用",
    showingExample: "下面是按默认输入预先算好的示例，不是按你填写的数据算的",
    retry: "重试",
    leftEmpty: "未填写：按默认值 {value} 计算。",
    mb: "MB",
    share: "复制链接",
    copied: "链接已复制，打开它即可看到同样的输入和结果。",
    copyByHand: "请复制下面的链接。",
    shareLabel: "本计算的链接",
    turnOn: "开启实时计算",
    downloads: "（下载约 {mb} MB）",
    yourInputs: "按你填写的数据计算的结果",
    exampleValue: "示例值",
    mixedInputs: "按你填写的数据和示例值计算的结果",
    stateExample: "下面是示例的结果（输入是示例值），不是按你的情况算的。",
    stateLoading: "正在按你改过的输入重新计算……下面还是之前的结果，不是你这次输入的。",
    stateInvalid: "输入有误，下面的结果不是按你的输入算的",
    stateInvalidAt: "：请看“{fields}”一栏下的说明。",
    stateExampleOnly: "实时计算不可用：下面是示例的结果，不是按你的输入算的。",
    stateMixed: "按你填写的数据和示例值计算：“{fields}”还是示例值，不是你填写的；改成你自己的数字，结果才是你的。"
  },
  en: {
    loading: "Loading engine",
    starting: "Starting engine…",
    ready: "Ready",
    failed: "The calculation engine failed to load",
    reload: "Please reload the page.",
    computeFailed: "Calculation failed",
    unavailable: "Live calculation is unavailable",
    showingExample: "shown below is the worked example for the default inputs, not for yours",
    retry: "Try again",
    leftEmpty: "Left empty: computed with the default, {value}.",
    mb: "MB",
    share: "Copy link",
    copied: "Link copied: opening it shows the same inputs and result.",
    copyByHand: "Copy the link below.",
    shareLabel: "Link to this calculation",
    turnOn: "Turn on live calculation",
    downloads: " (downloads about {mb} MB)",
    yourInputs: "Result for the inputs you entered",
    exampleValue: "example value",
    mixedInputs: "Result for your inputs and example values",
    stateExample: "Below is the worked example's result (its inputs are example values), not yours.",
    stateLoading: "Recomputing for your changed inputs… the result below is still the previous one, not for these inputs.",
    stateInvalid: "An input is not valid: the result below is not for your inputs",
    stateInvalidAt: "; see the note under “{fields}”.",
    stateExampleOnly: "Live calculation is unavailable: below is the worked example's result, not yours.",
    stateMixed: "Computed from your inputs and example values: “{fields}” still holds an example value, not yours; enter your own for a result that is yours."
  }
};

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
   the widget's own words get these phrases right after the table ("複製連結", not "復制鏈接"). */
var HANT_PHRASES = [["復制", "複製"], ["鏈接", "連結"]];
export function hantWords(text) {
  HANT_PHRASES.forEach(function (p) { text = text.split(p[0]).join(p[1]); });
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
