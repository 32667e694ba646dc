"""Indexing through a real Celery worker on Redis: a committed change becomes findable."""

import pytest

from cwg.search.engine import search
from tests.documents.factories import docx_upload
from tests.integration.test_documents_worker import on_time_meeting, wait_for  # noqa: F401

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def found(user, text: str) -> set[int]:
    return {hit.object_id for hit in search(user=user, text=text).hits}


def test_the_worker_indexes_an_upload_and_its_publication(
    celery_worker_process,
    on_time_meeting,  # noqa: F811
    people,
):
    from documents.services import (
        add_file,
        create_document,
        publish_document,
        register_document,
        submit_document,
    )

    delegate, secretariat = people["delegate"], people["secretariat"]
    document = create_document(meeting=on_time_meeting, title="Fibre", by=delegate)
    add_file(document=document, upload=docx_upload("الألياف البصرية"), language="ar", by=delegate)
    # The worker extracts the text, and indexing follows the extraction's commit.
    assert wait_for(lambda: document.pk in found(delegate, "الالياف"))
    assert document.pk not in found(people["public"], "الالياف")
    submit_document(document=document, by=delegate)
    register_document(document=document, by=secretariat)
    publish_document(document=document, by=secretariat)
    assert wait_for(lambda: document.pk in found(people["public"], "البصريه"))
