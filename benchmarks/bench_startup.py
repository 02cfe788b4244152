"""Start-up of the desktop bundle beside plain ``python -m evaldesk``: size, cold and warm start.

    python benchmarks/bench_startup.py                      bundle from dist/evaldesk (built if missing)
    python benchmarks/bench_startup.py --bundle DIR --runs 7

"Start" is the time from launching the program on the example workbook to the window's first
paint (the EVALDESK_SMOKE_EXIT_AFTER_MS hook of the frozen entry prints a marker then; plain Python
runs the same entry script with ``python -c``). Cold: the page cache is dropped before each run
(``echo 3 > /proc/sys/vm/drop_caches``, as root); where that is refused, the first run after the
build stands in for it and the output says so. Offscreen, and on a virtual X screen (one Xvfb for
all runs) when Xvfb is installed. The command line's start (``--version``, ``check``) is timed too.
Goals (issue 8): bundle < 200 MB, warm < 1 s, cold < 2 s.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "build_scripts"))

import build as policy  # noqa: E402
import smoke_test  # noqa: E402

EXAMPLE = smoke_test.EXAMPLE
MARK = f"{policy.SMOKE_MARK} shown"


def drop_caches() -> bool:
    """Empty the page cache so the next start reads every file from disk; False if not allowed."""
    try:
        subprocess.run(["sync"], check=True)
        with open("/proc/sys/vm/drop_caches", "w") as handle:
            handle.write("3\n")
    except OSError:
        return False
    return True


def time_to_window(command: Sequence[str | Path], env: dict[str, str], timeout: float = 60.0) -> float:
    """Seconds from launch to the window's first paint; the program then closes itself."""
    env = dict(env, **{policy.SMOKE_ENV: "0"})
    started = time.perf_counter()
    proc = subprocess.Popen([str(c) for c in command], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL)
    assert proc.stdout is not None
    shown: float | None = None
    for raw in proc.stdout:
        if raw.decode("utf-8", "replace").strip() == MARK and shown is None:
            shown = time.perf_counter() - started
    code = proc.wait(timeout=timeout)
    if shown is None or code != 0:
        raise RuntimeError(f"{command[0]} did not show its window (exit {code})")
    return shown


