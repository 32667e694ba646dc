"""With Elasticsearch configured but down: writes still reach the database's index, pages say
search is degraded and answer from it, and nothing fails."""

import io
import logging

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from cwg.models import OutboxMessage
from documents.models import Document
from tests.documents.factories import DocumentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def elasticsearch_down(settings):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"
    settings.SEARCH_ES_TIMEOUT = 1
    return settings


@pytest.fixture
def published(working_group, elasticsearch_down, django_capture_on_commit_callbacks, caplog):
    with (
        caplog.at_level(logging.WARNING, logger="cwg.outbox"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        document = DocumentFactory(
            meeting__working_group=working_group,
            title="Satellite broadband for islands",
            number=3,
            status=Document.Status.PUBLISHED,
            access=Document.Access.PUBLIC,
        )
    # Elasticsearch is written again by the outbox sweep; the database's index already was.
    assert "tried again after" in caplog.text
    assert OutboxMessage.objects.filter(state="pending").exclude(last_error="").exists()
    return document


def test_a_change_reaches_the_database_index_while_elasticsearch_is_down(client, published):
    response = client.get(reverse("search:page"), {"q": "satellite islands"})
    assert response.status_code == 200
    assert response.context["page"].degraded
    assert [result.hit.object_id for result in response.context["page"].results] == [published.pk]
    assert "Search is running in a reduced mode" in response.content.decode()
    api = client.get(reverse("search-api"), {"q": "satellite"}).json()
    assert api["degraded"] is True
    assert api["total"] == 1


def test_reindex_rebuilds_the_database_index_and_reports_elasticsearch_down(published):
    from cwg.search.engine import index_backends

    database, elasticsearch = index_backends()
    assert elasticsearch.name == "elasticsearch"
    database.clear()
    out = io.StringIO()
    with pytest.raises(CommandError, match="elasticsearch could not be rebuilt"):
        call_command("reindex", stdout=out, stderr=io.StringIO())
    assert f"{database.name}: 1 entries indexed" in out.getvalue()
    assert database.search("satellite", principals=frozenset({"public"})).total == 1
