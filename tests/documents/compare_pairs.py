"""Known pairs of revisions for the comparison tests, as DOCX and PDF bytes."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from docx import Document as WordDocument

from documents.services import (
    add_file,
    create_document,
    publish_document,
    publish_revision,
    register_document,
    start_revision,
    submit_document,
)


def docx_with_heading(heading: str, *paragraphs: str) -> bytes:
    word = WordDocument()
    word.add_heading(heading, level=1)
    for text in paragraphs:
        word.add_paragraph(text)
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def _pdf_string(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def pdf_with_lines(*lines: str) -> bytes:
    """A one-page PDF with one line of Helvetica text per paragraph (Latin text only)."""
    content = "BT /F1 11 Tf 40 760 Td 14 TL " + " ".join(
        f"({_pdf_string(line)}) Tj T*" for line in lines
    )
    content += " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        "/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = io.BytesIO(), []
    out.write(b"%PDF-1.4\n")
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1"))
    start = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{start}\n%%EOF\n".encode()
    )
    return out.getvalue()


def revised_document(
    *,
    meeting,
    people,
    older: bytes,
    newer: bytes,
    language: str,
    name: str,
    publish: bool = True,
    **document,
):
    """A published document by Egypt's delegate whose Rev.0 and Rev.1 hold these files; Rev.1
    stays a draft revision when publish is False."""
    author, secretariat = people["delegate"], people["secretariat"]
    created = create_document(
        meeting=meeting, title=document.pop("title", "Revised"), by=author, **document
    )
    add_file(
        document=created,
        upload=SimpleUploadedFile(name, older),
        language=language,
        by=author,
    )
    submit_document(document=created, by=author)
    register_document(document=created, by=secretariat)
    publish_document(document=created, by=secretariat)
    start_revision(document=created, by=secretariat)
    add_file(
        document=created,
        upload=SimpleUploadedFile(name, newer),
        language=language,
        by=secretariat,
    )
    if publish:
        publish_revision(document=created, by=secretariat)
    created.refresh_from_db()
    return created
