import io

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from docx import Document as WordDocument

from documents.models import Document
from tests.meetings.factories import MeetingFactory


def docx_bytes(*paragraphs: str) -> bytes:
    word = WordDocument()
    for text in paragraphs or ("A contribution on WSIS action lines.",):
        word.add_paragraph(text)
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def docx_upload(*paragraphs: str, name: str = "contribution.docx") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, docx_bytes(*paragraphs))


class DocumentFactory(factory.django.DjangoModelFactory):
    """A bare row; workflow tests build documents through the services instead."""

    class Meta:
        model = Document

    meeting = factory.SubFactory(MeetingFactory)
    kind = Document.Kind.CONTRIBUTION
    title = factory.Sequence(lambda n: f"Contribution {n}")
