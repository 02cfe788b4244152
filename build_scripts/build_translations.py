"""Update the .ts translation sources from the code and build the .qm files the app loads.

    .venv/bin/python build_scripts/build_translations.py          # lupdate, then lrelease
    .venv/bin/python build_scripts/build_translations.py --release  # lrelease only

The UI's source strings are Chinese; ``resources/translations/evaldesk_en.ts`` holds the English.
Edit it with ``pyside6-linguist`` (or by hand), then run this script and commit both the .ts and
the .qm, so that a fresh clone runs in English without any Qt tools.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TRANSLATIONS = REPO / "resources" / "translations"
LANGUAGES = ("en",)
SOURCES = [*sorted((REPO / "evaldesk" / "ui").glob("*.py")), REPO / "evaldesk" / "app.py",
           REPO / "evaldesk" / "printing" / "notice.py"]


def _tool(name: str) -> str:
    """The PySide6 tool from the venv running this script, else from PATH."""
    candidate = Path(sys.executable).parent / name
    if candidate.exists():
        return str(candidate)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6 into the venv (it ships the tool)")
    return found


def update() -> None:
    for language in LANGUAGES:
        ts = TRANSLATIONS / f"evaldesk_{language}.ts"
        subprocess.run(
            [_tool("pyside6-lupdate"), *[str(s.relative_to(REPO)) for s in SOURCES],
             # Module-level helpers called _tr() translate without a class context; N() marks a
             # label kept in a table for _tr() to translate where it is shown (QT_TR_NOOP).
             "-tr-function-alias", "tr+=_tr,QT_TR_NOOP+=N",
             "-source-language", "zh_CN", "-target-language", language,
             "-locations", "none", "-no-obsolete", "-ts", str(ts.relative_to(REPO))],
            check=True, cwd=REPO)


def release() -> None:
    for language in LANGUAGES:
        ts = TRANSLATIONS / f"evaldesk_{language}.ts"
        qm = ts.with_suffix(".qm")
        subprocess.run([_tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True, cwd=REPO)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--release", action="store_true", help="only build the .qm files")
    args = parser.parse_args(argv)
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    if not args.release:
        update()
    release()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