def time_command(command: Sequence[str | Path], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run([str(c) for c in command], env=env, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - started


def start_xvfb() -> tuple[subprocess.Popen[bytes], str] | None:
    if not shutil.which("Xvfb"):
        return None
    display = ":97"
    proc = subprocess.Popen(["Xvfb", display, "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1.0)
    if proc.poll() is not None:
        return None
    return proc, display


def describe(samples: list[float]) -> str:
    if not samples:
        return "—"
    if len(samples) == 1:
        return f"{samples[0]:.2f} s"
    return f"{statistics.median(samples):.2f} s (min {min(samples):.2f}, n={len(samples)})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / policy.BUNDLE_NAME)
    parser.add_argument("--runs", type=int, default=5, help="warm runs per program (default 5)")
    parser.add_argument("--cold-runs", type=int, default=3, help="cold runs per program (default 3)")
    args = parser.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="evaldesk-bench-"))
    bundle: Path = args.bundle.resolve()
    build_seconds: dict[str, float] = {}
    just_built = False
    if not (bundle / policy.GUI_NAME).exists() and not (bundle / f"{policy.GUI_NAME}.exe").exists():
        print(f"no bundle at {bundle}: building one from a clean venv (as the smoke test does)")
        bundle, build_seconds = smoke_test.build_bundle(work / "build")
        just_built = True

    base = smoke_test.clean_env(work / "config")
    xvfb = start_xvfb()
    try:
        platforms = {"offscreen": dict(base, QT_QPA_PLATFORM="offscreen")}
        if xvfb is not None:
            platforms["xcb (Xvfb)"] = dict(base, DISPLAY=xvfb[1])
        gui = smoke_test.exe(bundle, policy.GUI_NAME)
        cli = smoke_test.exe(bundle, policy.CLI_NAME)
        python_gui: list[str | Path] = [sys.executable, "-c", policy.entry_script(policy.GUI_NAME), EXAMPLE]
        programs: dict[str, list[str | Path]] = {"bundle": [gui, EXAMPLE], "python -m evaldesk": python_gui}

        # The first run after the build, before anything else touches the bundle's files.
        first: dict[str, float] = {}
        if just_built:
            first["bundle"] = time_to_window(programs["bundle"], platforms["offscreen"])

        can_drop = drop_caches()
        cold: dict[tuple[str, str], list[float]] = {}
        warm: dict[tuple[str, str], list[float]] = {}
        for platform, env in platforms.items():
            for name, command in programs.items():
                if can_drop:
                    samples = []
                    for _ in range(args.cold_runs):
                        drop_caches()
                        samples.append(time_to_window(command, env))
                    cold[(platform, name)] = samples
                time_to_window(command, env)  # fill the cache
                warm[(platform, name)] = [time_to_window(command, env) for _ in range(args.runs)]

        cli_env = platforms["offscreen"]
        python_cli: list[str | Path] = [sys.executable, "-m", "evaldesk"]
        cli_rows: dict[str, tuple[list[str | Path], list[str | Path]]] = {
            "--version": ([cli, "--version"], [*python_cli, "--version"]),
            "check EXAMPLE": ([cli, "check", EXAMPLE], [*python_cli, "check", EXAMPLE]),
            "pdf EXAMPLE": ([cli, "pdf", EXAMPLE, "-o", work / "b.pdf"],
                            [*python_cli, "pdf", EXAMPLE, "-o", work / "p.pdf"]),
        }
        cli_times = {}
        for label, (frozen, plain) in cli_rows.items():
            time_command(frozen, cli_env)
            time_command(plain, cli_env)
            cli_times[label] = (statistics.median(time_command(frozen, cli_env) for _ in range(args.runs)),
                                statistics.median(time_command(plain, cli_env) for _ in range(args.runs)))
        # Measured here: a bundle just built lives in ``work``, which is removed below.
        size = policy.folder_size(bundle)
        archives = [(a.name, a.stat().st_size) for a in sorted(bundle.parent.glob("evaldesk-*.tar.gz"))]
    finally:
        if xvfb is not None:
            xvfb[0].terminate()
            xvfb[0].wait()
        shutil.rmtree(work, ignore_errors=True)

    print(f"\nbundle {bundle}: {size / 1e6:.1f} MB on disk (goal < 200 MB)")
    for name, archive_size in archives:
        print(f"  {name}: {archive_size / 1e6:.1f} MB")
    for what, seconds in build_seconds.items():
        print(f"  {what}: {seconds:.0f} s")
    print(f"\ntime to the window's first paint, on {EXAMPLE.name}")
    print(f"{'platform':<12} {'program':<20} {'cold':<30} {'warm':<30}")
    for (platform, name), samples in warm.items():
        cold_text = describe(cold.get((platform, name), []))
        if not can_drop:
            cold_text = describe([first[name]]) + " (first run)" if name in first else "n/a"
        print(f"{platform:<12} {name:<20} {cold_text:<30} {describe(samples):<30}")
    if not can_drop:
        print("cold: dropping the page cache is not permitted here; 'first run' after the build stands in")
    print("\ncommand line (median wall time, offscreen)")
    print(f"{'command':<16} {'evaldesk-cli':<14} {'python -m evaldesk':<18}")
    for label, (frozen_s, plain_s) in cli_times.items():
        print(f"{label:<16} {frozen_s:<14.2f} {plain_s:<18.2f}")
    warm_bundle = [statistics.median(s) for (_p, n), s in warm.items() if n == "bundle"]
    cold_bundle = [statistics.median(s) for (_p, n), s in cold.items() if n == "bundle"]
    print(f"\ngoals: size {'met' if size < 200e6 else 'MISSED'}, warm < 1 s "
          f"{'met' if warm_bundle and max(warm_bundle) < 1 else 'MISSED'}, cold < 2 s "
          + ("met" if cold_bundle and max(cold_bundle) < 2 else "MISSED" if cold_bundle else "not measured"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
