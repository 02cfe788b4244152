"""Regenerate examples/ from the seed table with the project's own converter.

    .venv/bin/python build_scripts/make_example.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from evaldesk.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "tests" / "data" / "000_f385ac392f5d94c6.txt"
EXAMPLE = ROOT / "examples" / "2021年度区信访局预算项目绩效自评表.xlsx"


def run() -> int:
    EXAMPLE.parent.mkdir(exist_ok=True)
    status = main(["convert", str(SEED), str(EXAMPLE)])
    if status == 0:
        print(f"wrote {EXAMPLE.relative_to(ROOT)}")
    return status


if __name__ == "__main__":
    sys.exit(run())
