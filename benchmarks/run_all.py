"""Run every benchmark in turn and print their figures (``make bench``).

Each benchmark is its own script with its own figures; this only runs them one after another so
that they do not compete for the machine's two cores.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCRIPTS = ("bench_io.py", "bench_window.py", "bench_print.py", "bench_startup.py")


def main() -> int:
    status = 0
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    for name in SCRIPTS:
        script = HERE / name
        if not script.exists():
            continue
        print(f"\n== {name} ==", flush=True)
        status |= subprocess.run([sys.executable, str(script)], env=env, check=False).returncode
    return status


if __name__ == "__main__":
    sys.exit(main())
