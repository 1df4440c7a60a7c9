/* Shareable scenarios: inputs live in the query string,
 *   ?calc=<calculator>&<input>=<value>&…#<form id>
 * (a list repeats its key, an empty value meaning none ticked; booleans are true/false;
 * `policy` and `lang` are kept, for embed pages). On load, a form takes the inputs when `calc`
 * names its calculator (or when there is no `calc` and it is the page's only form), then
 * computes. Each form gets a "复制链接 / Copy link" button that copies (and shows) that link.
 */
import { canHold, readField, writeField } from "./form-fields.js";
import { uiText } from "./text.js";

var KEPT_PARAMS = ["policy", "lang"];     // embed pages: which policy and language

// The field's values as the link writes them.
function linkValues(field) {
  var reading = readField(field);
  if (!reading) return [];
  if (Array.isArray(reading.value)) return reading.value.length ? reading.value : [""];
  if (typeof reading.value === "boolean") return [reading.value ? "true" : "false"];
  return [reading.value];
}

export function shareURL(st) {
  var here = new URL(window.location.href);
  var url = new URL(here.pathname, here.href);
  KEPT_PARAMS.forEach(function (key) {
    if (here.searchParams.has(key)) url.searchParams.set(key, here.searchParams.get(key));
  });
  url.searchParams.set("calc", st.form.getAttribute("data-calc") || "");
  st.fields.forEach(function (field) {
    var name = field.getAttribute("data-field");
    linkValues(field).forEach(function (v) { url.searchParams.append(name, v); });
  });
  if (st.form.id && !document.body.hasAttribute("data-mb-embed")) url.hash = st.form.id;
  return url.href;
}

// The URL's inputs for this form, or null when the URL carries none for it.
function sharedInputs(form) {
  var params;
  try { params = new URL(window.location.href).searchParams; } catch (e) { return null; }
  var calc = params.get("calc");
  if (calc !== null ? calc !== form.getAttribute("data-calc")
                    : document.querySelectorAll("form.mb-calc").length !== 1) return null;
  return params;
}

// Full-width digits and marks, as calc reads them (calc/inputs.py _HALFWIDTH), and no surrounding blanks:
// a link's "６" or " 6" shows in the field as the 6 calc computes with.
function asTyped(value) {
  return value.replace(/[\uFF10-\uFF19\uFF0B\uFF0D\uFF0E\uFF0F]/g, function (c) {
    return String.fromCharCode(c.charCodeAt(0) - 0xFEE0);
  }).trim();
}

/* The link's inputs into the form. A value no control can hold is kept in st.shared and sent to
   calc as it came (inputs.js collect), so the field shows calc's error, as it would for typed input.
   A field given twice that takes one value (months=6&months=13) is sent as both, so calc refuses it
   at that field: never the first one silently. */
export function prefill(st) {
  var params = sharedInputs(st.form);
  if (!params) return;
  st.fields.forEach(function (field) {
    var name = field.getAttribute("data-field");
    if (!params.has(name) || KEPT_PARAMS.indexOf(name) >= 0 || name === "calc") return;
    var values = params.getAll(name).map(asTyped);
    var many = field.getAttribute("data-type") === "list";
    if (!many && values.length > 1) {
      writeField(field, [""]);
      st.shared = st.shared || {};
      st.shared[name] = values;
      return;
    }
    writeField(field, values);
    if (!canHold(field, values)) {
      st.shared = st.shared || {};
      st.shared[name] = many ? values : values[0];
    }
  });
}

function copyText(text) {
  if (navigator.clipboard && navigator.clipboard.writeText) {
    return navigator.clipboard.writeText(text);
  }
  return Promise.reject(new Error("no clipboard"));
}

export function addShare(st) {
  if (st.form.querySelector(".mb-share")) return;
  var t = uiText(st);
  var box = document.createElement("div");
  box.className = "mb-share";
  var button = document.createElement("button");
  button.type = "button";
  button.className = "mb-share-button";
  button.textContent = t.share;
  var note = document.createElement("span");
  note.className = "mb-share-note";
  note.setAttribute("role", "status");
  note.setAttribute("aria-live", "polite");
  var link = document.createElement("input");
  link.type = "text";
  link.readOnly = true;
  link.className = "mb-share-url";
  link.setAttribute("aria-label", t.shareLabel);
  link.hidden = true;
  box.appendChild(button);
  box.appendChild(note);
  box.appendChild(link);
  button.addEventListener("click", function () {
    var url = shareURL(st);
    link.value = url;
    link.hidden = false;
    copyText(url).then(function () {
      note.textContent = t.copied;
    }, function () {
      note.textContent = t.copyByHand;
      link.focus();
      link.select();
    });
  });
  var anchor = st.form.querySelector(".mb-steps-box") || st.steps;
  if (anchor && anchor.parentNode === st.form) st.form.insertBefore(box, anchor);
  else st.form.appendChild(box);
}
