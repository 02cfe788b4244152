"""Which glibc (and libstdc++) a Linux bundle needs: the oldest system it can start on.

    python build_scripts/linux/glibc_scan.py dist/evaldesk [--max-glibc 2.28]

A program built on a newer system than the clerk's stops at start with "version `GLIBC_2.34' not
found"; nothing in the bundle's own tests shows that on the build machine. This reads the symbol
versions every ELF file in the folder asks of the system's C and C++ runtime (``objdump -T``) and,
with --max-glibc, fails naming each file and symbol that needs more than the target has.

The defaults are UOS 20 / Kylin V10 (glibc 2.28, GCC 8's libstdc++: GLIBCXX_3.4.25, CXXABI_1.3.11),
which is also what PySide6 6.11's manylinux_2_28 wheels need.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

ELF_MAGIC = b"\x7fELF"
# "0000000000000000      DF *UND*  0000000000000000 (GLIBC_2.34) __libc_start_main"; objdump
# prints the version in parentheses for imported symbols (and bare for a library's own ones).
UNDEFINED = re.compile(r"\*UND\*\s+\S+\s+\(?(GLIBC|GLIBCXX|CXXABI)_([\d.]+)\)?\s+(\S+)")

Version = tuple[int, ...]


def parse_version(text: str) -> Version:
    return tuple(int(part) for part in text.split("."))


def elf_files(folder: Path) -> Iterator[Path]:
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as file:
                if file.read(4) == ELF_MAGIC:
                    yield path


def needed_versions(objdump_output: str) -> Iterator[tuple[str, Version, str]]:
    """(library family, version, symbol) for each versioned symbol the file imports."""
    for family, version, symbol in UNDEFINED.findall(objdump_output):
        yield family, parse_version(version), symbol


def scan(folder: Path) -> dict[Path, list[tuple[str, Version, str]]]:
    found: dict[Path, list[tuple[str, Version, str]]] = {}
    for path in elf_files(folder):
        output = subprocess.run(["objdump", "-T", str(path)], capture_output=True, text=True,
                                check=False).stdout
        found[path] = list(needed_versions(output))
    return found


def show(version: Version) -> str:
    return ".".join(str(part) for part in version)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--max-glibc", default="2.28", help="fail above this GLIBC_ version")
    parser.add_argument("--max-glibcxx", default="3.4.25", help="fail above this GLIBCXX_ version")
    parser.add_argument("--max-cxxabi", default="1.3.11", help="fail above this CXXABI_ version")
    args = parser.parse_args(argv)
    limits = {"GLIBC": parse_version(args.max_glibc), "GLIBCXX": parse_version(args.max_glibcxx),
              "CXXABI": parse_version(args.max_cxxabi)}

    results = scan(args.folder)
    newest: dict[str, tuple[Version, str]] = {}
    too_new: list[str] = []
    for path, needs in results.items():
        for family, version, symbol in needs:
            if family not in newest or version > newest[family][0]:
                newest[family] = (version, f"{path.relative_to(args.folder)} ({symbol})")
            if version > limits[family]:
                too_new.append(f"{path.relative_to(args.folder)}: {symbol} needs {family}_{show(version)}")
    print(f"glibc_scan: {len(results)} ELF files in {args.folder}")
    for family in ("GLIBC", "GLIBCXX", "CXXABI"):
        if family in newest:
            version, where = newest[family]
            print(f"  newest {family}_{show(version)} (limit {show(limits[family])}): {where}")
    for line in too_new:
        print(f"  TOO NEW {line}")
    verdict = "ok" if not too_new else f"{len(too_new)} symbols too new"
    print(f"glibc_scan: {verdict}")
    return 1 if too_new else 0


if __name__ == "__main__":
    sys.exit(main())
