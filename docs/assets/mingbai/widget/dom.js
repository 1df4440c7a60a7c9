/* Small helpers shared by the modules, mostly for the DOM (nothing here knows a calculator). */

export function has(obj, key) {
  return Object.prototype.hasOwnProperty.call(obj, key);
}

export function $all(root, sel) {
  return Array.prototype.slice.call(root.querySelectorAll(sel));
}

export function clearChildren(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
}

// The controls of one .mb-field (form-fields.js alone reads their values).
export function controlsOf(field) {
  return $all(field, "input, select, textarea");
}

export function fieldByName(st, name) {
  for (var i = 0; i < st.fields.length; i++) {
    if (st.fields[i].getAttribute("data-field") === name) return st.fields[i];
  }
  return null;
}

var idCounter = 0;

export function ensureId(el, prefix) {
  if (!el.id) {
    idCounter += 1;
    el.id = prefix + "-" + idCounter;
  }
  return el.id;
}

export function describedBy(control, id, add) {
  var tokens = (control.getAttribute("aria-describedby") || "").split(/\s+/).filter(Boolean);
  tokens = tokens.filter(function (t) { return t !== id; });
  if (add) tokens.push(id);
  if (tokens.length) control.setAttribute("aria-describedby", tokens.join(" "));
  else control.removeAttribute("aria-describedby");
}

// Performance marks: mingbai:boot, mingbai:ready, mingbai:first-result
export function mark(name) {
  try { if (window.performance && performance.mark) performance.mark(name); } catch (e) { /* ignore */ }
}
