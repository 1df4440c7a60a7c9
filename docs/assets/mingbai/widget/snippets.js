/* Embed snippets (policy pages): the copy-paste code (scripts/site/templates/embed-snippet.html.j2)
 * is written with page-relative URLs; a host page needs absolute ones. */
export function absoluteSnippet(code) {
  if (code.__mingbai) return;
  code.__mingbai = true;
  code.textContent = code.textContent.replace(/(\ssrc=")([^"]+)"/g, function (all, lead, url) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return all;
    try { return lead + new URL(url, document.baseURI).href + '"'; } catch (e) { return all; }
  });
}
