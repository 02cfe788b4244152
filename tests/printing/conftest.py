"""Printing tests paint with Qt: they share pytest-qt's QApplication.

Asking for ``qapp`` first matters: were ``export_pdf`` to create a bare QGuiApplication, a later
widget test in the same run would find it and crash.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QApplication

from evaldesk.core.records import Report
from evaldesk.io.read_text import read_text


@pytest.fixture(autouse=True)
def _qt_application(qapp: QApplication) -> QApplication:
    return qapp


@pytest.fixture(scope="session")
def seed_report(seed_path: Path) -> Report:
    return read_text(seed_path)


_SPACE = re.compile(r"\s+")


def squeeze(text: str) -> str:
    """Text without any white space: wrapped lines and PDF extraction join back up."""
    return _SPACE.sub("", text)


def page_texts(path: Path) -> list[str]:
    return [squeeze(page.extract_text()) for page in PdfReader(path).pages]
