"""Checks across all loaded policies (a series' periods, the folders as places) and the series links."""
from __future__ import annotations

from pathlib import Path

from calc import series
from calc.today import LEVELS as PLACE_LEVELS

from .policy_problem import PolicyProblem, rel_path


def _field_line(path: Path, key: str) -> int:
    """The line of a top-level key (for problems found across files, after parsing)."""
    return next((n for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                 if text.startswith(f"{key}:")), 1)


def series_problems(policies: dict[str, dict], paths: dict[str, Path]) -> list[PolicyProblem]:
    """Two policies of one series may not govern the same contribution months."""
    out = []
    for members in series.group(policies).values():
        for older, newer in zip(members, members[1:]):
            a, b = (policies[pid]["governs"]["contributions"] for pid in (older, newer))
            if a.get("to") is None or a["to"] >= b["from"]:
                out.append(PolicyProblem(
                    rel_path(paths[newer]), _field_line(paths[newer], "governs"), "governs.contributions",
                    f"overlaps {older} (contributions {a['from']} – {a.get('to') or 'open'}); a series' periods must not overlap",
                    f"与 {older} 的缴费期（{a['from']} 至 {a.get('to') or '未定'}）重叠：同一系列的期间不得重叠"))
    return out




def _place_line(path: Path, level: str) -> int:
    """The line of jurisdiction.<level> (or of jurisdiction: when the level is missing)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    start = _field_line(path, "jurisdiction")
    for n, text in enumerate(lines[start:], start + 1):
        if text and not text.startswith((" ", "#")):
            break   # the next top-level key
        if text.strip().startswith(f"{level}:"):
            return n
    return start


def place_problems(policies: dict[str, dict], paths: dict[str, Path]) -> list[PolicyProblem]:
    """The folders are the place (issue 21, item 9): a series goes by path, so a policy in
    hunan/hengyang/ claiming 岳阳市 would retitle 衡阳's pages and banners. The places a policy names,
    province first, stand one for each folder of its id; every policy in one folder names the same
    place there, and one place (under one parent) is one folder."""
    out = []
    folder_names: dict[str, tuple[tuple[str, str, str], str]] = {}   # folder → (level, zh, en), first policy
    name_folders: dict[tuple[str, str, str], tuple[str, str]] = {}   # (parent, level, zh) → folder, first policy
    for pid in sorted(policies):
        place = policies[pid]["jurisdiction"]
        folders = pid.split("/")[:-1]
        if not folders:
            continue   # a policy file directly in policies/ (test fixtures): no place to match

        def add(level: str, en: str, zh: str, pid: str = pid) -> None:   # called within this iteration only
            out.append(PolicyProblem(rel_path(paths[pid]), _place_line(paths[pid], level), f"jurisdiction.{level}", en, zh))

        levels = [level for level in PLACE_LEVELS if level in place]
        if len(levels) != len(folders):
            where = "/".join(folders)
            add(levels[-1], f"names {len(levels)} places ({', '.join(levels)}) but lies in {len(folders)} folders "
                f"({where}/): one folder per place, province first",
                f"写了 {len(levels)} 级地区（{'、'.join(levels)}），但位于 {len(folders)} 级目录（{where}/）中：每级地区一个目录，省在最前")
            continue
        for depth, level in enumerate(levels):
            folder, parent = "/".join(folders[: depth + 1]), "/".join(folders[:depth])
            name = (level, place[level]["zh"], place[level]["en"])
            seen, first = folder_names.setdefault(folder, (name, pid))
            if seen != name:
                add(level, f"{name[1]} / {name[2]} does not match the folder {folder}/, where {first} names "
                    f"{seen[1]} / {seen[2]}", f"{name[1]} 与目录 {folder}/ 不符：{first} 写的是 {seen[1]}")
                break
            other, first = name_folders.setdefault((parent, level, name[1]), (folder, pid))
            if other != folder:
                add(level, f"{name[1]} is already the place of the folder {other}/ ({first}): one place, one folder",
                    f"{name[1]} 已是目录 {other}/ 的地区（{first}）：一个地区只用一个目录")
                break
    return out


def link_series(policies: dict[str, dict]) -> None:
    """Each policy learns its series: the key, its members in time order, the one before and after."""
    for key, members in series.group(policies).items():
        for i, pid in enumerate(members):
            policies[pid]["series"] = {"key": key, "members": members,
                                       "previous": members[i - 1] if i else None,
                                       "next": members[i + 1] if i + 1 < len(members) else None}
