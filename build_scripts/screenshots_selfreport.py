"""Pictures of the drafted 绩效自评报告 for the docs, as LibreOffice prints it.

    .venv/bin/python build_scripts/screenshots_selfreport.py [--out docs/img]

Drafts the example's report with `evaldesk report`, has LibreOffice Writer turn it into a PDF
and pdftoppm draw its first two pages side by side: selfreport-pages.png (page 1 at left). The
Linux font aliases (build_scripts/linux/65-evaldesk-chinese-office-fonts.conf, which install.sh
puts in place for a clerk) are used for the conversion, as on a desktop where evaldesk is
installed: without them this machine's LibreOffice draws the 黑体 headings in the body's weight.
Needs soffice (libreoffice-writer-nogui) and pdftoppm (poppler-utils): build_scripts/setup.sh --tests.
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
EXAMPLE = REPO / "examples" / "2021年度区信访局预算项目绩效自评表.xlsx"
FONT_ALIASES = REPO / "build_scripts" / "linux" / "65-evaldesk-chinese-office-fonts.conf"
DPI = 60


def fontconfig_with_aliases(work: Path) -> Path:
    """A fontconfig file: the system's configuration, then evaldesk's aliases."""
    config = work / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n'
        "<fontconfig>\n"
        '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
        f"  <include>{FONT_ALIASES}</include>\n"
        "</fontconfig>\n", encoding="utf-8")
    return config


def to_pdf(docx: Path, work: Path) -> Path:
    env = dict(os.environ, FONTCONFIG_FILE=str(fontconfig_with_aliases(work)))
    profile = (work / "lo-profile").as_uri()
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(work), str(docx)], env=env, check=True, capture_output=True,
                   timeout=300)
    return work / (docx.stem + ".pdf")


def side_by_side(pages: list[Path], target: Path) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter

    app = QGuiApplication.instance() or QGuiApplication([])
    assert app is not None
    images = [QImage(str(p)) for p in pages]
    gap = 16
    width = sum(i.width() for i in images) + gap * (len(images) + 1)
    height = max(i.height() for i in images) + 2 * gap
    canvas = QImage(width, height, QImage.Format.Format_RGB32)
    canvas.fill(QColor("#d9d9d9"))  # a desk behind white pages, so the pages' edges show
    painter = QPainter(canvas)
    x = gap
    for image in images:
        painter.fillRect(x + 3, gap + 3, image.width(), image.height(), QColor("#9a9a9a"))
        painter.drawImage(x, gap, image)
        x += image.width() + gap
    painter.end()
    canvas.save(str(target))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "img")
    args = parser.parse_args(argv)
    for tool in ("soffice", "pdftoppm"):
        if shutil.which(tool) is None:
            print(f"{tool} not found: run build_scripts/setup.sh --tests", file=sys.stderr)
            return 1
    work = Path(tempfile.mkdtemp(prefix="evaldesk-selfreport-"))
    try:
        docx = work / "自评报告.docx"
        subprocess.run([sys.executable, "-m", "evaldesk", "report", str(EXAMPLE), "-o", str(docx)],
                       check=True, cwd=REPO)
        pdf = to_pdf(docx, work)
        subprocess.run(["pdftoppm", "-png", "-r", str(DPI), "-f", "1", "-l", "2", str(pdf),
                        str(work / "page")], check=True)
        pages = sorted(work.glob("page-*.png"))
        args.out.mkdir(parents=True, exist_ok=True)
        side_by_side(pages, args.out / "selfreport-pages.png")
        print(args.out / "selfreport-pages.png")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
