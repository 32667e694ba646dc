"""Corrections after registration (issue 13, point 7): the secretariat corrects title, series,
agenda items and access; each correction is in the history with its reason."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from cwg.exceptions import InvalidTransition, NotAllowed
from documents.models import Document
from documents.services import (
    add_file,
    correct_registered_document,
    create_document,
    publish_document,
    register_document,
    submit_document,
)
from tests.documents.factories import docx_upload
from tests.meetings.factories import AgendaItemFactory

pytestmark = pytest.mark.django_db


def another_registered(meeting, people, title: str) -> Document:
    document = create_document(meeting=meeting, title=title, by=people["other_delegate"])
    add_file(
        document=document, upload=docx_upload(title), language="en", by=people["other_delegate"]
    )
    submit_document(document=document, by=people["other_delegate"])
    return register_document(document=document, by=people["secretariat"])


def test_the_secretariat_corrects_title_access_and_agenda_items_with_a_reason(
    registered, meeting, people, as_role
):
    item = AgendaItemFactory(meeting=meeting, title="WSIS+20")
    officers = Group.objects.get(name="Officers")
    correct_registered_document(
        document=registered,
        by=people["secretariat"],
        reason="Title as agreed with the delegation",
        title="Corrected title",
        access="restricted",
        restricted_to=[officers],
        agenda_items=[item],
    )
    registered.refresh_from_db()
    assert registered.title == "Corrected title"
    assert list(registered.restricted_to.all()) == [officers]
    assert list(registered.agenda_items.all()) == [item]
    page = as_role("secretariat").get(reverse("documents:history", args=[registered.pk]))
    assert "Corrected: Title as agreed with the delegation" in page.content.decode()


def test_a_correction_is_refused_without_reason_before_registration_and_to_others(
    submitted, registered, people
):
    with pytest.raises(InvalidTransition):
        correct_registered_document(
            document=registered, by=people["secretariat"], reason=" ", title="x"
        )
    for role in ["delegate", "chair", "other_delegate"]:
        with pytest.raises(NotAllowed):
            correct_registered_document(
                document=registered, by=people[role], reason="mine", title="x"
            )
    with pytest.raises(InvalidTransition):
        correct_registered_document(
            document=registered, by=people["secretariat"], reason="r", access="restricted"
        )
    registered.refresh_from_db()
    assert registered.title == "Draft of Egypt"


def test_the_series_changes_for_the_last_number_and_gives_it_back(registered, meeting, people):
    assert registered.symbol.endswith("44/1")
    correct_registered_document(
        document=registered,
        by=people["secretariat"],
        reason="An information document",
        kind="information",
    )
    registered.refresh_from_db()
    assert registered.symbol.endswith("44/INF/1")
    following = another_registered(meeting, people, "Next contribution")
    assert following.symbol.endswith("44/1")  # no gap in the main series


def test_the_series_stays_when_it_would_leave_a_gap_or_after_publication(
    registered, meeting, people
):
    another_registered(meeting, people, "Next contribution")
    with pytest.raises(InvalidTransition):
        correct_registered_document(
            document=registered, by=people["secretariat"], reason="r", kind="information"
        )
    last = Document.objects.get(title="Next contribution")
    publish_document(document=last, by=people["secretariat"])
    with pytest.raises(InvalidTransition):
        correct_registered_document(
            document=last, by=people["secretariat"], reason="r", kind="information"
        )
    assert {document.kind for document in Document.objects.all()} == {"contribution"}


def test_the_correction_page_is_the_secretariats(registered, as_role):
    url = reverse("documents:correct", args=[registered.pk])
    secretariat = as_role("secretariat")
    assert secretariat.get(url).status_code == 200
    response = secretariat.post(
        url, {"title": "Fixed", "series": "contribution", "access": "public", "reason": "Typo"}
    )
    assert response.status_code == 302
    refused = as_role("delegate").post(
        url, {"title": "Mine", "series": "contribution", "access": "public", "reason": "x"}
    )
    assert refused.status_code == 403
    registered.refresh_from_db()
    assert registered.title == "Fixed"
