"""build_scripts/linux/glibc_scan.py: the oldest glibc a Linux bundle starts on."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path
from types import ModuleType

import pytest

SCAN = Path(__file__).resolve().parent.parent / "build_scripts" / "linux" / "glibc_scan.py"


@pytest.fixture(scope="module")
def glibc_scan() -> ModuleType:
    spec = importlib.util.spec_from_file_location("evaldesk_glibc_scan", SCAN)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


OBJDUMP = """
libpython3.11.so.1.0:     file format elf64-x86-64

DYNAMIC SYMBOL TABLE:
0000000000000000      DF *UND*\t0000000000000000 (GLIBC_2.34) __libc_start_main
0000000000000000      DF *UND*\t0000000000000000 (GLIBC_2.2.5) memcpy
0000000000000000      DF *UND*\t0000000000000000  GLIBCXX_3.4.29 _ZNSt7__cxx1112basic_stringIcE
0000000000000000      DF *UND*\t0000000000000000 (CXXABI_1.3.9) _ZdlPvm
000000000012a0b0 g    DF .text\t0000000000000042  Base        PyList_New
00000000001c4000 g    DO .data\t0000000000000004 (GLIBC_2.99) not_an_import
"""


def test_reads_the_versions_a_file_imports_and_nothing_it_defines(glibc_scan: ModuleType) -> None:
    found = list(glibc_scan.needed_versions(OBJDUMP))
    assert found == [
        ("GLIBC", (2, 34), "__libc_start_main"),
        ("GLIBC", (2, 2, 5), "memcpy"),
        ("GLIBCXX", (3, 4, 29), "_ZNSt7__cxx1112basic_stringIcE"),
        ("CXXABI", (1, 3, 9), "_ZdlPvm"),
    ]


def test_versions_compare_as_numbers_not_text(glibc_scan: ModuleType) -> None:
    assert glibc_scan.parse_version("2.28") > glibc_scan.parse_version("2.3.4")
    assert glibc_scan.parse_version("2.28") < glibc_scan.parse_version("2.34")


@pytest.mark.skipif(not sys.platform.startswith("linux") or shutil.which("objdump") is None,
                    reason="reads ELF files with binutils' objdump (Linux)")
def test_a_real_program_fails_a_limit_below_what_it_needs(
        glibc_scan: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # The interpreter running the tests needs at least glibc 2.3 (any x86-64 build does) and is
    # an ELF file; a text file beside it must be passed over.
    shutil.copy(Path(sys.executable).resolve(), tmp_path / "python")
    (tmp_path / "notes.txt").write_text("not ELF", encoding="utf-8")
    assert glibc_scan.main([str(tmp_path), "--max-glibc", "99.0"]) == 0
    assert "1 ELF files" in capsys.readouterr().out
    assert glibc_scan.main([str(tmp_path), "--max-glibc", "2.0"]) == 1
    out = capsys.readouterr().out
    assert "TOO NEW python:" in out and "symbols too new" in out
