"""Text extraction proper. Runs only inside the sandbox's child process (see sandbox.py).

Pure Python over pypdf and python-docx: no Django, no settings, no database.
"""

import re
from dataclasses import dataclass, field
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
    # PDF pages without a text layer (scans), and then each page's text, for OCR to fill in.
    textless_pages: list[int] = field(default_factory=list)
    page_texts: list[str] | None = None
    title: str = ""  # the file's own title: PDF metadata, DOCX core title or first heading


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


def inspect_pdf(path: Path) -> dict:
    """The page count and the kinds of active content (scripts, launch actions, attachments)."""
    from cwg.files.pdf_actions import active_content

    reader = open_pdf(path)
    raw = path.read_bytes()
    return {"page_count": len(reader.pages), "active_content": active_content(reader, raw)}


def parse_pdf(path: Path, *, max_pages: int, max_characters: int) -> Parsed:
    reader = open_pdf(path)
    page_count = len(reader.pages)
    parts: list[str] = []
    size = 0
    truncated = page_count > max_pages
    textless: list[int] = []
    for index, page in enumerate(reader.pages[:max_pages]):
        text = page.extract_text() or ""
        parts.append(text)
        if not text.strip():
            textless.append(index)
        size += len(text)
        if size > max_characters:
            truncated = True
            break
    text, cut = _capped(parts, max_characters)
    return Parsed(
        text=text,
        page_count=page_count,
        truncated=truncated or cut,
        textless_pages=textless,
        page_texts=parts if textless else None,
        title=_pdf_title(reader),
    )


TITLE_MAX_CHARACTERS = 500


def _one_line(text) -> str:
    return " ".join(CONTROLS.sub(" ", str(text or "")).split())[:TITLE_MAX_CHARACTERS]


def _pdf_title(reader) -> str:
    try:
        metadata = reader.metadata
        return _one_line(metadata.title if metadata else "")
    except Exception:  # noqa: BLE001 - a broken information dictionary is no title
        return ""


def _docx_title(document) -> str:
    """The core properties' title, else the first paragraph styled as a title or heading."""
    title = _one_line(document.core_properties.title)
    if title:
        return title
    for paragraph in document.paragraphs[:200]:
        style = (paragraph.style.name if paragraph.style is not None else "") or ""
        if style.startswith(("Title", "Heading")) and paragraph.text.strip():
            return _one_line(paragraph.text)
    return ""


def joined_pages(parts: list[str], max_characters: int) -> tuple[str, bool]:
    """Pages' texts as one tidy text, cut at ``max_characters``: (text, cut)."""
    return _capped(parts, max_characters)


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
# Deleted or moved-away revisions, field codes, and the fallback copies of text boxes: counted
# once elsewhere or not text at all.
DOCX_SKIPPED = {MC + "Fallback", W + "moveFrom", W + "del", W + "instrText", W + "delText"}
DOCX_STORIES = ("header+xml", "footer+xml", "footnotes+xml", "endnotes+xml")


def _docx_paragraphs(element, out: list[str], current: list[str] | None) -> None:
    """Every paragraph under element, in order: inside tables, content controls and text boxes.

    python-docx's block API skips content controls and text boxes, which Word templates use
    for titles, so the story's XML is walked instead.
    """
    for child in element:
        tag = child.tag
        if not isinstance(tag, str) or tag in DOCX_SKIPPED:
            continue
        if tag == W + "p":
            inner: list[str] = []
            _docx_paragraphs(child, out, inner)
            out.append("".join(inner))
        elif current is not None and tag == W + "t":
            current.append(child.text or "")
        elif current is not None and tag == W + "tab":
            current.append("\t")
        elif current is not None and tag in {W + "br", W + "cr"}:
            current.append("\n")
        else:
            _docx_paragraphs(child, out, current)


def parse_docx(path: Path, *, max_characters: int) -> Parsed:
    import docx

    document = docx.Document(str(path))
    parts: list[str] = []
    _docx_paragraphs(document.element.body, parts, None)
    for part in document.part.package.iter_parts():
        if part.content_type.endswith(DOCX_STORIES) and hasattr(part, "element"):
            _docx_paragraphs(part.element, parts, None)
    text, truncated = _capped(parts, max_characters)
    return Parsed(text=text, page_count=None, truncated=truncated, title=_docx_title(document))


def parse_txt(path: Path, *, max_characters: int) -> Parsed:
    with path.open(encoding="utf-8", errors="strict") as handle:
        raw = handle.read(max_characters + 1)
    text, truncated = _capped([raw], max_characters)
    return Parsed(text=text, page_count=None, truncated=truncated or len(raw) > max_characters)
