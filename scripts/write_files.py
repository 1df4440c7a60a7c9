"""Write a generated file only when its content changed, and always whole.

Only touching changed files keeps `mkdocs serve` from rebuilding in a loop (it watches docs/) and
lets the next build skip work; writing through a temporary file in the same directory and
os.replace() means a reader (a build meanwhile, a browser, a crash halfway) sees the old file or
the new one, never half of one.
"""
from __future__ import annotations

import os
from pathlib import Path


def write_if_changed(path: Path, content: str | bytes, encoding: str = "utf-8") -> bool:
    """Write `content` (text in `encoding`, or bytes) to path, creating parent dirs; True when written.

    >>> import tempfile
    >>> out = Path(tempfile.mkdtemp()) / "a" / "b.txt"
    >>> write_if_changed(out, "一"), write_if_changed(out, "一"), write_if_changed(out, b"x")
    (True, False, True)
    >>> sorted(p.name for p in out.parent.iterdir()), out.read_text()
    (['b.txt'], 'x')
    """
    path = Path(path)
    data = content.encode(encoding) if isinstance(content, str) else content
    if path.is_file() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")   # per process: two builds never share one
    try:
        temp.write_bytes(data)
        os.replace(temp, path)
    finally:
        temp.unlink(missing_ok=True)
    return True
