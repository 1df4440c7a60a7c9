"""The order pytest-xdist hands the tests out in (`--dist loadgroup --no-loadscope-reorder`: the Makefile).

The real site's first build is ~40 s of one core on a fresh machine (brotli of the engine: scripts/bundle/wire.py),
and every test reading the site waits on its lock (tests/site_cache.py). With xdist's own order (groups by size)
the first groups of every worker read the site, so all but one worker waited out the build (37 s idle of 430 s
measured). `work_order` puts first the largest group reading the real site (its worker builds it), then every
test that builds or serves no site (the other workers' work meanwhile), then the rest (marked `site`: they
build too, and a build beside the first would compress the engine again instead of finding it in the cache). Within each part, groups by size:
the big ones early and single tests last, to even out the end. A group stays together, in collection order.
"""
from __future__ import annotations

from typing import Any

SITE_FIXTURE = "built_site"   # the real site (tests/conftest.py)
SITE_MARKER = "site"          # builds or serves a site (tests/conftest.py)


def group_of(item: Any) -> str:
    """The pytest-xdist work unit of a test: its xdist_group, or the test alone."""
    marker = item.get_closest_marker("xdist_group")
    return str(marker.args[0]) if marker and marker.args else item.nodeid


def work_order(items: list[Any]) -> list[Any]:
    groups: dict[str, list[Any]] = {}
    for item in items:
        groups.setdefault(group_of(item), []).append(item)
    reads_site = {name for name, members in groups.items()
                  if any(SITE_FIXTURE in getattr(i, "fixturenames", ()) for i in members)}
    builds = {name for name, members in groups.items() if any(i.get_closest_marker(SITE_MARKER) for i in members)}
    by_size = sorted(groups, key=lambda name: -len(groups[name]))   # stable: collection order among equals
    first = [name for name in by_size if name in reads_site][:1]
    free = [name for name in by_size if name not in reads_site | builds]
    order = first + free + [name for name in by_size if name not in first and name not in free]
    return [item for name in order for item in groups[name]]
