"""Render the seed table's printed form to PNG (first page, A3 and A4 landscape) for docs/img/.

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
# Pixels per inch per paper: both pictures come out about 1,650 pixels wide.
DPI = {"A3": 100, "A4": 140}


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
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
