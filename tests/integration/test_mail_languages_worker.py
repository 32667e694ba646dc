"""Through Redis and a real worker: a notice reaches each reader in their own language."""

import pytest

from cwg.models import UserPreference
from cwg.permissions import SECRETARIAT
from cwg.services import enrol_user, record_last_language
from documents.services import add_file, create_document, submit_document
from tests.documents.factories import docx_upload
from tests.integration.faults import MailServer
from tests.integration.test_documents_worker import on_time_meeting, wait_for

__all__ = ["on_time_meeting"]  # a fixture shared with the worker tests


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_worker_sends_the_notice_in_each_readers_language(
    on_time_meeting, people, monkeypatch, request
):
    secretariat = people["secretariat"]
    secretariat.email = "secretariat@example.invalid"
    secretariat.save(update_fields=["email"])
    UserPreference.objects.create(user=secretariat, language="fr")
    colleague = enrol_user(
        username="colleague",
        password="a-test-password-1",
        role=SECRETARIAT,
        email="colleague@example.invalid",
    )
    record_last_language(user=colleague, language="ar")
    with MailServer(refuse_first=0) as server:
        monkeypatch.setenv("EMAIL_URL", f"smtp://127.0.0.1:{server.port}")
        request.getfixturevalue("celery_worker_process")
        delegate = people["delegate"]
        document = create_document(meeting=on_time_meeting, title="Mail test", by=delegate)
        add_file(document=document, upload=docx_upload("mail"), language="en", by=delegate)
        submit_document(document=document, by=delegate)
        assert wait_for(lambda: len(server.subjects()) >= 2, seconds=90), server.subjects()
        messages = {message["To"]: message for message in server.messages}
    french = messages["secretariat@example.invalid"]
    arabic = messages["colleague@example.invalid"]
    assert "Contribution soumise" in french["Subject"]
    assert "réunion" in french.get_content()
    assert "قُدّمت مساهمة" in arabic.get_content()
    assert document.get_absolute_url() in arabic.get_content()
