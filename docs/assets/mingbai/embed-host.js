/* Mingbai embed host script: sizes <iframe data-mingbai-embed> to its content. No dependencies.
 *
 *   <iframe src="https://<mingbai>/embed/<calculator>/?policy=…&lang=…" data-mingbai-embed …></iframe>
 *   <script src="https://<mingbai>/assets/mingbai/embed-host.js" defer></script>
 *
 * Accepts a message only when all hold (anything else is ignored):
 *   - event.source is the contentWindow of an <iframe data-mingbai-embed> on this page;
 *   - event.origin is that iframe's src origin;
 *   - event.data is {type: "mingbai:embed", v: 1, event: "resize", height: number in (0, 20000],
 *     calc, policy, version, lang: short strings}.
 * Then it sets the iframe's height, stamps it with data-mingbai-policy / -version / -calc / -lang
 * (which rules the embed shows) and dispatches a "mingbai:embed" CustomEvent on it (detail = the
 * checked payload).
 */
(function () {
  "use strict";
  if (window.MingbaiEmbedHost) return;
  var MAX_HEIGHT = 20000;
  var TEXT_FIELDS = ["calc", "policy", "version", "lang"];

  function frameFor(source) {
    if (!source) return null;
    var frames = document.querySelectorAll("iframe[data-mingbai-embed]");
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === source) return frames[i];
    }
    return null;
  }

  function originOf(frame) {
    try {
      return new URL(frame.getAttribute("src") || "", document.baseURI).origin;
    } catch (e) {
      return null;
    }
  }

  function checked(data) {
    if (!data || typeof data !== "object" || Array.isArray(data)) return null;
    if (data.type !== "mingbai:embed" || data.v !== 1 || data.event !== "resize") return null;
    var height = data.height;
    if (typeof height !== "number" || !isFinite(height) || height <= 0 || height > MAX_HEIGHT) return null;
    var out = { event: "resize", height: Math.ceil(height) };
    for (var i = 0; i < TEXT_FIELDS.length; i++) {
      var value = data[TEXT_FIELDS[i]];
      if (typeof value !== "string" || value.length > 200) return null;
      out[TEXT_FIELDS[i]] = value;
    }
    return out;
  }

  function onMessage(event) {
    var frame = frameFor(event.source);
    if (!frame) return;
    var origin = originOf(frame);
    if (!origin || origin === "null" || event.origin !== origin) return;
    var data = checked(event.data);
    if (!data) return;
    frame.style.height = data.height + "px";
    frame.setAttribute("data-mingbai-calc", data.calc);
    frame.setAttribute("data-mingbai-policy", data.policy);
    frame.setAttribute("data-mingbai-version", data.version);
    frame.setAttribute("data-mingbai-lang", data.lang);
    var ev;
    try {
      ev = new CustomEvent("mingbai:embed", { detail: data });
    } catch (e) {
      return;
    }
    frame.dispatchEvent(ev);
  }

  window.addEventListener("message", onMessage);
  window.MingbaiEmbedHost = { version: 1 };
})();
