"""The corpus as clerks receive it: a published form saved again by another office suite.

Bureaus pass forms around as Excel 97-2003 .xls (WPS's and many templates' default) and as
.ods; a form saved as a web page (or a system's export, a web page named .xls) holds spans
and shown values, and one saved as CSV or copied from a sheet is text without merges or sheet
names. The reader meets them through other code paths (calamine's .xls and .ods readers, cells
stored as doubles, merges recorded differently, the HTML and text readers). LibreOffice saves
every corpus workbook in the four formats here, and each copy must read and judge exactly like
the .xlsx it came from.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from evaldesk.cli import main
from evaldesk.io import read_report

pytestmark = [
    pytest.mark.libreoffice,
    pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed"),
]

REAL = Path(__file__).resolve().parents[1] / "data" / "real"
FORMS = sorted(REAL.glob("*.xlsx"))


@pytest.fixture(scope="module")
def saved_by_libreoffice(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every corpus workbook as .xls, .ods, .html and .csv, converted in one run per format."""
    out = tmp_path_factory.mktemp("saved-by-libreoffice")
    profile = out / "lo-profile"  # a private profile: parallel runs must not share one
    # CSV: comma, double quote, UTF-8 (76), from line 1 — without it Chinese comes out as ???.
    for target in ("xls", "ods", "html", "csv:Text - txt - csv (StarCalc):44,34,76,1"):
        subprocess.run(
            ["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless",
             "--convert-to", target, "--outdir", str(out), *map(str, FORMS)],
            capture_output=True, text=True, timeout=300, check=False)
    return out


def _findings(path: Path, capsys: pytest.CaptureFixture[str]) -> list[tuple[str, str, str]]:
    main(["check", "--json", str(path)])
    found = json.loads(capsys.readouterr().out)
    # A text file has no sheet: a note names the file where a workbook names its sheet.
    return sorted((f["code"], f.get("field") or "", re.sub(r"工作表「[^」]*」", "工作表", f["message"]))
                  for f in found)


@pytest.mark.parametrize("extension", ["xls", "ods", "html", "csv"])
@pytest.mark.parametrize("form", FORMS, ids=lambda p: p.stem[:3])
def test_a_copy_saved_by_another_suite_reads_and_judges_the_same(
        form: Path, extension: str, saved_by_libreoffice: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    copy = saved_by_libreoffice / f"{form.stem}.{extension}"
    assert copy.exists(), f"LibreOffice did not save {copy.name}"
    original, again = read_report(form), read_report(copy)
    assert again.year == original.year
    assert [(p.name, p.authority, p.implementer, p.goal, p.completion)
            for p in again.projects] == [(p.name, p.authority, p.implementer, p.goal, p.completion)
                                         for p in original.projects]
    assert [(p.budget, p.actual, p.indicators) for p in again.projects] \
        == [(p.budget, p.actual, p.indicators) for p in original.projects]
    assert _findings(copy, capsys) == _findings(form, capsys)
