"""Render the seed table's printed forms to PNG for docs/img/: the summary's first page on A3 and
A4 landscape, and the first project's 项目支出绩效自评表 on A4 portrait (print-project-a4.png).

    .venv/bin/python build_scripts/print_pages.py [--seed PATH] [--out docs/img]

Goes through the same path as ``evaldesk pdf`` (export_pdf), then rasterises with pdftoppm
(poppler-utils), so the pictures show exactly what the finance bureau receives.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from evaldesk.io.read_text import read_text  # noqa: E402 - after the platform is chosen
from evaldesk.printing.pdf import export_pdf  # noqa: E402

SEED = REPO / "tests" / "data" / "000_f385ac392f5d94c6.txt"
# Pixels per inch per paper: the summary pictures come out about 1,650 pixels wide, the
# portrait form about 1,300.
DPI = {"A3": 100, "A4": 140}
FORM_DPI = 160


def render(pdf: Path, png: Path, dpi: int, page: int = 1) -> None:
    stem = png.with_suffix("")
    subprocess.run(
        ["pdftoppm", "-png", "-r", str(dpi), "-f", str(page), "-l", str(page), "-singlefile",
         str(pdf), str(stem)],
        check=True,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=Path, default=SEED)
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "img")
    args = parser.parse_args(argv)
    if shutil.which("pdftoppm") is None:
        print("pdftoppm not found: install poppler-utils", file=sys.stderr)
        return 2
    report = read_text(args.seed)
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as temp:
        for paper, dpi in DPI.items():
            pdf = Path(temp) / f"{paper}.pdf"
            pages = export_pdf(report, pdf, paper=paper, landscape=True)
            png = args.out / f"print-{paper.lower()}.png"
            render(pdf, png, dpi)
            print(f"{png}: page 1 of {pages} ({paper} landscape, {dpi} dpi)")
        if report.projects:
            pdf = Path(temp) / "project.pdf"
            first = report.projects[0]
            pages = export_pdf(report, pdf, sheets="projects", projects=[first.uid])
            png = args.out / "print-project-a4.png"
            render(pdf, png, FORM_DPI)
            print(f"{png}: page 1 of {pages} (项目 {first.seq} {first.name}, A4 portrait, "
                  f"{FORM_DPI} dpi)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
