"""A Word document "with changes marked": the newer text with native tracked changes.

Written with python-docx and lxml rather than python-redlines: python-redlines runs a bundled
.NET program that compares two DOCX files, so it cannot compare PDF revisions, and its word
boundaries would not be ours (Arabic clitics, Chinese characters), so the page and the document
would disagree. Here both come from one Comparison.

Insertions are w:ins, deletions w:del (w:delText), moved paragraphs w:moveFrom / w:moveTo, each
with the author and the date given. Paragraphs keep their style (headings) where the revisions
are DOCX files; Arabic paragraphs are right to left (w:bidi, w:rtl).
"""

import io
from datetime import datetime

from docx import Document as WordDocument
from docx.oxml.ns import qn
from lxml import etree

from cwg.characters import clean_text
from documents.services.compare.diff import DELETE, EQUAL, INSERT, Block, Comparison, Segment

RTL_LANGUAGES = {"ar"}


class _Marks:
    """Hands out the w:id each revision mark needs (unique in the document)."""

    def __init__(self, author: str, date: datetime):
        self.author, self.date, self.next_id = author, date.strftime("%Y-%m-%dT%H:%M:%SZ"), 1

    def element(self, tag: str, **extra) -> etree._Element:
        node = etree.Element(qn(tag))
        node.set(qn("w:id"), str(self.next_id))
        self.next_id += 1
        node.set(qn("w:author"), clean_text(self.author))
        node.set(qn("w:date"), self.date)
        for name, value in extra.items():
            node.set(qn(f"w:{name}"), value)
        return node


def _run(text: str, *, deleted: bool, rtl: bool) -> etree._Element:
    run = etree.Element(qn("w:r"))
    if rtl:
        properties = etree.SubElement(run, qn("w:rPr"))
        etree.SubElement(properties, qn("w:rtl"))
    node = etree.SubElement(run, qn("w:delText" if deleted else "w:t"))
    node.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    node.text = clean_text(text)
    return run


def _mark_paragraph(paragraph, marks: _Marks, tag: str, rtl: bool) -> None:
    """The paragraph mark itself is inserted, deleted or moved (so accepting removes it too)."""
    properties = paragraph._p.get_or_add_pPr()
    if rtl and properties.find(qn("w:bidi")) is None:
        properties.append(etree.Element(qn("w:bidi")))
    if tag:
        run_properties = properties.find(qn("w:rPr"))
        if run_properties is None:
            run_properties = etree.SubElement(properties, qn("w:rPr"))
        run_properties.append(marks.element(tag))


def _fill(paragraph, block: Block, marks: _Marks, rtl: bool) -> None:
    """The runs of one paragraph. Edits within a moved paragraph are ins/del beside its move."""
    body = paragraph._p
    moved = block.kind in {"moved_from", "moved_to"}
    if moved:
        tag = "w:moveFrom" if block.kind == "moved_from" else "w:moveTo"
        body.append(marks.element(f"{tag}RangeStart", name=f"move{block.move}"))
        start_id = body[-1].get(qn("w:id"))
    segments = block.segments
    if block.kind == "moved_from":
        segments = [Segment(EQUAL, block.older)]  # as it was; its edits show where it went
    for segment in segments:
        if segment.op == INSERT:
            wrapper = marks.element("w:ins")
        elif segment.op == DELETE:
            wrapper = marks.element("w:del")
        elif moved:
            wrapper = marks.element(tag)
        else:
            body.append(_run(segment.text, deleted=False, rtl=rtl))
            continue
        wrapper.append(_run(segment.text, deleted=segment.op == DELETE, rtl=rtl))
        body.append(wrapper)
    if moved:
        end = etree.SubElement(body, qn(f"{tag}RangeEnd"))
        end.set(qn("w:id"), start_id)


PARAGRAPH_MARK = {
    "inserted": "w:ins",
    "deleted": "w:del",
    "moved_from": "w:moveFrom",
    "moved_to": "w:moveTo",
}


def docx_styles(data: bytes | None) -> dict[str, str]:
    """Paragraph text -> style name of a DOCX file ("Heading 1", "Normal"...)."""
    if not data:
        return {}
    try:
        source = WordDocument(io.BytesIO(data))
    except Exception:  # noqa: BLE001 - a file we cannot reopen just loses its styles
        return {}
    return {p.text.strip(): p.style.name for p in source.paragraphs if p.text.strip()}


def tracked_docx(
    comparison: Comparison,
    *,
    title: str,
    language: str,
    author: str,
    date: datetime,
    older_styles: dict[str, str] | None = None,
    newer_styles: dict[str, str] | None = None,
) -> bytes:
    word = WordDocument()
    rtl = language in RTL_LANGUAGES
    word.core_properties.title = title
    word.core_properties.language = language
    available = {style.name for style in word.styles}
    marks = _Marks(author, date)
    for block in comparison.blocks:
        older_side = block.kind in {"deleted", "moved_from"}
        styles = (older_styles if older_side else newer_styles) or {}
        style = styles.get(block.older if older_side else block.newer, "")
        paragraph = word.add_paragraph(style=style if style in available else None)
        _mark_paragraph(paragraph, marks, PARAGRAPH_MARK.get(block.kind, ""), rtl)
        _fill(paragraph, block, marks, rtl)
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()
