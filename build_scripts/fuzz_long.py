"""The long form of tests/io/test_fuzz.py: tens of thousands of random tables and damaged files.

    .venv/bin/python build_scripts/fuzz_long.py [--examples 10000] [-k damaged_parts]

Runs the four fuzz tests with ``EVALDESK_FUZZ_EXAMPLES`` examples each, drawn afresh (the normal
run is derandomized), and prints hypothesis's statistics: examples run, time, and any failure
with the smallest input that shows it. Exits with pytest's status.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TESTS = ("test_random_tables", "test_damaged_workbooks", "test_damaged_parts_inside_a_sound_zip",
         "test_damaged_texts")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--examples", type=int, default=10_000, help="per test")
    parser.add_argument("-k", default=" or ".join(TESTS), help="pytest -k expression")
    args = parser.parse_args()
    env = dict(os.environ, EVALDESK_FUZZ_EXAMPLES=str(args.examples), QT_QPA_PLATFORM="offscreen")
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "tests/io/test_fuzz.py", "-k", args.k, "-q",
         "-p", "no:cacheprovider", "--tb=short", "--hypothesis-show-statistics"],
        cwd=REPO, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    output = result.stdout + result.stderr
    examples = 0
    for line in output.splitlines():
        if ("::" in line and "test_fuzz" in line) or "passing," in line or "phase (" in line \
                or "Stopped because" in line or "Falsifying" in line:
            print(line)
        found = re.search(r"(\d+) passing, (\d+) failing", line)
        if found:
            examples += int(found.group(1)) + int(found.group(2))
    print("\n".join(output.splitlines()[-3:]))
    print(f"fuzz cases: {examples} in {elapsed:.0f} s "
          f"({examples / max(elapsed, 1e-9):.0f} per second); pytest status {result.returncode}")
    return result.returncode


if __name__ == "__main__":
    raise SystemExit(main())
