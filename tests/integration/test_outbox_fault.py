"""The broker loses its queue while no worker runs: nothing is lost (cwg.outbox).

With the worker stopped, a document is withdrawn, a public input arrives and a file is uploaded;
their messages wait in the worker's queue, and that queue is then deleted from Redis (only this
test's private queue key: other runs share the Redis). A worker starts and the outbox sweep
sends again what is not done: the author's receipt goes out exactly once, public search no
longer finds the withdrawn document by its file's words, and the upload is read.
"""

import datetime as dt
import time
import uuid

import pytest
import redis
from django.utils import timezone

from consultations.models import Submission
from cwg import outbox
from cwg.models import OutboxMessage
from cwg.search.engine import search
from cwg.search.indexing import refresh
from documents.models import Document, DocumentFile
from tests.consultations.factories import CallFactory, QuestionFactory
from tests.documents.factories import docx_upload
from tests.integration.faults import MailServer, public_input
from tests.integration.test_documents_worker import on_time_meeting, state_of, wait_for

__all__ = ["on_time_meeting"]  # a fixture shared with the worker tests

pytestmark = [
    pytest.mark.worker,
    pytest.mark.redis,
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
]
RECEIVED = "was received"


def found(user, text: str) -> set[int]:
    return {hit.object_id for hit in search(user=user, text=text).hits}


@pytest.fixture
def private_queue(settings):
    """A queue no worker of any run consumes until this test starts one on it."""
    from cwg.celery import app

    queue = f"test-{uuid.uuid4().hex[:12]}"
    configured = app.conf.task_default_queue
    app.conf.task_default_queue = queue
    yield queue
    app.conf.task_default_queue = configured
    broker = redis.Redis.from_url(settings.CELERY_BROKER_URL)
    for key in broker.scan_iter(match=f"{queue}*"):
        broker.delete(key)


def published_document(meeting, people) -> Document:
    """Published and indexed before the fault, in this process (eagerly)."""
    from cwg.celery import app
    from documents.services import (
        add_file,
        create_document,
        publish_document,
        register_document,
        submit_document,
    )

    delegate, secretariat = people["delegate"], people["secretariat"]
    app.conf.task_always_eager = True
    try:
        document = create_document(meeting=meeting, title="Rural broadband", by=delegate)
        upload = docx_upload("Satellite backhaul for mountain villages")
        add_file(document=document, upload=upload, language="en", by=delegate)
        submit_document(document=document, by=delegate)
        register_document(document=document, by=secretariat)
        publish_document(document=document, by=secretariat)
    finally:
        app.conf.task_always_eager = False
    refresh("document", [document.pk])
    return Document.objects.get(pk=document.pk)


def test_a_lost_queue_loses_no_mail_no_refresh_and_no_extraction(
    private_queue, on_time_meeting, people, settings, monkeypatch, request
):
    from documents.services import add_file, create_document, withdraw_document

    public, delegate = people["public"], people["delegate"]
    document = published_document(on_time_meeting, people)
    assert document.pk in found(public, "backhaul mountain")
    call = CallFactory(working_group=people.working_group, code="LOSTQ")
    QuestionFactory(call=call)
    draft = create_document(meeting=on_time_meeting, title="Upload", by=delegate)
    started = timezone.now()

    with MailServer(refuse_first=0) as server:
        monkeypatch.setenv("EMAIL_URL", f"smtp://127.0.0.1:{server.port}")
        # The worker is stopped: these commit, and their messages wait in the queue.
        withdraw_document(document=document, by=people["secretariat"], reason="Superseded")
        submission = public_input(call, people, text="Community networks")
        add_file(
            document=draft, upload=docx_upload("Spectrum for schools"), language="en", by=delegate
        )
        stored = DocumentFile.objects.get(document=draft)
        waiting = OutboxMessage.objects.filter(created_at__gte=started)
        assert waiting.count() >= 3
        assert set(waiting.values_list("state", flat=True)) == {"pending"}

        broker = redis.Redis.from_url(settings.CELERY_BROKER_URL)
        queued = list(broker.scan_iter(match=f"{private_queue}*"))
        assert queued, "the messages should be waiting in the private queue"
        broker.delete(*queued)  # the broker loses its queue (this test's key only)

        request.getfixturevalue("second_celery_worker")  # a worker starts on that queue
        assert document.pk in found(public, "backhaul mountain")  # the refresh was lost...
        resent = outbox.sweep(now=timezone.now() + outbox.GRACE + dt.timedelta(seconds=1))
        assert set(waiting.values_list("pk", flat=True)) <= set(resent)

        assert wait_for(lambda: not waiting.exclude(state="done").exists(), seconds=90), list(
            waiting.exclude(state="done").values("handler", "last_error", "attempts")
        )
        time.sleep(2)  # a duplicate would arrive now
        outbox.sweep(now=timezone.now() + dt.timedelta(hours=1))  # nothing is left to send
        time.sleep(2)
        subjects = server.subjects()

    receipt = Submission.objects.get(pk=submission.pk)
    assert sum(RECEIVED in subject and receipt.reference in subject for subject in subjects) == 1
    assert document.pk not in found(public, "backhaul mountain")  # ...and is done now
    assert state_of(stored.pk) == "done"
    assert "Spectrum for schools" in DocumentFile.objects.get(pk=stored.pk).text
