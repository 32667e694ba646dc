"""A title written in Arabic, on a French page: the browser lays it out right to left."""

import datetime as dt

import pytest
from django.utils import timezone

from documents.services import set_document_titles
from tests.cwg.factories import WorkingGroupFactory
from tests.documents.test_pages import published
from tests.meetings.factories import MeetingFactory
from tests.roles import make_people

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ARABIC = "آراء مصر بشأن متابعة القمة"


def test_a_title_in_another_language_carries_its_lang_and_direction(page):
    working_group = WorkingGroupFactory()
    people = make_people(working_group)
    start = timezone.localdate() + dt.timedelta(days=19)
    meeting = MeetingFactory(
        working_group=working_group, number=44, start_date=start, end_date=start
    )
    (document,) = published(meeting, people, 1, title="Views of Egypt")
    set_document_titles(
        document=document,
        by=people["secretariat"],
        title_language="ar",
        titles={"ar": ARABIC, "en": "Views of Egypt"},
    )
    page.goto(f"/language/fr/?next=/documents/{document.pk}/")
    title = page.locator("h1 span[lang=ar]")
    assert title.inner_text() == ARABIC
    assert title.evaluate("element => getComputedStyle(element).direction") == "rtl"
    assert page.get_attribute("html", "dir") != "rtl"
    page.goto(f"/language/en/?next=/documents/{document.pk}/")
    assert page.inner_text("h1") == "Views of Egypt"
    assert page.locator("h1 span[lang]").count() == 0
