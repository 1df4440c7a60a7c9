"""The stored source texts as pages of the site: sources/<file>.html (issue 11).

A policy page's sources section links to each source's stored capture (and, for a capture that
needed one, to its simplified reading, scripts/policy/normalise_source.py), so a reader can check a
quote against the text it was taken from in one click. The text is printed verbatim in a <pre>
(HTML-escaped, nothing else changed), under a short bilingual header saying what it is. A page
rather than the bare .txt: a static host serves .txt without a charset, and browsers then show
UTF-8 Chinese as mojibake. No inline style or script (strict CSP): the look is in site.css.
"""
from __future__ import annotations

from html import escape
from pathlib import Path

from ..write_files import write_if_changed
from .csp import SOURCE_PAGE_CSP, meta
from .ui_words import UI


def inside(directory: Path, name: str) -> Path:
    """directory/name, proven to be a file directly in directory (the loader checks names already:
    this holds should one ever get past it, so no page is written or read elsewhere, issue 21)."""
    path = Path(directory) / name
    if "/" in name or "\\" in name or name in ("", ".", "..") or path.resolve().parent != Path(directory).resolve():
        raise ValueError(f"来源文件名不能离开其目录 / a source file name must stay in its directory: {name!r}")
    return path


def page_name(file: str) -> str:
    """sources/ page of a stored file: 001_x.txt -> 001_x.html, 001_x.zhs.txt -> 001_x.zhs.html."""
    return file[: -len(".txt")] + ".html" if file.endswith(".txt") else file + ".html"


def both(key: str) -> str:
    """A label of these bilingual pages: its zh and en words, "zh / en"."""
    return " / ".join(UI[key])


def _back(cited_by: list[dict]) -> str:
    """The way back (issue 20 item 10): each policy citing this text, in zh and en, linked to its sources section."""
    if not cited_by:
        return ""
    zh = "、".join(f'<a href="../policies/{escape(p["id"])}/index.html#source-{escape(p["key"])}">{escape(p["title"]["zh"])}</a>'
                  for p in cited_by)
    en = "; ".join(f'<a href="../en/policies/{escape(p["id"])}/index.html#source-{escape(p["key"])}">{escape(p["title"]["en"])}</a>'
                   for p in cited_by)
    return (f'<nav class="mb-capture-back"><p lang="zh">{UI["source_back"][0]}{zh}</p>'
            f'<p lang="en">{UI["source_back"][1]}{en}</p></nav>')


def _header(source: dict, file: str, reading: bool, sister: str | None) -> str:
    if reading:
        what = UI["source_reading"]
    else:
        what = UI["source_capture"]
    facts = [escape(source["publisher"]["zh"]), escape(str(source["date"]))]
    if source.get("document_number"):
        facts.insert(1, escape(source["document_number"]))
    lines = [f'<h1 lang="zh">{escape(source["title"]["zh"])}</h1>',
             f'<p lang="en">{escape(source["title"]["en"])}</p>',
             f'<p>{"；".join(facts)}</p>',
             f'<p lang="zh">{escape(what[0])}</p>', f'<p lang="en">{escape(what[1])}</p>']
    links = []
    if source.get("url"):
        retrieved = f'（{both("source_retrieved").format(day=escape(str(source["retrieved"])))}）' if source.get("retrieved") else ""
        links.append(f'<a href="{escape(source["url"])}" rel="noopener noreferrer external">{both("original_link")}</a>{retrieved}')
    if sister:
        label = both("capture" if reading else "simplified_reading")
        links.append(f'<a href="{escape(page_name(sister))}">{label}</a>')
    if links:
        lines.append(f'<p>{" · ".join(links)}</p>')
    lines.append(f'<p class="mb-capture-file">{both("stored_file")}: <code>{escape(file)}</code></p>')
    return "\n".join(lines)


def render_source_page(source: dict, file: str, text: str, reading: bool = False, sister: str | None = None,
                       cited_by: list[dict] | None = None) -> str:
    title = escape(source["title"]["zh"])
    return (
        '<!doctype html>\n<html lang="zh">\n<head>\n<meta charset="utf-8">\n'
        f"{meta(SOURCE_PAGE_CSP)}\n"   # no script runs here, whatever a capture holds
        '<meta name="viewport" content="width=device-width,initial-scale=1">\n'
        '<meta name="robots" content="noindex">\n'
        f"<title>{title}（{UI['simplified_reading' if reading else 'capture'][0]}）</title>\n"
        '<link rel="stylesheet" href="../assets/mingbai/site.css">\n'
        '<link rel="icon" href="../assets/images/favicon.png">\n'   # the theme's; else a /favicon.ico 404
        '</head>\n<body class="mb-capture-page">\n<main>\n'
        f"{_back(cited_by or [])}\n"
        f"{_header(source, file, reading, sister)}\n"
        f'<pre class="mb-capture" lang="zh">{escape(text)}</pre>\n'
        "</main>\n</body>\n</html>\n"
    )


def write_source_pages(site: Path, policies: dict[str, dict], sources_dir: Path) -> list[Path]:
    """sources/<file>.html for every stored file a policy cites (once, whichever policy cites it)."""
    written: dict[str, Path] = {}
    cited_by: dict[str, list[dict]] = {}   # file → the policies citing it (their id, title and source key)
    for pid in sorted(policies):
        for key, source in policies[pid]["sources"].items():
            for file in filter(None, (source["file"], source.get("normalised"))):
                title = policies[pid].get("title") or {"zh": pid, "en": pid}   # every loaded policy has one
                cited_by.setdefault(file, []).append({"id": pid, "title": title, "key": key})
    for policy in policies.values():
        for source in policy["sources"].values():
            files = [(source["file"], False, source.get("normalised"))]
            if source.get("normalised"):
                files.append((source["normalised"], True, source["file"]))
            for file, reading, sister in files:
                if file in written:
                    continue
                out = inside(site / "sources", page_name(file))
                text = inside(sources_dir, file).read_text(encoding="utf-8")
                write_if_changed(out, render_source_page(source, file, text, reading, sister, cited_by.get(file)))
                written[file] = out
    return list(written.values())
