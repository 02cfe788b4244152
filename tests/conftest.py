"""Shared test set-up. Qt must be told to draw offscreen before it is imported anywhere."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Keep Qt's own logging quiet about the missing session bus on a headless machine.
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
# Journals, crash reports and locks of every test (and of the processes tests start) go to a
# folder of the run's own, never into the clerk's real data folder.
os.environ.setdefault("EVALDESK_DATA_DIR", tempfile.mkdtemp(prefix="evaldesk-test-data-"))

REPO = Path(__file__).resolve().parent.parent


def _seed_path() -> Path:
    """The original table, from shared/ beside the repository (read-only in CI)."""
    for candidate in (REPO.parent / "shared" / "seed", REPO / "tests" / "data"):
        path = candidate / "000_f385ac392f5d94c6.txt"
        if path.exists():
            return path
    raise FileNotFoundError("seed table 000_f385ac392f5d94c6.txt")


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return _seed_path()
