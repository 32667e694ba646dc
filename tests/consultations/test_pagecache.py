"""Moderation refreshes the anonymous visitors' cached pages of a call (cwg/pagecache)."""

import pytest
from django.test import Client
from django.urls import reverse

from consultations.services import accept_and_publish_submissions
from tests.consultations.factories import CallFactory
from tests.consultations.test_moderation import _submit
from tests.documents.test_pagecache import cached, fresh

pytestmark = pytest.mark.django_db
PAGE_CACHE = True  # anonymous pages from the cache, as in production (tests/conftest.py)
ANSWER = "نريد شبكات أوسع في الأرياف."  # what _submit answers


def test_a_new_input_leaves_the_published_page_cached(call, people):
    page = reverse("consultations:published", args=[call.code])
    cached(page)
    _submit(call, people)
    assert Client().get(page)["X-Page-Cache"] == "hit"


@pytest.mark.parametrize("query", ["", "?stakeholder_type=civil_society"])
def test_publishing_an_input_refreshes_the_published_page(query, call, people):
    page = reverse("consultations:published", args=[call.code]) + query
    item = _submit(call, people)
    assert ANSWER not in cached(page)
    accept_and_publish_submissions(ids=[item.pk], by=people["secretariat"])
    assert ANSWER in fresh(page)


def test_a_new_call_refreshes_the_open_data_page(call, working_group):
    page = reverse("cwg:open_data")
    assert "WSIS21" not in cached(page)
    CallFactory(working_group=working_group, code="WSIS21")
    assert "WSIS21" in fresh(page)
