"""What per-project sheets cost a save and an open: the figures behind PROJECT_SHEETS_LIMIT.

    python benchmarks/bench_project_sheets.py [500 1000 5000 ...]

For each size: the save with the summary alone (the hidden record keeps what the summary cannot
show), the save with a sheet per project, and the open of the latter (summary plus every
per-project sheet read back and matched). Saves include the writer's read-back check.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.generate import make_report
from evaldesk.io.read_xlsx import read_workbook
from evaldesk.io.safety import MAX_MEMBERS
from evaldesk.io.write_xlsx import write_workbook

# The preflight refuses a zip of more than MAX_MEMBERS parts; each sheet is one.
MAX_SHEETS = MAX_MEMBERS - 20


def _timed(action: Callable[..., object], *args: object, **options: object) -> float:
    start = time.perf_counter()
    action(*args, **options)
    return time.perf_counter() - start


def main(sizes: list[int]) -> None:
    print(f"{'projects':>8} {'summary save':>13} {'with sheets':>12} {'open':>8} {'size MB':>8}")
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            report = make_report(size, seed=1)
            plain, full = Path(folder) / "plain.xlsx", Path(folder) / "full.xlsx"
            # Each save includes the read-back check the writer makes before replacing the file.
            summary = _timed(write_workbook, report, plain, project_sheets=False)
            if size > MAX_SHEETS:
                print(f"{size:>8} {summary:>12.2f}s {'—':>12} {'—':>8} "
                      f"{plain.stat().st_size / 1e6:>8.1f}   (over {MAX_SHEETS} sheets: refused "
                      "by the reader's preflight)")
                continue
            sheets = _timed(write_workbook, report, full, project_sheets=True)
            opened = _timed(read_workbook, full)
            print(f"{size:>8} {summary:>12.2f}s {sheets:>11.2f}s {opened:>7.2f}s "
                  f"{full.stat().st_size / 1e6:>8.1f}")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [100, 500, 1000, 5000])
