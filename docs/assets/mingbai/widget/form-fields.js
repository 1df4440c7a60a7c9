/* The one place that knows how each input type sits in the form's controls (markup:
 * scripts/site/templates/widget.html.j2). A field (.mb-field[data-field][data-type]) holds
 *   ticked boxes                   data-type="list": the values ticked
 *   one checkbox                   data-type="boolean": true or false
 *   radios                         the value picked ("" when none is)
 *   one input, select or textarea  every other type: its text as typed
 * readField is the only reader of the controls' values (what calc gets, share links, captions,
 * default notes use it); writeField the only writer (share links); canHold says whether a value
 * from a link fits the controls. A new input type is added here, in the template and in
 * calc/inputs.py.
 */
import { $all, controlsOf } from "./dom.js";

function checkboxes(controls) {
  return controls.filter(function (c) { return c.type === "checkbox"; });
}

function radiosOf(controls) {
  return controls.filter(function (c) { return c.type === "radio"; });
}

function isBooleanBox(type, controls) {
  return type === "boolean" && checkboxes(controls).length > 0;
}

// The value a control is built with (the page's worked example) rather than its current one.
function builtValue(control) {
  if (control.tagName !== "SELECT") return control.defaultValue;
  var opts = $all(control, "option");
  var def = opts.filter(function (o) { return o.defaultSelected; })[0] || opts[0];
  return def ? def.value : control.value;
}

/* What a field holds now, or (built = true) as the page was built: {value, badInput}, value being
   a list of strings (list), a boolean (boolean) or a string, raw (not trimmed); badInput: a number
   or date control holds text it cannot parse, which it hides as "" (validity.badInput).
   null for a field without controls. */
export function readField(field, built) {
  var type = field.getAttribute("data-type");
  var controls = controlsOf(field);
  if (!controls.length) return null;
  var on = function (c) { return built ? c.defaultChecked : c.checked; };
  if (type === "list") {
    return { value: checkboxes(controls).filter(on).map(function (c) { return c.value; }), badInput: false };
  }
  if (isBooleanBox(type, controls)) return { value: !!on(checkboxes(controls)[0]), badInput: false };
  var radios = radiosOf(controls);
  if (radios.length) {
    var picked = radios.filter(on)[0];
    return { value: picked ? picked.value : "", badInput: false };
  }
  var control = controls[0];
  if (built) return { value: builtValue(control), badInput: false };
  return { value: control.value, badInput: !!(control.validity && control.validity.badInput) };
}

// Two readings of one field hold the same value.
export function sameValue(a, b) {
  if (!a || !b) return a === b;
  if (Array.isArray(a.value)) {
    return Array.isArray(b.value) && a.value.length === b.value.length &&
      a.value.every(function (v, i) { return v === b.value[i]; });
  }
  return a.value === b.value;
}

/* Put a link's values (strings; a list repeats its key) into the field's controls. */
export function writeField(field, values) {
  var type = field.getAttribute("data-type");
  controlsOf(field).forEach(function (c) {
    if (c.type === "checkbox") {
      c.checked = type === "boolean" ? /^(true|1|on|yes)$/i.test(values[0]) : values.indexOf(c.value) >= 0;
    } else if (c.type === "radio") {
      c.checked = c.value === values[0];
    } else {
      c.value = values[0];
    }
  });
}

/* Did the link's value land in the form as it is? A number field turns "<script>" or "1e400"
   into "", a select or radios hold no "evil", checkboxes drop an unknown category: left so, the
   form would show the default's result as if it were the link's. */
export function canHold(field, values) {
  var type = field.getAttribute("data-type");
  var controls = controlsOf(field);
  var known = controls.map(function (c) { return c.value; });
  if (type === "list") {
    return values.every(function (v) { return v === "" || known.indexOf(v) >= 0; });
  }
  if (isBooleanBox(type, controls)) {
    return /^(true|false|1|0|on|off|yes|no)$/i.test(values[0]);
  }
  if (radiosOf(controls).length) return known.indexOf(values[0]) >= 0;
  if (controls[0].tagName === "SELECT") {
    return $all(controls[0], "option").some(function (o) { return o.value === values[0]; });
  }
  return readField(field).value === values[0];
}
