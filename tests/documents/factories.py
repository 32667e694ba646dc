import io

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from docx import Document as WordDocument

from documents.models import Document
from documents.services import (
    add_file,
    create_document,
    publish_document,
    register_document,
    submit_document,
)
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


def published_document(meeting, people, title, *, languages=("en",), items=(), **options):
    """A document the secretariat records and publishes through the services, one file a
    language (a bare DocumentFactory row has no symbol and no file)."""
    secretariat = people["secretariat"]
    document = create_document(
        meeting=meeting,
        title=title,
        by=secretariat,
        source_text="Secretariat",
        agenda_items=list(items),
        **options,
    )
    for language in languages:
        add_file(
            document=document,
            upload=docx_upload(f"{title} ({language})"),
            language=language,
            by=secretariat,
        )
    submit_document(document=document, by=secretariat)
    register_document(document=document, by=secretariat)
    return publish_document(document=document, by=secretariat)
