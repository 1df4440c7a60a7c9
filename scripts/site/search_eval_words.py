"""The dictionary for the measured alternative segmentation (issue 24; scripts/site/search_eval.mjs):
jieba's dictionary and scripts/site/search_dict.txt, words of 2–8 characters that occur in a built
language index (zh-Hant: converted to Traditional). Usage: python -m scripts.site.search_eval_words SITE OUT_DIR
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import jieba

from scripts.site.hant import to_hant


def words(site: Path, locale: str) -> list[str]:
    index = json.loads((site / "search" / f"search_index.{locale}.json").read_text(encoding="utf-8"))
    text = "\n".join(d.get("title", "") + "\n" + d.get("text", "") for d in index["docs"])
    text += "\n" + "\n".join(index["config"]["mingbai"]["synonyms"])
    source = Path(jieba.__file__).with_name("dict.txt").read_text(encoding="utf-8").splitlines()
    source += Path(__file__).with_name("search_dict.txt").read_text(encoding="utf-8").splitlines()
    found = {line.split()[0] for line in source if line.strip()}
    if locale == "zh-Hant":
        found = {to_hant(w) for w in found}
    return sorted(w for w in found if 2 <= len(w) <= 8 and w in text)


if __name__ == "__main__":
    site, out = Path(sys.argv[1]), Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    for locale in ("zh", "zh-Hant"):
        (out / f"words.{locale}.json").write_text(json.dumps(words(site, locale), ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
