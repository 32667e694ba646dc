"""The secretariat's "Preview as" (issue 13, point 9): for every role of the permission matrix
and every document of its world that the secretariat may open, the preview as that role's kind
of viewer is the page that role really gets (or the "does not exist" it really gets)."""

import re

import pytest
from django.contrib.auth.models import Group
from django.test import Client, TestCase
from django.urls import reverse

from cwg.permissions import OFFICERS, SECRETARIAT
from documents.models import Document
from tests.roles import ROLE_NAMES
from tests.security.world import build_world

pytestmark = pytest.mark.django_db

ACTIONS = re.compile(r'<section aria-labelledby="actions".*', re.DOTALL)
BANNER = re.compile(r'<div class="preview-banner.*?</form>\s*</div>\s*', re.DOTALL)
MESSAGES = re.compile(r'<ul class="messages".*?</ul>', re.DOTALL)
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"')  # one per request


@pytest.fixture(scope="module")
def world(module_people):
    with TestCase.captureOnCommitCallbacks(execute=True):
        return build_world(module_people)


@pytest.fixture
def people(module_people):
    return module_people


def viewer_of(role: str, world) -> str:
    """The "Preview as" value that describes this role's kind of person."""
    people = world.people
    if role == "public":
        return "public"
    if role in {"delegate", "other_delegate"}:
        return f"state:{people[role].delegations.get().member_state.iso_code}"
    if role == "sector_member":
        return f"organization:{people[role].delegations.get().organization_id}"
    group = OFFICERS if role in {"chair", "vice_chair"} else SECRETARIAT
    return f"group:{Group.objects.get(name=group).pk}"


def document_part(html: str) -> str:
    """The page from its main content to the actions (which a preview does not offer)."""
    main = html[html.index('<main id="main">') : html.index("</main>")]
    main = CSRF.sub('name="csrfmiddlewaretoken"', main)
    return " ".join(MESSAGES.sub("", BANNER.sub("", ACTIONS.sub("", main))).split())


def client_of(user) -> Client:
    client = Client()
    if user.is_authenticated:
        client.force_login(user)
    return client


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_the_preview_is_what_the_role_really_gets(role, world):
    secretariat = client_of(world.people["secretariat"])
    real = client_of(world.people[role])
    seen_by_secretariat = Document.objects.visible_to(world.people["secretariat"])
    compared = 0
    for document in seen_by_secretariat.filter(meeting=world.meeting):
        actual = real.get(reverse("documents:detail", args=[document.pk]))
        preview = secretariat.get(
            reverse("documents:preview", args=[document.pk]), {"as": viewer_of(role, world)}
        )
        assert preview.status_code == 200
        if actual.status_code == 404:
            assert "does not exist" in preview.content.decode(), (role, document.title)
            continue
        assert actual.status_code == 200
        assert document_part(preview.content.decode()) == document_part(actual.content.decode()), (
            role,
            document.title,
        )
        compared += 1
    assert compared >= 1


def test_a_preview_names_nobody_it_does_not_know(world, as_role):
    url = reverse("documents:preview", args=[world.documents["public"].pk])
    assert as_role("secretariat").get(url, {"as": "state:ZZ"}).status_code == 400
    assert as_role("delegate").get(url, {"as": "public"}).status_code == 403


def test_the_document_page_says_who_can_see_it(world, as_role):
    client = as_role("public")
    page = client.get(reverse("documents:detail", args=[world.documents["public"].pk]))
    assert "Public: anyone" in page.content.decode()
    members = as_role("delegate").get(
        reverse("documents:detail", args=[world.documents["members"].pk])
    )
    assert "Members: signed-in delegates of member states and sector members" in (
        members.content.decode()
    )
    draft = as_role("other_delegate").get(
        reverse("documents:detail", args=[world.documents["cosponsored_draft"].pk])
    )
    text = draft.content.decode()
    assert "Draft: only the delegation of Sweden." in text
    assert "Co-sponsors see it once it is submitted: Egypt." in text
