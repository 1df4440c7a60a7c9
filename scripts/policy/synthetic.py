"""Write N synthetic-but-valid policies (many counties × years) for build-scaling benchmarks.

    python -m scripts.policy.synthetic OUT_DIR N

Each policy is the 衡阳 2023 flexible-employment policy moved to a made-up county and
year, so it passes the same schema and provenance checks (its quotes still come from
the stored 衡阳日报 text) and carries a live calculator and worked examples.
"""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

import yaml

from .loader import POLICIES_DIR, SOURCES_DIR

TEMPLATE = POLICIES_DIR / "hunan" / "hengyang" / "2023-flexible-employment.yaml"
PROVINCES = [(f"p{i:02d}", f"省{i:02d}", f"Province {i:02d}") for i in range(1, 32)]
YEARS = range(2018, 2031)


def write_synthetic(out_dir: Path, count: int) -> Path:
    """Create OUT_DIR/policies with `count` policies; return that policies dir."""
    policies = out_dir / "policies"
    if policies.exists():
        shutil.rmtree(policies)
    (policies / "sources").mkdir(parents=True)
    for source in SOURCES_DIR.glob("000_*.txt"):
        shutil.copy2(source, policies / "sources" / source.name)
    text = TEMPLATE.read_text(encoding="utf-8")
    for n in range(count):
        province = PROVINCES[n % len(PROVINCES)]
        city_no = n // len(PROVINCES) // 10   # about 10 counties per city
        city = (f"c{city_no:02d}", f"市{city_no:02d}", f"City {city_no:02d}")
        county = (f"k{n:04d}", f"县{n:04d}", f"County {n:04d}")
        year = YEARS[n % len(YEARS)]
        pid = f"{province[0]}/{city[0]}/{county[0]}/{year}-flexible-employment"
        data = text.replace("id: hunan/hengyang/2023-flexible-employment", f"id: {pid}")
        data = data.replace("  city: {zh: 衡阳市, en: Hengyang}",
                            f"  city: {{zh: {city[1]}, en: {city[2]}}}\n  county: {{zh: {county[1]}, en: {county[2]}}}")
        data = data.replace("  province: {zh: 湖南省, en: Hunan Province}", f"  province: {{zh: {province[1]}, en: {province[2]}}}")
        path = policies / f"{pid}.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(data, encoding="utf-8")
    return policies


def main(argv: list[str]) -> int:
    out, count = Path(argv[0]), int(argv[1])
    policies = write_synthetic(out, count)
    n = sum(1 for _ in policies.rglob("*.yaml"))
    print(f"{n} synthetic policies in {policies}")
    yaml.safe_load(next(policies.rglob("*.yaml")).read_text(encoding="utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
