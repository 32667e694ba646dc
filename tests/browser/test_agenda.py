"""Meeting 44 as the public: documents under their agenda items, the English file in one click
(issue 22's Done-when), the page readable at phone width in English and Arabic."""

import pytest

from documents.models import Document
from tests.documents.factories import published_document
from tests.meetings.factories import AgendaItemFactory, MeetingFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def meeting_44(people):
    meeting = MeetingFactory(working_group=people.working_group, number=44)
    outcome = AgendaItemFactory(meeting=meeting, number="3", title="WSIS+20 outcome", order=1)
    gaps = AgendaItemFactory(meeting=meeting, number="4", title="Gap analysis", order=2)
    published_document(meeting, people, "Briefing", languages=("en", "ar"), items=[outcome])
    published_document(meeting, people, "Mapping", languages=("ar", "en"), items=[outcome, gaps])
    published_document(meeting, people, "Events", kind=Document.Kind.INFORMATION)
    return meeting


def test_the_public_downloads_the_english_file_in_one_click(page, meeting_44, screenshot_path):
    page.goto("/meetings/44/")
    outcome = page.locator("section.agenda-group", has_text="WSIS+20 outcome")
    assert outcome.locator("tr", has_text="Briefing").count() == 1
    assert outcome.locator("tr", has_text="Mapping").count() == 1
    gaps = page.locator("section.agenda-group", has_text="Gap analysis")
    assert gaps.locator("tr", has_text="Mapping").count() == 1  # under both of its items
    assert "Events" in page.locator("section", has_text="Information documents").inner_text()
    page.screenshot(path=screenshot_path("meeting"), full_page=True)

    badge = outcome.locator("tr", has_text="Briefing").locator("a.language").first
    assert badge.get_attribute("hreflang") == "en"  # the page's language comes first
    with page.expect_download() as download:
        badge.click()
    assert download.value.suggested_filename == "CWG-WSIS&SDG-44_1_E.docx"
    with open(download.value.path(), "rb") as saved:
        assert saved.read(2) == b"PK"  # a DOCX is a zip


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_meeting_pages_fit_a_phone(page, live_server, meeting_44, language, screenshot_path):
    page.set_viewport_size({"width": 390, "height": 844})
    page.context.add_cookies(
        [{"name": "django_language", "value": language, "url": live_server.url}]
    )
    for name, path in [("meeting", "/meetings/44/"), ("list", "/documents/meeting/44/")]:
        page.goto(path)
        assert page.get_attribute("html", "lang") == language
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, path
        page.screenshot(path=screenshot_path(f"{name}-{language}"), full_page=True)
