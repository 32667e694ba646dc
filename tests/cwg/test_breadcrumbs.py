"""Breadcrumbs: one component, a translated landmark, the current page last and marked."""

import html as markup
import re

import pytest
from django.template import Context, Template
from django.urls import reverse
from django.utils import translation

from documents.models import Document
from tests.consultations.factories import CallFactory
from tests.documents.factories import DocumentFactory
from tests.meetings.factories import MeetingFactory

pytestmark = pytest.mark.django_db


def trail(html: str) -> list[tuple[str, str]]:
    """[(text, href or "current")] of the page's breadcrumbs."""
    [nav] = re.findall(r'<nav class="breadcrumbs"[^>]*>(.*?)</nav>', html, re.S)
    steps = []
    for item in re.findall(r"<li>(.*?)</li>", nav, re.S):
        text = markup.unescape(re.sub(r"<[^>]+>", "", item).strip())
        if 'aria-current="page"' in item:
            steps.append((text, "current"))
        else:
            steps.append((text, re.search(r'href="([^"]*)"', item).group(1)))
    return steps


def test_the_component_marks_the_last_step_and_labels_the_landmark():
    template = Template(
        "{% load cwg_breadcrumbs %}{% breadcrumbs 'followup' label|crumb:'/somewhere/' here %}"
    )
    with translation.override("fr"):
        html = template.render(Context({"label": "Étape", "here": "Ici"}))
    assert '<nav class="breadcrumbs" aria-label="Fil d’Ariane">' in html
    assert trail(html) == [
        ("Accueil", reverse("cwg:home")),
        ("Suivi", reverse("followup:action_dashboard")),
        ("Étape", "/somewhere/"),
        ("Ici", "current"),
    ]
    assert html.count("aria-current") == 1


def test_an_empty_step_is_left_out():
    html = Template("{% load cwg_breadcrumbs %}{% breadcrumbs nothing 'Here' %}").render(
        Context({"nothing": None})
    )
    assert [text for text, _ in trail(html)] == ["Home", "Here"]


@pytest.fixture
def document(working_group):
    meeting = MeetingFactory(working_group=working_group, number=44)
    return DocumentFactory(
        meeting=meeting, number=1, status=Document.Status.PUBLISHED, access="public"
    )


def test_the_document_page_sits_under_its_meeting_and_its_list(client, document):
    html = client.get(document.get_absolute_url()).content.decode()
    assert trail(html) == [
        ("Home", reverse("cwg:home")),
        (str(document.meeting), document.meeting.get_absolute_url()),
        ("Documents", reverse("documents:meeting_list", args=[44])),
        (document.symbol, "current"),
    ]


def test_the_meeting_pages(client, document):
    meeting = document.meeting
    assert trail(client.get(meeting.get_absolute_url()).content.decode())[-1] == (
        str(meeting),
        "current",
    )
    listing = client.get(reverse("documents:meeting_list", args=[44])).content.decode()
    assert trail(listing)[-2:] == [
        (str(meeting), meeting.get_absolute_url()),
        ("Documents", "current"),
    ]


def test_arabic_pages_have_translated_breadcrumbs(client, document):
    client.cookies["django_language"] = "ar"
    html = client.get(document.get_absolute_url()).content.decode()
    assert 'aria-label="مسار التنقل"' in html
    assert trail(html)[0] == ("الصفحة الرئيسية", reverse("cwg:home"))


def test_the_follow_up_pages_sit_under_the_dashboard(as_role, document):
    client = as_role("secretariat")
    for url in [reverse("followup:heat_map"), reverse("followup:action_dashboard")]:
        steps = trail(client.get(url).content.decode())
        assert steps[0] == ("Home", reverse("cwg:home"))
        assert steps[-1][1] == "current"
    package = client.get(reverse("followup:record_package", args=[44])).content.decode()
    assert trail(package)[-2:] == [
        (str(document.meeting), document.meeting.get_absolute_url()),
        ("Record package", "current"),
    ]


def test_a_consultation_sits_under_the_consultations(client, working_group):
    call = CallFactory(working_group=working_group)
    steps = trail(client.get(reverse("consultations:detail", args=[call.code])).content.decode())
    assert steps == [
        ("Home", reverse("cwg:home")),
        ("Consultations", reverse("consultations:list")),
        (call.display_title, "current"),
    ]
