"""Extraction through a real Celery worker on Redis, including a worker killed mid-task."""

import datetime as dt
import os
import signal
import time
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from documents.models import DocumentFile
from documents.services import requeue_stale_extractions
from tests.documents.factories import docx_upload

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def wait_for(predicate, *, seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.2)
    return False


def state_of(file_id: int) -> str:
    return DocumentFile.objects.get(pk=file_id).extraction_state


SLOW_PDF = (
    Path(__file__).resolve().parents[2].parent / "shared/testdata/pdf/GeoTopo-komprimiert.pdf"
)


@pytest.fixture
def on_time_meeting(working_group):
    from django.utils import timezone

    from tests.meetings.factories import MeetingFactory

    opens = timezone.localdate() + dt.timedelta(days=30)
    return MeetingFactory(working_group=working_group, number=44, start_date=opens, end_date=opens)


def test_an_upload_is_extracted_by_the_worker(celery_worker_process, on_time_meeting, people):
    from documents.services import add_file, create_document

    document = create_document(meeting=on_time_meeting, title="Worker", by=people["delegate"])
    stored = add_file(
        document=document,
        upload=docx_upload("نص يقرؤه العامل"),
        language="ar",
        by=people["delegate"],
    )
    assert wait_for(lambda: state_of(stored.pk) == "done")
    assert "نص يقرؤه العامل" in DocumentFile.objects.get(pk=stored.pk).text


def test_a_worker_killed_mid_task_loses_nothing(
    celery_worker_process, on_time_meeting, people, settings, request
):
    """SIGKILL while a slow file is being read; a new worker and the sweep finish the work."""
    from documents.services import add_file, create_document

    if not SLOW_PDF.exists():
        pytest.fail(f"{SLOW_PDF} is missing")
    document = create_document(meeting=on_time_meeting, title="Killed", by=people["delegate"])
    upload = SimpleUploadedFile("slow.pdf", SLOW_PDF.read_bytes())
    stored = add_file(document=document, upload=upload, language="en", by=people["delegate"])
    assert wait_for(lambda: state_of(stored.pk) == "running", seconds=30)
    os.killpg(celery_worker_process.pid, signal.SIGKILL)  # the whole machine dies
    celery_worker_process.wait(timeout=10)
    assert state_of(stored.pk) == "running"

    replacement = request.getfixturevalue("second_celery_worker")
    assert replacement.poll() is None
    assert requeue_stale_extractions(older_than=dt.timedelta(0)) == [stored.pk]
    assert wait_for(lambda: state_of(stored.pk) == "done", seconds=120)
    row = DocumentFile.objects.get(pk=stored.pk)
    assert row.page_count == 117
    assert len(row.text) > 100_000
    assert row.extraction_attempts == 2
    assert DocumentFile.objects.filter(document=document).count() == 1
