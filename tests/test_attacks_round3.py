"""Issue 21 ("Trust, round three"): each attack the tester used, held by the loader, the build
or the server. Items 3–6 (provenance by meaning, prose numbers) are in their own tests.

Loader attacks run on a throwaway policies directory built from tests/fixtures/valid-minimal.yaml;
each must give a `file:line: field: English / 中文` problem, never a traceback or a file written
outside the site. Site-level attacks (items 1 and 7) are in tests/test_hostile_policy.py, which
builds the hostile fixture once.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from scripts.policy.loader import load_all

ROOT = Path(__file__).resolve().parent.parent
VALID = (ROOT / "tests" / "fixtures" / "valid-minimal.yaml").read_text(encoding="utf-8")
SOURCE = "000_65321096e8faf93d.txt"


def _policies(tmp_path: Path, files: dict[str, str]) -> Path:
    """A policies directory holding `files` (id → YAML text) and the one stored source they cite."""
    policies = tmp_path / "policies"
    (policies / "sources").mkdir(parents=True)
    shutil.copy2(ROOT / "policies" / "sources" / SOURCE, policies / "sources" / SOURCE)
    for policy_id, text in files.items():
        path = policies / f"{policy_id}.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return policies


def _policy(policy_id: str, old: str = "", new: str = "") -> str:
    text = VALID.replace("id: valid-minimal", f"id: {policy_id}")
    if old:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


def _problems(policies: Path) -> list:
    _, problems = load_all(policies, policies / "sources")
    return problems


def _line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def _assert_bilingual(problem) -> None:
    assert problem.en and problem.zh and problem.en != problem.zh
    assert any("\u4e00" <= ch <= "\u9fff" for ch in problem.zh), problem


def test_the_valid_policy_loads(tmp_path: Path) -> None:
    assert _problems(_policies(tmp_path, {"p/valid": _policy("p/valid")})) == []


# --- item 2: a source's file is a regular file under policies/sources/ ------------------------

SOURCE_ATTACKS = {
    "parent": "../index.txt",            # would replace site/index.html
    "deep-parent": "../../../../etc/x",  # any file on disk
    "absolute": "/etc/hostname",
    "nested": "sub/../" + SOURCE,
}


@pytest.mark.parametrize("name", SOURCE_ATTACKS)
def test_a_source_file_outside_the_sources_directory_is_refused(tmp_path: Path, name: str) -> None:
    text = _policy("p/leak", f"file: {SOURCE}", f"file: '{SOURCE_ATTACKS[name]}'")
    policies = _policies(tmp_path, {"p/leak": text})
    (policies / "index.txt").write_text("缴费基数为缴费基准值的60%", encoding="utf-8")   # a readable target
    problems = _problems(policies)
    assert problems, "accepted"
    assert problems[0].field == "sources.daily.file", problems
    assert problems[0].line == _line_of(text, "file: "), problems
    _assert_bilingual(problems[0])


def test_a_symlinked_source_is_refused(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("缴费基数为缴费基准值的60%\nroot:x:0:0", encoding="utf-8")
    text = _policy("p/leak", f"file: {SOURCE}", "file: leak.txt")
    policies = _policies(tmp_path, {"p/leak": text})
    (policies / "sources" / "leak.txt").symlink_to(secret)
    problems = _problems(policies)
    assert [p.field for p in problems] == ["sources.daily.file"], problems
    assert "symlink" in problems[0].en and "链接" in problems[0].zh


def test_source_pages_are_written_only_inside_site_sources(tmp_path: Path) -> None:
    """The writer itself refuses a name that leaves site/sources/ (should a name ever get past the loader)."""
    from scripts.site.source_pages import write_source_pages
    sources = tmp_path / "sources"
    sources.mkdir()
    (tmp_path / "index.txt").write_text("x", encoding="utf-8")
    source = {"file": "../index.txt", "title": {"zh": "标题", "en": "Title"}, "publisher": {"zh": "某", "en": "X"},
              "date": "2023-01-01"}
    with pytest.raises(ValueError):
        write_source_pages(tmp_path / "site", {"p": {"sources": {"a": source}}}, sources)
    assert not (tmp_path / "site" / "index.html").exists()


# --- item 10: a source in GBK (or any text that is not UTF-8) --------------------------------

def test_a_gbk_source_is_a_problem_naming_its_file_and_line(tmp_path: Path) -> None:
    text = _policy("p/gbk", f"file: {SOURCE}", "file: gbk.txt")
    policies = _policies(tmp_path, {"p/gbk": text})
    (policies / "sources" / "gbk.txt").write_bytes("第一行\n缴费基数为缴费基准值的60%\n".encode("gbk"))
    problems = _problems(policies)   # no UnicodeDecodeError
    assert problems and problems[0].field == "sources.daily.file", problems
    assert problems[0].line == _line_of(text, "file: gbk.txt")
    assert "policies/sources/gbk.txt:1:" in problems[0].en and "UTF-8" in problems[0].zh
    _assert_bilingual(problems[0])


# --- items 7 and 12: `make serve-site` (scripts/bundle/wire.py) ----------------------------------

def _serve_site(tmp_path: Path):
    import sys
    sys.path.insert(0, str(ROOT / "tests" / "browser"))
    from support import serve
    from scripts.bundle import wire
    site = tmp_path / "site"
    (site / "assets" / "pyodide").mkdir(parents=True)
    (site / "index.html").write_text("<!doctype html><title>x</title>", encoding="utf-8")
    (site / "assets" / "pyodide" / "pyodide.asm.wasm").write_bytes(b"\0asm" + b"\1" * 100)
    (site / "assets" / "pyodide" / "pyodide.asm.wasm.br").write_bytes(b"packed")
    return serve(site, wire.SiteHandler)


def _raw_get(url: str, path: str) -> tuple[int, dict, bytes]:
    """GET with the path sent as written (urllib would quote it)."""
    import http.client
    from urllib.parse import urlsplit
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    try:
        conn.request("GET", path)
        resp = conn.getresponse()
        return resp.status, {k.lower(): v for k, v in resp.getheaders()}, resp.read()
    finally:
        conn.close()


def test_serve_site_sends_the_csp_on_every_response(tmp_path: Path) -> None:
    from scripts.site.csp import CSP
    with _serve_site(tmp_path) as url:
        for path in ("/", "/index.html", "/assets/pyodide/pyodide.asm.wasm", "/missing"):
            status, headers, _ = _raw_get(url, path)
            assert headers.get("content-security-policy") == CSP, (path, status, headers)
            assert "'unsafe-inline'" not in CSP and "script-src 'self'" in CSP


@pytest.mark.parametrize("path", ["/%00", "/index.html%00.txt", "/assets/%00/"])
def test_serve_site_answers_a_nul_path_with_400(tmp_path: Path, path: str) -> None:
    with _serve_site(tmp_path) as url:
        status, _, _ = _raw_get(url, path)
        assert status == 400
        assert _raw_get(url, "/")[0] == 200   # the server is still up


def test_serve_site_lists_no_directory_and_sends_no_copy_by_name(tmp_path: Path) -> None:
    with _serve_site(tmp_path) as url:
        status, _, body = _raw_get(url, "/assets/pyodide/")
        assert status == 404 and b"pyodide.asm.wasm" not in body
        status, headers, _ = _raw_get(url, "/assets/pyodide/pyodide.asm.wasm.br")
        assert status == 404, headers   # was 200, application/wasm, no Content-Encoding


def test_the_readme_server_snippet_sends_the_site_csp() -> None:
    from scripts.site.csp import CSP
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f'add_header Content-Security-Policy "{CSP}" always;' in readme


# --- item 7: MINGBAI_SITE_URL ----------------------------------------------------------------

@pytest.mark.parametrize("url", ['https://x.org/"><script>alert(1)</script>', "javascript:alert(1)//",
                                 "https://x.org/ onmouseover=alert(1)", "https://x.org/<x>"])
def test_a_site_url_with_markup_stops_the_build_in_both_languages(url: str) -> None:
    from scripts.site.plugin import site_url_problem
    message = site_url_problem(url)
    assert message and "MINGBAI_SITE_URL" in message and "构建已停止" in message and "build stopped" in message


@pytest.mark.parametrize("url", [None, "", "https://mingbai.example.org/", "http://127.0.0.1:8000/a/b-c_d/"])
def test_a_plain_site_url_is_taken(url) -> None:
    from scripts.site.plugin import site_url_problem
    assert site_url_problem(url) is None


def test_mkdocs_build_with_a_hostile_site_url_stops_without_a_traceback(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys
    env = {k: v for k, v in os.environ.items() if not k.startswith("MINGBAI_")}
    env.update(NO_MKDOCS_2_WARNING="1", MINGBAI_SITE_URL='https://x.org/"><script>alert(1)</script>')
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-d", str(tmp_path / "site")], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)
    output = proc.stdout + proc.stderr
    assert proc.returncode != 0 and "Traceback" not in output, output[-2000:]
    assert "MINGBAI_SITE_URL" in output and "构建已停止" in output, output[-2000:]
    assert not (tmp_path / "site" / "index.html").exists()


# --- item 1: the province page's title ------------------------------------------------------

def test_the_province_page_title_is_escaped_for_the_theme() -> None:
    """Material prints page.meta.title raw into <title> and the header: the front matter holds HTML text."""
    import yaml
    from scripts.site.jinja_env import environment
    from scripts.site.listing_pages import render_province
    policy = {"jurisdiction": {"province": {"zh": "恶意省<img src=x onerror=alert(1)>", "en": "Evil <img src=x>"}},
              "title": {"zh": "标题", "en": "Title"}, "governs": {"benefits": {"from": "2024-01-01", "to": None}}}
    from unittest import mock
    with mock.patch("scripts.site.listing_pages.years_label", return_value="2024"), \
            mock.patch("scripts.site.listing_pages.region", return_value="某地"):
        for lang in ("zh", "en"):
            text = render_province(environment(), "xss", {"xss/a/2024-resident": policy}, lang)
            front = yaml.safe_load(text.split("---")[1])
            assert "<img" not in front["title"] and "&lt;img src=x" in front["title"], front


# --- item 9: a policy's jurisdiction is the place its folders name -----------------------------

HENGYANG = "  province: {zh: 湖南省, en: Hunan Province}\n"
CITY = HENGYANG + "  city: {zh: 衡阳市, en: Hengyang}\n"


def _in_place(policy_id: str, place: str, year: int = 2023) -> str:
    text = _policy(policy_id, HENGYANG, place)
    for field in ("published: 2023", "effective: {from: 2023", "to: 2023", "contributions: {from: 2023", "benefits: {from: 2023"):
        text = text.replace(field, field.replace("2023", str(year)))
    return text


def test_a_policy_claiming_another_city_in_a_series_folder_is_refused(tmp_path: Path) -> None:
    claim = CITY.replace("衡阳市, en: Hengyang", "岳阳市, en: Yueyang")
    files = {"hunan/hengyang/2023-flexible-employment": _in_place("hunan/hengyang/2023-flexible-employment", CITY),
             "hunan/hengyang/2026-flexible-employment": _in_place("hunan/hengyang/2026-flexible-employment", claim, 2026)}
    problems = _problems(_policies(tmp_path, files))
    assert [(p.path.split("/")[-1], p.field) for p in problems] == [("2026-flexible-employment.yaml", "jurisdiction.city")], problems
    assert problems[0].line == _line_of(files["hunan/hengyang/2026-flexible-employment"], "  city:")
    assert "衡阳市" in problems[0].zh and "岳阳市" in problems[0].en
    _assert_bilingual(problems[0])


def test_a_policy_claiming_another_province_is_refused(tmp_path: Path) -> None:
    files = {"hunan/hengyang/2023-flexible-employment": _in_place("hunan/hengyang/2023-flexible-employment", CITY),
             "fujian/evil/2023-flexible-employment": _in_place("fujian/evil/2023-flexible-employment",
                                                                CITY.replace("衡阳市, en: Hengyang", "恶意市, en: Evil"))}
    problems = _problems(_policies(tmp_path, files))
    assert [p.field for p in problems] == ["jurisdiction.province"], problems
    assert "fujian/" in problems[0].en and "湖南省" in problems[0].zh   # the two folders one name claims
    _assert_bilingual(problems[0])


def test_a_policy_naming_a_place_without_its_folder_is_refused(tmp_path: Path) -> None:
    files = {"hunan/2023-flexible-employment": _in_place("hunan/2023-flexible-employment", CITY)}
    problems = _problems(_policies(tmp_path, files))
    assert [p.field for p in problems] == ["jurisdiction.city"], problems
    _assert_bilingual(problems[0])


def test_policies_of_one_place_load(tmp_path: Path) -> None:
    files = {"hunan/hengyang/2023-flexible-employment": _in_place("hunan/hengyang/2023-flexible-employment", CITY),
             "hunan/hengyang/2026-flexible-employment": _in_place("hunan/hengyang/2026-flexible-employment", CITY, 2026),
             "hunan/2024-flexible-employment": _in_place("hunan/2024-flexible-employment", HENGYANG, 2024)}
    assert _problems(_policies(tmp_path, files)) == []


# --- item 8: `make bundle` leaves calc/data/policies.json alone when it fails -------------------

def test_a_failed_offline_bundle_leaves_the_compiled_data(tmp_path: Path) -> None:
    """Valid policies (so the data gets compiled), then the build fails after validation (no Pyodide
    to vendor): `python -m calc list` must not list what the failed bundle compiled."""
    import os
    import subprocess
    import sys
    from repo_copy import copy_repo
    root = copy_repo(tmp_path / "repo")
    for name in ("package.json", "pyproject.toml"):   # the bundle's version
        shutil.copy2(ROOT / name, root / name)
    previous = '{"format": 1, "policies": {}, "note": "previous build"}\n'
    (root / "calc" / "data" / "policies.json").write_text(previous, encoding="utf-8")
    if (root / "node_modules").is_symlink():
        (root / "node_modules").unlink()
    env = {k: v for k, v in os.environ.items() if not k.startswith("MINGBAI_")}
    env["NO_MKDOCS_2_WARNING"] = "1"
    proc = subprocess.run([sys.executable, "-m", "scripts.bundle.offline_bundle", "--out", str(tmp_path / "dist")],
                          cwd=root, env=env, capture_output=True, text=True, timeout=600)
    output = proc.stdout + proc.stderr
    assert proc.returncode != 0, output[-3000:]
    assert "Traceback" not in output, output[-3000:]
    assert (root / "calc" / "data" / "policies.json").read_text(encoding="utf-8") == previous
    assert sorted(p.name for p in (root / "calc" / "data").iterdir()) == ["policies.json"]   # no staged file left


# --- item 11: ids and new-policy arguments that become paths --------------------------------

@pytest.mark.parametrize("name", ["p/x{1}", "p/x(1)", "p/x 1", "p/X1"])
def test_an_id_that_is_no_plain_path_is_refused_by_the_loader(tmp_path: Path, name: str) -> None:
    text = _policy(name).replace(f"id: {name}", f"id: '{name}'")
    problems = _problems(_policies(tmp_path, {name: text}))
    assert problems and problems[0].field == "id" and problems[0].line == _line_of(text, "id:"), problems
    _assert_bilingual(problems[0])


@pytest.mark.parametrize("place,year", [("../../x", 2025), ("/", 2025), ("", 2025), ("hunan/../../x", 2025),
                                        ("hunan/Heng Yang", 2025), ("hunan/hengyang", -5), ("hunan/hengyang", 99999)])
def test_new_policy_refuses_a_place_or_year_that_is_no_file_name(tmp_path: Path, place: str, year: int, capsys) -> None:
    from scripts.policy.scaffold import main
    policies = tmp_path / "root" / "policies"
    policies.mkdir(parents=True)
    code = main(["--place", place, "--topic", "flexible-employment", "--year", str(year), "--policies-dir", str(policies)])
    err = capsys.readouterr().err
    assert code == 2 and ("PLACE" in err or "YEAR" in err) and "须" in err, err
    assert [p for p in tmp_path.rglob("*.yaml")] == []


# --- item 15: two `make build`s of one site ---------------------------------------------------

def test_a_second_concurrent_build_stops_with_a_message(tmp_path: Path) -> None:
    import fcntl
    import os
    import subprocess
    import sys
    from scripts.bundle.build_site import lock_path
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("previous build", encoding="utf-8")
    (tmp_path / "site.building").mkdir()   # the running build's staging directory
    with open(lock_path(site.resolve()), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)   # as the running build holds it
        env = {k: v for k, v in os.environ.items() if not k.startswith("MINGBAI_")}
        proc = subprocess.run([sys.executable, "-m", "scripts.bundle.build_site", "--site-dir", str(site)], cwd=ROOT,
                              env=env, capture_output=True, text=True, timeout=120)
    output = proc.stdout + proc.stderr
    assert proc.returncode == 1 and "Traceback" not in output, output[-2000:]
    assert "another build" in output and "另一次构建" in output
    assert (tmp_path / "site.building").is_dir(), "the running build's staging directory was deleted"
    assert (site / "index.html").read_text(encoding="utf-8") == "previous build"


# --- item 13: silent nonsense in dates (calc) ------------------------------------------------------------

import calc as _calc  # noqa: E402


def _error_fields(name: str, pid: str, inputs: dict) -> list[str]:
    out = _calc.run(name, pid, inputs)
    assert not out["ok"], out
    assert all(e["message_zh"] and e["message_en"] for e in out["errors"])
    return [e["field"] for e in out["errors"]]


def test_a_count_date_before_the_policy_is_refused() -> None:
    """`as_of: 0001-01-01` was read as the first stage."""
    pid = next(p for p, d in _calc.data.load_policies().items() if "enrolment-progress" in d["calculators"])
    ex = next(e["inputs"] for e in _calc.data.load_policies()[pid]["examples"] if e.get("calculator") == "enrolment-progress")
    assert _error_fields("enrolment-progress", pid, {**ex, "as_of": "0001-01-01"}) == ["as_of"]


@pytest.mark.parametrize("field, day", [("born_on", "0001-01-01"), ("recognised_on", "9999-12-31")])
def test_implausible_birth_and_recognition_dates_are_refused(field: str, day: str) -> None:
    """`born_on: 0001-01-01` was still subsidised; `recognised_on: 9999-12-31` accepted."""
    inputs = {"categories": ["minimum_living"], field: day}
    assert field in _error_fields("resident-contribution", "hunan/yueyang/pingjiang/2023-resident", inputs)


@pytest.mark.parametrize("pid", ["hunan/yueyang/pingjiang/2023-resident", "hunan/2026-resident"])
def test_an_event_date_for_ordinary_enrolment_is_refused(pid: str) -> None:
    """`event_date` was ignored for "regular"."""
    assert _error_fields("resident-benefit-start", pid, {"payment_date": "2025-10-10" if "2026" in pid else "2022-11-15",
                                                        "event_date": "2022-10-01"}) == ["event_date"]


@pytest.mark.parametrize("month", ["２０２３-05", "2０２３-05", "2023-05"])
def test_full_width_digits_read_alike(month: str) -> None:
    """"2０２３-05" was accepted while "２０２３-05" was rejected: both now read as 2023-05."""
    from calc.inputs import InputSpec, Text, validate
    spec = InputSpec("months", "month_list", Text("月份", "Months"))
    assert validate([spec], {"months": month})["months"] == ["2023-05"]
