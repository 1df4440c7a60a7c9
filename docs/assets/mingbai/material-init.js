/* mkdocs-material's inline <script>s, moved into this same-origin file so that every page
 * runs under a strict Content-Security-Policy without 'unsafe-inline':
 *   default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self' blob:
 *
 * The code is mkdocs-material 9.8.1's (templates/partials/javascripts/*.html), unchanged but
 * for layout, one function per inline script. Our overrides of those partials
 * (scripts/site/theme/partials/javascripts/) load this file with data-md-init="<name>" exactly where
 * the inline script stood; a classic script without async/defer blocks the parser, so each
 * part still runs at the same moment of page parsing as before. Upgrading mkdocs-material:
 * compare those partials with the new ones (tests/browser/test_csp.py fails on any inline script).
 * data-md-init may name several parts, run in order ("base mb-icons").
 */
/* global __md_scope, __md_get -- set on window by the "base" part, read as globals as upstream does */
(function (script) {
  var parts = {
    /* partials/javascripts/base.html (in <head>): the helpers the material bundle uses.
       The scope the template wrote into the inline text comes from data-md-scope. */
    base: function () {
      window.__md_scope = new URL(script.getAttribute("data-md-scope"), location);
      window.__md_hash = function (e) {
        return [...e].reduce(function (e, _) { return (e << 5) - e + _.charCodeAt(0); }, 0);
      };
      window.__md_get = function (e, _ = localStorage, t = __md_scope) {
        return JSON.parse(_.getItem(t.pathname + "." + e));
      };
      window.__md_set = function (e, _, t = localStorage, a = __md_scope) {
        try { t.setItem(a.pathname + "." + e, JSON.stringify(_)); } catch (e) { /* as upstream */ }
      };
    },

    /* partials/javascripts/palette.html (in the header): restore the chosen colour palette. */
    palette: function () {
      var palette = __md_get("__palette");
      if (palette && palette.color) {
        if ("(prefers-color-scheme)" === palette.color.media) {
          var media = matchMedia("(prefers-color-scheme: light)"),
            input = document.querySelector(media.matches
              ? "[data-md-color-media='(prefers-color-scheme: light)']"
              : "[data-md-color-media='(prefers-color-scheme: dark)']");
          palette.color.media = input.getAttribute("data-md-color-media");
          palette.color.scheme = input.getAttribute("data-md-color-scheme");
          palette.color.primary = input.getAttribute("data-md-color-primary");
          palette.color.accent = input.getAttribute("data-md-color-accent");
        }
        for (var [key, value] of Object.entries(palette.color)) {
          document.body.setAttribute("data-md-color-" + key, value);
        }
      }
    },

    /* partials/javascripts/content.html, feature content.tabs.link: re-select linked tabs. */
    tabs: function () {
      var tabs = __md_get("__tabs");
      if (Array.isArray(tabs)) {
        e: for (var set of document.querySelectorAll(".tabbed-set")) {
          var labels = set.querySelector(".tabbed-labels");
          for (var tab of tabs) {
            for (var label of labels.getElementsByTagName("label")) {
              if (label.innerText.trim() === tab) {
                var input = document.getElementById(label.htmlFor);
                input.checked = true;
                continue e;
              }
            }
          }
        }
      }
    },

    /* partials/javascripts/content.html: a location hash naming a content tab selects it. */
    target: function () {
      var target = document.getElementById(location.hash.slice(1));
      if (target && target.name) target.checked = target.name.startsWith("__tabbed_");
    },

    /* Mingbai, not mkdocs-material: material's CSS icons are data: URLs, which the strict CSP
       blocks (no img-src data:). assets/mingbai/material-icons.css points them at same-origin
       files under html.mb-icons-self; only over http(s), as Chromium refuses file:// masks
       (mask-image is fetched in CORS mode) while file:// pages have no CSP to block data:. */
    "mb-icons": function () {
      if (location.protocol === "http:" || location.protocol === "https:") {
        document.documentElement.classList.add("mb-icons-self");
      }
    }
  };
  var names = ((script && script.getAttribute("data-md-init")) || "").split(" ");
  for (var i = 0; i < names.length; i++) {
    if (Object.prototype.hasOwnProperty.call(parts, names[i])) parts[names[i]]();
  }
})(document.currentScript);
