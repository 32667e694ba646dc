"""Redis stops while a delegate uploads: the upload is stored, the page says processing is
delayed, and the sweep has the file read once Redis is back. On a throwaway Redis of its own."""

import os
from contextlib import contextmanager

import pytest
from django.urls import reverse

from documents.models import DocumentFile
from documents.services import create_document
from documents.tasks import sweep_stale_extractions
from tests.documents.factories import docx_upload
from tests.integration.faults import ThrowawayRedis, free_port
from tests.integration.test_documents_worker import on_time_meeting, state_of, wait_for

__all__ = ["on_time_meeting"]  # a fixture shared with the worker tests

DELAYED = "processing is delayed"


@contextmanager
def broker_at(url: str):
    """This process's Celery app (and any worker started inside) on another broker."""
    from cwg.celery import app

    environment = os.environ.get("CELERY_BROKER_URL")
    configured = app.conf.get("broker_url")
    os.environ["CELERY_BROKER_URL"] = url  # Celery reads it before its own setting
    app.conf.broker_url = url
    _drop_connections(app)
    try:
        yield
    finally:
        if environment is None:
            os.environ.pop("CELERY_BROKER_URL", None)
        else:
            os.environ["CELERY_BROKER_URL"] = environment
        app.conf.broker_url = configured
        _drop_connections(app)


def _drop_connections(app) -> None:
    app._pool = None  # the producer pools hold connections to the old broker
    app.amqp._producer_pool = None


@pytest.fixture
def throwaway_broker(settings):
    redis = ThrowawayRedis()
    redis.start()
    settings.CELERY_BROKER_URL = redis.url  # the worker fixture's result backend
    with broker_at(redis.url):
        yield redis
    redis.kill()


def upload_as_delegate(client, document, name: str):
    client.force_login(document.submitted_by)
    return client.post(
        reverse("documents:add_file", args=[document.pk]),
        {"language": "ar", "file": docx_upload("نص رُفع والوسيط متوقف", name=name)},
        follow=True,
    )


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_an_upload_while_redis_is_down_is_read_after_it_is_back(
    throwaway_broker, on_time_meeting, people, client, request
):
    from cwg.celery import app

    request.getfixturevalue("celery_worker_process")  # consumes from the throwaway Redis
    document = create_document(meeting=on_time_meeting, title="Outage", by=people["delegate"])
    throwaway_broker.kill()

    response = upload_as_delegate(client, document, "outage.docx")

    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == document.get_absolute_url()
    assert DELAYED in response.content.decode()
    stored = DocumentFile.objects.get(document=document)
    assert stored.extraction_state == DocumentFile.Extraction.DELAYED
    assert stored.file.storage.exists(stored.file.name)

    throwaway_broker.start()
    assert wait_for(lambda: bool(app.control.ping(timeout=0.5)), seconds=60), "no worker back"
    assert sweep_stale_extractions.apply().get() == 1

    assert wait_for(lambda: state_of(stored.pk) == "done", seconds=60)
    row = DocumentFile.objects.get(pk=stored.pk)
    assert "نص رُفع والوسيط متوقف" in row.text
    assert row.extraction_attempts == 1
    assert DocumentFile.objects.filter(document=document).count() == 1
    assert DELAYED not in client.get(document.get_absolute_url()).content.decode()


@pytest.mark.django_db(transaction=True)
def test_an_upload_with_no_broker_answering_is_kept_for_the_sweep(
    on_time_meeting, people, client, settings
):
    """The same promise without any service: a broker address where nothing listens."""
    from cwg.celery import app

    app.conf.task_always_eager = False
    try:
        with broker_at(f"redis://127.0.0.1:{free_port()}/0"):
            document = create_document(meeting=on_time_meeting, title="No", by=people["delegate"])
            response = upload_as_delegate(client, document, "nobroker.docx")
    finally:
        app.conf.task_always_eager = True

    assert response.status_code == 200
    assert DELAYED in response.content.decode()
    stored = DocumentFile.objects.get(document=document)
    assert stored.extraction_state == DocumentFile.Extraction.DELAYED
    assert sweep_stale_extractions.apply().get() == 1  # eager again: read in this process
    assert state_of(stored.pk) == "done"


@pytest.mark.django_db(transaction=True)
def test_a_notice_is_sent_here_when_no_broker_answers(on_time_meeting, people, mailoutbox):
    """Submitting still answers, and the secretariat's notice goes out from this process."""
    from cwg.celery import app
    from documents.services import add_file, submit_document

    people["secretariat"].email = "secretariat@example.invalid"
    people["secretariat"].save(update_fields=["email"])
    document = create_document(meeting=on_time_meeting, title="Noticed", by=people["delegate"])
    add_file(document=document, upload=docx_upload("x"), language="en", by=people["delegate"])
    app.conf.task_always_eager = False
    try:
        with broker_at(f"redis://127.0.0.1:{free_port()}/0"):
            submit_document(document=document, by=people["delegate"])
    finally:
        app.conf.task_always_eager = True
    assert [message.to for message in mailoutbox] == [["secretariat@example.invalid"]]
    assert "Contribution submitted" in mailoutbox[0].subject


@pytest.mark.django_db(transaction=True)
def test_an_input_with_no_broker_answering_is_received_and_its_receipt_sent(
    working_group, client, mailoutbox
):
    """The author sees the confirmation (not a 500 that invites a second input), and the
    receipt with the private link goes out from this process."""
    from consultations.models import Submission
    from cwg.celery import app
    from tests.consultations.factories import CallFactory, QuestionFactory, form_data

    call = CallFactory(working_group=working_group, code="NOBROKER")
    QuestionFactory(call=call)
    app.conf.task_always_eager = False
    try:
        with broker_at(f"redis://127.0.0.1:{free_port()}/0"):
            response = client.post(
                reverse("consultations:submit", args=[call.code]), form_data(call), follow=True
            )
    finally:
        app.conf.task_always_eager = True
    assert response.status_code == 200
    submission = Submission.objects.get(call=call)
    assert submission.reference in response.content.decode()
    assert [message.to for message in mailoutbox] == [[submission.email]]
    assert submission.reference in mailoutbox[0].subject
