"""The Windows version resource of evaldesk.exe / evaldesk-cli.exe, from pyproject.toml.

Explorer's 属性 → 详细信息 tab, the installer and support staff read the version from this
resource; taking it from pyproject.toml keeps one place to bump. PyInstaller reads the text
written here (a ``VSVersionInfo(...)`` expression) with ``EXE(version=path)``; writing text rather
than building PyInstaller objects keeps this module importable, and testable, without PyInstaller.

    python build_scripts/version_info.py            print the version (for scripts and ISCC)
    python build_scripts/version_info.py --write D  write D/evaldesk[-cli].version.txt
"""

from __future__ import annotations

import argparse
import re
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = ROOT / "pyproject.toml"

PRODUCT = "evaldesk"
COMPANY = "evaldesk"
COPYRIGHT = "© evaldesk team"


@dataclass(frozen=True)
class Executable:
    """One of the two programs in the folder build (see README: why two)."""

    name: str  # file name without .exe
    description: str  # FileDescription: what Task Manager and the 打开方式 list show


GUI = Executable("evaldesk", "evaldesk 预算项目绩效自评表")
CLI = Executable("evaldesk-cli", "evaldesk 预算项目绩效自评表（命令行）")
EXECUTABLES = (GUI, CLI)


def project_version(pyproject: Path = PYPROJECT) -> str:
    """``[project] version`` of pyproject.toml, e.g. "0.1.0"."""
    with pyproject.open("rb") as handle:
        data = tomllib.load(handle)
    version = data["project"]["version"]
    if not isinstance(version, str):
        raise ValueError(f"{pyproject}: [project] version must be a string, not {version!r}")
    return version


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """The four 16-bit numbers Windows wants: "1.2.3rc1" → (1, 2, 3, 0), "2.0" → (2, 0, 0, 0).

    Pre-release and local suffixes have no place in a FILEVERSION; the full string still goes
    into the ProductVersion text.
    """
    match = re.match(r"^\s*v?(\d+(?:\.\d+){0,3})", version)
    if match is None:
        raise ValueError(f"not a release version: {version!r}")
    numbers = [int(part) for part in match.group(1).split(".")]
    if any(n > 0xFFFF for n in numbers):
        raise ValueError(f"version parts must fit in 16 bits for Windows: {version!r}")
    numbers += [0] * (4 - len(numbers))
    return numbers[0], numbers[1], numbers[2], numbers[3]


def version_file_text(executable: Executable, version: str) -> str:
    """PyInstaller's version-file format: a Python expression over its versioninfo classes."""
    numbers = version_tuple(version)
    dotted = ".".join(map(str, numbers))
    strings = {
        "CompanyName": COMPANY,
        "FileDescription": executable.description,
        "FileVersion": dotted,
        "InternalName": executable.name,
        "LegalCopyright": COPYRIGHT,
        "OriginalFilename": f"{executable.name}.exe",
        "ProductName": PRODUCT,
        "ProductVersion": version,
    }
    string_structs = ",\n".join(
        f"          StringStruct({key!r}, {value!r})" for key, value in strings.items()
    )
    # 0x0804 = Chinese (PRC), 1200 = Unicode: the strings are Chinese.
    return f"""VSVersionInfo(
  ffi=FixedFileInfo(
    filevers={numbers!r},
    prodvers={numbers!r},
    mask=0x3f,
    flags=0x0,
    OS=0x40004,
    fileType=0x1,
    subtype=0x0,
    date=(0, 0)
  ),
  kids=[
    StringFileInfo([
      StringTable(
        '080404b0',
        [
{string_structs}
        ])
    ]),
    VarFileInfo([VarStruct('Translation', [0x0804, 1200])])
  ]
)
"""


def write_version_files(folder: Path, version: str | None = None) -> dict[str, Path]:
    """Write one version file per executable into ``folder``; returns {executable name: path}."""
    version = version or project_version()
    folder.mkdir(parents=True, exist_ok=True)
    written: dict[str, Path] = {}
    for executable in EXECUTABLES:
        path = folder / f"{executable.name}.version.txt"
        path.write_text(version_file_text(executable, version), encoding="utf-8")
        written[executable.name] = path
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--write", metavar="FOLDER", type=Path,
                        help="write the version files for PyInstaller into FOLDER")
    args = parser.parse_args(argv)
    if args.write is not None:
        for path in write_version_files(args.write).values():
            print(path)
    else:
        print(project_version())
    return 0


if __name__ == "__main__":
    sys.exit(main())
