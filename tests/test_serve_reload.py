"""`mkdocs serve` is a preview one can trust (issue 13): edit a policy figure while it serves, and
every number the page shows of it — figure table, worked examples, prerendered widgets — is the
edited one (calc's cached data and imported code are refreshed each build: scripts/site/serve_reload.py).

Runs the real server in a copy of the repository (tests/repo_copy.py) on a free 127.0.0.1 port.
"""
from __future__ import annotations

import contextlib
import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from repo_copy import copy_repo

POLICY = "hunan/hengyang/2023-flexible-employment"
SOURCE = "000_65321096e8faf93d.txt"
SENTENCE = "大病保险缴费标准为每月{}元"   # quoted by critical_illness_monthly (and the annual figure)
OLD, NEW = "15", "25"
BUILD_WAIT_S = 900


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(url: str, done, server: subprocess.Popen, log: Path) -> tuple[str, float]:
    """The page at url once done(page) holds, and when; fails if the server dies or time runs out."""
    start = time.monotonic()
    while time.monotonic() - start < BUILD_WAIT_S:
        assert server.poll() is None, log.read_text(encoding="utf-8")[-3000:]
        page = fetch(url)
        if page is not None and done(page):
            return page, time.monotonic()
        time.sleep(0.25)
    raise AssertionError(f"no updated page after {BUILD_WAIT_S} s\n" + log.read_text(encoding="utf-8")[-3000:])


def figure_cell(page: str, name: str) -> str:
    row = re.search(rf'<tr id="fig-{name}".*?<td class="mb-value">(.*?)</td>', page, re.S)
    assert row, name
    return row.group(1)


def outputs(page: str, name: str) -> list[str]:
    """What every prerendered result on the page (worked examples and widgets) shows for output `name`."""
    return re.findall(rf'<dd data-output="{name}">(.*?)</dd>', page)


def calc_display(root: Path, policy: str, inputs: dict, env: dict) -> dict:
    """calc's own display strings, from the data the copy's build compiled."""
    proc = subprocess.run([sys.executable, "-m", "calc", "run", "flexible-contribution", "--policy", policy,
                           "--input", json.dumps(inputs)], cwd=root, env=env, capture_output=True, text=True, timeout=60)
    return {name: shown["zh"] for name, shown in json.loads(proc.stdout)["display"].items()}


def edit_figure(policies: Path, paths: list[Path]) -> None:
    """critical_illness_monthly 15 → 25 in the policies at `paths` (all that quote the sentence): the value,
    its quotes, the prose that states it (the loader checks prose figures) and the stored source, as an
    author would."""
    source = policies / "sources" / SOURCE
    text = source.read_text(encoding="utf-8")
    assert SENTENCE.format(OLD) in text
    source.write_text(text.replace(SENTENCE.format(OLD), SENTENCE.format(NEW)), encoding="utf-8")
    standalone = re.compile(rf"(?<![A-Za-z0-9_.\-/]){OLD}(?![0-9.\-])")   # not in ids, dates or other numbers
    for path in paths:
        text = path.read_text(encoding="utf-8").replace(SENTENCE.format(OLD), SENTENCE.format(NEW))
        block = re.search(r"\n  critical_illness_monthly:\n(?:    .*\n)*?    value: 15\n", text)
        assert block, f"{path}: critical_illness_monthly block"
        path.write_text(standalone.sub(NEW, text), encoding="utf-8")


def keep_only_place(policies: Path, policy: str) -> None:
    """Leave in policies/ only the policies of `policy`'s place (its series with it) and the stored sources (text
    files): the server builds the same pages the same way for them, in a fraction of the time of every policy's."""
    place = (policies / policy).parent
    for path in policies.rglob("*.yaml"):
        if path.parent != place:
            path.unlink()


@contextlib.contextmanager
def serving(tmp_path: Path, policies_dir: Path | None = None, only: str | None = None):
    """`mkdocs serve` in a copy of the repository: yields (root, env, policies dir, port, server, log). `only`: a
    policy id whose place's policies are the copy's only ones (keep_only_place)."""
    root = copy_repo(tmp_path / "repo")
    if only is not None:
        keep_only_place(root / "policies", only)
    env = {k: v for k, v in os.environ.items() if not k.startswith("MINGBAI_")}
    env["NO_MKDOCS_2_WARNING"] = "1"
    if policies_dir is not None:
        env["MINGBAI_POLICIES_DIR"] = str(policies_dir)
        env["MINGBAI_POLICY_DATA"] = str(tmp_path / "policies.json")
    port = free_port()
    log = tmp_path / "serve.log"
    with log.open("w", encoding="utf-8") as out:
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--strict", "-a", f"127.0.0.1:{port}"],
                                  cwd=root, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        yield root, env, policies_dir or root / "policies", port, server, log
    finally:
        server.terminate()
        server.wait(timeout=30)


