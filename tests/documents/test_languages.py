"""Texts fixed when a module is imported stay translatable: the request's language decides."""

import importlib

import pytest
from django.urls import reverse
from django.utils import translation

from documents.views import workflow as views

pytestmark = pytest.mark.django_db


@pytest.fixture
def views_imported_in_arabic():
    """The first request after a restart may be an Arabic one: import the views under Arabic."""
    with translation.override("ar"):
        importlib.reload(views)
    yield
    importlib.reload(views)
    translation.deactivate()


def test_an_english_page_stays_english_after_an_arabic_import(
    views_imported_in_arabic, draft, as_role
):
    client = as_role("delegate")
    url = reverse("documents:submit", args=[draft.pk])
    page = client.post(url, follow=True, HTTP_ACCEPT_LANGUAGE="en")
    html = page.content.decode()
    assert "Submitted." in html
    assert "قُدّمت." not in html


def test_an_arabic_page_gets_the_arabic_message(draft, as_role):
    client = as_role("delegate")
    url = reverse("documents:submit", args=[draft.pk])
    page = client.post(url, follow=True, HTTP_ACCEPT_LANGUAGE="ar")
    assert "قُدّمت." in page.content.decode()
