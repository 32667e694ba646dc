"""Text extraction proper. Runs only inside the sandbox's child process (see sandbox.py).

Pure Python over pypdf and python-docx: no Django, no settings, no database.
"""

import re
from dataclasses import dataclass
from pathlib import Path

SPACES = re.compile(r"[ \t\u00a0]+")
# C0 controls but tab and newline: PDFs carry NULs, and PostgreSQL text refuses them.
CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
BLANK_LINES = re.compile(r"\n{3,}")


@dataclass
class Parsed:
    text: str
    page_count: int | None
    truncated: bool


class ParseRefused(Exception):
    """A reason a person can read, e.g. the PDF is encrypted."""


def tidy(text: str) -> str:
    text = CONTROLS.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    lines = (SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def _capped(parts: list[str], max_characters: int) -> tuple[str, bool]:
    text = tidy("\n".join(parts))
    if len(text) > max_characters:
        return text[:max_characters], True
    return text, False


def open_pdf(path: Path):
    from pypdf import PdfReader

    reader = PdfReader(str(path), strict=False)
    if reader.is_encrypted:
        raise ParseRefused("encrypted")
    return reader


def count_pdf_pages(path: Path) -> int:
    return len(open_pdf(path).pages)


def parse_pdf(path: Path, *, max_pages: int, max_characters: int) -> Parsed:
    reader = open_pdf(path)
    page_count = len(reader.pages)
    parts: list[str] = []
    size = 0
    truncated = page_count > max_pages
    for page in reader.pages[:max_pages]:
        text = page.extract_text() or ""
        parts.append(text)
        size += len(text)
        if size > max_characters:
            truncated = True
            break
    text, cut = _capped(parts, max_characters)
    return Parsed(text=text, page_count=page_count, truncated=truncated or cut)


def _docx_block_texts(container) -> list[str]:
    """Paragraphs and tables in document order, nested tables included."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    texts: list[str] = []
    for block in container.iter_inner_content():
        if isinstance(block, Paragraph):
            texts.append(block.text)
        elif isinstance(block, Table):
            for row in block.rows:
                for cell in row.cells:
                    texts.extend(_docx_block_texts(cell))
    return texts


def parse_docx(path: Path, *, max_characters: int) -> Parsed:
    import docx

    document = docx.Document(str(path))
    parts: list[str] = []
    for section in document.sections:
        for part in (section.header, section.first_page_header, section.even_page_header):
            if not part.is_linked_to_previous:
                parts.extend(_docx_block_texts(part))
    parts.extend(_docx_block_texts(document))
    for section in document.sections:
        for part in (section.footer, section.first_page_footer, section.even_page_footer):
            if not part.is_linked_to_previous:
                parts.extend(_docx_block_texts(part))
    text, truncated = _capped(parts, max_characters)
    return Parsed(text=text, page_count=None, truncated=truncated)


def parse_txt(path: Path, *, max_characters: int) -> Parsed:
    with path.open(encoding="utf-8", errors="strict") as handle:
        raw = handle.read(max_characters + 1)
    text, truncated = _capped([raw], max_characters)
    return Parsed(text=text, page_count=None, truncated=truncated or len(raw) > max_characters)
