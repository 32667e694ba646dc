"""Render a meeting summary as a Word document with python-docx (right-to-left for Arabic)."""

import datetime as dt
import io

from docx import Document as WordDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from cwg.characters import clean_text
from documents.models import LANGUAGE_LETTERS, Document

RTL_LANGUAGES = {"ar"}


def _right_to_left(paragraph) -> None:
    """Mark the paragraph and its runs right-to-left (w:bidi, w:rtl), aligned to the right."""
    properties = paragraph._p.get_or_add_pPr()
    properties.append(OxmlElement("w:bidi"))
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for run in paragraph.runs:
        run._r.get_or_add_rPr().append(OxmlElement("w:rtl"))


def render_summary_docx(*, document: Document, published_on: dt.date) -> bytes:
    word = WordDocument()
    rtl = document.summary_language in RTL_LANGUAGES
    paragraphs = [
        word.add_paragraph(document.meeting.working_group.name),
        word.add_paragraph(f"{document.symbol}-{document_letter(document)}"),
        word.add_paragraph(published_on.isoformat()),
        word.add_heading(clean_text(document.title), level=0),
    ]
    for block in document.summary_body:
        if block["kind"] == "heading":
            paragraphs.append(word.add_heading(clean_text(block["text"]), level=1))
        else:
            paragraphs.append(word.add_paragraph(clean_text(block["text"])))
    _describe(word, document=document)
    if rtl:
        for paragraph in paragraphs:
            _right_to_left(paragraph)
        word.styles["Normal"].element.get_or_add_rPr().append(_rtl_language())
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def _describe(word, *, document: Document) -> None:
    """Core properties: the summary's title, the group as author, the meeting's date, language."""
    group = clean_text(document.meeting.working_group.name)
    opened = dt.datetime.combine(document.meeting.start_date, dt.time(), tzinfo=dt.UTC)
    properties = word.core_properties
    properties.title = clean_text(document.title)
    properties.author = properties.last_modified_by = group
    properties.subject = f"{document.symbol}-{document_letter(document)}"
    properties.language = document.summary_language
    properties.created = properties.modified = opened
    properties.comments = ""


def document_letter(document: Document) -> str:
    return LANGUAGE_LETTERS[document.summary_language]


def _rtl_language():
    language = OxmlElement("w:lang")
    language.set(qn("w:bidi"), "ar-SA")
    return language
