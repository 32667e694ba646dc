"""The mail server refuses: notices and receipts are tried again, and each goes out once."""

import datetime as dt

import pytest
from django.core import mail as django_mail
from django.utils import timezone

from documents.services import add_file, create_document, submit_document
from tests.consultations.factories import CallFactory, QuestionFactory
from tests.documents.factories import docx_upload
from tests.integration.faults import MailServer, public_input
from tests.integration.test_documents_worker import on_time_meeting, wait_for

__all__ = ["on_time_meeting"]  # a fixture shared with the worker tests

SUBMITTED = "Contribution submitted"
RECEIVED = "was received"


def trigger_both_mails(meeting, people):
    """A contribution submitted (notice to the secretariat) and a public input (its receipt)."""
    secretariat = people["secretariat"]
    secretariat.email = "secretariat@example.invalid"
    secretariat.save(update_fields=["email"])
    document = create_document(meeting=meeting, title="Mail test", by=people["delegate"])
    add_file(document=document, upload=docx_upload("mail"), language="en", by=people["delegate"])
    submit_document(document=document, by=people["delegate"])
    call = CallFactory(working_group=people.working_group, code="MAIL")
    QuestionFactory(call=call)
    public_input(call, people)


def count(subjects: list[str], part: str) -> int:
    return sum(part in subject for subject in subjects)


@pytest.mark.django_db(transaction=True)
def test_refused_mail_is_retried_until_it_goes_out_once(on_time_meeting, people, settings):
    """In this process (tasks run eagerly): the outbox sweep tries again after the backoff."""
    from cwg import outbox

    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_TIMEOUT = 5
    with MailServer(refuse_first=3) as server:
        settings.EMAIL_PORT = server.port
        trigger_both_mails(on_time_meeting, people)
        for hours in (1, 2, 3):
            outbox.sweep(now=timezone.now() + dt.timedelta(hours=hours))
        subjects = server.subjects()
    assert server.refused == 3
    assert count(subjects, SUBMITTED) == 1
    assert count(subjects, RECEIVED) == 1
    assert len(subjects) == 2
    assert not django_mail.outbox


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_worker_retries_refused_mail_and_sends_each_once(
    on_time_meeting, people, monkeypatch, request
):
    """Through Redis and a real worker: retried with backoff, delivered once, none lost."""
    import time

    with MailServer(refuse_first=3) as server:
        monkeypatch.setenv("EMAIL_URL", f"smtp://127.0.0.1:{server.port}")
        request.getfixturevalue("celery_worker_process")
        trigger_both_mails(on_time_meeting, people)
        assert wait_for(lambda: len(server.subjects()) >= 2, seconds=90), server.subjects()
        time.sleep(3)  # a duplicate would arrive now
        subjects = server.subjects()
    assert server.refused == 3
    assert count(subjects, SUBMITTED) == 1
    assert count(subjects, RECEIVED) == 1
    assert len(subjects) == 2
