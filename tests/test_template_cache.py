"""Theme templates compiled once per process (scripts/site/template_cache.py): a second environment with the
same settings reuses the first's compiled code, an edited template is compiled afresh, and an environment whose
settings change the compiled code gets a store of its own. The site stays byte-identical with the cache (the
commit that added it compared a whole `mkdocs build` before and after)."""
from __future__ import annotations

from pathlib import Path

import jinja2
import pytest

from scripts.site import template_cache


@pytest.fixture
def compiles(monkeypatch) -> list[str]:
    """The names of the templates Jinja compiles from source."""
    seen: list[str] = []
    original = jinja2.Environment.compile

    def counting(self, source, name=None, filename=None, raw=False, defer_init=False):
        seen.append(name)
        return original(self, source, name, filename, raw, defer_init)

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    monkeypatch.setattr(template_cache, "_caches", {})
    return seen


def _env(folder: Path, **settings) -> jinja2.Environment:
    return template_cache.share_compiled_templates(jinja2.Environment(loader=jinja2.FileSystemLoader(folder), **settings))


def test_a_second_environment_reuses_the_compiled_template(tmp_path: Path, compiles: list[str]) -> None:
    (tmp_path / "page.html").write_text("{{ x }} and {{ y }}", encoding="utf-8")
    first = _env(tmp_path).get_template("page.html").render(x=1, y=2)
    second = _env(tmp_path).get_template("page.html").render(x=1, y=2)
    assert first == second == "1 and 2" and compiles == ["page.html"]


def test_an_edited_template_is_compiled_afresh(tmp_path: Path, compiles: list[str]) -> None:
    page = tmp_path / "page.html"
    page.write_text("old {{ x }}", encoding="utf-8")
    assert _env(tmp_path).get_template("page.html").render(x=1) == "old 1"
    page.write_text("new {{ x }}", encoding="utf-8")
    assert _env(tmp_path).get_template("page.html").render(x=1) == "new 1"
    assert compiles == ["page.html", "page.html"]


def test_settings_that_change_the_compiled_code_get_their_own_store(tmp_path: Path, compiles: list[str]) -> None:
    (tmp_path / "page.html").write_text("{{ x }}\n", encoding="utf-8")
    assert _env(tmp_path).get_template("page.html").render(x="<b>") == "<b>"
    assert _env(tmp_path, autoescape=True).get_template("page.html").render(x="<b>") == "&lt;b&gt;"
    assert _env(tmp_path, keep_trailing_newline=True).get_template("page.html").render(x=1) == "1\n"
    assert len(compiles) == 3