def edit_and_wait(url: str, policies: Path, server: subprocess.Popen, log: Path) -> dict:
    """Edit the figure in the served copy; the page before and after, and the edit → page time."""
    before, _ = wait_for(url, lambda page: "fig-critical_illness_monthly" in page, server, log)
    time.sleep(1)   # let the watcher settle after the first build's own writes
    edited = time.monotonic()
    edit_figure(policies, [p for p in policies.rglob("*.yaml") if SENTENCE.format(OLD) in p.read_text("utf-8")])
    after, updated = wait_for(url, lambda page: f"{NEW} 元/月" in figure_cell(page, "critical_illness_monthly"),
                              server, log)
    # the figure table is made from the YAML, the results by calc: give calc's rebuild its chance to lag
    time.sleep(0.5)
    return {"before": before, "after": fetch(url) or after, "seconds": updated - edited}


def serve_and_edit(tmp_path: Path, policy: str, policies_dir: Path | None = None) -> dict:
    """Serve a copy, edit the figure, return the page of `policy` before and after, and the edit → page time."""
    with serving(tmp_path, policies_dir) as (root, env, policies, port, server, log):
        run = edit_and_wait(f"http://127.0.0.1:{port}/policies/{policy}/", policies, server, log)
    return {"root": root, "env": env, "policy": policy, **run}


def check_every_number_is_edited(run: dict) -> None:
    before, after = run["before"], run["after"]
    assert figure_cell(before, "critical_illness_monthly") == f"{OLD} 元/月"
    assert figure_cell(after, "critical_illness_monthly") == f"{NEW} 元/月"
    expected = calc_display(run["root"], run["policy"], {"months": 12}, run["env"])
    for name in ("critical_illness_monthly", "critical_illness_annual", "monthly_total", "annual_total"):
        shown = outputs(after, name)
        assert shown, name
        assert set(shown) == {expected[name]}, (name, shown, expected[name])   # widget and examples alike
        assert set(outputs(before, name)).isdisjoint(shown), name   # the edit reached calc's results
    arrears = outputs(after, "monthly_contribution")   # the arrears calculator's example prices months too
    assert arrears and set(arrears) == {expected["monthly_total"]}, arrears


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new), encoding="utf-8")


def settled_builds(log: Path) -> int:
    """The builds the server made, once it is idle: each rebuild it started has ended (MkDocs logs
    "Reloading browsers" after one) and nothing new started for two of its watcher's polls (0.5 s each;
    a change seen starts a build 0.1 s later)."""
    seen, quiet_since = None, time.monotonic()
    while time.monotonic() - quiet_since < 1.2:
        text = log.read_text(encoding="utf-8")
        now = (text.count("Building documentation..."), text.count("Reloading browsers"))
        if now != seen or now[0] != now[1] + 1:   # the first build reloads no browser
            seen, quiet_since = now, time.monotonic()
        time.sleep(0.1)
    return seen[0]


