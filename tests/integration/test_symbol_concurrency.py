"""50 registrations at once on PostgreSQL, each in its own connection: gapless numbers."""

import datetime as dt
import threading

import pytest
from django.db import connection, connections
from django.utils import timezone

from documents.models import Document
from documents.services import add_file, create_document, register_document, submit_document
from tests.documents.factories import docx_upload
from tests.meetings.factories import MeetingFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]
REGISTRATIONS = 50


def test_concurrent_registrations_share_and_skip_no_number(people):
    opens = timezone.localdate() + dt.timedelta(days=30)
    meeting = MeetingFactory(
        working_group=people.working_group, number=44, start_date=opens, end_date=opens
    )
    documents = []
    for n in range(REGISTRATIONS):
        document = create_document(meeting=meeting, title=f"Race {n}", by=people["delegate"])
        add_file(
            document=document, upload=docx_upload(f"race {n}"), language="en", by=people["delegate"]
        )
        documents.append(submit_document(document=document, by=people["delegate"]))
    assert connection.vendor == "postgresql"
    start = threading.Barrier(REGISTRATIONS)
    errors: list[Exception] = []

    def register(document: Document) -> None:
        try:
            start.wait()
            register_document(document=document, by=people["secretariat"])
        except Exception as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=register, args=(d,)) for d in documents]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors
    numbers = sorted(Document.objects.filter(meeting=meeting).values_list("number", flat=True))
    assert numbers == list(range(1, REGISTRATIONS + 1))
