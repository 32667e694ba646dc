"""A history people can read (issue 13, point 11) and a public history without the draft past
(issue 20, point 2): from registration on, roles instead of user names."""

import pytest
from django.urls import reverse
from reversion.models import Version

from documents.services import (
    publish_document,
    register_document,
    restore_version,
    submit_document,
    update_document,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def redrafted(draft, people):
    """Published after its delegation changed the draft's title and access."""
    update_document(
        document=draft, by=people["delegate"], title="Confidential first position", access="members"
    )
    update_document(document=draft, by=people["delegate"], title="Agreed position", access="public")
    submit_document(document=draft, by=people["delegate"])
    register_document(document=draft, by=people["secretariat"])
    return publish_document(document=draft, by=people["secretariat"])


def history_page(as_role, role: str, document, language: str = "en") -> str:
    url = reverse("documents:history", args=[document.pk])
    return as_role(role).get(url, HTTP_ACCEPT_LANGUAGE=language).content.decode()


@pytest.mark.parametrize("role", ["public", "other_delegate", "sector_member", "chair"])
def test_the_public_history_starts_at_registration_and_names_roles(redrafted, as_role, role):
    page = history_page(as_role, role, redrafted)
    assert "Confidential first position" not in page
    assert "Members only" not in page
    assert "Created the draft" not in page
    for username in ["delegate.eg", "secretariat"]:
        assert f"{username})" not in page
        assert f", {username}" not in page
    assert "the secretariat" in page
    assert "Registered as" in page
    assert "Agreed position" in page


@pytest.mark.parametrize("role", ["delegate", "secretariat"])
def test_the_delegation_and_the_secretariat_read_the_whole_history(redrafted, as_role, role):
    page = history_page(as_role, role, redrafted)
    assert "Confidential first position" in page
    assert "Created the draft" in page
    assert "the delegation of Egypt" in page


def test_only_the_secretariat_reads_user_names(redrafted, as_role):
    assert "(secretariat)" in history_page(as_role, "secretariat", redrafted)
    assert "(secretariat)" not in history_page(as_role, "delegate", redrafted)


def test_comments_and_labels_read_in_the_readers_language(redrafted, as_role):
    page = history_page(as_role, "public", redrafted, language="ar")
    assert "Registered as" not in page
    assert "Published" not in page
    assert "True" not in page
    assert "False" not in page


def test_a_restore_names_the_version_by_its_date(submitted, people, as_role):
    first = Version.objects.get_for_object(submitted).order_by("pk").first()
    restore_version(document=submitted, version_id=first.pk, by=people["delegate"])
    page = history_page(as_role, "delegate", submitted)
    assert f"version {first.pk}" not in page
    assert "Restored the details of " in page


def test_officers_read_the_whole_history_of_a_summary_they_write_together(meeting, people):
    from documents.selectors import history_of
    from documents.services import create_summary, update_summary

    summary = create_summary(meeting=meeting, title="Summary", language="en", by=people["chair"])
    update_summary(
        document=summary,
        title="Summary",
        blocks=[{"kind": "paragraph", "text": "First words."}],
        by=people["chair"],
    )
    entries = history_of(document=summary, user=people["vice_chair"])
    assert [entry.comment for entry in entries] == [
        "Edited the summary",
        "Started the meeting summary",
    ]
    assert history_of(document=summary, user=people["other_delegate"]) == []


@pytest.mark.parametrize(
    ("stored", "french"),
    [
        ("Published Rev.1", "Publication de la Rév.1"),
        ("Started Rev.2", "Début de la Rév.2"),
        ("Added the Arabic file note.docx (Rev.0)", "Ajout du fichier en arabe note.docx (Rév.0)"),
        (
            "Removed the English file a.pdf (Rev.1): wrong file",
            "Retrait du fichier en anglais a.pdf (Rév.1) : wrong file",
        ),
        ("Proposed action lines and SDGs", "Proposition de grandes orientations et d’ODD"),
        ("Something nobody wrote a rule for", "Something nobody wrote a rule for"),
    ],
)
def test_revision_and_file_comments_read_in_french(stored, french):
    from django.utils import translation

    from documents.selectors.history import readable_comment

    with translation.override("fr"):
        assert readable_comment(stored, version_dates={}) == french
