"""The content of a .docx as a reader sees it, for comparing two drafts and checking figures."""

from __future__ import annotations

from pathlib import Path


def document_content(path: Path) -> list[str]:
    """Body paragraphs and table rows in document order ("cell | cell" per row), and the footer.

    Only content: a file's timestamps and zip order differ between two saves of the same draft.
    """
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(str(path))
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            lines.append(block.text)
        elif isinstance(block, Table):
            lines.extend(" | ".join(cell.text for cell in row.cells) for row in block.rows)
    lines.extend(p.text for p in document.sections[0].footer.paragraphs)
    return lines
