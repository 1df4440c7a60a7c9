"""Store a source text under policies/sources/ and name it; print the `sources:` entry to paste.

    python -m scripts.policy.store_source <file> [--url https://…] [--key notice] [--kind original|summary]
    make source FILE=<file> [URL=https://…] [KEY=notice] [KIND=summary]

The stored name is `NNN_<sha256[:16]>.txt`: NNN the next free three-digit number in
policies/sources/, then the first 16 hex digits of the SHA-256 of the file's bytes (so a copy
changed later no longer matches its name). The bytes are copied verbatim: quotes are checked
against exactly this text. The file must be UTF-8 (a GBK page: save it as UTF-8 first). A text
stored already is not stored twice: its existing name is printed.
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import re
import sys
from pathlib import Path

from . import schema
from .policy_dirs import SOURCES_DIR

NAME_RE = re.compile(r"^(\d{3})_[0-9a-f]{16}\.")


def stored_name(data: bytes, sources_dir: Path) -> tuple[str, bool]:
    """(file name, whether it is already stored) for the text `data` in sources_dir."""
    digest = hashlib.sha256(data).hexdigest()[:16]
    for path in sorted(sources_dir.glob("*.txt")):
        if path.is_file() and not path.is_symlink() and path.read_bytes() == data:
            return path.name, True
    numbers = [int(m.group(1)) for p in sources_dir.iterdir() if (m := NAME_RE.match(p.name))] if sources_dir.is_dir() else []
    return f"{max(numbers, default=-1) + 1:03d}_{digest}.txt", False


def stub(name: str, key: str, kind: str, url: str | None, today: dt.date) -> str:
    """The `sources:` entry to paste into the policy (TODO where a human must read the text)."""
    lines = [
        "sources:",
        f"  {key}:   # parameters cite it as source: {{ref: {key}, quote: …}}",
        f"    file: {name}",
        f"    kind: {kind}   # original: the document itself; summary: a news report, digest or Q&A about it",
        f"    title: {{zh: {schema.TODO}, en: {schema.TODO}}}",
        f"    publisher: {{zh: {schema.TODO}, en: {schema.TODO}}}",
        f"    date: {schema.TODO}   # YYYY-MM-DD, or YYYY-MM when the source gives only the month",
    ]
    if url:
        lines.append(f"    url: {json.dumps(url, ensure_ascii=False)}")
    lines += [f"    retrieved: {today.isoformat()}",
              "    # document_number: 湘医保发〔2024〕1号   # the 文号, where the text gives one"]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None, today: dt.date | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.policy.store_source", description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path, help="the source text, saved as UTF-8")
    parser.add_argument("--url", help="where the text was found (http or https)")
    parser.add_argument("--key", default="source-1", help="the key parameters cite it by (lowercase, -)")
    parser.add_argument("--kind", default="original", choices=schema.SOURCE_KINDS)
    parser.add_argument("--sources-dir", type=Path, default=SOURCES_DIR, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    refused = None
    if not args.file.is_file():
        refused = f"{args.file}: no such file / 找不到文件"
    elif args.url and not schema.URL_RE.match(args.url):
        refused = f"--url {args.url!r} must be an http(s) address / --url 须为 http(s) 网址"
    elif not schema.KEY_RE.match(args.key):
        refused = f"--key {args.key!r} must be lowercase letters, digits and - / --key 须为小写字母、数字和 -"
    if refused is None:
        data = args.file.read_bytes()
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            refused = (f"{args.file}:{line}: not UTF-8 text (GBK?): save it as UTF-8 first / "
                       f"{args.file}:{line}：不是 UTF-8 编码（可能是 GBK）：请先另存为 UTF-8")
        else:
            if not data.strip():
                refused = f"{args.file}: empty file / 空文件"
    if refused:
        print(refused, file=sys.stderr)
        return 2
    name, known = stored_name(data, args.sources_dir)
    if known:
        print(f"already stored as policies/sources/{name} / 已存为 policies/sources/{name}", file=sys.stderr)
    else:
        args.sources_dir.mkdir(parents=True, exist_ok=True)
        (args.sources_dir / name).write_bytes(data)
        print(f"stored policies/sources/{name} / 已存为 policies/sources/{name}", file=sys.stderr)
    print(stub(name, args.key, args.kind, args.url, today or dt.date.today()), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
