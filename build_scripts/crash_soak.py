"""The long form of tests/test_crash_recovery.py: many seeds, longer edit runs, bigger reports.

    .venv/bin/python build_scripts/crash_soak.py [--rounds 200] [--steps 300] [--projects 0]

Each round starts the real window (python -m evaldesk.ui.soak) on a workbook, lets it make
seeded random edits, kills it with SIGKILL at a random moment, starts it again to restore, and
checks the restored report against the digest of the last edit. ``--projects N`` uses a generated
district table of N projects instead of the seed (structural edits then re-snapshot N projects).
Prints the figures for the README's reliability section; exits 1 on any mismatch.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--steps", type=int, default=300)
    parser.add_argument("--projects", type=int, default=0)
    parser.add_argument("--first-seed", type=int, default=1000)
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    from evaldesk.io.read_text import read_text
    from evaldesk.io.write_xlsx import write_workbook
    from tests.conftest import _seed_path
    from tests.test_crash_recovery import check, kill_and_restore

    _app = QApplication([])
    failures = 0
    killed_mid_edit = 0
    edits_before_kill = 0
    journaled_edits = 0
    started = time.perf_counter()
    for round_ in range(args.rounds):
        seed = args.first_seed + round_
        with tempfile.TemporaryDirectory(prefix="crash-soak-") as folder:
            source = Path(folder) / "自评表.xlsx"
            if args.projects:
                from benchmarks.generate import make_report

                write_workbook(make_report(args.projects, seed=seed), source)
            else:
                write_workbook(read_text(_seed_path()), source)
            outcome = kill_and_restore(source, Path(folder) / "data", seed, args.steps,
                                       random.Random(seed), timeout=300, expect_in_child=True)
            try:
                check(outcome)
            except AssertionError as error:
                failures += 1
                last = outcome.printed[-1][0]
                print(f"seed {seed}: MISMATCH {error!r}: killed after edit {last}, restored "
                      f"{outcome.restored}, expected {outcome.expected[last:last + 2]}", flush=True)
                continue
            last = outcome.printed[-1][0]
            edits_before_kill += last
            journaled_edits += outcome.restored_edits
            if outcome.restored != outcome.expected[last]:
                killed_mid_edit += 1  # journaled, killed before it could say so
        if (round_ + 1) % 20 == 0:
            print(f"{round_ + 1} rounds, {failures} failures, "
                  f"{time.perf_counter() - started:.0f} s", flush=True)
    elapsed = time.perf_counter() - started
    print(f"rounds: {args.rounds} (seeds {args.first_seed}–{args.first_seed + args.rounds - 1}), "
          f"up to {args.steps} edits each, "
          f"{'seed table' if not args.projects else f'{args.projects} projects'}")
    print(f"edits made before the kill: {edits_before_kill} "
          f"(journal said {journaled_edits} unsaved at restore)")
    print(f"kills between an edit's journal line and its report: {killed_mid_edit}")
    print(f"restored report equal to the last edit's: {args.rounds - failures}/{args.rounds}")
    print(f"time: {elapsed:.0f} s ({elapsed / max(args.rounds, 1):.2f} s per kill and restore)")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
