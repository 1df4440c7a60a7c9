/* calc's error messages under the fields they name (aria-invalid, aria-describedby), or above
 * the result for the form as a whole. */
import { controlsOf, describedBy, ensureId, fieldByName } from "./dom.js";
import { txt } from "./text.js";

function errorElFor(field) {
  var el = field.querySelector(".mb-error");
  if (!el) {
    el = document.createElement("p");
    el.className = "mb-error";
    el.hidden = true;
    field.appendChild(el);
  }
  var first = controlsOf(field)[0];
  ensureId(el, (first && first.id ? first.id : "mb-field") + "-error");
  return el;
}

function formErrorEl(st) {
  var el = st.form.querySelector(".mb-form-error");
  if (!el) {
    el = document.createElement("p");
    el.className = "mb-form-error";
    el.setAttribute("role", "alert");
    el.hidden = true;
    var anchor = st.status || st.result;
    if (anchor && anchor.parentNode) anchor.parentNode.insertBefore(el, anchor);
    else st.form.appendChild(el);
  }
  return el;
}

export function clearErrors(st) {
  st.fields.forEach(function (field) {
    var el = field.querySelector(".mb-error");
    if (!el) return;
    el.textContent = "";
    el.hidden = true;
    controlsOf(field).forEach(function (c) {
      c.removeAttribute("aria-invalid");
      if (el.id) describedBy(c, el.id, false);
    });
  });
  var formErr = st.form.querySelector(".mb-form-error");
  if (formErr) {
    formErr.textContent = "";
    formErr.hidden = true;
  }
}

// errors: calc's [{field, message_zh, message_en}]
export function placeErrors(st, errors) {
  clearErrors(st);
  var key = st.lang === "en" ? "message_en" : "message_zh";
  var perField = {};
  var general = [];
  (errors || []).forEach(function (err) {
    var msg = txt(st, String((err && (err[key] || err.message_zh || err.message_en)) || ""));
    var field = err && err.field ? fieldByName(st, String(err.field)) : null;
    if (field) {
      var name = field.getAttribute("data-field");
      (perField[name] = perField[name] || { field: field, msgs: [] }).msgs.push(msg);
    } else {
      general.push(msg);
    }
  });
  Object.keys(perField).forEach(function (name) {
    var entry = perField[name];
    var el = errorElFor(entry.field);
    el.textContent = entry.msgs.join(" ");
    el.hidden = false;
    controlsOf(entry.field).forEach(function (c) {
      c.setAttribute("aria-invalid", "true");
      describedBy(c, el.id, true);
    });
  });
  if (general.length) {
    var fe = formErrorEl(st);
    fe.textContent = general.join(" ");
    fe.hidden = false;
  }
}
