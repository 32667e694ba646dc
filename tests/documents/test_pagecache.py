"""Each document event refreshes the anonymous visitors' cached pages it changes (cwg/pagecache)."""

import pytest
from django.test import Client
from django.urls import reverse

from cwg.search.indexing import refresh
from documents.models import Document
from documents.services import (
    add_file,
    create_document,
    create_summary,
    publish_document,
    publish_summary,
    register_document,
    update_summary,
    withdraw_document,
)
from tests.documents.factories import docx_upload

pytestmark = pytest.mark.django_db
PAGE_CACHE = True  # anonymous pages from the cache, as in production (tests/conftest.py)


def cached(url: str) -> str:
    """Fill the cache as an anonymous visitor and check the next one is served from it."""
    Client().get(url)
    response = Client().get(url)
    assert response["X-Page-Cache"] == "hit"
    return response.content.decode()


def fresh(url: str) -> str:
    response = Client().get(url)
    assert response.status_code == 200
    assert response["X-Page-Cache"] == "miss"
    return response.content.decode()


@pytest.fixture
def meeting_list(meeting):
    return reverse("documents:meeting_list", args=[meeting.number])


@pytest.fixture
def published(registered, people):
    return publish_document(document=registered, by=people["secretariat"])


def test_registering_changes_no_public_page(submitted, meeting_list, people):
    """A registered document is shown to officers only: the public's pages stay cached."""
    assert submitted.title not in cached(meeting_list)
    register_document(document=submitted, by=people["secretariat"])
    response = Client().get(meeting_list)
    assert response["X-Page-Cache"] == "hit"
    assert submitted.title not in response.content.decode()


def test_publishing_refreshes_the_meeting_pages(registered, meeting_list, people):
    meeting_page = reverse("meetings:detail", args=[registered.meeting.number])
    assert registered.title not in cached(meeting_list)
    cached(meeting_page)
    publish_document(document=registered, by=people["secretariat"])
    assert registered.title in fresh(meeting_list)
    fresh(meeting_page)


def test_publishing_refreshes_the_api_list_and_indexing_refreshes_search(registered, people):
    search = reverse("search:page") + "?q=Egypt"
    api = reverse("document-list") + "?meeting=44"
    link = f'href="{reverse("documents:detail", args=[registered.pk])}"'
    assert link not in cached(search)
    assert registered.title not in cached(api)
    publish_document(document=registered, by=people["secretariat"])
    assert registered.title in fresh(api)
    assert Client().get(search)["X-Page-Cache"] == "hit"  # the index has not changed yet
    refresh("document", [registered.pk])  # what the indexing task does after the commit
    assert link in fresh(search)


def test_indexing_a_draft_or_a_members_only_document_leaves_search_cached(registered, people):
    """Only index writes the public can see make the anonymous result pages stale."""
    search = reverse("search:page") + "?q=Egypt"
    refresh("document", [registered.pk])  # registered: officers only
    cached(search)
    draft = create_document(meeting=registered.meeting, title="Egypt draft", by=people["delegate"])
    refresh("document", [draft.pk, registered.pk])
    assert Client().get(search)["X-Page-Cache"] == "hit"


def test_an_entry_the_public_could_read_refreshes_search_when_it_goes(published, people):
    search = reverse("search:page") + "?q=Egypt"
    link = f'href="{reverse("documents:detail", args=[published.pk])}"'
    refresh("document", [published.pk])
    assert link in cached(search)
    Document.objects.filter(pk=published.pk).update(access=Document.Access.MEMBERS)
    refresh("document", [published.pk])  # members only now: its old entry was public
    assert link not in fresh(search)


def test_withdrawing_refreshes_the_document_page(published, people):
    page = reverse("documents:detail", args=[published.pk])
    assert "withdrawn" not in cached(page)
    withdraw_document(document=published, by=people["secretariat"], reason="Merged into 44/9.")
    assert "Merged into 44/9." in fresh(page)


def test_a_new_language_version_refreshes_the_document_page(published, people):
    page = reverse("documents:detail", args=[published.pk])
    assert "egypt-arabic.docx" not in cached(page)
    add_file(
        document=published,
        upload=docx_upload("نص المساهمة.", name="egypt-arabic.docx"),
        language="ar",
        by=people["secretariat"],
    )
    assert "egypt-arabic.docx" in fresh(page)


def test_publishing_the_summary_refreshes_the_meeting_list(meeting, meeting_list, people):
    summary = create_summary(
        meeting=meeting, title="Summary of the 44th meeting", language="en", by=people["chair"]
    )
    update_summary(
        document=summary,
        title=summary.title,
        blocks=[{"kind": "paragraph", "text": "The chair opened the meeting."}],
        by=people["chair"],
    )
    assert "Summary of the 44th meeting" not in cached(meeting_list)
    publish_summary(document=summary, by=people["chair"])
    assert "Summary of the 44th meeting" in fresh(meeting_list)


def test_a_delegates_draft_leaves_the_cached_pages_alone(meeting, meeting_list, people):
    cached(meeting_list)
    create_document(meeting=meeting, title="Another draft", by=people["delegate"])
    assert Client().get(meeting_list)["X-Page-Cache"] == "hit"


def test_the_signed_in_list_is_not_the_cached_one(submitted, meeting_list, people):
    """The secretariat sees the submitted document; the anonymous page never does."""
    cached(meeting_list)
    secretariat = Client()
    secretariat.force_login(people["secretariat"])
    assert submitted.title in secretariat.get(meeting_list).content.decode()
    assert submitted.title not in Client().get(meeting_list).content.decode()