@pytest.fixture(scope="module")
def served_edits(tmp_path_factory) -> dict:
    """One server (a build costs seconds), three edits in turn, each waited for on the served page: the
    policy figure (`figure`: serve_and_edit's record), then a template, then calc's code. `builds`: the
    builds made by the time the server is idle after each edit. The copy holds POLICY's place's policies only
    (keep_only_place): what is tested is how one build follows an edit, which is the same for any number of
    policies (test_serve_reload_time_at_many_policies times it at many)."""
    tmp_path = tmp_path_factory.mktemp("serve")
    with serving(tmp_path, only=POLICY) as (root, env, policies, port, server, log):
        url = f"http://127.0.0.1:{port}/policies/{POLICY}/"
        figure = {"root": root, "env": env, "policy": POLICY, **edit_and_wait(url, policies, server, log)}
        first = figure["after"]
        builds = [settled_builds(log)]
        start = time.monotonic()
        replace_in(root / "scripts" / "site" / "templates" / "policy.md.j2",
                   "## {{ t.in_short }}\n", "## {{ t.in_short }} TEMPLATE-EDITED\n")
        _, done = wait_for(url, lambda page: "TEMPLATE-EDITED" in page, server, log)
        template_s = done - start
        builds.append(settled_builds(log))
        start = time.monotonic()
        replace_in(root / "calc" / "flexible_month.py", 'f"基本医保费 = ', 'f"基本医保费（CALC-EDITED） = ')
        page, done = wait_for(url, lambda page: "CALC-EDITED" in page, server, log)
        builds.append(settled_builds(log))
        page = fetch(url) or page
    return {"figure": figure, "first": first, "template_s": template_s, "page": page, "calc_s": done - start,
            "builds": builds}


@pytest.mark.site
def test_serve_shows_an_edited_policy_figure_everywhere(served_edits) -> None:
    run = served_edits["figure"]
    check_every_number_is_edited(run)
    print(f"\nedit → updated page: {run['seconds']:.1f} s ({POLICY.rsplit('/', 1)[0]}'s policies)")


@pytest.mark.site
@pytest.mark.skipif(not os.environ.get("SERVE_SYNTHETIC"), reason="a measurement: SERVE_SYNTHETIC=100 runs it")
def test_serve_reload_time_at_many_policies(tmp_path: Path) -> None:
    """The same at N synthetic policies (scripts/policy/synthetic.py), for the edit → page time."""
    from scripts.policy.synthetic import write_synthetic
    count = int(os.environ["SERVE_SYNTHETIC"])
    policies = write_synthetic(tmp_path / "synthetic", count)
    policy = next(policies.rglob("*.yaml")).relative_to(policies).with_suffix("").as_posix()
    run = serve_and_edit(tmp_path, policy, policies)
    check_every_number_is_edited(run)
    print(f"\nedit → updated page: {run['seconds']:.1f} s ({count} synthetic policies)")


@pytest.mark.site
def test_serve_follows_edits_to_a_template_and_to_calc(served_edits) -> None:
    """A template edit and a calc edit each reach the served page, the calc one in every result that shows it."""
    first, page = served_edits["first"], served_edits["page"]
    basic_steps = first.count("基本医保费 = ")
    assert basic_steps >= 2 and "TEMPLATE-EDITED" not in first and "CALC-EDITED" not in first
    assert page.count("基本医保费（CALC-EDITED） = ") == basic_steps and "基本医保费 = " not in page
    print(f"\ntemplate edit → page {served_edits['template_s']:.1f} s; calc edit → page {served_edits['calc_s']:.1f} s")


@pytest.mark.site
def test_each_edit_is_one_rebuild(served_edits) -> None:
    """The first build, then one build per edit (a policy, a template, calc's code): a build's own writes
    (the pages directory, calc/data) start no other (plugin.py on_serve), so an author's save is one build."""
    assert served_edits["builds"] == [2, 3, 4], served_edits["builds"]


def test_changed_code_is_imported_again(monkeypatch) -> None:
    """When a .py under calc/ or scripts/ changed, the hook's imported names point at freshly imported code."""
    import calc.api
    import scripts.site.serve_reload as serve_reload

    ours = lambda name: name.split(".")[0] in serve_reload.PACKAGES   # noqa: E731
    saved = {name: module for name, module in sys.modules.items() if ours(name)}
    namespace = {"run": calc.api.run, "api": calc.api, "COMPILED": Path("x"), "count": 3}
    try:
        serve_reload.refresh(namespace)   # what the code was at the last build
        assert serve_reload.refresh(namespace) is False and namespace["api"] is calc.api
        monkeypatch.setattr(serve_reload, "code_fingerprint", lambda: (("calc/api.py", 1, 1),))
        assert serve_reload.refresh(namespace) is True
        assert namespace["api"] is sys.modules["calc.api"] is not calc.api
        assert namespace["run"] is namespace["api"].run is not calc.api.run
        assert (namespace["COMPILED"], namespace["count"]) == (Path("x"), 3)
    finally:   # the rest of the session keeps the modules it imported
        for name in [name for name in sys.modules if ours(name)]:
            del sys.modules[name]
        sys.modules.update(saved)
